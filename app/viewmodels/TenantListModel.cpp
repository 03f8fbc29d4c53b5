#include "TenantListModel.h"

#include "TenancyText.h"
#include "TenantServiceModel.h"
#include "domain/Enums.h"
#include "services/ServiceEngine.h"
#include "tenancy/TenantService.h"

#include <QLocale>

namespace NeoCloud {

QString tenantHealth(const Tenant &tenant, const QList<Service> &services)
{
    if (tenant.state == TenantState::Deleting)
        return QStringLiteral("unknown");
    QString worst
        = tenant.state == TenantState::Suspended ? QStringLiteral("warning") : QStringLiteral("ok");
    for (const Service &s : services) {
        if (s.state == ServiceState::Disabled)
            continue;
        const QString tone = serviceTone(s);
        if (tone == QLatin1String("critical"))
            return tone;
        if (tone == QLatin1String("warning"))
            worst = tone;
    }
    return worst;
}

TenantListModel::TenantListModel(TenantService &tenants, ServiceEngine &engine, QObject *parent)
    : QAbstractListModel(parent)
    , m_tenants(tenants)
    , m_engine(engine)
{
    // A burst of changes (an onboarding touches the tenant several times) costs one re-read.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(50);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TenantListModel::refresh);
    connect(&m_tenants, &TenantService::tenantsChanged, &m_refreshTimer,
            qOverload<>(&QTimer::start));
    connect(&m_engine, &ServiceEngine::serviceChanged, &m_refreshTimer,
            qOverload<>(&QTimer::start));
    // The first read waits for the event loop, so constructing the console stays cheap.
    QTimer::singleShot(0, this, &TenantListModel::refresh);
}

int TenantListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TenantListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Tenant &t = row.tenant;
    switch (role) {
    case TenantIdRole:
        return t.id;
    case Qt::DisplayRole:
    case NameRole:
        return t.name;
    case DisplayNameRole:
        return t.displayName;
    case ContactEmailRole:
        return t.contactEmail;
    case StateRole:
        return toString(t.state);
    case StateLabelRole:
        return tenantStateLabel(t.state);
    case HealthRole:
        return row.health;
    case ServicesUsedRole:
        return row.servicesUsed;
    case MaxServicesRole:
        return t.quotas.maxServices;
    case UsageRole:
        return t.quotas.maxServices > 0
            ? qBound(0.0, double(row.servicesUsed) / t.quotas.maxServices, 1.0)
            : 0.0;
    case QuotaTextRole: {
        QStringList parts;
        parts << (t.quotas.capacityBytes > 0 ? storageText(double(t.quotas.capacityBytes))
                                             : tr("no storage"));
        parts << (t.quotas.gpus == 1 ? tr("1 GPU") : tr("%L1 GPUs").arg(t.quotas.gpus));
        return parts.join(QStringLiteral(" · "));
    }
    case NetworkTextRole:
        return tr("VLAN %1 · %2").arg(t.network.vlan).arg(t.network.subnet);
    default:
        return {};
    }
}

QHash<int, QByteArray> TenantListModel::roleNames() const
{
    return { { TenantIdRole, "tenantId" },
             { NameRole, "name" },
             { DisplayNameRole, "displayName" },
             { ContactEmailRole, "contactEmail" },
             { StateRole, "state" },
             { StateLabelRole, "stateLabel" },
             { HealthRole, "health" },
             { ServicesUsedRole, "servicesUsed" },
             { MaxServicesRole, "maxServices" },
             { UsageRole, "usage" },
             { QuotaTextRole, "quotaText" },
             { NetworkTextRole, "networkText" } };
}

int TenantListModel::rowOf(const QString &tenantId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).tenant.id == tenantId)
            return int(i);
    return -1;
}

QString TenantListModel::tenantIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).tenant.id : QString();
}

void TenantListModel::refresh()
{
    m_refreshTimer.stop();
    QList<Row> rows;
    QString error;
    for (int offset = 0;; offset += pageSize) {
        const Result<Page<Tenant>> page = m_tenants.list(pageSize, offset);
        if (!page) {
            error = page.error().message;
            break;
        }
        for (const Tenant &t : page->items) {
            const Result<int> used = m_tenants.serviceCount(t.id);
            const Result<QList<Service>> services = allServices(m_engine, t.id);
            rows.append(
                { t, used ? *used : 0, tenantHealth(t, services ? *services : QList<Service>()) });
        }
        if (page->items.size() < pageSize || offset + pageSize >= page->total)
            break;
    }
    if (error.isEmpty()) {
        // Tenants are tens, not thousands: a reset keeps this simple and correct.
        const bool countChanges = rows.size() != m_rows.size();
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        if (countChanges)
            Q_EMIT countChanged();
    }
    setLastError(error);
    if (!m_loaded) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
    Q_EMIT reloaded();
}

void TenantListModel::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

} // namespace NeoCloud
