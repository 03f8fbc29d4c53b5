#include "DeviceTableModel.h"

#include "HardwareText.h"
#include "domain/Enums.h"
#include "inventory/InventoryService.h"

#include <QUrl>

namespace NeoCloud {

namespace {
// Discovery adds devices in bursts of hundreds; one re-read per burst is enough, and a 10k-row
// read costs tens of milliseconds, so the window is a little wider than the overview's.
constexpr int coalesceMs = 100;
} // namespace

DeviceTableModel::DeviceTableModel(InventoryService &inventory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_inventory(inventory)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(coalesceMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &DeviceTableModel::reload);
    connect(&m_inventory, &InventoryService::inventoryChanged, this,
            &DeviceTableModel::scheduleReload);
    // The window shows first; the store is read once the event loop runs.
    QTimer::singleShot(0, this, &DeviceTableModel::reload);
}

int DeviceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_devices.size());
}

int DeviceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeviceTableModel::cellText(const Device &device, int column) const
{
    switch (column) {
    case NameColumn:
        return device.name;
    case KindColumn:
        return kindLabel(device.kind);
    case ModelColumn:
        if (device.vendor.isEmpty() || device.model.startsWith(device.vendor))
            return device.model;
        return device.model.isEmpty() ? device.vendor : device.vendor + u' ' + device.model;
    case SerialColumn:
        return device.serial;
    case RackColumn:
        return rackName(device.rackId);
    case PositionColumn:
        return unitRangeText(device);
    case HealthColumn:
        return healthLabel(device.health);
    case StateColumn:
        return device.state;
    case FirmwareColumn:
        return device.firmware;
    case BmcColumn: {
        // The host is what people recognise; the panel shows the full URL.
        const QUrl url(device.bmcUrl);
        if (!url.isValid() || url.host().isEmpty())
            return device.bmcUrl;
        return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
    }
    default:
        return {};
    }
}

QVariant DeviceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Device &device = m_devices.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cellText(device, index.column());
    case Qt::ToolTipRole:
        return index.column() == BmcColumn ? device.bmcUrl : cellText(device, index.column());
    case DeviceIdRole:
        return device.id;
    case KindRole:
        return toString(device.kind);
    case HealthRole:
        return toString(device.health);
    case ColumnNameRole:
        return QString::fromLatin1(QMetaEnum::fromType<Column>().valueToKey(index.column()));
    default:
        return {};
    }
}

QVariant DeviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case ModelColumn:
        return tr("Model");
    case SerialColumn:
        return tr("Serial");
    case RackColumn:
        return tr("Rack");
    case PositionColumn:
        return tr("Position");
    case HealthColumn:
        return tr("Health");
    case StateColumn:
        return tr("State");
    case FirmwareColumn:
        return tr("Firmware");
    case BmcColumn:
        return tr("BMC");
    default:
        return {};
    }
}

QHash<int, QByteArray> DeviceTableModel::roleNames() const
{
    return {
        {Qt::DisplayRole, "display"}, {Qt::ToolTipRole, "toolTip"},
        {DeviceIdRole, "deviceId"},   {KindRole, "kind"},
        {HealthRole, "health"},       {ColumnNameRole, "columnName"},
    };
}

void DeviceTableModel::scheduleReload()
{
    // Not restarted while pending: a steady stream of changes must not postpone the read forever.
    if (!m_reloadTimer.isActive())
        m_reloadTimer.start();
}

void DeviceTableModel::reload()
{
    m_reloadTimer.stop();
    QList<Device> devices;
    QString error;
    DeviceQuery query;
    query.limit = pageSize;
    // Paged because the service caps a page at 1000; a device added between two pages shifts the
    // offsets, but it also fires inventoryChanged, so the next read repairs the picture.
    for (;;) {
        const Result<Page<Device>> page = m_inventory.devices(query);
        if (!page) {
            error = page.error().message;
            break;
        }
        devices.append(page->items);
        query.offset += int(page->items.size());
        if (page->items.isEmpty() || query.offset >= page->total)
            break;
    }
    QHash<QString, Rack> racks;
    if (error.isEmpty()) {
        const Result<QList<Rack>> allRacks = m_inventory.racks({});
        if (allRacks) {
            for (const Rack &rack : *allRacks)
                racks.insert(rack.id, rack);
        } else {
            error = allRacks.error().message;
        }
    }

    setLastError(error);
    if (error.isEmpty()) {
        QHash<QString, int> rowById;
        rowById.reserve(devices.size());
        for (int row = 0; row < devices.size(); ++row)
            rowById.insert(devices.at(row).id, row);
        const bool sameRows = devices.size() == m_devices.size()
            && std::equal(devices.cbegin(), devices.cend(), m_devices.cbegin(),
                          [](const Device &a, const Device &b) { return a.id == b.id; });
        if (sameRows) {
            // Same devices in the same order: refresh the cells so views keep scroll and selection.
            m_devices = std::move(devices);
            m_racks = std::move(racks);
            m_rowById = std::move(rowById);
            if (!m_devices.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        } else {
            beginResetModel();
            m_devices = std::move(devices);
            m_racks = std::move(racks);
            m_rowById = std::move(rowById);
            endResetModel();
        }
        m_critical = int(std::count_if(m_devices.cbegin(), m_devices.cend(), [](const Device &d) {
            return d.health == Health::Critical;
        }));
        m_warning = int(std::count_if(m_devices.cbegin(), m_devices.cend(), [](const Device &d) {
            return d.health == Health::Warning;
        }));
        Q_EMIT countsChanged();
        Q_EMIT reloaded();
    }
    if (!m_loaded) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
}

void DeviceTableModel::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

} // namespace NeoCloud
