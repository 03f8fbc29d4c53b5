#include "CellExplanation.h"

#include "vast/VastPlans.h"

namespace NeoCloud {

using namespace Qt::StringLiterals;

Result<CellExplanation> explainCell(const HealthService &health, const QString &tenantId,
                                    const QString &kind)
{
    const HealthMatrix &matrix = health.matrix();
    const qsizetype row = std::find_if(matrix.tenants.cbegin(), matrix.tenants.cend(),
                                       [&](const MatrixTenant &t) { return t.id == tenantId; })
        - matrix.tenants.cbegin();
    const qsizetype column = matrix.kinds.indexOf(kind);
    if (row >= matrix.tenants.size() || column < 0)
        return Error::notFound(u"health cell"_s, tenantId + u'/' + kind);

    CellExplanation out;
    out.cell = matrix.cells.value(row * matrix.kinds.size() + column);
    out.tenantName = matrix.tenants.at(row).name;
    if (out.cell.status != HealthStatus::Degraded && out.cell.status != HealthStatus::Down)
        return out;

    // The same evaluation the recompute made for this tenant's pool. Its reason equals the cell's
    // only when the cell follows the hardware; an override (a revoked key) names no device.
    Tenant tenant;
    tenant.id = tenantId;
    tenant.name = out.tenantName;
    const DependencyGraph &graph = health.graph();
    const Verdict verdict = evaluateHardware(graph.forPool(Vast::vipPool(tenant)), graph,
                                             health.facts(), health.ruleOptions());
    if (verdict.reason() != out.cell.reason)
        return out;
    out.findings = verdict.findings;
    for (const HealthFinding &finding : std::as_const(out.findings))
        for (const QString &device : finding.devices)
            if (!out.devices.contains(device))
                out.devices << device;

    for (const QString &device : std::as_const(out.devices)) {
        const Result<DeviceImpact> impact = health.impact(device);
        if (!impact)
            continue; // gone from the inventory since the last recompute
        for (const ImpactEntry &entry : impact->entries)
            if (entry.tenantId == tenantId && entry.kind == kind) {
                out.paths << entry.path;
                break; // one path per device: a tenant's services of a kind share it
            }
    }
    return out;
}

} // namespace NeoCloud
