#pragma once
// The REST API server: QtHttpServer's connection handling under our own router, so every answer
// (404, 405, 413, 401 and the routes' own) leaves through one place with one error shape and the
// same headers. All QtHttpServer use stays in this class and ApiTcpServer.

#include "HttpStats.h"
#include "Router.h"
#include "core/Result.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSslConfiguration>

#include <optional>

namespace NeoCloud {

class AuthService;
class ApiTcpServer;

struct HttpApiConfig
{
    qint64 maxBodyBytes = 1024 * 1024;
    int idleTimeoutMs = 30000;
};

class HttpApi : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpApi(AuthService &auth, HttpApiConfig config, QObject *parent = nullptr);

    Router &router() { return m_router; }
    const Router &router() const { return m_router; }

    // Listens on address:port (0 picks a free port) and returns the bound port; with `tls`,
    // serves HTTPS only.
    Result<quint16> start(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls = {});
    bool servesTls() const { return m_tls; }

    // The full pipeline without a socket: used by handleRequest and by in-process callers.
    ApiResponse dispatch(ApiRequest request) const;

    // Answers by method and status, and how long they took (for /metrics).
    const HttpStats &stats() const { return m_stats; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    AuthService &m_auth;
    HttpApiConfig m_config;
    Router m_router;
    HttpStats m_stats;
    bool m_tls = false;
};

} // namespace NeoCloud
