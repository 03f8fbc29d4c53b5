#pragma once
// The Commissioning view's workflow over CommissioningService: import a site plan (a JSON plan,
// a NetBox export, the CSV set, or the demo lab's design), run it, follow the run, show its
// findings and where they are in the racks, and hand over the report (HTML or PDF, with its
// SHA-256) and verify one. On start it shows the newest plan and its newest run.

#include "FindingDetail.h"
#include "FindingListModel.h"
#include "commissioning/PlanReaders.h"
#include "domain/Activity.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQmlIntegration>

namespace NeoCloud {

class CommissioningService;
class DiscoveryService;
class LabService;

class CommissioningController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CommissioningController is provided by ConsoleContext.")

    // With a demo lab, its design can be imported as the plan ("use the demo lab's plan").
    Q_PROPERTY(bool labAvailable READ labAvailable CONSTANT)
    Q_PROPERTY(QString labSite READ labSite CONSTANT)

    Q_PROPERTY(QString planId READ planId NOTIFY planChanged)
    Q_PROPERTY(QString planSite READ planSite NOTIFY planChanged)
    Q_PROPERTY(QString planName READ planName NOTIFY planChanged)
    Q_PROPERTY(QString planFormat READ planFormat NOTIFY planChanged)
    Q_PROPERTY(int planRacks READ planRacks NOTIFY planChanged)
    Q_PROPERTY(int planDevices READ planDevices NOTIFY planChanged)
    Q_PROPERTY(int planLinks READ planLinks NOTIFY planChanged)
    // Every problem of the last refused import, "file:line:column: message".
    Q_PROPERTY(QStringList planIssues READ planIssues NOTIFY planIssuesChanged)

    Q_PROPERTY(QString runId READ runId NOTIFY runChanged)
    // "" before a run, else running, succeeded, partial or failed.
    Q_PROPERTY(QString runState READ runState NOTIFY runChanged)
    Q_PROPERTY(bool running READ running NOTIFY runChanged)
    Q_PROPERTY(int progressDone READ progressDone NOTIFY runChanged)
    Q_PROPERTY(int progressTotal READ progressTotal NOTIFY runChanged)
    Q_PROPERTY(QDateTime runAt READ runAt NOTIFY runChanged)
    // Why the run failed, in the service's words; "" otherwise.
    Q_PROPERTY(QString runError READ runError NOTIFY runChanged)
    // How many findings changed against the previous run; -1 on a first run.
    Q_PROPERTY(int changeCount READ changeCount NOTIFY runChanged)

    Q_PROPERTY(NeoCloud::FindingListModel *findings READ findings CONSTANT)
    Q_PROPERTY(NeoCloud::FindingDetail *selected READ selected CONSTANT)
    // Devices to mark on the rack elevations: device name -> the id of its first failing finding.
    Q_PROPERTY(QVariantMap marks READ marks NOTIFY marksChanged)
    // Planned devices that were not found, drawn at their planned place:
    // [{name, rack, position, heightU, findingId}].
    Q_PROPERTY(QVariantList ghosts READ ghosts NOTIFY marksChanged)

    Q_PROPERTY(QString reportId READ reportId NOTIFY reportChanged)
    Q_PROPERTY(QString reportSha256 READ reportSha256 NOTIFY reportChanged)
    Q_PROPERTY(QString reportPath READ reportPath NOTIFY reportChanged)
    // "" until verified, else "verified" or "altered" (with the reason in lastError).
    Q_PROPERTY(QString verification READ verification NOTIFY reportChanged)

    // True once the newest plan and run were read at start (for --screenshot).
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    // Why the last action was refused, in the service's words; "" after one succeeded.
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    CommissioningController(CommissioningService &service, DiscoveryService &discovery, LabService *lab,
                            QObject *parent = nullptr);

    bool labAvailable() const { return m_lab != nullptr; }
    QString labSite() const;
    QString planId() const { return m_plan.id; }
    QString planSite() const { return m_plan.site; }
    QString planName() const { return m_plan.name; }
    QString planFormat() const;
    int planRacks() const { return int(m_plan.racks.size()); }
    int planDevices() const { return int(m_plan.devices.size()); }
    int planLinks() const { return int(m_plan.links.size()); }
    QStringList planIssues() const { return m_planIssues; }
    QString runId() const { return m_job.id; }
    QString runState() const;
    bool running() const;
    int progressDone() const { return m_job.progressDone; }
    int progressTotal() const { return m_job.progressTotal; }
    QDateTime runAt() const;
    QString runError() const;
    int changeCount() const { return m_changeCount; }
    FindingListModel *findings() { return &m_findings; }
    FindingDetail *selected() { return &m_selected; }
    QVariantMap marks() const { return m_marks; }
    QVariantList ghosts() const { return m_ghosts; }
    QString reportId() const { return m_reportId; }
    QString reportSha256() const { return m_reportSha256; }
    QString reportPath() const { return m_reportPath; }
    QString verification() const { return m_verification; }
    bool loaded() const { return m_loaded; }
    QString lastError() const { return m_lastError; }

    // Each returns false and sets lastError (and planIssues) when refused.
    Q_INVOKABLE bool importLabPlan();
    // format: "json", "netbox" or "csv"; files are paths or file: URLs (a CSV set or NetBox
    // export is several files, recognised by their names); site is the CSV set's site.
    Q_INVOKABLE bool importPlan(const QString &format, const QStringList &files, const QString &site = {});
    Q_INVOKABLE bool startRun();
    // Issues a report of the shown run and writes it to `file` (a path or file: URL): PDF when
    // the name ends in .pdf, else HTML.
    Q_INVOKABLE bool saveReport(const QString &file, const QString &engineer = {}, const QString &customer = {});
    // Where to save a report by default: the documents folder, named after the site and the day.
    Q_INVOKABLE QString suggestedReportPath(const QString &format) const;
    // Checks a handed-over report: an HTML file by its own SHA-256, else (a PDF) the stored
    // data of the report last saved here against the SHA-256 printed in it.
    Q_INVOKABLE bool verifyReport(const QString &file);

Q_SIGNALS:
    void planChanged();
    void planIssuesChanged();
    void runChanged();
    void marksChanged();
    void reportChanged();
    void loadedChanged();
    void lastErrorChanged();
    // Once, when a run started here or shown here ends.
    void runFinished(bool succeeded);

private:
    void loadNewest();
    bool importUpload(const PlanUpload &upload);
    bool showPlan(const QString &planId);
    void showRun(const QString &runId);
    void refreshJob();
    void updateMarks();
    bool refuse(const Error &error);
    void setLastError(const QString &error);
    void clearReport();

    CommissioningService &m_service;
    LabService *m_lab;
    SitePlan m_plan;
    QStringList m_planIssues;
    Job m_job;
    int m_changeCount = -1;
    FindingListModel m_findings;
    FindingDetail m_selected;
    QVariantMap m_marks;
    QVariantList m_ghosts;
    QString m_reportId;
    QString m_reportSha256;
    QString m_reportPath;
    QString m_verification;
    bool m_loaded = false;
    QString m_lastError;
};

} // namespace NeoCloud
