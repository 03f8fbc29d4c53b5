#include "CommissioningController.h"

#include "commissioning/AsBuilt.h"
#include "commissioning/CommissioningService.h"
#include "api/JsonKeys.h"
#include "core/Time.h"
#include "discovery/DiscoveryService.h"
#include "domain/Enums.h"
#include "lab/LabService.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace NeoCloud {

namespace {

const QString consoleUser = QStringLiteral("console");

// QML's file dialogs give URLs, tests and the command line give paths.
QString localPath(const QString &file)
{
    const QUrl url(file);
    return url.isLocalFile() ? url.toLocalFile() : file;
}

} // namespace

CommissioningController::CommissioningController(CommissioningService &service, DiscoveryService &discovery,
                                                 LabService *lab, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_lab(lab)
    , m_findings(this)
    , m_selected(service, m_findings, this)
{
    // The service keeps the run's job current as its scan progresses; re-read it then.
    connect(&discovery, &DiscoveryService::scanUpdated, this, [this] {
        if (running())
            refreshJob();
    });
    connect(&m_service, &CommissioningService::runFinished, this, [this](const Job &job) {
        if (job.id != m_job.id)
            return;
        showRun(job.id);
        Q_EMIT runFinished(job.state == JobState::Succeeded || job.state == JobState::Partial);
    });
    // A waiver given or taken back in the panel changes which devices are marked.
    connect(&m_findings, &FindingListModel::countsChanged, this, &CommissioningController::updateMarks);
    loadNewest();
}

QString CommissioningController::labSite() const { return m_lab ? m_lab->siteName() : QString(); }

QString CommissioningController::planFormat() const { return m_plan.id.isEmpty() ? QString() : toString(m_plan.format); }

QString CommissioningController::runState() const { return m_job.id.isEmpty() ? QString() : toString(m_job.state); }

bool CommissioningController::running() const
{
    return !m_job.id.isEmpty() && (m_job.state == JobState::Running || m_job.state == JobState::Queued);
}

QDateTime CommissioningController::runAt() const
{
    return m_job.id.isEmpty() ? QDateTime() : fromIsoTime(m_job.createdAt).toLocalTime();
}

QString CommissioningController::runError() const { return m_job.result.value(Key::error).toString(); }

void CommissioningController::loadNewest()
{
    const auto plans = m_service.plans();
    if (!plans)
        setLastError(plans.error().message);
    else if (!plans->isEmpty() && showPlan(plans->constFirst().plan.id))
        if (const auto runs = m_service.runs(m_plan.id); runs && !runs->isEmpty())
            showRun(runs->constFirst().run.id);
    m_loaded = true;
    Q_EMIT loadedChanged();
}

bool CommissioningController::showPlan(const QString &planId)
{
    const auto plan = m_service.plan(planId);
    if (!plan)
        return refuse(plan.error());
    m_plan = *plan;
    m_job = {};
    m_changeCount = -1;
    m_findings.show(QList<Finding>(), {});
    m_selected.showRun({}, m_plan.id);
    clearReport();
    Q_EMIT planChanged();
    Q_EMIT runChanged();
    return true;
}

void CommissioningController::showRun(const QString &runId)
{
    const auto view = m_service.run(runId);
    if (!view) {
        setLastError(view.error().message);
        return;
    }
    m_job = view->job;
    m_changeCount = view->run.previousRunId.isEmpty() ? -1 : int(view->run.changes.size());
    // Racks by the plan; a device the plan does not know (unexpected) where it was found.
    QHash<QString, QString> rackOf;
    const AsBuilt built = asBuiltFromJson(view->run.snapshot);
    for (const BuiltDevice &d : built.devices)
        rackOf.insert(d.name, d.rack);
    for (const PlanDevice &d : std::as_const(m_plan.devices))
        if (!d.rack.isEmpty())
            rackOf.insert(d.name, d.rack);
    m_findings.show(view->findings, rackOf); // marks follow its counts
    m_selected.showRun(view->job.id, m_plan.id);
    clearReport();
    Q_EMIT runChanged();
}

void CommissioningController::refreshJob()
{
    if (const auto view = m_service.run(m_job.id); view) {
        m_job = view->job;
        Q_EMIT runChanged();
    }
}

void CommissioningController::updateMarks()
{
    QVariantMap marks;
    QVariantList ghosts;
    for (const Finding &f : m_findings.all()) {
        if (f.status == FindingStatus::Pass)
            continue;
        // A cable's finding marks the devices at its ends, as the elevations draw no cables.
        QStringList devices{f.device};
        if (f.check == QLatin1String("cabling") || f.check == QLatin1String("link-speed"))
            for (const PlanDevice &d : std::as_const(m_plan.devices))
                if (f.subject.contains(d.name + QLatin1Char(':')))
                    devices << d.name;
        for (const QString &device : std::as_const(devices))
            if (!device.isEmpty() && !marks.contains(device) && f.status == FindingStatus::Fail)
                marks.insert(device, f.id);
        if (f.check == QLatin1String("device-present") && f.problem == QLatin1String("missing"))
            if (const PlanDevice *planned = m_plan.device(f.device); planned && planned->position)
                ghosts << QVariantMap{{QStringLiteral("name"), planned->name},
                                      {QStringLiteral("rack"), planned->rack},
                                      {QStringLiteral("position"), *planned->position},
                                      {QStringLiteral("heightU"), planned->heightU},
                                      {QStringLiteral("findingId"), f.id},
                                      {QStringLiteral("waived"), f.status == FindingStatus::Waived}};
    }
    m_marks = marks;
    m_ghosts = ghosts;
    Q_EMIT marksChanged();
}

bool CommissioningController::importLabPlan()
{
    const auto design = m_service.labPlan();
    if (!design)
        return refuse(design.error());
    PlanUpload upload;
    upload.format = PlanFormat::Json;
    upload.files << PlanFile{QStringLiteral("lab-plan.json"), QJsonDocument(*design).toJson()};
    return importUpload(upload);
}

bool CommissioningController::importPlan(const QString &format, const QStringList &files, const QString &site)
{
    PlanUpload upload;
    upload.site = site.trimmed();
    if (format == QLatin1String("json"))
        upload.format = PlanFormat::Json;
    else if (format == QLatin1String("netbox"))
        upload.format = PlanFormat::NetBox;
    else if (format == QLatin1String("csv"))
        upload.format = PlanFormat::Csv;
    else
        return refuse(Error::badInput(QStringLiteral("invalid_enum"), tr("The plan's format is json, netbox or csv."), QStringLiteral("format")));
    if (files.isEmpty())
        return refuse(Error::badInput(QStringLiteral("missing_field"), tr("Choose the plan's file(s)."), QStringLiteral("files")));
    // A folder stands for the files of the form in it (a CSV set, a NetBox export).
    QStringList paths;
    for (const QString &file : files) {
        const QFileInfo info(localPath(file));
        if (!info.isDir()) {
            paths << info.filePath();
            continue;
        }
        const QStringList pattern{upload.format == PlanFormat::Csv ? QStringLiteral("*.csv") : QStringLiteral("*.json")};
        for (const QFileInfo &inside : QDir(info.filePath()).entryInfoList(pattern, QDir::Files, QDir::Name))
            paths << inside.filePath();
    }
    if (paths.isEmpty())
        return refuse(Error::badInput(QStringLiteral("missing_field"), tr("The folder holds no plan files."), QStringLiteral("files")));
    for (const QString &path : std::as_const(paths)) {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return refuse(Error::badInput(QStringLiteral("unreadable_file"), tr("Cannot read %1: %2").arg(in.fileName(), in.errorString()),
                                          QStringLiteral("files")));
        upload.files << PlanFile{QFileInfo(in.fileName()).fileName(), in.readAll()};
    }
    return importUpload(upload);
}

bool CommissioningController::importUpload(const PlanUpload &upload)
{
    QList<PlanIssue> issues;
    const auto imported = m_service.importPlan(upload, consoleUser, issues);
    QStringList lines;
    for (const PlanIssue &i : std::as_const(issues))
        lines << QStringLiteral("%1:%2:%3: %4").arg(i.file).arg(i.line).arg(i.column).arg(i.message);
    if (lines != m_planIssues) {
        m_planIssues = lines;
        Q_EMIT planIssuesChanged();
    }
    if (!imported)
        return refuse(imported.error());
    setLastError({});
    return showPlan(imported->plan.id);
}

bool CommissioningController::startRun()
{
    if (m_plan.id.isEmpty())
        return refuse(Error::badInput(QStringLiteral("missing_field"), tr("Import a plan first."), QStringLiteral("planId")));
    const auto job = m_service.startRun(QJsonObject{{Key::planId, m_plan.id}}, consoleUser);
    if (!job)
        return refuse(job.error());
    setLastError({});
    m_job = *job;
    Q_EMIT runChanged();
    return true;
}

bool CommissioningController::saveReport(const QString &file, const QString &engineer, const QString &customer)
{
    if (m_job.id.isEmpty())
        return refuse(Error::badInput(QStringLiteral("missing_field"), tr("Run the plan first: a report is of a run."), QStringLiteral("runId")));
    const QString path = localPath(file);
    if (path.isEmpty())
        return refuse(Error::badInput(QStringLiteral("missing_field"), tr("Choose where to save the report."), QStringLiteral("file")));
    const auto issued = m_service.issueReport(m_job.id, SignOff{engineer.trimmed(), customer.trimmed()}, consoleUser);
    if (!issued)
        return refuse(issued.error());
    const bool pdf = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    const auto bytes = pdf ? m_service.pdf(*issued) : Result<QByteArray>(issued->html.toUtf8());
    if (!bytes)
        return refuse(bytes.error());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(*bytes) != bytes->size() || !out.commit())
        return refuse(Error::badInput(QStringLiteral("unwritable_file"), tr("Cannot write %1: %2").arg(path, out.errorString()),
                                      QStringLiteral("file")));
    setLastError({});
    m_reportId = issued->record.id;
    m_reportSha256 = issued->record.sha256;
    m_reportPath = path;
    m_verification.clear();
    Q_EMIT reportChanged();
    return true;
}

