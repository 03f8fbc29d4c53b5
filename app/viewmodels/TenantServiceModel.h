#pragma once
// One tenant's services (ServiceEngine::services) for the Tenants panel and the Services view:
// kind, state, health, where the tenant reaches each (endpoints), its provider steps with their
// states, and the error in the provider's words when one failed. Re-read when the engine says a
// service of this tenant changed.

#include "ReadListModel.h"
#include "domain/Tenancy.h"

#include <QTimer>
#include <QtQmlIntegration>

namespace NeoCloud {

class Catalog;
class ServiceEngine;

class TenantServiceModel : public NeoCloud::ReadListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TenantServiceModel is provided by ConsoleContext.")

    Q_PROPERTY(QString tenantId READ tenantId WRITE setTenantId NOTIFY tenantIdChanged)
    // Services neither disabled nor failed, and those with a job running.
    Q_PROPERTY(int liveCount READ liveCount NOTIFY countsChanged)
    Q_PROPERTY(int busyCount READ busyCount NOTIFY countsChanged)

public:
    enum Roles {
        ServiceIdRole = Qt::UserRole + 1,
        KindRole,
        KindTitleRole, // the catalog's title: "Object storage (S3)"
        StateRole, // enabling, active, failed, disabling, disabled
        HealthRole, // the service's word: healthy, degraded, down, unknown, disabled
        HealthToneRole, // Theme.healthColor's word: ok, warning, critical, unknown
        BusyRole, // a job is enabling or disabling it
        EndpointsRole, // [{name, value}]
        ErrorRole,
        JobIdRole,
        ParamsTextRole, // the params as indented JSON
        StepsRole, // [{title, method, path, state, error}]
        StepsDoneRole,
        UpdatedAtRole, // local QDateTime
    };
    Q_ENUM(Roles)

    static constexpr int pageSize = 500;

    TenantServiceModel(ServiceEngine &engine, const Catalog &catalog, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString tenantId() const { return m_tenantId; }
    void setTenantId(const QString &id);
    int liveCount() const;
    int busyCount() const;
    const QList<Service> &services() const { return m_services; }

    Q_INVOKABLE int rowOf(const QString &serviceId) const;
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void tenantIdChanged();
    void countsChanged();

private:
    ServiceEngine &m_engine;
    QJsonArray m_kinds;
    QString m_tenantId;
    QList<Service> m_services;
    QTimer m_refreshTimer;
};

// Every service of a tenant, all pages.
Result<QList<Service>> allServices(ServiceEngine &engine, const QString &tenantId);
// The tone a service's health and state give it in the console's colours.
QString serviceTone(const Service &service);

} // namespace NeoCloud
