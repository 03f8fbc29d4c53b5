#include "AlertRules.h"

#include "activity/AuditLog.h"
#include "activity/EventLog.h"
#include "capacity/Capacity.h"
#include "domain/Enums.h"
#include "core/Time.h"
#include "store/Database.h"

#include <QHash>
#include <QSqlQuery>

namespace NeoCloud {

namespace {

const QString source = QStringLiteral("alert-rule");
const QString clusterCapacity = QStringLiteral("cluster-capacity");
const QString tenantQuota = QStringLiteral("tenant-quota");
const QString runway = QStringLiteral("runway");
const QString probeLatency = QStringLiteral("probe-latency");
const QString cluster = QStringLiteral("cluster");

QString figure(double v)
{
    return QString::number(v, 'f', 1);
}

QJsonObject alertJson(const Event &e, const AlertRule &rule, const QString &subject, double value)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("time"), e.time},
            {QStringLiteral("severity"), toString(e.severity)},
            {QStringLiteral("rule"), rule.id},
            {QStringLiteral("subject"), subject},
            {QStringLiteral("tenant"), e.tenantId.isEmpty() ? QJsonValue() : QJsonValue(e.tenantId)},
            {QStringLiteral("value"), value},
            {QStringLiteral("threshold"), rule.threshold},
            {QStringLiteral("message"), e.message}};
}

} // namespace

QString AlertRule::unit() const
{
    if (id == runway)
        return QStringLiteral("days");
    if (id == probeLatency)
        return QStringLiteral("ms");
    return QStringLiteral("percent");
}

QString AlertRule::description() const
{
    if (id == clusterCapacity)
        return QStringLiteral("Usable storage in use above the threshold (percent).");
    if (id == tenantQuota)
        return QStringLiteral("A tenant's storage use above the threshold (percent of its capacity quota).");
    if (id == runway)
        return QStringLiteral("Storage runway (the cluster's, or a tenant's to its quota) under the threshold (days).");
    return QStringLiteral("A tenant's service endpoint answering its probe slower than the threshold (ms).");
}

AlertRules::AlertRules(Database &database, EventLog &events, AuditLog &audit, Notify notify, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_events(events)
    , m_audit(audit)
    , m_notify(std::move(notify))
{
}

QStringList AlertRules::ruleIds()
{
    return {clusterCapacity, tenantQuota, runway, probeLatency};
}

Result<QList<AlertRule>> AlertRules::rules() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, threshold, enabled, updated_at, updated_by FROM alert_rules ORDER BY id"));
    if (Status s = exec(q, QStringLiteral("read alert rules")); !s)
        return s.error();
    QList<AlertRule> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toDouble(), q.value(2).toInt() != 0, q.value(3).toString(), q.value(4).toString()});
    return out;
}

Result<AlertRule> AlertRules::rule(const QString &id) const
{
    const auto all = rules();
    if (!all)
        return all.error();
    for (const AlertRule &r : *all)
        if (r.id == id)
            return r;
    return Error::notFound(QStringLiteral("alert rule"), id);
}

Result<AlertRule> AlertRules::update(const QString &id, const QJsonObject &body, const QString &user)
{
    auto current = rule(id);
    Status outcome = current ? success() : Status(current.error());
    for (auto it = body.begin(); outcome && it != body.end(); ++it)
        if (it.key() != QLatin1String("threshold") && it.key() != QLatin1String("enabled"))
            outcome = Error::badInput(QStringLiteral("unknown_field"), QStringLiteral("Only threshold and enabled can be changed."), it.key());
    AlertRule next = current ? *current : AlertRule{};
    const QJsonValue threshold = body.value(QLatin1String("threshold"));
    const QJsonValue enabled = body.value(QLatin1String("enabled"));
    if (outcome && !threshold.isUndefined() && (!threshold.isDouble() || threshold.toDouble() < 0))
        outcome = Error::badInput(QStringLiteral("invalid_threshold"), QStringLiteral("threshold must be a number, 0 or more."),
                                  QStringLiteral("threshold"));
    if (outcome && !enabled.isUndefined() && !enabled.isBool())
        outcome = Error::badInput(QStringLiteral("wrong_type"), QStringLiteral("enabled must be true or false."), QStringLiteral("enabled"));
    if (outcome) {
        next.threshold = threshold.toDouble(next.threshold);
        next.enabled = enabled.toBool(next.enabled);
        if (next.unit() == QLatin1String("percent") && next.threshold > 100)
            outcome = Error{ErrorKind::Unprocessable, QStringLiteral("invalid_threshold"),
                            QStringLiteral("A percentage threshold is at most 100."), QStringLiteral("threshold")};
    }
    if (outcome) {
        next.updatedAt = nowIso();
        next.updatedBy = user;
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE alert_rules SET threshold = ?, enabled = ?, updated_at = ?, updated_by = ? WHERE id = ?"));
        for (const QVariant &v : {QVariant(next.threshold), QVariant(next.enabled ? 1 : 0), QVariant(next.updatedAt), QVariant(user), QVariant(id)})
            q.addBindValue(v);
        outcome = exec(q, QStringLiteral("change an alert rule"));
    }
    m_audit.record(user, QStringLiteral("alert-rule.update"), id, outcome, body);
    if (!outcome)
        return outcome.error();
    Q_EMIT rulesChanged();
    return next;
}

