#include "DevicePartModels.h"

#include "HardwareText.h"
#include "domain/Enums.h"

#include <QLocale>

namespace NeoCloud {

int ComponentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_components.size());
}

QVariant ComponentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Component &component = m_components.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return component.name;
    case IdRole:
        return component.id;
    case KindRole:
        return toString(component.kind);
    case KindLabelRole:
        return componentKindLabel(component.kind, m_kindCounts.value(component.kind));
    case ModelRole:
        return component.model;
    case SerialRole:
        return component.serial;
    case FirmwareRole:
        return component.firmware;
    case CapacityRole:
        return component.capacityBytes > 0
            ? QLocale::system().formattedDataSize(component.capacityBytes, 0,
                                                  QLocale::DataSizeIecFormat)
            : QString();
    case HealthRole:
        return toString(component.health);
    case FirstOfKindRole:
        return index.row() == 0 || m_components.at(index.row() - 1).kind != component.kind;
    case KindCountRole:
        return m_kindCounts.value(component.kind);
    default:
        return {};
    }
}

QHash<int, QByteArray> ComponentListModel::roleNames() const
{
    return {
        {IdRole, "componentId"},     {KindRole, "kind"},         {KindLabelRole, "kindLabel"},
        {NameRole, "name"},          {ModelRole, "modelName"},       {SerialRole, "serial"},
        {FirmwareRole, "firmware"},  {CapacityRole, "capacity"}, {HealthRole, "health"},
        {FirstOfKindRole, "firstOfKind"}, {KindCountRole, "kindCount"},
    };
}

void ComponentListModel::setComponents(QList<Component> components)
{
    // Grouped by kind in the enum's order (GPUs first), as the panel's sections expect.
    std::stable_sort(components.begin(), components.end(),
                     [](const Component &a, const Component &b) { return a.kind < b.kind; });
    beginResetModel();
    m_components = std::move(components);
    m_kindCounts.clear();
    for (const Component &component : std::as_const(m_components))
        ++m_kindCounts[component.kind];
    endResetModel();
    Q_EMIT countChanged();
}

int PortListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ports.size());
}

QVariant PortListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Port &port = m_ports.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return port.name;
    case IdRole:
        return port.id;
    case MacRole:
        return port.mac;
    case SpeedRole:
        return port.speedGbps > 0 ? tr("%1 Gb/s").arg(port.speedGbps) : QString();
    case LinkStateRole:
        return toString(port.linkState);
    case PeerRole:
        return m_peers.value(port.name);
    default:
        return {};
    }
}

QHash<int, QByteArray> PortListModel::roleNames() const
{
    return {
        {IdRole, "portId"},         {NameRole, "name"}, {MacRole, "mac"}, {SpeedRole, "speed"},
        {LinkStateRole, "linkState"}, {PeerRole, "peer"},
    };
}

void PortListModel::setPorts(QList<Port> ports, QHash<QString, QString> peers)
{
    beginResetModel();
    m_ports = std::move(ports);
    m_peers = std::move(peers);
    endResetModel();
    Q_EMIT countChanged();
}

} // namespace NeoCloud
