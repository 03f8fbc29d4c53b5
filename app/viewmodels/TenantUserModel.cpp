#include "TenantUserModel.h"

#include "TenancyText.h"
#include "auth/AuthService.h"
#include "core/Time.h"
#include "domain/Enums.h"

namespace NeoCloud {
namespace {

const QString consoleUser = QStringLiteral("console");

} // namespace

QVariantMap refusal(const Error &error)
{
    return { { QStringLiteral("field"), error.field },
             { QStringLiteral("message"), error.message } };
}

TenantUserModel::TenantUserModel(AuthService &auth, QObject *parent)
    : ReadListModel(parent)
    , m_auth(auth)
{ }

int TenantUserModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant TenantUserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User &u = m_users.at(index.row());
    switch (role) {
    case UserIdRole:
        return u.id;
    case Qt::DisplayRole:
    case UsernameRole:
        return u.username;
    case RoleRole:
        return toString(u.role);
    case RoleLabelRole:
        return roleLabel(u.role);
    case CreatedAtRole:
        return fromIsoTime(u.createdAt).toLocalTime();
    default:
        return {};
    }
}

QHash<int, QByteArray> TenantUserModel::roleNames() const
{
    return { { UserIdRole, "userId" },
             { UsernameRole, "username" },
             { RoleRole, "role" },
             { RoleLabelRole, "roleLabel" },
             { CreatedAtRole, "createdAt" } };
}

void TenantUserModel::show(const QString &tenantId)
{
    m_tenantId = tenantId;
    reload();
}

QString TenantUserModel::usernameAt(int row) const
{
    return row >= 0 && row < m_users.size() ? m_users.at(row).username : QString();
}

QVariantMap TenantUserModel::addUser(const QString &username, const QString &password,
                                     const QString &role)
{
    if (m_tenantId.isEmpty())
        return refusal(Error::badInput(QStringLiteral("no_tenant"), tr("Pick a tenant first.")));
    const std::optional<Role> parsed = parseEnum<Role>(role);
    if (!parsed)
        return refusal(Error::badInput(QStringLiteral("invalid_enum"),
                                       tr("A role is tenant-admin or tenant-viewer."),
                                       QStringLiteral("role")));
    const Result<User> added
        = m_auth.createTenantUser(m_tenantId, username.trimmed(), password, *parsed, consoleUser);
    if (!added)
        return refusal(added.error());
    reload();
    return {};
}

void TenantUserModel::reload()
{
    replaceRows(m_users,
                m_tenantId.isEmpty() ? Result<QList<User>>(QList<User>())
                                     : m_auth.tenantUsers(m_tenantId));
}

} // namespace NeoCloud
