#include "TopologyItemBase.h"

#include "HardwareText.h"

namespace NeoCloud {

TopologyItemBase::TopologyItemBase(QQuickItem *parent)
    : QQuickPaintedItem(parent)
    , m_snapshot(std::make_shared<TopologySnapshot>())
{
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
    setOpaquePainting(true);
    connect(this, &TopologyItemBase::colorsChanged, this, [this] { update(); });
}

void TopologyItemBase::setTopology(TopologyModel *topology)
{
    if (topology == m_topology)
        return;
    if (m_topology)
        disconnect(m_topology, nullptr, this, nullptr);
    m_topology = topology;
    if (m_topology)
        connect(m_topology, &TopologyModel::snapshotChanged, this, &TopologyItemBase::takeSnapshot);
    takeSnapshot();
    Q_EMIT topologyChanged();
}

void TopologyItemBase::takeSnapshot()
{
    // Shared and immutable: holding it costs nothing and a rebuild never changes it under us.
    m_snapshot = m_topology ? m_topology->snapshot() : std::make_shared<TopologySnapshot>();
    setHovered(-1);
    invalidateLayout();
    update();
}

void TopologyItemBase::setSelectedDeviceId(const QString &deviceId)
{
    if (deviceId == m_selectedDeviceId)
        return;
    m_selectedDeviceId = deviceId;
    Q_EMIT selectedDeviceIdChanged();
    update();
}

void TopologyItemBase::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size()) {
        invalidateLayout();
        update();
    }
}

void TopologyItemBase::hoverLeaveEvent(QHoverEvent *event)
{
    setHovered(-1);
    QQuickPaintedItem::hoverLeaveEvent(event);
}

void TopologyItemBase::setHovered(int deviceIndex, const QString &extra)
{
    QString id;
    QString text = extra;
    if (deviceIndex >= 0 && deviceIndex < m_snapshot->devices.size()) {
        const Device &device = m_snapshot->devices.at(deviceIndex);
        id = device.id;
        if (text.isEmpty()) {
            QStringList parts{device.name, kindLabel(device.kind)};
            if (const QString units = unitRangeText(device); !units.isEmpty())
                parts << units;
            parts << healthLabel(device.health);
            text = parts.join(QStringLiteral(" \u00b7 "));
        }
    }
    if (id == m_hoveredDeviceId && text == m_hoverText)
        return;
    const bool repaint = id != m_hoveredDeviceId;
    m_hoveredDeviceId = id;
    m_hoverText = text;
    Q_EMIT hoverChanged();
    if (repaint)
        update();
}

QColor TopologyItemBase::kindColor(DeviceKind kind) const
{
    switch (kind) {
    case DeviceKind::GpuServer:
        return m_gpuColor;
    case DeviceKind::StorageCNode:
    case DeviceKind::StorageDBox:
        return m_storageColor;
    case DeviceKind::Switch:
        return m_networkColor;
    case DeviceKind::Pdu:
        return m_powerColor;
    case DeviceKind::Other:
        break;
    }
    return m_otherColor;
}

QColor TopologyItemBase::healthColor(Health health) const
{
    switch (health) {
    case Health::Critical:
        return m_criticalColor;
    case Health::Warning:
        return m_warningColor;
    default:
        return {};
    }
}

QColor TopologyItemBase::mix(const QColor &a, const QColor &b, qreal amountOfB)
{
    const qreal t = qBound(0.0, amountOfB, 1.0);
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                            a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

} // namespace NeoCloud
