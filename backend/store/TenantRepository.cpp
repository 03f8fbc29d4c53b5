#include "TenantRepository.h"

#include "Database.h"
#include "domain/Enums.h"

#include <QSqlQuery>

namespace NeoCloud {

Status TenantRepository::insert(const Tenant &t)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO tenants (id, name, display_name, contact_email, state, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(text(t.id));
    q.addBindValue(text(t.name));
    q.addBindValue(text(t.displayName));
    q.addBindValue(text(t.contactEmail));
    q.addBindValue(toString(t.state));
    q.addBindValue(text(t.createdAt));
    return exec(q, QStringLiteral("add tenant '%1'").arg(t.name));
}

Result<Page<Tenant>> TenantRepository::list(int limit, int offset) const
{
    Page<Tenant> page;
    const Result<int> total = count();
    if (!total)
        return total.error();
    page.total = *total;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, name, display_name, contact_email, state, created_at "
                             "FROM tenants ORDER BY name LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (Status s = exec(q, QStringLiteral("list tenants")); !s)
        return s.error();
    while (q.next()) {
        page.items.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toString(),
                           parseEnum<TenantState>(q.value(4).toString()).value_or(TenantState::Active),
                           q.value(5).toString()});
    }
    return page;
}

Result<int> TenantRepository::count() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM tenants"));
    if (Status s = exec(q, QStringLiteral("count tenants")); !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace NeoCloud
