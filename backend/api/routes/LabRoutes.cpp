#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/Router.h"
#include "inventory/InventoryService.h"
#include "lab/LabService.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace NeoCloud {
namespace {

QJsonObject faultJson(const LabFault &f)
{
    return {{Key::id, f.id},
            {Key::device, f.device},
            {Key::kind, f.kind},
            {Key::component, f.component.isEmpty() ? QJsonValue() : QJsonValue(f.component)},
            {Key::latencyMs, f.latencyMs},
            {Key::method, f.method.isEmpty() ? QJsonValue() : QJsonValue(f.method)},
            {Key::status, f.status ? QJsonValue(f.status) : QJsonValue()},
            {Key::createdAt, f.createdAt}};
}

ApiResponse noLab()
{
    return ApiResponse::error({ErrorKind::NotFound, QStringLiteral("no_lab"),
                               QStringLiteral("No demo lab runs in this process; start it with --lab."), {}});
}

} // namespace

void registerLabRoutes(Router &router, LabService *lab, InventoryService &inventory)
{
    // GET /api/v1/lab -> {name, site, bmcCount, bmcs: [{device, kind, url, rack}], vms: {url, token} | null}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/lab"), Access::Operator, [lab](const ApiRequest &) {
        return lab ? ApiResponse::json(lab->describe()) : noLab();
    });

    // GET /api/v1/lab/faults -> {items: [fault], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/lab/faults"), Access::Operator, [lab](const ApiRequest &) {
        if (!lab)
            return noLab();
        QJsonArray items;
        for (const LabFault &f : lab->faults())
            items.append(faultJson(f));
        return ApiResponse::json(QJsonObject{{Key::items, items}, {Key::total, int(items.size())}});
    });

    // POST /api/v1/lab/faults {device, kind, component?, latencyMs?, method?, status?} -> 201 fault
    // (method and status: VMS faults, device "vms")
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/lab/faults"), Access::OperatorAdmin,
               [lab, &inventory](const ApiRequest &request) {
                   if (!lab)
                       return noLab();
                   QJsonParseError parseError;
                   const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
                   if (parseError.error != QJsonParseError::NoError || !doc.isObject())
                       return ApiResponse::error(Error::badInput(QStringLiteral("malformed_json"), QStringLiteral("The body must be a JSON object.")));
                   const auto fault = lab->addFault(doc.object(), [&inventory](const QString &id) {
                       const auto device = inventory.device(id);
                       return device ? device->bmcUrl : QString();
                   }, request.user->username);
                   if (!fault)
                       return ApiResponse::error(fault.error());
                   return ApiResponse::json(faultJson(*fault), 201);
               });

    // DELETE /api/v1/lab/faults/{id} -> 204
    router.add(HttpMethod::Delete, QStringLiteral("/api/v1/lab/faults/{id}"), Access::OperatorAdmin,
               [lab](const ApiRequest &request) {
                   if (!lab)
                       return noLab();
                   const Status cleared = lab->clearFault(request.param(QStringLiteral("id")), request.user->username);
                   return cleared ? ApiResponse::noContent() : ApiResponse::error(cleared.error());
               });
}

} // namespace NeoCloud
