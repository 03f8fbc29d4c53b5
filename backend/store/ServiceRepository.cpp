#include "ServiceRepository.h"

#include "Database.h"
#include "domain/Enums.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace NeoCloud {
namespace {

QString compact(const QJsonDocument &document) { return QString::fromUtf8(document.toJson(QJsonDocument::Compact)); }
QJsonDocument parsed(const QVariant &value) { return QJsonDocument::fromJson(value.toString().toUtf8()); }

const QString columns = QStringLiteral(
    "id, tenant_id, kind, state, params, endpoints, health, job_id, error, steps, created_at, updated_at");

Service serviceFrom(const QSqlQuery &q)
{
    Service s;
    s.id = q.value(0).toString();
    s.tenantId = q.value(1).toString();
    s.kind = q.value(2).toString();
    s.state = parseEnum<ServiceState>(q.value(3).toString()).value_or(ServiceState::Failed);
    s.params = parsed(q.value(4)).object();
    s.endpoints = parsed(q.value(5)).object();
    s.health = q.value(6).toString();
    s.jobId = q.value(7).toString();
    s.error = q.value(8).toString();
    s.steps = parsed(q.value(9)).array();
    s.createdAt = q.value(10).toString();
    s.updatedAt = q.value(11).toString();
    return s;
}

void bindFields(QSqlQuery &q, const Service &s)
{
    q.addBindValue(text(s.kind));
    q.addBindValue(toString(s.state));
    q.addBindValue(compact(QJsonDocument(s.params)));
    q.addBindValue(compact(QJsonDocument(s.endpoints)));
    q.addBindValue(text(s.health));
    q.addBindValue(nullable(s.jobId));
    q.addBindValue(text(s.error));
    q.addBindValue(compact(QJsonDocument(s.steps)));
    q.addBindValue(text(s.updatedAt));
}

} // namespace

Status ServiceRepository::insert(const Service &service)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO services (kind, state, params, endpoints, health, job_id, error, steps, "
                             "updated_at, id, tenant_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindFields(q, service);
    q.addBindValue(text(service.id));
    q.addBindValue(text(service.tenantId));
    q.addBindValue(text(service.createdAt));
    return exec(q, QStringLiteral("record a service"));
}

Status ServiceRepository::update(const Service &service)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE services SET kind = ?, state = ?, params = ?, endpoints = ?, health = ?, "
                             "job_id = ?, error = ?, steps = ?, updated_at = ? WHERE id = ?"));
    bindFields(q, service);
    q.addBindValue(text(service.id));
    return exec(q, QStringLiteral("update a service"));
}

Result<Service> ServiceRepository::get(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM services WHERE id = ?"));
    q.addBindValue(text(id));
    if (Status s = exec(q, QStringLiteral("read a service")); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("service"), id);
    return serviceFrom(q);
}

Result<Page<Service>> ServiceRepository::listByTenant(const QString &tenantId, int limit, int offset) const
{
    Page<Service> page;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM services WHERE tenant_id = ?"));
    q.addBindValue(text(tenantId));
    if (Status s = exec(q, QStringLiteral("count services")); !s)
        return s.error();
    page.total = q.next() ? q.value(0).toInt() : 0;
    q.prepare(QStringLiteral("SELECT ") + columns +
              QStringLiteral(" FROM services WHERE tenant_id = ? ORDER BY created_at, rowid LIMIT ? OFFSET ?"));
    q.addBindValue(text(tenantId));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (Status s = exec(q, QStringLiteral("list services")); !s)
        return s.error();
    while (q.next())
        page.items << serviceFrom(q);
    return page;
}

Result<QList<Service>> ServiceRepository::liveByTenant(const QString &tenantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + columns +
              QStringLiteral(" FROM services WHERE tenant_id = ? AND state NOT IN ('disabled', 'failed') "
                             "ORDER BY created_at, rowid"));
    q.addBindValue(text(tenantId));
    if (Status s = exec(q, QStringLiteral("list live services")); !s)
        return s.error();
    QList<Service> out;
    while (q.next())
        out << serviceFrom(q);
    return out;
}

Result<QHash<QString, QJsonObject>> ServiceRepository::activeEndpoints() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, endpoints FROM services WHERE state = 'active'"));
    if (Status s = exec(q, QStringLiteral("read service endpoints")); !s)
        return s.error();
    QHash<QString, QJsonObject> out;
    while (q.next())
        out.insert(q.value(0).toString(), parsed(q.value(1)).object());
    return out;
}

Result<QList<Service>> ServiceRepository::liveSummaries() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, tenant_id, kind, state, health, created_at FROM services "
                             "WHERE state NOT IN ('disabled', 'failed') ORDER BY tenant_id, kind, created_at, id"));
    if (Status s = exec(q, QStringLiteral("list live services")); !s)
        return s.error();
    QList<Service> out;
    while (q.next()) {
        Service s;
        s.id = q.value(0).toString();
        s.tenantId = q.value(1).toString();
        s.kind = q.value(2).toString();
        s.state = parseEnum<ServiceState>(q.value(3).toString()).value_or(ServiceState::Failed);
        s.health = q.value(4).toString();
        s.createdAt = q.value(5).toString();
        out << s;
    }
    return out;
}

Status ServiceRepository::setHealth(const QStringList &ids, const QString &health)
{
    constexpr qsizetype chunk = 500; // bound variables per statement stay well under any engine's limit
    QSqlQuery q(m_db.connection());
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        const QStringList part = ids.mid(from, chunk);
        QStringList marks(part.size(), QStringLiteral("?"));
        q.prepare(QStringLiteral("UPDATE services SET health = ? WHERE id IN (") + marks.join(u',') + u')');
        q.addBindValue(text(health));
        for (const QString &id : part)
            q.addBindValue(text(id));
        if (Status s = exec(q, QStringLiteral("record services' health")); !s)
            return s;
    }
    return success();
}

Result<QJsonArray> ServiceRepository::foundation(const QString &tenantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT provider_foundation FROM tenants WHERE id = ?"));
    q.addBindValue(text(tenantId));
    if (Status s = exec(q, QStringLiteral("read a tenant's foundation")); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("tenant"), tenantId);
    return parsed(q.value(0)).array();
}

Status ServiceRepository::setFoundation(const QString &tenantId, const QJsonArray &steps)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE tenants SET provider_foundation = ? WHERE id = ?"));
    q.addBindValue(compact(QJsonDocument(steps)));
    q.addBindValue(text(tenantId));
    return exec(q, QStringLiteral("record a tenant's foundation"));
}

} // namespace NeoCloud
