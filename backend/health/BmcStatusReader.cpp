#include "BmcStatusReader.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <algorithm>

namespace NeoCloud {
namespace {

// Resources whose Status (or PowerState, LinkStatus) the health rules read.
bool carriesStatus(const QJsonObject &resource)
{
    static const QStringList types {
        QStringLiteral("#ComputerSystem."),
        QStringLiteral("#Chassis."),
        QStringLiteral("#Processor."),
        QStringLiteral("#Drive."),
        QStringLiteral("#PowerSupply."),
        QStringLiteral("#Fan."),
        QStringLiteral("#Port."),
        QStringLiteral("#Switch."),
        QStringLiteral("#PowerDistribution."),
        QStringLiteral("#Power."),
        QStringLiteral("#Thermal."),
        QStringLiteral("#NetworkAdapter."),
    };
    const QString type = resource.value(QLatin1String("@odata.type")).toString();
    return std::any_of(types.begin(), types.end(),
                       [&](const QString &t) { return type.startsWith(t); });
}

bool supportsExpand(const RedfishTree &tree)
{
    const QJsonObject expand = tree.value(QStringLiteral("/redfish/v1"))
                                   .value(QLatin1String("ProtocolFeaturesSupported"))
                                   .toObject()
                                   .value(QLatin1String("ExpandQuery"))
                                   .toObject();
    return expand.value(QLatin1String("ExpandAll")).toBool()
        || expand.value(QLatin1String("Levels")).toBool();
}

QString sha256Of(const QNetworkReply *reply)
{
    return QString::fromLatin1(
        reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256).toHex());
}

} // namespace

BmcStatusReader::BmcStatusReader(QNetworkAccessManager &network, RedfishEndpoint endpoint,
                                 QString pinnedSha256, StatusReadOptions options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(std::move(endpoint))
    , m_pin(std::move(pinnedSha256))
    , m_options(options)
{ }

BmcStatusReader::~BmcStatusReader()
{
    cancel();
}

void BmcStatusReader::setCredentials(const QString &username, const QString &password,
                                     const QString &pinnedSha256)
{
    m_endpoint.username = username;
    m_endpoint.password = password;
    m_pin = pinnedSha256;
}

void BmcStatusReader::read()
{
    if (m_running)
        return;
    m_running = true;
    ++m_generation;
    m_waitingRetries = 0;
    m_succeeded = false;
    m_problem.clear();
    m_requests = 0;
    if (m_plan.isEmpty() || m_stale) {
        walk();
        return;
    }
    m_queue = m_plan;
    pump();
}

void BmcStatusReader::cancel()
{
    if (m_walker) {
        m_walker->disconnect(this);
        delete m_walker;
        m_walker = nullptr;
    }
    dropRequests();
    m_running = false;
    ++m_generation;
}

void BmcStatusReader::dropRequests()
{
    for (QNetworkReply *reply : std::as_const(m_inFlight)) {
        reply->disconnect(this);
        if (reply->error() == QNetworkReply::NoError) // one that failed already needs no abort
            reply->abort();
        reply->deleteLater();
    }
    m_inFlight.clear();
    m_queue.clear();
}

void BmcStatusReader::walk()
{
    CrawlOptions options;
    options.timeoutMs = m_options.timeoutMs;
    options.retries = 1;
    options.backoffMs = m_options.retryDelayMs;
    options.maxInFlight = m_options.maxInFlight;
    options.useSessions = false; // Basic auth: a session costs two requests a read
    options.skipCollections = { QStringLiteral("Memory"), QStringLiteral("Managers"),
                                QStringLiteral("EthernetInterfaces"), QStringLiteral("PCIeDevices"),
                                QStringLiteral("PCIeFunctions") };
    RedfishEndpoint endpoint = m_endpoint;
    endpoint.verifyTls = m_pin.isEmpty(); // a pinned certificate is checked below instead
    m_walker = new RedfishCrawler(m_network, endpoint, options, this);
    connect(m_walker, &RedfishCrawler::finished, this, &BmcStatusReader::walkFinished);
    m_walker->start();
}

void BmcStatusReader::walkFinished()
{
    RedfishCrawler *walker = m_walker;
    m_walker = nullptr;
    walker->deleteLater();
    const CrawlResult &result = walker->result();
    m_requests += result.requests;
    if (result.error) {
        const QString code = result.error->code;
        done(false,
             result.unreachable                       ? QStringLiteral("does not answer")
                 : code == QLatin1String("bmc_error") ? QStringLiteral("answers with server errors")
                 : code == QLatin1String("bmc_auth_failed")
                 ? QStringLiteral("refuses the stored credentials")
                 : result.error->message);
        return;
    }
    if (!m_pin.isEmpty() && !result.certificateSha256.isEmpty()
        && result.certificateSha256 != m_pin) {
        done(false,
             QStringLiteral("presents a certificate other than the one pinned at discovery"));
        return;
    }
    m_tree = result.tree;
    m_plan = planFrom(m_tree);
    m_stale = false;
    done(true);
}

QList<BmcStatusReader::Fetch> BmcStatusReader::planFrom(const RedfishTree &tree) const
{
    const bool expand = supportsExpand(tree);
    QList<Fetch> plan;
    QSet<QString> planned;
    QStringList paths = tree.paths();
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        const QJsonObject *resource = tree.find(path);
        if (!resource || !carriesStatus(*resource))
            continue;
        // Members of a collection come in one expanded request where the BMC can.
        const QString parent = path.section(QLatin1Char('/'), 0, -2);
        const QJsonObject *collection = tree.find(parent);
        const bool whole
            = expand && collection && collection->value(QLatin1String("Members")).isArray();
        const QString fetched = whole ? parent : path;
        if (!planned.contains(fetched)) {
            planned.insert(fetched);
            plan.append({ fetched, whole, 0 });
        }
    }
    return plan;
}

