#include "AccessKeyModel.h"

#include "TenantUserModel.h"
#include "core/Time.h"

namespace NeoCloud {
namespace {

const QString consoleUser = QStringLiteral("console");

QVariant localTime(const QString &iso)
{
    return iso.isEmpty() ? QVariant() : QVariant(fromIsoTime(iso).toLocalTime());
}

QVariantMap refused(const Error &error)
{
    QVariantMap out = refusal(error);
    out.insert(QStringLiteral("ok"), false);
    return out;
}

} // namespace

AccessKeyModel::AccessKeyModel(AccessKeyService &keys, QObject *parent)
    : ReadListModel(parent)
    , m_service(keys)
{ }

int AccessKeyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

QVariant AccessKeyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccessKey &k = m_keys.at(index.row());
    switch (role) {
    case KeyIdRole:
        return k.id;
    case UsernameRole:
        return k.username;
    case Qt::DisplayRole:
    case AccessKeyRole:
        return k.accessKey;
    case StateRole:
        return k.state;
    case CreatedAtRole:
        return localTime(k.createdAt);
    case RotatedAtRole:
        return localTime(k.rotatedAt);
    case RevokedAtRole:
        return localTime(k.revokedAt);
    default:
        return {};
    }
}

QHash<int, QByteArray> AccessKeyModel::roleNames() const
{
    return { { KeyIdRole, "keyId" },         { UsernameRole, "username" },
             { AccessKeyRole, "accessKey" }, { StateRole, "state" },
             { CreatedAtRole, "createdAt" }, { RotatedAtRole, "rotatedAt" },
             { RevokedAtRole, "revokedAt" } };
}

void AccessKeyModel::show(const QString &tenantId)
{
    m_tenantId = tenantId;
    reload();
}

QVariantMap AccessKeyModel::createKey(const QString &username)
{
    return issued(m_service.create(m_tenantId, username, consoleUser));
}

QVariantMap AccessKeyModel::rotateKey(const QString &keyId)
{
    return issued(m_service.rotate(m_tenantId, keyId, consoleUser));
}

QVariantMap AccessKeyModel::revokeKey(const QString &keyId)
{
    const Status revoked = m_service.revoke(m_tenantId, keyId, consoleUser);
    if (!revoked)
        return refused(revoked.error());
    reload();
    return { { QStringLiteral("ok"), true } };
}

QVariantMap AccessKeyModel::issued(const Result<IssuedKey> &result)
{
    if (!result)
        return refused(result.error());
    reload();
    return { { QStringLiteral("ok"), true },
             { QStringLiteral("username"), result->key.username },
             { QStringLiteral("accessKey"), result->key.accessKey },
             { QStringLiteral("secretKey"), result->secret } };
}

void AccessKeyModel::reload()
{
    replaceRows(m_keys,
                m_tenantId.isEmpty() ? Result<QList<AccessKey>>(QList<AccessKey>())
                                     : m_service.list(m_tenantId));
}

} // namespace NeoCloud
