#include "DeviceFilterModel.h"

#include "DeviceTableModel.h"
#include "HardwareText.h"
#include "domain/Enums.h"

namespace NeoCloud {

namespace {

// Ascending health puts what needs attention first.
int healthRank(Health health)
{
    switch (health) {
    case Health::Critical:
        return 0;
    case Health::Warning:
        return 1;
    case Health::Unknown:
        return 2;
    case Health::Ok:
        return 3;
    }
    return 4;
}

} // namespace

DeviceFilterModel::DeviceFilterModel(DeviceTableModel &devices, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_devices(devices)
    , m_collator(sortLocale())
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setSourceModel(&devices);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &DeviceFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &DeviceFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &DeviceFilterModel::countChanged);
    sort(DeviceTableModel::NameColumn, Qt::AscendingOrder);
}

void DeviceFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    applyFilter();
}

void DeviceFilterModel::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    applyFilter();
}

void DeviceFilterModel::setHealth(const QString &health)
{
    if (health == m_health)
        return;
    m_health = health;
    applyFilter();
}

void DeviceFilterModel::applyFilter()
{
    invalidateRowsFilter();
    Q_EMIT filterChanged();
    Q_EMIT countChanged();
}

void DeviceFilterModel::sortBy(int column)
{
    if (column < 0 || column >= DeviceTableModel::ColumnCount)
        return;
    const Qt::SortOrder order = column == sortColumn() && sortOrder() == Qt::AscendingOrder
        ? Qt::DescendingOrder
        : Qt::AscendingOrder;
    sort(column, order);
    Q_EMIT sortChanged();
}

int DeviceFilterModel::rowOfDevice(const QString &deviceId) const
{
    const int sourceRow = m_devices.rowOfDevice(deviceId);
    if (sourceRow < 0)
        return -1;
    return mapFromSource(m_devices.index(sourceRow, 0)).row();
}

QString DeviceFilterModel::deviceIdAt(int row) const
{
    const QModelIndex proxyIndex = index(row, 0);
    if (!proxyIndex.isValid())
        return {};
    return m_devices.deviceAt(mapToSource(proxyIndex).row()).id;
}

bool DeviceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const Device &device = m_devices.deviceAt(sourceRow);
    if (!m_kind.isEmpty() && toString(device.kind) != m_kind)
        return false;
    if (!m_health.isEmpty() && toString(device.health) != m_health)
        return false;
    const QString needle = m_text.trimmed();
    if (needle.isEmpty())
        return true;
    return device.name.contains(needle, Qt::CaseInsensitive)
        || device.serial.contains(needle, Qt::CaseInsensitive)
        || device.model.contains(needle, Qt::CaseInsensitive)
        || device.vendor.contains(needle, Qt::CaseInsensitive);
}

bool DeviceFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const Device &a = m_devices.deviceAt(left.row());
    const Device &b = m_devices.deviceAt(right.row());
    int order = 0;
    switch (left.column()) {
    case DeviceTableModel::PositionColumn:
        // Unplaced devices go last; then by U.
        order = int(!a.position) - int(!b.position);
        if (order == 0 && a.position && b.position)
            order = *a.position - *b.position;
        break;
    case DeviceTableModel::HealthColumn:
        order = healthRank(a.health) - healthRank(b.health);
        break;
    case DeviceTableModel::RackColumn:
        order = m_collator.compare(m_devices.rackName(a.rackId), m_devices.rackName(b.rackId));
        if (order == 0)
            order = b.position.value_or(0) - a.position.value_or(0); // top of the rack first
        break;
    default:
        order = m_collator.compare(left.data().toString(), right.data().toString());
        break;
    }
    // Ties fall back to the name so equal keys keep a stable, readable order.
    if (order == 0 && left.column() != DeviceTableModel::NameColumn)
        order = m_collator.compare(a.name, b.name);
    return order < 0;
}

} // namespace NeoCloud
