#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/ResourceJson.h"
#include "api/JsonMapping.h"
#include "api/RequestInput.h"
#include "api/Router.h"
#include "discovery/DiscoveryService.h"
#include "discovery/PinnedCertificates.h"
#include "domain/Enums.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace NeoCloud {
namespace {

QJsonObject pinToJson(const PinnedCertificateView &view)
{
    QJsonArray devices;
    for (const auto &[id, name] : view.devices)
        devices.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}});
    return QJsonObject{{QStringLiteral("host"), view.pin.host},
                       {QStringLiteral("sha256"), view.pin.sha256},
                       {QStringLiteral("pinnedAt"), view.pin.pinnedAt},
                       {QStringLiteral("devices"), devices}};
}

} // namespace

void registerDiscoveryRoutes(Router &router, DiscoveryService &discovery)
{
    // POST /api/v1/discovery/scans {targets: [...], concurrency?, site?} -> 202 scan
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/discovery/scans"), Access::OperatorAdmin,
               [&discovery](const ApiRequest &request) {
                   QJsonParseError parseError;
                   const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
                   if (parseError.error != QJsonParseError::NoError || !doc.isObject())
                       return ApiResponse::error(Error::badInput(QStringLiteral("malformed_json"),
                                                                 QStringLiteral("The body must be a JSON object: %1.").arg(parseError.errorString())));
                   const auto job = discovery.startScan(doc.object(), request.user->username);
                   if (!job)
                       return ApiResponse::error(job.error());
                   ApiResponse response = ApiResponse::json(scanToJson(*job), 202);
                   response.headers.append(qMakePair(QByteArray("Location"), QByteArray("/api/v1/discovery/scans/") + job->id.toLatin1()));
                   return response;
               });

    // GET /api/v1/discovery/scans/{id} -> scan with progress, found, errors, changes
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/discovery/scans/{id}"), Access::Operator,
               [&discovery](const ApiRequest &request) {
                   const auto job = discovery.scan(request.param(QStringLiteral("id")));
                   if (!job)
                       return ApiResponse::error(job.error());
                   return ApiResponse::json(scanToJson(*job));
               });

    // POST /api/v1/discovery/scans/{id}/cancel -> 202 scan (ends as cancelled)
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/discovery/scans/{id}/cancel"), Access::OperatorAdmin,
               [&discovery](const ApiRequest &request) {
                   const auto job = discovery.cancelScan(request.param(QStringLiteral("id")), request.user->username);
                   if (!job)
                       return ApiResponse::error(job.error());
                   return ApiResponse::json(scanToJson(*job), 202);
               });
}

void registerCertificateRoutes(Router &router, PinnedCertificates &pins)
{
    // GET /api/v1/bmc-certificates?host= -> {items: [{host, sha256, pinnedAt, devices: [{id, name}]}], total};
    // with host ("host:port"), that BMC's pin alone (a device page asks for its own)
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/bmc-certificates"), Access::Operator, [&pins](const ApiRequest &request) {
        const auto views = pins.list(request.queryValue(QStringLiteral("host")));
        if (!views)
            return ApiResponse::error(views.error());
        QJsonArray items;
        for (const PinnedCertificateView &view : *views)
            items.append(pinToJson(view));
        return ApiResponse::json(QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("total"), int(items.size())}});
    });

    // DELETE /api/v1/bmc-certificates/{host} -> 204; {host} is "host:port" (percent-encoded where
    // needed, as an IPv6 address is). The next certificate that host presents is pinned anew.
    router.add(HttpMethod::Delete, QStringLiteral("/api/v1/bmc-certificates/{host}"), Access::OperatorAdmin,
               [&pins](const ApiRequest &request) {
                   const auto forgotten = pins.forget(request.param(QStringLiteral("host")), request.user->username);
                   return forgotten ? ApiResponse::noContent() : ApiResponse::error(forgotten.error());
               });
}

} // namespace NeoCloud
