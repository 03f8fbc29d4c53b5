#pragma once
// The operator's dashboard links (DashboardService) for the Settings page, which adds, edits and
// removes them, and for the device page, which opens each one with the device filled in.

#include "DeviceDetail.h" // complete: moc needs an invokable's QObject-pointer argument type
#include "ReadListModel.h"
#include "settings/DashboardLinks.h"

#include <QVariantMap>
#include <QtQmlIntegration>

namespace NeoCloud {

class DashboardService;

class DashboardListModel : public NeoCloud::ReadListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("DashboardListModel is provided by ConsoleContext.")

    // The placeholders a template may use, for the form's hint.
    Q_PROPERTY(QStringList placeholders READ placeholders CONSTANT)
    Q_PROPERTY(int maximum READ maximum CONSTANT)

public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        UrlTemplateRole,
    };
    Q_ENUM(Roles)

    explicit DashboardListModel(DashboardService &dashboards, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList placeholders() const { return dashboardPlaceholders(); }
    int maximum() const { return maxDashboardLinks; }

    // Each change saves the whole list at once. Returns {} on success, else {field, message}
    // with field "name" or "urlTemplate" (the row's), or "" for the list as a whole.
    Q_INVOKABLE QVariantMap add(const QString &name, const QString &urlTemplate);
    Q_INVOKABLE QVariantMap update(int row, const QString &name, const QString &urlTemplate);
    Q_INVOKABLE QVariantMap remove(int row);

    // Row `row`'s URL with `device` filled in; "" for a row or device that is not there.
    Q_INVOKABLE QString urlFor(int row, NeoCloud::DeviceDetail *device) const;

private:
    QVariantMap save(const QList<DashboardLink> &links);
    void reload();

    DashboardService &m_dashboards;
    QList<DashboardLink> m_links;
};

} // namespace NeoCloud
