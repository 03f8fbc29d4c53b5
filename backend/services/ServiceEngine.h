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
#include "tenancy/TenantService.h"

#include <QHash>
#include <QObject>
#include <QQueue>

namespace NeoCloud {

class AuditLog;
class AuthService;
class Catalog;
class EventLog;
class JobRepository;
class ServiceProvider;
class ServiceRepository;

// A plan as a dry run returns it: {"steps": [{method, path, body, title, target, id}, ...]}.
struct ServicePlan
{
    QList<ProviderStep> steps;
};

struct ServiceRequest
{
    QString kind;
    QJsonObject params;
};

struct TenantUserDraft
{
    QString username;
    QString password;
    Role role = Role::TenantAdmin;
};

// A tenant with its users and services, made in one job, all or nothing.
struct OnboardingRequest
{
    TenantDraft tenant;
    QList<TenantUserDraft> users;
    QList<ServiceRequest> services;
};

// What changing a tenant's customer-managed key does, before it is done.
struct KeyImpact
{
    bool revoke = false;
    Tenant tenant;
    QList<Service> unreadable; // revoke: every live service's data
    QList<Service> affected;   // rotate: services whose data keys are re-wrapped, still readable
    QString summary;
    ProviderStep step; // the provider call
};

// What a tenant has on the provider: whether removing it takes a job.
struct ProviderFootprint
{
    int liveServices = 0;
    bool hasFoundation = false;
};

class ServiceEngine : public QObject
{
    Q_OBJECT
public:
    ServiceEngine(ServiceRepository &services, JobRepository &jobs, TenantService &tenants, AuthService &auth,
                  const Catalog &catalog, ServiceProvider &provider, AuditLog &audit, EventLog &events,
                  QObject *parent = nullptr);
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

    // All or nothing: a failure undoes the provider steps, then removes the services, users and
    // the tenant. The tenant and its users exist (state active) while the job runs.
    Result<ServicePlan> planOnboarding(const OnboardingRequest &request) const;
    Result<Job> onboard(const OnboardingRequest &request, const QString &user);

    // Deleting a tenant that has services (force): disables them all, removes the tenant's
    // foundation on the provider, then the tenant. Returns the job.
    Result<Job> removeTenant(const QString &tenantId, const QString &user);
    Result<ProviderFootprint> providerFootprint(const QString &tenantId) const;

    // Customer-managed keys: the impact first (a dry run), then the change as a job.
    Result<KeyImpact> keyImpact(const QString &tenantId, bool revoke) const;
    Result<Job> changeKey(const QString &tenantId, bool revoke, const QString &user);

    bool isBusy() const;

    static QString enableKind() { return QStringLiteral("service-enable"); }
    static QString disableKind() { return QStringLiteral("service-disable"); }
    static QString onboardingKind() { return QStringLiteral("onboarding"); }
    static QString tenantRemovalKind() { return QStringLiteral("tenant-delete"); }
    static QString keyRotationKind() { return QStringLiteral("encryption-rotate"); }
    static QString keyRevocationKind() { return QStringLiteral("encryption-revoke"); }
    static bool isEngineJob(const QString &kind);

Q_SIGNALS:
    void serviceChanged(const QString &serviceId, const QString &tenantId);
    void jobUpdated(const NeoCloud::Job &job);
    void jobFinished(const NeoCloud::Job &job);

private:
    struct Run;
    Result<QList<ProviderStep>> planFor(const Tenant &tenant, const QList<Service> &others,
                                        const QList<QPair<Service, QString>> &wanted) const;
    // The undo of each step the services (newest first), then the foundation, made.
    Result<QList<ProviderStep>> undoSteps(const QList<Service> &services, const QJsonArray &foundation,
                                          const StepRefs &foundationRefs) const;
    Result<Job> queue(Job job, const QString &tenantId);
    void startNext(const QString &tenantId);
    void advance(Run *run);
    void stepFinished(Run *run, int index, Result<QJsonValue> object, bool created);
    void finish(Run *run);
    void persist(Run *run);
    void recordOutcome(Run *run, bool succeeded);
    void recordKeyOutcome(Run *run, bool succeeded);
    StepRefs refsOf(const Run *run) const;

    ServiceRepository &m_services;
    JobRepository &m_jobs;
    TenantService &m_tenants;
    const Catalog &m_catalog;
    ServiceProvider &m_provider;
    AuthService &m_auth;
    AuditLog &m_audit;
    EventLog &m_events;
    QHash<QString, QQueue<QString>> m_waiting; // tenant id -> job ids in order
    QHash<QString, Run *> m_running;           // tenant id -> its running job
};

} // namespace NeoCloud
