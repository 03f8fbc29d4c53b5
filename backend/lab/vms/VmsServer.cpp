#include "VmsServer.h"

#include "VmsCollections.h"
#include "VmsHardware.h"
#include "VmsRules.h"
#include "VmsStore.h"
#include "VmsTasks.h"
#include "api/ApiTcpServer.h"
#include "lab/LabDefinition.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcVms, "neocloud.lab.vms")

using namespace Qt::StringLiterals;

namespace {

const QString apiRoot = u"/api"_s;

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Post:
        return u"POST"_s;
    case QHttpServerRequest::Method::Put:
        return u"PUT"_s;
    case QHttpServerRequest::Method::Patch:
        return u"PATCH"_s;
    case QHttpServerRequest::Method::Delete:
        return u"DELETE"_s;
    case QHttpServerRequest::Method::Head:
        return u"HEAD"_s;
    case QHttpServerRequest::Method::Options:
        return u"OPTIONS"_s;
    default:
        return u"OTHER"_s;
    }
}

// Compares secrets in time independent of where they differ.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= char(a.at(i) ^ b.at(i));
    return diff == 0;
}

QByteArray detailJson(const QString &message)
{
    return QJsonDocument(QJsonObject { { u"detail"_s, message } }).toJson(QJsonDocument::Compact);
}

} // namespace

VmsServer::VmsServer(Database &database, const LabDefinition &lab, OpenApiDocument spec,
                     VmsServerOptions options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_spec(std::move(spec))
    , m_options(std::move(options))
    , m_hardware(std::make_unique<VmsHardware>(VmsHardware::fromLab(lab)))
    , m_store(std::make_unique<VmsStore>(database, lab.name))
    , m_tasks(std::make_unique<VmsTasks>(*m_store, m_options.taskCompletionMs))
    , m_context(std::make_unique<VmsContext>(
          VmsContext { *m_store, m_spec, *m_tasks, *m_hardware, {}, {} }))
    , m_collections(std::make_unique<VmsCollections>(*m_context, m_routes))
{
    addTenancyRules(*m_collections);
    addStorageRules(*m_collections);
    addDataRules(*m_collections);
    addClusterRules(*m_collections);
}

VmsServer::~VmsServer() = default;

Status VmsServer::load()
{
    if (Status s = m_store->load(); !s)
        return s;
    m_tasks->resume();
    return success();
}

quint16 VmsServer::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new ApiTcpServer(m_options.maxBodyBytes, 30000, this);
    tcp->setTooLargeBody([](qint64 length, qint64 limit) {
        return detailJson(
            u"Request body of %1 bytes is over the limit of %2 bytes."_s.arg(length).arg(limit));
    });
    if (!tcp->listen(address, port)) {
        delete tcp;
        return 0;
    }
    m_address = address;
    m_port = tcp->serverPort();
    m_context->baseUrl = url().toString();
    bind(tcp);
    return m_port;
}

QUrl VmsServer::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_address.toString());
    url.setPort(m_port);
    url.setPath(apiRoot);
    return url;
}

void VmsServer::setDownNodes(const QSet<QString> &names)
{
    m_context->downNodes = names;
}

VmsLabReply VmsServer::authenticate(const QHttpServerRequest &request) const
{
    const QByteArray authorization = request.value("Authorization").trimmed();
    if (authorization.startsWith("Api-Token ")) {
        if (!m_options.token.isEmpty()
            && sameSecret(authorization.mid(10).trimmed(), m_options.token.toUtf8()))
            return VmsLabReply::empty(0);
        return VmsLabReply::detail(401, u"Invalid token."_s);
    }
    if (authorization.startsWith("Basic ")) {
        const QByteArray expected
            = (m_options.username + u':' + m_options.password).toUtf8().toBase64();
        if (!m_options.password.isEmpty() && sameSecret(authorization.mid(6).trimmed(), expected))
            return VmsLabReply::empty(0);
        return VmsLabReply::detail(401, u"Invalid username/password."_s);
    }
    return VmsLabReply::detail(401, u"Authentication credentials were not provided."_s);
}

