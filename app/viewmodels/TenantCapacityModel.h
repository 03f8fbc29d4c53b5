#pragma once
// Per-tenant capacity for the Capacity view's bars: used against quota, GPU quota and the
// tenant's runway (or why there is none), as CapacityService reports them.

#include "capacity/Capacity.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace NeoCloud {

class TenantCapacityModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TenantCapacityModel belongs to CapacityModel.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        TenantIdRole = Qt::UserRole + 1,
        NameRole,
        StateRole,
        UsedBytesRole,
        QuotaBytesRole,
        UsageRole, // used / quota, 0 when there is no quota (may pass 1: over quota)
        UsedTextRole, // "12.0 TB of 50.0 TB"
        GpusRole,
        RunwayTextRole, // "41 days" or "not enough data: ..."
        HasRunwayRole,
        UsageSourceRole,
    };
    Q_ENUM(Roles)
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setTenants(const QList<TenantCapacity> &tenants);
    Q_INVOKABLE int rowOf(const QString &tenantId) const;

Q_SIGNALS:
    void countChanged();

private:
    QList<TenantCapacity> m_rows;
};

// "41 days", "More than 10 years", or why there is no number ("Not enough data (...)",
// "No runway: use is not growing").
QString runwayText(const RunwayEstimate &runway);

} // namespace NeoCloud
