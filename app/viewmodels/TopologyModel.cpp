#include "TopologyModel.h"

#include "DeviceTableModel.h"
#include "HardwareText.h"
#include "inventory/InventoryService.h"

#include <QCollator>

namespace NeoCloud {

TopologyModel::TopologyModel(InventoryService &inventory, DeviceTableModel &devices,
                             QObject *parent)
    : QObject(parent)
    , m_inventory(inventory)
    , m_devices(devices)
    , m_snapshot(std::make_shared<TopologySnapshot>())
{
    // The table already reads every device (and re-reads on inventoryChanged); reading them a
    // second time here would double the cost of every change.
    connect(&m_devices, &DeviceTableModel::reloaded, this, &TopologyModel::rebuild);
    connect(&m_devices, &DeviceTableModel::loadedChanged, this, [this] {
        if (!m_devices.lastError().isEmpty())
            rebuild();
    });
}

int TopologyModel::downLinkCount() const
{
    return int(std::count_if(m_snapshot->edges.cbegin(), m_snapshot->edges.cend(),
                             [](const TopologySnapshot::Edge &e) {
                                 return e.state == LinkState::Down;
                             }));
}

void TopologyModel::rebuild()
{
    auto snapshot = std::make_shared<TopologySnapshot>();
    QString error = m_devices.lastError();

    if (error.isEmpty()) {
        snapshot->devices = m_devices.devices();
        QHash<QString, QString> siteNames;
        if (const Result<QList<Site>> sites = m_inventory.sites()) {
            for (const Site &site : *sites)
                siteNames.insert(site.id, site.name);
        }
        QHash<QString, int> rackIndex;
        QList<Rack> racks = m_devices.racks().values();
        QCollator collator(sortLocale());
        collator.setNumericMode(true);
        std::sort(racks.begin(), racks.end(), [&](const Rack &a, const Rack &b) {
            const int site = collator.compare(siteNames.value(a.siteId), siteNames.value(b.siteId));
            return site != 0 ? site < 0 : collator.compare(a.name, b.name) < 0;
        });
        for (const Rack &rack : std::as_const(racks)) {
            rackIndex.insert(rack.id, int(snapshot->racks.size()));
            snapshot->racks.append({rack.id, rack.name, siteNames.value(rack.siteId),
                                    qMax(1, rack.units), {}});
        }
        for (int i = 0; i < snapshot->devices.size(); ++i) {
            const Device &device = snapshot->devices.at(i);
            const int rack = rackIndex.value(device.rackId, -1);
            if (rack >= 0 && device.position)
                snapshot->racks[rack].devices.append(i);
            else
                ++snapshot->unplaced;
        }

        if (const Result<QList<Link>> links = m_inventory.links({})) {
            snapshot->edges.reserve(links->size());
            for (const Link &link : *links) {
                const int a = m_devices.rowOfDevice(link.a.deviceId);
                const int b = m_devices.rowOfDevice(link.b.deviceId);
                if (a < 0 || b < 0)
                    continue;
                // The store reads each link's state from the ports at its ends.
                snapshot->edges.append({a, b, link.state, link.speedGbps});
            }
        } else {
            error = links.error().message;
        }
    }

    m_snapshot = std::move(snapshot);
    setLastError(error);
    Q_EMIT snapshotChanged();
    if (!m_loaded) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
}

void TopologyModel::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

} // namespace NeoCloud
