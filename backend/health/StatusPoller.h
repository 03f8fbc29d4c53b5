#pragma once
// The light periodic poll: every interval, the Status fields of the BMCs the matrix depends on
// (a few at a time, bounded), and the VAST cluster's own view of its nodes. A round starts on a
// fixed beat, not a fixed pause after the last one, so a fault shows within one interval plus
// the round's own time. A BMC that does not answer counts as unreachable for that round.

#include "BmcStatusReader.h"
#include "VmsHealthReader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <functional>

namespace NeoCloud {

struct PollOptions
{
    int intervalMs = 15000;
    int concurrency = 16; // BMCs read at once
    StatusReadOptions read;
};

struct PollTarget
{
    QString deviceId;
    QString bmcUrl;
};

// What one BMC gave in a round.
struct PolledBmc
{
    QString deviceId;
    bool reachable = false;
    QString problem;
    RedfishTree tree; // the BMC's status-bearing resources, current
};

class StatusPoller : public QObject
{
    Q_OBJECT
public:
    // Credentials and pinned certificates come from what discovery stored for each BMC URL.
    using CredentialLookup
        = std::function<RedfishEndpoint(const QString &bmcUrl, QString *pinnedSha256)>;

    StatusPoller(PollOptions options, CredentialLookup credentials, VmsConnection vms,
                 QObject *parent = nullptr);
    ~StatusPoller() override;

    void setTargets(const QList<PollTarget> &targets);
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    int intervalMs() const { return m_options.intervalMs; }

    const VmsView &vms() const { return m_vms.view(); }
    qint64 lastRoundMs() const { return m_lastRoundMs; }
    int lastRoundRequests() const { return m_lastRoundRequests; }
    int rounds() const { return m_rounds; }

Q_SIGNALS:
    void roundFinished(const QList<NeoCloud::PolledBmc> &bmcs, bool vmsChanged);

private:
    void beginRound();
    void pump();
    void readerFinished(BmcStatusReader *reader);
    void finishIfDone();

    PollOptions m_options;
    CredentialLookup m_credentials;
    QNetworkAccessManager m_network;
    VmsHealthReader m_vms;
    QTimer m_timer;
    QList<PollTarget> m_targets;
    QHash<QString, BmcStatusReader *> m_readers; // by device id, kept between rounds
    QHash<BmcStatusReader *, QString> m_deviceOf;
    // The round in progress.
    bool m_inRound = false;
    bool m_vmsPending = false;
    VmsView m_vmsBefore;
    QList<QString> m_queue;
    int m_active = 0;
    QList<PolledBmc> m_results;
    QElapsedTimer m_roundClock;
    qint64 m_lastRoundMs = 0;
    int m_lastRoundRequests = 0;
    int m_roundRequests = 0;
    int m_rounds = 0;
    bool m_roundDue = false; // the beat came while a round still ran
};

} // namespace NeoCloud
