#include "TenantCapacityModel.h"

#include "TenancyText.h"
#include "domain/Enums.h"

#include <QLocale>

namespace NeoCloud {

QString runwayText(const RunwayEstimate &runway)
{
    if (!runway.runwayDays) {
        // The estimator's reasons are lower-case clauses; most say "not enough data (...)".
        if (runway.reason.isEmpty())
            return QObject::tr("Not enough data: no history recorded yet");
        if (runway.reason.startsWith(QLatin1String("not enough data")))
            return runway.reason.at(0).toUpper() + runway.reason.mid(1);
        return QObject::tr("No runway: %1").arg(runway.reason);
    }
    const double days = *runway.runwayDays;
    if (days > 3650)
        return QObject::tr("More than 10 years");
    if (days < 1)
        return QObject::tr("Less than a day");
    // Spelled out: the console ships no translations, so "%n day(s)" would show as written.
    const int whole = int(days);
    return whole == 1 ? QObject::tr("1 day")
                      : QObject::tr("%1 days").arg(QLocale().toString(whole));
}

int TenantCapacityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TenantCapacityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TenantCapacity &row = m_rows.at(index.row());
    switch (role) {
    case TenantIdRole:
        return row.id;
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case StateRole:
        return toString(row.state);
    case UsedBytesRole:
        return double(row.usedBytes);
    case QuotaBytesRole:
        return double(row.quotaBytes);
    case UsageRole:
        return row.quotaBytes > 0 ? double(row.usedBytes) / double(row.quotaBytes) : 0.0;
    case UsedTextRole:
        return row.quotaBytes > 0
            ? tr("%1 of %2")
                  .arg(storageText(double(row.usedBytes)), storageText(double(row.quotaBytes)))
            : tr("%1, no capacity quota").arg(storageText(double(row.usedBytes)));
    case GpusRole:
        return row.gpus;
    case RunwayTextRole:
        return runwayText(row.runway);
    case HasRunwayRole:
        return row.runway.runwayDays.has_value();
    case UsageSourceRole:
        return row.usageSource;
    default:
        return {};
    }
}

QHash<int, QByteArray> TenantCapacityModel::roleNames() const
{
    return { { TenantIdRole, "tenantId" },
             { NameRole, "name" },
             { StateRole, "state" },
             { UsedBytesRole, "usedBytes" },
             { QuotaBytesRole, "quotaBytes" },
             { UsageRole, "usage" },
             { UsedTextRole, "usedText" },
             { GpusRole, "gpus" },
             { RunwayTextRole, "runwayText" },
             { HasRunwayRole, "hasRunway" },
             { UsageSourceRole, "usageSource" } };
}

void TenantCapacityModel::setTenants(const QList<TenantCapacity> &tenants)
{
    const bool sameRows = tenants.size() == m_rows.size()
        && std::equal(tenants.cbegin(), tenants.cend(), m_rows.cbegin(),
                      [](const TenantCapacity &a, const TenantCapacity &b) {
                          return a.id == b.id;
                      });
    if (sameRows) {
        // The bars keep their delegates while the numbers move.
        m_rows = tenants;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
        return;
    }
    const qsizetype before = m_rows.size();
    beginResetModel();
    m_rows = tenants;
    endResetModel();
    if (before != m_rows.size())
        Q_EMIT countChanged();
}

int TenantCapacityModel::rowOf(const QString &tenantId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == tenantId)
            return row;
    return -1;
}

} // namespace NeoCloud
