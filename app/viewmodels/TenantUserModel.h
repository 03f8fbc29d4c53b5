#pragma once
// A tenant's console users (AuthService::tenantUsers) and adding one, for the detail panel and
// the key dialog's user choice.

#include "ReadListModel.h"
#include "domain/Tenancy.h"

#include <QVariantMap>
#include <QtQmlIntegration>

namespace NeoCloud {

class AuthService;

class TenantUserModel : public NeoCloud::ReadListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TenantUserModel is provided by TenantDetail.")

public:
    enum Roles {
        UserIdRole = Qt::UserRole + 1,
        UsernameRole,
        RoleRole, // wire spelling: tenant-admin, tenant-viewer
        RoleLabelRole,
        CreatedAtRole, // local QDateTime
    };
    Q_ENUM(Roles)

    explicit TenantUserModel(AuthService &auth, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString tenantId() const { return m_tenantId; }

    void show(const QString &tenantId);
    Q_INVOKABLE QString usernameAt(int row) const;

    // Adds a tenant-admin or tenant-viewer. Returns {} on success, else {field, message} with
    // the backend's field (username, password, role).
    Q_INVOKABLE QVariantMap addUser(const QString &username, const QString &password,
                                    const QString &role);

private:
    void reload();

    AuthService &m_auth;
    QString m_tenantId;
    QList<User> m_users;
};

// {field, message} of a refusal, the shape every console form reads.
QVariantMap refusal(const Error &error);

} // namespace NeoCloud
