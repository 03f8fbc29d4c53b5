#include "Routes.h"

#include "api/CapacityInput.h"
#include "api/JsonKeys.h"
#include "api/Router.h"
#include "api/TenantAccess.h"
#include "auth/AuthService.h"
#include "tenancy/TenantService.h"
#include "capacity/CapacityService.h"
#include "domain/Enums.h"
#include "metrics/MetricsService.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace NeoCloud {
namespace {

QJsonValue orNull(const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); }
QJsonValue orNull(const std::optional<qint64> &v) { return v ? QJsonValue(*v) : QJsonValue(); }
QJsonValue orNull(const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); }

// Days rounded to a tenth: the fit is not more precise than that.
QJsonValue days(const std::optional<double> &d)
{
    return d ? QJsonValue(std::round(*d * 10.0) / 10.0) : QJsonValue();
}

QJsonObject runwayJson(const RunwayEstimate &e)
{
    return {{Key::runwayDays, days(e.runwayDays)},
            {Key::runwayReason, orNull(e.reason)},
            {Key::growthBytesPerDay, orNull(e.growthPerDay)},
            {Key::growthLowBytesPerDay, orNull(e.growthLowPerDay)},
            {Key::growthHighBytesPerDay, orNull(e.growthHighPerDay)},
            {Key::levelBytes, orNull(e.levelNow)},
            {Key::samples, e.samples},
            {Key::spanHours, std::round(e.spanHours * 10.0) / 10.0}};
}

QJsonObject storageJson(const StorageCapacity &s, const RunwayEstimate &runway)
{
    return {{Key::rawBytes, s.rawBytes},
            {Key::usableBytes, s.usableBytes},
            {Key::usedBytes, s.usedBytes},
            {Key::freeBytes, s.freeBytes},
            {Key::dataReductionRatio, orNull(s.dataReductionRatio)},
            {Key::physical, QJsonObject{{Key::totalBytes, orNull(s.physicalBytes)}, {Key::usedBytes, orNull(s.physicalUsedBytes)}}},
            {Key::logical, QJsonObject{{Key::totalBytes, orNull(s.logicalBytes)}, {Key::usedBytes, orNull(s.logicalUsedBytes)}}},
            {Key::dboxes, s.dboxes},
            {Key::cnodes, s.cnodes},
            {Key::ssds, s.ssds},
            {Key::sources, QJsonObject{{Key::rawBytes, s.rawSource},
                                       {Key::usableBytes, s.usableSource},
                                       {Key::usedBytes, s.usedSource},
                                       {Key::dataReductionRatio, s.reductionSource},
                                       {Key::hardware, s.hardwareSource}}},
            {Key::discovered, QJsonObject{{Key::rawBytes, s.discoveredRawBytes},
                                          {Key::usableBytes, s.discoveredUsableBytes},
                                          {Key::dboxes, s.discoveredDboxes},
                                          {Key::drives, s.discoveredDrives}}},
            {Key::runwayDays, days(runway.runwayDays)},
            {Key::runwayReason, orNull(runway.reason)},
            {Key::runway, runwayJson(runway)}};
}

QJsonObject gpusJson(const GpuCapacity &g)
{
    QJsonObject out{{Key::total, g.total},
                    {Key::allocated, g.allocated},
                    {Key::healthy, g.healthy},
                    {Key::unhealthy, g.unhealthy},
                    {Key::unknown, g.unknown},
                    {Key::overcommitRatio, g.overcommitRatio},
                    {Key::utilizationPercent, QJsonValue()},
                    {Key::powerWatts, QJsonValue()},
                    {Key::gpusReporting, QJsonValue()}};
    if (g.metrics) {
        out.insert(Key::utilizationPercent, orNull(g.metrics->utilizationPercent));
        out.insert(Key::powerWatts, orNull(g.metrics->powerWatts));
        out.insert(Key::gpusReporting, g.metrics->gpus);
    }
    return out;
}

QJsonObject tenantJson(const TenantCapacity &t)
{
    return {{Key::tenant, t.id},
            {Key::name, t.name},
            {Key::state, toString(t.state)},
            {Key::usedBytes, t.usedBytes},
            {Key::quotaBytes, t.quotaBytes},
            {Key::gpus, t.gpus},
            {Key::usageSource, t.usageSource},
            {Key::runwayDays, days(t.runway.runwayDays)},
            {Key::runwayReason, orNull(t.runway.reason)},
            {Key::growthBytesPerDay, orNull(t.runway.growthPerDay)}};
}

