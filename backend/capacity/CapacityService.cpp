#include "CapacityService.h"

#include "RunwayFitter.h"
#include "VastCapacityReader.h"
#include "core/Time.h"
#include "inventory/InventoryService.h"
#include "store/TelemetryRepository.h"
#include "tenancy/TenantService.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <limits>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcCapacity, "neocloud.capacity")

namespace {

constexpr int allTenants = std::numeric_limits<int>::max();

// VAST's erasure coding as the VMS double models it (docs/lab-format.md): D data strips per
// stripe, half the SSDs less the 4 parity strips, between 2 and 146.
double stripeEfficiency(int ssds)
{
    const int data = std::clamp(ssds / 2 - 4, 2, 146);
    return double(data) / double(data + 4);
}

QString terabytes(double bytes) { return QStringLiteral("%1 TB").arg(bytes / 1e12, 0, 'f', 1); }

} // namespace

CapacityService::CapacityService(VmsConnection provider, InventoryService &inventory, TenantService &tenants,
                                 MetricsRepository &metrics, TelemetryRepository &telemetry, CapacityConfig config,
                                 QObject *parent)
    : QObject(parent)
    , m_inventory(inventory)
    , m_tenants(tenants)
    , m_metrics(metrics)
    , m_telemetry(telemetry)
    , m_config(config)
    , m_reader(std::make_unique<VastCapacityReader>(std::move(provider)))
{
    m_fitter.setMaxThreadCount(1);
    connect(&m_inventory, &InventoryService::inventoryChanged, this, [this] { m_inventoryFigures.reset(); });
    connect(&m_tenants, &TenantService::tenantsChanged, this, [this] { m_tenantList.reset(); });
}

Result<CapacityService::InventoryFigures> CapacityService::inventoryFigures() const
{
    if (m_inventoryFigures)
        return *m_inventoryFigures;
    const auto physical = m_inventory.physicalCapacity();
    if (!physical)
        return physical.error();
    const auto hardware = m_metrics.storageHardware();
    if (!hardware)
        return hardware.error();
    const auto gpus = m_metrics.gpusByHealth();
    if (!gpus)
        return gpus.error();
    m_inventoryFigures = InventoryFigures{*physical, *hardware, *gpus};
    return *m_inventoryFigures;
}

Result<QList<Tenant>> CapacityService::tenantList() const
{
    // Every TenantService change resets this; the age limit covers writes that bypass it.
    constexpr qint64 maxAgeMs = 10000;
    if (m_tenantList && m_tenantListAge.isValid() && m_tenantListAge.elapsed() < maxAgeMs)
        return *m_tenantList;
    const auto page = m_tenants.list(allTenants, 0);
    if (!page)
        return page.error();
    m_tenantList = page->items;
    m_tenantListAge.start();
    return *m_tenantList;
}

CapacityService::~CapacityService()
{
    m_reader->abortAll();
    m_fitter.waitForDone(); // its answer, posted to this object, is dropped with it
}

void CapacityService::refresh(std::function<void()> done)
{
    if (done)
        m_waiting.append(std::move(done));
    if (m_inFlight)
        return;
    if (!m_reader->configured()) {
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &callback : waiting)
            callback();
        return;
    }
    m_inFlight = true;
    m_lastAttemptMs = QDateTime::currentMSecsSinceEpoch();
    m_reader->read([this](Result<ProviderCapacity> reading) {
        m_inFlight = false;
        if (reading) {
            m_reading = std::make_unique<ProviderCapacity>(std::move(reading).value());
            m_lastError.clear();
            for (const QString &warning : m_reading->warnings)
                qCInfo(lcCapacity, "capacity reading incomplete: %s", qUtf8Printable(warning));
        } else {
            if (m_lastError != reading.error().message)
                qCWarning(lcCapacity, "cannot read capacity from VAST: %s", qUtf8Printable(reading.error().message));
            m_lastError = reading.error().message;
        }
        Q_EMIT capacityChanged();
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &callback : waiting)
            callback();
    });
}

void CapacityService::setGpuMetrics(std::optional<GpuMetrics> metrics)
{
    m_gpuMetrics = std::move(metrics);
    Q_EMIT capacityChanged();
}

