#include "HealthRepository.h"

#include "Database.h"

#include <QSqlQuery>

namespace NeoCloud {

Result<QList<HealthCell>> HealthRepository::cells() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT tenant_id, kind, status, reason, tenant_reason, since, "
                             "alert_id FROM health_cells"));
    if (Status s = exec(q, QStringLiteral("read health cells")); !s)
        return s.error();
    QList<HealthCell> out;
    while (q.next()) {
        HealthCell c;
        c.tenantId = q.value(0).toString();
        c.kind = q.value(1).toString();
        c.status = parseHealthStatus(q.value(2).toString()).value_or(HealthStatus::Unknown);
        c.reason = q.value(3).toString();
        c.tenantReason = q.value(4).toString();
        c.since = q.value(5).toString();
        c.alertId = q.value(6).toString();
        out << c;
    }
    return out;
}

Status HealthRepository::save(const QList<HealthCell> &cells,
                              const QList<HealthTransition> &transitions)
{
    if (cells.isEmpty() && transitions.isEmpty())
        return success();
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("INSERT INTO health_cells (tenant_id, kind, status, reason, "
                                 "tenant_reason, since, alert_id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, kind) DO "
                                 "UPDATE SET status = excluded.status, "
                                 "reason = excluded.reason, tenant_reason = "
                                 "excluded.tenant_reason, since = excluded.since, "
                                 "alert_id = excluded.alert_id"));
        for (const HealthCell &c : cells) {
            for (const QVariant &v :
                 { text(c.tenantId), text(c.kind), QVariant(toString(c.status)), text(c.reason),
                   text(c.tenantReason), text(c.since), nullable(c.alertId) })
                q.addBindValue(v);
            if (Status s = exec(q, QStringLiteral("store a health cell")); !s)
                return s;
        }
        QSqlQuery t(m_db.connection());
        t.prepare(QStringLiteral("INSERT INTO health_transitions (id, tenant_id, kind, "
                                 "from_status, to_status, reason, at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const HealthTransition &h : transitions) {
            for (const QVariant &v :
                 { text(h.id), text(h.tenantId), text(h.kind), QVariant(toString(h.from)),
                   QVariant(toString(h.to)), text(h.reason), text(h.at) })
                t.addBindValue(v);
            if (Status s = exec(t, QStringLiteral("record a health transition")); !s)
                return s;
        }
        return success();
    });
}

Result<QList<HealthTransition>> HealthRepository::transitions(const QString &tenantId,
                                                              const QString &kind, int limit) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT id, tenant_id, kind, from_status, to_status, reason, at FROM health_transitions "
        "WHERE tenant_id = ? AND kind = ? ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(text(tenantId));
    q.addBindValue(text(kind));
    q.addBindValue(limit);
    if (Status s = exec(q, QStringLiteral("read health transitions")); !s)
        return s.error();
    QList<HealthTransition> out;
    while (q.next())
        out << HealthTransition {
            q.value(0).toString(),
            q.value(1).toString(),
            q.value(2).toString(),
            parseHealthStatus(q.value(3).toString()).value_or(HealthStatus::Unknown),
            parseHealthStatus(q.value(4).toString()).value_or(HealthStatus::Unknown),
            q.value(5).toString(),
            q.value(6).toString()
        };
    return out;
}

Result<QList<Webhook>> HealthRepository::webhooks() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT id, url, created_at FROM health_webhooks ORDER BY created_at, id"));
    if (Status s = exec(q, QStringLiteral("read webhooks")); !s)
        return s.error();
    QList<Webhook> out;
    while (q.next())
        out << Webhook { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() };
    return out;
}

Status HealthRepository::insertWebhook(const Webhook &webhook)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO health_webhooks (id, url, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(text(webhook.id));
    q.addBindValue(text(webhook.url));
    q.addBindValue(text(webhook.createdAt));
    return exec(q, QStringLiteral("store a webhook"));
}

Status HealthRepository::removeWebhook(const QString &id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM health_webhooks WHERE id = ?"));
    q.addBindValue(text(id));
    if (Status s = exec(q, QStringLiteral("remove a webhook")); !s)
        return s;
    if (q.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("webhook"), id);
    return success();
}

} // namespace NeoCloud
