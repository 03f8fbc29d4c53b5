#include "AccessKeyService.h"

#include "activity/AuditLog.h"
#include "auth/PasswordHasher.h"
#include "core/Ids.h"
#include "core/Time.h"
#include "store/Database.h"
#include "store/UserRepository.h"

#include <QSqlQuery>

namespace NeoCloud {
namespace {

const QString columns = QStringLiteral("k.id, k.tenant_id, u.username, k.access_key, k.state, k.created_at, k.rotated_at, k.revoked_at");

AccessKey keyFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString()};
}

// 20 characters like an AWS key id: a recognisable prefix and 16 random upper-case characters.
QString newAccessKeyId()
{
    QString random = PasswordHasher::randomSecret(24).toUpper();
    random.remove(QLatin1Char('-')).remove(QLatin1Char('_'));
    return QStringLiteral("NCBK") + random.left(16);
}

} // namespace

AccessKeyService::AccessKeyService(Database &database, UserRepository &users, SecretBox box, AuditLog &audit)
    : m_db(database)
    , m_users(users)
    , m_box(std::move(box))
    , m_audit(audit)
{
}

Result<IssuedKey> AccessKeyService::create(const QString &tenantId, const QString &username, const QString &by)
{
    const auto user = m_users.findByUsername(username);
    Status outcome = success();
    if (!user || user->user.tenantId != tenantId)
        outcome = Error{ErrorKind::Unprocessable, QStringLiteral("unknown_user"),
                        QStringLiteral("The tenant has no user named '%1'.").arg(username), QStringLiteral("username")};
    IssuedKey issued;
    if (outcome) {
        issued.secret = PasswordHasher::randomSecret(30);
        issued.key = {newId(QLatin1String("key")), tenantId, username, newAccessKeyId(), QStringLiteral("active"), nowIso(), {}, {}};
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("INSERT INTO access_keys (id, tenant_id, user_id, access_key, secret, state, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, 'active', ?)"));
        for (const QVariant &v : {QVariant(issued.key.id), QVariant(tenantId), QVariant(user->user.id), QVariant(issued.key.accessKey),
                                  QVariant(m_box.seal(issued.secret)), QVariant(issued.key.createdAt)})
            q.addBindValue(v);
        outcome = exec(q, QStringLiteral("store an access key"));
    }
    m_audit.record(by, QStringLiteral("accesskey.create"), outcome ? issued.key.accessKey : username, outcome,
                   {{QStringLiteral("tenant"), tenantId}});
    if (!outcome)
        return outcome.error();
    return issued;
}

Result<QList<AccessKey>> AccessKeyService::list(const QString &tenantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM access_keys k JOIN users u ON u.id = k.user_id "
                                                                   "WHERE k.tenant_id = ? ORDER BY k.created_at"));
    q.addBindValue(text(tenantId));
    if (Status s = exec(q, QStringLiteral("list access keys")); !s)
        return s.error();
    QList<AccessKey> out;
    while (q.next())
        out << keyFrom(q);
    return out;
}

Result<AccessKey> AccessKeyService::get(const QString &tenantId, const QString &keyId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM access_keys k JOIN users u ON u.id = k.user_id "
                                                                   "WHERE k.tenant_id = ? AND k.id = ?"));
    q.addBindValue(text(tenantId));
    q.addBindValue(text(keyId));
    if (Status s = exec(q, QStringLiteral("read an access key")); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("access key"), keyId);
    return keyFrom(q);
}

Result<IssuedKey> AccessKeyService::rotate(const QString &tenantId, const QString &keyId, const QString &by)
{
    auto key = get(tenantId, keyId);
    Status outcome = key ? success() : Status(key.error());
    IssuedKey issued;
    if (outcome && key->state != QLatin1String("active"))
        outcome = Error::conflict(QStringLiteral("key_revoked"), QStringLiteral("A revoked key cannot be rotated; create a new one."));
    if (outcome) {
        issued.key = *key;
        issued.secret = PasswordHasher::randomSecret(30);
        issued.key.rotatedAt = nowIso();
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE access_keys SET secret = ?, rotated_at = ? WHERE id = ? AND state = 'active'"));
        q.addBindValue(m_box.seal(issued.secret));
        q.addBindValue(issued.key.rotatedAt);
        q.addBindValue(keyId);
        outcome = exec(q, QStringLiteral("rotate an access key"));
    }
    m_audit.record(by, QStringLiteral("accesskey.rotate"), keyId, outcome, {{QStringLiteral("tenant"), tenantId}});
    if (!outcome)
        return outcome.error();
    return issued;
}

Status AccessKeyService::revoke(const QString &tenantId, const QString &keyId, const QString &by)
{
    auto key = get(tenantId, keyId);
    Status outcome = key ? success() : Status(key.error());
    if (outcome && key->state != QLatin1String("active"))
        outcome = Error::conflict(QStringLiteral("key_revoked"), QStringLiteral("The key is already revoked."));
    if (outcome) {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE access_keys SET state = 'revoked', revoked_at = ? WHERE id = ?"));
        q.addBindValue(nowIso());
        q.addBindValue(keyId);
        outcome = exec(q, QStringLiteral("revoke an access key"));
    }
    m_audit.record(by, QStringLiteral("accesskey.revoke"), keyId, outcome, {{QStringLiteral("tenant"), tenantId}});
    return outcome;
}

Result<QString> AccessKeyService::secret(const QString &tenantId, const QString &keyId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT secret FROM access_keys WHERE tenant_id = ? AND id = ? AND state = 'active'"));
    q.addBindValue(text(tenantId));
    q.addBindValue(text(keyId));
    if (Status s = exec(q, QStringLiteral("read an access key")); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("active access key"), keyId);
    return m_box.unseal(q.value(0).toString());
}

std::optional<QPair<QString, QString>> AccessKeyService::probeKey(const QString &tenantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT access_key, secret FROM access_keys WHERE tenant_id = ? AND state = 'active' "
                             "ORDER BY created_at LIMIT 1"));
    q.addBindValue(text(tenantId));
    if (!exec(q, QStringLiteral("read a probe key")) || !q.next())
        return std::nullopt;
    const auto secret = m_box.unseal(q.value(1).toString());
    if (!secret)
        return std::nullopt;
    return QPair<QString, QString>(q.value(0).toString(), *secret);
}

std::optional<QString> AccessKeyService::secretOfAccessKey(const QString &accessKey) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT secret FROM access_keys WHERE access_key = ? AND state = 'active'"));
    q.addBindValue(text(accessKey));
    if (!exec(q, QStringLiteral("read an access key")) || !q.next())
        return std::nullopt;
    const auto secret = m_box.unseal(q.value(0).toString());
    if (!secret)
        return std::nullopt;
    return *secret;
}

} // namespace NeoCloud
