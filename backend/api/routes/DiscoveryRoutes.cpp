#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/JsonMapping.h"
#include "api/RequestInput.h"
#include "api/Router.h"
#include "discovery/DiscoveryService.h"
#include "domain/Enums.h"

#include <QJsonDocument>

namespace NeoCloud {
namespace {

// A scan as ../shared/api-v1.md shows it: {id, state, progress, found, errors, startedAt,
// finishedAt}, plus what changed, the warnings, the link count and the site.
QJsonObject scanJson(const Job &job)
{
    QJsonObject out = job.result;
    out.insert(Key::id, job.id);
    out.insert(Key::state, toString(job.state));
    out.insert(Key::progress, QJsonObject{{Key::done, job.progressDone}, {Key::total, job.progressTotal}});
    out.insert(Key::startedAt, job.startedAt.isEmpty() ? QJsonValue() : QJsonValue(job.startedAt));
    out.insert(Key::finishedAt, job.finishedAt.isEmpty() ? QJsonValue() : QJsonValue(job.finishedAt));
    out.insert(Key::request, job.payload);
    return out;
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
                   ApiResponse response = ApiResponse::json(scanJson(*job), 202);
                   response.headers.append(qMakePair(QByteArray("Location"), QByteArray("/api/v1/discovery/scans/") + job->id.toLatin1()));
                   return response;
               });

    // GET /api/v1/discovery/scans/{id} -> scan with progress, found, errors, changes
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/discovery/scans/{id}"), Access::Operator,
               [&discovery](const ApiRequest &request) {
                   const auto job = discovery.scan(request.param(QStringLiteral("id")));
                   if (!job)
                       return ApiResponse::error(job.error());
                   return ApiResponse::json(scanJson(*job));
               });

    // POST /api/v1/discovery/scans/{id}/cancel -> 202 scan (ends as cancelled)
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/discovery/scans/{id}/cancel"), Access::OperatorAdmin,
               [&discovery](const ApiRequest &request) {
                   const auto job = discovery.cancelScan(request.param(QStringLiteral("id")), request.user->username);
                   if (!job)
                       return ApiResponse::error(job.error());
                   return ApiResponse::json(scanJson(*job), 202);
               });
}

} // namespace NeoCloud
