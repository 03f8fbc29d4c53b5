#pragma once
// The provider steps of a plan or a job, in order, for the plan review and the progress lists:
// each step's call (method, path, body), what it is for, which system it changes, and, once a
// job runs, its state and the provider's error.

#include "services/ProviderStep.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace NeoCloud {

class ServiceStepModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ServiceStepModel is provided by the service and onboarding controllers.")

    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int doneCount READ doneCount NOTIFY stepsChanged)
    // The title of the step that failed, "" when none did.
    Q_PROPERTY(QString failedStep READ failedStep NOTIFY stepsChanged)

public:
    enum Roles {
        StepIdRole = Qt::UserRole + 1,
        MethodRole, // POST, PATCH, DELETE, ...
        PathRole, // as planned, placeholders such as {{view.id}} unresolved
        BodyRole, // indented JSON, "" without a body
        TitleRole,
        TargetRole, // vast or neocloud
        SharedRole, // part of the tenant's foundation, kept when one service goes
        StateRole, // pending, running, done, failed, undone
        ErrorRole, // the provider's words
    };
    Q_ENUM(Roles)

    explicit ServiceStepModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_steps.size()); }
    int doneCount() const;
    QString failedStep() const;
    const QList<ProviderStep> &steps() const { return m_steps; }

    void setSteps(const QList<ProviderStep> &steps);
    // Steps as a job's payload or a service's record keeps them (with their runtime state).
    void setSteps(const QJsonArray &steps);
    void clear() { setSteps(QList<ProviderStep>()); }

Q_SIGNALS:
    void countChanged();
    void stepsChanged();

private:
    QList<ProviderStep> m_steps;
};

} // namespace NeoCloud
