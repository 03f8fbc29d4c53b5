#include "ServiceProber.h"

namespace NeoCloud {

namespace {

QString cellKey(const QString &tenantId, const QString &kind)
{
    return tenantId + u'/' + kind;
}

CellProbe verdictOf(const ProbeResult &r, int slowMs)
{
    if (!r.up)
        return {HealthStatus::Down, r.reason, r.tenantReason};
    if (r.latencyMs > slowMs) {
        const QString slow = QStringLiteral(" answered in %1 ms (slower than %2 ms)").arg(r.latencyMs).arg(slowMs);
        return {HealthStatus::Degraded, probeNoun(r.target.protocol) + u' ' + r.target.shownEndpoint + slow,
                probeTenantNoun(r.target.protocol) + slow};
    }
    return {};
}

} // namespace

QList<TelemetrySample> probeSamples(const QList<ProbeResult> &results, qint64 timeMs)
{
    QList<TelemetrySample> out;
    for (const ProbeResult &r : results)
        if (r.up && r.latencyMs >= 0)
            out.append({QStringLiteral("probe.%1.latency_seconds").arg(r.target.kind), r.target.tenantId, timeMs,
                        double(r.latencyMs) / 1000.0});
    return out;
}

ServiceProber::ServiceProber(ProbeOptions options, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_runner(options)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ServiceProber::probeNow);
    connect(&m_runner, &ProbeRunner::roundFinished, this, &ServiceProber::roundFinished);
}

void ServiceProber::setServices(const QList<Tenant> &tenants, const QHash<QString, QList<Service>> &live)
{
    m_tenants = tenants;
    m_live = live;
}

void ServiceProber::start()
{
    m_timer.start();
    probeNow();
}

void ServiceProber::probeNow()
{
    if (m_runner.isRunning())
        return;
    const QHash<QString, QJsonObject> endpoints = m_endpoints ? m_endpoints() : QHash<QString, QJsonObject>();
    QList<ProbeTarget> targets;
    for (const Tenant &t : std::as_const(m_tenants))
        for (Service s : m_live.value(t.id)) {
            if (s.state != ServiceState::Active)
                continue;
            s.endpoints = endpoints.value(s.id, s.endpoints);
            targets += probeTargetsFor(t, s, m_sources);
        }
    m_runner.runRound(targets);
}

std::optional<CellProbe> ServiceProber::cell(const QString &tenantId, const QString &kind) const
{
    const auto it = m_cells.constFind(cellKey(tenantId, kind));
    if (it == m_cells.constEnd())
        return std::nullopt;
    return *it;
}

void ServiceProber::roundFinished(const QList<ProbeResult> &results)
{
    ++m_rounds;
    m_results = results;
    // The worst endpoint of a cell speaks for it; several bad ones are joined.
    QHash<QString, CellProbe> cells;
    for (const ProbeResult &r : results) {
        const CellProbe v = verdictOf(r, m_runner.options().slowMs);
        const QString key = cellKey(r.target.tenantId, r.target.kind);
        auto it = cells.find(key);
        if (it == cells.end()) {
            cells.insert(key, v);
        } else if (v.status != HealthStatus::Healthy) {
            if (severityRank(v.status) > severityRank(it->status))
                it->status = v.status;
            it->reason = it->reason.isEmpty() ? v.reason : it->reason + QStringLiteral("; ") + v.reason;
            it->tenantReason = it->tenantReason.isEmpty() ? v.tenantReason : it->tenantReason + QStringLiteral("; ") + v.tenantReason;
        }
    }
    const bool changed = cells != m_cells;
    m_cells = cells;
    Q_EMIT probed(results, changed);
}

} // namespace NeoCloud
