#include "DiscoveryService.h"

#include "CertificatePin.h"

#include "api/JsonKeys.h"
#include "ScanTargets.h"
#include "activity/AuditLog.h"
#include "activity/EventLog.h"
#include "core/Ids.h"
#include "core/Time.h"
#include "domain/Enums.h"
#include "inventory/InventoryService.h"
#include "store/BmcTrustRepository.h"
#include "store/JobRepository.h"

#include <QJsonArray>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QLoggingCategory>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcDiscovery, "neocloud.discovery")

namespace {

const QString scanKind = QStringLiteral("discovery-scan");
constexpr int maxChangesKept = 500;

QJsonObject foundJson(const ReconcileSummary &s)
{
    return {{Key::added, s.added},
            {Key::changed, s.changed},
            {Key::unchanged, s.unchanged},
            {Key::unreachable, s.unreachable},
            {Key::gone, s.gone}};
}

QString describe(const QList<FieldChange> &fields)
{
    QStringList parts;
    for (const FieldChange &f : fields)
        parts << QStringLiteral("%1 %2 → %3").arg(f.field, f.before.isEmpty() ? QStringLiteral("(none)") : f.before,
                                                   f.after.isEmpty() ? QStringLiteral("(none)") : f.after);
    return parts.join(QLatin1String("; "));
}

} // namespace

struct DiscoveryService::Running
{
    Job job;
    ScanPlan plan;
    QSet<QString> typedCredentials; // URLs whose password came with the request: stored on success
    QHash<QString, RedfishEndpoint> endpoints;
    qsizetype next = 0;
    QHash<RedfishCrawler *, QString> active;
    QList<TargetOutcome> outcomes;
    QJsonArray errors;
    QStringList warnings;
    bool cancelled = false;
    bool flushPending = false;
    QElapsedTimer sincePersist;
    QElapsedTimer clock;
};

