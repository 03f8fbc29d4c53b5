#pragma once
// A Redfish service on a real socket, serving a RedfishTree: Basic auth and sessions
// (X-Auth-Token), $expand when told to support it, and the failures real BMCs show — down,
// slow, answering 500 or garbage. The demo lab runs one per BMC; tests serve fixtures with it.

#include "redfish/RedfishTree.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QPointer>
#include <QSet>

class QTcpServer;
class QSslConfiguration;

namespace NeoCloud {

struct RedfishServerOptions
{
    QString username = QStringLiteral("admin");
    QString password = QStringLiteral("password");
    bool supportsExpand = true;
    bool requireAuth = true;
};

class RedfishServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    RedfishServer(RedfishTree tree, RedfishServerOptions options, QObject *parent = nullptr);

    // Binds address:port (0 picks one) and returns the port, or 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);
    // The same over HTTPS with the given certificate and key, as real BMCs serve.
    quint16 listenTls(const QHostAddress &address, quint16 port, const QSslConfiguration &tls);
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    QString baseUrl() const;

    RedfishTree &tree() { return m_tree; }

    // Faults.
    void setDown(bool down);  // refuse connections, drop open ones
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    void setErrorMode(int mode) { m_errorMode = mode; } // 0 none, 1 HTTP 500, 2 garbage body
    bool isDown() const { return m_down; }

    quint64 requestCount() const { return m_requests; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    Answer answer(const QHttpServerRequest &request);
    bool authorised(const QHttpServerRequest &request) const;
    QJsonObject expanded(const QJsonObject &resource) const;

    RedfishTree m_tree;
    RedfishServerOptions m_options;
    QTcpServer *m_tcp = nullptr;
    QList<QPointer<QTcpSocket>> m_sockets;
    QHostAddress m_address;
    bool m_tls = false;
    quint16 m_port = 0;
    QSet<QString> m_sessions;
    bool m_down = false;
    int m_latencyMs = 0;
    int m_errorMode = 0;
    quint64 m_requests = 0;
};

} // namespace NeoCloud