QJsonObject reportJson(const CapacityReport &r)
{
    QJsonArray tenants;
    for (const TenantCapacity &t : r.tenants)
        tenants.append(tenantJson(t));
    const ProviderStatus &p = r.provider;
    return {{Key::storage, storageJson(r.storage, r.runway)},
            {Key::gpus, gpusJson(r.gpus)},
            {Key::tenants, tenants},
            {Key::provider, QJsonObject{{Key::name, p.name},
                                        {Key::state, p.state},
                                        {Key::cluster, orNull(p.cluster)},
                                        {Key::readAt, orNull(p.readAt)},
                                        {Key::latencySeconds, p.readAt.isEmpty() ? QJsonValue() : QJsonValue(p.latencySeconds)},
                                        {Key::error, orNull(p.error)},
                                        {Key::warnings, QJsonArray::fromStringList(p.warnings)}}},
            {Key::builtAt, r.builtAt}};
}

QJsonObject sideJson(const WhatIfSide &s)
{
    return {{Key::rawBytes, s.rawBytes},
            {Key::usableBytes, s.usableBytes},
            {Key::usedBytes, s.usedBytes},
            {Key::dboxes, s.dboxes},
            {Key::cnodes, s.cnodes},
            {Key::ssds, s.ssds},
            {Key::runwayDays, days(s.runwayDays)},
            {Key::runwayReason, orNull(s.runwayReason)},
            {Key::quotaCommittedBytes, s.quotaCommittedBytes},
            {Key::quotaLimitBytes, s.quotaLimitBytes},
            {Key::gpusAllocated, s.gpusAllocated},
            {Key::gpuLimit, s.gpuLimit},
            {Key::gpuHeadroom, s.gpuHeadroom},
            {Key::gpusFreeHealthy, s.gpusFreeHealthy}};
}

QJsonObject whatIfJson(const WhatIfResult &r)
{
    // The headline figures first (the contract's "new capacity, runway, GPU headroom"), then
    // both sides in full.
    return {{Key::usableBytes, r.after.usableBytes},
            {Key::rawBytes, r.after.rawBytes},
            {Key::runwayDays, days(r.after.runwayDays)},
            {Key::runwayReason, orNull(r.after.runwayReason)},
            {Key::gpuHeadroom, r.after.gpuHeadroom},
            {Key::quotasFit, r.quotasFit},
            {Key::gpusFit, r.gpusFit},
            {Key::before, sideJson(r.before)},
            {Key::after, sideJson(r.after)},
            {Key::notes, QJsonArray::fromStringList(r.notes)}};
}

} // namespace

