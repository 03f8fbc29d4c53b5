#pragma once
// The Hardware table's filters and sort order over DeviceTableModel: free text (name, serial,
// model), kind and health, and a sort by any column that compares values, not display text.

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QtQmlIntegration>

namespace NeoCloud {

class DeviceTableModel;

class DeviceFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("DeviceFilterModel is provided by ConsoleContext.")

    Q_PROPERTY(QString text READ text WRITE setText NOTIFY filterChanged)
    // Wire spellings ("gpu-server", "critical"); empty means any.
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filterChanged)
    Q_PROPERTY(QString health READ health WRITE setHealth NOTIFY filterChanged)
    Q_PROPERTY(int sortColumn READ sortColumn NOTIFY sortChanged)
    Q_PROPERTY(bool sortAscending READ sortAscending NOTIFY sortChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit DeviceFilterModel(DeviceTableModel &devices, QObject *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    QString health() const { return m_health; }
    void setHealth(const QString &health);
    int sortColumn() const { return QSortFilterProxyModel::sortColumn(); }
    bool sortAscending() const { return sortOrder() == Qt::AscendingOrder; }
    int count() const { return rowCount(); }

    // A click on a header: sorts by that column, or flips the order when it already is.
    Q_INVOKABLE void sortBy(int column);
    // -1 when the device is filtered out or unknown.
    Q_INVOKABLE int rowOfDevice(const QString &deviceId) const;
    Q_INVOKABLE QString deviceIdAt(int row) const;

Q_SIGNALS:
    void filterChanged();
    void sortChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void applyFilter();

    DeviceTableModel &m_devices;
    QString m_text;
    QString m_kind;
    QString m_health;
    // Numeric mode, so gpu-9 sorts before gpu-10 the way operators count.
    QCollator m_collator;
};

} // namespace NeoCloud
