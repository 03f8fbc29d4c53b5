#include "OnboardingUserModel.h"

#include "domain/Enums.h"
#include "services/ServiceEngine.h"

namespace NeoCloud {

OnboardingUserModel::OnboardingUserModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int OnboardingUserModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant OnboardingUserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UsernameRole:
        return row.username;
    case PasswordRole:
        return row.password;
    case RoleRole:
        return row.role;
    case ErrorFieldRole:
        return row.errorField;
    case ErrorRole:
        return row.error;
    default:
        return {};
    }
}

bool OnboardingUserModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    static const QHash<int, QString> fields { { UsernameRole, QStringLiteral("username") },
                                              { PasswordRole, QStringLiteral("password") },
                                              { RoleRole, QStringLiteral("role") } };
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !fields.contains(role))
        return false;
    set(index.row(), fields.value(role), value.toString());
    return true;
}

Qt::ItemFlags OnboardingUserModel::flags(const QModelIndex &index) const
{
    return QAbstractListModel::flags(index) | Qt::ItemIsEditable;
}

QHash<int, QByteArray> OnboardingUserModel::roleNames() const
{
    return { { UsernameRole, "username" },
             { PasswordRole, "password" },
             { RoleRole, "role" },
             { ErrorFieldRole, "errorField" },
             { ErrorRole, "error" } };
}

void OnboardingUserModel::add(const QString &role)
{
    beginInsertRows({}, count(), count());
    m_rows.append({ {}, {}, role, {}, {} });
    endInsertRows();
    Q_EMIT countChanged();
}

void OnboardingUserModel::remove(int row)
{
    if (row < 0 || row >= count())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

void OnboardingUserModel::set(int row, const QString &field, const QString &value)
{
    if (row < 0 || row >= count())
        return;
    Row &r = m_rows[row];
    QString *target = field == QLatin1String("username") ? &r.username
        : field == QLatin1String("password")             ? &r.password
        : field == QLatin1String("role")                 ? &r.role
                                                         : nullptr;
    if (!target || *target == value)
        return;
    *target = value;
    // An edit answers the refusal of that field.
    if (r.errorField == field) {
        r.errorField.clear();
        r.error.clear();
    }
    Q_EMIT dataChanged(index(row), index(row));
}

void OnboardingUserModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
}

QList<TenantUserDraft> OnboardingUserModel::drafts() const
{
    QList<TenantUserDraft> out;
    // A role that does not parse is passed on as one the backend refuses, with its reason.
    for (const Row &r : m_rows)
        out.append({ r.username.trimmed(), r.password,
                     parseEnum<Role>(r.role).value_or(Role::OperatorViewer) });
    return out;
}

void OnboardingUserModel::showError(int row, const QString &field, const QString &message)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        const bool marked = i == row;
        r.errorField = marked ? field : QString();
        r.error = marked ? message : QString();
    }
    if (count() > 0)
        Q_EMIT dataChanged(index(0), index(count() - 1), { ErrorFieldRole, ErrorRole });
}

} // namespace NeoCloud