VmsLabReply VmsServer::answer(const QHttpServerRequest &request, int *latencyMs,
                              QList<QPair<QByteArray, QByteArray>> *headers)
{
    const QString path = request.url().path();
    if (!path.startsWith(apiRoot + u'/'))
        return VmsLabReply::notFound();
    VmsLabRequest r;
    r.method = methodName(request.method());
    const QString relative = path.mid(apiRoot.size());
    const Result<OpenApiOperation> op = m_spec.operation(r.method, relative);
    if (!op && op.error().kind == ErrorKind::NotFound)
        return VmsLabReply::notFound();
    if (VmsLabReply refused = authenticate(request); refused.status) {
        headers->append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Api-Token")));
        return refused;
    }
    if (!op) {
        headers->append(
            qMakePair(QByteArray("Allow"), m_spec.methods(relative).join(u", "_s).toLatin1()));
        return VmsLabReply::detail(405, u"Method \"%1\" not allowed."_s.arg(r.method));
    }
    r.operation = *op;
    for (const VmsFault &fault : std::as_const(m_faults)) {
        if (!relative.startsWith(fault.pathPrefix)
            || (!fault.method.isEmpty() && fault.method != r.method))
            continue;
        *latencyMs = qMax(*latencyMs, fault.latencyMs);
        if (fault.status)
            return VmsLabReply::detail(
                fault.status,
                u"The lab injected a failure into %1 %2 (vms-error, status %3)."_s
                    .arg(r.method, fault.pathPrefix)
                    .arg(fault.status));
    }
    const QByteArray body = request.body();
    if (body.size() > m_options.maxBodyBytes) // a chunked body announces no length up front
        return VmsLabReply::detail(
            413,
            u"Request body of %1 bytes is over the limit of %2 bytes."_s.arg(body.size())
                .arg(m_options.maxBodyBytes));
    r.body = QJsonValue(QJsonValue::Undefined);
    if (!body.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError)
            return VmsLabReply::detail(
                400,
                u"JSON parse error - %1 at byte %2."_s.arg(error.errorString()).arg(error.offset));
        r.body = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    if (const QStringList errors = m_spec.checkRequest(r.operation, r.body); !errors.isEmpty())
        return specRefusal(errors);
    r.query = request.query();
    const QByteArray host = request.value("Host");
    r.pageUrl = host.isEmpty() ? QString(m_context->baseUrl + relative)
                               : QString(u"http://"_s + QString::fromLatin1(host) + path);
    const VmsHandler handler = m_routes.value(routeKey(r.method, r.operation.pathTemplate));
    if (!handler)
        return VmsLabReply::detail(501,
                                   u"The NeoCloud lab does not implement %1 %2."_s.arg(
                                       r.method, r.operation.pathTemplate));
    const VmsLabReply reply = handler(r);
    checkAnswer(r, reply);
    return reply;
}

void VmsServer::checkAnswer(const VmsLabRequest &request, const VmsLabReply &reply)
{
    if (reply.status < 200 || reply.status > 299)
        return;
    // A paged list is the envelope around what the spec documents.
    const bool paged = reply.body.isObject() && reply.body.toObject().contains(u"results"_s)
        && request.query.hasQueryItem(u"page_size"_s);
    const QJsonValue documented = paged ? reply.body[u"results"_s] : reply.body;
    const QStringList errors = m_spec.checkResponse(request.operation, reply.status, documented);
    if (errors.isEmpty())
        return;
    ++m_violations;
    qCWarning(lcVms, "%s %s answered outside the spec: %s", qPrintable(request.method),
              qPrintable(request.operation.pathTemplate), qPrintable(errors.join(u"; "_s)));
}

bool VmsServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_requests;
    int latencyMs = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    const VmsLabReply reply = answer(request, &latencyMs, &headers);
    qCDebug(lcVms, "%s %s -> %d", qPrintable(methodName(request.method())),
            qPrintable(request.url().path()), reply.status);
    const QByteArray body = reply.body.isUndefined() ? QByteArray()
        : reply.body.isArray()
        ? QJsonDocument(reply.body.toArray()).toJson(QJsonDocument::Compact)
        : QJsonDocument(reply.body.toObject()).toJson(QJsonDocument::Compact);
    const bool close = request.value("Connection").toLower() == "close";
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> alive(socket);
    auto write = [responder, alive, status = reply.status, body, headers, close] {
        if (!alive || alive->state() != QAbstractSocket::ConnectedState)
            return;
        responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        if (!body.isEmpty())
            responder->writeHeader("Content-Type", "application/json");
        for (const auto &[name, value] : headers)
            responder->writeHeader(name, value);
        if (close)
            responder->writeHeader("Connection", "close");
        responder->writeHeader("Content-Length", QByteArray::number(body.size()));
        responder->writeBody(body);
        if (close)
            alive->disconnectFromHost();
    };
    if (latencyMs > 0)
        QTimer::singleShot(latencyMs, this, write);
    else
        write();
    return true;
}

void VmsServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    handleRequest(request, socket);
}

} // namespace NeoCloud
