#pragma once
// A read-only picture of the physical topology (racks with their placed devices, and the links
// between devices with a state) that the rack elevation and network graph items draw from.

#include "domain/Inventory.h"

#include <QObject>
#include <QtQmlIntegration>

#include <memory>

namespace NeoCloud {

class DeviceTableModel;
class InventoryService;

struct TopologySnapshot
{
    struct RackEntry
    {
        QString id;
        QString name;
        QString siteName;
        int units = 42;
        QList<int> devices; // indices into devices, placed at a U position in this rack
    };
    struct Edge
    {
        int a = -1; // indices into devices
        int b = -1;
        LinkState state = LinkState::Unknown;
        double speedGbps = 0;
    };

    QList<RackEntry> racks; // by site, then rack name as people count (r2 before r10)
    QList<Device> devices;  // every device, in the table's order
    QList<Edge> edges;
    int unplaced = 0; // devices without a rack or a U position
};

class TopologyModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TopologyModel is provided by ConsoleContext.")

    Q_PROPERTY(int rackCount READ rackCount NOTIFY snapshotChanged)
    Q_PROPERTY(int deviceCount READ deviceCount NOTIFY snapshotChanged)
    Q_PROPERTY(int linkCount READ linkCount NOTIFY snapshotChanged)
    Q_PROPERTY(int downLinkCount READ downLinkCount NOTIFY snapshotChanged)
    Q_PROPERTY(int unplacedCount READ unplacedCount NOTIFY snapshotChanged)
    // True once the first picture was built, even a failed one (lastError then says why).
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    TopologyModel(InventoryService &inventory, DeviceTableModel &devices,
                  QObject *parent = nullptr);

    std::shared_ptr<const TopologySnapshot> snapshot() const { return m_snapshot; }

    int rackCount() const { return int(m_snapshot->racks.size()); }
    int deviceCount() const { return int(m_snapshot->devices.size()); }
    int linkCount() const { return int(m_snapshot->edges.size()); }
    int downLinkCount() const;
    int unplacedCount() const { return m_snapshot->unplaced; }
    bool loaded() const { return m_loaded; }
    QString lastError() const { return m_lastError; }

    // Builds the picture from the device table's current rows plus links and switch ports.
    void rebuild();

Q_SIGNALS:
    void snapshotChanged();
    void loadedChanged();
    void lastErrorChanged();

private:
    void setLastError(const QString &error);

    InventoryService &m_inventory;
    DeviceTableModel &m_devices;
    std::shared_ptr<const TopologySnapshot> m_snapshot;
    bool m_loaded = false;
    QString m_lastError;
};

} // namespace NeoCloud
