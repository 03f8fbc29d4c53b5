#include "DeviceDetail.h"

#include "DeviceTableModel.h"
#include "HardwareText.h"
#include "domain/Enums.h"
#include "inventory/InventoryService.h"

#include <QVariantMap>

namespace NeoCloud {

namespace {
constexpr int coalesceMs = 100;
} // namespace

DeviceDetail::DeviceDetail(InventoryService &inventory, const DeviceTableModel &names,
                           QObject *parent)
    : QObject(parent)
    , m_inventory(inventory)
    , m_names(names)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(coalesceMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &DeviceDetail::reload);
    connect(&m_inventory, &InventoryService::inventoryChanged, this, &DeviceDetail::scheduleReload);
}

void DeviceDetail::setDeviceId(const QString &deviceId)
{
    if (deviceId == m_deviceId)
        return;
    m_deviceId = deviceId;
    Q_EMIT deviceIdChanged();
    // Read at once: the panel should never show the previous device under the new selection.
    reload();
}

QString DeviceDetail::kind() const { return m_found ? toString(m_device.kind) : QString(); }
QString DeviceDetail::kindLabel() const { return m_found ? NeoCloud::kindLabel(m_device.kind) : QString(); }
QString DeviceDetail::health() const { return m_found ? toString(m_device.health) : QString(); }
QString DeviceDetail::healthLabel() const
{
    return m_found ? NeoCloud::healthLabel(m_device.health) : QString();
}
QString DeviceDetail::units() const { return unitRangeText(m_device); }

QVariantList DeviceDetail::componentGroups() const
{
    QVariantList groups;
    const QList<Component> &components = m_components.components();
    for (int i = 0; i < components.size();) {
        const ComponentKind kind = components.at(i).kind;
        int count = 0;
        while (i < components.size() && components.at(i).kind == kind) {
            ++count;
            ++i;
        }
        groups.append(QVariantMap{{QStringLiteral("kind"), toString(kind)},
                                  {QStringLiteral("label"), componentKindLabel(kind)},
                                  {QStringLiteral("count"), count}});
    }
    return groups;
}

void DeviceDetail::scheduleReload()
{
    if (!m_deviceId.isEmpty() && !m_reloadTimer.isActive())
        m_reloadTimer.start();
}

void DeviceDetail::reload()
{
    m_reloadTimer.stop();
    m_found = false;
    m_lastError.clear();
    m_device = {};
    m_siteName.clear();
    m_rackName.clear();
    QList<Component> components;
    QList<Port> ports;
    QHash<QString, QString> peers;

    if (!m_deviceId.isEmpty()) {
        Result<Device> device = m_inventory.device(m_deviceId);
        if (device) {
            m_found = true;
            m_device = std::move(device).value();
            components = std::move(m_device.components);
            ports = std::move(m_device.ports);
            m_rackName = m_names.rackName(m_device.rackId);
            if (const Result<QList<Site>> sites = m_inventory.sites()) {
                for (const Site &site : *sites)
                    if (site.id == m_device.siteId)
                        m_siteName = site.name;
            }
            // The far end of each cabled port, named the way people read a cable label.
            if (const Result<QList<Link>> links = m_inventory.links(m_device.siteId)) {
                auto peerText = [this](const LinkEnd &end) {
                    const int row = m_names.rowOfDevice(end.deviceId);
                    const QString name = row >= 0 ? m_names.deviceAt(row).name : end.deviceId;
                    return end.port.isEmpty() ? name : name + u' ' + end.port;
                };
                for (const Link &link : *links) {
                    if (link.a.deviceId == m_deviceId)
                        peers.insert(link.a.port, peerText(link.b));
                    else if (link.b.deviceId == m_deviceId)
                        peers.insert(link.b.port, peerText(link.a));
                }
            }
        } else if (device.error().kind != ErrorKind::NotFound) {
            m_lastError = device.error().message;
        }
    }
    m_components.setComponents(std::move(components));
    m_ports.setPorts(std::move(ports), std::move(peers));
    m_loaded = true;
    Q_EMIT changed();
}

} // namespace NeoCloud
