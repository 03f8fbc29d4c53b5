#pragma once
// One tenant's quotas as bars for the detail panel. The backend meters only one quota today, the
// services in use against maxServices; capacity and GPU quotas are drawn as the share of what the
// cluster can promise (discovered hardware × overcommit), the quota check's own yardstick, and
// QoS limits as plain figures.

#include "domain/Tenancy.h"
#include "store/InventoryRepository.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace NeoCloud {

class QuotaModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("QuotaModel is provided by TenantDetail.")

public:
    enum Roles {
        FieldRole = Qt::UserRole + 1, // the quota's field as the backend names it: quotas.gpus
        LabelRole,
        MeasureRole, // usage (used of limit), share (quota of the cluster) or limit (no bar)
        FractionRole, // 0..1, for the bar; -1 without one
        ValueTextRole, // "2 of 10", "50.0 TB", "Unlimited"
        CaptionRole, // what the bar compares: "12 % of the 400.0 TB the cluster can promise"
        OverRole, // the value is beyond what it is measured against
    };
    Q_ENUM(Roles)

    explicit QuotaModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void show(const TenantQuotas &quotas, int servicesUsed, const PhysicalCapacity &cluster,
              double overcommitRatio);
    void clear();

private:
    struct Bar
    {
        QString field;
        QString label;
        QString measure;
        double value = 0;
        double of = 0;
        QString valueText;
        QString caption;
    };

    QList<Bar> m_bars;
};

} // namespace NeoCloud
