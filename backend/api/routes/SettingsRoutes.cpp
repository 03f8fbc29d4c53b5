#include "Routes.h"

#include "api/RequestInput.h"
#include "api/Router.h"
#include "settings/DashboardService.h"

namespace NeoCloud {

namespace {

ApiResponse linksAnswer(const Result<QList<DashboardLink>> &links)
{
    if (!links)
        return ApiResponse::error(links.error());
    return ApiResponse::json(QJsonObject{{QStringLiteral("items"), dashboardLinksToJson(*links)},
                                         {QStringLiteral("total"), int(links->size())}});
}

} // namespace

void registerSettingsRoutes(Router &router, DashboardService &dashboards)
{
    // GET /api/v1/settings/dashboards -> {items: [{name, urlTemplate}], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/settings/dashboards"), Access::Operator,
               [&dashboards](const ApiRequest &) { return linksAnswer(dashboards.links()); });

    // PUT /api/v1/settings/dashboards {items: [{name, urlTemplate}]} -> the stored list; replaces
    // the whole list (at most 20; http/https; placeholders {name}, {serial}, {bmcHost}, {id})
    router.add(HttpMethod::Put, QStringLiteral("/api/v1/settings/dashboards"), Access::OperatorAdmin, [&dashboards](const ApiRequest &request) {
        const auto body = readJsonObject(request, {QStringLiteral("items")});
        if (!body)
            return ApiResponse::error(body.error());
        const auto links = dashboardLinksFromJson(body->value(QStringLiteral("items")));
        if (!links)
            return ApiResponse::error(links.error());
        return linksAnswer(dashboards.replace(*links, request.user->username));
    });
}

} // namespace NeoCloud
