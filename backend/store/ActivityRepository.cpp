#include "ActivityRepository.h"

#include "Database.h"
#include "domain/Enums.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace NeoCloud {

Status ActivityRepository::insertEvent(const Event &e)
{
    return insertEvents({e});
}

Status ActivityRepository::insertEvents(const QList<Event> &events)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO events (id, time, severity, source, message, tenant_id, "
                             "device_id, alert, cleared_at, tenant_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const Event &e : events)
        if (Status s = bindAndInsert(q, e); !s)
            return s;
    return success();
}

Status ActivityRepository::clearAlerts(const QStringList &eventIds, const QString &time)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE events SET cleared_at = ? WHERE id = ? AND alert = 1 AND cleared_at IS NULL"));
    for (const QString &id : eventIds) {
        q.addBindValue(text(time));
        q.addBindValue(text(id));
        if (Status s = exec(q, QStringLiteral("clear an alert")); !s)
            return s;
    }
    return success();
}

Status ActivityRepository::bindAndInsert(QSqlQuery &q, const Event &e)
{
    q.addBindValue(text(e.id));
    q.addBindValue(text(e.time));
    q.addBindValue(toString(e.severity));
    q.addBindValue(text(e.source));
    q.addBindValue(text(e.message));
    q.addBindValue(nullable(e.tenantId));
    q.addBindValue(nullable(e.deviceId));
    q.addBindValue(e.alert ? 1 : 0);
    q.addBindValue(nullable(e.clearedAt));
    q.addBindValue(nullable(e.tenantMessage));
    return exec(q, QStringLiteral("record an event"));
}

Result<Page<Event>> ActivityRepository::events(const EventQuery &query) const
{
    const QString severity = query.severity ? toString(*query.severity) : QString();
    const QString where = QStringLiteral(" FROM events WHERE (? = '' OR time > ?) "
                                         "AND (? = '' OR severity = ?) AND (? = '' OR tenant_id = ?)")
        + (query.tenantWordedOnly ? QStringLiteral(" AND tenant_message IS NOT NULL") : QString());
    auto bind = [&](QSqlQuery &q) {
        for (const QString &value : {query.since, severity, query.tenantId})
            q.addBindValue(text(value)), q.addBindValue(text(value));
    };
    Page<Event> page;
    QSqlQuery count(m_db.connection());
    count.prepare(QStringLiteral("SELECT COUNT(*)") + where);
    bind(count);
    if (Status s = exec(count, QStringLiteral("count events")); !s)
        return s.error();
    if (count.next())
        page.total = count.value(0).toInt();

    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, time, severity, source, message, tenant_id, device_id, "
                             "alert, cleared_at, acknowledged_at, acknowledged_by, tenant_message")
              + where + QStringLiteral(" ORDER BY time DESC, id DESC LIMIT ? OFFSET ?"));
    bind(q);
    q.addBindValue(query.limit);
    q.addBindValue(query.offset);
    if (Status s = exec(q, QStringLiteral("list events")); !s)
        return s.error();
    while (q.next()) {
        Event e;
        e.id = q.value(0).toString();
        e.time = q.value(1).toString();
        e.severity = parseEnum<Severity>(q.value(2).toString()).value_or(Severity::Info);
        e.source = q.value(3).toString();
        e.message = q.value(4).toString();
        e.tenantId = q.value(5).toString();
        e.deviceId = q.value(6).toString();
        e.alert = q.value(7).toInt() != 0;
        e.clearedAt = q.value(8).toString();
        e.acknowledgedAt = q.value(9).toString();
        e.acknowledgedBy = q.value(10).toString();
        e.tenantMessage = q.value(11).toString();
        page.items.append(e);
    }
    return page;
}

Result<int> ActivityRepository::openAlertCount() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM events WHERE alert = 1 AND cleared_at IS NULL"));
    if (Status s = exec(q, QStringLiteral("count open alerts")); !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Status ActivityRepository::clearAlert(const QString &eventId, const QString &time)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE events SET cleared_at = ? WHERE id = ? AND alert = 1 "
                             "AND cleared_at IS NULL"));
    q.addBindValue(text(time));
    q.addBindValue(text(eventId));
    if (Status s = exec(q, QStringLiteral("clear an alert")); !s)
        return s;
    if (q.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("open alert"), eventId);
    return success();
}

Result<Event> ActivityRepository::acknowledgeAlert(const QString &eventId, const QString &user, const QString &time)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT alert, cleared_at, acknowledged_at, acknowledged_by, time, severity, source, message, "
                             "tenant_id, device_id FROM events WHERE id = ?"));
    q.addBindValue(text(eventId));
    if (Status s = exec(q, QStringLiteral("read an alert")); !s)
        return s.error();
    if (!q.next() || q.value(0).toInt() == 0)
        return Error::notFound(QStringLiteral("alert"), eventId);
    Event e{eventId, q.value(4).toString(), parseEnum<Severity>(q.value(5).toString()).value_or(Severity::Info),
            q.value(6).toString(), q.value(7).toString(), q.value(8).toString(), q.value(9).toString(), true,
            q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
    if (!e.clearedAt.isEmpty())
        return Error::conflict(QStringLiteral("alert_cleared"), QStringLiteral("The alert was cleared at %1; there is nothing to acknowledge.").arg(e.clearedAt));
    if (!e.acknowledgedAt.isEmpty())
        return e; // acknowledging twice changes nothing: the first acknowledgement stands
    QSqlQuery u(m_db.connection());
    u.prepare(QStringLiteral("UPDATE events SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL"));
    u.addBindValue(text(time));
    u.addBindValue(text(user));
    u.addBindValue(text(eventId));
    if (Status s = exec(u, QStringLiteral("acknowledge an alert")); !s)
        return s.error();
    e.acknowledgedAt = time;
    e.acknowledgedBy = user;
    return e;
}

Status ActivityRepository::insertAudit(const AuditEntry &a)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO audit (id, time, username, action, target, result, "
                             "detail) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(text(a.id));
    q.addBindValue(text(a.time));
    q.addBindValue(text(a.user));
    q.addBindValue(text(a.action));
    q.addBindValue(text(a.target));
    q.addBindValue(text(a.result));
    q.addBindValue(QString::fromUtf8(QJsonDocument(a.detail).toJson(QJsonDocument::Compact)));
    return exec(q, QStringLiteral("record an audit entry"));
}

Result<Page<AuditEntry>> ActivityRepository::audit(int limit, int offset) const
{
    Page<AuditEntry> page;
    QSqlQuery count(m_db.connection());
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM audit"));
    if (Status s = exec(count, QStringLiteral("count audit entries")); !s)
        return s.error();
    if (count.next())
        page.total = count.value(0).toInt();

    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, time, username, action, target, result, detail FROM audit "
                             "ORDER BY time DESC, id DESC LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (Status s = exec(q, QStringLiteral("list audit entries")); !s)
        return s.error();
    while (q.next()) {
        page.items.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                           QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object()});
    }
    return page;
}

} // namespace NeoCloud
