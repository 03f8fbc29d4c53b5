#include "ScanResultModels.h"

#include <QJsonObject>

namespace NeoCloud {

int ScanErrorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ScanErrorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case TargetRole:
        return row.target;
    case Qt::DisplayRole:
    case MessageRole:
        return row.message;
    default:
        return {};
    }
}

QHash<int, QByteArray> ScanErrorModel::roleNames() const
{
    return {{TargetRole, "target"}, {MessageRole, "message"}};
}

void ScanErrorModel::setErrors(const QJsonArray &errors)
{
    QList<Row> rows;
    rows.reserve(errors.size());
    for (const QJsonValue &e : errors)
        rows.append({e[QLatin1String("target")].toString(), e[QLatin1String("message")].toString()});
    // Progress updates repeat the same list many times a second; only a real change resets.
    if (rows.size() == m_rows.size()
        && std::equal(rows.begin(), rows.end(), m_rows.begin(), [](const Row &a, const Row &b) {
               return a.target == b.target && a.message == b.message;
           }))
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    Q_EMIT countChanged();
}

int ScanChangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ScanChangeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case DeviceIdRole:
        return row.deviceId;
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case ChangeRole:
        return row.change;
    case SummaryRole:
        return row.summary;
    case FieldCountRole:
        return row.fieldCount;
    default:
        return {};
    }
}

QHash<int, QByteArray> ScanChangeModel::roleNames() const
{
    return {{DeviceIdRole, "deviceId"},
            {NameRole, "name"},
            {ChangeRole, "change"},
            {SummaryRole, "summary"},
            {FieldCountRole, "fieldCount"}};
}

void ScanChangeModel::setChanges(const QJsonArray &changes)
{
    if (changes.isEmpty() && m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(changes.size());
    for (const QJsonValue &c : changes) {
        const QJsonArray fields = c[QLatin1String("fields")].toArray();
        m_rows.append({c[QLatin1String("device")].toString(), c[QLatin1String("name")].toString(),
                       c[QLatin1String("change")].toString(), summarize(fields), int(fields.size())});
    }
    endResetModel();
    Q_EMIT countChanged();
}

QString ScanChangeModel::summarize(const QJsonArray &fields)
{
    const auto shown = [](const QJsonValue &v) {
        const QString text = v.toString();
        return text.isEmpty() ? QStringLiteral("(none)") : text;
    };
    QStringList parts;
    for (const QJsonValue &f : fields)
        parts << QStringLiteral("%1: %2 → %3")
                     .arg(f[QLatin1String("field")].toString(), shown(f[QLatin1String("before")]),
                          shown(f[QLatin1String("after")]));
    return parts.join(QLatin1String("; "));
}

} // namespace NeoCloud
