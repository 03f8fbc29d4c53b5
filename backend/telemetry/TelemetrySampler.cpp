#include "TelemetrySampler.h"

#include "GpuMetricsSource.h"
#include "capacity/CapacityService.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcTelemetry, "neocloud.telemetry")

QList<TelemetrySample> samplesOf(const CapacityReport &report, qint64 timeMs)
{
    QList<TelemetrySample> batch;
    auto add = [&](const QString &series, double value, const QString &scope = {}) {
        batch.append({series, scope, timeMs, value});
    };
    const StorageCapacity &s = report.storage;
    if (s.usedSource != CapacitySource::none)
        add(Series::storageUsed, double(s.usedBytes));
    if (s.usableSource != CapacitySource::none)
        add(Series::storageUsable, double(s.usableBytes));
    if (s.rawSource != CapacitySource::none)
        add(Series::storageRaw, double(s.rawBytes));
    if (s.logicalUsedBytes)
        add(Series::storageLogicalUsed, double(*s.logicalUsedBytes));
    if (s.physicalUsedBytes)
        add(Series::storagePhysicalUsed, double(*s.physicalUsedBytes));
    if (s.dataReductionRatio)
        add(Series::dataReduction, *s.dataReductionRatio);

    add(Series::gpuTotal, report.gpus.total);
    add(Series::gpuHealthy, report.gpus.healthy);
    add(Series::gpuAllocated, report.gpus.allocated);
    if (const auto &m = report.gpus.metrics) {
        if (m->utilizationPercent)
            add(Series::gpuUtilization, *m->utilizationPercent);
        if (m->powerWatts)
            add(Series::gpuPower, *m->powerWatts);
    }
    if (report.provider.state == QLatin1String("ok"))
        add(Series::providerLatency, report.provider.latencySeconds);

    for (const TenantCapacity &t : report.tenants)
        if (t.usageSource != CapacitySource::none)
            add(Series::tenantUsed, double(t.usedBytes), t.id);
    return batch;
}

TelemetrySampler::TelemetrySampler(CapacityService &capacity, GpuMetricsSource &gpuMetrics, TelemetryRepository &repository,
                                   TelemetryConfig config, QObject *parent)
    : QObject(parent)
    , m_capacity(capacity)
    , m_gpuMetrics(gpuMetrics)
    , m_repository(repository)
    , m_config(config)
{
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { sampleNow(); });
}

void TelemetrySampler::start()
{
    sampleNow();
    if (m_config.intervalMs > 0)
        m_timer.start(m_config.intervalMs);
}

void TelemetrySampler::sampleNow(std::function<void()> done)
{
    if (done)
        m_waiting.append(std::move(done));
    if (m_running)
        return;
    m_running = true;
    m_capacity.refresh([this] {
        if (!m_gpuMetrics.configured()) {
            record();
            return;
        }
        m_gpuMetrics.read([this](Result<GpuMetrics> metrics) {
            if (!metrics)
                qCInfo(lcTelemetry, "no GPU metrics this time: %s", qUtf8Printable(metrics.error().message));
            m_capacity.setGpuMetrics(metrics ? std::optional<GpuMetrics>(*metrics) : std::nullopt);
            record();
        });
    });
}

void TelemetrySampler::record()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ++m_runs;
    const auto report = m_capacity.report();
    if (!report) {
        ++m_failures;
        qCWarning(lcTelemetry, "cannot take a sample: %s", qUtf8Printable(report.error().message));
        finish(0);
        return;
    }
    const auto stored = m_repository.write(samplesOf(*report, now));
    if (!stored) {
        ++m_failures;
        qCWarning(lcTelemetry, "cannot store a sample: %s", qUtf8Printable(stored.error().message));
        finish(0);
        return;
    }
    m_written += quint64(*stored);
    if (const auto pruned = m_repository.prune(now, m_config.retention); !pruned)
        qCWarning(lcTelemetry, "cannot prune telemetry: %s", qUtf8Printable(pruned.error().message));
    const int written = *stored;
    if (const Status fitting = m_capacity.updateRunways(now, [this, written] { finish(written); }); !fitting)
        qCWarning(lcTelemetry, "cannot fit runways: %s", qUtf8Printable(fitting.error().message));
}

void TelemetrySampler::finish(int written)
{
    m_running = false;
    Q_EMIT sampled(written);
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &callback : waiting)
        callback();
}

} // namespace NeoCloud
