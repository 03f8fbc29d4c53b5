#pragma once
// Discovery scans as jobs: validates the targets, crawls BMCs in parallel (up to `concurrency`
// at once), reconciles what it found with the stored inventory, and reports progress, per-target
// errors, the differences, and events. A scan a killed process left running is marked failed on
// the next start, never left "running" forever.

#include "Reconciler.h"
#include "core/Result.h"
#include "domain/Activity.h"
#include "redfish/RedfishCrawler.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace NeoCloud {

class AuditLog;
class BmcTrustRepository;
class EventLog;
class InventoryService;
class JobRepository;

// What the demo lab offers a `{"kind": "lab"}` target (implemented by LabService).
class LabEndpoints
{
public:
    virtual ~LabEndpoints() = default;
    virtual QList<RedfishEndpoint> endpoints() const = 0;
    virtual QString siteName() const = 0;
};

struct DiscoveryConfig
{
    CrawlOptions crawl;
    int maxTargets = 65536;
};

class DiscoveryService : public QObject
{
    Q_OBJECT
public:
    DiscoveryService(JobRepository &jobs, Reconciler &reconciler, InventoryService &inventory, EventLog &events,
                     AuditLog &audit, BmcTrustRepository &trust, DiscoveryConfig config, QObject *parent = nullptr);
    ~DiscoveryService() override;

    void setLab(LabEndpoints *lab) { m_lab = lab; }

    // Body as in the API: {"targets": [...], "concurrency": 64, "site": "..."}.
    Result<Job> startScan(const QJsonObject &body, const QString &user);
    Result<Job> scan(const QString &id) const;
    Result<Job> cancelScan(const QString &id, const QString &user);

    bool isScanning() const { return !m_running.isEmpty(); }

    // Marks scans a previous process left unfinished as failed; returns how many.
    int failInterruptedScans();

Q_SIGNALS:
    void scanUpdated(const NeoCloud::Job &job);
    void scanFinished(const NeoCloud::Job &job);

private:
    struct Running;
    void pump(Running &run);
    void crawlFinished(Running &run, RedfishCrawler *crawler, const QString &url);
    void finish(Running &run);
    void persist(Running &run, bool force);
    void announce(const Running &run, const ReconcileSummary &summary);
    // Trust on first use: pins a BMC's first certificate; a different one later is refused.
    std::optional<QString> checkCertificate(const QString &url, const QString &sha256);

    JobRepository &m_jobs;
    Reconciler &m_reconciler;
    InventoryService &m_inventory;
    EventLog &m_events;
    AuditLog &m_audit;
    BmcTrustRepository &m_trust;
    DiscoveryConfig m_config;
    LabEndpoints *m_lab = nullptr;
    QNetworkAccessManager m_network;
    // Connections opened with certificate checks off are never reused for a BMC that asked for
    // them on: QNAM's connection cache does not tell the two apart.
    QNetworkAccessManager m_unverifiedNetwork;
    QHash<QString, std::shared_ptr<Running>> m_running;
};

} // namespace NeoCloud
