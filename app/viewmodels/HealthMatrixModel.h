#pragma once
// The health matrix for the Health view and the overview's miniature: one row per tenant, one
// column per service kind, each cell's status, reason and since, read from HealthService's
// in-memory matrix and updated in place when it recomputes (its matrixChanged signal).

#include "health/HealthService.h"

#include <QAbstractTableModel>
#include <QtQmlIntegration>

namespace NeoCloud {

class Catalog;

class HealthMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HealthMatrixModel is provided by ConsoleContext.")

    Q_PROPERTY(int tenantCount READ tenantCount NOTIFY shapeChanged)
    Q_PROPERTY(int kindCount READ kindCount NOTIFY shapeChanged)
    // Cells per status, for the legend and the overview ("healthy", "degraded", "down",
    // "unknown", "disabled" -> count).
    Q_PROPERTY(QVariantMap statusCounts READ statusCounts NOTIFY cellsChanged)
    Q_PROPERTY(QString updatedAt READ updatedAt NOTIFY cellsChanged)
    // The matrix lives in memory: it is loaded as soon as the model exists.
    // (NOTIFY only so the screenshot mode can wait on it like any other view model.)
    Q_PROPERTY(bool loaded READ loaded NOTIFY shapeChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY shapeChanged)

public:
    enum Roles {
        StatusRole = Qt::UserRole + 1, // healthy, degraded, down, unknown, disabled
        ReasonRole,
        SinceRole,
        TenantIdRole,
        TenantNameRole,
        KindRole,
        KindTitleRole,
    };
    Q_ENUM(Roles)

    HealthMatrixModel(HealthService &health, const Catalog &catalog, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int tenantCount() const { return int(m_matrix.tenants.size()); }
    int kindCount() const { return int(m_matrix.kinds.size()); }
    QVariantMap statusCounts() const;
    QString updatedAt() const { return m_matrix.updatedAt; }
    bool loaded() const { return true; }
    QString lastError() const { return {}; }

    Q_INVOKABLE QString tenantIdAt(int row) const;
    Q_INVOKABLE QString tenantNameAt(int row) const;
    Q_INVOKABLE QString kindAt(int column) const;
    Q_INVOKABLE QString kindTitleAt(int column) const;
    Q_INVOKABLE int rowOf(const QString &tenantId) const;
    Q_INVOKABLE int columnOf(const QString &kind) const
    {
        return int(m_matrix.kinds.indexOf(kind));
    }
    // The cell's status word, "" outside the matrix.
    Q_INVOKABLE QString statusAt(int row, int column) const;

Q_SIGNALS:
    void shapeChanged();
    void cellsChanged();

private:
    void take(const HealthMatrix &next);
    const HealthCell *cellAt(int row, int column) const;

    HealthService &m_health;
    QHash<QString, QString> m_kindTitles;
    HealthMatrix m_matrix;
};

} // namespace NeoCloud
