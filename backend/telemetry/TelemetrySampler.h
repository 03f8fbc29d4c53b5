#pragma once
// Takes a telemetry sample every interval: re-reads the provider's capacity and, when one is
// configured, the GPU metrics endpoint; writes what they and the store say in one batch; prunes
// past the retention; refits the runways on the new history (a sample is done when they are).

#include "store/TelemetryRepository.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace NeoCloud {

class CapacityService;
class GpuMetricsSource;
struct CapacityReport;

struct TelemetryConfig
{
    int intervalMs = 5 * 60 * 1000; // 0: no periodic sampling (sampleNow() still works)
    TelemetryRetention retention;
};

// The samples one reading makes; only figures a source really gave (no zeros for "unknown").
QList<TelemetrySample> samplesOf(const CapacityReport &report, qint64 timeMs);

class TelemetrySampler : public QObject
{
    Q_OBJECT
public:
    TelemetrySampler(CapacityService &capacity, GpuMetricsSource &gpuMetrics, TelemetryRepository &repository,
                     TelemetryConfig config, QObject *parent = nullptr);

    // Samples now, then every interval.
    void start();
    void stop() { m_timer.stop(); }

    // One sample; `done` runs once it is written. A call while one is running joins it.
    void sampleNow(std::function<void()> done = {});

    const TelemetryConfig &config() const { return m_config; }
    quint64 runs() const { return m_runs; }
    quint64 failures() const { return m_failures; }
    quint64 samplesWritten() const { return m_written; }

Q_SIGNALS:
    void sampled(int written);

private:
    void record();
    void finish(int written);

    CapacityService &m_capacity;
    GpuMetricsSource &m_gpuMetrics;
    TelemetryRepository &m_repository;
    TelemetryConfig m_config;
    QTimer m_timer;
    bool m_running = false;
    QList<std::function<void()>> m_waiting;
    quint64 m_runs = 0;
    quint64 m_failures = 0;
    quint64 m_written = 0;
};

} // namespace NeoCloud
