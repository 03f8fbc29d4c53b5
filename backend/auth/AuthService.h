#pragma once
// Who may use the console: the first administrator, logins that hand out bearer tokens,
// and the check every protected request goes through.

#include "core/Result.h"
#include "domain/Tenancy.h"

#include <QObject>

namespace NeoCloud {

class AuditLog;
class UserRepository;

struct LoginSession
{
    QString token; // shown once, stored only as a hash
    QString expiresAt;
    User user;
};

class AuthService : public QObject
{
    Q_OBJECT
public:
    AuthService(UserRepository &users, AuditLog &audit, int tokenTtlSeconds,
                QObject *parent = nullptr);

    // Creates `admin` when there are no users. Returns the generated password when `password`
    // was empty (for the caller to log once), or an empty string.
    Result<QString> bootstrapAdmin(const QString &password);

    Result<LoginSession> login(const QString &username, const QString &password);
    Result<User> authenticate(const QString &bearerToken) const;
    Status logout(const QString &bearerToken, const User &user);

    // A short-lived token with which `operatorUser` sees `tenantId` as its tenant viewers do
    // ("view as tenant", for the portal and demos). Only operators get one; the caller checks
    // that the tenant exists.
    Result<LoginSession> viewAsTenant(const User &operatorUser, const QString &tenantId, int ttlSeconds = 900);
    // Ends a view-as token before it expires (its window was closed), audited as such rather
    // than as the operator logging out.
    Status endViewAs(const QString &bearerToken, const User &operatorUser, const QString &tenantId);

    // The operator account the desktop console acts for (it signs no one in: whoever runs it
    // owns the store), so its view-as tokens belong to a real user. Not found or not an
    // operator: an error.
    Result<User> operatorAccount(const QString &username) const;

    // A user of a tenant (tenant-admin or tenant-viewer), password hashed with Argon2id.
    Result<User> createTenantUser(const QString &tenantId, const QString &username, const QString &password, Role role,
                                  const QString &by);
    Result<QList<User>> tenantUsers(const QString &tenantId) const;

private:
    UserRepository &m_users;
    AuditLog &m_audit;
    int m_tokenTtlSeconds;
};

} // namespace NeoCloud
