#include "CommissioningService.h"

#include "AsBuilt.h"
#include "HandoverReport.h"
#include "ReportRenderer.h"
#include "SiteComparison.h"
#include "SiteExport.h"
#include "activity/AuditLog.h"
#include "activity/EventLog.h"
#include "api/JsonKeys.h"
#include "core/Ids.h"
#include "core/JsonInput.h"
#include "core/Time.h"
#include "discovery/DiscoveryService.h"
#include "domain/Enums.h"
#include "lab/LabService.h"
#include "store/Database.h"
#include "store/InventoryRepository.h"
#include "store/JobRepository.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>
#include <QUrl>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcCommissioning, "neocloud.commissioning")

namespace {

const QString runKind = QStringLiteral("commissioning-run");

QString normalisedUrl(const QString &text)
{
    return QUrl(text, QUrl::StrictMode).adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Error unprocessable(const QString &code, const QString &message, const QString &field = {})
{
    return Error{ErrorKind::Unprocessable, code, message, field};
}

} // namespace

CommissioningService::CommissioningService(CommissioningRepository &repository, JobRepository &jobs, DiscoveryService &discovery,
                                           const InventoryRepository &inventory, LabService *lab, AuditLog &audit, EventLog &events,
                                           std::shared_ptr<ReportRenderer> renderer, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_jobs(jobs)
    , m_discovery(discovery)
    , m_inventory(inventory)
    , m_lab(lab)
    , m_audit(audit)
    , m_events(events)
    , m_renderer(std::move(renderer))
{
    connect(&m_discovery, &DiscoveryService::scanUpdated, this, &CommissioningService::scanUpdated);
    connect(&m_discovery, &DiscoveryService::scanFinished, this, &CommissioningService::scanFinished);
}

CommissioningService::~CommissioningService() = default;

Result<PlanSummary> CommissioningService::importPlan(const PlanUpload &upload, const QString &user, QList<PlanIssue> &issues)
{
    PlanRead read = readPlan(upload);
    for (PlanDevice &d : read.plan.devices)
        if (isBmcUrl(d.bmcUrl))
            d.bmcUrl = normalisedUrl(d.bmcUrl);
    issues = read.issues + validatePlan(read.plan);
    const QJsonObject detail{{Key::format, toString(upload.format)}, {Key::site, read.plan.site}};
    if (!issues.isEmpty()) {
        const Error error = unprocessable(QStringLiteral("invalid_plan"),
                                          QStringLiteral("The plan has %1 problem(s); nothing was imported.").arg(issues.size()));
        m_audit.record(user, QStringLiteral("commissioning.plan.import"), QString(), Status(error), detail);
        return error;
    }
    SitePlan plan = std::move(read.plan);
    plan.id = newId(QLatin1String("plan"));
    plan.createdAt = nowIso();
    plan.createdBy = user;
    plan.sha256 = documentSha256(planDocument(plan));
    const Status stored = m_repository.insertPlan(plan);
    m_audit.record(user, QStringLiteral("commissioning.plan.import"), plan.id, stored, detail);
    if (!stored)
        return stored.error();
    return PlanSummary{plan, int(plan.racks.size()), int(plan.devices.size()), int(plan.links.size())};
}

Result<Job> CommissioningService::startRun(const QJsonObject &body, const QString &user)
{
    if (Status s = rejectUnknownKeys(body, {Key::planId, Key::credentials, Key::lldp}); !s)
        return s.error();
    const QJsonValue planId = body.value(Key::planId);
    if (!planId.isString() || planId.toString().isEmpty())
        return Error::badInput(QStringLiteral("missing_field"), QStringLiteral("planId is required."), Key::planId);
    const auto plan = m_repository.plan(planId.toString());
    if (!plan)
        return plan.error();
    for (auto it = m_runOfScan.begin(); it != m_runOfScan.end(); ++it)
        if (const auto r = m_repository.run(it.value()); r && r->planId == plan->id)
            return Error::conflict(QStringLiteral("run_in_progress"), QStringLiteral("Run %1 of this plan is still running.").arg(r->id));

    // What to scan: the lab when the plan describes its site, else the plan's BMC addresses.
    QJsonArray targets;
    QStringList urls;
    const QJsonObject credentials = body.value(Key::credentials).toObject();
    if (Status s = rejectUnknownKeys(credentials, {Key::username, Key::password}, Key::credentials); !s)
        return s.error();
    if (m_lab && m_lab->siteName() == plan->site) {
        targets.append(QJsonObject{{Key::kind, QStringLiteral("lab")}});
        for (const RedfishEndpoint &e : m_lab->endpoints())
            urls << e.baseUrl.toString();
    } else {
        for (const PlanDevice &d : plan->devices) {
            if (d.bmcUrl.isEmpty())
                continue;
            QJsonObject target{{Key::kind, QStringLiteral("redfish")}, {Key::url, d.bmcUrl}};
            for (auto it = credentials.begin(); it != credentials.end(); ++it)
                target.insert(it.key(), it.value());
            targets.append(target);
            urls << normalisedUrl(d.bmcUrl);
        }
    }
    const qsizetype bmcTargets = targets.size();
    const QJsonValue lldp = body.value(Key::lldp);
    if (!lldp.isUndefined() && !lldp.isArray())
        return Error::badInput(QStringLiteral("wrong_type"), QStringLiteral("lldp must be a list of {device, data}."), Key::lldp);
    for (const QJsonValue &l : lldp.toArray()) {
        QJsonObject target = l.toObject();
        target.insert(Key::kind, QStringLiteral("lldp-json"));
        targets.append(target);
    }
    if (targets.isEmpty())
        return unprocessable(QStringLiteral("nothing_to_scan"),
                             QStringLiteral("The plan gives no BMC address and its site is not the demo lab's: nothing to discover."),
                             Key::planId);

    const auto scan = m_discovery.startScan(QJsonObject{{Key::targets, targets}, {Key::site, plan->site}}, user);
    if (!scan) {
        Error e = scan.error();
        // A refused LLDP target is named as the caller sent it.
        if (e.field.startsWith(QLatin1String("targets["))) {
            const int index = e.field.mid(8).section(QLatin1Char(']'), 0, 0).toInt();
            if (index >= bmcTargets)
                e.field = QStringLiteral("lldp[%1]").arg(index - bmcTargets) + e.field.section(QLatin1Char(']'), 1);
        }
        return e;
    }
    Job job;
    job.id = newId(QLatin1String("run"));
    job.kind = runKind;
    job.state = JobState::Running;
    job.progressTotal = scan->progressTotal + 1;
    job.payload = QJsonObject{{Key::planId, plan->id}, {Key::site, plan->site}, {Key::scanId, scan->id}};
    job.createdAt = nowIso();
    job.startedAt = job.createdAt;
    RunRecord record;
    record.id = job.id;
    record.planId = plan->id;
    record.scanId = scan->id;
    record.site = plan->site;
    record.createdAt = job.createdAt;
    record.createdBy = user;
    if (const auto previous = m_repository.latestCompletedRun(plan->id, job.id); previous && *previous)
        record.previousRunId = (*previous)->id;
    if (Status s = m_jobs.insert(job); !s)
        return s.error();
    if (Status s = m_repository.insertRun(record); !s)
        return s.error();
    m_runOfScan.insert(scan->id, job.id);
    m_scannedUrls.insert(job.id, urls);
    m_audit.record(user, QStringLiteral("commissioning.run"), job.id, success(), {{Key::planId, plan->id}, {Key::scanId, scan->id}});
    qCInfo(lcCommissioning, "run %s of plan %s: scan %s", qPrintable(job.id), qPrintable(plan->id), qPrintable(scan->id));
    return job;
}

void CommissioningService::scanUpdated(const Job &scan)
{
    const QString runId = m_runOfScan.value(scan.id);
    if (runId.isEmpty())
        return;
    auto job = m_jobs.get(runId);
    if (!job)
        return;
    Job updated = *job;
    updated.progressDone = scan.progressDone;
    updated.progressTotal = scan.progressTotal + 1;
    m_jobs.update(updated);
}

void CommissioningService::scanFinished(const Job &scan)
{
    const QString runId = m_runOfScan.take(scan.id);
    if (!runId.isEmpty())
        complete(runId, scan);
}

void CommissioningService::fail(Job job, const QString &message)
{
    job.state = JobState::Failed;
    job.finishedAt = nowIso();
    job.result.insert(Key::error, message);
    m_jobs.update(job);
    m_events.record(Severity::Warning, QStringLiteral("commissioning"), QStringLiteral("Commissioning run %1 failed: %2").arg(job.id, message));
    Q_EMIT runFinished(job);
}

void CommissioningService::complete(const QString &runId, const Job &scan)
{
    const QStringList urls = m_scannedUrls.take(runId);
    auto job = m_jobs.get(runId);
    if (!job)
        return;
    auto record = m_repository.run(runId);
    const auto plan = record ? m_repository.plan(record->planId) : Result<SitePlan>(record.error());
    if (!record || !plan)
        return fail(*job, (record ? plan.error() : record.error()).message);
    if (scan.state == JobState::Failed || scan.state == JobState::Cancelled)
        return fail(*job, QStringLiteral("Discovery scan %1 ended as %2; nothing was compared.").arg(scan.id, toString(scan.state)));

    const QString siteId = scan.result.value(Key::site).toString();
    QList<Device> present;
    QHash<QString, QString> rackNames;
    QList<Link> links;
    if (!siteId.isEmpty()) {
        const auto devices = m_inventory.devicesWithDetail(siteId);
        const auto racks = m_inventory.racks(siteId);
        const auto siteLinks = m_inventory.links(siteId);
        if (!devices || !racks || !siteLinks)
            return fail(*job, (!devices ? devices.error() : !racks ? racks.error() : siteLinks.error()).message);
        const QSet<QString> scanned(urls.begin(), urls.end());
        for (const Device &d : *devices)
            if (scanned.contains(d.bmcUrl) && d.state != QLatin1String("unreachable"))
                present << d;
        for (const Rack &r : *racks)
            rackNames.insert(r.id, r.name);
        links = *siteLinks;
    }
    QSet<QString> answered;
    for (const Device &d : std::as_const(present))
        answered.insert(d.bmcUrl);
    QStringList unreachable;
    for (const QString &url : urls)
        if (!answered.contains(url))
            unreachable << url;

    const AsBuilt built = asBuiltFrom(plan->site, present, rackNames, links, unreachable);
    QList<Finding> findings = compareSite(*plan, built);
    for (Finding &f : findings)
        f.id = newId(QLatin1String("fnd"));
    if (const auto waivers = m_repository.waivers(plan->id); waivers)
        applyWaivers(findings, *waivers);
    RunRecord current = *record;
    QList<Finding> previous;
    if (!current.previousRunId.isEmpty())
        if (const auto before = m_repository.findings(current.previousRunId); before)
            previous = *before;
    current.changes = current.previousRunId.isEmpty() ? QJsonArray() : compareWithPrevious(findings, previous);
    current.snapshot = toJson(built);
    current.scanId = scan.id;
    if (Status s = m_repository.completeRun(current, findings); !s)
        return fail(*job, s.error().message);

    int failing = 0;
    for (const Finding &f : std::as_const(findings))
        failing += f.status == FindingStatus::Fail;
    Job done = *job;
    done.state = scan.state == JobState::Partial ? JobState::Partial : JobState::Succeeded;
    done.progressDone = done.progressTotal;
    done.finishedAt = nowIso();
    done.result = QJsonObject{{Key::scanState, toString(scan.state)},
                              {Key::errors, scan.result.value(Key::errors)},
                              {Key::warnings, scan.result.value(Key::warnings)}};
    m_jobs.update(done);
    m_events.record(failing ? Severity::Warning : Severity::Info, QStringLiteral("commissioning"),
                    QStringLiteral("Commissioning run %1 of %2: %3 checks, %4 failing.").arg(done.id, plan->site).arg(findings.size()).arg(failing));
    qCInfo(lcCommissioning, "run %s: %d findings, %d failing", qPrintable(done.id), int(findings.size()), failing);
    Q_EMIT runFinished(done);
}

Result<RunView> CommissioningService::run(const QString &id) const
{
    const auto job = m_jobs.get(id);
    if (!job || job->kind != runKind)
        return (!job && job.error().kind != ErrorKind::NotFound) ? job.error() : Error::notFound(QStringLiteral("commissioning run"), id);
    const auto record = m_repository.run(id);
    if (!record)
        return record.error();
    const auto findings = m_repository.findings(id);
    if (!findings)
        return findings.error();
    return RunView{*job, *record, *findings};
}

Result<QList<RunView>> CommissioningService::runs(const QString &planId) const
{
    const auto records = m_repository.runs(planId);
    if (!records)
        return records.error();
    QList<RunView> out;
    for (const RunRecord &r : *records) {
        const auto job = m_jobs.get(r.id);
        if (job)
            out << RunView{*job, r, {}};
    }
    return out;
}

Result<std::pair<RunRecord, Finding>> CommissioningService::waivable(const QString &runId, const QString &findingId) const
{
    const auto view = run(runId);
    if (!view)
        return view.error();
    const auto latest = m_repository.runs(view->run.planId);
    if (!latest)
        return latest.error();
    if (latest->first().id != runId)
        return Error::conflict(QStringLiteral("not_latest_run"),
                               QStringLiteral("Waive findings on the plan's latest run (%1); this one is history.").arg(latest->first().id));
    for (const Finding &f : view->findings)
        if (f.id == findingId)
            return std::pair{view->run, f};
    return Error::notFound(QStringLiteral("finding"), findingId);
}

Result<Finding> CommissioningService::waive(const QString &runId, const QString &findingId, const QString &reason, const QString &user)
{
    auto target = waivable(runId, findingId);
    if (target && target->second.status == FindingStatus::Pass)
        target = Error::conflict(QStringLiteral("finding_passes"), QStringLiteral("Finding %1 passes; only failing checks are waived.").arg(findingId));
    if (target && reason.trimmed().isEmpty())
        target = Error::badInput(QStringLiteral("missing_field"), QStringLiteral("A waiver needs a reason."), Key::reason);
    if (!target) {
        m_audit.record(user, QStringLiteral("commissioning.waive"), findingId, Status(target.error()), {{Key::runId, runId}});
        return target.error();
    }
    auto &[record, finding] = target.value();
    finding.status = FindingStatus::Waived;
    finding.waiver = Waiver{reason.trimmed(), user, nowIso(), finding.found};
    const Status stored = m_repository.database().transaction([&]() -> Status {
        if (Status s = m_repository.putWaiver(record.planId, finding.key, *finding.waiver); !s)
            return s;
        return m_repository.updateFinding(runId, finding);
    });
    m_audit.record(user, QStringLiteral("commissioning.waive"), findingId, stored,
                   {{Key::runId, runId}, {Key::key, finding.key}, {Key::reason, finding.waiver->reason}});
    if (!stored)
        return stored.error();
    return finding;
}

Result<Finding> CommissioningService::unwaive(const QString &runId, const QString &findingId, const QString &user)
{
    auto target = waivable(runId, findingId);
    if (target && target->second.status != FindingStatus::Waived)
        target = Error::conflict(QStringLiteral("not_waived"), QStringLiteral("Finding %1 carries no waiver.").arg(findingId));
    if (!target) {
        m_audit.record(user, QStringLiteral("commissioning.unwaive"), findingId, Status(target.error()), {{Key::runId, runId}});
        return target.error();
    }
    auto &[record, finding] = target.value();
    finding.status = FindingStatus::Fail;
    finding.waiver.reset();
    const Status stored = m_repository.database().transaction([&]() -> Status {
        if (Status s = m_repository.removeWaiver(record.planId, finding.key); !s)
            return s;
        return m_repository.updateFinding(runId, finding);
    });
    m_audit.record(user, QStringLiteral("commissioning.unwaive"), findingId, stored, {{Key::runId, runId}, {Key::key, finding.key}});
    if (!stored)
        return stored.error();
    return finding;
}

Result<IssuedReport> CommissioningService::issueReport(const QString &runId, SignOff signOff, const QString &user)
{
    const auto view = run(runId);
    if (!view)
        return view.error();
    if (view->job.state == JobState::Running || view->job.state == JobState::Queued)
        return Error::conflict(QStringLiteral("run_not_finished"), QStringLiteral("Run %1 is still running; report when it ends.").arg(runId));
    if (view->job.state == JobState::Failed || view->job.state == JobState::Cancelled)
        return Error::conflict(QStringLiteral("run_failed"), QStringLiteral("Run %1 ended as %2 and has no findings to report.")
                                                                 .arg(runId, toString(view->job.state)));
    const auto plan = m_repository.plan(view->run.planId);
    if (!plan)
        return plan.error();
    if (signOff.engineer.isEmpty())
        signOff.engineer = user;
    ReportRecord record;
    record.id = newId(QLatin1String("rpt"));
    record.runId = runId;
    record.createdAt = nowIso();
    record.createdBy = user;
    record.data = reportData({*plan, view->job, view->run, view->findings, signOff, record.createdAt, user});
    // Asking again with nothing changed but the clock gives the same report, not one more record
    // (the sign-off date is part of the data, so a new day still issues a new one).
    if (const auto latest = m_repository.latestReport(runId); latest && *latest) {
        QJsonObject before = (*latest)->data, now = record.data;
        before.remove(Key::generatedAt);
        now.remove(Key::generatedAt);
        if (before == now)
            return IssuedReport{**latest, reportHtml((*latest)->data, (*latest)->sha256)};
    }
    record.sha256 = documentSha256(record.data);
    const QString html = reportHtml(record.data, record.sha256);
    record.htmlSha256 = sha256Of(html.toUtf8());
    const Status stored = m_repository.insertReport(record);
    m_audit.record(user, QStringLiteral("commissioning.report"), record.id, stored, {{Key::runId, runId}, {Key::sha256, record.sha256}});
    if (!stored)
        return stored.error();
    return IssuedReport{record, html};
}

bool CommissioningService::verify(const ReportRecord &record) const
{
    return documentSha256(record.data) == record.sha256 && sha256Of(reportHtml(record.data, record.sha256).toUtf8()) == record.htmlSha256;
}

Result<IssuedReport> CommissioningService::reproduce(const QString &reportId) const
{
    const auto record = m_repository.report(reportId);
    if (!record)
        return record.error();
    return IssuedReport{*record, reportHtml(record->data, record->sha256)};
}

Result<QByteArray> CommissioningService::pdf(const IssuedReport &report) const
{
    if (!m_renderer)
        return Error::unavailable(QStringLiteral("pdf_unavailable"),
                                  QStringLiteral("This process was started without a PDF renderer; ask for report.html instead."));
    return m_renderer->pdfFromHtml(report.html, reportTitle(report.record.data));
}

Result<QJsonObject> CommissioningService::exportSite(const QString &site, const QString &format) const
{
    if (site.isEmpty())
        return Error::badInput(QStringLiteral("missing_field"), QStringLiteral("Name the site: ?site=<name or id>."), Key::site);
    if (format != QLatin1String("json") && format != QLatin1String("netbox"))
        return Error::badInput(QStringLiteral("invalid_enum"), QStringLiteral("format must be json or netbox."), Key::format);
    const auto plan = exportSitePlan(m_inventory, site);
    if (!plan)
        return plan.error();
    return format == QLatin1String("netbox") ? netBoxExport(*plan) : *plan;
}

Result<QJsonObject> CommissioningService::labPlan() const
{
    if (!m_lab)
        return Error{ErrorKind::NotFound, QStringLiteral("no_lab"), QStringLiteral("No demo lab runs in this process; start it with --lab."), {}};
    return labDesignPlan(m_lab->definition(), [this](const QString &name) { return m_lab->bmcUrlOf(name); });
}

int CommissioningService::failInterruptedRuns()
{
    const auto unfinished = m_jobs.unfinished();
    if (!unfinished)
        return 0;
    int count = 0;
    for (Job job : *unfinished) {
        if (job.kind != runKind)
            continue;
        job.state = JobState::Failed;
        job.finishedAt = nowIso();
        job.result.insert(Key::error, QStringLiteral("The process stopped while this run was discovering; run it again."));
        count += m_jobs.update(job).ok();
    }
    return count;
}

} // namespace NeoCloud