void registerCapacityRoutes(Router &router, CapacityService &capacity, TenantService &tenantService)
{
    // GET /api/v1/tenants/{id}/usage -> one tenant's use against its quotas: its row of
    // GET /api/v1/capacity (usedBytes, quotaBytes, gpus, usageSource, runway...) with
    // servicesEnabled, maxServices, qos and builtAt. For the tenant portal: a tenant user may read
    // its own, where /api/v1/capacity (every tenant) is for operators only.
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/tenants/{id}/usage"), Access::Authenticated,
               [&capacity, &tenantService](const ApiRequest &request) {
                   const QString id = request.param(QStringLiteral("id"));
                   if (!sees(*request.user, id))
                       return ApiResponse::error(Error::notFound(QStringLiteral("tenant"), id));
                   const auto tenant = tenantService.get(id);
                   if (!tenant)
                       return ApiResponse::error(tenant.error());
                   const auto report = capacity.report();
                   if (!report)
                       return ApiResponse::error(report.error());
                   const auto row = std::find_if(report->tenants.cbegin(), report->tenants.cend(),
                                                 [&id](const TenantCapacity &t) { return t.id == id; });
                   if (row == report->tenants.cend())
                       return ApiResponse::error(Error::notFound(QStringLiteral("tenant"), id));
                   // Counted as the maxServices quota counts them (not disabled or failed).
                   const auto services = tenantService.serviceCount(id);
                   if (!services)
                       return ApiResponse::error(services.error());
                   QJsonObject usage = tenantJson(*row);
                   usage.insert(Key::servicesEnabled, *services);
                   usage.insert(Key::maxServices, tenant->quotas.maxServices);
                   usage.insert(Key::qos, QJsonObject{{Key::bandwidthMBps, tenant->quotas.bandwidthMBps},
                                                      {Key::iops, tenant->quotas.iops}});
                   usage.insert(Key::builtAt, report->builtAt);
                   return ApiResponse::json(usage);
               });

    // GET /api/v1/capacity -> {storage: {rawBytes, usableBytes, usedBytes, freeBytes, dataReductionRatio,
    //   physical, logical, dboxes, cnodes, ssds, sources, discovered, runwayDays, runwayReason, runway},
    //   gpus: {total, allocated, healthy, unhealthy, unknown, overcommitRatio, utilizationPercent,
    //   powerWatts, gpusReporting}, tenants: [{tenant, name, state, usedBytes, quotaBytes, gpus,
    //   usageSource, runwayDays, runwayReason, growthBytesPerDay}], provider: {name, state, cluster,
    //   readAt, latencySeconds, error, warnings}, builtAt}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/capacity"), Access::Operator, [&capacity](const ApiRequest &) {
        const auto report = capacity.report();
        return report ? ApiResponse::json(reportJson(*report)) : ApiResponse::error(report.error());
    });

    // POST /api/v1/capacity/what-if {add?: {dboxes?, cnodes?}, tenants?: [{name?, quotas, usedBytes?,
    //   growthBytesPerDay?}]} -> {usableBytes, rawBytes, runwayDays, runwayReason, gpuHeadroom,
    //   quotasFit, gpusFit, before, after, notes}; changes nothing
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/capacity/what-if"), Access::Operator, [&capacity](const ApiRequest &request) {
        const auto input = readWhatIf(request);
        if (!input)
            return ApiResponse::error(input.error());
        const auto result = capacity.whatIf(*input);
        return result ? ApiResponse::json(whatIfJson(*result)) : ApiResponse::error(result.error());
    });
}

void registerMetricsRoute(Router &router, MetricsService &metrics, AuthService &auth, const QString &scrapeToken)
{
    // GET /metrics -> Prometheus text exposition 0.0.4. It names tenants, so it is not for
    // everyone: a request carries the scrape token or an operator's login token as "Authorization:
    // Bearer ...". Without a scrape token configured, a request with no token at all is let in
    // from loopback only (a scraper on the same host); a tenant's token is refused anywhere.
    const QByteArray expected = QCryptographicHash::hash(scrapeToken.toUtf8(), QCryptographicHash::Sha256);
    router.add(HttpMethod::Get, QStringLiteral("/metrics"), Access::Public, [&metrics, &auth, scrapeToken, expected](const ApiRequest &request) {
        const QByteArray header = request.headers.value("authorization");
        const QByteArray scheme = "Bearer ";
        const QByteArray presented = header.startsWith(scheme) ? header.mid(scheme.size()).trimmed() : QByteArray();
        const bool localWithoutToken = header.isEmpty() && scrapeToken.isEmpty() && request.remoteAddress.isLoopback();
        // Compared as hashes, so the time taken says nothing about how much of the token matched.
        const bool scraper = !scrapeToken.isEmpty() && QCryptographicHash::hash(presented, QCryptographicHash::Sha256) == expected;
        if (!localWithoutToken && !scraper) {
            if (header.isEmpty())
                return ApiResponse::error({ErrorKind::Unauthorized, QStringLiteral("missing_token"),
                                           QStringLiteral("/metrics needs the scrape token (NEOCLOUD_METRICS_TOKEN) or an "
                                                          "operator's login token beyond loopback."), {}});
            const auto user = auth.authenticate(QString::fromUtf8(presented));
            if (!user)
                return ApiResponse::error(user.error());
            if (user->role != Role::OperatorAdmin && user->role != Role::OperatorViewer)
                return ApiResponse::error({ErrorKind::Forbidden, QStringLiteral("forbidden"),
                                           QStringLiteral("Only the scrape token or an operator may read /metrics."), {}});
        }
        return ApiResponse{200, metrics.scrape(), "text/plain; version=0.0.4; charset=utf-8", {}};
    });
}

} // namespace NeoCloud
