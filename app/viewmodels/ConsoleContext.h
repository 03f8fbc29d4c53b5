#pragma once
// Everything the console's QML may reach, handed to Main.qml as one required property so the QML
// never looks anything up globally.

#include "BmcCertificateTrust.h"
#include "CommissioningController.h"
#include "CapacityModel.h"
#include "DashboardListModel.h"
#include "PinnedCertificateModel.h"
#include "DeviceDetail.h"
#include "DeviceFilterModel.h"
#include "DeviceTableModel.h"
#include "EventListModel.h"
#include "HealthCellDetail.h"
#include "HealthMatrixModel.h"
#include "LabFaultModel.h"
#include "OnboardingController.h"
#include "OverviewModel.h"
#include "ScanController.h"
#include "ServiceCatalogModel.h"
#include "ServiceController.h"
#include "TenantDetail.h"
#include "TenantEditor.h"
#include "TenantFilterModel.h"
#include "TenantListModel.h"
#include "TenantViewAs.h"
#include "TopologyModel.h"
#include "WhatIfCalculator.h"

#include <QObject>
#include <QtQmlIntegration>

namespace NeoCloud {

class Backend;

class ConsoleContext : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ConsoleContext is built by the application and passed to Main.qml.")

    Q_PROPERTY(NeoCloud::OverviewModel *overview READ overview CONSTANT)
    Q_PROPERTY(NeoCloud::EventListModel *events READ events CONSTANT)
    Q_PROPERTY(NeoCloud::DeviceTableModel *devices READ devices CONSTANT)
    Q_PROPERTY(NeoCloud::DeviceFilterModel *deviceFilter READ deviceFilter CONSTANT)
    // The device the Hardware and Topology panels show; one for both views, so a device picked
    // in one stays picked in the other.
    Q_PROPERTY(NeoCloud::DeviceDetail *selectedDevice READ selectedDevice CONSTANT)
    Q_PROPERTY(NeoCloud::TopologyModel *topology READ topology CONSTANT)
    Q_PROPERTY(NeoCloud::ScanController *discovery READ discovery CONSTANT)
    // The demo lab's devices and faults; `available` is false when the console runs without one.
    Q_PROPERTY(NeoCloud::LabFaultModel *lab READ lab CONSTANT)
    // The Tenants view: the list, its filter, the tenant its panel shows, and the create/edit form.
    Q_PROPERTY(NeoCloud::TenantListModel *tenants READ tenants CONSTANT)
    Q_PROPERTY(NeoCloud::TenantFilterModel *tenantFilter READ tenantFilter CONSTANT)
    Q_PROPERTY(NeoCloud::TenantDetail *selectedTenant READ selectedTenant CONSTANT)
    Q_PROPERTY(NeoCloud::TenantEditor *tenantEditor READ tenantEditor CONSTANT)
    // The kinds of service a tenant can switch on, with the schemas their forms are made from.
    Q_PROPERTY(NeoCloud::ServiceCatalogModel *catalog READ catalog CONSTANT)
    // The Services view (one tenant's services, enabling and disabling) and the onboarding wizard.
    Q_PROPERTY(NeoCloud::ServiceController *services READ services CONSTANT)
    Q_PROPERTY(NeoCloud::OnboardingController *onboarding READ onboarding CONSTANT)
    // The Commissioning view: plan, runs, findings, waivers and the handover report.
    Q_PROPERTY(NeoCloud::CommissioningController *commissioning READ commissioning CONSTANT)
    // The Health view: the tenant x kind matrix and the cell its panel explains.
    Q_PROPERTY(NeoCloud::HealthMatrixModel *healthMatrix READ healthMatrix CONSTANT)
    Q_PROPERTY(NeoCloud::HealthCellDetail *healthCell READ healthCell CONSTANT)
    // The Capacity view: figures, history and per-tenant use, and the what-if form.
    Q_PROPERTY(NeoCloud::CapacityModel *capacity READ capacity CONSTANT)
    Q_PROPERTY(NeoCloud::WhatIfCalculator *whatIf READ whatIf CONSTANT)
    // The web views (when built with Qt WebEngine): view as tenant, and BMC pages with their
    // certificates judged against discovery's pins. webEngineAvailable is false in a build
    // without WebEngine, and the QML hides what would open a web view.
    Q_PROPERTY(NeoCloud::TenantViewAs *viewAs READ viewAs CONSTANT)
    Q_PROPERTY(NeoCloud::BmcCertificateTrust *bmcTrust READ bmcTrust CONSTANT)
    // Operator-configured dashboards (Grafana and the like): edited in Settings, opened from a
    // device's page with the device filled in, certificates judged like BMC pages.
    Q_PROPERTY(NeoCloud::DashboardListModel *dashboards READ dashboards CONSTANT)
    Q_PROPERTY(NeoCloud::PinnedCertificateModel *certificates READ certificates CONSTANT)
    Q_PROPERTY(bool webEngineAvailable READ webEngineAvailable CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QStringList availableViews READ availableViews CONSTANT)

public:
    // Takes its services from the composition root; the backend's lab may be null (--no-lab).
    explicit ConsoleContext(Backend &backend, QObject *parent = nullptr);

