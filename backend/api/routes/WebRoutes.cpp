#include "Routes.h"

#include "api/Router.h"
#include "api/WebAssets.h"

#include <memory>

namespace NeoCloud {
namespace {

// If-None-Match holds "*" or a list of validators, strong or weak (W/"..."); any match is a hit.
bool matchesEtag(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == "*" || candidate == etag)
            return true;
    }
    return false;
}

} // namespace

void registerWebRoutes(Router &router, const QString &root)
{
    auto assets = std::make_shared<const WebAssets>(root);

    // GET / and every other path outside /api: a file of the console, or index.html for the
    // console's own routes (/hardware, /tenants/t-1) so a reload or a shared link works.
    // A missing file (a path whose last segment has an extension) is 404, not the page.
    router.setFallback([assets](const ApiRequest &request) {
        if (request.method != HttpMethod::Get && request.method != HttpMethod::Head) {
            ApiResponse refused = ApiResponse::error({ErrorKind::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                                                      QStringLiteral("The web console's files accept GET and HEAD."), {}});
            refused.headers.append(qMakePair(QByteArray("Allow"), QByteArray("GET, HEAD")));
            return refused;
        }
        std::optional<WebAsset> asset = assets->find(request.path);
        const bool looksLikeFile = request.path.section(QLatin1Char('/'), -1).contains(QLatin1Char('.'));
        if (!asset && !looksLikeFile)
            asset = assets->index();
        if (!asset)
            return ApiResponse::error(Error::notFound(QStringLiteral("file"), request.path));

        // no-cache: the browser keeps the file but asks each time; an unchanged file costs a 304.
        const QList<QPair<QByteArray, QByteArray>> validators{{"ETag", asset->etag}, {"Cache-Control", "no-cache"}};
        if (matchesEtag(request.headers.value("if-none-match"), asset->etag))
            return ApiResponse{304, {}, {}, validators};
        ApiResponse response{200, asset->body, asset->contentType, validators};
        return response;
    });
}

} // namespace NeoCloud
