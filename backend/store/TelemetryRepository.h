#pragma once
// Time series of measurements (capacity used, GPU counts, utilisation, power, provider latency):
// raw samples for a day, hourly rollups (count, sum, min, max, last) kept for a year. A batch
// is written in one transaction and folded into its hourly rows as it is written, so the
// rollups never lag and pruning raw samples loses nothing the year needs.

#include "capacity/RunwayEstimator.h"
#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace NeoCloud {

class Database;

struct TelemetrySample
{
    QString series;  // e.g. "storage.used_bytes"
    QString scope;   // "" for the cluster, a tenant id for a tenant's series
    qint64 timeMs = 0;
    double value = 0;
};

struct TelemetryRetention
{
    qint64 rawMs = 24LL * 3600 * 1000;
    qint64 hourlyMs = 365LL * 24 * 3600 * 1000;
};

struct TelemetryHour
{
    qint64 hourMs = 0;
    int samples = 0;
    double mean = 0;
    double min = 0;
    double max = 0;
    double last = 0;
};

class TelemetryRepository
{
public:
    explicit TelemetryRepository(Database &database) : m_db(database) { }

    // One transaction for the whole batch. A sample whose series, scope and time are already
    // stored is skipped (and not counted twice in its hour). Returns how many were stored.
    Result<int> write(const QList<TelemetrySample> &batch);

    // Deletes raw samples and hourly rows past their retention; returns the rows deleted.
    Result<int> prune(qint64 nowMs, const TelemetryRetention &retention = {});

    // A series for fitting, from the hourly rollups (which hold every sample, the current
    // hour's too): the hours from `fromMs` on in at most `maxPoints` equal bins of whole hours,
    // each the mean of its samples at their mean time, with how many samples it stands for.
    Result<QList<SeriesPoint>> binned(const QString &series, const QString &scope, qint64 fromMs, int maxPoints) const;
    // The same on any connection to the store, for readers on other threads.
    static Result<QList<SeriesPoint>> binned(const QSqlDatabase &connection, const QString &series, const QString &scope,
                                             qint64 fromMs, int maxPoints);

    Result<QList<SeriesPoint>> raw(const QString &series, const QString &scope, qint64 fromMs) const;
    Result<QList<TelemetryHour>> hourly(const QString &series, const QString &scope, qint64 fromMs) const;

    // Rows kept (a full count: for tests and diagnostics, not for every scrape).
    struct Counts
    {
        qint64 raw = 0;
        qint64 hourly = 0;
    };
    Result<Counts> counts() const;

private:
    Database &m_db;
};

} // namespace NeoCloud
