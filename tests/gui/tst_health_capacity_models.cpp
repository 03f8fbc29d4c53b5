// The Health and Capacity views' models over a real backend running the demo lab (its Redfish
// BMCs and VMS double): tenants with services enabled through the VAST provider, lab faults
// injected while the light poll watches. A fault must change that tenant's cells in the matrix
// model with the reason in words, the cell detail must name the device and its path up to the
// service, and clearing it must bring the cells back. The capacity model must show what
// CapacityService reports, and the what-if calculator what CapacityService::whatIf answers.

#include "ConsoleContext.h"
#include "HealthLab.h"
#include "capacity/CapacityService.h"
#include "health/HealthService.h"
#include "lab/LabService.h"
#include "store/TelemetryRepository.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace NeoCloud;
using namespace Qt::StringLiterals;

namespace {
constexpr int reflectWithinMs = Testing::healthReflectMs;
} // namespace

class TestHealthCapacityModels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ConsoleContext> m_context;
    QString m_acme, m_globex;

    QString createTenant(const QString &name, int gpus, qint64 capacityBytes)
    {
        return Testing::createTenant(*m_backend, name, gpus, capacityBytes);
    }

    bool enable(const QString &tenantId, const QString &kind, const QJsonObject &params)
    {
        return Testing::enableService(*m_backend, tenantId, kind, params);
    }

    QModelIndex cellIndex(const QString &tenantId, const QString &kind)
    {
        HealthMatrixModel &matrix = *m_context->healthMatrix();
        return matrix.index(matrix.rowOf(tenantId), matrix.columnOf(kind));
    }

    QString statusOf(const QString &tenantId, const QString &kind)
    {
        return cellIndex(tenantId, kind).data(HealthMatrixModel::StatusRole).toString();
    }

    QString reasonOf(const QString &tenantId, const QString &kind)
    {
        return cellIndex(tenantId, kind).data(HealthMatrixModel::ReasonRole).toString();
    }

    QString deviceId(const QString &name)
    {
        const DeviceTableModel &devices = *m_context->devices();
        for (const Device &d : devices.devices())
            if (d.name == name)
                return d.id;
        return {};
    }

    // The path model's steps as "type=name", one chain after the other.
    QStringList pathSteps()
    {
        QStringList steps;
        HealthPathModel &path = *m_context->healthCell()->path();
        for (int row = 0; row < path.rowCount(); ++row) {
            const QModelIndex at = path.index(row);
            steps << at.data(HealthPathModel::TypeRole).toString() + u'='
                    + at.data(HealthPathModel::NameRole).toString();
        }
        return steps;
    }

    QString addFault(const QString &device, const QString &kind, const QString &component = {})
    {
        return m_context->lab()->addFault(device, kind, component, 0);
    }

    void clearFaults()
    {
        LabFaultModel &lab = *m_context->lab();
        while (lab.rowCount() > 0) {
            const QString id = lab.index(0).data(LabFaultModel::IdRole).toString();
            QCOMPARE(lab.clearFault(id), QString());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_backend = Testing::createHealthLabBackend(m_dir);
        QVERIFY(m_backend);
        m_context = std::make_unique<ConsoleContext>(*m_backend);
        QTRY_VERIFY(m_context->devices()->loaded() && m_context->devices()->rowCount() > 0);

        m_acme = createTenant(u"acme"_s, 16, qint64(120e12));
        m_globex = createTenant(u"globex"_s, 8, qint64(60e12));
        QVERIFY(!m_acme.isEmpty() && !m_globex.isEmpty());
        QVERIFY(enable(m_acme, u"object-storage"_s, { { u"bucket"_s, u"acme-data"_s } }));
        QVERIFY(enable(m_acme, u"file-storage"_s,
                       { { u"path"_s, u"/home"_s }, { u"protocols"_s, QJsonArray { u"NFS"_s } } }));
        QVERIFY(enable(m_globex, u"object-storage"_s, { { u"bucket"_s, u"globex-data"_s } }));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_acme, u"object-storage"_s), u"healthy"_s,
                                  reflectWithinMs);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_globex, u"object-storage"_s), u"healthy"_s,
                                  reflectWithinMs);
    }

    void cleanup()
    {
        clearFaults();
        m_context->healthCell()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_acme, u"object-storage"_s), u"healthy"_s,
                                  reflectWithinMs);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_globex, u"object-storage"_s), u"healthy"_s,
                                  reflectWithinMs);
    }

    void theMatrixHasEveryTenantAndKind()
    {
        HealthMatrixModel &matrix = *m_context->healthMatrix();
        QAbstractItemModelTester tester(&matrix,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(matrix.rowCount(), 2);
        QCOMPARE(matrix.columnCount(), 7);
        QCOMPARE(matrix.tenantNameAt(matrix.rowOf(m_acme)), u"acme"_s);
        QCOMPARE(matrix.kindTitleAt(matrix.columnOf(u"object-storage"_s)),
                 u"Object storage (S3)"_s);
        QCOMPARE(statusOf(m_acme, u"file-storage"_s), u"healthy"_s);
        QCOMPARE(statusOf(m_globex, u"file-storage"_s), u"disabled"_s);
        // The counts agree with the cells: 3 enabled services, 11 kinds not enabled.
        const QVariantMap counts = matrix.statusCounts();
        QCOMPARE(counts.value(u"healthy"_s).toInt(), 3);
        QCOMPARE(counts.value(u"disabled"_s).toInt(), 11);
        // The matrix is the service's, cell for cell.
        const HealthMatrix &source = m_backend->health().matrix();
        for (qsizetype i = 0; i < source.cells.size(); ++i)
            QCOMPARE(
                matrix.index(int(i / 7), int(i % 7)).data(HealthMatrixModel::StatusRole).toString(),
                toString(source.cells.at(i).status));
    }

    void aFailedDriveTurnsTheCellsAndNamesThePath()
    {
        HealthMatrixModel &matrix = *m_context->healthMatrix();
        QAbstractItemModelTester tester(&matrix,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&matrix, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&matrix, &QAbstractItemModel::modelReset);
        HealthCellDetail &cell = *m_context->healthCell();
        cell.select(m_acme, u"object-storage"_s);
        QCOMPARE(cell.status(), u"healthy"_s);
        QCOMPARE(cell.path()->rowCount(), 0);

        QCOMPARE(addFault(u"dbox-01"_s, u"drive-failed"_s, u"SSD3"_s), QString());
        const QString reason = u"degraded: drive failed in dbox-01 (SSD3), data protected"_s;
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_acme, u"object-storage"_s), u"degraded"_s,
                                  reflectWithinMs);
        QCOMPARE(reasonOf(m_acme, u"object-storage"_s), reason);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_globex, u"object-storage"_s), u"degraded"_s,
                                  reflectWithinMs);
        QCOMPARE(statusOf(m_globex, u"file-storage"_s), u"disabled"_s); // not enabled: not touched
        // Announced in place, cell by cell: the table keeps its delegates.
        QCOMPARE(reset.count(), 0);
        const QModelIndex acmeCell = cellIndex(m_acme, u"object-storage"_s);
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
            return args.at(0).toModelIndex() == acmeCell;
        }));
        QVERIFY(matrix.statusCounts().value(u"degraded"_s).toInt() >= 3);

        // The selected cell followed by itself (no re-select): reason, device, path, history.
        QTRY_COMPARE(cell.status(), u"degraded"_s);
        QCOMPARE(cell.reason(), reason);
        QCOMPARE(cell.deviceIds(), QStringList { deviceId(u"dbox-01"_s) });
        QCOMPARE(pathSteps(),
                 (QStringList { u"device=dbox-01"_s, u"data=data striped across every DBox"_s,
                                u"service=object-storage"_s, u"tenant=acme"_s }));
        QCOMPARE(cell.path()->index(0).data(HealthPathModel::DeviceIdRole).toString(),
                 deviceId(u"dbox-01"_s));
        QVERIFY(cell.alertOpen());
        QVERIFY(cell.history()->rowCount() >= 2);
        QCOMPARE(cell.history()->index(0).data(HealthHistoryModel::ToRole).toString(),
                 u"degraded"_s);
        QCOMPARE(cell.history()->index(0).data(HealthHistoryModel::ReasonRole).toString(), reason);

        // Cleared: back to healthy, nothing to blame, the recovery on top of the history.
        clearFaults();
        QTRY_COMPARE_WITH_TIMEOUT(cell.status(), u"healthy"_s, reflectWithinMs);
        QVERIFY(cell.deviceIds().isEmpty());
        QCOMPARE(cell.path()->rowCount(), 0);
        QCOMPARE(cell.history()->index(0).data(HealthHistoryModel::ToRole).toString(),
                 u"healthy"_s);
        QCOMPARE(cell.history()->index(0).data(HealthHistoryModel::FromRole).toString(),
                 u"degraded"_s);
    }

    void aCNodePoweredOffIsOnTheWayToTheVipPool()
    {
        HealthCellDetail &cell = *m_context->healthCell();
        cell.select(m_globex, u"object-storage"_s);
        QCOMPARE(addFault(u"cnode-02"_s, u"cnode-down"_s), QString());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_globex, u"object-storage"_s), u"degraded"_s,
                                  reflectWithinMs);
        QVERIFY2(reasonOf(m_globex, u"object-storage"_s).contains(u"cnode-02"_s),
                 qPrintable(reasonOf(m_globex, u"object-storage"_s)));
        QTRY_VERIFY(cell.deviceIds().contains(deviceId(u"cnode-02"_s)));
        const QStringList steps = pathSteps();
        QVERIFY2(steps.contains(u"device=cnode-02"_s) && steps.contains(u"vipPool=globex-vip"_s)
                     && steps.contains(u"tenant=globex"_s),
                 qPrintable(steps.join(u", "_s)));
        QVERIFY(!steps.contains(u"tenant=acme"_s));
        // Another tenant's cell selected: the detail follows the selection.
        cell.select(m_acme, u"file-storage"_s);
        QCOMPARE(cell.tenantName(), u"acme"_s);
        QVERIFY(pathSteps().contains(u"vipPool=acme-vip"_s));
    }

    void aSelectionOutsideTheMatrixSaysSo()
    {
        HealthCellDetail &cell = *m_context->healthCell();
        cell.select(u"no-such-tenant"_s, u"object-storage"_s);
        QVERIFY(cell.selected());
        QVERIFY(!cell.lastError().isEmpty());
        QCOMPARE(cell.path()->rowCount(), 0);
        cell.clear();
        QVERIFY(!cell.selected());
        QCOMPARE(cell.status(), QString());
    }

    void theCapacityModelShowsWhatTheServiceReports()
    {
        CapacityModel &model = *m_context->capacity();
        QTRY_VERIFY(model.loaded());
        model.refresh();
        const Result<CapacityReport> report = m_backend->capacity().report();
        QVERIFY(report);
        QVERIFY(report->storage.usableBytes > 0); // the lab's DBoxes
        QCOMPARE(model.usableBytes(), double(report->storage.usableBytes));
        QCOMPARE(model.usedBytes(), double(report->storage.usedBytes));
        QCOMPARE(model.rawBytes(), double(report->storage.rawBytes));
        QCOMPARE(model.dboxes(), report->storage.dboxes);
        QCOMPARE(model.gpuTotal(), report->gpus.total);
        QCOMPARE(model.gpuAllocated(), 24); // acme's 16 and globex's 8
        // No history yet: no runway number, and the reason is shown.
        QVERIFY(!model.hasRunway());
        QVERIFY2(model.runwayText().startsWith(u"Not enough data"_s),
                 qPrintable(model.runwayText()));

        TenantCapacityModel &tenants = *model.tenants();
        QAbstractItemModelTester tester(&tenants,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(tenants.rowCount(), 2);
        const QModelIndex acme = tenants.index(tenants.rowOf(m_acme));
        QCOMPARE(acme.data(TenantCapacityModel::QuotaBytesRole).toDouble(), 120e12);
        QCOMPARE(acme.data(TenantCapacityModel::GpusRole).toInt(), 16);

        // A new tenant's GPU quota reaches the model without a manual refresh, and its row the
        // health matrix (a reset: the rows move); removing it takes both back.
        HealthMatrixModel &matrix = *m_context->healthMatrix();
        QAbstractItemModelTester matrixTester(
            &matrix, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString initech = createTenant(u"initech"_s, 4, qint64(10e12));
        QVERIFY(!initech.isEmpty());
        QTRY_COMPARE(model.gpuAllocated(), 28);
        QTRY_COMPARE(tenants.rowCount(), 3);
        QTRY_COMPARE(matrix.rowCount(), 3);
        QCOMPARE(matrix.tenantNameAt(matrix.rowOf(initech)), u"initech"_s);
        QCOMPARE(matrix.statusAt(matrix.rowOf(initech), 0), u"disabled"_s);
        QVERIFY(m_backend->tenants().remove(initech, true, u"tst"_s));
        QTRY_COMPARE(model.gpuAllocated(), 24);
        QTRY_COMPARE(matrix.rowCount(), 2);
    }

    void theHistoryIsReadForTheCharts()
    {
        CapacityModel &model = *m_context->capacity();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        constexpr qint64 hourMs = 3600 * 1000;
        QList<TelemetrySample> samples;
        for (int h = 48; h >= 1; --h) {
            samples << TelemetrySample {
                Series::storageUsed, {}, now - h * hourMs, 1e12 * (100 - h)
            };
            samples << TelemetrySample { Series::storageUsable, {}, now - h * hourMs, 500e12 };
        }
        QVERIFY(m_backend->telemetryStore().write(samples));
        model.refresh();
        QCOMPARE(model.usedHistory().size(), 48);
        QCOMPARE(model.usableHistory().size(), 48);
        const QPointF first = model.usedHistory().constFirst().toPointF();
        const QPointF last = model.usedHistory().constLast().toPointF();
        QVERIFY(first.x() < last.x());
        QCOMPARE(first.y(), 52e12);
        QCOMPARE(last.y(), 99e12);
        // A shorter range reads fewer hours.
        model.setHistoryDays(1);
        QVERIFY(model.usedHistory().size() < 48 && model.usedHistory().size() >= 23);
        model.setHistoryDays(30);
    }

    void theWhatIfAnswersAsTheServiceDoes()
    {
        WhatIfCalculator &whatIf = *m_context->whatIf();
        whatIf.reset();
        QVERIFY(whatIf.setProperty("addDboxes", 2));
        QVERIFY2(whatIf.calculate(), qPrintable(whatIf.error()));
        QVERIFY(whatIf.calculated());
        WhatIfRequest request;
        request.addDboxes = 2;
        const Result<WhatIfResult> direct = m_backend->capacity().whatIf(request);
        QVERIFY(direct);
        QCOMPARE(whatIf.before().value(u"usableBytes"_s).toDouble(),
                 double(direct->before.usableBytes));
        QCOMPARE(whatIf.after().value(u"usableBytes"_s).toDouble(),
                 double(direct->after.usableBytes));
        QVERIFY(direct->after.usableBytes > direct->before.usableBytes);
        QCOMPARE(whatIf.after().value(u"dboxes"_s).toInt(), direct->before.dboxes + 2);

        // A tenant with 8 GPUs takes 8 of the headroom; one asking for more than exists does not
        // fit.
        QVERIFY(whatIf.setProperty("addDboxes", 0));
        QVERIFY(whatIf.setProperty("addTenant", true));
        QVERIFY(whatIf.setProperty("tenantGpus", 8));
        QVERIFY(whatIf.setProperty("tenantCapacityTB", 10.0));
        QVERIFY(whatIf.calculate());
        QCOMPARE(whatIf.after().value(u"gpuHeadroom"_s).toDouble(),
                 whatIf.before().value(u"gpuHeadroom"_s).toDouble() - 8);
        QVERIFY(whatIf.gpusFit());
        QVERIFY(whatIf.setProperty("tenantGpus", 100000));
        QVERIFY(whatIf.calculate());
        QVERIFY(!whatIf.gpusFit());

        // Bad input is refused with a reason, and no stale answer stays on screen.
        QVERIFY(whatIf.setProperty("addCnodes", -1));
        QVERIFY(!whatIf.calculate());
        QVERIFY(!whatIf.calculated());
        QVERIFY(!whatIf.error().isEmpty());
        whatIf.reset();
        QCOMPARE(whatIf.property("addCnodes").toInt(), 0);
    }
};

QTEST_MAIN(TestHealthCapacityModels)
#include "tst_health_capacity_models.moc"
