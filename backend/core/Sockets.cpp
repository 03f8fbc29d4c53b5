#include "Sockets.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace NeoCloud {

QTcpSocket *acceptConnection(QTcpServer *server, qintptr descriptor, int idleTimeoutMs)
{
    auto *socket = new QTcpSocket(server);
    if (!adoptConnection(socket, descriptor, idleTimeoutMs)) {
        delete socket;
        return nullptr;
    }
    return socket;
}

bool adoptConnection(QTcpSocket *socket, qintptr descriptor, int idleTimeoutMs)
{
    if (!socket->setSocketDescriptor(descriptor))
        return false;
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(idleTimeoutMs);
    QObject::connect(idle, &QTimer::timeout, socket, &QTcpSocket::disconnectFromHost);
    QObject::connect(socket, &QTcpSocket::readyRead, idle, qOverload<>(&QTimer::start));
    QObject::connect(socket, &QTcpSocket::bytesWritten, idle, qOverload<>(&QTimer::start));
    idle->start();
    return true;
}

} // namespace NeoCloud
