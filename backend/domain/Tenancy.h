#pragma once
// Who the cloud serves and who may operate it: tenants, their services, and console users.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace NeoCloud {

enum class TenantState { Active, Suspended, Deleting };
enum class Role { OperatorAdmin, OperatorViewer, TenantAdmin, TenantViewer };

struct TenantQuotas
{
    qint64 capacityBytes = 0; // usable capacity
    int gpus = 0;
    int maxServices = 0;
    qint64 bandwidthMBps = 0; // QoS limits; 0 = unlimited
    qint64 iops = 0;
};

// A tenant's slice of the network: a VLAN and a subnet from an operator-defined pool, the
// VIPs its endpoints use, and the client ranges allowed to reach them.
struct TenantNetwork
{
    QString poolId;
    QString poolName;
    int vlan = 0;
    QString subnet;  // CIDR
    QString vipFrom; // first VIP
    QString vipTo;   // last VIP
    QStringList allowedClients; // CIDRs
};

// A customer-managed key: the tenant's own VAST encryption group. Rotating re-wraps data keys
// (data stays readable); revoking makes the tenant's data unreadable until reinstated.
struct TenantEncryption
{
    QString state = QStringLiteral("none"); // none (cluster key), active, revoked
    int keyVersion = 0;
    QString changedAt;
};

struct Tenant
{
    QString id;
    QString name; // DNS label, unique
    QString displayName;
    QString contactEmail;
    TenantState state = TenantState::Active;
    QString createdAt;
    TenantQuotas quotas;
    TenantNetwork network;
    TenantEncryption encryption;
};

struct NetworkPool
{
    QString id;
    QString name;
    int vlanFrom = 0;
    int vlanTo = 0;
    QString cidr;         // e.g. 10.100.0.0/16
    int subnetPrefix = 24; // size of each tenant's subnet
    int allocated = 0;     // derived when read
};

// enabling -> active; a failed enable rolls back to failed; disabling -> disabled.
enum class ServiceState { Enabling, Active, Failed, Disabling, Disabled };

struct Service
{
    QString id;
    QString tenantId;
    QString kind; // catalog kind: object-storage, file-storage, ...
    ServiceState state = ServiceState::Enabling;
    QJsonObject params;
    QJsonObject endpoints; // where the tenant reaches it, once active
    QString health = QStringLiteral("unknown"); // healthy, degraded, down, unknown, disabled
    QString jobId;  // the job enabling or disabling it
    QString error;  // why it failed, in the provider's words
    QJsonArray steps; // the provider steps that made it, with their results (the undo plan)
    QString createdAt;
    QString updatedAt;
};

struct User
{
    QString id;
    QString username;
    Role role = Role::OperatorViewer;
    QString tenantId; // empty for operators
    QString createdAt;
    bool viewingAs = false; // an operator's "view as tenant" token: a tenant viewer for this session
};

} // namespace NeoCloud
