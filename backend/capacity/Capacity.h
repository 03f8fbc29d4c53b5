#pragma once
// What the cloud has and what it uses, as the capacity view, /metrics and what-if see it. Every
// figure says where it came from: "vast" (the cluster's own answer), "inventory" (the
// discovered drives and GPUs) or "none" (no source could tell; the value is 0 or null).

#include "RunwayEstimator.h"
#include "domain/Tenancy.h"
#include "telemetry/GpuMetricsSource.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace NeoCloud {

namespace CapacitySource {
inline const QString vast = QStringLiteral("vast");
inline const QString inventory = QStringLiteral("inventory");
inline const QString none = QStringLiteral("none");
} // namespace CapacitySource

struct StorageCapacity
{
    qint64 rawBytes = 0;    // every DBox SSD
    qint64 usableBytes = 0; // after the provider's reserve and erasure coding
    qint64 usedBytes = 0;   // of the usable capacity
    qint64 freeBytes = 0;
    std::optional<qint64> physicalBytes;
    std::optional<qint64> physicalUsedBytes;
    std::optional<qint64> logicalBytes;
    std::optional<qint64> logicalUsedBytes;
    std::optional<double> dataReductionRatio;
    int dboxes = 0;
    int cnodes = 0;
    int ssds = 0;

    QString rawSource = CapacitySource::none;
    QString usableSource = CapacitySource::none;
    QString usedSource = CapacitySource::none;
    QString reductionSource = CapacitySource::none;
    QString hardwareSource = CapacitySource::none; // dboxes, cnodes, ssds

    // From the discovered DBox drives whatever the provider says, for comparison.
    qint64 discoveredRawBytes = 0;
    qint64 discoveredUsableBytes = 0; // the planning figure tenant quotas are checked against
    int discoveredDboxes = 0;
    int discoveredDrives = 0;
};

struct GpuCapacity
{
    int total = 0;     // GPUs in discovered GPU servers
    int allocated = 0; // the sum of tenants' GPU quotas
    int healthy = 0;   // component health ok
    int unhealthy = 0; // warning or critical
    int unknown = 0;
    QList<std::pair<QString, int>> byHealth; // ok, warning, critical, unknown as stored
    double overcommitRatio = 1.0;
    std::optional<GpuMetrics> metrics; // utilisation and power, when a DCGM source answers
};

struct TenantCapacity
{
    QString id;
    QString name;
    TenantState state = TenantState::Active;
    qint64 usedBytes = 0;
    qint64 quotaBytes = 0; // 0: no capacity quota
    int gpus = 0;          // GPU quota
    QString usageSource = CapacitySource::none; // vast-views, vast-quotas or none
    RunwayEstimate runway;
};

struct ProviderStatus
{
    QString name = QStringLiteral("vast");
    QString state = QStringLiteral("not-configured"); // not-configured, pending, ok, error
    QString cluster;
    QString readAt;  // ISO time of the last good reading
    QString error;   // why the last reading failed
    QStringList warnings;
    double latencySeconds = 0;
};

struct CapacityReport
{
    StorageCapacity storage;
    RunwayEstimate runway; // of the usable capacity
    GpuCapacity gpus;
    QList<TenantCapacity> tenants;
    ProviderStatus provider;
    QString builtAt;
};

// POST /capacity/what-if, read and checked by the API layer.
struct WhatIfTenant
{
    QString name; // optional, for the answer only
    TenantQuotas quotas;
    qint64 usedBytes = 0;          // data the tenant brings on day one
    double growthBytesPerDay = 0;  // how fast it is expected to grow
};

struct WhatIfRequest
{
    int addDboxes = 0;
    int addCnodes = 0;
    QList<WhatIfTenant> tenants;
};

struct WhatIfSide
{
    qint64 rawBytes = 0;
    qint64 usableBytes = 0;
    qint64 usedBytes = 0;
    int dboxes = 0;
    int cnodes = 0;
    int ssds = 0;
    std::optional<double> runwayDays;
    QString runwayReason;
    qint64 quotaCommittedBytes = 0; // capacity quotas promised to tenants
    double quotaLimitBytes = 0;     // usable x overcommit ratio
    int gpusAllocated = 0;
    double gpuLimit = 0;            // total GPUs x overcommit ratio
    double gpuHeadroom = 0;         // gpuLimit - gpusAllocated
    int gpusFreeHealthy = 0;        // healthy GPUs nobody has a quota on
};

struct WhatIfResult
{
    WhatIfSide before;
    WhatIfSide after;
    bool quotasFit = true; // the new tenants' capacity quotas fit under the limit
    bool gpusFit = true;
    QStringList notes; // the assumptions behind the figures
};

} // namespace NeoCloud
