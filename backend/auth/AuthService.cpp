#include "AuthService.h"

#include "PasswordHasher.h"
#include "activity/AuditLog.h"
#include "core/Ids.h"
#include "core/Time.h"
#include "store/UserRepository.h"

#include <QLoggingCategory>
#include <QRegularExpression>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcAuth, "neocloud.auth")

namespace {

Error loginFailed()
{
    // One answer for unknown user and wrong password, so logins cannot probe for usernames.
    return {ErrorKind::Unauthorized, QStringLiteral("invalid_credentials"),
            QStringLiteral("Unknown username or wrong password."), {}};
}

// A hash to verify against when the user does not exist, so both paths cost the same time.
const QString &decoyHash()
{
    static const QString hash = PasswordHasher::hash(PasswordHasher::randomSecret());
    return hash;
}

} // namespace

AuthService::AuthService(UserRepository &users, AuditLog &audit, int tokenTtlSeconds,
                         QObject *parent)
    : QObject(parent)
    , m_users(users)
    , m_audit(audit)
    , m_tokenTtlSeconds(tokenTtlSeconds)
{
}

Result<QString> AuthService::bootstrapAdmin(const QString &password)
{
    const Result<int> existing = m_users.count();
    if (!existing)
        return existing.error();
    if (*existing > 0)
        return QString();
    const QString chosen = password.isEmpty() ? PasswordHasher::randomSecret(18) : password;
    User admin;
    admin.id = newId(QLatin1String("usr"));
    admin.username = QStringLiteral("admin");
    admin.role = Role::OperatorAdmin;
    admin.createdAt = nowIso();
    if (Status s = m_users.insertUser(admin, PasswordHasher::hash(chosen)); !s)
        return s.error();
    m_audit.record(QStringLiteral("system"), QStringLiteral("user.create"), admin.username,
                   success());
    return password.isEmpty() ? chosen : QString();
}

Result<LoginSession> AuthService::login(const QString &username, const QString &password)
{
    const Result<UserCredentials> found = m_users.findByUsername(username);
    if (!found && found.error().kind != ErrorKind::NotFound)
        return found.error();
    const bool valid = found ? PasswordHasher::verify(password, found->passwordHash)
                             : (PasswordHasher::verify(password, decoyHash()), false);
    if (!valid) {
        m_audit.record(username, QStringLiteral("auth.login"), username, Status(loginFailed()));
        return loginFailed();
    }
    LoginSession session;
    session.token = PasswordHasher::randomSecret(32);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    session.expiresAt = toIsoTime(now.addSecs(m_tokenTtlSeconds));
    session.user = found->user;
    // Opportunistic clean-up keeps the table at the size of the live sessions.
    m_users.deleteExpiredTokens(toIsoTime(now));
    if (Status s = m_users.insertToken(PasswordHasher::tokenHash(session.token), session.user.id,
                                       toIsoTime(now), session.expiresAt);
        !s) {
        return s.error();
    }
    m_audit.record(username, QStringLiteral("auth.login"), username, success());
    return session;
}

Result<User> AuthService::authenticate(const QString &bearerToken) const
{
    if (bearerToken.isEmpty()) {
        return Error{ErrorKind::Unauthorized, QStringLiteral("missing_token"),
                     QStringLiteral("This route needs 'Authorization: Bearer <token>'; log in at "
                                    "POST /api/v1/auth/login."),
                     {}};
    }
    return m_users.userForToken(PasswordHasher::tokenHash(bearerToken), nowIso());
}

Result<LoginSession> AuthService::viewAsTenant(const User &operatorUser, const QString &tenantId, int ttlSeconds)
{
    if ((operatorUser.role != Role::OperatorAdmin && operatorUser.role != Role::OperatorViewer) || operatorUser.viewingAs)
        return Error{ErrorKind::Forbidden, QStringLiteral("forbidden"), QStringLiteral("Only operators may view as a tenant."), {}};
    LoginSession session;
    session.token = PasswordHasher::randomSecret(32);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    session.expiresAt = toIsoTime(now.addSecs(qBound(60, ttlSeconds, m_tokenTtlSeconds)));
    session.user = operatorUser;
    session.user.role = Role::TenantViewer;
    session.user.tenantId = tenantId;
    session.user.viewingAs = true;
    const Status stored = m_users.insertToken(PasswordHasher::tokenHash(session.token), operatorUser.id, toIsoTime(now),
                                              session.expiresAt, tenantId);
    m_audit.record(operatorUser.username, QStringLiteral("auth.view-as"), tenantId, stored);
    if (!stored)
        return stored.error();
    return session;
}

Status AuthService::endViewAs(const QString &bearerToken, const User &operatorUser, const QString &tenantId)
{
    const Status revoked = m_users.revokeToken(PasswordHasher::tokenHash(bearerToken), nowIso());
    m_audit.record(operatorUser.username, QStringLiteral("auth.view-as.end"), tenantId, revoked);
    return revoked;
}

Result<User> AuthService::operatorAccount(const QString &username) const
{
    const Result<UserCredentials> found = m_users.findByUsername(username);
    if (!found)
        return found.error();
    if (found->user.role != Role::OperatorAdmin && found->user.role != Role::OperatorViewer)
        return Error{ErrorKind::Forbidden, QStringLiteral("forbidden"),
                     QStringLiteral("'%1' is not an operator.").arg(username), {}};
    return found->user;
}

Status AuthService::logout(const QString &bearerToken, const User &user)
{
    const Status revoked = m_users.revokeToken(PasswordHasher::tokenHash(bearerToken), nowIso());
    m_audit.record(user.username, QStringLiteral("auth.logout"), user.username, revoked);
    return revoked;
}

} // namespace NeoCloud

namespace NeoCloud {

Result<User> AuthService::createTenantUser(const QString &tenantId, const QString &username, const QString &password,
                                           Role role, const QString &by)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,63}$"));
    Status outcome = success();
    if (!valid.match(username).hasMatch())
        outcome = Error{ErrorKind::Unprocessable, QStringLiteral("invalid_username"),
                        QStringLiteral("A username is 2 to 64 lower-case letters, digits, '.', '_' or '-'."), QStringLiteral("username")};
    else if (password.size() < 10)
        outcome = Error{ErrorKind::Unprocessable, QStringLiteral("weak_password"),
                        QStringLiteral("A password needs at least 10 characters."), QStringLiteral("password")};
    else if (role != Role::TenantAdmin && role != Role::TenantViewer)
        outcome = Error{ErrorKind::Unprocessable, QStringLiteral("invalid_role"),
                        QStringLiteral("A tenant's user is tenant-admin or tenant-viewer."), QStringLiteral("role")};
    User user{newId(QLatin1String("usr")), username, role, tenantId, nowIso()};
    if (outcome) {
        outcome = m_users.insertUser(user, PasswordHasher::hash(password));
        if (!outcome && outcome.error().code == QLatin1String("duplicate"))
            outcome = Error::conflict(QStringLiteral("duplicate_username"), QStringLiteral("The username '%1' is taken.").arg(username),
                                      QStringLiteral("username"));
    }
    m_audit.record(by, QStringLiteral("user.create"), username, outcome, {{QStringLiteral("tenant"), tenantId}});
    if (!outcome)
        return outcome.error();
    return user;
}

Result<QList<User>> AuthService::tenantUsers(const QString &tenantId) const { return m_users.listByTenant(tenantId); }

} // namespace NeoCloud
