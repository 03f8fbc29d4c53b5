#pragma once
// Reads and writes console users, their password hashes, and their bearer tokens (hashed).

#include "core/Result.h"
#include "domain/Tenancy.h"

namespace NeoCloud {

class Database;

struct UserCredentials
{
    User user;
    QString passwordHash;
};

class UserRepository
{
public:
    explicit UserRepository(Database &database) : m_db(database) { }

    Status insertUser(const User &user, const QString &passwordHash);
    Result<UserCredentials> findByUsername(const QString &username) const;
    Result<int> count() const;
    Result<QList<User>> listByTenant(const QString &tenantId) const;

    // `viewTenantId`: the token views as that tenant (a tenant viewer's rights), for operators.
    Status insertToken(const QString &tokenHash, const QString &userId, const QString &createdAt,
                       const QString &expiresAt, const QString &viewTenantId = {});
    // The user of a token that is neither expired (at `now`) nor revoked.
    Result<User> userForToken(const QString &tokenHash, const QString &now) const;
    Status revokeToken(const QString &tokenHash, const QString &now);
    Status deleteExpiredTokens(const QString &now);

private:
    Database &m_db;
};

} // namespace NeoCloud
