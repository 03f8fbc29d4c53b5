#include "TenantService.h"

#include "activity/AuditLog.h"
#include "activity/EventLog.h"
#include "core/Ids.h"
#include "core/Time.h"
#include "inventory/InventoryService.h"
#include "store/TenantRepository.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace NeoCloud {
namespace {

const QString overcommitKey = QStringLiteral("tenancy.overcommitRatio");

Error rule(const QString &code, const QString &message, const QString &field)
{
    return {ErrorKind::Unprocessable, code, message, field};
}

QString terabytes(double bytes) { return QString::number(bytes / 1e12, 'f', 1) + QStringLiteral(" TB"); }

bool isEmail(const QString &text)
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return email.match(text).hasMatch();
}

Status checkShape(const TenantQuotas &q, const QStringList &clients)
{
    const QList<QPair<qint64, const char *>> values{{q.capacityBytes, "quotas.capacityBytes"}, {q.gpus, "quotas.gpus"},
                                                    {q.maxServices, "quotas.maxServices"}, {q.bandwidthMBps, "quotas.qos.bandwidthMBps"},
                                                    {q.iops, "quotas.qos.iops"}};
    for (const auto &[value, field] : values)
        if (value < 0)
            return rule(QStringLiteral("negative_quota"), QStringLiteral("%1 must not be negative.").arg(QLatin1String(field)), QLatin1String(field));
    for (qsizetype i = 0; i < clients.size(); ++i)
        if (!isCidr(clients.at(i)))
            return rule(QStringLiteral("invalid_cidr"), QStringLiteral("'%1' is not an address range such as 10.0.0.0/8.").arg(clients.at(i)),
                        QStringLiteral("network.allowedClients[%1]").arg(i));
    return success();
}

} // namespace

bool isDnsLabel(const QString &name)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    return label.match(name).hasMatch();
}

bool isCidr(const QString &text)
{
    const auto subnet = QHostAddress::parseSubnet(text);
    return !subnet.first.isNull() && text.contains(QLatin1Char('/'));
}

