#pragma once
// Everything the console's QML may reach, handed to Main.qml as one required property so the QML
// never looks anything up globally.

#include "DeviceDetail.h"
#include "DeviceFilterModel.h"
#include "DeviceTableModel.h"
#include "EventListModel.h"
#include "LabFaultModel.h"
#include "OverviewModel.h"
#include "ScanController.h"
#include "TopologyModel.h"

#include <QObject>
#include <QtQmlIntegration>

namespace NeoCloud {

class DiscoveryService;
class EventLog;
class InventoryService;
class LabService;
class TenantService;

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
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QStringList availableViews READ availableViews CONSTANT)

public:
    // lab may be null (--no-lab).
    ConsoleContext(InventoryService &inventory, TenantService &tenants, EventLog &events,
                   DiscoveryService &discovery, LabService *lab, QObject *parent = nullptr);

    OverviewModel *overview() { return &m_overview; }
    EventListModel *events() { return &m_events; }
    DeviceTableModel *devices() { return &m_devices; }
    DeviceFilterModel *deviceFilter() { return &m_deviceFilter; }
    DeviceDetail *selectedDevice() { return &m_selectedDevice; }
    TopologyModel *topology() { return &m_topology; }
    ScanController *discovery() { return &m_discovery; }
    LabFaultModel *lab() { return &m_lab; }
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
};

} // namespace NeoCloud
