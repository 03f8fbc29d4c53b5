#include "MetricsService.h"

#include "health/probes/ServiceProber.h"

#include "api/HttpStats.h"
#include "capacity/CapacityService.h"
#include "core/Version.h"
#include "domain/Enums.h"
#include "inventory/InventoryService.h"
#include "store/MetricsRepository.h"
#include "telemetry/PrometheusText.h"
#include "telemetry/TelemetrySampler.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcMetrics, "neocloud.metrics")

namespace {

using Labels = QList<QPair<QLatin1String, QString>>;
const QLatin1String gauge("gauge");
const QLatin1String counter("counter");

// Two-level counts with every known combination present, zeros included: a series that
// vanishes when its count drops to zero breaks rate() and alerts on it.
void grid(PromWriter &w, QLatin1String name, const QString &help, QLatin1String firstLabel, const QStringList &firsts,
          QLatin1String secondLabel, const QStringList &seconds, const QList<GroupCount> &rows)
{
    QHash<QPair<QString, QString>, qint64> counts;
    QStringList allFirsts = firsts;
    QStringList allSeconds = seconds;
    for (const GroupCount &row : rows) {
        counts[qMakePair(row.first, row.second)] += row.count;
        if (!allFirsts.contains(row.first))
            allFirsts << row.first;
        if (!allSeconds.contains(row.second))
            allSeconds << row.second;
    }
    w.family(name, gauge, help);
    for (const QString &a : allFirsts)
        for (const QString &b : allSeconds)
            w.sample(name, counts.value(qMakePair(a, b)), Labels{{firstLabel, a}, {secondLabel, b}});
}

void oneLevel(PromWriter &w, QLatin1String name, const QString &help, QLatin1String label, const QStringList &known,
              const QList<GroupCount> &rows)
{
    QHash<QString, qint64> counts;
    QStringList all = known;
    for (const GroupCount &row : rows) {
        counts[row.first] += row.count;
        if (!all.contains(row.first))
            all << row.first;
    }
    w.family(name, gauge, help);
    for (const QString &value : all)
        w.sample(name, counts.value(value), Labels{{label, value}});
}

void single(PromWriter &w, QLatin1String name, const QString &help, double value)
{
    w.family(name, gauge, help);
    w.sample(name, value);
}

} // namespace

