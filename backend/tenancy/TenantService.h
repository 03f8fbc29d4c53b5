#pragma once
// Tenants of the cloud: onboarding with a network slice from an operator pool, quotas checked
// against the hardware (with an operator-set overcommit ratio) and against what is in use,
// updates, and deletion that releases the network.

#include "core/Result.h"
#include "domain/Inventory.h"
#include "domain/Tenancy.h"

#include <QObject>

#include <optional>

namespace NeoCloud {

class AuditLog;
class EventLog;
class InventoryService;
class TenantRepository;

struct TenantDraft
{
    QString name;
    QString displayName;
    QString contactEmail;
    TenantQuotas quotas;
    QString pool; // pool name; empty: the first pool with room
    QStringList allowedClients;
    bool customerManagedKey = false; // the tenant gets its own encryption group
};

struct TenantPatch
{
    std::optional<QString> displayName;
    std::optional<QString> contactEmail;
    std::optional<TenantState> state;
    std::optional<qint64> capacityBytes;
    std::optional<int> gpus;
    std::optional<int> maxServices;
    std::optional<qint64> bandwidthMBps;
    std::optional<qint64> iops;
    std::optional<QStringList> allowedClients;
};

struct TenancySettings
{
    double overcommitRatio = 1.0;
};

class TenantService : public QObject
{
    Q_OBJECT
public:
    TenantService(TenantRepository &repository, InventoryService &inventory, AuditLog &audit, EventLog &events,
                  QObject *parent = nullptr);

    Result<Page<Tenant>> list(int limit, int offset) const;
    Result<int> count() const;
    Result<Tenant> get(const QString &id) const;
    // The services counted against the tenant's maxServices quota (all but disabled ones).
    Result<int> serviceCount(const QString &tenantId) const;

    // The tenant `create` would make (rules, quotas and the network it would get), without
    // making it: for dry runs.
    Result<Tenant> preview(const TenantDraft &draft) const;
    Result<Tenant> create(const TenantDraft &draft, const QString &user);
    Result<Tenant> update(const QString &id, const TenantPatch &patch, const QString &user);
    Status remove(const QString &id, bool force, const QString &user);
    // Marks a tenant `deleting` while a job takes its services and foundation down.
    Status beginRemoval(const QString &id);
    // Records a key rotation (version + 1) or revocation done on the provider.
    Result<Tenant> recordKeyChange(const QString &id, bool revoked, const QString &user);

    Result<QList<NetworkPool>> pools() const;
    Result<NetworkPool> addPool(NetworkPool pool, const QString &user);

    Result<TenancySettings> settings() const;
    Result<TenancySettings> setOvercommitRatio(double ratio, const QString &user);

Q_SIGNALS:
    void tenantsChanged();

private:
    Status checkQuotas(const QString &tenantId, const TenantQuotas &quotas) const;
    Result<TenantNetwork> allocate(const QString &poolName) const;

    TenantRepository &m_repository;
    InventoryService &m_inventory;
    AuditLog &m_audit;
    EventLog &m_events;
};

// Rules shared by the API and the forms that build on it.
bool isDnsLabel(const QString &name);
bool isCidr(const QString &text);

} // namespace NeoCloud
