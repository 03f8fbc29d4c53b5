#include "ScanController.h"

#include "discovery/DiscoveryService.h"
#include "domain/Enums.h"
#include "lab/LabService.h"

#include <QJsonArray>

namespace NeoCloud {
namespace {

// The console has no login of its own; its actions are audited under this name.
const QString consoleUser = QStringLiteral("console");

QJsonObject credentials(QJsonObject target, const QString &username, const QString &password, bool verifyTls)
{
    // Empty credentials are left out so the request says "none given", not "empty given".
    if (!username.isEmpty())
        target.insert(QStringLiteral("username"), username);
    if (!password.isEmpty())
        target.insert(QStringLiteral("password"), password);
    target.insert(QStringLiteral("verifyTls"), verifyTls);
    return target;
}

} // namespace

ScanController::ScanController(DiscoveryService &discovery, LabService *lab, QObject *parent)
    : QObject(parent)
    , m_discovery(discovery)
    , m_lab(lab)
{
    connect(&m_discovery, &DiscoveryService::scanUpdated, this, &ScanController::follow);
    connect(&m_discovery, &DiscoveryService::scanFinished, this, &ScanController::follow);
}

int ScanController::labBmcCount() const
{
    return m_lab ? int(m_lab->definition().devices.size()) : 0;
}

QString ScanController::labSite() const
{
    return m_lab ? m_lab->siteName() : QString();
}

QString ScanController::state() const
{
    return m_job.id.isEmpty() ? QString() : toString(m_job.state);
}

int ScanController::found(const char *key) const
{
    return m_job.result.value(QLatin1String("found")).toObject().value(QLatin1String(key)).toInt();
}

int ScanController::links() const
{
    return m_job.result.value(QLatin1String("links")).toInt();
}

int ScanController::durationMs() const
{
    return int(m_job.result.value(QLatin1String("durationMs")).toDouble());
}

QStringList ScanController::warnings() const
{
    QStringList list;
    for (const QJsonValue &w : m_job.result.value(QLatin1String("warnings")).toArray())
        list << w.toString();
    return list;
}

bool ScanController::scanLab(int concurrency)
{
    return start(QJsonObject{{QStringLiteral("kind"), QStringLiteral("lab")}}, concurrency);
}

bool ScanController::scanRedfish(const QString &url, const QString &username, const QString &password,
                                 bool verifyTls, int concurrency)
{
    return start(credentials({{QStringLiteral("kind"), QStringLiteral("redfish")},
                              {QStringLiteral("url"), url.trimmed()}},
                             username, password, verifyTls),
                 concurrency);
}

bool ScanController::scanRange(const QString &from, const QString &to, const QString &username,
                               const QString &password, bool verifyTls, int concurrency)
{
    return start(credentials({{QStringLiteral("kind"), QStringLiteral("redfish-range")},
                              {QStringLiteral("from"), from.trimmed()},
                              {QStringLiteral("to"), to.trimmed()}},
                             username, password, verifyTls),
                 concurrency);
}

bool ScanController::start(const QJsonObject &target, int concurrency)
{
    const QJsonObject body{{QStringLiteral("targets"), QJsonArray{target}},
                           {QStringLiteral("concurrency"), concurrency}};
    const Result<Job> started = m_discovery.startScan(body, consoleUser);
    if (!started) {
        setLastError(started.error().message);
        return false;
    }
    setLastError({});
    // A scan started here takes over the display even if another one is still running.
    m_job = Job{};
    follow(*started);
    return true;
}

bool ScanController::cancel()
{
    if (!running())
        return false;
    const Result<Job> cancelled = m_discovery.cancelScan(m_job.id, consoleUser);
    if (!cancelled) {
        setLastError(cancelled.error().message);
        return false;
    }
    setLastError({});
    return true;
}

void ScanController::follow(const Job &job)
{
    // While idle, a scan started elsewhere (the first lab scan, the REST API) is shown too, so
    // the dialog never claims nothing runs while something does.
    if (job.id != m_job.id && running())
        return;
    const bool wasRunning = running();
    const QString oldState = state();
    const bool sameScan = job.id == m_job.id;
    const int oldDone = m_job.progressDone, oldTotal = m_job.progressTotal;
    const QJsonObject oldResult = m_job.result;
    m_job = job;
    m_errors.setErrors(job.result.value(QLatin1String("errors")).toArray());
    if (!running() || !sameScan)
        m_changes.setChanges(job.result.value(QLatin1String("changes")).toArray());
    if (!sameScan || oldState != state())
        Q_EMIT stateChanged();
    if (wasRunning != running())
        Q_EMIT runningChanged();
    if (!sameScan || oldDone != job.progressDone || oldTotal != job.progressTotal)
        Q_EMIT progressChanged();
    if (!sameScan || oldResult != job.result)
        Q_EMIT resultChanged();
}

void ScanController::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

} // namespace NeoCloud
