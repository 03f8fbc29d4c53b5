#include "Routes.h"

#include "api/RequestInput.h"
#include "api/Router.h"
#include "health/AlertRules.h"

namespace NeoCloud {

namespace {

QJsonObject ruleJson(const AlertRule &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("threshold"), r.threshold},
            {QStringLiteral("unit"), r.unit()},
            {QStringLiteral("enabled"), r.enabled},
            {QStringLiteral("description"), r.description()},
            {QStringLiteral("updatedAt"), r.updatedAt},
            {QStringLiteral("updatedBy"), r.updatedBy.isEmpty() ? QJsonValue() : QJsonValue(r.updatedBy)}};
}

} // namespace

void registerAlertRuleRoutes(Router &router, AlertRules &rules)
{
    // GET /api/v1/alert-rules -> {items: [{id, threshold, unit, enabled, description, updatedAt, updatedBy}], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/alert-rules"), Access::Operator, [&rules](const ApiRequest &) {
        const auto all = rules.rules();
        if (!all)
            return ApiResponse::error(all.error());
        QJsonArray items;
        for (const AlertRule &r : *all)
            items.append(ruleJson(r));
        return ApiResponse::json(QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("total"), items.size()}});
    });

    // PATCH /api/v1/alert-rules/{id} {threshold?, enabled?} -> the rule; applies at the next evaluation
    router.add(HttpMethod::Patch, QStringLiteral("/api/v1/alert-rules/{id}"), Access::OperatorAdmin, [&rules](const ApiRequest &request) {
        const auto body = readJsonObject(request, {QStringLiteral("threshold"), QStringLiteral("enabled")});
        if (!body)
            return ApiResponse::error(body.error());
        const auto updated = rules.update(request.param(QStringLiteral("id")), *body, request.user->username);
        if (!updated)
            return ApiResponse::error(updated.error());
        return ApiResponse::json(ruleJson(*updated));
    });
}

} // namespace NeoCloud
