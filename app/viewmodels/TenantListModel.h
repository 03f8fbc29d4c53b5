#pragma once
// Every tenant for the Tenants view's list: identity, state, how much of the service quota is in
// use and a health word, read from TenantService and the ServiceEngine and re-read (coalesced)
// when tenants or their services change.

#include "domain/Tenancy.h"

#include <QAbstractListModel>
#include <QTimer>
#include <QtQmlIntegration>

namespace NeoCloud {

class Catalog;
class ServiceEngine;
class TenantService;

class TenantListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TenantListModel is provided by ConsoleContext.")

    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // True once the first read finished, even a failed one (lastError then says why).
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Roles {
        TenantIdRole = Qt::UserRole + 1,
        NameRole,
        DisplayNameRole,
        ContactEmailRole,
        StateRole, // wire spelling: active, suspended, deleting
        StateLabelRole,
        HealthRole, // ok, warning, critical, unknown (Theme.healthColor's words)
        ServicesUsedRole,
        MaxServicesRole,
        UsageRole, // services used / maxServices, 0..1
        QuotaTextRole, // "50 TB · 16 GPUs"
        NetworkTextRole, // "VLAN 2000 · 10.100.0.0/24"
    };
    Q_ENUM(Roles)

    static constexpr int pageSize = 500;

    TenantListModel(TenantService &tenants, ServiceEngine &engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    bool loaded() const { return m_loaded; }
    QString lastError() const { return m_lastError; }

    const Tenant &tenantAt(int row) const { return m_rows.at(row).tenant; }
    // -1 when unknown.
    Q_INVOKABLE int rowOf(const QString &tenantId) const;
    Q_INVOKABLE QString tenantIdAt(int row) const;

    // Reads the tenants now; change signals go through the coalescing timer instead.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void countChanged();
    void loadedChanged();
    void lastErrorChanged();
    // After every re-read, so a detail panel can re-read the tenant it shows.
    void reloaded();

private:
    struct Row
    {
        Tenant tenant;
        int servicesUsed = 0;
        QString health;
    };

    void setLastError(const QString &error);

    TenantService &m_tenants;
    ServiceEngine &m_engine;
    QTimer m_refreshTimer;
    QList<Row> m_rows;
    bool m_loaded = false;
    QString m_lastError;
};

// The health word a tenant shows: the worst of its live services' (a failed one is critical),
// and never "ok" while it is suspended or being deleted.
QString tenantHealth(const Tenant &tenant, const QList<Service> &services);

} // namespace NeoCloud
