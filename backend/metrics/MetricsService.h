#pragma once
// GET /metrics: the box in Prometheus text exposition (0.0.4). What comes from the store
// (devices, GPUs, storage, tenants, services, jobs, alerts) is built once per change, at most
// once a second, and served as cached bytes; in-process counters (HTTP requests, the sampler)
// are appended per scrape, which costs microseconds. A scrape never waits on a rebuild except
// the very first one.

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace NeoCloud {

class CapacityService;
class HttpStats;
class MetricsRepository;
class InventoryService;
class ServiceProber;
class TelemetrySampler;

struct MetricsConfig
{
    int minRebuildIntervalMs = 1000; // changes in a burst share one rebuild
    int maxAgeMs = 30000;            // rebuilt in the background when older, changed or not
};

class MetricsService : public QObject
{
    Q_OBJECT
public:
    MetricsService(MetricsRepository &metrics, InventoryService &inventory, CapacityService &capacity, const HttpStats &http,
                   const TelemetrySampler *sampler, MetricsConfig config = {}, QObject *parent = nullptr);

    // Probe results join the per-scrape part (one series per tenant and kind).
    void setProber(const ServiceProber *prober) { m_prober = prober; }

    // The whole page.
    QByteArray scrape();

    // The stored figures changed: rebuild the cached part soon (within minRebuildIntervalMs).
    void invalidate();
    // A change is waiting for its rebuild: scrapes until then serve the figures before it.
    bool rebuildPending() const { return m_rebuild.isActive(); }

    // The cached part, built now (the benchmark measures this).
    QByteArray buildStored();
    double lastBuildSeconds() const { return m_lastBuildSeconds; }

private:
    void rebuild();
    QByteArray live() const;

    MetricsRepository &m_metrics;
    InventoryService &m_inventory;
    CapacityService &m_capacity;
    const HttpStats &m_http;
    const TelemetrySampler *m_sampler;
    const ServiceProber *m_prober = nullptr;
    MetricsConfig m_config;
    QByteArray m_cached;
    QElapsedTimer m_age; // since the cached part was built
    QTimer m_rebuild;
    double m_lastBuildSeconds = 0;
    quint64 m_buildErrors = 0;
    qint64 m_startedAtMs = 0;
};

} // namespace NeoCloud
