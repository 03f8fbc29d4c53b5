// The console's view models against a real backend: counts follow the services, and the event
// list is a well-behaved model that shows new events at the top.

#include "EventListModel.h"
#include "GuiTestSupport.h"
#include "OverviewModel.h"
#include "tenancy/TenantService.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace NeoCloud;

class TestViewModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_backend = Testing::createBackend(*m_dir);
        QVERIFY(m_backend);
    }

    void cleanup()
    {
        m_backend.reset();
        m_dir.reset();
    }

    void overviewCountsFollowTheInventory()
    {
        OverviewModel model(m_backend->inventory(), m_backend->tenants(), m_backend->events());
        QVERIFY(!model.loaded()); // the first read waits for the event loop
        QTRY_VERIFY(model.loaded());
        QCOMPARE(model.devices(), 0);
        QCOMPARE(model.lastError(), QString());

        InventoryService &inventory = m_backend->inventory();
        Site site;
        site.name = QStringLiteral("fra-2");
        const Result<Site> added = inventory.addSite(site);
        QVERIFY(added);
        QTRY_COMPARE(model.sites(), 1);

        Rack rack;
        rack.siteId = added->id;
        rack.name = QStringLiteral("r07");
        const Result<Rack> addedRack = inventory.addRack(rack);
        QVERIFY(addedRack);
        QTRY_COMPARE(model.racks(), 1);

        Device gpu;
        gpu.siteId = added->id;
        gpu.rackId = addedRack->id;
        gpu.name = QStringLiteral("gpu-101");
        gpu.kind = DeviceKind::GpuServer;
        QVERIFY(inventory.addDevice(gpu));
        Device dbox = gpu;
        dbox.name = QStringLiteral("dbox-1");
        dbox.kind = DeviceKind::StorageDBox;
        QVERIFY(inventory.addDevice(dbox));
        QTRY_COMPARE(model.devices(), 2);
        QCOMPARE(model.gpuServers(), 1);
        QCOMPARE(model.storageDBoxes(), 1);
        QCOMPARE(model.storageCNodes(), 0);
        QCOMPARE(model.switches(), 0);
        QCOMPARE(model.tenants(), 0);
    }

    void overviewCountsOpenAlerts()
    {
        OverviewModel model(m_backend->inventory(), m_backend->tenants(), m_backend->events());
        QTRY_VERIFY(model.loaded());
        QCOMPARE(model.openAlerts(), 0);
        QSignalSpy changed(&model, &OverviewModel::countsChanged);

        const Result<Event> alert = m_backend->events().raiseAlert(
            Severity::Critical, QStringLiteral("pdu-a1"), QStringLiteral("Input feed A lost"));
        QVERIFY(alert);
        QTRY_COMPARE(model.openAlerts(), 1);
        QCOMPARE(changed.count(), 1);

        QVERIFY(m_backend->events().clearAlert(alert->id));
        QTRY_COMPARE(model.openAlerts(), 0);
    }

    void overviewCoalescesBursts()
    {
        OverviewModel model(m_backend->inventory(), m_backend->tenants(), m_backend->events());
        QTRY_VERIFY(model.loaded());
        QSignalSpy changed(&model, &OverviewModel::countsChanged);
        for (int i = 0; i < 20; ++i) {
            Site site;
            site.name = QStringLiteral("site-%1").arg(i);
            QVERIFY(m_backend->inventory().addSite(site));
        }
        QTRY_COMPARE(model.sites(), 20);
        QCOMPARE(changed.count(), 1); // twenty signals, one re-read
    }

    void eventListIsAWellBehavedModel()
    {
        QVERIFY(Testing::addSampleEvents(m_backend->events()));
        EventListModel model(m_backend->events());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(model.loaded());
        QCOMPARE(model.rowCount(), 3);
        // Newest first.
        QCOMPARE(model.index(0).data(EventListModel::MessageRole).toString(),
                 QStringLiteral("Port swp12 is down"));
        QCOMPARE(model.index(0).data(EventListModel::SeverityRole).toString(),
                 QStringLiteral("critical"));
        QCOMPARE(model.index(0).data(EventListModel::AlertRole).toBool(), true);
        QCOMPARE(model.index(2).data(EventListModel::SourceRole).toString(),
                 QStringLiteral("inventory"));
        QVERIFY(model.index(0).data(EventListModel::TimeRole).toDateTime().isValid());
        QVERIFY(model.roleNames().values().contains("eventId"));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const Result<Event> live = m_backend->events().record(
            Severity::Info, QStringLiteral("console"), QStringLiteral("A live one"));
        QVERIFY(live);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0).data(EventListModel::IdRole).toString(), live->id);
        QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("A live one"));
    }

    void eventListKeepsAtMostMaxRows()
    {
        EventLog &events = m_backend->events();
        for (int i = 0; i < 8; ++i)
            QVERIFY(events.record(Severity::Info, QStringLiteral("test"), QString::number(i)));
        EventListModel model(events, 5);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(model.loaded());
        QCOMPARE(model.rowCount(), 5);

        const Result<Event> live =
            events.record(Severity::Warning, QStringLiteral("test"), QStringLiteral("newest"));
        QVERIFY(live);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0).data(EventListModel::IdRole).toString(), live->id);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Backend> m_backend;
};

QTEST_GUILESS_MAIN(TestViewModels)
#include "tst_viewmodels.moc"
