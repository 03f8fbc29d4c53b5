#include "JobRepository.h"

#include "Database.h"
#include "domain/Enums.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace NeoCloud {
namespace {

QString json(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject object(const QVariant &v) { return QJsonDocument::fromJson(v.toString().toUtf8()).object(); }

const QString columns = QStringLiteral(
    "id, kind, state, progress_done, progress_total, payload, result, created_at, started_at, finished_at");

Job jobFrom(const QSqlQuery &q)
{
    Job j;
    j.id = q.value(0).toString();
    j.kind = q.value(1).toString();
    j.state = parseEnum<JobState>(q.value(2).toString()).value_or(JobState::Failed);
    j.progressDone = q.value(3).toInt();
    j.progressTotal = q.value(4).toInt();
    j.payload = object(q.value(5));
    j.result = object(q.value(6));
    j.createdAt = q.value(7).toString();
    j.startedAt = q.value(8).toString();
    j.finishedAt = q.value(9).toString();
    return j;
}

} // namespace

Status JobRepository::insert(const Job &job)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO jobs (") + columns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(text(job.id));
    q.addBindValue(text(job.kind));
    q.addBindValue(toString(job.state));
    q.addBindValue(job.progressDone);
    q.addBindValue(job.progressTotal);
    q.addBindValue(json(job.payload));
    q.addBindValue(json(job.result));
    q.addBindValue(text(job.createdAt));
    q.addBindValue(nullable(job.startedAt));
    q.addBindValue(nullable(job.finishedAt));
    return exec(q, QStringLiteral("record a job"));
}

Status JobRepository::update(const Job &job)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE jobs SET state = ?, progress_done = ?, progress_total = ?, payload = ?, result = ?, "
                             "started_at = ?, finished_at = ? WHERE id = ?"));
    q.addBindValue(toString(job.state));
    q.addBindValue(job.progressDone);
    q.addBindValue(job.progressTotal);
    q.addBindValue(json(job.payload));
    q.addBindValue(json(job.result));
    q.addBindValue(nullable(job.startedAt));
    q.addBindValue(nullable(job.finishedAt));
    q.addBindValue(text(job.id));
    return exec(q, QStringLiteral("update a job"));
}

Result<Job> JobRepository::get(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM jobs WHERE id = ?"));
    q.addBindValue(text(id));
    if (Status s = exec(q, QStringLiteral("read a job")); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("job"), id);
    return jobFrom(q);
}

Result<QList<Job>> JobRepository::unfinished() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM jobs WHERE state IN ('queued', 'running') ORDER BY created_at, id"));
    if (Status s = exec(q, QStringLiteral("list unfinished jobs")); !s)
        return s.error();
    QList<Job> out;
    while (q.next())
        out << jobFrom(q);
    return out;
}

} // namespace NeoCloud
