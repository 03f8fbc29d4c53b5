#pragma once
// S3 access keys for a tenant's users: generated here, the secret shown once and stored only
// sealed, rotatable (a new secret for the same key id) and revocable.

#include "auth/SecretBox.h"
#include "core/Result.h"

#include <QList>
#include <QPair>
#include <optional>
#include <QString>

namespace NeoCloud {

class AuditLog;
class Database;
class UserRepository;

struct AccessKey
{
    QString id;
    QString tenantId;
    QString username;
    QString accessKey; // public half, e.g. NCBK...
    QString state;     // active | revoked
    QString createdAt;
    QString rotatedAt;
    QString revokedAt;
};

struct IssuedKey
{
    AccessKey key;
    QString secret; // only in the answer that creates or rotates it
};

class AccessKeyService
{
public:
    AccessKeyService(Database &database, UserRepository &users, SecretBox box, AuditLog &audit);

    Result<IssuedKey> create(const QString &tenantId, const QString &username, const QString &by);
    Result<QList<AccessKey>> list(const QString &tenantId) const;
    Result<IssuedKey> rotate(const QString &tenantId, const QString &keyId, const QString &by);
    Status revoke(const QString &tenantId, const QString &keyId, const QString &by);
    // The secret of an active key, for the provider that hands it to the storage system.
    Result<QString> secret(const QString &tenantId, const QString &keyId) const;
    // The tenant's oldest active key with its secret: what the S3 probe signs with, so a probe
    // sees what the tenant's own clients see. Nothing when the tenant has no active key.
    std::optional<QPair<QString, QString>> probeKey(const QString &tenantId) const;
    // The secret of an active key by its public half: what the storage system checks a
    // signature with (the demo lab's S3 plays that system).
    std::optional<QString> secretOfAccessKey(const QString &accessKey) const;

private:
    Result<AccessKey> get(const QString &tenantId, const QString &keyId) const;

    Database &m_db;
    UserRepository &m_users;
    SecretBox m_box;
    AuditLog &m_audit;
};

} // namespace NeoCloud
