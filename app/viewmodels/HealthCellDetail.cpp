#include "HealthCellDetail.h"

namespace NeoCloud {

namespace {

QString stepTypeLabel(const QString &type)
{
    static const QHash<QString, QString> labels {
        { QStringLiteral("device"), QObject::tr("Device") },
        { QStringLiteral("ports"), QObject::tr("Switch ports") },
        { QStringLiteral("cnodes"), QObject::tr("CNodes") },
        { QStringLiteral("dboxes"), QObject::tr("DBoxes") },
        { QStringLiteral("vipPool"), QObject::tr("VIP pool") },
        { QStringLiteral("data"), QObject::tr("Data") },
        { QStringLiteral("service"), QObject::tr("Service") },
        { QStringLiteral("tenant"), QObject::tr("Tenant") }
    };
    return labels.value(type, type);
}

} // namespace

int HealthPathModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant HealthPathModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case PathRole:
        return row.path;
    case StepRole:
        return row.step;
    case TypeRole:
        return row.data.type;
    case TypeLabelRole:
        return stepTypeLabel(row.data.type);
    case Qt::DisplayRole:
    case NameRole:
        return row.data.name;
    case DeviceIdRole:
        return row.data.type == QLatin1String("device") ? row.data.id : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> HealthPathModel::roleNames() const
{
    return { { PathRole, "path" },           { StepRole, "step" }, { TypeRole, "type" },
             { TypeLabelRole, "typeLabel" }, { NameRole, "name" }, { DeviceIdRole, "deviceId" } };
}

void HealthPathModel::setPaths(const QList<QList<PathStep>> &paths)
{
    QList<Row> rows;
    for (int p = 0; p < paths.size(); ++p)
        for (int s = 0; s < paths.at(p).size(); ++s)
            rows.append({ p, s, paths.at(p).at(s) });
    const bool same = rows.size() == m_rows.size()
        && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), [](const Row &a, const Row &b) {
                          return a.path == b.path && a.data.type == b.data.type
                              && a.data.id == b.data.id && a.data.name == b.data.name;
                      });
    if (same)
        return;
    const qsizetype before = m_rows.size();
    beginResetModel();
    m_rows = rows;
    endResetModel();
    if (before != m_rows.size())
        Q_EMIT countChanged();
}

int HealthHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant HealthHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HealthTransition &row = m_rows.at(index.row());
    switch (role) {
    case FromRole:
        return toString(row.from);
    case ToRole:
        return toString(row.to);
    case Qt::DisplayRole:
    case ReasonRole:
        return row.reason;
    case AtRole:
        return row.at;
    default:
        return {};
    }
}

QHash<int, QByteArray> HealthHistoryModel::roleNames() const
{
    return { { FromRole, "from" }, { ToRole, "to" }, { ReasonRole, "reason" }, { AtRole, "at" } };
}

void HealthHistoryModel::setTransitions(const QList<HealthTransition> &transitions)
{
    const bool same = transitions.size() == m_rows.size()
        && std::equal(transitions.cbegin(), transitions.cend(), m_rows.cbegin(),
                      [](const HealthTransition &a, const HealthTransition &b) {
                          return a.id == b.id;
                      });
    if (same)
        return;
    const qsizetype before = m_rows.size();
    beginResetModel();
    m_rows = transitions;
    endResetModel();
    if (before != m_rows.size())
        Q_EMIT countChanged();
}

HealthCellDetail::HealthCellDetail(HealthService &health, QObject *parent)
    : QObject(parent)
    , m_health(health)
{
    connect(&m_health, &HealthService::matrixChanged, this, &HealthCellDetail::refresh);
}

QString HealthCellDetail::status() const
{
    return selected() ? toString(m_explanation.cell.status) : QString();
}

void HealthCellDetail::select(const QString &tenantId, const QString &kind)
{
    if (tenantId == m_tenantId && kind == m_kind)
        return;
    m_tenantId = tenantId;
    m_kind = kind;
    Q_EMIT selectionChanged();
    refresh();
}

void HealthCellDetail::refresh()
{
    CellExplanation next;
    QList<HealthTransition> transitions;
    QString error;
    if (selected()) {
        Result<CellExplanation> explained = explainCell(m_health, m_tenantId, m_kind);
        if (explained)
            next = std::move(explained).value();
        else
            error = explained.error().message;
        const Result<QList<HealthTransition>> history
            = m_health.history(m_tenantId, m_kind, historyLimit);
        if (history)
            transitions = *history;
        else if (error.isEmpty())
            error = history.error().message;
    }
    m_explanation = next;
    m_lastError = error;
    m_path.setPaths(m_explanation.paths);
    m_history.setTransitions(transitions);
    Q_EMIT changed();
}

} // namespace NeoCloud