Status AlertRules::evaluateCapacity(const CapacityReport &report)
{
    const auto all = rules();
    if (!all)
        return all.error();
    for (const AlertRule &r : *all) {
        QList<RuleBreach> breaches;
        QStringList evaluated;
        if (r.id == clusterCapacity && report.storage.usableBytes > 0) {
            const double used = 100.0 * double(report.storage.usedBytes) / double(report.storage.usableBytes);
            evaluated << cluster;
            if (used > r.threshold)
                breaches.append({cluster, {}, used,
                                 QStringLiteral("storage %1 % used, over the %2 % threshold").arg(figure(used), figure(r.threshold))});
        } else if (r.id == tenantQuota) {
            for (const TenantCapacity &t : report.tenants) {
                if (t.quotaBytes <= 0 || t.usageSource == CapacitySource::none)
                    continue;
                const double used = 100.0 * double(t.usedBytes) / double(t.quotaBytes);
                evaluated << t.id;
                if (used > r.threshold)
                    breaches.append({t.id, t.id, used,
                                     QStringLiteral("tenant %1 uses %2 % of its capacity quota, over the %3 % threshold")
                                         .arg(t.name, figure(used), figure(r.threshold)),
                                     QStringLiteral("You use %1 % of your capacity quota.").arg(figure(used))});
            }
        } else if (r.id == runway) {
            if (const auto days = report.runway.runwayDays) {
                evaluated << cluster;
                if (*days < r.threshold)
                    breaches.append({cluster, {}, *days,
                                     QStringLiteral("storage runs out in %1 days at the current growth, under the %2-day threshold")
                                         .arg(figure(*days), figure(r.threshold))});
            }
            for (const TenantCapacity &t : report.tenants) {
                const auto days = t.runway.runwayDays;
                if (!days)
                    continue;
                evaluated << t.id;
                if (*days < r.threshold)
                    breaches.append({t.id, t.id, *days,
                                     QStringLiteral("tenant %1 fills its capacity quota in %2 days at the current growth, under the %3-day threshold")
                                         .arg(t.name, figure(*days), figure(r.threshold)),
                                     QStringLiteral("At your current growth your capacity quota is full in %1 days.").arg(figure(*days))});
            }
        } else {
            continue;
        }
        if (Status s = apply(r, breaches, evaluated); !s)
            return s;
    }
    return success();
}

Status AlertRules::evaluateProbes(const QList<ProbeResult> &results)
{
    const auto r = rule(probeLatency);
    if (!r)
        return r.error();
    // The slowest answering endpoint of each tenant x kind speaks for it.
    QHash<QString, const ProbeResult *> slowest;
    QStringList evaluated;
    for (const ProbeResult &p : results) {
        if (!p.up)
            continue; // a failed probe is the matrix's business (down), not a latency
        const QString subject = p.target.tenantId + u'/' + p.target.kind;
        if (!slowest.contains(subject))
            evaluated << subject;
        const ProbeResult *&worst = slowest[subject];
        if (!worst || p.latencyMs > worst->latencyMs)
            worst = &p;
    }
    QList<RuleBreach> breaches;
    for (const QString &subject : std::as_const(evaluated)) {
        const ProbeResult *p = slowest.value(subject);
        if (double(p->latencyMs) > r->threshold)
            breaches.append({subject, p->target.tenantId, double(p->latencyMs),
                             QStringLiteral("%1's %2 (%3 %4) answered in %5 ms, over the %6 ms threshold")
                                 .arg(p->target.tenantName, p->target.kind, probeNoun(p->target.protocol), p->target.shownEndpoint)
                                 .arg(p->latencyMs)
                                 .arg(figure(r->threshold)),
                             QStringLiteral("Your %1 endpoint %2 is slow: it answered in %3 ms.")
                                 .arg(p->target.kind, p->target.shownEndpoint)
                                 .arg(p->latencyMs)});
    }
    return apply(*r, breaches, evaluated);
}

