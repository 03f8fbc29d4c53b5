#pragma once
// The parts of one device as list models for the detail panel: its components (GPUs, drives,
// PSUs...) ordered by kind, and its network ports with their link state.

#include "domain/Inventory.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace NeoCloud {

class ComponentListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ComponentListModel is provided by DeviceDetail.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        KindRole,      // wire spelling, e.g. "gpu"
        KindLabelRole, // group title, plural when the group has several, e.g. "GPUs"
        NameRole,
        ModelRole,
        SerialRole,
        FirmwareRole,
        CapacityRole, // human text, e.g. "80 GiB"; empty when the part has no capacity
        HealthRole,
        FirstOfKindRole, // true on the first row of each kind, where a list draws its heading
        KindCountRole,   // how many rows share this row's kind
    };
    Q_ENUM(Roles)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setComponents(QList<Component> components);
    const QList<Component> &components() const { return m_components; }

Q_SIGNALS:
    void countChanged();

private:
    QList<Component> m_components;
    QHash<ComponentKind, int> m_kindCounts;
};

class PortListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PortListModel is provided by DeviceDetail.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        NameRole,
        MacRole,
        SpeedRole,     // human text, e.g. "400 Gb/s"
        LinkStateRole, // wire spelling: "up", "down", "unknown"
        PeerRole,      // "leaf-01 swp3" when a link ends here, else empty
    };
    Q_ENUM(Roles)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // peers maps a port name to the far end's "device port" text.
    void setPorts(QList<Port> ports, QHash<QString, QString> peers);

Q_SIGNALS:
    void countChanged();

private:
    QList<Port> m_ports;
    QHash<QString, QString> m_peers;
};

} // namespace NeoCloud
