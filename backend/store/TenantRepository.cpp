#include "TenantRepository.h"

#include "Database.h"
#include "SettingsRepository.h"
#include "domain/Enums.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace NeoCloud {
namespace {

const QString tenantSelect = QStringLiteral(
    "SELECT t.id, t.name, t.display_name, t.contact_email, t.state, t.created_at, t.quota_capacity_bytes, "
    "t.quota_gpus, t.quota_max_services, t.qos_bandwidth_mbps, t.qos_iops, n.pool_id, p.name, n.vlan, n.subnet, "
    "n.vip_from, n.vip_to, n.allowed_clients, t.encryption_state, t.encryption_key_version, t.encryption_changed_at "
    "FROM tenants t "
    "LEFT JOIN tenant_networks n ON n.tenant_id = t.id LEFT JOIN network_pools p ON p.id = n.pool_id ");

Tenant tenantFrom(const QSqlQuery &q)
{
    Tenant t;
    t.id = q.value(0).toString();
    t.name = q.value(1).toString();
    t.displayName = q.value(2).toString();
    t.contactEmail = q.value(3).toString();
    t.state = parseEnum<TenantState>(q.value(4).toString()).value_or(TenantState::Active);
    t.createdAt = q.value(5).toString();
    t.quotas = {q.value(6).toLongLong(), q.value(7).toInt(), q.value(8).toInt(), q.value(9).toLongLong(), q.value(10).toLongLong()};
    t.network.poolId = q.value(11).toString();
    t.network.poolName = q.value(12).toString();
    t.network.vlan = q.value(13).toInt();
    t.network.subnet = q.value(14).toString();
    t.network.vipFrom = q.value(15).toString();
    t.network.vipTo = q.value(16).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(17).toString().toUtf8()).array())
        t.network.allowedClients << v.toString();
    t.encryption = {q.value(18).toString(), q.value(19).toInt(), q.value(20).toString()};
    return t;
}

// The columns an edit may change, bound in this order by INSERT and UPDATE alike, so a new column
// is added in one place.
const QStringList editableColumns{
    QStringLiteral("display_name"),       QStringLiteral("contact_email"),     QStringLiteral("state"),
    QStringLiteral("quota_capacity_bytes"), QStringLiteral("quota_gpus"),      QStringLiteral("quota_max_services"),
    QStringLiteral("qos_bandwidth_mbps"), QStringLiteral("qos_iops"),          QStringLiteral("encryption_state"),
    QStringLiteral("encryption_key_version"), QStringLiteral("encryption_changed_at")};

void bindEditable(QSqlQuery &q, const Tenant &t)
{
    q.addBindValue(text(t.displayName));
    q.addBindValue(text(t.contactEmail));
    q.addBindValue(toString(t.state));
    q.addBindValue(t.quotas.capacityBytes);
    q.addBindValue(t.quotas.gpus);
    q.addBindValue(t.quotas.maxServices);
    q.addBindValue(t.quotas.bandwidthMBps);
    q.addBindValue(t.quotas.iops);
    q.addBindValue(text(t.encryption.state));
    q.addBindValue(t.encryption.keyVersion);
    q.addBindValue(nullable(t.encryption.changedAt));
}

QString clientsJson(const QStringList &clients)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(clients)).toJson(QJsonDocument::Compact));
}

} // namespace

Status TenantRepository::insert(const Tenant &t)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("INSERT INTO tenants (id, name, created_at, %1) VALUES (?, ?, ?%2)")
                      .arg(editableColumns.join(QStringLiteral(", ")), QStringLiteral(", ?").repeated(editableColumns.size())));
        q.addBindValue(text(t.id));
        q.addBindValue(text(t.name));
        q.addBindValue(text(t.createdAt));
        bindEditable(q, t);
        if (Status s = exec(q, QStringLiteral("add tenant '%1'").arg(t.name)); !s)
            return s;
        QSqlQuery n(m_db.connection());
        n.prepare(QStringLiteral("INSERT INTO tenant_networks (tenant_id, pool_id, vlan, subnet, vip_from, vip_to, allowed_clients) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        n.addBindValue(text(t.id));
        n.addBindValue(text(t.network.poolId));
        n.addBindValue(t.network.vlan);
        n.addBindValue(text(t.network.subnet));
        n.addBindValue(text(t.network.vipFrom));
        n.addBindValue(text(t.network.vipTo));
        n.addBindValue(clientsJson(t.network.allowedClients));
        return exec(n, QStringLiteral("allocate the network of '%1'").arg(t.name));
    });
}

