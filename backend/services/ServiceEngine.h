#pragma once
// Switches services on and off for tenants, and onboards and removes tenants, as jobs of
// provider steps: plan (a dry run shows it), then apply step by step with every step persisted,
// a failed step rolling back the completed ones in reverse, and a job a killed process left
// behind resumed (or its rollback finished) on the next start. One job runs per tenant at a
// time; others wait their turn in order.

#include "ProviderStep.h"
#include "core/Result.h"
#include "domain/Activity.h"
#include "domain/Tenancy.h"

#include <QHash>
#include <QObject>
#include <QQueue>

namespace NeoCloud {

class AuditLog;
class Catalog;
class EventLog;
class JobRepository;
class ServiceProvider;
class ServiceRepository;
class TenantService;

// A plan as a dry run returns it: {"steps": [{method, path, body, title, target, id}, ...]}.
struct ServicePlan
{
    QList<ProviderStep> steps;
};

class ServiceEngine : public QObject
{
    Q_OBJECT
public:
    ServiceEngine(ServiceRepository &services, JobRepository &jobs, TenantService &tenants, const Catalog &catalog,
                  ServiceProvider &provider, AuditLog &audit, EventLog &events, QObject *parent = nullptr);
    ~ServiceEngine() override;

    // Picks up jobs a killed process left: applies are resumed, rollbacks finished.
    int resumeInterrupted();

    Result<ServicePlan> planEnable(const QString &tenantId, const QString &kind, const QJsonObject &params) const;
    // Starts enabling; the service is returned in state `enabling` with its job id.
    Result<Service> enable(const QString &tenantId, const QString &kind, const QJsonObject &params,
                           const QString &user);
    Result<ServicePlan> planDisable(const QString &serviceId) const;
    Result<Service> disable(const QString &serviceId, const QString &user);

    Result<Page<Service>> services(const QString &tenantId, int limit, int offset) const;
    Result<Service> service(const QString &id) const;
    Result<Job> job(const QString &id) const;

    // Onboarding: {"tenant": {...as POST /tenants}, "users": [...], "services": [{"kind", "params"}]}.
    // All or nothing: a failure undoes the provider steps, the services, users and the tenant.
    Result<ServicePlan> planOnboarding(const QJsonObject &body) const;
    Result<Job> onboard(const QJsonObject &body, const QString &user);

    // Deleting a tenant that has services (force): disables them all, removes the tenant's
    // foundation on the provider, then the tenant. Returns the job.
    Result<Job> removeTenant(const QString &tenantId, const QString &user);

    bool isBusy() const;

Q_SIGNALS:
    void serviceChanged(const QString &serviceId, const QString &tenantId);
    void jobUpdated(const NeoCloud::Job &job);
    void jobFinished(const NeoCloud::Job &job);

private:
    struct Run;
    void startNext(const QString &tenantId);
    void advance(Run &run);
    void stepFinished(Run &run, int index, Result<QJsonValue> object, bool created);
    void finish(Run &run, JobState state, const QString &error);
    void persist(Run &run);

    ServiceRepository &m_services;
    JobRepository &m_jobs;
    TenantService &m_tenants;
    const Catalog &m_catalog;
    ServiceProvider &m_provider;
    AuditLog &m_audit;
    EventLog &m_events;
    QHash<QString, QQueue<QString>> m_waiting; // tenant id -> job ids in order
    QHash<QString, Run *> m_running;           // tenant id -> its running job
};

} // namespace NeoCloud
