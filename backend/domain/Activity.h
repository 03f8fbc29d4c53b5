#pragma once
// What happened and who did it: events (including alerts), audit entries, and long-running jobs.

#include <QJsonObject>
#include <QString>

#include <optional>

namespace NeoCloud {

enum class Severity { Info, Warning, Critical };

struct Event
{
    QString id;
    QString time;
    Severity severity = Severity::Info;
    QString source;  // subsystem or device that raised it
    QString message;
    QString tenantId;
    QString deviceId;
    bool alert = false;        // an alert stays open until cleared
    QString clearedAt;         // empty while open
    QString acknowledgedAt;    // an operator has seen it (it stays open until cleared)
    QString acknowledgedBy;
};

struct EventQuery
{
    QString since; // ISO time, exclusive
    std::optional<Severity> severity;
    QString tenantId;
    int limit = 100;
    int offset = 0;
};

struct AuditEntry
{
    QString id;
    QString time;
    QString user;
    QString action; // e.g. "auth.login", "tenant.create"
    QString target;
    QString result; // "ok" or an error code
    QJsonObject detail;
};

enum class JobState { Queued, Running, Succeeded, Partial, Failed, Cancelled };

struct Job
{
    QString id;
    QString kind;
    JobState state = JobState::Queued;
    int progressDone = 0;
    int progressTotal = 0;
    QJsonObject payload;
    QJsonObject result;
    QString createdAt;
    QString startedAt;
    QString finishedAt;
};

} // namespace NeoCloud
