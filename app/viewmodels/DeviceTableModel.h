#pragma once
// Every device of the inventory as a table (one row per device, one column per attribute), read
// in pages from InventoryService and re-read, coalesced, whenever the inventory changes.

#include "domain/Inventory.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <QtQmlIntegration>

namespace NeoCloud {

class InventoryService;

class DeviceTableModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("DeviceTableModel is provided by ConsoleContext.")

    Q_PROPERTY(int count READ count NOTIFY countsChanged)
    Q_PROPERTY(int criticalCount READ criticalCount NOTIFY countsChanged)
    Q_PROPERTY(int warningCount READ warningCount NOTIFY countsChanged)
    Q_PROPERTY(int rackCount READ rackCount NOTIFY countsChanged)
    // True once the first read finished, even a failed one (lastError then says why).
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Column {
        NameColumn,
        KindColumn,
        ModelColumn,
        SerialColumn,
        RackColumn,
        PositionColumn,
        HealthColumn,
        StateColumn,
        FirmwareColumn,
        BmcColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // Row roles: the same value in every cell of a row, so a cell delegate can draw selection
    // and health without asking a second column.
    enum Roles {
        DeviceIdRole = Qt::UserRole + 1,
        KindRole,   // wire spelling, e.g. "gpu-server"
        HealthRole, // wire spelling, e.g. "critical"
        ColumnNameRole,
    };
    Q_ENUM(Roles)

    // Pages of this size are the largest InventoryService::devices() accepts.
    static constexpr int pageSize = 1000;

    explicit DeviceTableModel(InventoryService &inventory, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_devices.size()); }
    int criticalCount() const { return m_critical; }
    int warningCount() const { return m_warning; }
    int rackCount() const { return int(m_racks.size()); }
    bool loaded() const { return m_loaded; }
    QString lastError() const { return m_lastError; }

    // The rows as plain values, for the proxy's filters and the topology snapshot.
    const QList<Device> &devices() const { return m_devices; }
    const Device &deviceAt(int row) const { return m_devices.at(row); }
    const QHash<QString, Rack> &racks() const { return m_racks; }
    QString rackName(const QString &rackId) const { return m_racks.value(rackId).name; }
    // -1 when no such device was read.
    int rowOfDevice(const QString &deviceId) const { return m_rowById.value(deviceId, -1); }

    // Reads everything now; inventoryChanged goes through the coalescing timer instead.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void countsChanged();
    void loadedChanged();
    void lastErrorChanged();
    // After every successful read, whether or not the rows changed shape.
    void reloaded();

private:
    void scheduleReload();
    void setLastError(const QString &error);
    QString cellText(const Device &device, int column) const;

    InventoryService &m_inventory;
    QTimer m_reloadTimer;
    QList<Device> m_devices; // in the store's order (by name)
    QHash<QString, Rack> m_racks;
    QHash<QString, int> m_rowById;
    int m_critical = 0;
    int m_warning = 0;
    bool m_loaded = false;
    QString m_lastError;
};

} // namespace NeoCloud
