#include "TelemetryRepository.h"

#include "Database.h"

#include <QSqlQuery>

#include <cmath>

namespace NeoCloud {
namespace {

constexpr qint64 hourMs = 3600LL * 1000;

} // namespace

Result<int> TelemetryRepository::write(const QList<TelemetrySample> &batch)
{
    int stored = 0;
    const Status done = m_db.transaction([&]() -> Status {
        QSqlQuery insert(m_db.connection());
        insert.prepare(QStringLiteral("INSERT INTO telemetry_samples (series, scope, time_ms, value) VALUES (?, ?, ?, ?) "
                                      "ON CONFLICT (series, scope, time_ms) DO NOTHING"));
        // CASE instead of MIN()/MAX() of two values: PostgreSQL spells those LEAST/GREATEST.
        QSqlQuery fold(m_db.connection());
        fold.prepare(QStringLiteral(
            "INSERT INTO telemetry_hourly (series, scope, hour_ms, samples, total, offset_total, minimum, maximum, latest, "
            "latest_ms) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (series, scope, hour_ms) DO UPDATE SET "
            "samples = telemetry_hourly.samples + 1, "
            "total = telemetry_hourly.total + excluded.total, "
            "offset_total = telemetry_hourly.offset_total + excluded.offset_total, "
            "minimum = CASE WHEN excluded.minimum < telemetry_hourly.minimum THEN excluded.minimum ELSE telemetry_hourly.minimum END, "
            "maximum = CASE WHEN excluded.maximum > telemetry_hourly.maximum THEN excluded.maximum ELSE telemetry_hourly.maximum END, "
            "latest = CASE WHEN excluded.latest_ms >= telemetry_hourly.latest_ms THEN excluded.latest ELSE telemetry_hourly.latest END, "
            "latest_ms = CASE WHEN excluded.latest_ms >= telemetry_hourly.latest_ms THEN excluded.latest_ms ELSE telemetry_hourly.latest_ms END"));
        for (const TelemetrySample &s : batch) {
            if (s.series.isEmpty() || !std::isfinite(s.value))
                continue;
            insert.addBindValue(s.series);
            insert.addBindValue(text(s.scope));
            insert.addBindValue(s.timeMs);
            insert.addBindValue(s.value);
            if (Status e = exec(insert, QStringLiteral("record a telemetry sample")); !e)
                return e;
            if (insert.numRowsAffected() != 1)
                continue; // already stored: its hour has it too
            const qint64 hour = s.timeMs - (((s.timeMs % hourMs) + hourMs) % hourMs);
            fold.addBindValue(s.series);
            fold.addBindValue(text(s.scope));
            fold.addBindValue(hour);
            fold.addBindValue(s.value);
            fold.addBindValue(double(s.timeMs - hour));
            for (int i = 0; i < 3; ++i)
                fold.addBindValue(s.value);
            fold.addBindValue(s.timeMs);
            if (Status e = exec(fold, QStringLiteral("roll a telemetry sample up")); !e)
                return e;
            ++stored;
        }
        return success();
    });
    if (!done)
        return done.error();
    return stored;
}

Result<int> TelemetryRepository::prune(qint64 nowMs, const TelemetryRetention &retention)
{
    int deleted = 0;
    const Status done = m_db.transaction([&]() -> Status {
        QSqlQuery raw(m_db.connection());
        raw.prepare(QStringLiteral("DELETE FROM telemetry_samples WHERE time_ms < ?"));
        raw.addBindValue(nowMs - retention.rawMs);
        if (Status s = exec(raw, QStringLiteral("prune raw telemetry")); !s)
            return s;
        deleted += raw.numRowsAffected();
        QSqlQuery hourly(m_db.connection());
        hourly.prepare(QStringLiteral("DELETE FROM telemetry_hourly WHERE hour_ms < ?"));
        hourly.addBindValue(nowMs - retention.hourlyMs);
        if (Status s = exec(hourly, QStringLiteral("prune hourly telemetry")); !s)
            return s;
        deleted += hourly.numRowsAffected();
        return success();
    });
    if (!done)
        return done.error();
    return deleted;
}

Result<QList<SeriesPoint>> TelemetryRepository::binned(const QString &series, const QString &scope, qint64 fromMs,
                                                       int maxPoints) const
{
    return binned(m_db.connection(), series, scope, fromMs, maxPoints);
}

Result<QList<SeriesPoint>> TelemetryRepository::binned(const QSqlDatabase &connection, const QString &series,
                                                       const QString &scope, qint64 fromMs, int maxPoints)
{
    const qint64 fromHour = fromMs - (((fromMs % hourMs) + hourMs) % hourMs);
    QSqlQuery span(connection);
    span.prepare(QStringLiteral("SELECT MIN(hour_ms), MAX(hour_ms) FROM telemetry_hourly WHERE series = ? AND scope = ? AND hour_ms >= ?"));
    span.addBindValue(series);
    span.addBindValue(text(scope));
    span.addBindValue(fromHour);
    if (Status s = exec(span, QStringLiteral("measure a telemetry series")); !s)
        return s.error();
    if (!span.next() || span.value(0).isNull())
        return QList<SeriesPoint>();
    const qint64 first = span.value(0).toLongLong();
    const qint64 hours = (span.value(1).toLongLong() - first) / hourMs + 1;
    const qint64 width = hourMs * qMax<qint64>(1, (hours + maxPoints - 1) / qMax(1, maxPoints));

    QSqlQuery q(connection);
    q.prepare(QStringLiteral("SELECT (hour_ms - ?) / ? AS bin, SUM(samples), SUM(offset_total + hour_ms * samples) / SUM(samples), "
                             "SUM(total) / SUM(samples) FROM telemetry_hourly WHERE series = ? AND scope = ? AND hour_ms >= ? "
                             "GROUP BY bin ORDER BY bin"));
    q.addBindValue(first);
    q.addBindValue(width);
    q.addBindValue(series);
    q.addBindValue(text(scope));
    q.addBindValue(first);
    if (Status s = exec(q, QStringLiteral("read a telemetry series")); !s)
        return s.error();
    QList<SeriesPoint> points;
    while (q.next())
        points.append({qint64(std::llround(q.value(2).toDouble())), q.value(3).toDouble(), q.value(1).toInt()});
    return points;
}

Result<QList<SeriesPoint>> TelemetryRepository::raw(const QString &series, const QString &scope, qint64 fromMs) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT time_ms, value FROM telemetry_samples WHERE series = ? AND scope = ? AND time_ms >= ? "
                             "ORDER BY time_ms"));
    q.addBindValue(series);
    q.addBindValue(text(scope));
    q.addBindValue(fromMs);
    if (Status s = exec(q, QStringLiteral("read raw telemetry")); !s)
        return s.error();
    QList<SeriesPoint> points;
    while (q.next())
        points.append({q.value(0).toLongLong(), q.value(1).toDouble()});
    return points;
}

Result<QList<TelemetryHour>> TelemetryRepository::hourly(const QString &series, const QString &scope, qint64 fromMs) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT hour_ms, samples, total / samples, minimum, maximum, latest FROM telemetry_hourly "
                             "WHERE series = ? AND scope = ? AND hour_ms >= ? ORDER BY hour_ms"));
    q.addBindValue(series);
    q.addBindValue(text(scope));
    q.addBindValue(fromMs);
    if (Status s = exec(q, QStringLiteral("read hourly telemetry")); !s)
        return s.error();
    QList<TelemetryHour> hours;
    while (q.next())
        hours.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toDouble(), q.value(3).toDouble(),
                      q.value(4).toDouble(), q.value(5).toDouble()});
    return hours;
}

Result<TelemetryRepository::Counts> TelemetryRepository::counts() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM telemetry_samples), (SELECT COUNT(*) FROM telemetry_hourly)"));
    if (Status s = exec(q, QStringLiteral("count telemetry")); !s)
        return s.error();
    Counts counts;
    if (q.next())
        counts = {q.value(0).toLongLong(), q.value(1).toLongLong()};
    return counts;
}

} // namespace NeoCloud