DiscoveryService::DiscoveryService(JobRepository &jobs, Reconciler &reconciler, InventoryService &inventory,
                                   EventLog &events, AuditLog &audit, BmcTrustRepository &trust, DiscoveryConfig config,
                                   QObject *parent)
    : QObject(parent)
    , m_jobs(jobs)
    , m_reconciler(reconciler)
    , m_inventory(inventory)
    , m_events(events)
    , m_audit(audit)
    , m_trust(trust)
    , m_config(config)
{
    // BMCs are many hosts with a few connections each; QNAM's own cache of idle connections is
    // per host, so no tuning is needed beyond not following redirects to other hosts.
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_unverifiedNetwork.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

DiscoveryService::~DiscoveryService()
{
    // Crawlers hold replies of m_network, which dies before QObject deletes our children:
    // delete running crawlers first, while their replies still exist.
    for (const auto &run : std::as_const(m_running)) {
        const QList<RedfishCrawler *> crawlers = run->active.keys();
        run->active.clear();
        for (RedfishCrawler *crawler : crawlers) {
            crawler->disconnect(this);
            delete crawler;
        }
    }
    m_running.clear();
}

int DiscoveryService::failInterruptedScans()
{
    const auto unfinished = m_jobs.unfinished();
    if (!unfinished)
        return 0;
    int count = 0;
    for (Job job : *unfinished) {
        if (job.kind != scanKind)
            continue;
        job.state = JobState::Failed;
        job.finishedAt = nowIso();
        QJsonArray errors = job.result.value(Key::errors).toArray();
        errors.append(QJsonObject{{Key::target, QStringLiteral("*")},
                                  {Key::message, QStringLiteral("The process stopped while this scan ran; nothing it found was applied. Run it again.")}});
        job.result.insert(Key::errors, errors);
        if (m_jobs.update(job))
            ++count;
        m_events.record(Severity::Warning, QStringLiteral("discovery"),
                        QStringLiteral("Scan %1 was interrupted by a restart and marked failed.").arg(job.id));
    }
    return count;
}

Result<Job> DiscoveryService::startScan(const QJsonObject &body, const QString &user)
{
    Result<ScanPlan> plan = planScan(body, m_lab, m_config.maxTargets);
    if (!plan) {
        m_audit.record(user, QStringLiteral("discovery.scan"), QString(), Status(plan.error()));
        return plan.error();
    }
    auto run = std::make_shared<Running>();
    run->plan = std::move(plan).value();
    // A rescan may leave the password out: the one stored at the last successful scan is used.
    for (RedfishEndpoint &e : run->plan.bmcs) {
        if (!e.password.isEmpty()) {
            run->typedCredentials.insert(e.baseUrl.toString());
        } else if (const auto stored = m_trust.credentials(e.baseUrl.toString()); stored && *stored) {
            if (e.username.isEmpty() || e.username == (*stored)->username) {
                e.username = (*stored)->username;
                e.password = (*stored)->password;
            }
        }
        run->endpoints.insert(e.baseUrl.toString(), e);
    }
    Job &job = run->job;
    job.id = newId(QLatin1String("scan"));
    job.kind = scanKind;
    job.state = JobState::Running;
    job.progressTotal = int(run->plan.bmcs.size() + (run->plan.lldp.isEmpty() ? 0 : 1));
    job.payload = run->plan.payload;
    job.createdAt = nowIso();
    job.startedAt = job.createdAt;
    job.result = {{Key::found, foundJson({})}, {Key::errors, QJsonArray()}};
    if (Status s = m_jobs.insert(job); !s)
        return s.error();
    m_audit.record(user, QStringLiteral("discovery.scan"), job.id, success(),
                   {{Key::bmcs, int(run->plan.bmcs.size())}, {Key::site, run->plan.site}});
    qCInfo(lcDiscovery, "scan %s: %d BMCs, concurrency %d", qPrintable(job.id), int(run->plan.bmcs.size()),
           run->plan.concurrency);
    run->clock.start();
    run->sincePersist.start();
    m_running.insert(job.id, run);
    // Start on the next turn of the event loop so the caller's 202 leaves first.
    QMetaObject::invokeMethod(this, [this, id = job.id] {
        if (auto r = m_running.value(id))
            pump(*r);
    }, Qt::QueuedConnection);
    return job;
}

Result<Job> DiscoveryService::scan(const QString &id) const
{
    if (const auto run = m_running.value(id))
        return run->job;
    Result<Job> job = m_jobs.get(id);
    if (job && job->kind != scanKind)
        return Error::notFound(QStringLiteral("scan"), id);
    if (!job && job.error().kind == ErrorKind::NotFound)
        return Error::notFound(QStringLiteral("scan"), id);
    return job;
}

Result<Job> DiscoveryService::cancelScan(const QString &id, const QString &user)
{
    const auto run = m_running.value(id);
    if (!run) {
        const Result<Job> done = scan(id);
        if (!done)
            return done.error();
        return Error::conflict(QStringLiteral("job_finished"),
                               QStringLiteral("Scan %1 already ended as %2.").arg(id, toString(done->state)));
    }
    run->cancelled = true;
    for (RedfishCrawler *crawler : run->active.keys())
        crawler->cancel();
    m_audit.record(user, QStringLiteral("discovery.cancel"), id, success());
    return run->job;
}

void DiscoveryService::pump(Running &run)
{
    while (!run.cancelled && run.active.size() < run.plan.concurrency && run.next < run.plan.bmcs.size()) {
        RedfishEndpoint endpoint = run.plan.bmcs.at(run.next++);
        if (endpoint.baseUrl.scheme() == QLatin1String("https"))
            if (const auto pinned = m_trust.pinnedCertificate(pinKey(endpoint.baseUrl)); pinned && *pinned)
                endpoint.pinnedSha256 = **pinned;
        auto *crawler = new RedfishCrawler(endpoint.verifyTls ? m_network : m_unverifiedNetwork, endpoint, m_config.crawl, this);
        const QString url = endpoint.baseUrl.toString();
        run.active.insert(crawler, url);
        const QString id = run.job.id;
        connect(crawler, &RedfishCrawler::finished, this, [this, id, crawler, url] {
            if (auto r = m_running.value(id))
                crawlFinished(*r, crawler, url);
        });
        crawler->start();
    }
    if (run.active.isEmpty() && (run.cancelled || run.next >= run.plan.bmcs.size()))
        finish(run);
}

void DiscoveryService::crawlFinished(Running &run, RedfishCrawler *crawler, const QString &url)
{
    run.active.remove(crawler);
    const CrawlResult &result = crawler->result();
    TargetOutcome outcome;
    outcome.bmcUrl = url;
    // A handshake broken off for a certificate other than the pinned one is refused as a changed
    // certificate is after a crawl: reported, raised as an alert, nothing applied.
    const bool certificateRefused = result.error && result.error->code == QLatin1String("bmc_certificate_changed");
    if (result.error && !certificateRefused) {
        outcome.unreachable = result.unreachable;
        if (!result.unreachable && result.error->code != QLatin1String("cancelled"))
            run.errors.append(QJsonObject{{Key::target, url}, {Key::message, result.error->message}});
    } else if (const auto refused = certificateRefused
                   ? std::optional(checkCertificate(url, result.certificateSha256).value_or(result.error->message))
                   : checkCertificate(url, result.certificateSha256)) {
        // The data may come from an impostor: none of it is applied.
        run.errors.append(QJsonObject{{Key::target, url}, {Key::message, *refused}});
        m_events.raiseAlert(Severity::Critical, QStringLiteral("discovery"), *refused);
    } else {
        if (run.typedCredentials.contains(url)) {
            const RedfishEndpoint e = run.endpoints.value(url);
            if (Status s = m_trust.saveCredentials(url, {e.username, e.password}); !s)
                run.warnings << url + QStringLiteral(": could not store its credentials: ") + s.error().message;
        }
        outcome.device = inventoryFromTree(result.tree);
        for (const QString &w : result.warnings + outcome.device->warnings)
            if (run.warnings.size() < 200)
                run.warnings << url + QStringLiteral(": ") + w;
    }
    run.outcomes << outcome;
    ++run.job.progressDone;
    crawler->deleteLater();
    persist(run, false);
    pump(run);
}

void DiscoveryService::finish(Running &run)
{
    const QString id = run.job.id;
    Job &job = run.job;
    ReconcileSummary summary;
    const qint64 crawlMs = run.clock.elapsed();
    if (run.cancelled) {
        job.state = JobState::Cancelled;
    } else {
        const auto applied = m_reconciler.apply(run.plan.site, run.outcomes, run.plan.lldp);
        if (!applied) {
            job.state = JobState::Failed;
            run.errors.append(QJsonObject{{Key::target, QStringLiteral("*")},
                                          {Key::message, QString(QStringLiteral("Could not store the results: ") + applied.error().message)}});
        } else {
            summary = *applied;
            if (!run.plan.lldp.isEmpty())
                ++job.progressDone;
            const int reached = int(std::count_if(run.outcomes.begin(), run.outcomes.end(),
                                                  [](const TargetOutcome &o) { return o.device.has_value(); }));
            const bool anyTarget = !run.plan.bmcs.isEmpty();
            if (run.errors.isEmpty())
                job.state = JobState::Succeeded;
            else if (reached > 0 || !anyTarget)
                job.state = JobState::Partial;
            else
                job.state = JobState::Failed;
        }
    }
    job.finishedAt = nowIso();
    QJsonArray changes;
    for (const DeviceChange &c : std::as_const(summary.changes)) {
        if (changes.size() >= maxChangesKept)
            break;
        QJsonArray fields;
        for (const FieldChange &f : c.fields)
            fields.append(QJsonObject{{Key::field, f.field}, {Key::before, f.before}, {Key::after, f.after}});
        changes.append(QJsonObject{{Key::device, c.deviceId}, {Key::name, c.deviceName},
                                   {Key::change, toString(c.kind)}, {Key::fields, fields}});
    }
    job.result.insert(Key::found, foundJson(summary));
    job.result.insert(Key::errors, run.errors);
    job.result.insert(Key::warnings, QJsonArray::fromStringList(run.warnings + summary.warnings));
    job.result.insert(Key::changes, changes);
    job.result.insert(Key::links, summary.links);
    job.result.insert(Key::site, summary.siteId);
    job.result.insert(Key::durationMs, double(run.clock.elapsed()));
    persist(run, true);
    qCInfo(lcDiscovery, "scan %s %s in %lld ms (crawl %lld ms): +%d ~%d =%d unreachable %d gone %d, %d errors", qPrintable(id),
           qPrintable(toString(job.state)), run.clock.elapsed(), crawlMs, summary.added, summary.changed, summary.unchanged,
           summary.unreachable, summary.gone, int(run.errors.size()));
    if (job.state != JobState::Cancelled && job.state != JobState::Failed)
        announce(run, summary);
    else if (job.state == JobState::Failed)
        m_events.record(Severity::Warning, QStringLiteral("discovery"),
                        QStringLiteral("Scan %1 failed: %2 target(s) answered with errors.").arg(id).arg(run.errors.size()));
    const Job finished = job;
    m_running.remove(id); // destroys run
    if (summary.added + summary.changed + summary.gone + summary.unreachable > 0 || summary.links > 0)
        m_inventory.announceChange();
    Q_EMIT scanFinished(finished);
}

std::optional<QString> DiscoveryService::checkCertificate(const QString &url, const QString &sha256)
{
    if (sha256.isEmpty())
        return std::nullopt; // plain HTTP: nothing to pin
    const QString hostPort = pinKey(QUrl(url));
    const auto pinned = m_trust.pinnedCertificate(hostPort);
    if (!pinned)
        return QStringLiteral("%1: cannot check its certificate: %2").arg(url, pinned.error().message);
    const CertificateDecision decision = decideCertificate(*pinned, sha256);
    if (decision == CertificateDecision::Ask) { // discovery's first use pins without asking
        if (Status s = m_trust.pinCertificate(hostPort, sha256); !s)
            return QStringLiteral("%1: cannot pin its certificate: %2").arg(url, s.error().message);
        m_events.record(Severity::Info, QStringLiteral("discovery"),
                        QStringLiteral("Pinned the certificate of %1 (SHA-256 %2).").arg(hostPort, sha256));
        return std::nullopt;
    }
    if (decision == CertificateDecision::Refuse)
        return QStringLiteral("The certificate of %1 changed (pinned SHA-256 %2, now %3); its answers were not used. "
                              "If the BMC's certificate was replaced on purpose, remove the pin.")
            .arg(hostPort, pinned->value_or(QStringLiteral("none")), sha256);
    return std::nullopt;
}

void DiscoveryService::persist(Running &run, bool force)
{
    // At most four writes a second; a held-back update is sent when the quarter second is up,
    // so progress never looks stuck while one slow BMC holds the scan open.
    if (!force && run.sincePersist.elapsed() < 250) {
        if (!run.flushPending) {
            run.flushPending = true;
            QTimer::singleShot(250 - int(run.sincePersist.elapsed()), this, [this, id = run.job.id] {
                if (auto r = m_running.value(id)) {
                    r->flushPending = false;
                    persist(*r, true);
                }
            });
        }
        return;
    }
    run.sincePersist.restart();
    if (Status s = m_jobs.update(run.job); !s)
        qCWarning(lcDiscovery, "could not save progress of %s: %s", qPrintable(run.job.id), qPrintable(s.error().message));
    Q_EMIT scanUpdated(run.job);
}

void DiscoveryService::announce(const Running &run, const ReconcileSummary &summary)
{
    const QList<DeviceChange> &changes = summary.changes;
    const qsizetype added = std::count_if(changes.begin(), changes.end(), [](const DeviceChange &c) { return c.kind == DeviceChange::Kind::Added; });
    if (added > 10)
        m_events.record(Severity::Info, QStringLiteral("discovery"),
                        QStringLiteral("Discovered %1 new devices at site %2.").arg(added).arg(run.plan.site));
    for (const DeviceChange &c : changes) {
        switch (c.kind) {
        case DeviceChange::Kind::Added:
            if (added <= 10)
                m_events.record(Severity::Info, QStringLiteral("discovery"), QStringLiteral("New device %1 discovered.").arg(c.deviceName), {}, c.deviceId);
            break;
        case DeviceChange::Kind::Changed: {
            const Severity severity = c.health == Health::Critical ? Severity::Critical
                : c.health == Health::Warning                     ? Severity::Warning
                                                                  : Severity::Info;
            m_events.record(severity, QStringLiteral("discovery"),
                            QStringLiteral("%1 changed: %2.").arg(c.deviceName, describe(c.fields)), {}, c.deviceId);
            break;
        }
        case DeviceChange::Kind::Gone:
            m_events.record(Severity::Warning, QStringLiteral("discovery"),
                            QStringLiteral("%1 is gone: its BMC now reports other hardware (%2).").arg(c.deviceName, describe(c.fields)));
            break;
        case DeviceChange::Kind::Unreachable:
            m_events.record(Severity::Warning, QStringLiteral("discovery"),
                            QStringLiteral("The BMC of %1 is unreachable.").arg(c.deviceName), {}, c.deviceId);
            break;
        case DeviceChange::Kind::Recovered:
            m_events.record(Severity::Info, QStringLiteral("discovery"),
                            QStringLiteral("The BMC of %1 answers again.").arg(c.deviceName), {}, c.deviceId);
            break;
        }
    }
    for (const QJsonValue &e : run.errors)
        m_events.record(Severity::Warning, QStringLiteral("discovery"),
                        e[QLatin1String("message")].toString());
}

} // namespace NeoCloud
