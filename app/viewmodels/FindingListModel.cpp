#include "FindingListModel.h"

#include "domain/Enums.h"

#include <algorithm>

namespace NeoCloud {

FindingListModel::FindingListModel(QObject *parent)
    : ReadListModel(parent)
{
}

int FindingListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QString FindingListModel::checkLabel(const QString &check)
{
    static const QHash<QString, QString> labels{
        {QStringLiteral("device-present"), tr("Device present")},
        {QStringLiteral("device-unexpected"), tr("Unexpected device")},
        {QStringLiteral("device-location"), tr("Location")},
        {QStringLiteral("device-model"), tr("Model")},
        {QStringLiteral("device-serial"), tr("Serial number")},
        {QStringLiteral("cabling"), tr("Cabling")},
        {QStringLiteral("link-speed"), tr("Link speed")},
        {QStringLiteral("firmware"), tr("Firmware")},
        {QStringLiteral("part-count"), tr("Part count")},
        {QStringLiteral("part-health"), tr("Part health")},
        {QStringLiteral("psu-redundancy"), tr("PSU redundancy")},
    };
    return labels.value(check, check);
}

QString FindingListModel::rackOf(const Finding &finding) const
{
    const QString rack = m_rackOfDevice.value(finding.device);
    return rack.isEmpty() ? tr("No rack") : rack;
}

QVariant FindingListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &f = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole:
        return f.message;
    case FindingIdRole:
        return f.id;
    case KeyRole:
        return f.key;
    case CheckRole:
        return f.check;
    case CheckLabelRole:
        return checkLabel(f.check);
    case SeverityRole:
        return toString(f.severity);
    case StatusRole:
        return toString(f.status);
    case ProblemRole:
        return f.problem;
    case DeviceRole:
        return f.device;
    case RackRole:
        return rackOf(f);
    case RackStartRole:
        return index.row() == 0 || rackOf(m_rows.at(index.row() - 1)) != rackOf(f);
    case SubjectRole:
        return f.subject;
    case ExpectedRole:
        return f.expected;
    case FoundRole:
        return f.found;
    case ChangeRole:
        return f.change;
    default:
        return {};
    }
}

QHash<int, QByteArray> FindingListModel::roleNames() const
{
    return {{FindingIdRole, "findingId"}, {KeyRole, "key"},         {CheckRole, "check"},
            {CheckLabelRole, "checkLabel"}, {SeverityRole, "severity"}, {StatusRole, "status"},
            {ProblemRole, "problem"},     {DeviceRole, "device"},   {RackRole, "rack"}, {RackStartRole, "rackStart"},
            {SubjectRole, "subject"},     {ExpectedRole, "expected"}, {FoundRole, "found"},
            {MessageRole, "message"},     {ChangeRole, "change"}};
}

void FindingListModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    Q_EMIT filterChanged();
    refilter();
}

bool FindingListModel::accepts(const Finding &finding) const
{
    if (m_filter == QLatin1String("all"))
        return true;
    return parseFindingStatus(m_filter) == finding.status;
}

void FindingListModel::show(Result<QList<Finding>> findings, const QHash<QString, QString> &rackOfDevice)
{
    m_rackOfDevice = rackOfDevice;
    const QString error = findings ? QString() : findings.error().message;
    m_all = findings ? std::move(findings).value() : QList<Finding>();
    setLastError(error);
    refilter();
    Q_EMIT countsChanged();
}

void FindingListModel::refilter()
{
    QList<Finding> rows;
    for (const Finding &f : std::as_const(m_all))
        if (accepts(f))
            rows << f;
    // Grouped by rack (the ListView's sections need neighbours), failures first within a device.
    const QString noRack = tr("No rack");
    std::stable_sort(rows.begin(), rows.end(), [&](const Finding &a, const Finding &b) {
        const QString ra = rackOf(a), rb = rackOf(b);
        if (ra != rb)
            return (ra == noRack) != (rb == noRack) ? rb == noRack : ra < rb;
        if (a.device != b.device)
            return a.device < b.device;
        return (a.status == FindingStatus::Pass) < (b.status == FindingStatus::Pass);
    });
    const qsizetype before = m_rows.size();
    beginResetModel();
    m_rows = rows;
    endResetModel();
    if (before != m_rows.size())
        Q_EMIT countChanged();
}

void FindingListModel::replace(const Finding &finding)
{
    for (Finding &f : m_all)
        if (f.id == finding.id)
            f = finding;
    const int row = rowOf(finding.id);
    if (row >= 0 && accepts(finding)) {
        m_rows[row] = finding;
        Q_EMIT dataChanged(index(row), index(row));
    } else {
        refilter(); // it left the filter (a waived failure under "fail")
    }
    Q_EMIT countsChanged();
}

const Finding *FindingListModel::find(const QString &findingId) const
{
    for (const Finding &f : m_all)
        if (f.id == findingId)
            return &f;
    return nullptr;
}

QString FindingListModel::findingIdAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString(); }

int FindingListModel::rowOf(const QString &findingId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == findingId)
            return i;
    return -1;
}

int FindingListModel::countOf(FindingStatus status) const
{
    return int(std::count_if(m_all.begin(), m_all.end(), [status](const Finding &f) { return f.status == status; }));
}

} // namespace NeoCloud
