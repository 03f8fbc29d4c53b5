#include "TenantFilterModel.h"

#include "TenantListModel.h"

namespace NeoCloud {

TenantFilterModel::TenantFilterModel(TenantListModel &tenants, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_tenants(tenants)
{
    setSourceModel(&tenants);
    setSortRole(TenantListModel::NameRole);
    setDynamicSortFilter(true);
    sort(0);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(this, signal, this, &TenantFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &TenantFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &TenantFilterModel::countChanged);
}

void TenantFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
    Q_EMIT textChanged();
    Q_EMIT countChanged();
}

QString TenantFilterModel::tenantIdAt(int row) const
{
    return data(index(row, 0), TenantListModel::TenantIdRole).toString();
}

int TenantFilterModel::rowOf(const QString &tenantId) const
{
    const int source = m_tenants.rowOf(tenantId);
    return source < 0 ? -1 : mapFromSource(m_tenants.index(source)).row();
}

bool TenantFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const QString needle = m_text.trimmed();
    if (needle.isEmpty())
        return true;
    const Tenant &t = m_tenants.tenantAt(sourceRow);
    for (const QString &hay : { t.name, t.displayName, t.contactEmail })
        if (hay.contains(needle, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace NeoCloud
