#include "StatusPoller.h"

#include <QLoggingCategory>
#include <utility>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcPoll, "neocloud.health.poll")

StatusPoller::StatusPoller(PollOptions options, CredentialLookup credentials, VmsConnection vms,
                           QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_credentials(std::move(credentials))
    , m_vms(std::move(vms))
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_timer.setInterval(qMax(100, m_options.intervalMs));
    connect(&m_timer, &QTimer::timeout, this, &StatusPoller::beginRound);
    connect(&m_vms, &VmsHealthReader::finished, this, [this] {
        m_vmsPending = false;
        finishIfDone();
    });
}

StatusPoller::~StatusPoller()
{
    stop();
    // Readers hold replies of m_network, which goes before QObject deletes children.
    qDeleteAll(m_readers);
    m_readers.clear();
}

void StatusPoller::setTargets(const QList<PollTarget> &targets)
{
    QHash<QString, QString> wanted;
    for (const PollTarget &t : targets)
        if (!t.bmcUrl.isEmpty())
            wanted.insert(t.deviceId, t.bmcUrl);
    for (auto it = m_readers.begin(); it != m_readers.end();) {
        const bool keep = wanted.value(it.key()) == it.value()->endpoint().baseUrl.toString();
        if (keep) {
            ++it;
            continue;
        }
        BmcStatusReader *reader = it.value();
        if (m_deviceOf.contains(reader) && m_inRound) {
            // It may be reading now: its answer is dropped with it.
            --m_active;
        }
        m_deviceOf.remove(reader);
        reader->disconnect(this);
        reader->cancel();
        reader->deleteLater();
        it = m_readers.erase(it);
    }
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        if (m_readers.contains(it.key()))
            continue;
        RedfishEndpoint endpoint;
        endpoint.baseUrl = QUrl(it.value());
        auto *reader = new BmcStatusReader(m_network, endpoint, QString(), m_options.read, this);
        connect(reader, &BmcStatusReader::finished, this,
                [this, reader] { readerFinished(reader); });
        m_readers.insert(it.key(), reader);
    }
    m_targets = targets;
    m_queue.removeIf([this](const QString &id) { return !m_readers.contains(id); });
    m_active = qMax(0, m_active);
    finishIfDone();
}

void StatusPoller::start()
{
    m_timer.start();
    beginRound();
}

void StatusPoller::stop()
{
    m_timer.stop();
    for (BmcStatusReader *reader : std::as_const(m_readers))
        reader->cancel();
    m_inRound = false;
    m_queue.clear();
    m_active = 0;
    m_deviceOf.clear();
}

void StatusPoller::beginRound()
{
    if (m_inRound) {
        m_roundDue = true; // a slow round: the next one starts as soon as it ends
        return;
    }
    m_inRound = true;
    m_roundDue = false;
    m_results.clear();
    m_roundRequests = 0;
    m_queue = m_readers.keys();
    m_queue.sort();
    m_roundClock.start();
    m_vmsBefore = m_vms.view();
    m_vmsPending = m_vms.configured();
    if (m_vmsPending)
        m_vms.read();
    pump();
    finishIfDone();
}

void StatusPoller::pump()
{
    while (m_active < m_options.concurrency && !m_queue.isEmpty()) {
        const QString id = m_queue.takeFirst();
        BmcStatusReader *reader = m_readers.value(id);
        if (!reader)
            continue;
        QString pin;
        const RedfishEndpoint stored = m_credentials(reader->endpoint().baseUrl.toString(), &pin);
        reader->setCredentials(stored.username, stored.password, pin);
        m_deviceOf.insert(reader, id);
        ++m_active;
        reader->read();
    }
}

void StatusPoller::readerFinished(BmcStatusReader *reader)
{
    const QString id = m_deviceOf.take(reader);
    if (id.isEmpty())
        return; // not part of this round
    --m_active;
    m_roundRequests += reader->requests();
    m_results.append({ id, reader->succeeded(), reader->problem(), reader->tree() });
    pump();
    finishIfDone();
}

void StatusPoller::finishIfDone()
{
    if (!m_inRound || m_active > 0 || !m_queue.isEmpty() || m_vmsPending)
        return;
    m_inRound = false;
    m_lastRoundRequests = m_roundRequests;
    m_lastRoundMs = m_roundClock.elapsed();
    ++m_rounds;
    qCDebug(lcPoll, "round %d: %d BMCs, %d requests, %lld ms", m_rounds, int(m_results.size()),
            m_lastRoundRequests, m_lastRoundMs);
    const bool vmsChanged = m_vms.view() != m_vmsBefore;
    const QList<PolledBmc> results = std::exchange(m_results, {});
    Q_EMIT roundFinished(results, vmsChanged);
    if (m_roundDue && m_timer.isActive())
        QTimer::singleShot(0, this, &StatusPoller::beginRound);
}

} // namespace NeoCloud
