#include "ApiTcpServer.h"

#include "core/Sockets.h"

#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace NeoCloud {
namespace {

// Returns the announced body length when `head` starts a request whose header block is complete.
std::optional<qint64> announcedLength(const QByteArray &head)
{
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    static const QRegularExpression methodLine(QStringLiteral("^[A-Z]{3,7} \\S+ HTTP/1\\.[01]\r\n"));
    const QString headers = QString::fromLatin1(head.left(end + 2));
    if (!methodLine.match(headers).hasMatch())
        return std::nullopt;
    static const QRegularExpression length(QStringLiteral("\r\ncontent-length:\\s*(\\d+)\r\n"),
                                           QRegularExpression::CaseInsensitiveOption);
    const auto match = length.match(headers);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toLongLong();
}

} // namespace

ApiTcpServer::ApiTcpServer(qint64 maxBodyBytes, int idleTimeoutMs, QObject *parent)
    : QTcpServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
    , m_idleTimeoutMs(idleTimeoutMs)
{
}

void ApiTcpServer::setTls(const QSslConfiguration &configuration)
{
    m_tls = true;
    m_tlsConfiguration = configuration;
}

void ApiTcpServer::incomingConnection(qintptr descriptor)
{
    if (!m_tls) {
        if (QTcpSocket *socket = acceptConnection(this, descriptor, m_idleTimeoutMs))
            serve(socket);
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!adoptConnection(socket, descriptor, m_idleTimeoutMs)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_tlsConfiguration);
    // Handed on once encrypted: addPendingConnection then signals QtHttpServer, which binds to
    // pendingConnectionAvailable. A plain-HTTP client or a refused certificate ends here.
    connect(socket, &QSslSocket::encrypted, this, [this, socket] { serve(socket); });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket] {
        if (!socket->isEncrypted()) {
            ++m_failedHandshakes;
            socket->abort();
            socket->deleteLater();
        }
    });
    connect(socket, &QAbstractSocket::disconnected, socket, [socket] {
        if (!socket->isEncrypted())
            socket->deleteLater();
    });
    socket->startServerEncryption();
}

void ApiTcpServer::serve(QTcpSocket *socket)
{

    // Connected before QtHttpServer's own readyRead handler, so it sees each request's head
    // first. An announced body over the limit is answered 413 at once and the bytes that follow
    // are drained unread, so the client sees the answer rather than a reset.
    auto discarding = std::make_shared<qint64>(0);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, discarding] {
        if (*discarding > 0) {
            *discarding -= socket->skip(qMin(*discarding, socket->bytesAvailable()));
            if (*discarding <= 0)
                socket->disconnectFromHost();
            return;
        }
        const std::optional<qint64> length = announcedLength(socket->peek(16 * 1024));
        if (!length || *length <= m_maxBodyBytes)
            return;
        const QByteArray body = m_tooLargeBody
            ? m_tooLargeBody(*length, m_maxBodyBytes)
            : QByteArrayLiteral(R"({"error":{"code":"body_too_large","message":"The request body of )")
                + QByteArray::number(*length) + QByteArrayLiteral(" bytes is over the limit of ")
                + QByteArray::number(m_maxBodyBytes) + QByteArrayLiteral(R"( bytes."}})");
        socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                      "Connection: close\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        const QByteArray head = socket->peek(16 * 1024);
        const qint64 headSize = head.indexOf("\r\n\r\n") + 4;
        socket->skip(headSize);
        *discarding = *length;
        *discarding -= socket->skip(qMin(*discarding, socket->bytesAvailable()));
        if (*discarding <= 0)
            socket->disconnectFromHost();
    });
    addPendingConnection(socket);
}

} // namespace NeoCloud