Status TenantRepository::update(const Tenant &t)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE tenants SET %1 = ? WHERE id = ?").arg(editableColumns.join(QStringLiteral(" = ?, "))));
        bindEditable(q, t);
        q.addBindValue(text(t.id));
        if (Status s = exec(q, QStringLiteral("update tenant '%1'").arg(t.name)); !s)
            return s;
        QSqlQuery n(m_db.connection());
        n.prepare(QStringLiteral("UPDATE tenant_networks SET allowed_clients = ? WHERE tenant_id = ?"));
        n.addBindValue(clientsJson(t.network.allowedClients));
        n.addBindValue(text(t.id));
        return exec(n, QStringLiteral("update the network of '%1'").arg(t.name));
    });
}

Status TenantRepository::remove(const QString &id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM tenants WHERE id = ?"));
    q.addBindValue(text(id));
    return exec(q, QStringLiteral("delete a tenant"));
}

Result<Tenant> TenantRepository::get(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(tenantSelect + QStringLiteral("WHERE t.id = ?"));
    q.addBindValue(text(id));
    if (Status s = exec(q, QStringLiteral("read a tenant")); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("tenant"), id);
    return tenantFrom(q);
}

Result<Page<Tenant>> TenantRepository::list(int limit, int offset) const
{
    Page<Tenant> page;
    const Result<int> total = count();
    if (!total)
        return total.error();
    page.total = *total;
    QSqlQuery q(m_db.connection());
    q.prepare(tenantSelect + QStringLiteral("ORDER BY t.name LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (Status s = exec(q, QStringLiteral("list tenants")); !s)
        return s.error();
    while (q.next())
        page.items.append(tenantFrom(q));
    return page;
}

Result<int> TenantRepository::count() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM tenants"));
    if (Status s = exec(q, QStringLiteral("count tenants")); !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Result<QuotaTotals> TenantRepository::quotaTotals(const QString &excludingTenantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COALESCE(SUM(quota_capacity_bytes), 0), COALESCE(SUM(quota_gpus), 0) FROM tenants "
                             "WHERE id <> ? AND state <> 'deleting'"));
    q.addBindValue(text(excludingTenantId));
    if (Status s = exec(q, QStringLiteral("sum quotas")); !s)
        return s.error();
    QuotaTotals totals;
    if (q.next())
        totals = {q.value(0).toLongLong(), q.value(1).toLongLong()};
    return totals;
}

Result<int> TenantRepository::serviceCount(const QString &tenantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM services WHERE tenant_id = ? AND state NOT IN ('disabled', 'failed')"));
    q.addBindValue(text(tenantId));
    if (Status s = exec(q, QStringLiteral("count services")); !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Result<QList<NetworkPool>> TenantRepository::pools() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT p.id, p.name, p.vlan_from, p.vlan_to, p.cidr, p.subnet_prefix, "
                             "(SELECT COUNT(*) FROM tenant_networks n WHERE n.pool_id = p.id) FROM network_pools p ORDER BY p.name"));
    if (Status s = exec(q, QStringLiteral("list network pools")); !s)
        return s.error();
    QList<NetworkPool> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt(),
                    q.value(4).toString(), q.value(5).toInt(), q.value(6).toInt()});
    return out;
}

Status TenantRepository::insertPool(const NetworkPool &p)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO network_pools (id, name, vlan_from, vlan_to, cidr, subnet_prefix) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(text(p.id));
    q.addBindValue(text(p.name));
    q.addBindValue(p.vlanFrom);
    q.addBindValue(p.vlanTo);
    q.addBindValue(text(p.cidr));
    q.addBindValue(p.subnetPrefix);
    return exec(q, QStringLiteral("add network pool '%1'").arg(p.name));
}

Result<QPair<QSet<int>, QSet<QString>>> TenantRepository::allocations(const QString &poolId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT vlan, subnet FROM tenant_networks WHERE pool_id = ?"));
    q.addBindValue(text(poolId));
    if (Status s = exec(q, QStringLiteral("read allocations")); !s)
        return s.error();
    QPair<QSet<int>, QSet<QString>> used;
    while (q.next()) {
        used.first.insert(q.value(0).toInt());
        used.second.insert(q.value(1).toString());
    }
    return used;
}

// The settings table is shared with other owners; one repository reads and writes it.
Result<std::optional<QString>> TenantRepository::setting(const QString &key) const { return SettingsRepository(m_db).value(key); }
Status TenantRepository::setSetting(const QString &key, const QString &value) { return SettingsRepository(m_db).setValue(key, value); }

} // namespace NeoCloud
