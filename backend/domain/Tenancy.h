#pragma once
// Who the cloud serves and who may operate it: tenants, their services, and console users.

#include <QJsonObject>
#include <QString>

namespace NeoCloud {

enum class TenantState { Active, Suspended, Deleting };
enum class Role { OperatorAdmin, OperatorViewer, TenantAdmin, TenantViewer };

struct Tenant
{
    QString id;
    QString name; // DNS label, unique
    QString displayName;
    QString contactEmail;
    TenantState state = TenantState::Active;
    QString createdAt;
};

struct Service
{
    QString id;
    QString tenantId;
    QString kind; // catalog kind: object-storage, file-storage, ...
    QString state;
    QJsonObject params;
    QString createdAt;
};

struct User
{
    QString id;
    QString username;
    Role role = Role::OperatorViewer;
    QString tenantId; // empty for operators
    QString createdAt;
};

} // namespace NeoCloud
