// The console window over the demo lab with tenants and their services, used as a person would:
// a CNode powered off turns the Health matrix's cells, a click on a cell shows its reason, the
// path down to the CNode and the CNode ringed in the rack view; the overview's dashboard shows
// the capacity and the health counts; the what-if form answers from its button. No QML warning
// may appear. With NEOCLOUD_SCREENSHOT_DIR set it also saves the pictures the docs use.

#include "ConsoleContext.h"
#include "HealthLab.h"
#include "WindowTestSupport.h"
#include "capacity/CapacityService.h"
#include "store/TelemetryRepository.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>

Q_IMPORT_QML_PLUGIN(NeoCloud_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(NeoCloud_ViewModelsPlugin)

using namespace NeoCloud;
using namespace Qt::StringLiterals;

namespace {

struct TenantPlan
{
    QString name;
    int gpus;
    double capacityTB;
    QList<std::pair<QString, QJsonObject>> services;
};

QJsonObject volume(const QString &name, double terabytes)
{
    return { { u"volumes"_s,
               QJsonArray {
                   QJsonObject { { u"name"_s, name }, { u"sizeBytes"_s, terabytes * 1e12 } } } } };
}

} // namespace

class TestHealthViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(u"Basic"_s);
        QVERIFY(m_dir.isValid());
        m_backend = Testing::createHealthLabBackend(m_dir);
        QVERIFY(m_backend);

        // A handful of tenants with services of every kind between them; block volumes count as
        // written in full on the lab's VMS, so the cluster has data to show.
        const QList<TenantPlan> plans {
            { u"acme"_s,
              32,
              400,
              { { u"object-storage"_s, { { u"bucket"_s, u"acme-data"_s } } },
                { u"block-storage"_s, volume(u"training"_s, 220) },
                { u"event-streaming"_s,
                  { { u"topics"_s,
                      QJsonArray { QJsonObject { { u"name"_s, u"events"_s },
                                                 { u"partitions"_s, 8 },
                                                 { u"retentionHours"_s, 72 } } } } } },
                { u"telemetry"_s, { { u"retentionDays"_s, 30 } } } } },
            { u"globex"_s,
              16,
              200,
              { { u"file-storage"_s,
                  { { u"path"_s, u"/home"_s }, { u"protocols"_s, QJsonArray { u"NFS"_s } } } },
                { u"database"_s,
                  { { u"bucket"_s, u"globex-analytics"_s },
                    { u"schemas"_s, QJsonArray { u"raw"_s } } } },
                { u"block-storage"_s, volume(u"scratch"_s, 90) } } },
            { u"initech"_s,
              8,
              80,
              { { u"object-storage"_s, { { u"bucket"_s, u"initech-backups"_s } } } } },
            { u"umbrella"_s,
              4,
              40,
              { { u"file-storage"_s,
                  { { u"path"_s, u"/lab"_s }, { u"protocols"_s, QJsonArray { u"NFS"_s } } } } } },
            { u"hooli"_s, 0, 20, {} },
        };
        for (const TenantPlan &plan : plans) {
            const QString id = Testing::createTenant(*m_backend, plan.name, plan.gpus,
                                                     qint64(plan.capacityTB * 1e12));
            QVERIFY(!id.isEmpty());
            m_tenants.insert(plan.name, id);
            for (const auto &[kind, params] : plan.services)
                QVERIFY(Testing::enableService(*m_backend, id, kind, params));
        }
        writeHistory();

        m_context = std::make_unique<ConsoleContext>(*m_backend);
        QTRY_COMPARE_WITH_TIMEOUT(cellStatus(u"acme"_s, u"object-storage"_s), u"healthy"_s,
                                  Testing::healthReflectMs);
        m_recorder = std::make_unique<Testing::WarningRecorder>();
        m_engine.addImportPath(u"qrc:/qt/qml"_s);
        m_engine.setInitialProperties({ { u"context"_s, QVariant::fromValue(m_context.get()) },
                                        { u"currentView"_s, u"health"_s } });
        m_engine.load(QUrl(u"qrc:/qt/qml/NeoCloud/Console/Main.qml"_s));
        QVERIFY(!m_engine.rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().constFirst());
        QVERIFY(m_window);
        m_window->resize(1600, 1000);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanupTestCase() { m_recorder.reset(); }

    void aClickedCellShowsItsReasonPathAndHardware()
    {
        LabFaultModel &lab = *m_context->lab();
        QCOMPARE(lab.addFault(u"cnode-02"_s, u"cnode-down"_s, {}, 0), QString());
        QTRY_COMPARE_WITH_TIMEOUT(cellStatus(u"acme"_s, u"object-storage"_s), u"degraded"_s,
                                  Testing::healthReflectMs);
        frame();

        // The cell is clicked where the table draws it.
        auto *table = m_window->findChild<QQuickItem *>(u"healthTable"_s);
        QVERIFY(table);
        HealthMatrixModel &matrix = *m_context->healthMatrix();
        const int row = matrix.rowOf(m_tenants.value(u"acme"_s));
        const int column = matrix.columnOf(u"object-storage"_s);
        QQuickItem *cell = cellItem(table, row, column);
        QVERIFY2(cell, "the acme / object-storage cell has no delegate");
        QTest::mouseClick(m_window, Qt::LeftButton, {},
                          cell->mapToScene(cell->boundingRect().center()).toPoint());
        HealthCellDetail &detail = *m_context->healthCell();
        QCOMPARE(detail.tenantId(), m_tenants.value(u"acme"_s));
        QCOMPARE(detail.kind(), u"object-storage"_s);
        // The keyboard goes on from the clicked cell: right, down, Enter opens globex's file
        // storage.
        QTest::keyClick(m_window, Qt::Key_Right);
        QTest::keyClick(m_window, Qt::Key_Down);
        QTest::keyClick(m_window, Qt::Key_Return);
        QCOMPARE(detail.tenantId(), matrix.tenantIdAt(row + 1));
        QCOMPARE(detail.kind(), matrix.kindAt(column + 1));
        QTest::keyClick(m_window, Qt::Key_Up);
        QTest::keyClick(m_window, Qt::Key_Left);
        QTest::keyClick(m_window, Qt::Key_Space);
        QCOMPARE(detail.tenantId(), m_tenants.value(u"acme"_s));
        QCOMPARE(detail.kind(), u"object-storage"_s);
        frame();

        // The panel says why, in the matrix's words; the rack view rings the CNode.
        auto *reason = m_window->findChild<QQuickItem *>(u"cellReason"_s);
        QVERIFY(reason);
        const QString expected
            = matrix.index(row, column).data(HealthMatrixModel::ReasonRole).toString();
        QVERIFY(expected.contains(u"cnode-02"_s));
        QCOMPARE(reason->property("text").toString(), expected);
        QVERIFY(detail.path()->rowCount() >= 3);
        const QString cnode
            = detail.path()->index(0).data(HealthPathModel::DeviceIdRole).toString();
        QVERIFY(!cnode.isEmpty());
        auto *pane = m_window->findChild<QQuickItem *>(u"healthRacks"_s);
        QVERIFY(pane);
        QQuickItem *racks = findByType(pane, "RackElevationItem");
        QVERIFY(racks);
        QTRY_VERIFY(racks->isVisible());
        QCOMPARE(racks->property("highlightedDeviceIds").toStringList(), QStringList { cnode });
        frame();
        save(u"console-health.png"_s);
        setDark(true);
        frame();
        save(u"console-health-dark.png"_s);
        setDark(false);
        QVERIFY2(warnings().isEmpty(), qPrintable(warnings().join(u'\n')));
    }

    void theOverviewIsTheDashboard()
    {
        QVERIFY(m_window->setProperty("currentView", u"overview"_s));
        frame();
        CapacityModel &capacity = *m_context->capacity();
        QTRY_VERIFY(capacity.usedBytes() > 0);
        auto *storage = m_window->findChild<QQuickItem *>(u"overviewStorage"_s);
        QVERIFY(storage && storage->isVisible());
        QTRY_COMPARE(storage->property("valueText").toString(),
                     u"%1 of %2"_s.arg(capacity.bytesText(capacity.usedBytes()),
                                       capacity.bytesText(capacity.usableBytes())));
        frame();
        save(u"console-overview.png"_s);
        QVERIFY2(warnings().isEmpty(), qPrintable(warnings().join(u'\n')));
    }

    void theWhatIfAnswersFromItsButton()
    {
        QVERIFY(m_window->setProperty("currentView", u"capacity"_s));
        // The capacity page is long: a taller window shows all of it in the picture.
        m_window->resize(1600, 1300);
        frame();
        auto *dboxes = m_window->findChild<QQuickItem *>(u"addDboxes"_s);
        auto *calculate = m_window->findChild<QQuickItem *>(u"calculateWhatIf"_s);
        QVERIFY(dboxes && calculate);
        QVERIFY(dboxes->setProperty("value", 2));
        QVERIFY(QMetaObject::invokeMethod(dboxes, "valueModified"));
        QCOMPARE(m_context->whatIf()->property("addDboxes").toInt(), 2);
        // A tenant to onboard as well; a fraction of a terabyte a day is typed, not spun.
        auto *growth = m_window->findChild<QQuickItem *>(u"tenantGrowth"_s);
        QVERIFY(growth);
        m_context->whatIf()->setProperty("addTenant", true);
        m_context->whatIf()->setProperty("tenantName", u"wayne"_s);
        m_context->whatIf()->setProperty("tenantCapacityTB", 100.0);
        m_context->whatIf()->setProperty("tenantGpus", 16);
        growth->forceActiveFocus();
        QVERIFY(QMetaObject::invokeMethod(growth, "selectAll"));
        for (const char key : { '0', '.', '7', '5' })
            QTest::keyClick(m_window, key);
        QCOMPARE(m_context->whatIf()->property("tenantGrowthTBPerDay").toDouble(), 0.75);
        QVERIFY(QMetaObject::invokeMethod(calculate, "clicked"));
        WhatIfCalculator &whatIf = *m_context->whatIf();
        QVERIFY2(whatIf.calculated(), qPrintable(whatIf.error()));
        frame();
        auto *after = m_window->findChild<QQuickItem *>(u"afterUsable"_s);
        QVERIFY(after && after->isVisible());
        QCOMPARE(after->property("text").toString(),
                 whatIf.after().value(u"usableText"_s).toString());
        QVERIFY(whatIf.after().value(u"usableBytes"_s).toDouble()
                > whatIf.before().value(u"usableBytes"_s).toDouble());
        // The runway the history supports is shown as a number, not "not enough data".
        QVERIFY2(m_context->capacity()->hasRunway(),
                 qPrintable(m_context->capacity()->runwayText()));
        save(u"console-capacity.png"_s);
        setDark(true);
        frame();
        save(u"console-capacity-dark.png"_s);
        setDark(false);
        m_window->resize(1600, 1000);
        QVERIFY2(warnings().isEmpty(), qPrintable(warnings().join(u'\n')));
    }

private:
    QString cellStatus(const QString &tenant, const QString &kind)
    {
        HealthMatrixModel &matrix = *m_context->healthMatrix();
        return matrix.index(matrix.rowOf(m_tenants.value(tenant)), matrix.columnOf(kind))
            .data(HealthMatrixModel::StatusRole)
            .toString();
    }

    // A fortnight of hourly history, as the sampler would have recorded it, growing steadily to
    // today's use, then the runways fitted on it.
    void writeHistory()
    {
        // The provider is re-read now, not when its last reading grows stale.
        bool read = false;
        m_backend->capacity().refresh([&] { read = true; });
        QTRY_VERIFY(read);
        const Result<CapacityReport> report = m_backend->capacity().report();
        QVERIFY(report);
        QVERIFY2(report->storage.usedBytes > 0, qPrintable(report->provider.error));
        const CapacityReport now = *report;
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        constexpr qint64 hourMs = 3600 * 1000;
        constexpr int hours = 14 * 24;
        const double used = double(now.storage.usedBytes);
        QList<TelemetrySample> samples;
        for (int h = hours; h >= 1; --h) {
            const qint64 at = nowMs - h * hourMs;
            const double share
                = 0.35 + 0.65 * double(hours - h) / hours; // grew from 35 % of today's
            const double wobble = 1.0 + 0.015 * std::sin(h / 5.0);
            samples << TelemetrySample { Series::storageUsed, {}, at, used * share * wobble }
                    << TelemetrySample { Series::storageUsable,
                                         {},
                                         at,
                                         double(now.storage.usableBytes) }
                    << TelemetrySample { Series::gpuTotal, {}, at, double(now.gpus.total) }
                    << TelemetrySample { Series::gpuAllocated,
                                         {},
                                         at,
                                         double(h > hours / 2 ? now.gpus.allocated - 8
                                                              : now.gpus.allocated) };
        }
        // The two tenants with data grew too; the others keep "not enough data", as a new tenant
        // would.
        for (const TenantCapacity &tenant : now.tenants) {
            if (tenant.usedBytes <= 0)
                continue;
            for (int h = hours; h >= 1; --h)
                samples << TelemetrySample { Series::tenantUsed, tenant.id, nowMs - h * hourMs,
                                             double(tenant.usedBytes)
                                                 * (0.4 + 0.6 * double(hours - h) / hours) };
        }
        QVERIFY(m_backend->telemetryStore().write(samples));
        bool fitted = false;
        QVERIFY(m_backend->capacity().updateRunways(nowMs, [&] { fitted = true; }));
        QTRY_VERIFY(fitted);
    }

    QQuickItem *cellItem(QQuickItem *table, int row, int column)
    {
        const HealthMatrixModel &matrix = *m_context->healthMatrix();
        // TableView's delegates are children of its content item; each knows its row and column.
        auto *content = table->property("contentItem").value<QQuickItem *>();
        if (!content)
            return nullptr;
        for (QQuickItem *child : content->childItems())
            if (child->property("tenantId").isValid() && child->isVisible()
                && child->property("tenantId").toString() == matrix.tenantIdAt(row)
                && child->property("kind").toString() == matrix.kindAt(column))
                return child;
        return nullptr;
    }

    static QQuickItem *findByType(QQuickItem *root, const char *type)
    {
        if (root->inherits(type)
            || QString::fromLatin1(root->metaObject()->className()).contains(QLatin1String(type)))
            return root;
        for (QQuickItem *child : root->childItems())
            if (QQuickItem *found = findByType(child, type))
                return found;
        return nullptr;
    }

    void frame() { Testing::renderFrame(m_window); }
    void setDark(bool dark) { m_theme.setDark(dark); }
    void save(const QString &name) { Testing::saveScreenshot(m_window, name); }
    static QStringList &warnings() { return Testing::WarningRecorder::warnings(); }

    QTemporaryDir m_dir;
    std::unique_ptr<Testing::WarningRecorder> m_recorder;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ConsoleContext> m_context;
    QHash<QString, QString> m_tenants;
    QQmlApplicationEngine m_engine;
    Testing::ThemeProbe m_theme { m_engine };
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TestHealthViews)
#include "tst_health_views.moc"
