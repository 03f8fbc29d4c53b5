#pragma once
// The listening socket under the HTTP API. QtHttpServer 6.4 leaves three things to us: Nagle's
// delay (a 52 KB answer waits ~48 ms without TCP_NODELAY), idle keep-alive connections that it
// never closes, and request bodies that it buffers whole however large they are announced.

#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>

namespace NeoCloud {

class ApiTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    ApiTcpServer(qint64 maxBodyBytes, int idleTimeoutMs, QObject *parent = nullptr);

    // The JSON body of the early 413, given the announced length and the limit; the default is
    // the API's error shape. Other servers on this socket (the lab's VMS) speak their own.
    using TooLargeBody = std::function<QByteArray(qint64 length, qint64 limit)>;
    void setTooLargeBody(TooLargeBody body) { m_tooLargeBody = std::move(body); }

    // Serve TLS with this configuration: a connection reaches QtHttpServer only once its
    // handshake is done; one whose handshake fails is closed and counted.
    void setTls(const QSslConfiguration &configuration);
    bool tls() const { return m_tls; }
    int failedHandshakes() const { return m_failedHandshakes; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void serve(QTcpSocket *socket);

    qint64 m_maxBodyBytes;
    int m_idleTimeoutMs;
    TooLargeBody m_tooLargeBody;
    bool m_tls = false;
    QSslConfiguration m_tlsConfiguration;
    int m_failedHandshakes = 0;
};

} // namespace NeoCloud
