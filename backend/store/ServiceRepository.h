#pragma once
// Reads and writes tenants' services (with the provider steps that made them) and each tenant's
// foundation on the provider.

#include "core/Result.h"

#include <QHash>
#include <QJsonObject>
#include "domain/Inventory.h"
#include "domain/Tenancy.h"

namespace NeoCloud {

class Database;

class ServiceRepository
{
public:
    explicit ServiceRepository(Database &database) : m_db(database) { }

    Database &database() { return m_db; }

    Status insert(const Service &service);
    Status update(const Service &service);
    Result<Service> get(const QString &id) const;
    Result<Page<Service>> listByTenant(const QString &tenantId, int limit, int offset) const;
    // Services that count: not disabled, not failed.
    Result<QList<Service>> liveByTenant(const QString &tenantId) const;
    // Every tenant's live services, without params, endpoints and steps: what health reads on
    // each recompute.
    Result<QList<Service>> liveSummaries() const;
    // Every active service's endpoints by service id: what the probes ask, once a round.
    Result<QHash<QString, QJsonObject>> activeEndpoints() const;
    // Health alone, so it never races a whole-row update of the rest; many services at once.
    Status setHealth(const QStringList &ids, const QString &health);

    // The steps that made the tenant's foundation on the provider, in the order they ran.
    Result<QJsonArray> foundation(const QString &tenantId) const;
    Status setFoundation(const QString &tenantId, const QJsonArray &steps);

private:
    Database &m_db;
};

} // namespace NeoCloud
