#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/JsonMapping.h"
#include "api/RequestInput.h"
#include "api/Router.h"
#include "auth/AuthService.h"

namespace NeoCloud {

void registerAuthRoutes(Router &router, AuthService &auth)
{
    // POST /api/v1/auth/login {username, password} -> {token, expiresAt, user}
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/auth/login"), Access::Public,
               [&auth](const ApiRequest &request) {
                   const auto body = readJsonObject(request, {Key::username, Key::password});
                   if (!body)
                       return ApiResponse::error(body.error());
                   const auto username = requireString(*body, Key::username);
                   if (!username)
                       return ApiResponse::error(username.error());
                   const auto password = requireString(*body, Key::password);
                   if (!password)
                       return ApiResponse::error(password.error());
                   const auto session = auth.login(*username, *password);
                   if (!session)
                       return ApiResponse::error(session.error());
                   return ApiResponse::json({{Key::token, session->token},
                                             {Key::expiresAt, session->expiresAt},
                                             {Key::user, toJson(session->user)}});
               });

    // POST /api/v1/auth/logout -> 204; the token stops working at once.
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/auth/logout"), Access::Authenticated,
               [&auth](const ApiRequest &request) {
                   if (Status s = auth.logout(request.bearerToken(), *request.user); !s)
                       return ApiResponse::error(s.error());
                   return ApiResponse::noContent();
               });

    // GET /api/v1/auth/me -> the caller's {username, role, tenantId}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/auth/me"), Access::Authenticated,
               [](const ApiRequest &request) { return ApiResponse::json(toJson(*request.user)); });
}

} // namespace NeoCloud
