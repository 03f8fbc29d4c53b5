#pragma once
// Stores commissioning plans (as rows: racks, devices, links), runs, their findings, waivers
// and reports. A plan is written in one transaction: all of it or nothing.

#include "commissioning/Findings.h"
#include "commissioning/SitePlan.h"
#include "core/Result.h"

#include <QHash>

namespace NeoCloud {

class Database;

struct PlanSummary
{
    SitePlan plan; // without racks, devices and links
    int racks = 0;
    int devices = 0;
    int links = 0;
};

class CommissioningRepository
{
public:
    explicit CommissioningRepository(Database &database) : m_db(database) { }

    Status insertPlan(const SitePlan &plan);
    Result<SitePlan> plan(const QString &id) const;
    Result<QList<PlanSummary>> plans() const;
    Result<PlanSummary> planSummary(const QString &id) const;

    Status insertRun(const RunRecord &run);
    Result<RunRecord> run(const QString &id) const;
    Result<QList<RunRecord>> runs(const QString &planId) const; // newest first; all plans when empty
    // The newest run of the plan other than `exceptId` that has findings.
    Result<std::optional<RunRecord>> latestCompletedRun(const QString &planId, const QString &exceptId) const;
    // Findings and the run's snapshot and changes, in one transaction.
    Status completeRun(const RunRecord &run, const QList<Finding> &findings);
    Result<QList<Finding>> findings(const QString &runId) const;
    Status updateFinding(const QString &runId, const Finding &finding);

    Result<QHash<QString, Waiver>> waivers(const QString &planId) const;
    Status putWaiver(const QString &planId, const QString &key, const Waiver &waiver);
    Status removeWaiver(const QString &planId, const QString &key);

    Status insertReport(const ReportRecord &report);
    Result<ReportRecord> report(const QString &id) const;
    Result<std::optional<ReportRecord>> reportBySha(const QString &sha256) const; // content or HTML hash
    Result<std::optional<ReportRecord>> latestReport(const QString &runId) const;

    Database &database() { return m_db; }

private:
    Database &m_db;
};

} // namespace NeoCloud