TenantService::TenantService(TenantRepository &repository, InventoryService &inventory, AuditLog &audit, EventLog &events,
                             QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_inventory(inventory)
    , m_audit(audit)
    , m_events(events)
{
}

Result<Page<Tenant>> TenantService::list(int limit, int offset) const { return m_repository.list(limit, offset); }
Result<int> TenantService::count() const { return m_repository.count(); }
Result<Tenant> TenantService::get(const QString &id) const { return m_repository.get(id); }
Result<int> TenantService::serviceCount(const QString &tenantId) const { return m_repository.serviceCount(tenantId); }

Result<TenancySettings> TenantService::settings() const
{
    const auto ratio = m_repository.setting(overcommitKey);
    if (!ratio)
        return ratio.error();
    return TenancySettings{ratio->value_or(QStringLiteral("1.0")).toDouble()};
}

Result<TenancySettings> TenantService::setOvercommitRatio(double ratio, const QString &user)
{
    Status outcome = success();
    if (!(ratio >= 0.1 && ratio <= 10.0))
        outcome = rule(QStringLiteral("invalid_ratio"), QStringLiteral("overcommitRatio must be from 0.1 to 10."), QStringLiteral("overcommitRatio"));
    else
        outcome = m_repository.setSetting(overcommitKey, QString::number(ratio));
    m_audit.record(user, QStringLiteral("tenancy.settings"), overcommitKey, outcome, {{QStringLiteral("overcommitRatio"), ratio}});
    if (!outcome)
        return outcome.error();
    return TenancySettings{ratio};
}

Status TenantService::checkQuotas(const QString &tenantId, const TenantQuotas &quotas) const
{
    const auto settings = this->settings();
    if (!settings)
        return settings.error();
    const auto physical = m_inventory.physicalCapacity();
    if (!physical)
        return physical.error();
    const auto others = m_repository.quotaTotals(tenantId);
    if (!others)
        return others.error();
    const double ratio = settings->overcommitRatio;
    const double capacityLimit = double(physical->usableBytes) * ratio;
    const double capacityTotal = double(others->capacityBytes) + double(quotas.capacityBytes);
    if (quotas.capacityBytes > 0 && capacityTotal > capacityLimit)
        return Error::conflict(QStringLiteral("quota_exceeds_capacity"),
                               QStringLiteral("Capacity quotas would total %1, more than the %2 usable × overcommit %3 = %4 the "
                                              "storage provides (%5 already promised to other tenants).")
                                   .arg(terabytes(capacityTotal), terabytes(physical->usableBytes))
                                   .arg(ratio)
                                   .arg(terabytes(capacityLimit), terabytes(others->capacityBytes)),
                               QStringLiteral("quotas.capacityBytes"));
    const double gpuLimit = double(physical->gpus) * ratio;
    const qint64 gpuTotal = others->gpus + quotas.gpus;
    if (quotas.gpus > 0 && double(gpuTotal) > gpuLimit)
        return Error::conflict(QStringLiteral("quota_exceeds_gpus"),
                               QStringLiteral("GPU quotas would total %1, more than the %2 GPUs × overcommit %3 = %4 (%5 already "
                                              "promised to other tenants).")
                                   .arg(gpuTotal)
                                   .arg(physical->gpus)
                                   .arg(ratio)
                                   .arg(gpuLimit)
                                   .arg(others->gpus),
                               QStringLiteral("quotas.gpus"));
    if (!tenantId.isEmpty()) {
        const auto services = m_repository.serviceCount(tenantId);
        if (!services)
            return services.error();
        if (quotas.maxServices < *services)
            return Error::conflict(QStringLiteral("quota_below_usage"),
                                   QStringLiteral("maxServices %1 is lower than the %2 services the tenant has enabled.")
                                       .arg(quotas.maxServices)
                                       .arg(*services),
                                   QStringLiteral("quotas.maxServices"));
    }
    return success();
}

Result<TenantNetwork> TenantService::allocate(const QString &poolName) const
{
    const auto pools = m_repository.pools();
    if (!pools)
        return pools.error();
    if (!poolName.isEmpty() && std::none_of(pools->begin(), pools->end(), [&](const NetworkPool &p) { return p.name == poolName; }))
        return rule(QStringLiteral("unknown_pool"), QStringLiteral("There is no network pool named '%1'.").arg(poolName), QStringLiteral("network.pool"));
    for (const NetworkPool &pool : *pools) {
        if (!poolName.isEmpty() && pool.name != poolName)
            continue;
        const auto used = m_repository.allocations(pool.id);
        if (!used)
            return used.error();
        int vlan = 0;
        for (int v = pool.vlanFrom; v <= pool.vlanTo && !vlan; ++v)
            if (!used->first.contains(v))
                vlan = v;
        const auto [base, prefix] = QHostAddress::parseSubnet(pool.cidr);
        if (!vlan || base.protocol() != QAbstractSocket::IPv4Protocol || pool.subnetPrefix < prefix)
            continue;
        const quint32 first = base.toIPv4Address();
        const quint32 count = 1u << (pool.subnetPrefix - prefix);
        const quint32 size = 1u << (32 - pool.subnetPrefix);
        for (quint32 i = 0; i < count; ++i) {
            const quint32 network = first + i * size;
            const QString subnet = QStringLiteral("%1/%2").arg(QHostAddress(network).toString()).arg(pool.subnetPrefix);
            if (used->second.contains(subnet))
                continue;
            // VIPs: a block at the start of the subnet, past the gateway (.1).
            const quint32 vips = qMin<quint32>(40, size > 16 ? size - 16 : 1);
            return TenantNetwork{pool.id, pool.name, vlan, subnet, QHostAddress(network + 10).toString(),
                                 QHostAddress(network + 9 + vips).toString(), {}};
        }
    }
    return Error::conflict(QStringLiteral("pool_exhausted"),
                           poolName.isEmpty() ? QStringLiteral("Every network pool is full (no free VLAN or subnet); add a pool.")
                                              : QStringLiteral("Network pool '%1' has no free VLAN or subnet left.").arg(poolName),
                           QStringLiteral("network.pool"));
}

Result<Tenant> TenantService::preview(const TenantDraft &draft) const
{
    if (!isDnsLabel(draft.name))
        return rule(QStringLiteral("invalid_name"),
                    QStringLiteral("A tenant name is a DNS label: 1 to 63 lower-case letters, digits or '-', not starting or "
                                   "ending with '-'; got '%1'.").arg(draft.name),
                    QStringLiteral("name"));
    if (!draft.contactEmail.isEmpty() && !isEmail(draft.contactEmail))
        return rule(QStringLiteral("invalid_email"), QStringLiteral("'%1' is not an e-mail address.").arg(draft.contactEmail),
                    QStringLiteral("contactEmail"));
    if (Status s = checkShape(draft.quotas, draft.allowedClients); !s)
        return s.error();
    if (Status s = checkQuotas({}, draft.quotas); !s)
        return s.error();
    auto network = allocate(draft.pool);
    if (!network)
        return network.error();
    Tenant tenant;
    tenant.id = newId(QLatin1String("tnt"));
    tenant.name = draft.name;
    tenant.displayName = draft.displayName.isEmpty() ? draft.name : draft.displayName;
    tenant.contactEmail = draft.contactEmail;
    tenant.createdAt = nowIso();
    tenant.quotas = draft.quotas;
    tenant.network = *network;
    tenant.network.allowedClients = draft.allowedClients;
    if (draft.customerManagedKey)
        tenant.encryption = {QStringLiteral("active"), 1, tenant.createdAt};
    return tenant;
}

Result<Tenant> TenantService::create(const TenantDraft &draft, const QString &user)
{
    auto fail = [&](const Error &e) -> Result<Tenant> {
        m_audit.record(user, QStringLiteral("tenant.create"), draft.name, Status(e));
        return e;
    };
    Result<Tenant> previewed = preview(draft);
    if (!previewed)
        return fail(previewed.error());
    const Tenant tenant = *previewed;
    if (Status s = m_repository.insert(tenant); !s) {
        Error e = s.error();
        if (e.code == QLatin1String("duplicate"))
            e = Error::conflict(QStringLiteral("duplicate_name"), QStringLiteral("A tenant named '%1' already exists.").arg(draft.name),
                                QStringLiteral("name"));
        return fail(e);
    }
    m_audit.record(user, QStringLiteral("tenant.create"), tenant.id, success(), {{QStringLiteral("name"), tenant.name}});
    m_events.record(Event{{}, {}, Severity::Info, QStringLiteral("tenancy"),
                          QStringLiteral("Tenant %1 onboarded on VLAN %2, subnet %3.").arg(tenant.name).arg(tenant.network.vlan).arg(tenant.network.subnet),
                          tenant.id, {}, false, {}, {}, {},
                          QStringLiteral("Welcome: your tenant %1 was created, with the network %2.").arg(tenant.displayName.isEmpty() ? tenant.name : tenant.displayName, tenant.network.subnet)});
    Q_EMIT tenantsChanged();
    return tenant;
}

Result<Tenant> TenantService::update(const QString &id, const TenantPatch &patch, const QString &user)
{
    auto current = m_repository.get(id);
    if (!current)
        return current.error();
    Tenant t = *current;
    auto fail = [&](const Error &e) -> Result<Tenant> {
        m_audit.record(user, QStringLiteral("tenant.update"), id, Status(e));
        return e;
    };
    if (patch.displayName)
        t.displayName = *patch.displayName;
    if (patch.contactEmail) {
        if (!patch.contactEmail->isEmpty() && !isEmail(*patch.contactEmail))
            return fail(rule(QStringLiteral("invalid_email"), QStringLiteral("'%1' is not an e-mail address.").arg(*patch.contactEmail),
                             QStringLiteral("contactEmail")));
        t.contactEmail = *patch.contactEmail;
    }
    if (patch.state) {
        if (*patch.state == TenantState::Deleting)
            return fail(rule(QStringLiteral("invalid_state"), QStringLiteral("Use DELETE to remove a tenant."), QStringLiteral("state")));
        t.state = *patch.state;
    }
    if (patch.capacityBytes)
        t.quotas.capacityBytes = *patch.capacityBytes;
    if (patch.gpus)
        t.quotas.gpus = *patch.gpus;
    if (patch.maxServices)
        t.quotas.maxServices = *patch.maxServices;
    if (patch.bandwidthMBps)
        t.quotas.bandwidthMBps = *patch.bandwidthMBps;
    if (patch.iops)
        t.quotas.iops = *patch.iops;
    if (patch.allowedClients)
        t.network.allowedClients = *patch.allowedClients;
    if (Status s = checkShape(t.quotas, t.network.allowedClients); !s)
        return fail(s.error());
    if (Status s = checkQuotas(t.id, t.quotas); !s)
        return fail(s.error());
    if (Status s = m_repository.update(t); !s)
        return fail(s.error());
    m_audit.record(user, QStringLiteral("tenant.update"), id, success());
    Q_EMIT tenantsChanged();
    return t;
}

Status TenantService::remove(const QString &id, bool force, const QString &user)
{
    const auto tenant = m_repository.get(id);
    if (!tenant)
        return tenant.error();
    const auto services = m_repository.serviceCount(id);
    if (!services)
        return services.error();
    Status outcome = success();
    if (*services > 0 && !force)
        outcome = Error::conflict(QStringLiteral("services_enabled"),
                                  QStringLiteral("Tenant %1 still has %2 enabled services; disable them first or use ?force=true.")
                                      .arg(tenant->name)
                                      .arg(*services));
    else
        outcome = m_repository.remove(id);
    m_audit.record(user, QStringLiteral("tenant.delete"), id, outcome, {{QStringLiteral("force"), force}});
    if (outcome) {
        m_events.record(Severity::Info, QStringLiteral("tenancy"),
                        QStringLiteral("Tenant %1 deleted; VLAN %2 and subnet %3 released.").arg(tenant->name).arg(tenant->network.vlan).arg(tenant->network.subnet));
        Q_EMIT tenantsChanged();
    }
    return outcome;
}

Status TenantService::beginRemoval(const QString &id)
{
    auto tenant = m_repository.get(id);
    if (!tenant)
        return tenant.error();
    Tenant t = *tenant;
    t.state = TenantState::Deleting;
    if (Status s = m_repository.update(t); !s)
        return s;
    Q_EMIT tenantsChanged();
    return success();
}

Result<Tenant> TenantService::recordKeyChange(const QString &id, bool revoked, const QString &user)
{
    auto tenant = m_repository.get(id);
    if (!tenant)
        return tenant.error();
    Tenant t = *tenant;
    if (revoked)
        t.encryption.state = QStringLiteral("revoked");
    else
        ++t.encryption.keyVersion;
    t.encryption.changedAt = nowIso();
    const Status stored = m_repository.update(t);
    m_audit.record(user, revoked ? QStringLiteral("tenant.key.revoke") : QStringLiteral("tenant.key.rotate"), id, stored,
                   {{QStringLiteral("keyVersion"), t.encryption.keyVersion}});
    if (!stored)
        return stored.error();
    if (revoked)
        m_events.raiseAlert(Event{{}, {}, Severity::Critical, QStringLiteral("tenancy"),
                                  QStringLiteral("The encryption key of tenant %1 was revoked: its data is unreadable.").arg(t.name), id,
                                  {}, true, {}, {}, {},
                                  QStringLiteral("Your encryption key was revoked: your data can no longer be read.")});
    else
        m_events.record(Event{{}, {}, Severity::Info, QStringLiteral("tenancy"),
                              QStringLiteral("The encryption key of tenant %1 was rotated to version %2.").arg(t.name).arg(t.encryption.keyVersion), id,
                              {}, false, {}, {}, {},
                              QStringLiteral("Your encryption key was rotated to version %1.").arg(t.encryption.keyVersion)});
    Q_EMIT tenantsChanged();
    return t;
}

Result<QList<NetworkPool>> TenantService::pools() const { return m_repository.pools(); }

Result<NetworkPool> TenantService::addPool(NetworkPool pool, const QString &user)
{
    Status outcome = success();
    const auto [base, prefix] = QHostAddress::parseSubnet(pool.cidr);
    if (!isDnsLabel(pool.name))
        outcome = rule(QStringLiteral("invalid_name"), QStringLiteral("A pool name is a DNS label."), QStringLiteral("name"));
    else if (base.protocol() != QAbstractSocket::IPv4Protocol || !pool.cidr.contains(QLatin1Char('/')))
        outcome = rule(QStringLiteral("invalid_cidr"), QStringLiteral("cidr must be an IPv4 range such as 10.100.0.0/16."), QStringLiteral("cidr"));
    else if (pool.subnetPrefix < prefix || pool.subnetPrefix > 29)
        outcome = rule(QStringLiteral("invalid_prefix"), QStringLiteral("subnetPrefix must be from the pool's /%1 to /29.").arg(prefix),
                       QStringLiteral("subnetPrefix"));
    else if (pool.vlanFrom < 1 || pool.vlanTo > 4094 || pool.vlanFrom > pool.vlanTo)
        outcome = rule(QStringLiteral("invalid_vlans"), QStringLiteral("VLANs must satisfy 1 <= vlanFrom <= vlanTo <= 4094."), QStringLiteral("vlanFrom"));
    if (outcome) {
        // Overlapping pools would hand out the same addresses twice.
        const auto pools = m_repository.pools();
        if (!pools)
            return pools.error();
        for (const NetworkPool &other : *pools) {
            const auto [otherBase, otherPrefix] = QHostAddress::parseSubnet(other.cidr);
            if (base.isInSubnet(otherBase, otherPrefix) || otherBase.isInSubnet(base, prefix))
                outcome = Error::conflict(QStringLiteral("pool_overlap"), QStringLiteral("%1 overlaps pool %2 (%3).").arg(pool.cidr, other.name, other.cidr),
                                          QStringLiteral("cidr"));
        }
    }
    if (outcome) {
        pool.id = newId(QLatin1String("pool"));
        outcome = m_repository.insertPool(pool);
    }
    m_audit.record(user, QStringLiteral("network.pool.create"), pool.name, outcome);
    if (!outcome)
        return outcome.error();
    return pool;
}

} // namespace NeoCloud
