#include "ResourceJson.h"

#include "JsonKeys.h"
#include "domain/Enums.h"

#include <QJsonArray>

namespace NeoCloud {

QJsonObject jobToJson(const Job &job)
{
    const QJsonObject p = job.payload;
    return {{Key::id, job.id},
            {Key::kind, job.kind},
            {Key::state, toString(job.state)},
            {Key::tenantId, p.value(QStringLiteral("tenantId"))},
            {Key::serviceIds, p.value(QStringLiteral("serviceIds"))},
            {Key::progress, QJsonObject{{Key::done, job.progressDone}, {Key::total, job.progressTotal}}},
            {Key::steps, p.value(QStringLiteral("steps"))},
            {Key::error, job.result.value(QStringLiteral("error")).toString().isEmpty() ? QJsonValue()
                                                                                           : job.result.value(QStringLiteral("error"))},
            {Key::rolledBack, job.result.value(QStringLiteral("rolledBack")).toBool()},
            {Key::rollbackErrors, job.result.value(QStringLiteral("rollbackErrors")).toArray()},
            {Key::createdAt, job.createdAt},
            {Key::startedAt, job.startedAt.isEmpty() ? QJsonValue() : QJsonValue(job.startedAt)},
            {Key::finishedAt, job.finishedAt.isEmpty() ? QJsonValue() : QJsonValue(job.finishedAt)}};
}

// A scan as ../shared/api-v1.md shows it: {id, state, progress, found, errors, startedAt,
// finishedAt}, plus what changed, the warnings, the link count and the site.
QJsonObject scanToJson(const Job &job)
{
    QJsonObject out = job.result;
    out.insert(Key::id, job.id);
    out.insert(Key::state, toString(job.state));
    out.insert(Key::progress, QJsonObject{{Key::done, job.progressDone}, {Key::total, job.progressTotal}});
    out.insert(Key::startedAt, job.startedAt.isEmpty() ? QJsonValue() : QJsonValue(job.startedAt));
    out.insert(Key::finishedAt, job.finishedAt.isEmpty() ? QJsonValue() : QJsonValue(job.finishedAt));
    out.insert(Key::request, job.payload);
    return out;
}

QJsonObject healthCellToJson(const HealthCell &c)
{
    return { { Key::tenant, c.tenantId },
             { Key::kind, c.kind },
             { Key::status, toString(c.status) },
             { Key::reason, c.reason },
             { Key::since, c.since.isEmpty() ? QJsonValue() : QJsonValue(c.since) } };
}

} // namespace NeoCloud
