#include "ServiceCatalogModel.h"

#include "services/Catalog.h"

#include <QJsonObject>

namespace NeoCloud {

ServiceCatalogModel::ServiceCatalogModel(const Catalog &catalog, QObject *parent)
    : QAbstractListModel(parent)
    , m_kinds(catalog.kinds())
{ }

int ServiceCatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_kinds.size());
}

QVariant ServiceCatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject kind = m_kinds.at(index.row()).toObject();
    switch (role) {
    case KindRole:
        return kind.value(QLatin1String("kind")).toString();
    case Qt::DisplayRole:
    case TitleRole:
        return kind.value(QLatin1String("title")).toString();
    case DescriptionRole:
        return kind.value(QLatin1String("description")).toString();
    case ProtocolsRole:
        return kind.value(QLatin1String("vastProtocols")).toVariant();
    case SchemaRole:
        return kind.value(QLatin1String("schema")).toObject().toVariantMap();
    case ExampleRole:
        return kind.value(QLatin1String("example")).toObject().toVariantMap();
    default:
        return {};
    }
}

QHash<int, QByteArray> ServiceCatalogModel::roleNames() const
{
    return { { KindRole, "kind" },
             { TitleRole, "title" },
             { DescriptionRole, "description" },
             { ProtocolsRole, "protocols" },
             { SchemaRole, "schema" },
             { ExampleRole, "example" } };
}

int ServiceCatalogModel::rowOf(const QString &kind) const
{
    for (qsizetype i = 0; i < m_kinds.size(); ++i)
        if (m_kinds.at(i)[QLatin1String("kind")].toString() == kind)
            return int(i);
    return -1;
}

QVariantMap ServiceCatalogModel::schemaOf(const QString &kind) const
{
    const int row = rowOf(kind);
    return row < 0 ? QVariantMap() : data(index(row), SchemaRole).toMap();
}

QVariantMap ServiceCatalogModel::exampleOf(const QString &kind) const
{
    const int row = rowOf(kind);
    return row < 0 ? QVariantMap() : data(index(row), ExampleRole).toMap();
}

QString ServiceCatalogModel::titleOf(const QString &kind) const
{
    const int row = rowOf(kind);
    return row < 0 ? QString() : data(index(row), TitleRole).toString();
}

QString ServiceCatalogModel::descriptionOf(const QString &kind) const
{
    const int row = rowOf(kind);
    return row < 0 ? QString() : data(index(row), DescriptionRole).toString();
}

} // namespace NeoCloud
