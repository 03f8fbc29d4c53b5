#pragma once
// Accepting connections for our HTTP servers (the API and the lab's BMCs) the same way: Nagle's
// delay off, and closed after a stretch of silence, since QtHttpServer 6.4 never closes an idle
// keep-alive connection itself.

#include <QtGlobal>

class QTcpServer;
class QTcpSocket;

namespace NeoCloud {

// A socket for `descriptor`, owned by `server`, or null when the descriptor is unusable.
QTcpSocket *acceptConnection(QTcpServer *server, qintptr descriptor, int idleTimeoutMs);

// The same for a socket the caller made (a QSslSocket for TLS); false when the descriptor is
// unusable, and the caller deletes the socket. During a TLS handshake no application bytes
// move, so the idle timer also bounds how long a handshake may stall.
bool adoptConnection(QTcpSocket *socket, qintptr descriptor, int idleTimeoutMs);

} // namespace NeoCloud
