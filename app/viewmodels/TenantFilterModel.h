#pragma once
// The Tenants list's filter box over TenantListModel: free text against the name, display name
// and contact, sorted by name.

#include <QSortFilterProxyModel>
#include <QtQmlIntegration>

namespace NeoCloud {

class TenantListModel;

class TenantFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TenantFilterModel is provided by ConsoleContext.")

    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit TenantFilterModel(TenantListModel &tenants, QObject *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    int count() const { return rowCount(); }

    Q_INVOKABLE QString tenantIdAt(int row) const;
    // -1 when filtered out or unknown.
    Q_INVOKABLE int rowOf(const QString &tenantId) const;

Q_SIGNALS:
    void textChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    TenantListModel &m_tenants;
    QString m_text;
};

} // namespace NeoCloud
