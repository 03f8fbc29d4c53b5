#pragma once
// One device in full, for the detail panel shared by the Hardware and Topology views: identity,
// health, placement, BMC, and its components and ports as list models.

#include "DevicePartModels.h"
#include "domain/Inventory.h"

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQmlIntegration>

namespace NeoCloud {

class DeviceTableModel;
class InventoryService;

class DeviceDetail : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("DeviceDetail is provided by ConsoleContext.")

    // The device to show; empty shows nothing. Both views write it, so a device picked in one
    // is still picked in the other.
    Q_PROPERTY(QString deviceId READ deviceId WRITE setDeviceId NOTIFY deviceIdChanged)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString kind READ kind NOTIFY changed)
    Q_PROPERTY(QString kindLabel READ kindLabel NOTIFY changed)
    Q_PROPERTY(QString vendor READ vendor NOTIFY changed)
    Q_PROPERTY(QString model READ model NOTIFY changed)
    Q_PROPERTY(QString serial READ serial NOTIFY changed)
    Q_PROPERTY(QString firmware READ firmware NOTIFY changed)
    Q_PROPERTY(QString health READ health NOTIFY changed)
    Q_PROPERTY(QString healthLabel READ healthLabel NOTIFY changed)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString bmcUrl READ bmcUrl NOTIFY changed)
    Q_PROPERTY(QString siteName READ siteName NOTIFY changed)
    Q_PROPERTY(QString rackName READ rackName NOTIFY changed)
    Q_PROPERTY(QString units READ units NOTIFY changed) // "U5–U8", or empty when unplaced
    Q_PROPERTY(int heightU READ heightU NOTIFY changed)
    Q_PROPERTY(QString updatedAt READ updatedAt NOTIFY changed)
    // [{kind, label, count}] in component order, e.g. {gpu, "GPU", 8} for "8 × GPU".
    Q_PROPERTY(QVariantList componentGroups READ componentGroups NOTIFY changed)
    Q_PROPERTY(NeoCloud::ComponentListModel *components READ components CONSTANT)
    Q_PROPERTY(NeoCloud::PortListModel *ports READ ports CONSTANT)

public:
    DeviceDetail(InventoryService &inventory, const DeviceTableModel &names,
                 QObject *parent = nullptr);

    QString deviceId() const { return m_deviceId; }
    void setDeviceId(const QString &deviceId);

    bool found() const { return m_found; }
    bool loaded() const { return m_loaded; }
    QString lastError() const { return m_lastError; }
    QString name() const { return m_device.name; }
    QString kind() const;
    QString kindLabel() const;
    QString vendor() const { return m_device.vendor; }
    QString model() const { return m_device.model; }
    QString serial() const { return m_device.serial; }
    QString firmware() const { return m_device.firmware; }
    QString health() const;
    QString healthLabel() const;
    QString state() const { return m_device.state; }
    QString bmcUrl() const { return m_device.bmcUrl; }
    QString siteName() const { return m_siteName; }
    QString rackName() const { return m_rackName; }
    QString units() const;
    int heightU() const { return m_device.heightU; }
    QString updatedAt() const { return m_device.updatedAt; }
    QVariantList componentGroups() const;
    ComponentListModel *components() { return &m_components; }
    PortListModel *ports() { return &m_ports; }

    // Reads the device now; inventory changes go through the coalescing timer.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void deviceIdChanged();
    void changed();

private:
    void scheduleReload();

    InventoryService &m_inventory;
    const DeviceTableModel &m_names;
    QTimer m_reloadTimer;
    QString m_deviceId;
    Device m_device;
    QString m_siteName;
    QString m_rackName;
    bool m_found = false;
    bool m_loaded = false;
    QString m_lastError;
    ComponentListModel m_components;
    PortListModel m_ports;
};

} // namespace NeoCloud
