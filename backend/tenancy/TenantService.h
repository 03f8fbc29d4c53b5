#pragma once
// Tenants of the cloud. This first cut reads and counts them; onboarding, quotas, networks and
// keys arrive with the tenancy work.

#include "core/Result.h"
#include "domain/Inventory.h"
#include "domain/Tenancy.h"

#include <QObject>

namespace NeoCloud {

class TenantRepository;

class TenantService : public QObject
{
    Q_OBJECT
public:
    explicit TenantService(TenantRepository &repository, QObject *parent = nullptr);

    Result<Page<Tenant>> list(int limit, int offset) const;
    Result<int> count() const;

Q_SIGNALS:
    void tenantsChanged();

private:
    TenantRepository &m_repository;
};

} // namespace NeoCloud
