#pragma once
// The 500-tenant fixture the health benchmarks share (tenants through TenantService, every kind of
// service written straight to the store as active: enabling them through the VMS double would
// be the engine's benchmark, not theirs).

#include "Backend.h"
#include "core/Ids.h"
#include "core/Time.h"
#include "services/Catalog.h"
#include "store/Database.h"
#include "store/ServiceRepository.h"
#include "tenancy/TenantService.h"

namespace NeoCloud::Bench {

// `count` tenants named t0000.. in a network pool of their own (500 need 500 subnets).
inline Result<QStringList> addTenants(Backend &backend, int count)
{
    if (const Result<NetworkPool> pool = backend.tenants().addPool(
            { {}, QStringLiteral("bench"), 100, 999, QStringLiteral("10.64.0.0/12"), 24, 0 },
            QStringLiteral("bench"));
        !pool)
        return pool.error();
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        TenantDraft draft;
        draft.name = QStringLiteral("t%1").arg(i, 4, 10, QLatin1Char('0'));
        draft.pool = QStringLiteral("bench");
        const Result<Tenant> tenant = backend.tenants().create(draft, QStringLiteral("bench"));
        if (!tenant)
            return tenant.error();
        ids << tenant->id;
    }
    return ids;
}

// One active, healthy service of every catalog kind for each tenant, in one transaction.
inline Status addActiveServices(Backend &backend, const QStringList &tenantIds)
{
    ServiceRepository services(backend.database());
    const QStringList kinds = backend.catalog().kindNames();
    return backend.database().transaction([&]() -> Status {
        for (const QString &tenant : tenantIds)
            for (const QString &kind : kinds) {
                Service s;
                s.id = newId(QLatin1String("svc"));
                s.tenantId = tenant;
                s.kind = kind;
                s.state = ServiceState::Active;
                s.health = QStringLiteral("healthy");
                s.createdAt = s.updatedAt = nowIso();
                if (Status st = services.insert(s); !st)
                    return st;
            }
        return success();
    });
}

} // namespace NeoCloud::Bench
