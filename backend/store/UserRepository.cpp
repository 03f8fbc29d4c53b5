#include "UserRepository.h"

#include "Database.h"
#include "domain/Enums.h"

#include <QSqlQuery>

namespace NeoCloud {
namespace {

User userFrom(const QSqlQuery &q, int first)
{
    User u;
    u.id = q.value(first).toString();
    u.username = q.value(first + 1).toString();
    u.role = parseEnum<Role>(q.value(first + 2).toString()).value_or(Role::OperatorViewer);
    u.tenantId = q.value(first + 3).toString();
    u.createdAt = q.value(first + 4).toString();
    return u;
}

Error badToken()
{
    return {ErrorKind::Unauthorized, QStringLiteral("invalid_token"),
            QStringLiteral("The token is unknown, expired or revoked; log in again."), {}};
}

} // namespace

Status UserRepository::insertUser(const User &user, const QString &passwordHash)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO users (id, username, password_hash, role, tenant_id, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(text(user.id));
    q.addBindValue(text(user.username));
    q.addBindValue(text(passwordHash));
    q.addBindValue(toString(user.role));
    q.addBindValue(user.tenantId.isEmpty() ? QVariant() : QVariant(user.tenantId));
    q.addBindValue(text(user.createdAt));
    return exec(q, QStringLiteral("add user '%1'").arg(user.username));
}

Result<UserCredentials> UserRepository::findByUsername(const QString &username) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, username, role, tenant_id, created_at, password_hash "
                             "FROM users WHERE username = ?"));
    q.addBindValue(text(username));
    if (Status s = exec(q, QStringLiteral("read a user")); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("user"), username);
    return UserCredentials{userFrom(q, 0), q.value(5).toString()};
}

Result<int> UserRepository::count() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (Status s = exec(q, QStringLiteral("count users")); !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Result<QList<User>> UserRepository::listByTenant(const QString &tenantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, username, role, tenant_id, created_at FROM users WHERE tenant_id = ? ORDER BY username"));
    q.addBindValue(text(tenantId));
    if (Status s = exec(q, QStringLiteral("list users")); !s)
        return s.error();
    QList<User> out;
    while (q.next())
        out << userFrom(q, 0);
    return out;
}

Status UserRepository::insertToken(const QString &tokenHash, const QString &userId,
                                   const QString &createdAt, const QString &expiresAt, const QString &viewTenantId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO tokens (token_hash, user_id, created_at, expires_at, view_tenant_id) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(text(tokenHash));
    q.addBindValue(text(userId));
    q.addBindValue(text(createdAt));
    q.addBindValue(text(expiresAt));
    q.addBindValue(nullable(viewTenantId));
    return exec(q, QStringLiteral("store a token"));
}

Result<User> UserRepository::userForToken(const QString &tokenHash, const QString &now) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT u.id, u.username, u.role, u.tenant_id, u.created_at, t.view_tenant_id "
                             "FROM tokens t JOIN users u ON u.id = t.user_id "
                             "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?"));
    q.addBindValue(text(tokenHash));
    q.addBindValue(text(now));
    if (Status s = exec(q, QStringLiteral("check a token")); !s)
        return s.error();
    if (!q.next())
        return badToken();
    User user = userFrom(q, 0);
    if (const QString viewed = q.value(5).toString(); !viewed.isEmpty()) {
        // An operator looking through a tenant's eyes has exactly a tenant viewer's rights.
        user.role = Role::TenantViewer;
        user.tenantId = viewed;
        user.viewingAs = true;
    }
    return user;
}

Status UserRepository::revokeToken(const QString &tokenHash, const QString &now)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE tokens SET revoked_at = ? WHERE token_hash = ? "
                             "AND revoked_at IS NULL"));
    q.addBindValue(text(now));
    q.addBindValue(text(tokenHash));
    if (Status s = exec(q, QStringLiteral("revoke a token")); !s)
        return s;
    return q.numRowsAffected() > 0 ? success() : Status(badToken());
}

Status UserRepository::deleteExpiredTokens(const QString &now)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM tokens WHERE expires_at <= ?"));
    q.addBindValue(text(now));
    return exec(q, QStringLiteral("delete expired tokens"));
}

} // namespace NeoCloud
