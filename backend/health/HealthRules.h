#pragma once
// The rules that turn hardware facts into a service's health, as a VAST operator reads them
// (docs/health.md has the table and the reasoning):
//  - CNodes behind the VIP pool: one of N down or cut off = degraded, all = down.
//  - DBox SSDs: failures the erasure code tolerates = degraded ("data protected"), more = down;
//    a DBox cut off counts all its SSDs as out. NVRAM failures are degraded.
//  - A switch port down on a cable to a CNode or DBox = degraded (its last link down cuts it off).
//  - A failed part that has a spare (PSU, fan, boot drive, NIC...) = degraded.
//  - A BMC that does not answer = degraded: the node may serve, but nobody can see it fail.
// Pure functions, tested with tables of facts.

#include "DependencyGraph.h"
#include "HealthTypes.h"
#include "domain/Tenancy.h"

namespace NeoCloud {

struct RuleOptions
{
    int drivesCanFail = 2; // SSD failures the cluster's erasure code survives
};

Verdict evaluateHardware(const Dependencies &dependencies, const DependencyGraph &graph,
                         const QHash<QString, DeviceFacts> &facts, const RuleOptions &options);

// A cell that does not follow the hardware: a kind not enabled (disabled), services being enabled
// or disabled (unknown), or active services of a tenant whose key is revoked (down: the data is
// unreadable whatever the hardware does). std::nullopt: the cell shows the hardware's verdict.
// `services` are the tenant's services of that kind that are not disabled or failed.
std::optional<Verdict> cellOverride(const Tenant &tenant, const QList<Service> &services);
Verdict evaluateCell(const Tenant &tenant, const QList<Service> &services, const Verdict &hardware);

// Tenants whose pools share their CNodes get the same verdict but for the pool's name: it is
// computed once with this in the name's place (Dependencies::vipPool), then rendered per pool.
inline const QString poolPlaceholder = QStringLiteral("{vip-pool}");

} // namespace NeoCloud
