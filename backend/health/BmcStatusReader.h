#pragma once
// Reads one BMC's Status fields, cheaply and over and over. The first read walks only the parts of
// the Redfish tree that carry a health we use (systems, chassis, processors, drives, power
// supplies, fans, ports) and remembers where they are; every later read fetches just those
// resources again, a whole collection in one request where the BMC supports $expand, and keeps
// the rest of the tree as it was. A resource gone (404) makes the next read walk again.

#include "redfish/RedfishCrawler.h"
#include "redfish/RedfishTree.h"

#include <QObject>
#include <QSet>

class QNetworkAccessManager;
class QNetworkReply;

namespace NeoCloud {

struct StatusReadOptions
{
    int timeoutMs = 5000;
    int maxInFlight = 4; // real BMCs serve about four requests at once
    int retryDelayMs = 200; // one retry of a request that got no answer at all
};

class BmcStatusReader : public QObject
{
    Q_OBJECT
public:
    // `pinnedSha256`: the certificate discovery pinned for an HTTPS BMC; any other is refused.
    BmcStatusReader(QNetworkAccessManager &network, RedfishEndpoint endpoint, QString pinnedSha256,
                    StatusReadOptions options, QObject *parent = nullptr);
    ~BmcStatusReader() override;

    void read(); // emits finished() once, always
    void cancel();

    bool succeeded() const { return m_succeeded; }
    QString problem() const { return m_problem; } // why the read failed, in words
    const RedfishTree &tree() const { return m_tree; }
    int requests() const { return m_requests; } // in the last read
    const RedfishEndpoint &endpoint() const { return m_endpoint; }
    void setCredentials(const QString &username, const QString &password,
                        const QString &pinnedSha256);

Q_SIGNALS:
    void finished();

private:
    struct Fetch
    {
        QString path;
        bool expand = false;
        int attempt = 0;
    };
    void walk();
    void walkFinished();
    void pump();
    void send(Fetch fetch);
    void handle(QNetworkReply *reply, Fetch fetch);
    void done(bool ok, const QString &problem = {});
    void dropRequests();
    QList<Fetch> planFrom(const RedfishTree &tree) const;

    QNetworkAccessManager &m_network;
    RedfishEndpoint m_endpoint;
    QString m_pin;
    StatusReadOptions m_options;
    RedfishTree m_tree;
    QList<Fetch> m_plan; // empty until a walk found where the statuses are
    QList<Fetch> m_queue;
    QSet<QNetworkReply *> m_inFlight;
    RedfishCrawler *m_walker = nullptr;
    int m_waitingRetries = 0;
    quint64 m_generation = 0; // bumped when a read ends, so its late retries are dropped
    int m_requests = 0;
    bool m_running = false;
    bool m_succeeded = false;
    bool m_stale = false; // a planned resource was gone: walk again next time
    QString m_problem;
};

} // namespace NeoCloud