Status AlertRules::apply(const AlertRule &rule, const QList<RuleBreach> &breaches, const QStringList &evaluated)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT subject, alert_id, value FROM rule_alerts WHERE rule = ?"));
    q.addBindValue(rule.id);
    if (Status s = exec(q, QStringLiteral("read open rule alerts")); !s)
        return s;
    QHash<QString, QPair<QString, double>> open; // subject -> alert id, value
    while (q.next())
        open.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toDouble()});

    const QList<RuleBreach> over = rule.enabled ? breaches : QList<RuleBreach>();
    QSet<QString> stillOver;
    for (const RuleBreach &b : over) {
        stillOver.insert(b.subject);
        QSqlQuery w(m_db.connection());
        if (open.contains(b.subject)) { // already open: one alert per subject, its figure kept current
            w.prepare(QStringLiteral("UPDATE rule_alerts SET value = ? WHERE rule = ? AND subject = ?"));
            for (const QVariant &v : {QVariant(b.value), QVariant(rule.id), QVariant(b.subject)})
                w.addBindValue(v);
            if (Status s = exec(w, QStringLiteral("update a rule alert")); !s)
                return s;
            continue;
        }
        const auto raised = m_events.raiseAlert(
            Event{{}, {}, Severity::Warning, source, b.message, b.tenantId, {}, true, {}, {}, {}, b.tenantMessage});
        if (!raised)
            return raised.error();
        w.prepare(QStringLiteral("INSERT INTO rule_alerts (rule, subject, alert_id, value) VALUES (?, ?, ?, ?)"));
        for (const QVariant &v : {QVariant(rule.id), QVariant(b.subject), QVariant(raised->id), QVariant(b.value)})
            w.addBindValue(v);
        if (Status s = exec(w, QStringLiteral("store a rule alert")); !s)
            return s;
        if (m_notify)
            m_notify(QStringLiteral("alert.raised"), alertJson(*raised, rule, b.subject, b.value));
    }
    for (auto it = open.constBegin(); it != open.constEnd(); ++it) {
        if (stillOver.contains(it.key()) || (rule.enabled && !evaluated.contains(it.key())))
            continue;
        // Cleared by hand already: the row goes all the same.
        m_events.clearAlert(it->first);
        QSqlQuery d(m_db.connection());
        d.prepare(QStringLiteral("DELETE FROM rule_alerts WHERE rule = ? AND subject = ?"));
        d.addBindValue(rule.id);
        d.addBindValue(it.key());
        if (Status s = exec(d, QStringLiteral("close a rule alert")); !s)
            return s;
        const QString message = rule.enabled
            ? QStringLiteral("alert rule %1 cleared for %2: back within its threshold of %3 %4")
            : QStringLiteral("alert rule %1 cleared for %2: the rule is disabled (threshold %3 %4)");
        const QString tenantId = it.key() == cluster ? QString() : it.key().section(u'/', 0, 0);
        const auto recorded = m_events.record(
            Event{{}, {}, Severity::Info, source, message.arg(rule.id, it.key(), figure(rule.threshold), rule.unit()), tenantId,
                  {}, false, {}, {}, {},
                  tenantId.isEmpty() ? QString() : QStringLiteral("The %1 alert on your tenant has cleared.").arg(rule.id)});
        if (m_notify && recorded) {
            Event cleared = *recorded;
            cleared.id = it->first;
            m_notify(QStringLiteral("alert.cleared"), alertJson(cleared, rule, it.key(), it->second));
        }
    }
    return success();
}

} // namespace NeoCloud
