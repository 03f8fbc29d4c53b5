#pragma once
// Reads one BMC's inventory over HTTP(S), asynchronously: the service root, a session (or Basic
// auth), then every resource an inventory needs, using $expand on collections where the service
// says it supports it. Bounded requests in flight (real BMCs serve about four at once), a deadline
// per request, bounded retries with backoff, cancellation. What cannot be read becomes a warning;
// only an unreachable service or refused credentials fail the crawl.

#include "RedfishTree.h"
#include "core/Error.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSet>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace NeoCloud {

struct RedfishEndpoint
{
    QUrl baseUrl; // scheme://host[:port]
    QString username;
    QString password;
    bool verifyTls = true;
    // With verifyTls off: the certificate trusted on first use (lowercase hex SHA-256). A TLS
    // handshake presenting another one is broken off before any request, with its credentials,
    // is sent. Empty: nothing pinned yet, the first certificate is taken.
    QString pinnedSha256;
};

struct CrawlOptions
{
    int timeoutMs = 10000;
    int retries = 2;
    int backoffMs = 200; // doubled on each retry
    int maxInFlight = 4;
    bool useSessions = true;
    // Collections not followed, by the last segment of their path ("Memory"): a reader that needs
    // only some parts of the tree saves the requests for the rest.
    QStringList skipCollections;
};

struct CrawlResult
{
    RedfishTree tree;
    QStringList warnings;
    std::optional<Error> error;
    bool unreachable = false;
    int requests = 0;
    QString certificateSha256; // hex, for HTTPS; with error bmc_certificate_changed, the one refused
};

class RedfishCrawler : public QObject
{
    Q_OBJECT
public:
    RedfishCrawler(QNetworkAccessManager &network, RedfishEndpoint endpoint, CrawlOptions options,
                   QObject *parent = nullptr);
    ~RedfishCrawler() override;

    void start();
    void cancel();
    const CrawlResult &result() const { return m_result; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished();

private:
    struct Pending
    {
        QString path;
        bool expand = false;
        int attempt = 0;
    };
    void enqueue(const QString &path);
    void pump();
    void send(Pending pending);
    // Records the certificate `reply` came over; false (the crawl failed) when it differs from
    // the one this crawl saw first.
    bool noteCertificate(QNetworkReply *reply);
    void handleReply(QNetworkReply *reply, Pending pending);
    void handleRoot(const QJsonObject &root);
    void absorb(const QJsonObject &resource, const QString &path);
    void openSession(const QJsonObject &root);
    void fail(Error error, bool unreachable);
    void finishIfIdle();
    QNetworkReply *request(const QByteArray &verb, const QString &path, const QByteArray &body = {});

    QString m_refusedCertificate; // set when a handshake was broken off for it
    QNetworkAccessManager &m_network;
    RedfishEndpoint m_endpoint;
    CrawlOptions m_options;
    CrawlResult m_result;
    QQueue<Pending> m_queue;
    QSet<QString> m_seen;
    QSet<QNetworkReply *> m_inFlight;
    int m_waitingRetries = 0;
    bool m_expand = false;
    bool m_started = false;
    bool m_finished = false;
    QByteArray m_sessionToken;
    QString m_sessionPath;
};

} // namespace NeoCloud