QString CommissioningController::suggestedReportPath(const QString &format) const
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("handover-%1-%2.%3")
                             .arg(m_plan.site.isEmpty() ? QStringLiteral("site") : m_plan.site,
                                  QDate::currentDate().toString(Qt::ISODate), format == QLatin1String("html") ? format : QStringLiteral("pdf"));
    return QDir(dir.isEmpty() ? QDir::homePath() : dir).filePath(name);
}

bool CommissioningController::verifyReport(const QString &file)
{
    const QString path = localPath(file);
    std::optional<ReportRecord> record;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        // An HTML report is checked as handed over: its own bytes name the stored report.
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return refuse(Error::badInput(QStringLiteral("unreadable_file"), tr("Cannot read %1: %2").arg(path, in.errorString()),
                                          QStringLiteral("file")));
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(in.readAll(), QCryptographicHash::Sha256).toHex());
        const auto found = m_service.findReport(sha);
        if (!found)
            return refuse(found.error());
        record = *found;
    } else if (!m_reportId.isEmpty()) {
        // PDF bytes carry their creation time: the content SHA-256 printed in it is what counts.
        const auto stored = m_service.report(m_reportId);
        if (!stored)
            return refuse(stored.error());
        record = *stored;
    }
    const bool verified = record && m_service.verify(*record);
    m_verification = verified ? QStringLiteral("verified") : QStringLiteral("altered");
    if (verified) {
        m_reportId = record->id;
        m_reportSha256 = record->sha256;
    }
    Q_EMIT reportChanged();
    setLastError(verified ? QString()
                 : record ? tr("The stored data of report %1 no longer matches its SHA-256.").arg(record->id)
                          : tr("No report issued here has this content: the file was changed or is not ours."));
    return verified;
}

bool CommissioningController::refuse(const Error &error)
{
    setLastError(error.message);
    return false;
}

void CommissioningController::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

void CommissioningController::clearReport()
{
    m_reportId.clear();
    m_reportSha256.clear();
    m_reportPath.clear();
    m_verification.clear();
    Q_EMIT reportChanged();
}

} // namespace NeoCloud
