#include "HealthMatrixModel.h"

#include "services/Catalog.h"

#include <QJsonObject>

namespace NeoCloud {

HealthMatrixModel::HealthMatrixModel(HealthService &health, const Catalog &catalog, QObject *parent)
    : QAbstractTableModel(parent)
    , m_health(health)
{
    for (const QJsonValue &kind : catalog.kinds()) {
        const QJsonObject entry = kind.toObject();
        m_kindTitles.insert(entry.value(QLatin1String("kind")).toString(),
                            entry.value(QLatin1String("title")).toString());
    }
    m_matrix = m_health.matrix();
    connect(&m_health, &HealthService::matrixChanged, this, [this] { take(m_health.matrix()); });
}

void HealthMatrixModel::take(const HealthMatrix &next)
{
    const auto sameTenants = [&] {
        if (next.tenants.size() != m_matrix.tenants.size())
            return false;
        for (qsizetype i = 0; i < next.tenants.size(); ++i)
            if (next.tenants.at(i).id != m_matrix.tenants.at(i).id
                || next.tenants.at(i).name != m_matrix.tenants.at(i).name)
                return false;
        return true;
    };
    if (next.kinds != m_matrix.kinds || !sameTenants()) {
        // A tenant came or went: the rows move, so the views start over.
        beginResetModel();
        m_matrix = next;
        endResetModel();
        Q_EMIT shapeChanged();
        Q_EMIT cellsChanged();
        return;
    }
    // Same shape: only the cells that changed are announced, so a 500-tenant table keeps its
    // delegates and its scroll position while one cell turns red.
    const HealthMatrix before = std::exchange(m_matrix, next);
    const int kinds = kindCount();
    for (qsizetype i = 0; i < next.cells.size(); ++i) {
        const HealthCell &a = before.cells.at(i);
        const HealthCell &b = next.cells.at(i);
        if (a.status != b.status || a.reason != b.reason || a.since != b.since) {
            const QModelIndex at = index(int(i / kinds), int(i % kinds));
            Q_EMIT dataChanged(at, at, { StatusRole, ReasonRole, SinceRole });
        }
    }
    Q_EMIT cellsChanged();
}

int HealthMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : tenantCount();
}

int HealthMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kindCount();
}

const HealthCell *HealthMatrixModel::cellAt(int row, int column) const
{
    if (row < 0 || row >= tenantCount() || column < 0 || column >= kindCount())
        return nullptr;
    const qsizetype at = qsizetype(row) * kindCount() + column;
    return at < m_matrix.cells.size() ? &m_matrix.cells.at(at) : nullptr;
}

QVariant HealthMatrixModel::data(const QModelIndex &index, int role) const
{
    const HealthCell *cell = cellAt(index.row(), index.column());
    if (!cell)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case StatusRole:
        return toString(cell->status);
    case ReasonRole:
        return cell->reason;
    case SinceRole:
        return cell->since;
    case TenantIdRole:
        return m_matrix.tenants.at(index.row()).id;
    case TenantNameRole:
        return m_matrix.tenants.at(index.row()).name;
    case KindRole:
        return m_matrix.kinds.at(index.column());
    case KindTitleRole:
        return kindTitleAt(index.column());
    default:
        return {};
    }
}

QVariant HealthMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    return orientation == Qt::Horizontal ? QVariant(kindTitleAt(section))
                                         : QVariant(tenantNameAt(section));
}

QHash<int, QByteArray> HealthMatrixModel::roleNames() const
{
    return { { Qt::DisplayRole, "display" }, { StatusRole, "status" },
             { ReasonRole, "reason" },       { SinceRole, "since" },
             { TenantIdRole, "tenantId" },   { TenantNameRole, "tenantName" },
             { KindRole, "kind" },           { KindTitleRole, "kindTitle" } };
}

QVariantMap HealthMatrixModel::statusCounts() const
{
    QVariantMap counts;
    for (HealthStatus status : { HealthStatus::Healthy, HealthStatus::Degraded, HealthStatus::Down,
                                 HealthStatus::Unknown, HealthStatus::Disabled })
        counts.insert(toString(status), 0);
    for (const HealthCell &cell : m_matrix.cells) {
        const QString key = toString(cell.status);
        counts.insert(key, counts.value(key).toInt() + 1);
    }
    return counts;
}

QString HealthMatrixModel::tenantIdAt(int row) const
{
    return row >= 0 && row < tenantCount() ? m_matrix.tenants.at(row).id : QString();
}

QString HealthMatrixModel::tenantNameAt(int row) const
{
    return row >= 0 && row < tenantCount() ? m_matrix.tenants.at(row).name : QString();
}

QString HealthMatrixModel::kindAt(int column) const
{
    return m_matrix.kinds.value(column);
}

QString HealthMatrixModel::kindTitleAt(int column) const
{
    const QString kind = kindAt(column);
    return m_kindTitles.value(kind, kind);
}

int HealthMatrixModel::rowOf(const QString &tenantId) const
{
    for (int row = 0; row < tenantCount(); ++row)
        if (m_matrix.tenants.at(row).id == tenantId)
            return row;
    return -1;
}

QString HealthMatrixModel::statusAt(int row, int column) const
{
    const HealthCell *cell = cellAt(row, column);
    return cell ? toString(cell->status) : QString();
}

} // namespace NeoCloud
