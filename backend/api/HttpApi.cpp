#include "HttpApi.h"

#include "ApiTcpServer.h"
#include "auth/AuthService.h"
#include "domain/Enums.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTcpSocket>

#include <algorithm>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcApi, "neocloud.api")

namespace {

HttpMethod toMethod(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return HttpMethod::Get;
    case QHttpServerRequest::Method::Post: return HttpMethod::Post;
    case QHttpServerRequest::Method::Put: return HttpMethod::Put;
    case QHttpServerRequest::Method::Patch: return HttpMethod::Patch;
    case QHttpServerRequest::Method::Delete: return HttpMethod::Delete;
    case QHttpServerRequest::Method::Head: return HttpMethod::Head;
    case QHttpServerRequest::Method::Options: return HttpMethod::Options;
    default: return HttpMethod::Other;
    }
}

bool allows(Access access, Role role)
{
    const bool operatorRole = role == Role::OperatorAdmin || role == Role::OperatorViewer;
    switch (access) {
    case Access::Public:
    case Access::Authenticated: return true;
    case Access::Operator: return operatorRole;
    case Access::OperatorAdmin: return role == Role::OperatorAdmin;
    }
    return false;
}

// Sent with every answer: the API serves JSON to programs and must never be framed or sniffed.
const QList<QPair<QByteArray, QByteArray>> &commonHeaders()
{
    static const QList<QPair<QByteArray, QByteArray>> headers{
        {"X-Content-Type-Options", "nosniff"},
        {"Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Cache-Control", "no-store"},
    };
    return headers;
}

} // namespace

HttpApi::HttpApi(AuthService &auth, HttpApiConfig config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_auth(auth)
    , m_config(config)
{
}

Result<quint16> HttpApi::start(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls)
{
    auto *tcp = new ApiTcpServer(m_config.maxBodyBytes, m_config.idleTimeoutMs, this);
    if (tls)
        tcp->setTls(*tls);
    if (!tcp->listen(address, port)) {
        const QString reason = tcp->errorString();
        delete tcp;
        return Error::unavailable(QStringLiteral("listen_failed"),
                                  QStringLiteral("Cannot listen on %1:%2: %3.")
                                      .arg(address.toString())
                                      .arg(port)
                                      .arg(reason));
    }
    bind(tcp);
    m_tls = m_tls || tls.has_value();
    return tcp->serverPort();
}

ApiResponse HttpApi::dispatch(ApiRequest request) const
{
    if (request.body.size() > m_config.maxBodyBytes) {
        return ApiResponse::error({ErrorKind::TooLarge, QStringLiteral("body_too_large"),
                                   QStringLiteral("The request body of %1 bytes is over the limit "
                                                  "of %2 bytes.")
                                       .arg(request.body.size())
                                       .arg(m_config.maxBodyBytes),
                                   {}});
    }
    const Router::Match match = m_router.match(request.method, request.path);
    const bool apiPath = request.path == QLatin1String("/api") || request.path.startsWith(QLatin1String("/api/"));
    if (!match.route && match.allowed.isEmpty() && !apiPath && m_router.fallback())
        return m_router.fallback()(request);
    if (!match.route) {
        if (match.allowed.isEmpty()) {
            return ApiResponse::error({ErrorKind::NotFound, QStringLiteral("route_not_found"),
                                       QStringLiteral("There is no route %1.").arg(request.path),
                                       {}});
        }
        QStringList names;
        for (HttpMethod method : match.allowed)
            names << methodName(method);
        ApiResponse response = ApiResponse::error(
            {ErrorKind::MethodNotAllowed, QStringLiteral("method_not_allowed"),
             QStringLiteral("%1 does not accept %2; it accepts %3.")
                 .arg(request.path, methodName(request.method), names.join(QLatin1String(", "))),
             {}});
        response.headers.append(qMakePair(QByteArray("Allow"), names.join(QLatin1String(", ")).toLatin1()));
        return response;
    }
    if (match.route->access != Access::Public) {
        const QByteArray authorization = request.headers.value("authorization");
        const QByteArray scheme = "Bearer ";
        const QString token = authorization.startsWith(scheme)
            ? QString::fromLatin1(authorization.mid(scheme.size()).trimmed())
            : QString();
        if (!authorization.isEmpty() && token.isEmpty()) {
            return ApiResponse::error({ErrorKind::Unauthorized, QStringLiteral("invalid_token"),
                                       QStringLiteral("Use 'Authorization: Bearer <token>'."),
                                       {}});
        }
        const Result<User> user = m_auth.authenticate(token);
        if (!user)
            return ApiResponse::error(user.error());
        if (!allows(match.route->access, user->role)) {
            return ApiResponse::error({ErrorKind::Forbidden, QStringLiteral("forbidden"),
                                       QStringLiteral("The role %1 may not use %2 %3.")
                                           .arg(toString(user->role), methodName(request.method),
                                                match.route->pattern),
                                       {}});
        }
        request.user = *user;
    }
    request.params = match.params;
    return match.route->handler(request);
}

bool HttpApi::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest apiRequest;
    apiRequest.method = toMethod(request.method());
    apiRequest.path = request.url().path();
    apiRequest.query = request.query();
    apiRequest.body = request.body();
    apiRequest.remoteAddress = request.remoteAddress();
    for (const auto &[name, value] : request.headers())
        apiRequest.headers.insert(name.toLower(), value);
    const bool head = apiRequest.method == HttpMethod::Head;
    const bool close = apiRequest.headers.value("connection").toLower() == "close";

    QElapsedTimer clock;
    clock.start();
    const ApiResponse response = dispatch(std::move(apiRequest));
    m_stats.record(methodName(toMethod(request.method())), response.status, double(clock.nsecsElapsed()) / 1e9);
    qCDebug(lcApi, "%s %s -> %d", qUtf8Printable(methodName(toMethod(request.method()))),
            qUtf8Printable(request.url().path()), response.status);

    QList<QPair<QByteArray, QByteArray>> headers;
    if (!response.contentType.isEmpty())
        headers.append({"Content-Type", response.contentType});
    for (const auto &[name, value] : commonHeaders()) {
        // A route may replace one (the console's files are cached and revalidated by ETag).
        const bool replaced = std::any_of(response.headers.cbegin(), response.headers.cend(), [&](const auto &h) {
            return h.first.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (!replaced)
            headers.append({name, value});
    }
    if (m_tls) // a browser that once came over TLS never falls back to plain HTTP for a year
        headers.append(qMakePair(QByteArray("Strict-Transport-Security"), QByteArray("max-age=31536000")));
    headers.append(response.headers);

    if (response.stream && response.status == 200 && !head) {
        // No length: the body is the stream, ended by closing the connection.
        QByteArray out = "HTTP/1.1 200 OK\r\n";
        for (const auto &[name, value] : headers)
            out += name + ": " + value + "\r\n";
        socket->write(out + "\r\n");
        response.stream(socket);
        return true;
    }

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &[name, value] : headers)
        responder.writeHeader(name, value);
    if (close)
        responder.writeHeader("Connection", "close");
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(head ? QByteArray() : response.body);
    // QtHttpServer 6.4 keeps every connection open; honour a client that asked to close.
    if (close)
        socket->disconnectFromHost();
    return true;
}

void HttpApi::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Unreachable: handleRequest answers everything, including unknown routes.
    handleRequest(request, socket);
}

} // namespace NeoCloud
