#pragma once
// The two lists a finished discovery scan reports, as models for the discovery dialog: the
// targets that answered with errors, and the devices the scan added, changed or lost.

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>
#include <QtQmlIntegration>

namespace NeoCloud {

class ScanErrorModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ScanErrorModel is provided by ScanController.")

    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        TargetRole = Qt::UserRole + 1,
        MessageRole,
    };
    Q_ENUM(Roles)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the rows with a scan result's "errors": [{target, message}].
    void setErrors(const QJsonArray &errors);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        QString target;
        QString message;
    };
    QList<Row> m_rows;
};

class ScanChangeModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ScanChangeModel is provided by ScanController.")

    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        DeviceIdRole = Qt::UserRole + 1,
        NameRole,
        ChangeRole,  // added, changed, gone, unreachable, recovered
        SummaryRole, // "field: before → after; ..."
        FieldCountRole,
    };
    Q_ENUM(Roles)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the rows with a scan result's "changes": [{device, name, change, fields}].
    void setChanges(const QJsonArray &changes);

    // One line for a change's fields; empty values read "(none)" so a cleared field is visible.
    static QString summarize(const QJsonArray &fields);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        QString deviceId;
        QString name;
        QString change;
        QString summary;
        int fieldCount = 0;
    };
    QList<Row> m_rows;
};

} // namespace NeoCloud