ProviderStatus CapacityService::providerStatus() const
{
    ProviderStatus status;
    if (!m_reader->configured())
        return status;
    status.state = !m_lastError.isEmpty() ? QStringLiteral("error")
        : m_reading                       ? QStringLiteral("ok")
                                          : QStringLiteral("pending");
    status.error = m_lastError;
    if (m_reading) {
        status.cluster = m_reading->cluster;
        status.readAt = toIsoTime(QDateTime::fromMSecsSinceEpoch(m_reading->readAtMs, Qt::UTC));
        status.warnings = m_reading->warnings;
        status.latencySeconds = m_reading->latencySeconds;
    }
    return status;
}

Result<StorageCapacity> CapacityService::storage() const
{
    const auto figures = inventoryFigures();
    if (!figures)
        return figures.error();
    const PhysicalCapacity *physical = &figures->physical;
    const DriveTotals *hardware = &figures->hardware;
    StorageCapacity s;
    s.discoveredRawBytes = physical->rawBytes;
    s.discoveredUsableBytes = physical->usableBytes;
    s.discoveredDboxes = hardware->dboxes;
    s.discoveredDrives = hardware->drives;
    s.rawBytes = physical->rawBytes;
    s.usableBytes = physical->usableBytes;
    s.dboxes = hardware->dboxes;
    s.cnodes = hardware->cnodes;
    s.ssds = hardware->drives;
    if (hardware->dboxes > 0) {
        s.rawSource = CapacitySource::inventory;
        s.usableSource = CapacitySource::inventory;
    }
    if (hardware->dboxes + hardware->cnodes > 0)
        s.hardwareSource = CapacitySource::inventory;

    if (m_reading) {
        const ProviderCapacity &p = *m_reading;
        s.usableBytes = p.usableBytes;
        s.usedBytes = std::max<qint64>(0, p.usableBytes - p.freeUsableBytes);
        s.usableSource = s.usedSource = CapacitySource::vast;
        s.physicalBytes = p.physicalBytes;
        s.physicalUsedBytes = p.physicalUsedBytes;
        s.logicalBytes = p.logicalBytes;
        s.logicalUsedBytes = p.logicalUsedBytes;
        s.dataReductionRatio = p.dataReductionRatio;
        if (p.dataReductionRatio)
            s.reductionSource = CapacitySource::vast;
        if (p.rawBytes) {
            s.rawBytes = *p.rawBytes;
            s.rawSource = CapacitySource::vast;
        }
        if (p.dboxes && p.cnodes) {
            s.dboxes = *p.dboxes;
            s.cnodes = *p.cnodes;
            s.hardwareSource = CapacitySource::vast;
        }
        if (p.ssds)
            s.ssds = *p.ssds;
    }
    s.freeBytes = std::max<qint64>(0, s.usableBytes - s.usedBytes);
    return s;
}

Result<GpuCapacity> CapacityService::gpus(const QList<Tenant> &tenants, double overcommitRatio) const
{
    const auto figures = inventoryFigures();
    if (!figures)
        return figures.error();
    GpuCapacity g;
    g.overcommitRatio = overcommitRatio;
    for (const GroupCount &row : figures->gpusByHealth) {
        g.byHealth.append({row.first, int(row.count)});
        g.total += int(row.count);
        if (row.first == QLatin1String("ok"))
            g.healthy += int(row.count);
        else if (row.first == QLatin1String("unknown"))
            g.unknown += int(row.count);
        else
            g.unhealthy += int(row.count);
    }
    for (const Tenant &t : tenants)
        if (t.state != TenantState::Deleting)
            g.allocated += t.quotas.gpus;
    g.metrics = m_gpuMetrics;
    return g;
}

Result<CapacityReport> CapacityService::report()
{
    const bool stale = QDateTime::currentMSecsSinceEpoch() - m_lastAttemptMs > m_config.providerMaxAgeMs;
    if (stale && !m_inFlight && m_reader->configured())
        refresh();
    return build();
}

