#pragma once
// Probes every active service's endpoints on the health poll's beat and turns each round into
// a verdict per tenant x kind cell: an endpoint that refuses, times out or answers wrong makes
// the cell down; one slower than ProbeOptions::slowMs makes it degraded. HealthService merges
// the verdicts with the hardware's; the results also feed telemetry and /metrics.

#include "../HealthTypes.h"
#include "ProbeRunner.h"
#include "ProbeTargets.h"
#include "store/TelemetryRepository.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace NeoCloud {

struct CellProbe
{
    HealthStatus status = HealthStatus::Healthy;
    QString reason; // without the "down: " prefix
    QString tenantReason;
    bool operator==(const CellProbe &o) const
    {
        return status == o.status && reason == o.reason && tenantReason == o.tenantReason;
    }
};

// Telemetry samples of a round: "probe.<kind>.latency_seconds" scoped to the tenant, for each
// endpoint that answered (a failed probe has no latency to plot; its cell says why).
QList<TelemetrySample> probeSamples(const QList<ProbeResult> &results, qint64 timeMs);

class ServiceProber : public QObject
{
    Q_OBJECT
public:
    ServiceProber(ProbeOptions options, int intervalMs, QObject *parent = nullptr);

    void setSources(ProbeSources sources) { m_sources = std::move(sources); }
    // Every active service's endpoints by service id, read once a round (the recompute's service
    // list carries no endpoints: reading them there would cost every recompute).
    void setEndpoints(std::function<QHash<QString, QJsonObject>()> endpoints) { m_endpoints = std::move(endpoints); }
    // The tenants and their live services, as the last recompute saw them.
    void setServices(const QList<Tenant> &tenants, const QHash<QString, QList<Service>> &live);
    void start();
    void stop() { m_timer.stop(); }
    bool isRunning() const { return m_timer.isActive(); }
    // A round now (ignored while one runs); `probed` reports it.
    void probeNow();

    ProbeRunner &runner() { return m_runner; }
    const QList<ProbeResult> &lastResults() const { return m_results; }
    // The cell's probe verdict; nothing when none of its endpoints was probed.
    std::optional<CellProbe> cell(const QString &tenantId, const QString &kind) const;
    quint64 rounds() const { return m_rounds; }

Q_SIGNALS:
    void probed(const QList<NeoCloud::ProbeResult> &results, bool cellsChanged);

private:
    void roundFinished(const QList<ProbeResult> &results);

    ProbeRunner m_runner;
    QTimer m_timer;
    ProbeSources m_sources;
    std::function<QHash<QString, QJsonObject>()> m_endpoints;
    QList<Tenant> m_tenants;
    QHash<QString, QList<Service>> m_live;
    QList<ProbeResult> m_results;
    QHash<QString, CellProbe> m_cells; // "tenant/kind"
    quint64 m_rounds = 0;
};

} // namespace NeoCloud
