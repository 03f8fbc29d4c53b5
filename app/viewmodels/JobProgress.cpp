#include "JobProgress.h"

#include "domain/Enums.h"
#include "services/ServiceEngine.h"

#include <QJsonArray>

namespace NeoCloud {

JobProgress::JobProgress(ServiceEngine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_steps(this)
{
    connect(&m_engine, &ServiceEngine::jobUpdated, this, &JobProgress::update);
    connect(&m_engine, &ServiceEngine::jobFinished, this, &JobProgress::update);
}

QString JobProgress::state() const
{
    return m_job.id.isEmpty() ? QString() : toString(m_job.state);
}

bool JobProgress::running() const
{
    return !m_job.id.isEmpty()
        && (m_job.state == JobState::Queued || m_job.state == JobState::Running);
}

QString JobProgress::error() const
{
    return m_job.result.value(QLatin1String("error")).toString();
}
bool JobProgress::rolledBack() const
{
    return m_job.result.value(QLatin1String("rolledBack")).toBool();
}

QStringList JobProgress::rollbackErrors() const
{
    QStringList out;
    for (const QJsonValue &v : m_job.result.value(QLatin1String("rollbackErrors")).toArray())
        out << v.toString();
    return out;
}

void JobProgress::follow(const Job &job)
{
    m_job = Job();
    update(job);
    // The engine may have moved on between the call that returned `job` and now.
    if (const Result<Job> latest = m_engine.job(job.id))
        update(*latest);
}

void JobProgress::clear()
{
    m_job = Job();
    m_steps.clear();
    Q_EMIT changed();
}

void JobProgress::update(const Job &job)
{
    if (job.id.isEmpty() || (!m_job.id.isEmpty() && job.id != m_job.id))
        return;
    const bool wasRunning = m_job.id.isEmpty() || running();
    m_job = job;
    m_steps.setSteps(job.payload.value(QLatin1String("steps")).toArray());
    Q_EMIT changed();
    if (wasRunning && finished())
        Q_EMIT jobFinished(succeeded());
}

} // namespace NeoCloud
