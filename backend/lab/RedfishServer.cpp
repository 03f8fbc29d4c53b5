#include "RedfishServer.h"

#include "core/Sockets.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace NeoCloud {
namespace {

class LowDelayServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;
    std::function<void(QTcpSocket *)> accepted;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        // Like real BMCs, drop keep-alive connections that sit idle: a thousand BMCs otherwise
        // keep a thousand sockets open in every event loop that polls them.
        QTcpSocket *socket = acceptConnection(this, descriptor, 2000);
        if (!socket)
            return;
        if (accepted)
            accepted(socket);
        addPendingConnection(socket);
    }
};

QByteArray redfishError(const QString &code, const QString &message)
{
    QJsonObject inner;
    inner.insert(QStringLiteral("code"), QString(QStringLiteral("Base.1.8.") + code));
    inner.insert(QStringLiteral("message"), message);
    QJsonObject body;
    body.insert(QStringLiteral("error"), inner);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

RedfishServer::RedfishServer(RedfishTree tree, RedfishServerOptions options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_tree(std::move(tree))
    , m_options(std::move(options))
{
}

quint16 RedfishServer::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new LowDelayServer(this);
    tcp->accepted = [this](QTcpSocket *socket) {
        m_sockets.removeIf([](const QPointer<QTcpSocket> &p) { return p.isNull(); });
        m_sockets.append(socket);
    };
    if (!tcp->listen(address, port)) {
        delete tcp;
        return 0;
    }
    m_tcp = tcp;
    m_address = address;
    m_port = tcp->serverPort();
    bind(tcp);
    return m_port;
}

quint16 RedfishServer::listenTls(const QHostAddress &address, quint16 port, const QSslConfiguration &tls)
{
    auto *ssl = new QSslServer(this);
    ssl->setSslConfiguration(tls);
    if (!ssl->listen(address, port)) {
        delete ssl;
        return 0;
    }
    m_tcp = ssl;
    m_tls = true;
    m_address = address;
    m_port = ssl->serverPort();
    bind(ssl);
    return m_port;
}

QString RedfishServer::baseUrl() const
{
    return QStringLiteral("%1://%2:%3").arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), m_address.toString()).arg(m_port);
}

void RedfishServer::setDown(bool down)
{
    if (down == m_down || !m_tcp)
        return;
    m_down = down;
    if (down) {
        // A powered-off BMC: nothing listens, and what was open is cut.
        m_tcp->close();
        for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets))
            if (socket)
                socket->abort();
        m_sockets.clear();
    } else {
        m_tcp->listen(m_address, m_port);
    }
}

bool RedfishServer::authorised(const QHttpServerRequest &request) const
{
    if (!m_options.requireAuth)
        return true;
    const QByteArray token = request.value("X-Auth-Token");
    if (!token.isEmpty())
        return m_sessions.contains(QString::fromLatin1(token));
    const QByteArray authorization = request.value("Authorization");
    if (!authorization.startsWith("Basic "))
        return false;
    const QByteArray expected = (m_options.username + QLatin1Char(':') + m_options.password).toUtf8().toBase64();
    return authorization.mid(6).trimmed() == expected;
}

QJsonObject RedfishServer::expanded(const QJsonObject &resource) const
{
    if (!resource.contains(QLatin1String("Members")))
        return resource;
    QJsonObject out = resource;
    QJsonArray members;
    for (const QJsonValue &member : resource.value(QLatin1String("Members")).toArray()) {
        const QJsonObject *full = m_tree.find(member.toObject().value(QLatin1String("@odata.id")).toString());
        members.append(full ? *full : member.toObject());
    }
    out.insert(QLatin1String("Members"), members);
    return out;
}

RedfishServer::Answer RedfishServer::answer(const QHttpServerRequest &request)
{
    const QString path = RedfishTree::normalise(request.url().path());
    const auto method = request.method();
    if (m_errorMode == 1)
        return {500, redfishError(QStringLiteral("InternalError"), QStringLiteral("The BMC failed.")), {}};
    if (m_errorMode == 2)
        return {200, QByteArrayLiteral("<html><body>Service temporarily unavailable</body></html>\n\x00\x01{"), {}};

    const bool serviceRoot = path == QLatin1String("/redfish/v1") || path == QLatin1String("/redfish");
    if (method == QHttpServerRequest::Method::Post && path.endsWith(QLatin1String("/SessionService/Sessions"))) {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        if (body.value(QLatin1String("UserName")).toString() != m_options.username
            || body.value(QLatin1String("Password")).toString() != m_options.password)
            return {401, redfishError(QStringLiteral("NoValidSession"), QStringLiteral("Bad credentials.")), {}};
        const QString token = QUuid::createUuid().toString(QUuid::Id128);
        const QString id = token.left(8);
        m_sessions.insert(token);
        const QString location = path + QLatin1Char('/') + id;
        const QJsonObject session{{QStringLiteral("@odata.id"), location}, {QStringLiteral("Id"), id},
                                  {QStringLiteral("UserName"), m_options.username}};
        return {201, QJsonDocument(session).toJson(QJsonDocument::Compact),
                {{"X-Auth-Token", token.toLatin1()}, {"Location", location.toLatin1()}}};
    }
    if (method == QHttpServerRequest::Method::Delete && path.contains(QLatin1String("/SessionService/Sessions/"))) {
        m_sessions.remove(QString::fromLatin1(request.value("X-Auth-Token")));
        return {204, {}, {}};
    }
    if (!serviceRoot && !authorised(request))
        return {401, redfishError(QStringLiteral("NoValidSession"), QStringLiteral("Authentication required.")),
                {{"WWW-Authenticate", "Basic realm=\"Redfish\""}}};
    if (method != QHttpServerRequest::Method::Get)
        return {405, redfishError(QStringLiteral("ActionNotSupported"), QStringLiteral("Read-only service.")), {}};
    const QJsonObject *resource = m_tree.find(serviceRoot ? QStringLiteral("/redfish/v1") : path);
    if (!resource)
        return {404, redfishError(QStringLiteral("ResourceMissingAtURI"), QStringLiteral("No resource at %1.").arg(path)), {}};
    const bool expand = m_options.supportsExpand && request.query().hasQueryItem(QStringLiteral("$expand"));
    return {200, QJsonDocument(expand ? expanded(*resource) : *resource).toJson(QJsonDocument::Compact), {}};
}

bool RedfishServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_requests;
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    Answer a = answer(request);
    QPointer<QTcpSocket> alive(socket);
    auto write = [responder, alive, a = std::move(a)] {
        if (!alive || alive->state() != QAbstractSocket::ConnectedState)
            return;
        responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(a.status));
        responder->writeHeader("Content-Type", "application/json");
        responder->writeHeader("OData-Version", "4.0");
        for (const auto &[name, value] : a.headers)
            responder->writeHeader(name, value);
        responder->writeHeader("Content-Length", QByteArray::number(a.body.size()));
        responder->writeBody(a.body);
    };
    if (m_latencyMs > 0)
        QTimer::singleShot(m_latencyMs, this, write);
    else
        write();
    return true;
}

void RedfishServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    handleRequest(request, socket);
}

} // namespace NeoCloud
