#pragma once
// On-site commissioning: imports site plans, runs them against the site as discovery finds it
// (the demo lab when the plan is the lab's site, else the plan's BMC addresses, plus any LLDP
// data given), keeps each run's findings and what changed since the one before, takes waivers,
// and issues handover reports whose data is stored so they can be reproduced and verified.
// Runs are jobs: 202 at the start, polled until they end.

#include "Findings.h"
#include "HandoverReport.h"
#include "PlanReaders.h"
#include "core/Result.h"
#include "store/CommissioningRepository.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace NeoCloud {

class AuditLog;
class DiscoveryService;
class EventLog;
class InventoryRepository;
class JobRepository;
class LabService;
class ReportRenderer;

struct RunView
{
    Job job;
    RunRecord run;
    QList<Finding> findings;
};

struct IssuedReport
{
    ReportRecord record;
    QString html;
};

class CommissioningService : public QObject
{
    Q_OBJECT
public:
    CommissioningService(CommissioningRepository &repository, JobRepository &jobs, DiscoveryService &discovery,
                         const InventoryRepository &inventory, LabService *lab, AuditLog &audit, EventLog &events,
                         std::shared_ptr<ReportRenderer> renderer, QObject *parent = nullptr);
    ~CommissioningService() override;

    // Reads, validates and stores a plan in one transaction. On refusal the error is
    // Unprocessable and `issues` holds every problem found, by file, line and column.
    Result<PlanSummary> importPlan(const PlanUpload &upload, const QString &user, QList<PlanIssue> &issues);
    Result<QList<PlanSummary>> plans() const { return m_repository.plans(); }
    Result<SitePlan> plan(const QString &id) const { return m_repository.plan(id); }

    // Body {"planId", "credentials"?: {"username", "password"}, "lldp"?: [{"device", "data"}]}.
    Result<Job> startRun(const QJsonObject &body, const QString &user);
    Result<RunView> run(const QString &id) const;
    Result<QList<RunView>> runs(const QString &planId) const; // newest first, without findings
    Result<Finding> waive(const QString &runId, const QString &findingId, const QString &reason, const QString &user);
    Result<Finding> unwaive(const QString &runId, const QString &findingId, const QString &user);

    // A new report of the run, stored with its data; `signOff.engineer` defaults to the user. The
    // run's newest report instead when its data differs only in the time it was generated.
    Result<IssuedReport> issueReport(const QString &runId, SignOff signOff, const QString &user);
    Result<ReportRecord> report(const QString &id) const { return m_repository.report(id); }
    // The report's HTML made again from its stored data, and whether the data still has its hash.
    Result<IssuedReport> reproduce(const QString &reportId) const;
    bool verify(const ReportRecord &record) const;
    // The report with this content SHA-256, or whose HTML has this SHA-256.
    Result<std::optional<ReportRecord>> findReport(const QString &sha256) const { return m_repository.reportBySha(sha256); }
    Result<QByteArray> pdf(const IssuedReport &report) const;

    Result<QJsonObject> exportSite(const QString &site, const QString &format) const;
    Result<QJsonObject> labPlan() const; // the demo lab's design as a plan

    // Marks runs a previous process left unfinished as failed; returns how many.
    int failInterruptedRuns();

Q_SIGNALS:
    void runFinished(const NeoCloud::Job &job);

private:
    void scanUpdated(const Job &scan);
    void scanFinished(const Job &scan);
    void complete(const QString &runId, const Job &scan);
    void fail(Job job, const QString &message);
    Result<std::pair<RunRecord, Finding>> waivable(const QString &runId, const QString &findingId) const;

    CommissioningRepository &m_repository;
    JobRepository &m_jobs;
    DiscoveryService &m_discovery;
    const InventoryRepository &m_inventory;
    LabService *m_lab;
    AuditLog &m_audit;
    EventLog &m_events;
    std::shared_ptr<ReportRenderer> m_renderer;
    QHash<QString, QString> m_runOfScan;       // scan id -> run id
    QHash<QString, QStringList> m_scannedUrls; // run id -> BMC URLs its scan asked
};

} // namespace NeoCloud
