#pragma once
// The Services view for one tenant: its services, and the enable and disable dialogs: the form
// for the chosen kind (generated from its schema), the dry run's plan, then the job that applies
// it, followed step by step. Refusals come back in the backend's words, on the form's field when
// they name one.

#include "JobProgress.h"
#include "SchemaFormModel.h"
#include "ServiceStepModel.h"
#include "TenantServiceModel.h"

#include <QObject>
#include <QtQmlIntegration>

namespace NeoCloud {

class Catalog;
class ServiceEngine;
struct ServicePlan;

class ServiceController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ServiceController is provided by ConsoleContext.")

    // The tenant the view works for; `services` lists what it has.
    Q_PROPERTY(QString tenantId READ tenantId WRITE setTenantId NOTIFY tenantIdChanged)
    Q_PROPERTY(NeoCloud::TenantServiceModel *services READ services CONSTANT)
    // Choosing a kind loads its schema into the form, blank.
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(NeoCloud::SchemaFormModel *form READ form CONSTANT)
    // The dry run: what applying would send, step by step.
    Q_PROPERTY(NeoCloud::ServiceStepModel *plan READ plan CONSTANT)
    Q_PROPERTY(bool planned READ planned NOTIFY planChanged)
    // Why the last request was refused, when the refusal names no field of the form.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(NeoCloud::JobProgress *job READ job CONSTANT)

public:
    ServiceController(ServiceEngine &engine, const Catalog &catalog, QObject *parent = nullptr);

    QString tenantId() const { return m_tenantId; }
    void setTenantId(const QString &id);
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    TenantServiceModel *services() { return &m_services; }
    SchemaFormModel *form() { return &m_form; }
    ServiceStepModel *plan() { return &m_plan; }
    bool planned() const { return m_plan.count() > 0; }
    QString error() const { return m_error; }
    JobProgress *job() { return &m_job; }

    // Each returns false and sets `error` (or a field's message) when refused.
    Q_INVOKABLE bool review();
    Q_INVOKABLE bool enable();
    Q_INVOKABLE bool reviewDisable(const QString &serviceId);
    Q_INVOKABLE bool disable(const QString &serviceId);
    // Back to an empty plan and no job, keeping the form as it is.
    Q_INVOKABLE void startOver();

Q_SIGNALS:
    void tenantIdChanged();
    void kindChanged();
    void planChanged();
    void errorChanged();

private:
    bool showPlan(const Result<ServicePlan> &plan);
    // Follows the job that enables or disables `service`.
    bool followJobOf(const Result<Service> &service);
    bool refuse(const Error &error);
    void setError(const QString &error);

    ServiceEngine &m_engine;
    const Catalog &m_catalog;
    QString m_tenantId;
    QString m_kind;
    TenantServiceModel m_services;
    SchemaFormModel m_form;
    ServiceStepModel m_plan;
    JobProgress m_job;
    QString m_error;
};

} // namespace NeoCloud
