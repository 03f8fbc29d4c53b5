#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/ResourceJson.h"
#include "api/JsonMapping.h"
#include "api/RequestInput.h"
#include "api/Router.h"
#include "discovery/DiscoveryService.h"
#include "domain/Enums.h"

#include <QJsonDocument>

namespace NeoCloud {
namespace {

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

} // namespace NeoCloud
