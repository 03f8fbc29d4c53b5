#include "DashboardListModel.h"

#include "DeviceDetail.h"
#include "TenantUserModel.h" // refusal()
#include "domain/Inventory.h"
#include "settings/DashboardService.h"

#include <QRegularExpression>

namespace NeoCloud {

DashboardListModel::DashboardListModel(DashboardService &dashboards, QObject *parent)
    : ReadListModel(parent)
    , m_dashboards(dashboards)
{
    // A change through the API shows here too.
    connect(&m_dashboards, &DashboardService::linksChanged, this, &DashboardListModel::reload);
    reload();
}

int DashboardListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_links.size()); }

QVariant DashboardListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DashboardLink &link = m_links.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return link.name;
    case UrlTemplateRole:
        return link.urlTemplate;
    default:
        return {};
    }
}

QHash<int, QByteArray> DashboardListModel::roleNames() const { return {{NameRole, "name"}, {UrlTemplateRole, "urlTemplate"}}; }

QVariantMap DashboardListModel::add(const QString &name, const QString &urlTemplate)
{
    QList<DashboardLink> links = m_links;
    links.append({name.trimmed(), urlTemplate.trimmed()});
    return save(links);
}

QVariantMap DashboardListModel::update(int row, const QString &name, const QString &urlTemplate)
{
    if (row < 0 || row >= m_links.size())
        return refusal(Error::notFound(QStringLiteral("dashboard"), QString::number(row)));
    QList<DashboardLink> links = m_links;
    links[row] = {name.trimmed(), urlTemplate.trimmed()};
    return save(links);
}

QVariantMap DashboardListModel::remove(int row)
{
    if (row < 0 || row >= m_links.size())
        return refusal(Error::notFound(QStringLiteral("dashboard"), QString::number(row)));
    QList<DashboardLink> links = m_links;
    links.removeAt(row);
    return save(links);
}

QString DashboardListModel::urlFor(int row, DeviceDetail *device) const
{
    if (row < 0 || row >= m_links.size() || !device || !device->found())
        return {};
    Device facts;
    facts.id = device->deviceId();
    facts.name = device->name();
    facts.serial = device->serial();
    facts.bmcUrl = device->bmcUrl();
    return fillDashboardUrl(m_links.at(row).urlTemplate, facts).toString(QUrl::FullyEncoded);
}

QVariantMap DashboardListModel::save(const QList<DashboardLink> &links)
{
    const auto saved = m_dashboards.replace(links, QStringLiteral("console"));
    if (saved)
        return {};
    // The form edits one row: "items[3].urlTemplate" is its "urlTemplate".
    Error error = saved.error();
    static const QRegularExpression itemPrefix(QStringLiteral("^items\\[\\d+\\]\\.?"));
    error.field.remove(itemPrefix);
    return refusal(error);
}

void DashboardListModel::reload() { replaceRows(m_links, m_dashboards.links()); }

} // namespace NeoCloud
