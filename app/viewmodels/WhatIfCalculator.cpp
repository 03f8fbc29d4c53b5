#include "WhatIfCalculator.h"

#include "TenancyText.h"
#include "TenantCapacityModel.h"
#include "capacity/CapacityService.h"

#include <cmath>

namespace NeoCloud {

namespace {
constexpr double terabyte = 1e12;
} // namespace

WhatIfCalculator::WhatIfCalculator(CapacityService &capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(capacity)
{ }

QVariantMap WhatIfCalculator::sideMap(const WhatIfSide &side)
{
    RunwayEstimate runway;
    runway.runwayDays = side.runwayDays;
    runway.reason = side.runwayReason;
    return { { QStringLiteral("usableBytes"), double(side.usableBytes) },
             { QStringLiteral("usableText"), storageText(double(side.usableBytes)) },
             { QStringLiteral("rawText"), storageText(double(side.rawBytes)) },
             { QStringLiteral("usedText"), storageText(double(side.usedBytes)) },
             { QStringLiteral("hasRunway"), side.runwayDays.has_value() },
             { QStringLiteral("runwayDays"), side.runwayDays.value_or(-1.0) },
             { QStringLiteral("runwayText"), runwayText(runway) },
             { QStringLiteral("quotaCommittedText"),
               storageText(double(side.quotaCommittedBytes)) },
             { QStringLiteral("quotaLimitText"), storageText(side.quotaLimitBytes) },
             { QStringLiteral("gpusAllocated"), side.gpusAllocated },
             { QStringLiteral("gpuLimit"), side.gpuLimit },
             { QStringLiteral("gpuHeadroom"), side.gpuHeadroom },
             { QStringLiteral("gpusFreeHealthy"), side.gpusFreeHealthy },
             { QStringLiteral("dboxes"), side.dboxes },
             { QStringLiteral("cnodes"), side.cnodes } };
}

void WhatIfCalculator::fail(const QString &message)
{
    m_calculated = false;
    m_before.clear();
    m_after.clear();
    m_notes.clear();
    m_error = message;
    Q_EMIT resultChanged();
}

bool WhatIfCalculator::calculate()
{
    // The same limits POST /capacity/what-if checks, so the form refuses what the API would.
    if (m_addDboxes < 0 || m_addCnodes < 0)
        return fail(tr("DBoxes and CNodes to add cannot be negative.")), false;
    if (m_addTenant
        && (m_tenantCapacityTB < 0 || m_tenantGpus < 0 || m_tenantUsedTB < 0
            || m_tenantGrowthTBPerDay < 0 || !std::isfinite(m_tenantCapacityTB)
            || !std::isfinite(m_tenantUsedTB)))
        return fail(tr("The tenant's quotas, data and growth cannot be negative.")), false;

    WhatIfRequest request;
    request.addDboxes = m_addDboxes;
    request.addCnodes = m_addCnodes;
    if (m_addTenant) {
        WhatIfTenant tenant;
        tenant.name = m_tenantName.trimmed();
        tenant.quotas.capacityBytes = qint64(std::llround(m_tenantCapacityTB * terabyte));
        tenant.quotas.gpus = m_tenantGpus;
        tenant.usedBytes = qint64(std::llround(m_tenantUsedTB * terabyte));
        tenant.growthBytesPerDay = m_tenantGrowthTBPerDay * terabyte;
        request.tenants << tenant;
    }
    const Result<WhatIfResult> result = m_capacity.whatIf(request);
    if (!result)
        return fail(result.error().message), false;
    m_calculated = true;
    m_before = sideMap(result->before);
    m_after = sideMap(result->after);
    m_quotasFit = result->quotasFit;
    m_gpusFit = result->gpusFit;
    m_notes = result->notes;
    m_error.clear();
    Q_EMIT resultChanged();
    return true;
}

void WhatIfCalculator::reset()
{
    m_addDboxes = m_addCnodes = m_tenantGpus = 0;
    m_addTenant = false;
    m_tenantName.clear();
    m_tenantCapacityTB = m_tenantUsedTB = m_tenantGrowthTBPerDay = 0;
    Q_EMIT inputsChanged();
    fail({});
}

} // namespace NeoCloud
