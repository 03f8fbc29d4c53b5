#include "Routes.h"

#include "api/LiveStream.h"
#include "api/Router.h"

namespace NeoCloud {

void registerStreamRoutes(Router &router, LiveStream &live)
{
    // GET /api/v1/stream -> text/event-stream: `ready` first, then `event`, `job`, `scan`,
    // `health` and `inventory` items as they happen, `: heartbeat` comments between; a tenant
    // user gets its own tenant's items only. Authenticated with the usual Bearer header (so a
    // browser reads it with fetch(), not EventSource, which cannot send one).
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/stream"), Access::Authenticated,
               [&live](const ApiRequest &request) {
                   ApiResponse response{200, {}, "text/event-stream; charset=utf-8", {}};
                   const User user = *request.user;
                   const QString token = request.bearerToken();
                   response.stream = [&live, user, token](QTcpSocket *socket) { live.subscribe(socket, user, token); };
                   return response;
               });
}

} // namespace NeoCloud
