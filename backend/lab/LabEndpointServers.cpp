#include "LabEndpointServers.h"

#include "health/probes/SigV4.h"
#include "health/probes/WireCodecs.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace NeoCloud {

struct LabEndpointServers::Listener
{
    QString pool;
    QString protocol;
    QTcpServer *server = nullptr;
    quint16 port = 0;
};

namespace {

QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &body, const QByteArray &type)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray s3Error(const QByteArray &code, const QByteArray &message)
{
    return httpResponse(403, "Forbidden",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                            + "</Message></Error>",
                        "application/xml");
}

struct HttpHead
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[n, v] : headers)
            if (n == name)
                return v;
        return {};
    }
};

std::optional<HttpHead> parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3)
        return std::nullopt;
    HttpHead h;
    h.method = requestLine.at(0);
    const QByteArray target = requestLine.at(1);
    const qsizetype q = target.indexOf('?');
    h.path = q < 0 ? target : target.left(q);
    h.query = q < 0 ? QByteArray() : target.mid(q + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            h.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return h;
}

} // namespace

LabEndpointServers::LabEndpointServers(QObject *parent)
    : QObject(parent)
{
}

LabEndpointServers::~LabEndpointServers()
{
    qDeleteAll(m_listeners);
}

QStringList LabEndpointServers::protocols()
{
    return {QStringLiteral("s3"), QStringLiteral("http"), QStringLiteral("kafka"), QStringLiteral("nfs"), QStringLiteral("tcp")};
}

const EndpointFault *LabEndpointServers::faultOf(const QString &pool, const QString &protocol) const
{
    for (const EndpointFault &f : m_faults)
        if (f.pool == pool && (f.protocol.isEmpty() || f.protocol == protocol))
            return &f;
    return nullptr;
}

std::optional<QPair<QString, quint16>> LabEndpointServers::addressOf(const QString &pool, const QString &protocol)
{
    if (!protocols().contains(protocol))
        return std::nullopt;
    const QString key = pool + u'/' + protocol;
    Listener *listener = m_listeners.value(key);
    if (!listener) {
        listener = new Listener{pool, protocol, new QTcpServer(this), 0};
        connect(listener->server, &QTcpServer::newConnection, this, [this, listener] {
            while (QTcpSocket *socket = listener->server->nextPendingConnection())
                serve(listener, socket);
        });
        m_listeners.insert(key, listener);
    }
    const EndpointFault *fault = faultOf(pool, protocol);
    const bool down = fault && fault->down;
    if (down && listener->server->isListening()) {
        listener->server->close(); // connections are refused, as on a pool with no VIP up
    } else if (!down && !listener->server->isListening()) {
        // Back on its old port when it can, so a probe that kept the address finds it again.
        if (!listener->server->listen(QHostAddress::LocalHost, listener->port) && !listener->server->listen(QHostAddress::LocalHost, 0))
            return std::nullopt;
        listener->port = listener->server->serverPort();
    }
    if (!listener->port)
        return std::nullopt; // down before it ever listened: nothing to point at
    return QPair<QString, quint16>(QStringLiteral("127.0.0.1"), listener->port);
}

void LabEndpointServers::setFaults(const QList<EndpointFault> &faults)
{
    m_faults = faults;
    for (Listener *l : std::as_const(m_listeners))
        addressOf(l->pool, l->protocol); // closes or reopens
}

void LabEndpointServers::serve(Listener *listener, QTcpSocket *socket)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (listener->protocol == QLatin1String("tcp"))
        return; // accepting is the whole answer; the peer closes
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, this, [this, listener, socket, buffer] {
        *buffer += socket->readAll();
        if (buffer->size() > (1 << 16)) {
            socket->abort();
            return;
        }
        answer(listener, socket, *buffer);
    });
}

