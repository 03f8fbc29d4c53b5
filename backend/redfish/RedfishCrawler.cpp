#include "RedfishCrawler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

namespace NeoCloud {
namespace {

// Collections worth one expanded request instead of one request per member.
bool isCollectionPath(const QString &path)
{
    static const QSet<QString> names{
        QStringLiteral("Systems"),       QStringLiteral("Chassis"),         QStringLiteral("Managers"),
        QStringLiteral("Processors"),    QStringLiteral("Memory"),          QStringLiteral("Storage"),
        QStringLiteral("Drives"),        QStringLiteral("EthernetInterfaces"), QStringLiteral("NetworkAdapters"),
        QStringLiteral("Ports"),         QStringLiteral("NetworkPorts"),    QStringLiteral("PCIeDevices"),
        QStringLiteral("PCIeFunctions"), QStringLiteral("PowerSupplies"),   QStringLiteral("Fans"),
        QStringLiteral("RackPDUs"),      QStringLiteral("Switches"),        QStringLiteral("Fabrics"),
        QStringLiteral("Outlets"),
    };
    return names.contains(path.section(QLatin1Char('/'), -1));
}

bool retryable(QNetworkReply::NetworkError error, int status)
{
    if (status >= 500)
        return true;
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // transfer timeout reports as this
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

} // namespace

RedfishCrawler::RedfishCrawler(QNetworkAccessManager &network, RedfishEndpoint endpoint,
                               CrawlOptions options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(std::move(endpoint))
    , m_options(options)
{
}

RedfishCrawler::~RedfishCrawler()
{
    for (QNetworkReply *reply : std::as_const(m_inFlight)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QNetworkReply *RedfishCrawler::request(const QByteArray &verb, const QString &path, const QByteArray &body)
{
    QUrl url = m_endpoint.baseUrl;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("OData-Version", "4.0");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_sessionToken.isEmpty())
        request.setRawHeader("X-Auth-Token", m_sessionToken);
    else if (!m_endpoint.username.isEmpty())
        request.setRawHeader("Authorization",
                             "Basic " + (m_endpoint.username + QLatin1Char(':') + m_endpoint.password).toUtf8().toBase64());
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    if (!m_endpoint.verifyTls)
        connect(reply, &QNetworkReply::sslErrors, this, [this, reply] {
            // Called during the handshake, before the request goes out: a certificate other than
            // the pinned one ends the connection here.
            const QString presented = QString::fromLatin1(
                reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256).toHex());
            if (m_endpoint.pinnedSha256.isEmpty() || presented == m_endpoint.pinnedSha256)
                reply->ignoreSslErrors();
            else
                m_refusedCertificate = presented;
        });
    ++m_result.requests;
    return reply;
}

bool RedfishCrawler::noteCertificate(QNetworkReply *reply)
{
    // Read from every answer, not when a connection is made: a connection kept alive from an
    // earlier scan makes no new handshake, and its answers must be judged all the same.
    if (reply->url().scheme() != QLatin1String("https"))
        return true;
    const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
    if (peer.isNull())
        return true; // no TLS session (connection refused, timed out): the error speaks for itself
    const QString sha256 = QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex());
    if (m_result.certificateSha256.isEmpty()) {
        m_result.certificateSha256 = sha256;
        return true;
    }
    if (m_result.certificateSha256 == sha256)
        return true;
    fail({ErrorKind::Unavailable, QStringLiteral("bmc_certificate_changed"),
          QStringLiteral("%1 presented two different certificates in one scan (SHA-256 %2, then %3); its answers were not used.")
              .arg(m_endpoint.baseUrl.toString(), m_result.certificateSha256, sha256),
          {}},
         false);
    return false;
}

void RedfishCrawler::start()
{
    m_started = true;
    Pending root{QStringLiteral("/redfish/v1/"), false, 0};
    m_seen.insert(QStringLiteral("/redfish/v1"));
    send(root);
}

void RedfishCrawler::cancel()
{
    if (m_finished)
        return;
    fail({ErrorKind::Unavailable, QStringLiteral("cancelled"), QStringLiteral("The scan was cancelled."), {}}, false);
}

void RedfishCrawler::send(Pending pending)
{
    const QString path = pending.expand ? pending.path + QStringLiteral("?$expand=.($levels=1)") : pending.path;
    QNetworkReply *reply = request("GET", path);
    m_inFlight.insert(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, pending] { handleReply(reply, pending); });
}

void RedfishCrawler::handleReply(QNetworkReply *reply, Pending pending)
{
    m_inFlight.remove(reply);
    reply->deleteLater();
    if (m_finished)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QByteArray body = reply->readAll();
    const bool isRoot = pending.path == QLatin1String("/redfish/v1/");
    if (!noteCertificate(reply))
        return;

    if (error == QNetworkReply::SslHandshakeFailedError && !m_refusedCertificate.isEmpty()) {
        m_result.certificateSha256 = m_refusedCertificate;
        fail({ErrorKind::Unavailable, QStringLiteral("bmc_certificate_changed"),
              QStringLiteral("%1 presented a certificate other than the pinned one (SHA-256 %2); nothing was sent to it.")
                  .arg(m_endpoint.baseUrl.toString(), m_refusedCertificate),
              {}},
             false);
        return;
    }
    if (error == QNetworkReply::SslHandshakeFailedError) {
        // It answered, but cannot be trusted: an error to act on, not an unreachable BMC.
        fail({ErrorKind::Unavailable, QStringLiteral("bmc_tls_untrusted"),
              QStringLiteral("%1 presented a certificate that does not verify (%2); set verifyTls to false to pin it on "
                             "first use instead.")
                  .arg(m_endpoint.baseUrl.toString(), reply->errorString()),
              {}},
             false);
        return;
    }
    if (status == 0 || status >= 500 || error == QNetworkReply::TimeoutError
        || error == QNetworkReply::OperationCanceledError) {
        if (retryable(error, status) && pending.attempt < m_options.retries) {
            ++pending.attempt;
            ++m_waitingRetries;
            QTimer::singleShot(m_options.backoffMs << (pending.attempt - 1), this, [this, pending] {
                --m_waitingRetries;
                if (!m_finished)
                    send(pending);
            });
            return;
        }
        const QString reason = status >= 500 ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
        if (isRoot) {
            const QString tries = QStringLiteral("%1 %2").arg(pending.attempt + 1).arg(pending.attempt ? QStringLiteral("tries") : QStringLiteral("try"));
            fail({ErrorKind::Unavailable, status >= 500 ? QStringLiteral("bmc_error") : QStringLiteral("bmc_unreachable"),
                  status >= 500 ? QStringLiteral("%1 answered HTTP %2 (a server error) after %3.").arg(m_endpoint.baseUrl.toString()).arg(status).arg(tries)
                                : QStringLiteral("%1 did not answer: %2 (%3).").arg(m_endpoint.baseUrl.toString(), reason, tries),
                  {}},
                 status == 0);
            return;
        }
        m_result.warnings << QStringLiteral("%1: %2").arg(pending.path, reason);
        pump();
        return;
    }
    if (status == 401 || status == 403) {
        fail({ErrorKind::Unauthorized, QStringLiteral("bmc_auth_failed"),
              QStringLiteral("%1 refused the credentials (HTTP %2).").arg(m_endpoint.baseUrl.toString()).arg(status), {}},
             false);
        return;
    }
    if (status == 404) {
        if (isRoot) {
            fail({ErrorKind::Unprocessable, QStringLiteral("not_redfish"),
                  QStringLiteral("%1 has no Redfish service (/redfish/v1 is 404).").arg(m_endpoint.baseUrl.toString()), {}},
                 false);
            return;
        }
        m_result.warnings << QStringLiteral("%1: dangling link (404)").arg(pending.path);
        pump();
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (isRoot) {
            fail({ErrorKind::Unprocessable, QStringLiteral("not_redfish"),
                  QStringLiteral("%1 answered /redfish/v1 with something that is not JSON.").arg(m_endpoint.baseUrl.toString()), {}},
                 false);
            return;
        }
        m_result.warnings << QStringLiteral("%1: body is not JSON").arg(pending.path);
        pump();
        return;
    }
    const QJsonObject resource = document.object();
    if (resource.contains(QLatin1String("error")) && !resource.contains(QLatin1String("@odata.id"))) {
        m_result.warnings << QStringLiteral("%1: error body instead of a resource").arg(pending.path);
        pump();
        return;
    }
    if (isRoot) {
        handleRoot(resource);
        return;
    }
    absorb(resource, pending.path);
    pump();
}

void RedfishCrawler::handleRoot(const QJsonObject &root)
{
    m_result.tree.insert(QStringLiteral("/redfish/v1"), root);
    const QJsonObject expand = root.value(QLatin1String("ProtocolFeaturesSupported")).toObject().value(QLatin1String("ExpandQuery")).toObject();
    m_expand = expand.value(QLatin1String("ExpandAll")).toBool() || expand.value(QLatin1String("Levels")).toBool();
    if (m_options.useSessions && !m_endpoint.username.isEmpty()
        && root.value(QLatin1String("Links")).toObject().contains(QLatin1String("Sessions"))) {
        openSession(root);
        return;
    }
    absorb(root, QStringLiteral("/redfish/v1"));
    pump();
}

void RedfishCrawler::openSession(const QJsonObject &root)
{
    const QString sessions = root.value(QLatin1String("Links")).toObject().value(QLatin1String("Sessions")).toObject().value(QLatin1String("@odata.id")).toString();
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("UserName"), m_endpoint.username},
                                                      {QStringLiteral("Password"), m_endpoint.password}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = request("POST", RedfishTree::normalise(sessions), body);
    m_inFlight.insert(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, root] {
        m_inFlight.remove(reply);
        reply->deleteLater();
        if (m_finished)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 401 || status == 403) {
            fail({ErrorKind::Unauthorized, QStringLiteral("bmc_auth_failed"),
                  QStringLiteral("%1 refused the credentials.").arg(m_endpoint.baseUrl.toString()), {}}, false);
            return;
        }
        // Services without working sessions still take Basic auth; fall back quietly.
        m_sessionToken = reply->rawHeader("X-Auth-Token");
        m_sessionPath = QUrl(QString::fromLatin1(reply->rawHeader("Location"))).path();
        absorb(root, QStringLiteral("/redfish/v1"));
        pump();
    });
}

