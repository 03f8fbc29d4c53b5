#include "MetricsRepository.h"

#include "Database.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace NeoCloud {

Result<QList<GroupCount>> MetricsRepository::grouped(const QString &sql, const QString &what) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    if (Status s = exec(q, what); !s)
        return s.error();
    const bool twoLevels = q.record().count() == 3;
    QList<GroupCount> out;
    while (q.next())
        out.append({q.value(0).toString(), twoLevels ? q.value(1).toString() : QString(),
                    q.value(twoLevels ? 2 : 1).toLongLong()});
    return out;
}

Result<QList<GroupCount>> MetricsRepository::devicesByKindAndHealth() const
{
    return grouped(QStringLiteral("SELECT kind, health, COUNT(*) FROM devices GROUP BY kind, health ORDER BY kind, health"),
                   QStringLiteral("count devices"));
}

Result<QList<GroupCount>> MetricsRepository::gpusByHealth() const
{
    return grouped(QStringLiteral("SELECT c.health, COUNT(*) FROM components c JOIN devices d ON d.id = c.device_id "
                                  "WHERE c.kind = 'gpu' AND d.kind = 'gpu-server' GROUP BY c.health ORDER BY c.health"),
                   QStringLiteral("count GPUs"));
}

Result<DriveTotals> MetricsRepository::storageHardware() const
{
    // Same rule as InventoryRepository::physicalCapacity: NVRAM is a write buffer, not capacity.
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT (SELECT COUNT(*) FROM devices WHERE kind = 'storage-dbox'), "
        "       (SELECT COUNT(*) FROM devices WHERE kind = 'storage-cnode'), "
        "       COUNT(c.id), COALESCE(SUM(c.capacity_bytes), 0) "
        "FROM components c JOIN devices d ON d.id = c.device_id "
        "WHERE d.kind = 'storage-dbox' AND c.kind = 'drive' AND c.name NOT LIKE 'NVRAM%'"));
    if (Status s = exec(q, QStringLiteral("count storage hardware")); !s)
        return s.error();
    DriveTotals totals;
    if (q.next())
        totals = {q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toLongLong()};
    return totals;
}

Result<QList<GroupCount>> MetricsRepository::tenantsByState() const
{
    return grouped(QStringLiteral("SELECT state, COUNT(*) FROM tenants GROUP BY state ORDER BY state"),
                   QStringLiteral("count tenants"));
}

Result<QList<GroupCount>> MetricsRepository::servicesByKindAndState() const
{
    return grouped(QStringLiteral("SELECT kind, state, COUNT(*) FROM services GROUP BY kind, state ORDER BY kind, state"),
                   QStringLiteral("count services"));
}

Result<QHash<QString, qint64>> MetricsRepository::servicesPerTenant() const
{
    const auto rows = grouped(QStringLiteral("SELECT tenant_id, COUNT(*) FROM services WHERE state <> 'disabled' "
                                             "GROUP BY tenant_id"),
                              QStringLiteral("count services per tenant"));
    if (!rows)
        return rows.error();
    QHash<QString, qint64> out;
    for (const GroupCount &row : *rows)
        out.insert(row.first, row.count);
    return out;
}

Result<QList<GroupCount>> MetricsRepository::jobsByKindAndState() const
{
    return grouped(QStringLiteral("SELECT kind, state, COUNT(*) FROM jobs GROUP BY kind, state ORDER BY kind, state"),
                   QStringLiteral("count jobs"));
}

Result<QList<GroupCount>> MetricsRepository::openAlertsBySeverity() const
{
    return grouped(QStringLiteral("SELECT severity, COUNT(*) FROM events WHERE alert = 1 AND cleared_at IS NULL "
                                  "GROUP BY severity ORDER BY severity"),
                   QStringLiteral("count open alerts"));
}

Result<qint64> MetricsRepository::linkCount() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM links"));
    if (Status s = exec(q, QStringLiteral("count links")); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace NeoCloud
