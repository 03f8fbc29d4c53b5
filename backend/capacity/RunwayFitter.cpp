#include "RunwayFitter.h"

#include "CapacityService.h"
#include "store/TelemetryRepository.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>

namespace NeoCloud {

RunwayFits fitRunways(const RunwayJob &job)
{
    static QAtomicInteger<quint64> serial;
    const QString name = QStringLiteral("neocloud-runways-%1").arg(serial.fetchAndAddRelaxed(1));
    RunwayFits fits;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(job.databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            fits.error = QStringLiteral("cannot open the store to fit runways: %1").arg(db.lastError().text());
        } else {
            const qint64 from = job.nowMs - job.config.windowMs;
            const int points = job.config.maxBins;
            // One read transaction: every series is seen as of the same moment.
            db.transaction();
            const auto cluster = TelemetryRepository::binned(db, Series::storageUsed, {}, from, points);
            if (!cluster)
                fits.error = cluster.error().message;
            else
                fits.cluster = estimateRunway(*cluster, job.usableBytes, job.nowMs, job.config);
            fits.tenants.reserve(job.tenants.size());
            for (const auto &[id, quota] : job.tenants) {
                if (!fits.error.isEmpty())
                    break;
                const auto history = TelemetryRepository::binned(db, Series::tenantUsed, id, from, points);
                if (!history)
                    fits.error = history.error().message;
                else
                    fits.tenants.insert(id, estimateRunway(*history, quota, job.nowMs, job.config));
            }
            db.rollback();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return fits;
}

} // namespace NeoCloud
