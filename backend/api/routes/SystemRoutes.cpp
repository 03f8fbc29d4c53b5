#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/Router.h"
#include "core/Version.h"
#include "services/Catalog.h"
#include "store/Database.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace NeoCloud {

void registerCatalogRoutes(Router &router, const Catalog &catalog)
{
    // GET /api/v1/catalog -> {items: [{kind, title, description, vastProtocols, schema, example}], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/catalog"), Access::Authenticated, [&catalog](const ApiRequest &) {
        const QJsonArray kinds = catalog.kinds();
        return ApiResponse::json(QJsonObject{{Key::items, kinds}, {Key::total, int(kinds.size())}});
    });
}

void registerSystemRoutes(Router &router, const Database &database)
{
    // GET /api/v1/health -> {status, version, store}; 503 when the store does not answer.
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/health"), Access::Public,
               [&database](const ApiRequest &) {
                   QSqlQuery probe(database.connection());
                   if (!probe.exec(QStringLiteral("SELECT 1")))
                       return ApiResponse::error(Database::toError(probe.lastError(),
                                                                   QStringLiteral("reach the store")));
                   return ApiResponse::json({{Key::status, QStringLiteral("ok")},
                                             {Key::version, productVersion},
                                             {Key::store, database.engine()}});
               });

    // GET /api/v1/version -> {version, apiVersion, qt}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/version"), Access::Public,
               [](const ApiRequest &) {
                   return ApiResponse::json({{Key::version, productVersion},
                                             {Key::apiVersion, apiVersion},
                                             {Key::qt, QString::fromLatin1(qVersion())}});
               });

    // GET /api/v1/openapi.json -> this API's OpenAPI 3 description (resources/api/openapi.json)
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/openapi.json"), Access::Public,
               [](const ApiRequest &) {
                   QFile file(QStringLiteral(":/neocloud/api/openapi.json"));
                   if (!file.open(QIODevice::ReadOnly))
                       return ApiResponse::error(
                           Error::internal(QStringLiteral("The OpenAPI document is missing.")));
                   return ApiResponse{200, file.readAll(), "application/json", {}};
               });
}

} // namespace NeoCloud