void RedfishCrawler::absorb(const QJsonObject &resource, const QString &path)
{
    m_result.tree.insert(path, resource);
    QStringList links = RedfishTree::childLinks(resource);
    // An expanded collection carries its members whole: keep them and follow their links.
    for (const QJsonValue &member : resource.value(QLatin1String("Members")).toArray()) {
        const QJsonObject m = member.toObject();
        const QString id = RedfishTree::normalise(m.value(QLatin1String("@odata.id")).toString());
        if (m.size() > 2 && !id.isEmpty() && !m_seen.contains(id)) {
            m_seen.insert(id);
            m_result.tree.insert(id, m);
            links += RedfishTree::childLinks(m);
        }
    }
    for (const QString &link : std::as_const(links))
        enqueue(link);
}

void RedfishCrawler::enqueue(const QString &path)
{
    const QString normalised = RedfishTree::normalise(path);
    if (normalised.isEmpty() || !normalised.startsWith(QLatin1String("/redfish/")) || m_seen.contains(normalised))
        return;
    if (!m_options.skipCollections.isEmpty() && m_options.skipCollections.contains(normalised.section(QLatin1Char('/'), -1)))
        return;
    m_seen.insert(normalised);
    m_queue.enqueue({normalised, m_expand && isCollectionPath(normalised), 0});
}

void RedfishCrawler::pump()
{
    while (!m_finished && !m_queue.isEmpty() && m_inFlight.size() < m_options.maxInFlight)
        send(m_queue.dequeue());
    finishIfIdle();
}

void RedfishCrawler::finishIfIdle()
{
    if (m_finished || !m_queue.isEmpty() || !m_inFlight.isEmpty() || m_waitingRetries > 0)
        return;
    m_finished = true;
    if (!m_sessionPath.isEmpty()) {
        // Courtesy: free the BMC's session slot; nobody waits for the answer.
        QNetworkReply *bye = request("DELETE", m_sessionPath);
        connect(bye, &QNetworkReply::finished, bye, &QObject::deleteLater);
        --m_result.requests;
    }
    Q_EMIT finished();
}

void RedfishCrawler::fail(Error error, bool unreachable)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.error = std::move(error);
    m_result.unreachable = unreachable;
    for (QNetworkReply *reply : std::as_const(m_inFlight)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_inFlight.clear();
    m_queue.clear();
    Q_EMIT finished();
}

} // namespace NeoCloud
