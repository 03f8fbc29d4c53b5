#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/JsonMapping.h"
#include "api/RequestInput.h"
#include "api/Router.h"
#include "auth/AuthService.h"
#include "auth/LoginThrottle.h"

namespace NeoCloud {

void registerAuthRoutes(Router &router, AuthService &auth, LoginThrottle &throttle)
{
    // POST /api/v1/auth/login {username, password} -> {token, expiresAt, user}; 429 with
    // Retry-After after too many failures for the username or from the client's address.
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/auth/login"), Access::Public,
               [&auth, &throttle](const ApiRequest &request) {
                   const auto body = readJsonObject(request, {Key::username, Key::password});
                   if (!body)
                       return ApiResponse::error(body.error());
                   const auto username = requireString(*body, Key::username);
                   if (!username)
                       return ApiResponse::error(username.error());
                   const auto password = requireString(*body, Key::password);
                   if (!password)
                       return ApiResponse::error(password.error());
                   if (const std::optional<int> wait = throttle.retryAfter(*username, request.remoteAddress)) {
                       ApiResponse refused = ApiResponse::error(
                           {ErrorKind::TooManyRequests, QStringLiteral("too_many_login_attempts"),
                            QStringLiteral("Too many failed logins for this user or from this address; "
                                           "try again in %1 s.").arg(*wait),
                            {}});
                       refused.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(*wait)});
                       return refused;
                   }
                   const auto session = auth.login(*username, *password);
                   if (!session) {
                       if (session.error().kind == ErrorKind::Unauthorized)
                           throttle.recordFailure(*username, request.remoteAddress);
                       return ApiResponse::error(session.error());
                   }
                   throttle.recordSuccess(*username);
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