Result<CapacityReport> CapacityService::build() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto settings = m_tenants.settings();
    if (!settings)
        return settings.error();
    const auto tenants = tenantList();
    if (!tenants)
        return tenants.error();
    const auto storage = this->storage();
    if (!storage)
        return storage.error();
    const auto gpus = this->gpus(*tenants, settings->overcommitRatio);
    if (!gpus)
        return gpus.error();

    CapacityReport r;
    r.builtAt = toIsoTime(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC));
    r.storage = *storage;
    r.gpus = *gpus;
    r.provider = providerStatus();
    // Before the first fit (or with no history at all) the estimator says what it lacks.
    r.runway = m_clusterRunway.samples || !m_clusterRunway.reason.isEmpty()
        ? m_clusterRunway
        : estimateRunway({}, double(storage->usableBytes), now, m_config.runway);

    const bool usageKnown = m_reading && !m_reading->tenantUsageSource.isEmpty();
    r.tenants.reserve(tenants->size());
    for (const Tenant &t : *tenants) {
        TenantCapacity c;
        c.id = t.id;
        c.name = t.name;
        c.state = t.state;
        c.quotaBytes = t.quotas.capacityBytes;
        c.gpus = t.quotas.gpus;
        if (usageKnown) {
            c.usedBytes = m_reading->tenantUsedBytes.value(t.name);
            c.usageSource = m_reading->tenantUsageSource;
        }
        const auto fitted = m_tenantRunways.constFind(t.id);
        c.runway = fitted != m_tenantRunways.cend() ? *fitted : estimateRunway({}, double(c.quotaBytes), now, m_config.runway);
        if (c.quotaBytes <= 0) {
            c.runway.runwayDays.reset();
            c.runway.reason = QStringLiteral("the tenant has no capacity quota");
        }
        r.tenants.append(std::move(c));
    }
    return r;
}

Status CapacityService::updateRunways(qint64 nowMs, std::function<void()> done)
{
    if (done)
        m_fitWaiting.append(std::move(done));
    m_fitNowMs = nowMs;
    if (m_fitting) {
        m_fitAgain = true;
        return success();
    }
    return startFit();
}

Status CapacityService::startFit()
{
    auto waiting = std::exchange(m_fitWaiting, {});
    const auto storage = this->storage();
    const auto tenants = tenantList();
    if (!storage || !tenants) {
        for (const auto &callback : waiting)
            callback();
        return !storage ? storage.error() : tenants.error();
    }
    RunwayJob job{m_config.databasePath, m_fitNowMs, m_config.runway, double(storage->usableBytes), {}};
    job.tenants.reserve(tenants->size());
    for (const Tenant &t : *tenants)
        job.tenants.append({t.id, double(t.quotas.capacityBytes)});
    m_fitting = true;
    m_fitAgain = false;
    m_fitter.start([this, job = std::move(job), waiting = std::move(waiting)]() mutable {
        RunwayFits fits = fitRunways(job);
        QMetaObject::invokeMethod(
            this,
            [this, fits = std::move(fits), waiting = std::move(waiting)] {
                m_fitting = false;
                if (fits.error.isEmpty()) {
                    m_clusterRunway = fits.cluster;
                    m_tenantRunways = fits.tenants;
                    Q_EMIT capacityChanged();
                } else {
                    qCWarning(lcCapacity, "cannot fit runways: %s", qUtf8Printable(fits.error));
                }
                for (const auto &callback : waiting)
                    callback();
                if (m_fitAgain)
                    startFit();
            },
            Qt::QueuedConnection);
    });
    return success();
}

