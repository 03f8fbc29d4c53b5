#pragma once
// The tenant the Tenants view's panel shows: identity, state and health, its network slice, its
// quotas as bars, its users, S3 keys and services; and suspending or resuming it. Set tenantId;
// everything re-reads when tenants, their services or the hardware change.

#include "AccessKeyModel.h"
#include "QuotaModel.h"
#include "TenantServiceModel.h"
#include "TenantUserModel.h"
#include "domain/Tenancy.h"

#include <QObject>
#include <QTimer>
#include <QtQmlIntegration>

namespace NeoCloud {

class Catalog;
class InventoryService;
class ServiceEngine;
class TenantService;

class TenantDetail : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TenantDetail is provided by ConsoleContext.")

    Q_PROPERTY(QString tenantId READ tenantId WRITE setTenantId NOTIFY tenantIdChanged)
    // False when no tenant is picked or it no longer exists; lastError says why a read failed.
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString displayName READ displayName NOTIFY changed)
    Q_PROPERTY(QString contactEmail READ contactEmail NOTIFY changed)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString stateLabel READ stateLabel NOTIFY changed)
    Q_PROPERTY(QString health READ health NOTIFY changed)
    Q_PROPERTY(QDateTime createdAt READ createdAt NOTIFY changed)
    Q_PROPERTY(QString poolName READ poolName NOTIFY changed)
    Q_PROPERTY(int vlan READ vlan NOTIFY changed)
    Q_PROPERTY(QString subnet READ subnet NOTIFY changed)
    Q_PROPERTY(QString vipRange READ vipRange NOTIFY changed)
    Q_PROPERTY(QStringList allowedClients READ allowedClients NOTIFY changed)
    // The tenant as the create/edit form's fields (TenantEditor's names), to prefill an edit.
    Q_PROPERTY(QVariantMap formFields READ formFields NOTIFY changed)
    Q_PROPERTY(NeoCloud::QuotaModel *quotas READ quotas CONSTANT)
    Q_PROPERTY(NeoCloud::TenantUserModel *users READ users CONSTANT)
    Q_PROPERTY(NeoCloud::AccessKeyModel *keys READ keys CONSTANT)
    Q_PROPERTY(NeoCloud::TenantServiceModel *services READ services CONSTANT)

public:
    TenantDetail(TenantService &tenants, InventoryService &inventory, AuthService &auth,
                 AccessKeyService &keys, ServiceEngine &engine, const Catalog &catalog,
                 QObject *parent = nullptr);

    QString tenantId() const { return m_tenantId; }
    void setTenantId(const QString &id);
    bool found() const { return !m_tenant.id.isEmpty(); }
    QString lastError() const { return m_lastError; }
    QString name() const { return m_tenant.name; }
    QString displayName() const { return m_tenant.displayName; }
    QString contactEmail() const { return m_tenant.contactEmail; }
    QString state() const;
    QString stateLabel() const;
    QString health() const;
    QDateTime createdAt() const;
    QString poolName() const { return m_tenant.network.poolName; }
    int vlan() const { return m_tenant.network.vlan; }
    QString subnet() const { return m_tenant.network.subnet; }
    QString vipRange() const;
    QStringList allowedClients() const { return m_tenant.network.allowedClients; }
    QVariantMap formFields() const;
    QuotaModel *quotas() { return &m_quotas; }
    TenantUserModel *users() { return &m_users; }
    AccessKeyModel *keys() { return &m_keys; }
    TenantServiceModel *services() { return &m_services; }

    // {} or {field, message} with the backend's refusal.
    Q_INVOKABLE QVariantMap setSuspended(bool suspended);

    // Reads the tenant now; change signals go through the coalescing timer.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void tenantIdChanged();
    void changed();

private:
    TenantService &m_tenants;
    InventoryService &m_inventory;
    QuotaModel m_quotas;
    TenantUserModel m_users;
    AccessKeyModel m_keys;
    TenantServiceModel m_services;
    QTimer m_refreshTimer;
    QString m_tenantId;
    Tenant m_tenant;
    QString m_lastError;
};

} // namespace NeoCloud
