#pragma once
// Reads and writes tenants with their quotas and network allocation, the network pools the
// allocations come from, and operator settings for tenancy.

#include "core/Result.h"
#include "domain/Inventory.h"
#include "domain/Tenancy.h"

#include <QSet>

#include <optional>

namespace NeoCloud {

class Database;

struct QuotaTotals
{
    qint64 capacityBytes = 0;
    qint64 gpus = 0;
};

class TenantRepository
{
public:
    explicit TenantRepository(Database &database) : m_db(database) { }

    Status insert(const Tenant &tenant); // with its network row
    Status update(const Tenant &tenant); // fields, quotas, allowed clients
    Status remove(const QString &id);    // the network allocation goes with it
    Result<Tenant> get(const QString &id) const;
    Result<Page<Tenant>> list(int limit, int offset) const;
    Result<int> count() const;
    Result<QuotaTotals> quotaTotals(const QString &excludingTenantId) const;
    Result<int> serviceCount(const QString &tenantId) const;

    Result<QList<NetworkPool>> pools() const;
    Status insertPool(const NetworkPool &pool);
    // VLANs and subnets already handed out from a pool.
    Result<QPair<QSet<int>, QSet<QString>>> allocations(const QString &poolId) const;

    Result<std::optional<QString>> setting(const QString &key) const;
    Status setSetting(const QString &key, const QString &value);

private:
    Database &m_db;
};

} // namespace NeoCloud
