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
    // The same news in the tenant's own words (no devices, serials or other tenants); empty when
    // the event is not the tenant's to see. Only these reach a tenant user, and only in these words.
    QString tenantMessage;
};

// What a tenant user is shown of an event of its own tenant: the tenant's words and nothing that
// names hardware or operators.
inline Event tenantWorded(const Event &e)
{
    Event shown;
    shown.id = e.id;
    shown.time = e.time;
    shown.severity = e.severity;
    shown.source = e.source;
    shown.message = e.tenantMessage;
    shown.tenantId = e.tenantId;
    shown.alert = e.alert;
    shown.clearedAt = e.clearedAt;
    shown.tenantMessage = e.tenantMessage;
    return shown;
}

struct EventQuery
{
    QString since; // ISO time, exclusive
    std::optional<Severity> severity;
    QString tenantId;
    bool tenantWordedOnly = false; // only events that carry a tenantMessage
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
