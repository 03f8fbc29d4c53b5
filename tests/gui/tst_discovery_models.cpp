// The discovery and lab view models against a real backend running the demo lab's Redfish BMCs:
// a lab scan from start to finish, a fault showing up as a change on the next scan, cancelling,
// refusals carrying the backend's message, and the fault list as a well-behaved model.

#include "GuiTestSupport.h"
#include "LabFaultModel.h"
#include "ScanController.h"
#include "activity/AuditLog.h"
#include "discovery/DiscoveryService.h"
#include "lab/LabService.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace NeoCloud;

namespace {

constexpr int scanTimeoutMs = 60000;

// The first device of a kind in the lab definition.
QString firstLabDevice(LabService &lab, DeviceKind kind)
{
    for (const LabDevice &d : lab.definition().devices)
        if (d.tmpl->kind == kind)
            return d.name;
    return {};
}

// The change row for a device, or -1.
int changeRow(ScanChangeModel &changes, const QString &name)
{
    for (int row = 0; row < changes.rowCount(); ++row)
        if (changes.data(changes.index(row), ScanChangeModel::NameRole).toString() == name)
            return row;
    return -1;
}

} // namespace

class TestDiscoveryModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_backend = Testing::createLabBackend(*m_dir);
        QVERIFY(m_backend);
        QVERIFY(m_backend->lab());
    }

    void cleanup()
    {
        m_backend.reset();
        m_dir.reset();
    }

    void labScanRunsToTheEnd()
    {
        ScanController scan(m_backend->discovery(), m_backend->lab());
        QAbstractItemModelTester errorsTester(scan.errors(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester changesTester(scan.changes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int devices = int(m_backend->lab()->definition().devices.size());
        QVERIFY(devices > 0);
        QVERIFY(scan.labAvailable());
        QCOMPARE(scan.labBmcCount(), devices);
        QCOMPARE(scan.state(), QString());
        QVERIFY(!scan.finished());

        QSignalSpy progress(&scan, &ScanController::progressChanged);
        QSignalSpy runningChanged(&scan, &ScanController::runningChanged);
        QVERIFY(scan.scanLab());
        QVERIFY(scan.running());
        QCOMPARE(scan.state(), QStringLiteral("running"));
        QVERIFY(scan.lastScanId().startsWith(QLatin1String("scan")));
        QCOMPARE(scan.progressTotal(), devices);
        QCOMPARE(scan.lastError(), QString());

        QTRY_VERIFY_WITH_TIMEOUT(!scan.running(), scanTimeoutMs);
        QVERIFY(scan.finished());
        QCOMPARE(scan.state(), QStringLiteral("succeeded"));
        QCOMPARE(scan.progressDone(), scan.progressTotal());
        QCOMPARE(scan.foundAdded(), devices);
        QCOMPARE(scan.foundChanged() + scan.foundUnchanged() + scan.foundUnreachable() + scan.foundGone(), 0);
        QVERIFY(scan.links() > 0);
        QCOMPARE(scan.errors()->rowCount(), 0);
        QCOMPARE(scan.changes()->rowCount(), devices);
        QCOMPARE(scan.changes()->data(scan.changes()->index(0), ScanChangeModel::ChangeRole).toString(),
                 QStringLiteral("added"));
        QVERIFY(progress.count() >= 2);       // at least the start and the end
        QCOMPARE(runningChanged.count(), 2); // on, then off
    }

    void faultShowsAsAChangeOnTheNextScan()
    {
        ScanController scan(m_backend->discovery(), m_backend->lab());
        LabFaultModel faults(m_backend->lab(), m_backend->inventory());
        QVERIFY(scan.scanLab());
        QTRY_VERIFY_WITH_TIMEOUT(scan.finished(), scanTimeoutMs);

        const QString gpuServer = firstLabDevice(*m_backend->lab(), DeviceKind::GpuServer);
        QVERIFY(!gpuServer.isEmpty());
        QCOMPARE(faults.addFault(gpuServer, QStringLiteral("gpu-failed"), QStringLiteral("GPU3"), 0), QString());

        const QString firstScan = scan.lastScanId();
        QVERIFY(scan.scanLab());
        QVERIFY(scan.lastScanId() != firstScan);
        QCOMPARE(scan.changes()->rowCount(), 0); // the last scan's list goes as a new one starts
        QTRY_VERIFY_WITH_TIMEOUT(scan.finished(), scanTimeoutMs);
        QCOMPARE(scan.state(), QStringLiteral("succeeded"));
        QCOMPARE(scan.foundAdded(), 0);
        QCOMPARE(scan.foundChanged(), 1);
        const int row = changeRow(*scan.changes(), gpuServer);
        QVERIFY(row >= 0);
        const QModelIndex index = scan.changes()->index(row);
        QCOMPARE(index.data(ScanChangeModel::ChangeRole).toString(), QStringLiteral("changed"));
        QVERIFY(index.data(ScanChangeModel::FieldCountRole).toInt() > 0);
        const QString summary = index.data(ScanChangeModel::SummaryRole).toString();
        QVERIFY2(summary.contains(QStringLiteral(" → ")) && summary.contains(QLatin1String("GPU3")),
                 qPrintable(summary));
    }

    void bmcDownIsReportedUnreachable()
    {
        ScanController scan(m_backend->discovery(), m_backend->lab());
        LabFaultModel faults(m_backend->lab(), m_backend->inventory());
        QVERIFY(scan.scanLab());
        QTRY_VERIFY_WITH_TIMEOUT(scan.finished(), scanTimeoutMs);
        const QString pdu = firstLabDevice(*m_backend->lab(), DeviceKind::Pdu);
        QCOMPARE(faults.addFault(pdu, QStringLiteral("bmc-down"), {}, 0), QString());
        QVERIFY(scan.scanLab());
        QTRY_VERIFY_WITH_TIMEOUT(scan.finished(), scanTimeoutMs);
        QCOMPARE(scan.foundUnreachable(), 1);
        const int row = changeRow(*scan.changes(), pdu);
        QVERIFY(row >= 0);
        QCOMPARE(scan.changes()->index(row).data(ScanChangeModel::ChangeRole).toString(), QStringLiteral("unreachable"));
    }

    void cancelStopsTheScan()
    {
        ScanController scan(m_backend->discovery(), m_backend->lab());
        QVERIFY(!scan.cancel()); // nothing to cancel yet
        QVERIFY(scan.scanLab());
        QVERIFY(scan.cancel());
        QTRY_VERIFY_WITH_TIMEOUT(!scan.running(), scanTimeoutMs);
        QCOMPARE(scan.state(), QStringLiteral("cancelled"));
        QVERIFY(scan.progressDone() < scan.progressTotal());
        QCOMPARE(scan.lastError(), QString());
    }

    void refusedScansSayWhy_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("field");
        QTest::newRow("not a URL") << QStringLiteral("not a url") << QString() << QStringLiteral("targets[0].url");
        QTest::newRow("no host") << QStringLiteral("https://") << QString() << QStringLiteral("targets[0].url");
        QTest::newRow("range backwards") << QStringLiteral("https://10.0.0.9") << QStringLiteral("https://10.0.0.1")
                                         << QStringLiteral("to must not come before from");
        QTest::newRow("range of names") << QStringLiteral("https://a.example") << QStringLiteral("https://b.example")
                                        << QStringLiteral("IPv4");
    }

    void refusedScansSayWhy()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, field);
        ScanController scan(m_backend->discovery(), m_backend->lab());
        QSignalSpy errorChanged(&scan, &ScanController::lastErrorChanged);
        const bool started = to.isEmpty()
            ? scan.scanRedfish(from, QStringLiteral("admin"), QStringLiteral("secret"), true)
            : scan.scanRange(from, to, QStringLiteral("admin"), QStringLiteral("secret"), false);
        QVERIFY(!started);
        QVERIFY(!scan.running());
        QVERIFY2(scan.lastError().contains(field), qPrintable(scan.lastError()));
        QCOMPARE(errorChanged.count(), 1);
        // The next accepted request clears it.
        QVERIFY(scan.scanLab());
        QCOMPARE(scan.lastError(), QString());
        QVERIFY(scan.cancel());
        QTRY_VERIFY_WITH_TIMEOUT(!scan.running(), scanTimeoutMs);
    }

    void unreachableBmcIsAPerTargetOutcome()
    {
        // A port nothing listens on: the scan runs and reports the BMC unreachable, not refused.
        ScanController scan(m_backend->discovery(), m_backend->lab());
        QVERIFY(scan.scanRedfish(QStringLiteral("http://127.0.0.1:9"), QStringLiteral("admin"), QStringLiteral("x"), false, 4));
        QTRY_VERIFY_WITH_TIMEOUT(scan.finished(), scanTimeoutMs);
        QCOMPARE(scan.progressDone(), 1);
        QCOMPARE(scan.foundAdded(), 0);
    }

    void followsAScanStartedElsewhere()
    {
        ScanController scan(m_backend->discovery(), m_backend->lab());
        const QJsonObject body{{QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("lab")}}}}};
        const Result<Job> started = m_backend->discovery().startScan(body, QStringLiteral("tst"));
        QVERIFY(started);
        QTRY_COMPARE_WITH_TIMEOUT(scan.lastScanId(), started->id, scanTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(scan.finished(), scanTimeoutMs);
        QCOMPARE(scan.foundAdded(), int(m_backend->lab()->definition().devices.size()));
    }

    void faultListRoundTrip()
    {
        LabFaultModel faults(m_backend->lab(), m_backend->inventory());
        QAbstractItemModelTester tester(&faults, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester devicesTester(faults.devices(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        LabService &lab = *m_backend->lab();
        QVERIFY(faults.available());
        QCOMPARE(faults.labName(), lab.definition().name);
        QCOMPARE(faults.siteName(), lab.siteName());
        QCOMPARE(faults.bmcCount(), int(lab.definition().devices.size()));
        QCOMPARE(faults.devices()->nameAt(0), lab.definition().devices.constFirst().name);
        QCOMPARE(faults.rowCount(), 0);

        const QString gpuServer = firstLabDevice(lab, DeviceKind::GpuServer);
        QVERIFY(faults.componentHint(gpuServer, QStringLiteral("gpu-failed")).contains(QLatin1String("GPU1 to GPU8")));
        QSignalSpy countChanged(&faults, &LabFaultModel::countChanged);
        QCOMPARE(faults.addFault(gpuServer, QStringLiteral("psu-failed"), QStringLiteral("PSU2"), 0), QString());
        QCOMPARE(faults.addFault(gpuServer, QStringLiteral("bmc-slow"), {}, 1500), QString());
        QCOMPARE(faults.rowCount(), 2);
        QCOMPARE(countChanged.count(), 2);
        const QModelIndex first = faults.index(0);
        QCOMPARE(first.data(LabFaultModel::DeviceRole).toString(), gpuServer);
        QCOMPARE(first.data(LabFaultModel::KindRole).toString(), QStringLiteral("psu-failed"));
        QCOMPARE(first.data(LabFaultModel::ComponentRole).toString(), QStringLiteral("PSU2"));
        QVERIFY(first.data(LabFaultModel::CreatedAtRole).toDateTime().isValid());
        QCOMPARE(faults.index(1).data(LabFaultModel::LatencyMsRole).toInt(), 1500);
        QCOMPARE(lab.faults().size(), 2);

        const QString id = first.data(LabFaultModel::IdRole).toString();
        QCOMPARE(faults.clearFault(id), QString());
        QCOMPARE(faults.rowCount(), 1);
        QCOMPARE(lab.faults().size(), 1);
        QVERIFY(!faults.clearFault(id).isEmpty()); // already gone

        // Both actions are audited under the console's name.
        const auto audit = m_backend->audit().list(10, 0);
        QVERIFY(audit);
        QStringList actions;
        for (const AuditEntry &e : audit->items)
            if (e.user == QLatin1String("console"))
                actions << e.action;
        QVERIFY2(actions.contains(QStringLiteral("lab.fault.add")) && actions.contains(QStringLiteral("lab.fault.clear")),
                 qPrintable(actions.join(u',')));
    }

    void invalidFaultsReturnTheLabsMessage_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("component");
        const QString gpuServer = QStringLiteral("<gpu>");
        QTest::newRow("unknown device") << QStringLiteral("no-such-device") << QStringLiteral("gpu-failed") << QString();
        QTest::newRow("unknown kind") << gpuServer << QStringLiteral("melted") << QString();
        QTest::newRow("no such GPU") << gpuServer << QStringLiteral("gpu-failed") << QStringLiteral("GPU9");
        QTest::newRow("not a CNode") << gpuServer << QStringLiteral("cnode-down") << QString();
    }

    void invalidFaultsReturnTheLabsMessage()
    {
        QFETCH(QString, device);
        QFETCH(QString, kind);
        QFETCH(QString, component);
        LabService &lab = *m_backend->lab();
        if (device == QLatin1String("<gpu>"))
            device = firstLabDevice(lab, DeviceKind::GpuServer);
        LabFaultModel faults(&lab, m_backend->inventory());
        QJsonObject body{{QStringLiteral("device"), device}, {QStringLiteral("kind"), kind}};
        if (!component.isEmpty())
            body.insert(QStringLiteral("component"), component);
        const Result<LabFault> direct = lab.addFault(body, {}, QStringLiteral("test"));
        QVERIFY(!direct);
        const QString message = faults.addFault(device, kind, component, 0);
        QCOMPARE(message, direct.error().message);
        QCOMPARE(faults.rowCount(), 0);
    }

    void withoutALab()
    {
        QTemporaryDir dir;
        auto backend = Testing::createBackend(dir);
        QVERIFY(backend);
        QVERIFY(!backend->lab());
        ScanController scan(backend->discovery(), nullptr);
        QVERIFY(!scan.labAvailable());
        QCOMPARE(scan.labBmcCount(), 0);
        QVERIFY(!scan.scanLab());
        QVERIFY2(scan.lastError().contains(QLatin1String("No demo lab")), qPrintable(scan.lastError()));

        LabFaultModel faults(nullptr, backend->inventory());
        QAbstractItemModelTester tester(&faults, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!faults.available());
        QCOMPARE(faults.rowCount(), 0);
        QCOMPARE(faults.devices()->rowCount(), 0);
        QVERIFY(!faults.addFault(QStringLiteral("gpu-a1"), QStringLiteral("gpu-failed"), {}, 0).isEmpty());
        QCOMPARE(faults.componentHint(QStringLiteral("gpu-a1"), QStringLiteral("gpu-failed")), QString());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Backend> m_backend;
};

QTEST_MAIN(TestDiscoveryModels)
#include "tst_discovery_models.moc"
