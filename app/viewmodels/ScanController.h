#pragma once
// Starts and follows discovery scans for the console, in-process: builds the scan request from
// the dialog's fields, calls DiscoveryService, and mirrors the current scan's progress and
// outcome (counts, per-target errors, changes) as properties and models.

#include "ScanResultModels.h"
#include "domain/Activity.h"

#include <QObject>
#include <QtQmlIntegration>

namespace NeoCloud {

class DiscoveryService;
class LabService;

class ScanController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ScanController is provided by ConsoleContext.")

    // False without a demo lab: scanLab() then refuses and the dialog offers only BMC targets.
    Q_PROPERTY(bool labAvailable READ labAvailable CONSTANT)
    Q_PROPERTY(int labBmcCount READ labBmcCount CONSTANT)
    Q_PROPERTY(QString labSite READ labSite CONSTANT)

    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    // "" before any scan, else the job state: running, succeeded, partial, failed, cancelled.
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY stateChanged)
    Q_PROPERTY(QString lastScanId READ lastScanId NOTIFY stateChanged)
    Q_PROPERTY(int progressDone READ progressDone NOTIFY progressChanged)
    Q_PROPERTY(int progressTotal READ progressTotal NOTIFY progressChanged)

    Q_PROPERTY(int foundAdded READ foundAdded NOTIFY resultChanged)
    Q_PROPERTY(int foundChanged READ foundChanged NOTIFY resultChanged)
    Q_PROPERTY(int foundUnchanged READ foundUnchanged NOTIFY resultChanged)
    Q_PROPERTY(int foundUnreachable READ foundUnreachable NOTIFY resultChanged)
    Q_PROPERTY(int foundGone READ foundGone NOTIFY resultChanged)
    Q_PROPERTY(int links READ links NOTIFY resultChanged)
    Q_PROPERTY(int durationMs READ durationMs NOTIFY resultChanged)
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY resultChanged)
    Q_PROPERTY(NeoCloud::ScanErrorModel *errors READ errors CONSTANT)
    Q_PROPERTY(NeoCloud::ScanChangeModel *changes READ changes CONSTANT)

    // Why the last request was refused (the backend's message), "" after one is accepted.
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    static constexpr int defaultConcurrency = 64;

    ScanController(DiscoveryService &discovery, LabService *lab, QObject *parent = nullptr);

    bool labAvailable() const { return m_lab != nullptr; }
    int labBmcCount() const;
    QString labSite() const;

    bool running() const
    {
        return !m_job.id.isEmpty() && (m_job.state == JobState::Running || m_job.state == JobState::Queued);
    }
    QString state() const;
    bool finished() const { return !m_job.id.isEmpty() && !running(); }
    QString lastScanId() const { return m_job.id; }
    int progressDone() const { return m_job.progressDone; }
    int progressTotal() const { return m_job.progressTotal; }
    int foundAdded() const { return found("added"); }
    int foundChanged() const { return found("changed"); }
    int foundUnchanged() const { return found("unchanged"); }
    int foundUnreachable() const { return found("unreachable"); }
    int foundGone() const { return found("gone"); }
    int links() const;
    int durationMs() const;
    QStringList warnings() const;
    ScanErrorModel *errors() { return &m_errors; }
    ScanChangeModel *changes() { return &m_changes; }
    QString lastError() const { return m_lastError; }

    // Each returns false and sets lastError when the service refuses the request.
    Q_INVOKABLE bool scanLab(int concurrency = defaultConcurrency);
    Q_INVOKABLE bool scanRedfish(const QString &url, const QString &username, const QString &password,
                                 bool verifyTls, int concurrency = defaultConcurrency);
    Q_INVOKABLE bool scanRange(const QString &from, const QString &to, const QString &username,
                               const QString &password, bool verifyTls,
                               int concurrency = defaultConcurrency);
    Q_INVOKABLE bool cancel();

Q_SIGNALS:
    void runningChanged();
    void stateChanged();
    void progressChanged();
    void resultChanged();
    void lastErrorChanged();

private:
    bool start(const QJsonObject &target, int concurrency);
    void follow(const NeoCloud::Job &job);
    int found(const char *key) const;
    void setLastError(const QString &error);

    DiscoveryService &m_discovery;
    LabService *m_lab;
    Job m_job; // the scan shown: the last one started here, or one started elsewhere while idle
    ScanErrorModel m_errors;
    ScanChangeModel m_changes;
    QString m_lastError;
};

} // namespace NeoCloud
