#include "QuotaModel.h"

#include "TenancyText.h"

#include <QLocale>

namespace NeoCloud {

QuotaModel::QuotaModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int QuotaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bars.size());
}

QVariant QuotaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bar &bar = m_bars.at(index.row());
    switch (role) {
    case FieldRole:
        return bar.field;
    case Qt::DisplayRole:
    case LabelRole:
        return bar.label;
    case MeasureRole:
        return bar.measure;
    case FractionRole:
        return bar.measure == QLatin1String("limit") ? -1.0
            : bar.of > 0                             ? qBound(0.0, bar.value / bar.of, 1.0)
                                                     : (bar.value > 0 ? 1.0 : 0.0);
    case ValueTextRole:
        return bar.valueText;
    case CaptionRole:
        return bar.caption;
    case OverRole:
        return bar.measure != QLatin1String("limit") && bar.value > bar.of;
    default:
        return {};
    }
}

QHash<int, QByteArray> QuotaModel::roleNames() const
{
    return {
        { FieldRole, "field" },       { LabelRole, "label" },         { MeasureRole, "measure" },
        { FractionRole, "fraction" }, { ValueTextRole, "valueText" }, { CaptionRole, "caption" },
        { OverRole, "over" }
    };
}

void QuotaModel::show(const TenantQuotas &q, int servicesUsed, const PhysicalCapacity &cluster,
                      double ratio)
{
    const QLocale locale;
    const double promisableBytes = double(cluster.usableBytes) * ratio;
    const double promisableGpus = double(cluster.gpus) * ratio;
    auto percent = [&](double value, double of) {
        return of > 0 ? locale.toString(100.0 * value / of, 'f', 0) : QStringLiteral("–");
    };
    QList<Bar> bars;
    bars.append({ QStringLiteral("quotas.maxServices"), tr("Services"), QStringLiteral("usage"),
                  double(servicesUsed), double(q.maxServices),
                  tr("%L1 of %L2").arg(servicesUsed).arg(q.maxServices),
                  tr("services enabled of the %L1 allowed").arg(q.maxServices) });
    bars.append({ QStringLiteral("quotas.capacityBytes"), tr("Capacity"), QStringLiteral("share"),
                  double(q.capacityBytes), promisableBytes,
                  q.capacityBytes > 0 ? storageText(double(q.capacityBytes)) : tr("None"),
                  tr("%1 % of the %2 the cluster can promise")
                      .arg(percent(double(q.capacityBytes), promisableBytes),
                           storageText(promisableBytes)) });
    bars.append({ QStringLiteral("quotas.gpus"), tr("GPUs"), QStringLiteral("share"),
                  double(q.gpus), promisableGpus, locale.toString(q.gpus),
                  tr("%1 % of the %L2 GPUs the cluster can promise")
                      .arg(percent(q.gpus, promisableGpus))
                      .arg(promisableGpus) });
    bars.append({ QStringLiteral("quotas.qos.bandwidthMBps"), tr("Bandwidth"),
                  QStringLiteral("limit"), double(q.bandwidthMBps), 0,
                  limitText(q.bandwidthMBps, QStringLiteral("MB/s")),
                  tr("QoS limit on the tenant's VIPs") });
    bars.append({ QStringLiteral("quotas.qos.iops"), tr("IOPS"), QStringLiteral("limit"),
                  double(q.iops), 0, limitText(q.iops, QStringLiteral("IOPS")),
                  tr("QoS limit on the tenant's VIPs") });
    beginResetModel();
    m_bars = std::move(bars);
    endResetModel();
}

void QuotaModel::clear()
{
    beginResetModel();
    m_bars.clear();
    endResetModel();
}

} // namespace NeoCloud
