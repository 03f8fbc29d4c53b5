#include "CapacityModel.h"

#include "TenancyText.h"
#include "capacity/CapacityService.h"
#include "inventory/InventoryService.h"
#include "store/TelemetryRepository.h"
#include "telemetry/TelemetrySampler.h"
#include "tenancy/TenantService.h"

#include <QDateTime>

namespace NeoCloud {

namespace {
// An onboarding or a discovery changes tenants and devices in bursts; one re-read per burst.
constexpr int coalesceMs = 50;
constexpr qint64 dayMs = 24LL * 3600 * 1000;
} // namespace

CapacityModel::CapacityModel(CapacityService &capacity, InventoryService &inventory,
                             TenantService &tenants, TelemetryRepository &telemetry,
                             TelemetrySampler *sampler, QObject *parent)
    : QObject(parent)
    , m_capacity(capacity)
    , m_telemetry(telemetry)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(coalesceMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &CapacityModel::refresh);
    connect(&m_capacity, &CapacityService::capacityChanged, this, &CapacityModel::scheduleRefresh);
    connect(&inventory, &InventoryService::inventoryChanged, this, &CapacityModel::scheduleRefresh);
    connect(&tenants, &TenantService::tenantsChanged, this, &CapacityModel::scheduleRefresh);
    if (sampler)
        connect(sampler, &TelemetrySampler::sampled, this, &CapacityModel::scheduleRefresh);
    scheduleRefresh();
}

void CapacityModel::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

double CapacityModel::usedFraction() const
{
    const qint64 usable = m_report.storage.usableBytes;
    return usable > 0 ? double(m_report.storage.usedBytes) / double(usable) : 0.0;
}

QString CapacityModel::growthText() const
{
    const std::optional<double> growth = m_report.runway.growthPerDay;
    if (!growth)
        return {};
    return tr("%1 per day").arg(storageText(*growth));
}

QString CapacityModel::bytesText(double bytes) const
{
    return storageText(bytes);
}

void CapacityModel::setHistoryDays(int days)
{
    days = std::clamp(days, 1, 365);
    if (days == m_historyDays)
        return;
    m_historyDays = days;
    refresh();
}

QVariantList CapacityModel::readSeries(const QString &series, qint64 fromMs, QString &error) const
{
    QVariantList points;
    const Result<QList<TelemetryHour>> hours = m_telemetry.hourly(series, QString(), fromMs);
    if (!hours) {
        error = hours.error().message;
        return points;
    }
    points.reserve(hours->size());
    for (const TelemetryHour &hour : *hours)
        points.append(QPointF(double(hour.hourMs), hour.mean));
    return points;
}

void CapacityModel::refresh()
{
    m_refreshTimer.stop();
    const Result<CapacityReport> report = m_capacity.report();
    QString error;
    if (report) {
        m_report = *report;
        m_tenants.setTenants(m_report.tenants);
    } else {
        error = report.error().message; // the last good figures stay on screen beside it
    }

    const qint64 fromMs = QDateTime::currentMSecsSinceEpoch() - m_historyDays * dayMs;
    m_usedHistory = readSeries(Series::storageUsed, fromMs, error);
    m_usableHistory = readSeries(Series::storageUsable, fromMs, error);
    m_gpuAllocatedHistory = readSeries(Series::gpuAllocated, fromMs, error);
    m_gpuTotalHistory = readSeries(Series::gpuTotal, fromMs, error);
    m_lastError = error;
    Q_EMIT changed();
    Q_EMIT historyChanged();
    if (!m_loaded) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
}

} // namespace NeoCloud
