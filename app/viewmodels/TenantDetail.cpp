#include "TenantDetail.h"

#include "TenancyText.h"
#include "TenantEditor.h"
#include "TenantListModel.h"
#include "core/Time.h"
#include "domain/Enums.h"
#include "inventory/InventoryService.h"
#include "services/ServiceEngine.h"
#include "tenancy/TenantService.h"

namespace NeoCloud {
namespace {

const QString consoleUser = QStringLiteral("console");

} // namespace

TenantDetail::TenantDetail(TenantService &tenants, InventoryService &inventory, AuthService &auth,
                           AccessKeyService &keys, ServiceEngine &engine, const Catalog &catalog,
                           QObject *parent)
    : QObject(parent)
    , m_tenants(tenants)
    , m_inventory(inventory)
    , m_quotas(this)
    , m_users(auth, this)
    , m_keys(keys, this)
    , m_services(engine, catalog, this)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(50);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TenantDetail::refresh);
    connect(&m_tenants, &TenantService::tenantsChanged, &m_refreshTimer,
            qOverload<>(&QTimer::start));
    // Quota shares are measured against the discovered hardware.
    connect(&m_inventory, &InventoryService::inventoryChanged, &m_refreshTimer,
            qOverload<>(&QTimer::start));
    // Services count against the quota and make the health.
    connect(&m_services, &TenantServiceModel::countsChanged, &m_refreshTimer,
            qOverload<>(&QTimer::start));
}

void TenantDetail::setTenantId(const QString &id)
{
    if (id == m_tenantId)
        return;
    m_tenantId = id;
    Q_EMIT tenantIdChanged();
    refresh();
}

QString TenantDetail::state() const
{
    return found() ? toString(m_tenant.state) : QString();
}
QString TenantDetail::stateLabel() const
{
    return found() ? tenantStateLabel(m_tenant.state) : QString();
}
QString TenantDetail::health() const
{
    return found() ? tenantHealth(m_tenant, m_services.services()) : QStringLiteral("unknown");
}
QDateTime TenantDetail::createdAt() const
{
    return found() ? fromIsoTime(m_tenant.createdAt).toLocalTime() : QDateTime();
}

QString TenantDetail::vipRange() const
{
    return m_tenant.network.vipFrom.isEmpty()
        ? QString()
        : tr("%1 – %2").arg(m_tenant.network.vipFrom, m_tenant.network.vipTo);
}

QVariantMap TenantDetail::formFields() const
{
    return found() ? TenantEditor::formFields(m_tenant) : QVariantMap();
}

QVariantMap TenantDetail::setSuspended(bool suspended)
{
    TenantPatch patch;
    patch.state = suspended ? TenantState::Suspended : TenantState::Active;
    const Result<Tenant> updated = m_tenants.update(m_tenantId, patch, consoleUser);
    return updated ? QVariantMap() : refusal(updated.error());
}

void TenantDetail::refresh()
{
    m_refreshTimer.stop();
    m_tenant = Tenant();
    m_lastError.clear();
    if (!m_tenantId.isEmpty()) {
        const Result<Tenant> read = m_tenants.get(m_tenantId);
        if (read)
            m_tenant = *read;
        else if (read.error().kind != ErrorKind::NotFound)
            m_lastError = read.error().message;
    }
    const auto used = found() ? m_tenants.serviceCount(m_tenant.id) : Result<int>(0);
    const auto physical = m_inventory.physicalCapacity();
    const auto settings = m_tenants.settings();
    if (found() && used && physical && settings)
        m_quotas.show(m_tenant.quotas, *used, *physical, settings->overcommitRatio);
    else
        m_quotas.clear();
    // Users and keys change only through their own models; they are read when the tenant shown
    // changes (or goes away), not on every tenant update.
    if (m_users.tenantId() != m_tenant.id) {
        m_users.show(m_tenant.id);
        m_keys.show(m_tenant.id);
        m_services.setTenantId(m_tenant.id);
    }
    for (const Error *e : { used ? nullptr : &used.error(), physical ? nullptr : &physical.error(),
                            settings ? nullptr : &settings.error() })
        if (e && m_lastError.isEmpty())
            m_lastError = e->message;
    Q_EMIT changed();
}

} // namespace NeoCloud
