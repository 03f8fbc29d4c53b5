#pragma once
// Alert rules beyond the hardware: thresholds on the figures capacity and the probes produce.
//   cluster-capacity  usable storage used above N %                       subject "cluster"
//   tenant-quota      a tenant's use above N % of its capacity quota      subject the tenant
//   runway            storage runway (cluster or a tenant's quota) under N days
//   probe-latency     a tenant's service endpoint answering slower than N ms   subject tenant/kind
// One open alert per rule and subject however often it is evaluated (the store's key says so);
// a changed figure while still over the line is not another alert; back under the line clears it
// with an info event. Raised and cleared alerts go to the health webhooks as well. Thresholds are
// stored (migration 13) and changed through PATCH /api/v1/alert-rules/{id}.

#include "core/Result.h"
#include "probes/ServiceProbe.h"

#include <QJsonObject>
#include <QObject>
#include <functional>

namespace NeoCloud {

class AuditLog;
class Database;
class EventLog;
struct CapacityReport;

struct AlertRule
{
    QString id;
    double threshold = 0;
    bool enabled = true;
    QString updatedAt;
    QString updatedBy;
    QString unit() const; // percent, days, ms
    QString description() const;
};

// A subject over its rule's line, as one evaluation saw it.
struct RuleBreach
{
    QString subject;
    QString tenantId; // empty for the cluster
    double value = 0;
    QString message;
    QString tenantMessage; // the tenant's words, for its portal; empty for the cluster
};

class AlertRules : public QObject
{
    Q_OBJECT
public:
    // `notify` posts an alert event ("alert.raised"/"alert.cleared") to the webhooks.
    using Notify = std::function<void(const QString &event, const QJsonObject &alert)>;

    AlertRules(Database &database, EventLog &events, AuditLog &audit, Notify notify, QObject *parent = nullptr);

    static QStringList ruleIds();
    Result<QList<AlertRule>> rules() const;
    Result<AlertRule> rule(const QString &id) const;
    // Body {"threshold"?: number, "enabled"?: bool}; 400 on wrong types or a negative threshold,
    // 422 on a percentage over 100. Applies at the next evaluation.
    Result<AlertRule> update(const QString &id, const QJsonObject &body, const QString &user);

    // Capacity rules on a capacity report; probe-latency on a probe round.
    Status evaluateCapacity(const CapacityReport &report);
    Status evaluateProbes(const QList<ProbeResult> &results);

    // The evaluation of one rule: `breaches` are the subjects over the line, `evaluated` every
    // subject that was looked at (an open alert on one not looked at stays as it is).
    Status apply(const AlertRule &rule, const QList<RuleBreach> &breaches, const QStringList &evaluated);

Q_SIGNALS:
    void rulesChanged();

private:
    Database &m_db;
    EventLog &m_events;
    AuditLog &m_audit;
    Notify m_notify;
};

} // namespace NeoCloud