Result<WhatIfResult> CapacityService::whatIf(const WhatIfRequest &request)
{
    const auto report = this->report();
    if (!report)
        return report.error();
    const StorageCapacity &s = report->storage;
    const double ratio = report->gpus.overcommitRatio;
    WhatIfResult result;

    WhatIfSide &before = result.before;
    before.rawBytes = s.rawBytes;
    before.usableBytes = s.usableBytes;
    before.usedBytes = s.usedBytes;
    before.dboxes = s.dboxes;
    before.cnodes = s.cnodes;
    before.ssds = s.ssds;
    before.runwayDays = report->runway.runwayDays;
    before.runwayReason = report->runway.reason;
    for (const TenantCapacity &t : report->tenants)
        if (t.state != TenantState::Deleting)
            before.quotaCommittedBytes += t.quotaBytes;
    before.quotaLimitBytes = double(s.usableBytes) * ratio;
    before.gpusAllocated = report->gpus.allocated;
    before.gpuLimit = double(report->gpus.total) * ratio;
    before.gpuHeadroom = before.gpuLimit - before.gpusAllocated;
    before.gpusFreeHealthy = std::max(0, report->gpus.healthy - before.gpusAllocated);

    WhatIfSide after = before;
    after.dboxes += request.addDboxes;
    after.cnodes += request.addCnodes;
    if (request.addDboxes > 0) {
        if (s.dboxes <= 0 || s.rawBytes <= 0)
            return Error{ErrorKind::Unprocessable, QStringLiteral("no_dbox_model"),
                         QStringLiteral("There is no DBox to model new ones on: discover the storage, or connect the VAST cluster, first."),
                         QStringLiteral("add.dboxes")};
        const double rawPerDbox = double(s.rawBytes) / s.dboxes;
        const double ssdsPerDbox = double(s.ssds) / s.dboxes;
        after.rawBytes = s.rawBytes + qint64(std::llround(rawPerDbox * request.addDboxes));
        after.ssds = s.ssds + int(std::lround(ssdsPerDbox * request.addDboxes));
        double scale = double(after.rawBytes) / double(s.rawBytes);
        if (s.ssds > 0)
            scale *= stripeEfficiency(after.ssds) / stripeEfficiency(s.ssds);
        after.usableBytes = qint64(std::llround(double(s.usableBytes) * scale));
        result.notes << QStringLiteral("New DBoxes are modelled on the %1 present (%2 SSDs, %3 raw each, source: %4); usable "
                                       "capacity scales with raw capacity and VAST's stripe width (data strips: half the SSDs "
                                       "less 4, from 2 to 146; 4 parity strips).")
                            .arg(s.dboxes)
                            .arg(ssdsPerDbox, 0, 'f', 1)
                            .arg(terabytes(rawPerDbox), s.hardwareSource);
    }
    if (request.addCnodes > 0)
        result.notes << QStringLiteral("CNodes add performance, not capacity: usable capacity does not change with them.");

    qint64 newUsed = 0;
    double newGrowth = 0;
    for (const WhatIfTenant &t : request.tenants) {
        newUsed += t.usedBytes;
        newGrowth += t.growthBytesPerDay;
        after.quotaCommittedBytes += t.quotas.capacityBytes;
        after.gpusAllocated += t.quotas.gpus;
    }
    after.usedBytes += newUsed;
    after.quotaLimitBytes = double(after.usableBytes) * ratio;
    after.gpuHeadroom = after.gpuLimit - after.gpusAllocated;
    after.gpusFreeHealthy = std::max(0, report->gpus.healthy - after.gpusAllocated);
    result.quotasFit = double(after.quotaCommittedBytes) <= after.quotaLimitBytes;
    result.gpusFit = double(after.gpusAllocated) <= after.gpuLimit;
    result.notes << QStringLiteral("Quota limits are usable capacity and GPUs times the overcommit ratio %1; tenant creation "
                                   "checks capacity quotas against the discovered-drive planning figure (%2).")
                        .arg(ratio)
                        .arg(terabytes(double(s.discoveredUsableBytes)));

    // Runway: the fitted growth (when it is significant) plus what the new tenants bring.
    const RunwayEstimate &fit = report->runway;
    if (!fit.levelNow) {
        after.runwayDays.reset();
        after.runwayReason = fit.reason;
    } else {
        const bool growing = fit.growthLowPerDay && *fit.growthLowPerDay > 0;
        const double growth = (growing ? *fit.growthPerDay : 0.0) + newGrowth;
        after.runwayDays = daysUntilFull(double(after.usableBytes), *fit.levelNow + double(newUsed), growth);
        after.runwayReason = after.runwayDays ? QString()
            : fit.reason.isEmpty()              ? QStringLiteral("use is not growing")
                                                : fit.reason;
        if (!request.tenants.isEmpty())
            result.notes << QStringLiteral("Runway keeps the growth fitted over the recorded history and adds the new tenants' "
                                           "usedBytes (%1) and growthBytesPerDay (%2).")
                                .arg(terabytes(double(newUsed)), terabytes(newGrowth));
    }
    result.after = after;
    return result;
}

} // namespace NeoCloud
