#include "Routes.h"
#include "api/JsonKeys.h"
#include "api/ResourceJson.h"
#include "api/RequestInput.h"
#include "api/Router.h"
#include "domain/Enums.h"
#include "health/HealthService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <memory>

namespace NeoCloud {
namespace {

QJsonObject matrixJson(const HealthMatrix &m, int pollIntervalMs)
{
    QJsonArray tenants, cells;
    for (const MatrixTenant &t : m.tenants)
        tenants.append(QJsonObject {
            { Key::id, t.id }, { Key::name, t.name }, { Key::displayName, t.displayName } });
    for (const HealthCell &c : m.cells)
        cells.append(healthCellToJson(c));
    return { { Key::tenants, tenants },
             { Key::kinds, QJsonArray::fromStringList(m.kinds) },
             { Key::cells, cells },
             { Key::updatedAt, m.updatedAt },
             { Key::pollIntervalMs, pollIntervalMs } };
}

QString roleName(DeviceRole role)
{
    switch (role) {
    case DeviceRole::CNode:
        return QStringLiteral("cnode");
    case DeviceRole::DBox:
        return QStringLiteral("dbox");
    case DeviceRole::Switch:
        return QStringLiteral("switch");
    case DeviceRole::None:
        break;
    }
    return QStringLiteral("none");
}

QJsonObject impactJson(const DeviceImpact &impact, const Paging &paging)
{
    QJsonArray items;
    QJsonArray tenants;
    QHash<QString, int> perTenant;
    QStringList order;
    for (const ImpactEntry &e : impact.entries) {
        if (!perTenant.contains(e.tenantId))
            order << e.tenantId;
        ++perTenant[e.tenantId];
    }
    for (const ImpactEntry &e : impact.entries.mid(paging.offset, paging.limit)) {
        QJsonArray path;
        for (const PathStep &p : e.path) {
            QJsonObject step { { Key::type, p.type }, { Key::name, p.name } };
            if (!p.id.isEmpty())
                step.insert(Key::id, p.id);
            path.append(step);
        }
        items.append(QJsonObject {
            { Key::service,
              QJsonObject { { Key::id, e.serviceId },
                            { Key::kind, e.kind },
                            { Key::state, toString(e.state) } } },
            { Key::tenant, QJsonObject { { Key::id, e.tenantId }, { Key::name, e.tenantName } } },
            { Key::status, toString(e.cell.status) },
            { Key::reason, e.cell.reason },
            { Key::path, path } });
    }
    for (const ImpactEntry &e : impact.entries)
        if (order.removeOne(e.tenantId))
            tenants.append(QJsonObject { { Key::id, e.tenantId },
                                         { Key::name, e.tenantName },
                                         { Key::services, perTenant.value(e.tenantId) } });
    return { { Key::device,
               QJsonObject { { Key::id, impact.device.id },
                             { Key::name, impact.device.name },
                             { Key::kind, toString(impact.device.kind) } } },
             { Key::role, roleName(impact.role) },
             { Key::note, impact.note.isEmpty() ? QJsonValue() : QJsonValue(impact.note) },
             { Key::tenants, tenants },
             { Key::items, items },
             { Key::total, int(impact.entries.size()) } };
}

QJsonObject webhookJson(const Webhook &w, const WebhookStats &s)
{
    return { { Key::id, w.id },
             { Key::url, w.url },
             { Key::createdAt, w.createdAt },
             { Key::delivered, s.delivered },
             { Key::failedAttempts, s.failedAttempts },
             { Key::gaveUp, s.gaveUp },
             { Key::pending, s.pending },
             { Key::lastError, s.lastError.isEmpty() ? QJsonValue() : QJsonValue(s.lastError) },
             { Key::lastDeliveredAt,
               s.lastDeliveredAt.isEmpty() ? QJsonValue() : QJsonValue(s.lastDeliveredAt) } };
}

// The whole matrix is thousands of cells: its bytes are built once per change, not per request.
struct MatrixCache
{
    quint64 revision = 0;
    QString updatedAt;
    QByteArray body;
};

} // namespace

void registerHealthRoutes(Router &router, HealthService &health)
{
    auto cache = std::make_shared<MatrixCache>();

    // GET /api/v1/health/matrix -> {tenants: [{id, name, displayName}], kinds: [kind],
    //   cells: [{tenant, kind, status, reason, since}], updatedAt, pollIntervalMs}
    // A tenant user gets its own row only, with reasons in its own words.
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/health/matrix"), Access::Authenticated,
               [&health, cache](const ApiRequest &request) {
                   const int interval = health.poller()->intervalMs();
                   const HealthMatrix m = health.matrixFor(*request.user);
                   if (!m.tenantScope.isEmpty()) // one row: cheap to build each time
                       return ApiResponse::json(matrixJson(m, interval));
                   if (cache->body.isEmpty() || cache->revision != m.revision
                       || cache->updatedAt != m.updatedAt) {
                       cache->body
                           = QJsonDocument(matrixJson(m, interval)).toJson(QJsonDocument::Compact);
                       cache->revision = m.revision;
                       cache->updatedAt = m.updatedAt;
                   }
                   return ApiResponse { 200, cache->body, "application/json", {} };
               });

    // GET /api/v1/devices/{id}/impact?limit=&offset= -> {device: {id, name, kind}, role, note,
    //   tenants: [{id, name, services}], items: [{service: {id, kind, state}, tenant: {id, name},
    //   status, reason, path: [{type, id?, name}]}], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/devices/{id}/impact"), Access::Operator,
               [&health](const ApiRequest &request) {
                   const auto paging = readPaging(request);
                   if (!paging)
                       return ApiResponse::error(paging.error());
                   const auto impact = health.impact(request.param(QStringLiteral("id")));
                   if (!impact)
                       return ApiResponse::error(impact.error());
                   return ApiResponse::json(impactJson(*impact, *paging));
               });

    // GET /api/v1/health/webhooks -> {items: [{id, url, createdAt, delivered, failedAttempts,
    //   gaveUp, pending, lastError, lastDeliveredAt}], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/health/webhooks"), Access::Operator,
               [&health](const ApiRequest &) {
                   QJsonArray items;
                   const QList<Webhook> hooks = health.webhooks();
                   for (const Webhook &w : hooks)
                       items.append(webhookJson(w, health.webhookStats(w.id)));
                   return ApiResponse::json(
                       QJsonObject { { Key::items, items }, { Key::total, int(hooks.size()) } });
               });

    // POST /api/v1/health/webhooks {url} -> 201 webhook: every alert raised or cleared is POSTed
    // there
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/health/webhooks"), Access::OperatorAdmin,
               [&health](const ApiRequest &request) {
                   const auto body = readJsonObject(request, { Key::url });
                   if (!body)
                       return ApiResponse::error(body.error());
                   const auto url = requireString(*body, Key::url);
                   if (!url)
                       return ApiResponse::error(url.error());
                   const auto hook = health.addWebhook(*url, request.user->username);
                   if (!hook)
                       return ApiResponse::error(hook.error());
                   return ApiResponse::json(webhookJson(*hook, {}), 201);
               });

    // DELETE /api/v1/health/webhooks/{id} -> 204
    router.add(HttpMethod::Delete, QStringLiteral("/api/v1/health/webhooks/{id}"),
               Access::OperatorAdmin, [&health](const ApiRequest &request) {
                   const Status removed = health.removeWebhook(request.param(QStringLiteral("id")),
                                                               request.user->username);
                   return removed ? ApiResponse::noContent() : ApiResponse::error(removed.error());
               });
}

} // namespace NeoCloud
