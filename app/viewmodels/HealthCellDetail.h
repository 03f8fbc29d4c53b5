#pragma once
// The health cell the Health view has selected: its status and reason, the devices the rules
// blame with the path from each up to the service (explainCell), and the cell's history of
// transitions. Re-read whenever HealthService recomputes, so the panel stays live.

#include "health/CellExplanation.h"
#include "store/HealthRepository.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace NeoCloud {

// The steps from each failing device up to the tenant, flattened: `path` numbers the chains.
class HealthPathModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HealthPathModel belongs to HealthCellDetail.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        PathRole = Qt::UserRole + 1,
        StepRole,
        TypeRole,
        TypeLabelRole,
        NameRole,
        DeviceIdRole
    };
    Q_ENUM(Roles)
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void setPaths(const QList<QList<PathStep>> &paths);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        int path = 0;
        int step = 0;
        PathStep data;
    };
    QList<Row> m_rows;
};

// The cell's status changes, newest first.
class HealthHistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HealthHistoryModel belongs to HealthCellDetail.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles { FromRole = Qt::UserRole + 1, ToRole, ReasonRole, AtRole };
    Q_ENUM(Roles)
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void setTransitions(const QList<HealthTransition> &transitions);

Q_SIGNALS:
    void countChanged();

private:
    QList<HealthTransition> m_rows;
};

class HealthCellDetail : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HealthCellDetail is provided by ConsoleContext.")

    Q_PROPERTY(QString tenantId READ tenantId NOTIFY selectionChanged)
    Q_PROPERTY(QString kind READ kind NOTIFY selectionChanged)
    Q_PROPERTY(bool selected READ selected NOTIFY selectionChanged)
    Q_PROPERTY(QString tenantName READ tenantName NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString reason READ reason NOTIFY changed)
    Q_PROPERTY(QString since READ since NOTIFY changed)
    Q_PROPERTY(bool alertOpen READ alertOpen NOTIFY changed)
    // Inventory ids of the devices the findings name, for the rack view's highlight.
    Q_PROPERTY(QStringList deviceIds READ deviceIds NOTIFY changed)
    Q_PROPERTY(NeoCloud::HealthPathModel *path READ path CONSTANT)
    Q_PROPERTY(NeoCloud::HealthHistoryModel *history READ history CONSTANT)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)

public:
    static constexpr int historyLimit = 50;

    explicit HealthCellDetail(HealthService &health, QObject *parent = nullptr);

    QString tenantId() const { return m_tenantId; }
    QString kind() const { return m_kind; }
    bool selected() const { return !m_tenantId.isEmpty() && !m_kind.isEmpty(); }
    QString tenantName() const { return m_explanation.tenantName; }
    QString status() const;
    QString reason() const { return m_explanation.cell.reason; }
    QString since() const { return m_explanation.cell.since; }
    bool alertOpen() const { return !m_explanation.cell.alertId.isEmpty(); }
    QStringList deviceIds() const { return m_explanation.devices; }
    HealthPathModel *path() { return &m_path; }
    HealthHistoryModel *history() { return &m_history; }
    QString lastError() const { return m_lastError; }

    Q_INVOKABLE void select(const QString &tenantId, const QString &kind);
    Q_INVOKABLE void clear() { select({}, {}); }
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void selectionChanged();
    void changed();

private:
    HealthService &m_health;
    QString m_tenantId;
    QString m_kind;
    CellExplanation m_explanation;
    QString m_lastError;
    HealthPathModel m_path;
    HealthHistoryModel m_history;
};

} // namespace NeoCloud
