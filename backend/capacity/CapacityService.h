#pragma once
// Capacity of the cloud: storage from the VAST cluster (falling back to the discovered drives),
// GPUs from the inventory and tenant quotas, per-tenant use against quota, runway from the
// recorded history, and what-if planning for more DBoxes, CNodes or tenants.
//
// The provider is read asynchronously (refresh()) and its last reading kept, so report() answers
// from the store and that reading without waiting on the network. Runways are fitted when new
// history is written (updateRunways()), not per request.

#include "Capacity.h"
#include "core/Result.h"
#include "store/InventoryRepository.h"
#include "store/MetricsRepository.h"
#include "vast/VmsClient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace NeoCloud {

class InventoryService;
class TelemetryRepository;
class TenantService;
class VastCapacityReader;
struct ProviderCapacity;

struct CapacityConfig
{
    QString databasePath; // the store's file: runways are fitted on a worker with a connection of its own
    RunwayConfig runway;
    // report() starts a background re-read when the last reading is older than this.
    qint64 providerMaxAgeMs = 60000;
};

// Series names the sampler writes and the runway reads.
namespace Series {
inline const QString storageUsed = QStringLiteral("storage.used_bytes");
inline const QString storageUsable = QStringLiteral("storage.usable_bytes");
inline const QString storageRaw = QStringLiteral("storage.raw_bytes");
inline const QString storageLogicalUsed = QStringLiteral("storage.logical_used_bytes");
inline const QString storagePhysicalUsed = QStringLiteral("storage.physical_used_bytes");
inline const QString dataReduction = QStringLiteral("storage.data_reduction_ratio");
inline const QString tenantUsed = QStringLiteral("tenant.used_bytes");
inline const QString gpuTotal = QStringLiteral("gpu.total");
inline const QString gpuHealthy = QStringLiteral("gpu.healthy");
inline const QString gpuAllocated = QStringLiteral("gpu.allocated");
inline const QString gpuUtilization = QStringLiteral("gpu.utilization_percent");
inline const QString gpuPower = QStringLiteral("gpu.power_watts");
inline const QString providerLatency = QStringLiteral("provider.latency_seconds");
} // namespace Series

class CapacityService : public QObject
{
    Q_OBJECT
public:
    CapacityService(VmsConnection provider, InventoryService &inventory, TenantService &tenants,
                    MetricsRepository &metrics, TelemetryRepository &telemetry, CapacityConfig config = {},
                    QObject *parent = nullptr);
    ~CapacityService() override;

    // Current figures: the store, the last provider reading, the last fitted runways. Starts a
    // background re-read of the provider when its last reading is stale (the answer does not wait).
    Result<CapacityReport> report();

    // Re-reads the provider; `done` runs when the reading is in (or failed). Calls made while a
    // reading is in flight join it.
    void refresh(std::function<void()> done = {});

    // Fits the runways again from the recorded history (cluster and every tenant) on a worker
    // thread; `done` runs on this thread once the new figures are in (or the fit failed). A call
    // made while a fit runs is served by one more fit after it.
    Status updateRunways(qint64 nowMs, std::function<void()> done = {});

    // The figures after adding hardware or tenants; 422 when there is nothing to model on.
    Result<WhatIfResult> whatIf(const WhatIfRequest &request);

    void setGpuMetrics(std::optional<GpuMetrics> metrics);
    std::optional<GpuMetrics> gpuMetrics() const { return m_gpuMetrics; }

    const RunwayConfig &runwayConfig() const { return m_config.runway; }

Q_SIGNALS:
    // The provider reading, the GPU metrics or the runways changed.
    void capacityChanged();

private:
    // What the inventory and the tenant list say, read once per change rather than per answer:
    // at 10,000 devices the GROUP BYs over their parts are most of an answer's cost.
    struct InventoryFigures
    {
        PhysicalCapacity physical;
        DriveTotals hardware;
        QList<GroupCount> gpusByHealth;
    };
    Result<InventoryFigures> inventoryFigures() const;
    Result<QList<Tenant>> tenantList() const;

    Result<CapacityReport> build() const;
    Result<StorageCapacity> storage() const;
    Result<GpuCapacity> gpus(const QList<Tenant> &tenants, double overcommitRatio) const;
    ProviderStatus providerStatus() const;

    InventoryService &m_inventory;
    TenantService &m_tenants;
    MetricsRepository &m_metrics;
    TelemetryRepository &m_telemetry;
    CapacityConfig m_config;
    std::unique_ptr<VastCapacityReader> m_reader;
    std::unique_ptr<ProviderCapacity> m_reading; // the last good one
    QString m_lastError;
    bool m_inFlight = false;
    qint64 m_lastAttemptMs = 0; // staleness counts from the last attempt, so a down VMS is not hammered
    QList<std::function<void()>> m_waiting;
    Status startFit();
    QThreadPool m_fitter; // one thread: fits run one after the other
    bool m_fitting = false;
    bool m_fitAgain = false;
    qint64 m_fitNowMs = 0;
    QList<std::function<void()>> m_fitWaiting;
    RunwayEstimate m_clusterRunway;
    QHash<QString, RunwayEstimate> m_tenantRunways; // by tenant id
    std::optional<GpuMetrics> m_gpuMetrics;
    mutable std::optional<InventoryFigures> m_inventoryFigures; // reset when the inventory changes
    mutable std::optional<QList<Tenant>> m_tenantList;           // reset when tenants change
    mutable QElapsedTimer m_tenantListAge;
};

} // namespace NeoCloud
