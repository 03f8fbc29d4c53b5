#pragma once
// The listening socket under the HTTP API. QtHttpServer 6.4 leaves three things to us: Nagle's
// delay (a 52 KB answer waits ~48 ms without TCP_NODELAY), idle keep-alive connections that it
// never closes, and request bodies that it buffers whole however large they are announced.

#include <QTcpServer>

namespace NeoCloud {

class ApiTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    ApiTcpServer(qint64 maxBodyBytes, int idleTimeoutMs, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    qint64 m_maxBodyBytes;
    int m_idleTimeoutMs;
};

} // namespace NeoCloud
