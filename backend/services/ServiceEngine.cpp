#include "ServiceEngine.h"

#include "EngineRun.h"

#include "Catalog.h"
#include "ServiceProvider.h"
#include "activity/AuditLog.h"
#include "activity/EventLog.h"
#include "auth/AuthService.h"
#include "core/Ids.h"
#include "core/Time.h"
#include "domain/Enums.h"
#include "store/JobRepository.h"
#include "store/Database.h"
#include "store/ServiceRepository.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcEngine, "neocloud.services")

namespace NeoCloud {
namespace {

const QString system = QStringLiteral("system");



Error unknownKind(const QString &kind, const Catalog &catalog)
{
    return Error::badInput(QStringLiteral("invalid_enum"),
                           QStringLiteral("kind must be one of %1; got '%2'.").arg(catalog.kindNames().join(QStringLiteral(", ")), kind),
                           QStringLiteral("kind"));
}

} // namespace


ServiceEngine::ServiceEngine(ServiceRepository &services, JobRepository &jobs, TenantService &tenants, AuthService &auth,
                             const Catalog &catalog, ServiceProvider &provider, AuditLog &audit, EventLog &events,
                             QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_jobs(jobs)
    , m_tenants(tenants)
    , m_catalog(catalog)
    , m_provider(provider)
    , m_auth(auth)
    , m_audit(audit)
    , m_events(events)
{
}

ServiceEngine::~ServiceEngine()
{
    m_provider.abortAll(); // no step callback may reach a deleted run
    qDeleteAll(m_running);
}

bool ServiceEngine::isBusy() const { return !m_running.isEmpty(); }

Result<Page<Service>> ServiceEngine::services(const QString &tenantId, int limit, int offset) const
{
    if (auto tenant = m_tenants.get(tenantId); !tenant)
        return tenant.error();
    return m_services.listByTenant(tenantId, limit, offset);
}

Result<Service> ServiceEngine::service(const QString &id) const { return m_services.get(id); }

Result<Job> ServiceEngine::job(const QString &id) const
{
    Result<Job> job = m_jobs.get(id);
    if (job && !isEngineJob(job->kind))
        return Error::notFound(QStringLiteral("job"), id);
    return job;
}

// ---- planning ---------------------------------------------------------------------------------

Result<QList<ProviderStep>> ServiceEngine::planFor(const Tenant &tenant, const QList<Service> &others,
                                                   const QList<QPair<Service, QString>> &wanted) const
{
    auto recorded = m_services.foundation(tenant.id);
    QSet<QString> made;
    if (recorded) // a tenant being onboarded has no row yet, and no foundation
        for (const QJsonValue &v : *recorded)
            if (v.toObject().value(QStringLiteral("state")).toString() == QLatin1String("done"))
                made.insert(v.toObject().value(QStringLiteral("id")).toString());
    ProvisionContext context{tenant, others, {}};
    auto foundation = m_provider.planFoundation(context);
    if (!foundation)
        return foundation.error();
    QList<ProviderStep> steps;
    for (const ProviderStep &step : *foundation)
        if (!made.contains(step.id))
            steps << step;
    for (const auto &[service, prefix] : wanted) {
        context.prefix = prefix;
        auto planned = m_provider.planEnable(context, service.kind, service.params);
        if (!planned) {
            Error e = planned.error();
            if (wanted.size() > 1 && e.field.startsWith(QLatin1String("params")))
                e.field = QStringLiteral("services[%1].").arg(prefix.mid(1).chopped(1).toInt()) + e.field;
            return e;
        }
        for (ProviderStep step : *planned) {
            step.owner = service.id;
            steps << step;
        }
        context.services << service; // later services may refer to it (a trigger on its bucket)
    }
    return steps;
}

Result<ServicePlan> ServiceEngine::planEnable(const QString &tenantId, const QString &kind, const QJsonObject &params) const
{
    if (!m_catalog.kindNames().contains(kind))
        return unknownKind(kind, m_catalog);
    if (Status s = m_catalog.validate(kind, params); !s)
        return s.error();
    auto tenant = m_tenants.get(tenantId);
    if (!tenant)
        return tenant.error();
    if (tenant->state != TenantState::Active)
        return Error::conflict(QStringLiteral("tenant_not_active"),
                               QStringLiteral("Tenant %1 is %2; services are enabled only for active tenants.")
                                   .arg(tenant->name, toString(tenant->state)));
    auto live = m_services.liveByTenant(tenantId);
    if (!live)
        return live.error();
    if (tenant->quotas.maxServices > 0 && live->size() >= tenant->quotas.maxServices)
        return Error::conflict(QStringLiteral("quota_exceeded"),
                               QStringLiteral("Tenant %1 has %2 services, its maxServices quota.")
                                   .arg(tenant->name).arg(live->size()));
    Service draft;
    draft.id = QStringLiteral("(new)");
    draft.kind = kind;
    draft.params = params;
    auto steps = planFor(*tenant, *live, {{draft, QString()}});
    if (!steps)
        return steps.error();
    return ServicePlan{*steps};
}

Result<QList<ProviderStep>> ServiceEngine::undoSteps(const QList<Service> &services, const QJsonArray &foundation,
                                                     const StepRefs &foundationRefs) const
{
    QList<ProviderStep> out;
    auto reverse = [&](const QJsonArray &recorded, const QString &owner, const StepRefs &refs) -> Status {
        for (qsizetype i = recorded.size() - 1; i >= 0; --i) {
            auto step = stepFromJson(recorded[i].toObject());
            if (!step)
                return step.error();
            if (step->state != StepState::Done || !step->created || step->undo.isEmpty())
                continue;
            StepRefs withSelf = refs;
            withSelf.insert(QStringLiteral("self"), step->result);
            auto call = resolveCall(step->undo, withSelf);
            if (!call)
                return call.error();
            ProviderStep undo;
            undo.id = QStringLiteral("undo:") + step->id;
            undo.title = QStringLiteral("Undo: ") + step->title;
            undo.target = step->target;
            undo.call = *call;
            undo.owner = owner;
            out << undo;
        }
        return success();
    };
    for (qsizetype i = services.size() - 1; i >= 0; --i) {
        StepRefs refs = foundationRefs;
        refs.insert(refsOfRecorded(services[i].steps));
        if (Status s = reverse(services[i].steps, services[i].id, refs); !s)
            return s.error();
    }
    if (Status s = reverse(foundation, QString(), foundationRefs); !s)
        return s.error();
    return out;
}

Result<ServicePlan> ServiceEngine::planDisable(const QString &serviceId) const
{
    auto service = m_services.get(serviceId);
    if (!service)
        return service.error();
    auto foundation = m_services.foundation(service->tenantId);
    if (!foundation)
        return foundation.error();
    auto steps = undoSteps({*service}, {}, refsOfRecorded(*foundation));
    if (!steps)
        return steps.error();
    return ServicePlan{*steps};
}

Result<ServicePlan> ServiceEngine::planOnboarding(const OnboardingRequest &request) const
{
    auto tenant = m_tenants.preview(request.tenant);
    if (!tenant) {
        Error e = tenant.error();
        if (!e.field.isEmpty())
            e.field = QStringLiteral("tenant.") + e.field;
        return e;
    }
    if (request.tenant.quotas.maxServices > 0 && request.services.size() > request.tenant.quotas.maxServices)
        return Error::conflict(QStringLiteral("quota_exceeded"),
                               QStringLiteral("%1 services asked for, but the tenant's maxServices quota is %2.")
                                   .arg(request.services.size()).arg(request.tenant.quotas.maxServices),
                               QStringLiteral("services"));
    QList<QPair<Service, QString>> wanted;
    for (int i = 0; i < request.services.size(); ++i) {
        const ServiceRequest &s = request.services[i];
        if (!m_catalog.kindNames().contains(s.kind)) {
            Error e = unknownKind(s.kind, m_catalog);
            e.field = QStringLiteral("services[%1].kind").arg(i);
            return e;
        }
        if (Status v = m_catalog.validate(s.kind, s.params); !v) {
            Error e = v.error();
            e.field = QStringLiteral("services[%1].").arg(i) + e.field;
            return e;
        }
        Service draft;
        draft.id = QStringLiteral("(new %1)").arg(i);
        draft.kind = s.kind;
        draft.params = s.params;
        wanted.append({draft, QStringLiteral("s%1.").arg(i)});
    }
    QList<ProviderStep> steps;
    ProviderStep create;
    create.id = QStringLiteral("tenant-local");
    create.title = QStringLiteral("Create tenant %1 (VLAN %2, subnet %3) and %4 user(s)")
                       .arg(tenant->name).arg(tenant->network.vlan).arg(tenant->network.subnet).arg(request.users.size());
    create.target = QStringLiteral("neocloud");
    create.call = {QStringLiteral("POST"), QStringLiteral("/api/v1/tenants"),
                   QJsonObject{{QStringLiteral("name"), tenant->name}, {QStringLiteral("pool"), tenant->network.poolName}}};
    steps << create;
    auto provider = planFor(*tenant, {}, wanted);
    if (!provider)
        return provider.error();
    steps << *provider;
    return ServicePlan{steps};
}

// ---- starting jobs ----------------------------------------------------------------------------

Result<Job> ServiceEngine::queue(Job job, const QString &tenantId)
{
    if (Status s = m_jobs.insert(job); !s)
        return s.error();
    m_waiting[tenantId].enqueue(job.id);
    // Start on the next turn of the event loop, so the caller answers 202 before any step runs.
    QTimer::singleShot(0, this, [this, tenantId] { startNext(tenantId); });
    return job;
}

Result<Service> ServiceEngine::enable(const QString &tenantId, const QString &kind, const QJsonObject &params,
                                      const QString &user)
{
    auto plan = planEnable(tenantId, kind, params);
    if (!plan) {
        m_audit.record(user, QStringLiteral("service.enable"), tenantId, Status(plan.error()), {{QStringLiteral("kind"), kind}});
        return plan.error();
    }
    Service service;
    service.id = newId(QLatin1String("svc"));
    service.tenantId = tenantId;
    service.kind = kind;
    service.params = params;
    service.state = ServiceState::Enabling;
    service.createdAt = service.updatedAt = nowIso();
    QList<ProviderStep> steps = plan->steps;
    for (ProviderStep &step : steps)
        if (step.owner == QLatin1String("(new)"))
            step.owner = service.id;
    Run run;
    run.tenantId = tenantId;
    run.serviceIds = {service.id};
    run.steps = steps;
    if (auto foundation = m_services.foundation(tenantId))
        run.baseRefs = refsOfRecorded(*foundation);
    Job job{newId(QLatin1String("job")), enableKind(), JobState::Queued, 0, int(steps.size()), {}, {}, nowIso(), {}, {}};
    service.jobId = job.id;
    job.payload = run.payload();
    Result<Job> queued = Error::internal(QString());
    const Status stored = m_services.insert(service);
    if (stored)
        queued = queue(job, tenantId);
    const Status outcome = !stored ? stored : queued ? success() : Status(queued.error());
    m_audit.record(user, QStringLiteral("service.enable"), service.id, outcome,
                   {{QStringLiteral("tenant"), tenantId}, {QStringLiteral("kind"), kind}, {QStringLiteral("job"), job.id}});
    if (!outcome)
        return outcome.error();
    Q_EMIT serviceChanged(service.id, tenantId);
    return service;
}

Result<Service> ServiceEngine::disable(const QString &serviceId, const QString &user)
{
    auto found = m_services.get(serviceId);
    if (!found)
        return found.error();
    Service *service = &found.value();
    if (service->state == ServiceState::Enabling || service->state == ServiceState::Disabling)
        return Error::conflict(QStringLiteral("job_running"),
                               QStringLiteral("Service %1 is %2; wait for its job %3 to finish.")
                                   .arg(serviceId, toString(service->state), service->jobId));
    if (service->state == ServiceState::Disabled)
        return Error::conflict(QStringLiteral("already_disabled"), QStringLiteral("Service %1 is already disabled.").arg(serviceId));
    auto plan = planDisable(serviceId);
    if (!plan)
        return plan.error();
    Run run;
    run.tenantId = service->tenantId;
    run.serviceIds = {serviceId};
    run.steps = plan->steps;
    Job job{newId(QLatin1String("job")), disableKind(), JobState::Queued, 0, int(run.steps.size()), run.payload(), {}, nowIso(), {}, {}};
    service->state = ServiceState::Disabling;
    service->jobId = job.id;
    service->error.clear();
    service->updatedAt = nowIso();
    Status outcome = m_services.update(*service);
    if (outcome) {
        auto queued = queue(job, service->tenantId);
        if (!queued)
            outcome = queued.error();
    }
    m_audit.record(user, QStringLiteral("service.disable"), serviceId, outcome, {{QStringLiteral("job"), job.id}});
    if (!outcome)
        return outcome.error();
    Q_EMIT serviceChanged(serviceId, service->tenantId);
    return *service;
}

Result<Job> ServiceEngine::onboard(const OnboardingRequest &request, const QString &user)
{
    auto plan = planOnboarding(request);
    if (!plan) {
        m_audit.record(user, QStringLiteral("tenant.onboard"), request.tenant.name, Status(plan.error()));
        return plan.error();
    }
    // The tenant, its users, the services' rows and the job are written together: a failure or a
    // crash before the job exists leaves nothing behind.
    Job job{newId(QLatin1String("job")), onboardingKind(), JobState::Queued, 0, 0, {}, {}, nowIso(), {}, {}};
    Run run;
    Status outcome = m_services.database().transaction([&]() -> Status {
        auto tenant = m_tenants.create(request.tenant, user);
        if (!tenant) {
            Error e = tenant.error();
            if (!e.field.isEmpty())
                e.field = QStringLiteral("tenant.") + e.field;
            return e;
        }
        for (int i = 0; i < request.users.size(); ++i) {
            const TenantUserDraft &u = request.users[i];
            auto made = m_auth.createTenantUser(tenant->id, u.username, u.password, u.role, user);
            if (!made) {
                Error e = made.error();
                e.field = QStringLiteral("users[%1]").arg(i) + (e.field.isEmpty() ? QString() : u'.' + e.field);
                return e;
            }
        }
        // Plan again against the tenant as made (its network is now allocated, not previewed).
        QList<QPair<Service, QString>> wanted;
        for (int i = 0; i < request.services.size(); ++i) {
            Service service;
            service.id = newId(QLatin1String("svc"));
            service.tenantId = tenant->id;
            service.kind = request.services[i].kind;
            service.params = request.services[i].params;
            service.jobId = job.id;
            service.createdAt = service.updatedAt = nowIso();
            if (Status s = m_services.insert(service); !s)
                return s;
            wanted.append({service, QStringLiteral("s%1.").arg(i)});
            run.serviceIds << service.id;
        }
        auto steps = planFor(*tenant, {}, wanted);
        if (!steps)
            return steps.error();
        ProviderStep local = plan->steps.first();
        local.state = StepState::Done;
        local.created = true;
        local.result = QJsonObject{{QStringLiteral("id"), tenant->id}, {QStringLiteral("name"), tenant->name}};
        local.undo = {QStringLiteral("DELETE"), QStringLiteral("/api/v1/tenants/") + tenant->id, QJsonValue(QJsonValue::Undefined)};
        run.tenantId = tenant->id;
        run.steps = QList<ProviderStep>{local} + *steps;
        run.cursor = 1;
        job.progressDone = 1;
        job.progressTotal = int(run.steps.size());
        job.payload = run.payload();
        return m_jobs.insert(job);
    });
    m_audit.record(user, QStringLiteral("tenant.onboard"), outcome ? run.tenantId : request.tenant.name, outcome,
                   {{QStringLiteral("job"), job.id}, {QStringLiteral("services"), int(request.services.size())}});
    if (!outcome)
        return outcome.error();
    m_waiting[run.tenantId].enqueue(job.id);
    QTimer::singleShot(0, this, [this, tenantId = run.tenantId] { startNext(tenantId); });
    return job;
}

Result<Job> ServiceEngine::removeTenant(const QString &tenantId, const QString &user)
{
    auto tenant = m_tenants.get(tenantId);
    if (!tenant)
        return tenant.error();
    auto live = m_services.listByTenant(tenantId, 100000, 0);
    if (!live)
        return live.error();
    QList<Service> services;
    for (const Service &s : live->items) {
        if (s.state == ServiceState::Enabling || s.state == ServiceState::Disabling)
            return Error::conflict(QStringLiteral("job_running"),
                                   QStringLiteral("Service %1 of %2 is %3; wait for job %4 to finish.")
                                       .arg(s.id, tenant->name, toString(s.state), s.jobId));
        if (s.state != ServiceState::Disabled)
            services << s;
    }
    auto foundation = m_services.foundation(tenantId);
    if (!foundation)
        return foundation.error();
    auto steps = undoSteps(services, *foundation, refsOfRecorded(*foundation));
    if (!steps)
        return steps.error();
    Run run;
    run.tenantId = tenantId;
    for (const Service &s : services)
        run.serviceIds << s.id;
    run.steps = *steps;
    Job job{newId(QLatin1String("job")), tenantRemovalKind(), JobState::Queued, 0, int(run.steps.size()), run.payload(), {}, nowIso(), {}, {}};
    Status outcome = m_tenants.beginRemoval(tenantId);
    for (Service s : services) {
        if (!outcome)
            break;
        s.state = ServiceState::Disabling;
        s.jobId = job.id;
        s.updatedAt = nowIso();
        outcome = m_services.update(s);
    }
    if (outcome) {
        auto queued = queue(job, tenantId);
        if (!queued)
            outcome = queued.error();
    }
    m_audit.record(user, QStringLiteral("tenant.delete"), tenantId, outcome,
                   {{QStringLiteral("force"), true}, {QStringLiteral("job"), job.id}});
    if (!outcome)
        return outcome.error();
    return job;
}

Result<ProviderFootprint> ServiceEngine::providerFootprint(const QString &tenantId) const
{
    auto live = m_services.liveByTenant(tenantId);
    if (!live)
        return live.error();
    auto foundation = m_services.foundation(tenantId);
    if (!foundation)
        return foundation.error();
    bool made = false;
    for (const QJsonValue &v : *foundation)
        made = made || v.toObject().value(QStringLiteral("created")).toBool();
    return ProviderFootprint{int(live->size()), made};
}

int ServiceEngine::resumeInterrupted()
{
    auto unfinished = m_jobs.unfinished();
    if (!unfinished)
        return 0;
    int count = 0;
    for (const Job &job : *unfinished) {
        if (!isEngineJob(job.kind))
            continue;
        const QString tenantId = job.payload.value(QStringLiteral("tenantId")).toString();
        m_waiting[tenantId].enqueue(job.id);
        m_events.record(Severity::Warning, QStringLiteral("services"),
                        QStringLiteral("Job %1 (%2) was interrupted by a restart; %3 it.")
                            .arg(job.id, job.kind,
                                 job.payload.value(QStringLiteral("direction")).toString() == QLatin1String("rollback")
                                     ? QStringLiteral("finishing the rollback of")
                                     : QStringLiteral("resuming")),
                        tenantId);
        QTimer::singleShot(0, this, [this, tenantId] { startNext(tenantId); });
        ++count;
    }
    return count;
}

// ---- running jobs -----------------------------------------------------------------------------

void ServiceEngine::startNext(const QString &tenantId)
{
    if (m_running.contains(tenantId))
        return;
    auto &waiting = m_waiting[tenantId];
    while (!waiting.isEmpty()) {
        auto job = m_jobs.get(waiting.dequeue());
        if (!job || (job->state != JobState::Queued && job->state != JobState::Running))
            continue;
        auto run = Run::fromJob(*job);
        if (!run) {
            qCWarning(lcEngine, "job %s cannot be read back: %s", qPrintable(job->id), qPrintable(run.error().message));
            continue;
        }
        Run *r = *run;
        r->job.state = JobState::Running;
        if (r->job.startedAt.isEmpty())
            r->job.startedAt = nowIso();
        m_running.insert(tenantId, r);
        persist(r);
        advance(r);
        return;
    }
    m_waiting.remove(tenantId);
}

StepRefs ServiceEngine::refsOf(const Run *run) const
{
    StepRefs refs = run->baseRefs;
    for (const ProviderStep &step : run->steps)
        if (step.state == StepState::Done || step.state == StepState::Undone)
            refs.insert(step.id, step.result);
    return refs;
}

void ServiceEngine::advance(Run *run)
{
    if (!run->rollingBack) {
        while (run->cursor < run->steps.size() && run->steps[run->cursor].state == StepState::Done)
            ++run->cursor;
        if (run->cursor >= run->steps.size()) {
            finish(run);
            return;
        }
        const int index = run->cursor;
        ProviderStep &step = run->steps[index];
        auto call = resolveCall(step.call, refsOf(run));
        auto lookup = resolvePath(step.lookup, refsOf(run));
        if (!call || !lookup) {
            stepFinished(run, index, call ? lookup.error() : call.error(), false);
            return;
        }
        step.state = StepState::Running;
        persist(run);
        m_provider.execute(*call, *lookup, [this, run, index](Result<QJsonValue> object, bool created) {
            stepFinished(run, index, std::move(object), created);
        });
        return;
    }
    // Rolling back: undo what this job made, newest first. What it adopted stays.
    while (run->cursor >= 0) {
        const ProviderStep &step = run->steps[run->cursor];
        if (step.state == StepState::Done && step.created && !step.undo.isEmpty())
            break;
        --run->cursor;
    }
    if (run->cursor < 0) {
        finish(run);
        return;
    }
    const int index = run->cursor;
    const ProviderStep &step = run->steps[index];
    if (step.target == QLatin1String("neocloud")) {
        // The tenant made in this console (onboarding) goes last, with its users and services.
        run->steps[index].state = StepState::Undone;
        --run->cursor;
        advance(run);
        return;
    }
    StepRefs refs = refsOf(run);
    refs.insert(QStringLiteral("self"), step.result);
    auto undo = resolveCall(step.undo, refs);
    if (!undo) {
        stepFinished(run, index, undo.error(), false);
        return;
    }
    persist(run);
    m_provider.execute(*undo, QString(), [this, run, index](Result<QJsonValue> object, bool created) {
        stepFinished(run, index, std::move(object), created);
    });
}

void ServiceEngine::stepFinished(Run *run, int index, Result<QJsonValue> object, bool created)
{
    ProviderStep &step = run->steps[index];
    if (!run->rollingBack) {
        if (object) {
            step.state = StepState::Done;
            step.result = *object;
            // Found after a crash mid-call: the call that made it was ours.
            step.created = created || run->interrupted.contains(index);
            step.error.clear();
            run->job.progressDone = int(std::count_if(run->steps.begin(), run->steps.end(),
                                                       [](const ProviderStep &s) { return s.state == StepState::Done; }));
            ++run->cursor;
            persist(run);
            advance(run);
            return;
        }
        step.state = StepState::Failed;
        step.error = object.error().message;
        run->failure = QStringLiteral("Step \"%1\" failed: %2").arg(step.title, step.error);
        qCInfo(lcEngine, "job %s: %s", qPrintable(run->job.id), qPrintable(run->failure));
        // Disabling removes things, and a key change is one call: there is nothing to roll back
        // to, only a retry to offer.
        const bool removes = run->job.kind != enableKind() && run->job.kind != onboardingKind();
        if (removes) {
            finish(run);
            return;
        }
        run->rollingBack = true;
        run->cursor = index - 1;
        persist(run);
        advance(run);
        return;
    }
    if (object) {
        step.state = StepState::Undone;
    } else {
        // Keep going: leaving the rest in place would be worse. The job says what is left.
        step.error = QStringLiteral("Undo failed: ") + object.error().message;
        run->rollbackErrors << QStringLiteral("%1: %2").arg(step.title, object.error().message);
        step.state = StepState::Failed;
    }
    --run->cursor;
    persist(run);
    advance(run);
}

void ServiceEngine::persist(Run *run)
{
    run->job.payload = run->payload();
    if (Status s = m_jobs.update(run->job); !s)
        qCWarning(lcEngine, "job %s not saved: %s", qPrintable(run->job.id), qPrintable(s.error().message));
    Q_EMIT jobUpdated(run->job);
}

void ServiceEngine::finish(Run *run)
{
    const bool succeeded = run->failure.isEmpty();
    run->job.state = succeeded ? JobState::Succeeded : JobState::Failed;
    run->job.finishedAt = nowIso();
    run->job.result = {{QStringLiteral("error"), run->failure},
                       {QStringLiteral("rolledBack"), run->rollingBack},
                       {QStringLiteral("rollbackErrors"), QJsonArray::fromStringList(run->rollbackErrors)}};
    recordOutcome(run, succeeded);
    persist(run);
    Q_EMIT jobFinished(run->job);
    const QString tenantId = run->tenantId;
    m_running.remove(tenantId);
    delete run;
    QTimer::singleShot(0, this, [this, tenantId] { startNext(tenantId); });
}

bool ServiceEngine::isEngineJob(const QString &kind)
{
    return kind == enableKind() || kind == disableKind() || kind == onboardingKind() || kind == tenantRemovalKind() ||
           kind == keyRotationKind() || kind == keyRevocationKind();
}

void ServiceEngine::recordOutcome(Run *run, bool succeeded)
{
    const QString kind = run->job.kind;
    if (kind == keyRotationKind() || kind == keyRevocationKind()) {
        recordKeyOutcome(run, succeeded);
        return;
    }
    const bool removes = kind == disableKind() || kind == tenantRemovalKind();
    auto tenant = m_tenants.get(run->tenantId);
    const QString tenantName = tenant ? tenant->name : run->tenantId;

    // The foundation: steps this job made are added to the tenant's record; a removal that
    // undid foundation steps takes them out.
    if (auto foundation = m_services.foundation(run->tenantId)) {
        QJsonArray kept;
        QSet<QString> undone;
        for (const ProviderStep &step : run->steps)
            if (step.id.startsWith(QLatin1String("undo:")) && step.owner.isEmpty() && step.state == StepState::Done)
                undone.insert(step.id.mid(5));
        QSet<QString> known;
        for (const QJsonValue &v : *foundation) {
            const QString id = v.toObject().value(QStringLiteral("id")).toString();
            if (!undone.contains(id)) {
                kept.append(v);
                known.insert(id);
            }
        }
        if (!removes && succeeded)
            for (const ProviderStep &step : run->steps)
                if (step.shared && step.state == StepState::Done && !known.contains(step.id))
                    kept.append(stepToJson(step, true));
        m_services.setFoundation(run->tenantId, kept);
    }

    QStringList kinds; // the services' kinds, for the tenant's own words
    for (const QString &serviceId : run->serviceIds) {
        auto service = m_services.get(serviceId);
        if (!service)
            continue;
        Service s = *service;
        kinds << s.kind;
        s.updatedAt = nowIso();
        if (removes) {
            // Mark what was undone in the service's record, so a retry undoes only the rest.
            QSet<QString> undone;
            for (const ProviderStep &step : run->steps)
                if (step.owner == serviceId && step.state == StepState::Done)
                    undone.insert(step.id.mid(5));
            QJsonArray steps;
            for (const QJsonValue &v : s.steps) {
                QJsonObject step = v.toObject();
                if (undone.contains(step.value(QStringLiteral("id")).toString()))
                    step.insert(QStringLiteral("state"), toString(StepState::Undone));
                steps.append(step);
            }
            s.steps = steps;
            s.state = succeeded ? ServiceState::Disabled : ServiceState::Failed;
            s.health = succeeded ? QStringLiteral("disabled") : QStringLiteral("unknown");
            s.error = succeeded ? QString() : QStringLiteral("Disabling stopped: %1 Disable it again to retry.").arg(run->failure);
            if (succeeded)
                s.endpoints = {};
        } else {
            QList<ProviderStep> own;
            for (const ProviderStep &step : run->steps)
                if (step.owner == serviceId)
                    own << step;
            s.steps = stepsToJson(own, true);
            if (succeeded) {
                StepRefs refs = refsOf(run);
                ProvisionContext context{tenant ? *tenant : Tenant{}, {}, {}};
                s.state = ServiceState::Active;
                s.health = QStringLiteral("healthy");
                s.endpoints = m_provider.endpoints(context, s.kind, s.params, refs);
                s.error.clear();
            } else {
                s.state = ServiceState::Failed;
                s.health = QStringLiteral("down");
                s.error = run->failure + (run->rollbackErrors.isEmpty()
                                              ? QStringLiteral(" Everything the job had made was rolled back.")
                                              : QStringLiteral(" Rollback left: ") + run->rollbackErrors.join(QStringLiteral("; ")));
            }
        }
        m_services.update(s);
        Q_EMIT serviceChanged(s.id, s.tenantId);
    }

    const Severity severity = succeeded ? Severity::Info : Severity::Warning;
    QString message;
    if (kind == enableKind() || kind == onboardingKind()) {
        message = succeeded ? QStringLiteral("%1 for %2 is active (%3 provider steps).")
                                  .arg(kind == onboardingKind() ? QStringLiteral("Onboarding") : QStringLiteral("A service"), tenantName)
                                  .arg(run->steps.size())
                            : QStringLiteral("%1 for %2 failed and was rolled back: %3")
                                  .arg(kind == onboardingKind() ? QStringLiteral("Onboarding") : QStringLiteral("Enabling a service"),
                                       tenantName, run->failure);
    } else {
        message = succeeded ? QStringLiteral("%1 for %2 done.")
                                  .arg(kind == tenantRemovalKind() ? QStringLiteral("Removal") : QStringLiteral("Disabling a service"), tenantName)
                            : QStringLiteral("%1 for %2 stopped: %3")
                                  .arg(kind == tenantRemovalKind() ? QStringLiteral("Removal") : QStringLiteral("Disabling a service"),
                                       tenantName, run->failure);
    }
    // A failed onboarding takes its tenant with it: all or nothing.
    const bool dropTenant = (kind == onboardingKind() && !succeeded) || (kind == tenantRemovalKind() && succeeded);
    // The tenant hears about its own services; the provider's failure text names cluster objects,
    // so it is left to the service's own page (which the tenant sees) rather than repeated here.
    const QString services = kinds.isEmpty() ? QStringLiteral("service") : kinds.join(QStringLiteral(", "));
    QString tenantMessage;
    if (kind == enableKind() || kind == onboardingKind())
        tenantMessage = succeeded ? QStringLiteral("Your %1 is ready to use.").arg(services)
                                  : QStringLiteral("Your %1 could not be enabled; nothing was left half-made.").arg(services);
    else if (kind != tenantRemovalKind())
        tenantMessage = succeeded ? QStringLiteral("Your %1 was disabled.").arg(services)
                                  : QStringLiteral("Disabling your %1 did not finish; an operator will retry.").arg(services);
    m_events.record(Event{{}, {}, severity, QStringLiteral("services"), message, dropTenant ? QString() : run->tenantId, {}, false, {},
                          {}, {}, dropTenant ? QString() : tenantMessage});
    if (dropTenant) {
        if (Status s = m_tenants.remove(run->tenantId, true, system); !s)
            qCWarning(lcEngine, "tenant %s not removed: %s", qPrintable(run->tenantId), qPrintable(s.error().message));
    }
}

} // namespace NeoCloud
