#pragma once
// The service catalog for the Services view and the wizard: the kinds a tenant can switch on,
// each with its title, description, protocols, parameter schema (for SchemaFormModel) and example.

#include <QAbstractListModel>
#include <QJsonArray>
#include <QVariantMap>
#include <QtQmlIntegration>

namespace NeoCloud {

class Catalog;

class ServiceCatalogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ServiceCatalogModel is provided by ConsoleContext.")

    Q_PROPERTY(int count READ rowCount CONSTANT)

public:
    enum Roles {
        KindRole = Qt::UserRole + 1, // object-storage, ...
        TitleRole,
        DescriptionRole,
        ProtocolsRole, // ["S3"], [] for kinds that are not a storage protocol
        SchemaRole, // the parameters' JSON Schema, as a map
        ExampleRole,
    };
    Q_ENUM(Roles)

    explicit ServiceCatalogModel(const Catalog &catalog, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // By kind; an empty map or "" for a kind the catalog does not have.
    Q_INVOKABLE QVariantMap schemaOf(const QString &kind) const;
    Q_INVOKABLE QVariantMap exampleOf(const QString &kind) const;
    Q_INVOKABLE QString titleOf(const QString &kind) const;
    Q_INVOKABLE QString descriptionOf(const QString &kind) const;
    Q_INVOKABLE int rowOf(const QString &kind) const;

private:
    QJsonArray m_kinds;
};

} // namespace NeoCloud