void BmcStatusReader::pump()
{
    while (m_running && !m_queue.isEmpty() && m_inFlight.size() < m_options.maxInFlight)
        send(m_queue.takeFirst());
    if (m_running && m_queue.isEmpty() && m_inFlight.isEmpty() && m_waitingRetries == 0)
        done(true);
}

void BmcStatusReader::send(Fetch fetch)
{
    QUrl url = m_endpoint.baseUrl;
    url.setPath(fetch.path);
    if (fetch.expand)
        url.setQuery(QStringLiteral("$expand=.($levels=1)"));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("OData-Version", "4.0");
    if (!m_endpoint.username.isEmpty())
        request.setRawHeader("Authorization",
                             "Basic "
                                 + (m_endpoint.username + QLatin1Char(':') + m_endpoint.password)
                                       .toUtf8()
                                       .toBase64());
    QNetworkReply *reply = m_network.get(request);
    ++m_requests;
    m_inFlight.insert(reply);
    if (!m_pin.isEmpty())
        connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin = m_pin] {
            if (sha256Of(reply) == pin)
                reply->ignoreSslErrors();
        });
    connect(reply, &QNetworkReply::finished, this, [this, reply, fetch] { handle(reply, fetch); });
}

void BmcStatusReader::handle(QNetworkReply *reply, Fetch fetch)
{
    m_inFlight.remove(reply);
    reply->deleteLater();
    if (!m_running)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        if (fetch.attempt == 0) {
            // One more try: a dropped keep-alive connection is not a dead BMC.
            ++fetch.attempt;
            ++m_waitingRetries;
            QTimer::singleShot(m_options.retryDelayMs, this,
                               [this, fetch, generation = m_generation] {
                                   if (generation != m_generation)
                                       return; // that read is over
                                   --m_waitingRetries;
                                   send(fetch);
                               });
            return;
        }
        done(false, QStringLiteral("does not answer"));
        return;
    }
    if (status >= 500) {
        done(false, QStringLiteral("answers with server errors"));
        return;
    }
    if (status == 401 || status == 403) {
        done(false, QStringLiteral("refuses the stored credentials"));
        return;
    }
    if (status == 404) {
        m_stale = true; // the BMC's tree changed under us: walk it again next time
        pump();
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    if (!document.isObject()) {
        done(false, QStringLiteral("answers with something that is not JSON"));
        return;
    }
    const QJsonObject resource = document.object();
    m_tree.insert(fetch.path, resource);
    if (fetch.expand)
        for (const QJsonValue &member : resource.value(QLatin1String("Members")).toArray()) {
            const QJsonObject m = member.toObject();
            const QString id = m.value(QLatin1String("@odata.id")).toString();
            if (m.size() > 2 && !id.isEmpty())
                m_tree.insert(id, m);
        }
    pump();
}

void BmcStatusReader::done(bool ok, const QString &problem)
{
    if (!m_running)
        return;
    if (!ok) {
        dropRequests();
        // After a failure the BMC may come back as another one: walk it again.
        m_stale = true;
    }
    m_running = false;
    ++m_generation;
    m_succeeded = ok;
    m_problem = problem;
    Q_EMIT finished();
}

} // namespace NeoCloud
