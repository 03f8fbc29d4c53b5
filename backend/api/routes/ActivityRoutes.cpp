#include "Routes.h"

#include "activity/AuditLog.h"
#include "activity/EventLog.h"
#include "api/JsonMapping.h"
#include "api/RequestInput.h"
#include "api/TenantAccess.h"
#include "api/Router.h"
#include "core/Time.h"

namespace NeoCloud {

void registerActivityRoutes(Router &router, EventLog &events, AuditLog &audit)
{
    // GET /api/v1/events?since=&severity=&limit=&offset= -> {items: [event], total}, newest first.
    // A tenant user gets its own tenant's events only, in its own words (tenantMessage), and
    // never one that names hardware or another tenant: the filter is here, not in the portal.
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/events"), Access::Authenticated,
               [&events](const ApiRequest &request) {
                   const auto severity = readEnumFilter<Severity>(request, QStringLiteral("severity"));
                   if (!severity)
                       return ApiResponse::error(severity.error());
                   const auto paging = readPaging(request);
                   if (!paging)
                       return ApiResponse::error(paging.error());
                   EventQuery query;
                   query.severity = *severity;
                   query.limit = paging->limit;
                   query.offset = paging->offset;
                   const bool tenantCaller = isTenantRole(*request.user);
                   if (tenantCaller) {
                       query.tenantId = request.user->tenantId;
                       query.tenantWordedOnly = true;
                   }
                   const QString since = request.queryValue(QStringLiteral("since"));
                   if (!since.isEmpty()) {
                       const QDateTime time = fromIsoTime(since);
                       if (!time.isValid())
                           return ApiResponse::error(Error::badInput(
                               QStringLiteral("invalid_time"),
                               QStringLiteral("since must be an ISO 8601 time, such as "
                                              "2026-01-31T12:00:00Z."),
                               QStringLiteral("since")));
                       query.since = toIsoTime(time);
                   }
                   const auto found = events.find(query);
                   if (!found)
                       return ApiResponse::error(found.error());
                   Page<Event> page = *found;
                   if (tenantCaller)
                       for (Event &e : page.items)
                           e = tenantWorded(e);
                   return ApiResponse::json(pageToJson(page));
               });

    // POST /api/v1/alerts/{id}/ack -> the alert (an event with alert: true) with acknowledgedAt and
    // acknowledgedBy; 404 unknown or not an alert, 409 already cleared; audited
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/alerts/{id}/ack"), Access::OperatorAdmin,
               [&events, &audit](const ApiRequest &request) {
                   const QString id = request.param(QStringLiteral("id"));
                   const auto acknowledged = events.acknowledgeAlert(id, request.user->username);
                   audit.record(request.user->username, QStringLiteral("alert.ack"), id,
                                acknowledged ? success() : Status(acknowledged.error()));
                   if (!acknowledged)
                       return ApiResponse::error(acknowledged.error());
                   return ApiResponse::json(toJson(*acknowledged));
               });

    // GET /api/v1/audit?limit=&offset= -> {items: [{time, user, action, target, result}], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/audit"), Access::Operator,
               [&audit](const ApiRequest &request) {
                   const auto paging = readPaging(request);
                   if (!paging)
                       return ApiResponse::error(paging.error());
                   const auto page = audit.list(paging->limit, paging->offset);
                   if (!page)
                       return ApiResponse::error(page.error());
                   return ApiResponse::json(pageToJson(*page));
               });
}

} // namespace NeoCloud
