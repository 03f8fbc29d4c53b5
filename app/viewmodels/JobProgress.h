#pragma once
// Follows one job of the ServiceEngine (an enable, a disable, an onboarding) for a dialog:
// its state, steps done of total, each step's state, and how it ended: the failed step in the
// provider's words and whether what the job had made was rolled back.

#include "ServiceStepModel.h"
#include "domain/Activity.h"

#include <QObject>
#include <QtQmlIntegration>

namespace NeoCloud {

class ServiceEngine;

class JobProgress : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("JobProgress is provided by the service and onboarding controllers.")

    Q_PROPERTY(QString jobId READ jobId NOTIFY changed)
    // "" before a job, else queued, running, succeeded, failed.
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(bool running READ running NOTIFY changed)
    Q_PROPERTY(bool finished READ finished NOTIFY changed)
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY changed)
    Q_PROPERTY(int done READ done NOTIFY changed)
    Q_PROPERTY(int total READ total NOTIFY changed)
    // "Step "Create view /acme/s3" failed: <the provider's words>", "" unless it failed.
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(bool rolledBack READ rolledBack NOTIFY changed)
    // Undo calls that failed themselves: what the rollback left behind.
    Q_PROPERTY(QStringList rollbackErrors READ rollbackErrors NOTIFY changed)
    Q_PROPERTY(NeoCloud::ServiceStepModel *steps READ steps CONSTANT)

public:
    explicit JobProgress(ServiceEngine &engine, QObject *parent = nullptr);

    QString jobId() const { return m_job.id; }
    QString state() const;
    bool running() const;
    bool finished() const { return !m_job.id.isEmpty() && !running(); }
    bool succeeded() const { return m_job.state == JobState::Succeeded; }
    int done() const { return m_job.progressDone; }
    int total() const { return m_job.progressTotal; }
    QString error() const;
    bool rolledBack() const;
    QStringList rollbackErrors() const;
    ServiceStepModel *steps() { return &m_steps; }

    void follow(const Job &job);
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void changed();
    // Once, when the followed job ends.
    void jobFinished(bool succeeded);

private:
    void update(const NeoCloud::Job &job);

    ServiceEngine &m_engine;
    Job m_job;
    ServiceStepModel m_steps;
};

} // namespace NeoCloud