    OverviewModel *overview() { return &m_overview; }
    EventListModel *events() { return &m_events; }
    DeviceTableModel *devices() { return &m_devices; }
    DeviceFilterModel *deviceFilter() { return &m_deviceFilter; }
    DeviceDetail *selectedDevice() { return &m_selectedDevice; }
    TopologyModel *topology() { return &m_topology; }
    ScanController *discovery() { return &m_discovery; }
    LabFaultModel *lab() { return &m_lab; }
    TenantListModel *tenants() { return &m_tenants; }
    TenantFilterModel *tenantFilter() { return &m_tenantFilter; }
    TenantDetail *selectedTenant() { return &m_selectedTenant; }
    TenantEditor *tenantEditor() { return &m_tenantEditor; }
    ServiceCatalogModel *catalog() { return &m_catalog; }
    ServiceController *services() { return &m_services; }
    OnboardingController *onboarding() { return &m_onboarding; }
    CommissioningController *commissioning() { return &m_commissioning; }
    HealthMatrixModel *healthMatrix() { return &m_healthMatrix; }
    HealthCellDetail *healthCell() { return &m_healthCell; }
    CapacityModel *capacity() { return &m_capacity; }
    WhatIfCalculator *whatIf() { return &m_whatIf; }
    TenantViewAs *viewAs() { return &m_viewAs; }
    BmcCertificateTrust *bmcTrust() { return &m_bmcTrust; }
    DashboardListModel *dashboards() { return &m_dashboards; }
    PinnedCertificateModel *certificates() { return &m_certificates; }
    bool webEngineAvailable() const { return m_webEngineAvailable; }
    // Set by the executable that links Qt WebEngine, before the QML is loaded.
    void setWebEngineAvailable(bool available) { m_webEngineAvailable = available; }
    QString version() const;

    // Every view the console will have, in rail order, and those this release ships; the rail
    // shows the others disabled and --view refuses them.
    static QStringList viewNames();
    static QStringList availableViews();

private:
    OverviewModel m_overview;
    EventListModel m_events;
    DeviceTableModel m_devices;
    DeviceFilterModel m_deviceFilter;
    DeviceDetail m_selectedDevice;
    TopologyModel m_topology;
    ScanController m_discovery;
    LabFaultModel m_lab;
    TenantListModel m_tenants;
    TenantFilterModel m_tenantFilter;
    TenantDetail m_selectedTenant;
    TenantEditor m_tenantEditor;
    ServiceCatalogModel m_catalog;
    ServiceController m_services;
    OnboardingController m_onboarding;
    CommissioningController m_commissioning;
    HealthMatrixModel m_healthMatrix;
    HealthCellDetail m_healthCell;
    CapacityModel m_capacity;
    WhatIfCalculator m_whatIf;
    TenantViewAs m_viewAs;
    BmcCertificateTrust m_bmcTrust;
    DashboardListModel m_dashboards;
    PinnedCertificateModel m_certificates;
    bool m_webEngineAvailable = false;
};

} // namespace NeoCloud