void LabEndpointServers::answer(Listener *listener, QTcpSocket *socket, QByteArray &buffer)
{
    const QString &protocol = listener->protocol;
    if (protocol == QLatin1String("kafka")) {
        while (const auto frame = Wire::takeKafkaFrame(buffer)) {
            const auto header = Wire::parseKafkaRequestHeader(*frame);
            if (!header) {
                socket->abort();
                return;
            }
            // Only ApiVersions is served; version 0 is the one the probe sends.
            const qint16 error = header->apiKey == Wire::kafkaApiVersionsKey && header->apiVersion == 0 ? 0 : 35;
            reply(listener, socket, Wire::kafkaApiVersionsResponse(header->correlationId, error), false);
        }
    } else if (protocol == QLatin1String("nfs")) {
        while (const auto record = Wire::takeRpcRecord(buffer)) {
            const auto call = Wire::parseRpcCall(*record);
            if (!call) {
                socket->abort();
                return;
            }
            const auto stat = call->program != Wire::nfsProgram ? Wire::RpcAcceptStat::ProgUnavail
                : call->version != Wire::nfsVersion            ? Wire::RpcAcceptStat::ProgMismatch
                : call->procedure != 0                         ? Wire::RpcAcceptStat::ProcUnavail
                                                               : Wire::RpcAcceptStat::Success;
            reply(listener, socket, Wire::rpcAcceptedReply(call->xid, stat), false);
        }
    } else {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        buffer.clear();
        const QByteArray body = protocol == QLatin1String("s3") ? s3Answer(head)
                                                                : httpResponse(200, "OK", "{\"status\":\"ok\"}", "application/json");
        reply(listener, socket, body, true);
    }
}

void LabEndpointServers::reply(Listener *listener, QTcpSocket *socket, const QByteArray &bytes, bool close)
{
    const EndpointFault *fault = faultOf(listener->pool, listener->protocol);
    QPointer<QTcpSocket> guarded(socket);
    auto send = [guarded, bytes, close] {
        if (!guarded)
            return;
        guarded->write(bytes);
        if (close)
            guarded->disconnectFromHost();
    };
    if (fault && !fault->down && fault->latencyMs > 0)
        QTimer::singleShot(fault->latencyMs, this, send);
    else
        send();
}

QByteArray LabEndpointServers::s3Answer(const QByteArray &head)
{
    const auto h = parseHead(head);
    if (!h)
        return httpResponse(400, "Bad Request", {}, "text/plain");
    const QByteArray authorization = h->header("authorization");
    if (!authorization.startsWith("AWS4-HMAC-SHA256 "))
        return s3Error("AccessDenied", "Access Denied");
    // Credential=AKID/date/region/service/aws4_request, SignedHeaders=a;b, Signature=hex
    QHash<QByteArray, QByteArray> parts;
    for (const QByteArray &part : authorization.mid(17).split(',')) {
        const qsizetype eq = part.indexOf('=');
        if (eq > 0)
            parts.insert(part.left(eq).trimmed(), part.mid(eq + 1).trimmed());
    }
    const QList<QByteArray> credential = parts.value("Credential").split('/');
    if (credential.size() != 5)
        return s3Error("AuthorizationHeaderMalformed", "The authorization header is malformed.");
    const QString keyId = QString::fromUtf8(credential.at(0));
    const std::optional<QString> secret = m_secrets ? m_secrets(keyId) : std::nullopt;
    if (!secret)
        return s3Error("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
    SigV4::Request request;
    request.method = h->method;
    request.path = h->path;
    for (const auto &[name, value] : QUrlQuery(QString::fromUtf8(h->query)).queryItems(QUrl::FullyDecoded))
        request.query.append({name.toUtf8(), value.toUtf8()});
    for (const QByteArray &name : parts.value("SignedHeaders").split(';'))
        request.headers.append({name, h->header(name)});
    request.payloadSha256Hex = h->header("x-amz-content-sha256");
    const SigV4::Scope scope{credential.at(1), credential.at(2), credential.at(3)};
    const QByteArray expected = SigV4::signature({keyId, *secret}, h->header("x-amz-date"), scope, request);
    if (expected != parts.value("Signature"))
        return s3Error("SignatureDoesNotMatch",
                       "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    const QByteArray bucket = h->path.mid(1);
    return httpResponse(200, "OK",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult><Name>" + bucket
                            + "</Name><KeyCount>0</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>",
                        "application/xml");
}

} // namespace NeoCloud