MetricsService::MetricsService(MetricsRepository &metrics, InventoryService &inventory, CapacityService &capacity,
                               const HttpStats &http, const TelemetrySampler *sampler, MetricsConfig config, QObject *parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_inventory(inventory)
    , m_capacity(capacity)
    , m_http(http)
    , m_sampler(sampler)
    , m_config(config)
    , m_startedAtMs(QDateTime::currentMSecsSinceEpoch())
{
    m_rebuild.setSingleShot(true);
    connect(&m_rebuild, &QTimer::timeout, this, &MetricsService::rebuild);
}

void MetricsService::invalidate()
{
    if (m_rebuild.isActive())
        return;
    const qint64 sinceLast = m_age.isValid() ? m_age.elapsed() : m_config.minRebuildIntervalMs;
    m_rebuild.start(int(qMax<qint64>(0, m_config.minRebuildIntervalMs - sinceLast)));
}

QByteArray MetricsService::scrape()
{
    if (m_cached.isEmpty())
        rebuild();
    else if (m_age.elapsed() > m_config.maxAgeMs)
        invalidate(); // serve what is there; the next scrape gets the new figures
    return m_cached + live();
}

void MetricsService::rebuild()
{
    m_rebuild.stop();
    QElapsedTimer clock;
    clock.start();
    QByteArray built = buildStored();
    m_lastBuildSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (!built.isEmpty()) {
        m_cached = std::move(built);
        m_age.start();
    }
    qCDebug(lcMetrics, "rebuilt the stored part of /metrics in %.1f ms (%lld bytes)", m_lastBuildSeconds * 1000,
            static_cast<long long>(m_cached.size()));
}

QByteArray MetricsService::buildStored()
{
    PromWriter w;
    auto failed = [this](const Error &error) {
        ++m_buildErrors;
        qCWarning(lcMetrics, "cannot build /metrics: %s", qUtf8Printable(error.message));
        return QByteArray();
    };

    w.family(QLatin1String("neocloud_info"), gauge, QStringLiteral("Versions of this NeoCloud Box; the value is always 1."));
    w.sample(QLatin1String("neocloud_info"), qint64(1),
             Labels{{QLatin1String("version"), productVersion},
                    {QLatin1String("api_version"), apiVersion},
                    {QLatin1String("qt"), QString::fromLatin1(qVersion())}});

    // Inventory
    const auto counts = m_inventory.counts();
    if (!counts)
        return failed(counts.error());
    single(w, QLatin1String("neocloud_sites"), QStringLiteral("Sites in the inventory."), counts->sites);
    single(w, QLatin1String("neocloud_racks"), QStringLiteral("Racks in the inventory."), counts->racks);
    const auto devices = m_metrics.devicesByKindAndHealth();
    if (!devices)
        return failed(devices.error());
    grid(w, QLatin1String("neocloud_devices"), QStringLiteral("Devices in the inventory by kind and health."),
         QLatin1String("kind"), enumSpellings<DeviceKind>(), QLatin1String("health"), enumSpellings<Health>(), *devices);
    const auto links = m_metrics.linkCount();
    if (!links)
        return failed(links.error());
    single(w, QLatin1String("neocloud_links"), QStringLiteral("Cables between device ports in the inventory."), double(*links));

    // Capacity (storage, GPUs, tenants' use) as the capacity answer has it.
    const auto report = m_capacity.report();
    if (!report)
        return failed(report.error());
    QList<GroupCount> gpus;
    for (const auto &[health, count] : report->gpus.byHealth)
        gpus.append({health, {}, count});
    oneLevel(w, QLatin1String("neocloud_gpus"), QStringLiteral("GPUs in discovered GPU servers by component health."),
             QLatin1String("health"), enumSpellings<Health>(), gpus);
    single(w, QLatin1String("neocloud_gpus_allocated"), QStringLiteral("GPUs promised to tenants: the sum of their GPU quotas."),
           report->gpus.allocated);
    single(w, QLatin1String("neocloud_overcommit_ratio"), QStringLiteral("How far tenant quotas may exceed the hardware."),
           report->gpus.overcommitRatio);
    if (const auto &m = report->gpus.metrics) {
        single(w, QLatin1String("neocloud_gpu_metrics_reporting_gpus"),
               QStringLiteral("GPUs the DCGM metrics endpoint reported on at its last read."), m->gpus);
        if (m->utilizationPercent)
            single(w, QLatin1String("neocloud_gpu_utilization_ratio"),
                   QStringLiteral("Mean GPU utilisation (0 to 1) from DCGM_FI_DEV_GPU_UTIL."), *m->utilizationPercent / 100.0);
        if (m->powerWatts)
            single(w, QLatin1String("neocloud_gpu_power_watts"), QStringLiteral("GPU power draw summed from DCGM_FI_DEV_POWER_USAGE."),
                   *m->powerWatts);
    }

    const StorageCapacity &s = report->storage;
    single(w, QLatin1String("neocloud_storage_raw_bytes"), QStringLiteral("Raw capacity of every DBox SSD."), double(s.rawBytes));
    single(w, QLatin1String("neocloud_storage_usable_bytes"), QStringLiteral("Usable capacity after reserve and erasure coding."),
           double(s.usableBytes));
    if (s.usedSource != CapacitySource::none) {
        single(w, QLatin1String("neocloud_storage_used_bytes"), QStringLiteral("Usable capacity in use."), double(s.usedBytes));
        single(w, QLatin1String("neocloud_storage_free_bytes"), QStringLiteral("Usable capacity free."), double(s.freeBytes));
    }
    const QList<std::tuple<QLatin1String, QString, std::optional<qint64>>> optionalBytes{
        {QLatin1String("neocloud_storage_physical_bytes"), QStringLiteral("Physical space as the provider reports it."), s.physicalBytes},
        {QLatin1String("neocloud_storage_physical_used_bytes"), QStringLiteral("Physical space in use."), s.physicalUsedBytes},
        {QLatin1String("neocloud_storage_logical_bytes"), QStringLiteral("Logical space: usable times data reduction."), s.logicalBytes},
        {QLatin1String("neocloud_storage_logical_used_bytes"), QStringLiteral("Logical space in use: what tenants wrote."),
         s.logicalUsedBytes},
    };
    for (const auto &[name, help, value] : optionalBytes)
        if (value)
            single(w, name, help, double(*value));
    if (s.dataReductionRatio)
        single(w, QLatin1String("neocloud_storage_data_reduction_ratio"), QStringLiteral("Logical over physical data, as the provider reports it."),
               *s.dataReductionRatio);
    single(w, QLatin1String("neocloud_storage_dboxes"), QStringLiteral("DBoxes (storage enclosures)."), s.dboxes);
    single(w, QLatin1String("neocloud_storage_cnodes"), QStringLiteral("CNodes (storage controllers)."), s.cnodes);
    if (report->runway.runwayDays)
        single(w, QLatin1String("neocloud_storage_runway_seconds"),
               QStringLiteral("Time until the usable capacity is full at the fitted growth; absent when the history cannot tell."),
               *report->runway.runwayDays * 86400.0);
    if (report->runway.growthPerDay)
        single(w, QLatin1String("neocloud_storage_growth_bytes_per_second"),
               QStringLiteral("Fitted growth of the usable capacity in use (Theil-Sen over the runway window)."),
               *report->runway.growthPerDay / 86400.0);
    if (report->provider.state != QLatin1String("not-configured")) {
        single(w, QLatin1String("neocloud_provider_up"), QStringLiteral("1 when the last capacity read from the storage provider succeeded."),
               report->provider.state == QLatin1String("ok") ? 1 : 0);
        single(w, QLatin1String("neocloud_provider_read_duration_seconds"),
               QStringLiteral("How long the last good capacity read from the provider took."), report->provider.latencySeconds);
    }

    // Tenants
    const auto tenantStates = m_metrics.tenantsByState();
    if (!tenantStates)
        return failed(tenantStates.error());
    oneLevel(w, QLatin1String("neocloud_tenants"), QStringLiteral("Tenants by state."), QLatin1String("state"),
             enumSpellings<TenantState>(), *tenantStates);
    const auto perTenant = m_metrics.servicesPerTenant();
    if (!perTenant)
        return failed(perTenant.error());
    struct PerTenant
    {
        QLatin1String name;
        QString help;
        std::function<std::optional<double>(const TenantCapacity &)> value;
    };
    const QList<PerTenant> tenantFamilies{
        {QLatin1String("neocloud_tenant_quota_bytes"), QStringLiteral("A tenant's capacity quota; 0 when it has none."),
         [](const TenantCapacity &t) { return std::optional<double>(double(t.quotaBytes)); }},
        {QLatin1String("neocloud_tenant_used_bytes"), QStringLiteral("Logical bytes a tenant uses, as the provider reports them."),
         [](const TenantCapacity &t) {
             return t.usageSource != CapacitySource::none ? std::optional<double>(double(t.usedBytes)) : std::nullopt;
         }},
        {QLatin1String("neocloud_tenant_quota_gpus"), QStringLiteral("A tenant's GPU quota."),
         [](const TenantCapacity &t) { return std::optional<double>(t.gpus); }},
        {QLatin1String("neocloud_tenant_services"), QStringLiteral("A tenant's services that are not disabled."),
         [&perTenant](const TenantCapacity &t) { return std::optional<double>(double(perTenant->value(t.id))); }},
        {QLatin1String("neocloud_tenant_runway_seconds"),
         QStringLiteral("Time until a tenant's use reaches its quota at the fitted growth; absent when the history cannot tell."),
         [](const TenantCapacity &t) {
             return t.runway.runwayDays ? std::optional<double>(*t.runway.runwayDays * 86400.0) : std::nullopt;
         }},
    };
    for (const PerTenant &family : tenantFamilies) {
        bool started = false;
        for (const TenantCapacity &t : report->tenants) {
            const std::optional<double> value = family.value(t);
            if (!value)
                continue;
            if (!started)
                w.family(family.name, gauge, family.help);
            started = true;
            w.sample(family.name, *value, Labels{{QLatin1String("tenant"), t.name}});
        }
    }

    // Services, jobs, alerts
    const auto services = m_metrics.servicesByKindAndState();
    if (!services)
        return failed(services.error());
    grid(w, QLatin1String("neocloud_services"), QStringLiteral("Tenant services by kind and state."), QLatin1String("kind"), {},
         QLatin1String("state"), enumSpellings<ServiceState>(), *services);
    const auto jobs = m_metrics.jobsByKindAndState();
    if (!jobs)
        return failed(jobs.error());
    grid(w, QLatin1String("neocloud_jobs"),
         QStringLiteral("Stored jobs (discovery scans, enablements, onboardings, removals) by kind and state."),
         QLatin1String("kind"), {}, QLatin1String("state"), enumSpellings<JobState>(), *jobs);
    const auto alerts = m_metrics.openAlertsBySeverity();
    if (!alerts)
        return failed(alerts.error());
    oneLevel(w, QLatin1String("neocloud_alerts_open"), QStringLiteral("Alerts not yet cleared, by severity."), QLatin1String("severity"),
             enumSpellings<Severity>(), *alerts);

    return w.take();
}

namespace {

// One series per tenant and kind, never per endpoint, address or protocol: at 500 tenants and
// six probed kinds that is at most 3,000 series a metric. A kind with several services (two
// buckets) reports its worst: down if any is, the slowest latency.
void writeProbes(PromWriter &w, const QList<ProbeResult> &results)
{
    struct Cell
    {
        bool up = true;
        double latency = -1;
    };
    QMap<QPair<QString, QString>, Cell> cells; // sorted: a stable page
    for (const ProbeResult &r : results) {
        Cell &c = cells[{r.target.tenantName, r.target.kind}];
        c.up = c.up && r.up;
        if (r.latencyMs >= 0)
            c.latency = qMax(c.latency, double(r.latencyMs) / 1000.0);
    }
    const QLatin1String up("neocloud_probe_up");
    const QLatin1String latency("neocloud_probe_latency_seconds");
    w.family(up, QLatin1String("gauge"), QStringLiteral("1 when every endpoint of the tenant's service kind answered its probe well."));
    for (auto it = cells.cbegin(); it != cells.cend(); ++it)
        w.sample(up, qint64(it->up ? 1 : 0), Labels{{QLatin1String("tenant"), it.key().first}, {QLatin1String("kind"), it.key().second}});
    w.family(latency, QLatin1String("gauge"), QStringLiteral("Time the last probe of the tenant's service kind took to be answered."));
    for (auto it = cells.cbegin(); it != cells.cend(); ++it)
        if (it->latency >= 0)
            w.sample(latency, it->latency, Labels{{QLatin1String("tenant"), it.key().first}, {QLatin1String("kind"), it.key().second}});
}

} // namespace

QByteArray MetricsService::live() const
{
    PromWriter w;
    const QLatin1String requests("neocloud_http_requests_total");
    w.family(requests, counter, QStringLiteral("REST API answers by method and status code."));
    for (auto it = m_http.requests().cbegin(); it != m_http.requests().cend(); ++it)
        w.sample(requests, qint64(it.value()),
                 Labels{{QLatin1String("method"), it.key().first}, {QLatin1String("code"), QString::number(it.key().second)}});

    const QLatin1String duration("neocloud_http_request_duration_seconds");
    w.family(duration, QLatin1String("histogram"), QStringLiteral("Time to build REST API answers."));
    const QLatin1String bucket("neocloud_http_request_duration_seconds_bucket");
    for (size_t i = 0; i < HttpStats::bounds.size(); ++i)
        w.sample(bucket, qint64(m_http.buckets()[i]), Labels{{QLatin1String("le"), QString::fromLatin1(promNumber(HttpStats::bounds[i]))}});
    w.sample(bucket, qint64(m_http.count()), Labels{{QLatin1String("le"), QStringLiteral("+Inf")}});
    w.sample(QLatin1String("neocloud_http_request_duration_seconds_sum"), m_http.sum());
    w.sample(QLatin1String("neocloud_http_request_duration_seconds_count"), qint64(m_http.count()));

    if (m_sampler) {
        w.family(QLatin1String("neocloud_telemetry_runs_total"), counter, QStringLiteral("Telemetry sampling runs, by result."));
        w.sample(QLatin1String("neocloud_telemetry_runs_total"), qint64(m_sampler->runs() - m_sampler->failures()),
                 Labels{{QLatin1String("result"), QStringLiteral("ok")}});
        w.sample(QLatin1String("neocloud_telemetry_runs_total"), qint64(m_sampler->failures()),
                 Labels{{QLatin1String("result"), QStringLiteral("error")}});
        w.family(QLatin1String("neocloud_telemetry_samples_written_total"), counter, QStringLiteral("Telemetry samples stored."));
        w.sample(QLatin1String("neocloud_telemetry_samples_written_total"), qint64(m_sampler->samplesWritten()));
    }

    if (m_prober)
        writeProbes(w, m_prober->lastResults());

    single(w, QLatin1String("neocloud_metrics_build_duration_seconds"),
           QStringLiteral("How long the last rebuild of the stored part of this page took."), m_lastBuildSeconds);
    single(w, QLatin1String("neocloud_metrics_age_seconds"), QStringLiteral("Age of the stored part of this page."),
           m_age.isValid() ? double(m_age.elapsed()) / 1000.0 : 0.0);
    w.family(QLatin1String("neocloud_metrics_build_errors_total"), counter,
             QStringLiteral("Rebuilds of this page that failed (the previous figures were served)."));
    w.sample(QLatin1String("neocloud_metrics_build_errors_total"), qint64(m_buildErrors));
    single(w, QLatin1String("neocloud_process_start_time_seconds"), QStringLiteral("When this process started, in Unix time."),
           double(m_startedAtMs) / 1000.0);
    return w.take();
}

} // namespace NeoCloud
