#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/ResourceJson.h"
#include "api/JsonMapping.h"
#include "api/RequestInput.h"
#include "api/TenantAccess.h"
#include "api/Router.h"
#include "api/TenantInput.h"
#include "core/JsonInput.h"
#include "domain/Enums.h"
#include "services/ServiceEngine.h"

#include <QJsonArray>

namespace NeoCloud {
namespace {

Result<bool> flag(const ApiRequest &request, const QString &name)
{
    const QString value = request.queryValue(name);
    if (value.isEmpty() || value == QLatin1String("false"))
        return false;
    if (value == QLatin1String("true"))
        return true;
    return Error::badInput(QStringLiteral("invalid_flag"), QStringLiteral("%1 is true or false.").arg(name), name);
}

QJsonObject planJson(const ServicePlan &plan)
{
    return {{Key::steps, stepsToJson(plan.steps, false)}, {Key::total, int(plan.steps.size())}};
}

QJsonObject serviceJson(const Service &s)
{
    return {{Key::id, s.id},
            {Key::tenantId, s.tenantId},
            {Key::kind, s.kind},
            {Key::state, toString(s.state)},
            {Key::params, s.params},
            {Key::endpoints, s.endpoints},
            {Key::health, s.health},
            {Key::jobId, s.jobId.isEmpty() ? QJsonValue() : QJsonValue(s.jobId)},
            {Key::error, s.error.isEmpty() ? QJsonValue() : QJsonValue(s.error)},
            {Key::steps, s.steps},
            {Key::createdAt, s.createdAt},
            {Key::updatedAt, s.updatedAt}};
}

ApiResponse accepted(const QJsonObject &body, const QString &location)
{
    ApiResponse response = ApiResponse::json(body, 202);
    response.headers.append(qMakePair(QByteArray("Location"), location.toUtf8()));
    return response;
}

Result<ServiceRequest> readServiceRequest(const QJsonObject &body, const QString &at)
{
    if (Status s = rejectUnknownKeys(body, {Key::kind, Key::params}, at); !s)
        return s.error();
    const auto kind = requireString(body, Key::kind);
    if (!kind) {
        Error e = kind.error();
        e.field = at.isEmpty() ? e.field : at + u'.' + e.field;
        return e;
    }
    const QJsonValue params = body.value(Key::params);
    if (!params.isUndefined() && !params.isObject())
        return Error::badInput(QStringLiteral("wrong_type"), QStringLiteral("params must be an object."),
                               at.isEmpty() ? QStringLiteral("params") : at + QStringLiteral(".params"));
    return ServiceRequest{*kind, params.toObject()};
}

Result<OnboardingRequest> readOnboarding(const QJsonObject &body)
{
    OnboardingRequest request;
    if (!body.value(Key::tenant).isObject())
        return Error::badInput(QStringLiteral("missing_field"), QStringLiteral("tenant is required, as an object."), QStringLiteral("tenant"));
    auto draft = readTenantDraft(body.value(Key::tenant).toObject(), QStringLiteral("tenant."));
    if (!draft)
        return draft.error();
    request.tenant = *draft;
    const QJsonValue users = body.value(Key::users);
    if (!users.isUndefined() && !users.isArray())
        return Error::badInput(QStringLiteral("wrong_type"), QStringLiteral("users must be a list."), QStringLiteral("users"));
    for (int i = 0; i < users.toArray().size(); ++i) {
        const QJsonObject u = users.toArray().at(i).toObject();
        const QString at = QStringLiteral("users[%1]").arg(i);
        if (Status s = rejectUnknownKeys(u, {Key::username, Key::password, Key::role}, at); !s)
            return s.error();
        const auto role = parseEnum<Role>(u.value(Key::role).toString(QStringLiteral("tenant-admin")));
        if (!role || (*role != Role::TenantAdmin && *role != Role::TenantViewer))
            return Error::badInput(QStringLiteral("invalid_enum"), QStringLiteral("role must be tenant-admin or tenant-viewer."),
                                   at + QStringLiteral(".role"));
        request.users.append({u.value(Key::username).toString(), u.value(Key::password).toString(), *role});
    }
    const QJsonValue services = body.value(Key::services);
    if (!services.isUndefined() && !services.isArray())
        return Error::badInput(QStringLiteral("wrong_type"), QStringLiteral("services must be a list."), QStringLiteral("services"));
    for (int i = 0; i < services.toArray().size(); ++i) {
        auto service = readServiceRequest(services.toArray().at(i).toObject(), QStringLiteral("services[%1]").arg(i));
        if (!service)
            return service.error();
        request.services.append(*service);
    }
    return request;
}

QJsonObject impactJson(const KeyImpact &impact)
{
    QJsonArray unreadable, affected;
    for (const Service &s : impact.unreadable)
        unreadable.append(QJsonObject{{Key::id, s.id}, {Key::kind, s.kind}, {Key::params, s.params}, {Key::endpoints, s.endpoints}});
    for (const Service &s : impact.affected)
        affected.append(QJsonObject{{Key::id, s.id}, {Key::kind, s.kind}, {Key::params, s.params}});
    return {{Key::action, impact.revoke ? QStringLiteral("revoke") : QStringLiteral("rotate")},
            {Key::tenantId, impact.tenant.id},
            {Key::keyVersion, impact.tenant.encryption.keyVersion},
            {Key::unreadable, unreadable},
            {Key::services, affected},
            {Key::summary, impact.summary},
            {Key::steps, QJsonArray{stepToJson(impact.step, false)}}};
}

} // namespace

void registerServiceRoutes(Router &router, ServiceEngine &engine, TenantService &tenants)
{
    // GET /api/v1/tenants/{id}/services -> {items: [service], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/tenants/{id}/services"), Access::Authenticated, [&engine](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        if (!sees(*request.user, id))
            return ApiResponse::error(Error::notFound(QStringLiteral("tenant"), id));
        const auto paging = readPaging(request);
        if (!paging)
            return ApiResponse::error(paging.error());
        const auto page = engine.services(id, paging->limit, paging->offset);
        if (!page)
            return ApiResponse::error(page.error());
        QJsonArray items;
        for (const Service &s : page->items)
            items.append(serviceJson(s));
        return ApiResponse::json(QJsonObject{{Key::items, items}, {Key::total, page->total}});
    });

    // POST /api/v1/tenants/{id}/services {kind, params} -> 202 service; ?dryRun=true -> 200 {steps}
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/tenants/{id}/services"), Access::Authenticated, [&engine](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        if (auto refused = refuseChange(*request.user, id, QStringLiteral("services")))
            return ApiResponse::error(*refused);
        const auto dryRun = flag(request, Key::dryRun);
        if (!dryRun)
            return ApiResponse::error(dryRun.error());
        const auto body = readJsonObject(request, {Key::kind, Key::params});
        if (!body)
            return ApiResponse::error(body.error());
        const auto wanted = readServiceRequest(*body, {});
        if (!wanted)
            return ApiResponse::error(wanted.error());
        if (*dryRun) {
            const auto plan = engine.planEnable(id, wanted->kind, wanted->params);
            return plan ? ApiResponse::json(planJson(*plan)) : ApiResponse::error(plan.error());
        }
        const auto service = engine.enable(id, wanted->kind, wanted->params, request.user->username);
        return service ? accepted(serviceJson(*service), QStringLiteral("/api/v1/services/") + service->id)
                       : ApiResponse::error(service.error());
    });

    // GET /api/v1/services/{id} -> service with its steps
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/services/{id}"), Access::Authenticated, [&engine](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        const auto service = engine.service(id);
        if (!service || !sees(*request.user, service->tenantId))
            return ApiResponse::error(service ? Error::notFound(QStringLiteral("service"), id) : service.error());
        return ApiResponse::json(serviceJson(*service));
    });

    // DELETE /api/v1/services/{id} -> 202 service (disabling); ?dryRun=true -> 200 {steps}
    router.add(HttpMethod::Delete, QStringLiteral("/api/v1/services/{id}"), Access::Authenticated, [&engine](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        const auto service = engine.service(id);
        if (!service)
            return ApiResponse::error(service.error());
        if (auto refused = refuseChange(*request.user, service->tenantId, QStringLiteral("services")))
            return ApiResponse::error(refused->kind == ErrorKind::NotFound ? Error::notFound(QStringLiteral("service"), id) : *refused);
        const auto dryRun = flag(request, Key::dryRun);
        if (!dryRun)
            return ApiResponse::error(dryRun.error());
        if (*dryRun) {
            const auto plan = engine.planDisable(id);
            return plan ? ApiResponse::json(planJson(*plan)) : ApiResponse::error(plan.error());
        }
        const auto disabling = engine.disable(id, request.user->username);
        return disabling ? accepted(serviceJson(*disabling), QStringLiteral("/api/v1/services/") + id)
                         : ApiResponse::error(disabling.error());
    });

    // GET /api/v1/jobs/{id} -> an enablement, disablement, onboarding or tenant removal job
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/jobs/{id}"), Access::Authenticated, [&engine](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        const auto job = engine.job(id);
        if (!job || !sees(*request.user, job->payload.value(QStringLiteral("tenantId")).toString()))
            return ApiResponse::error(job ? Error::notFound(QStringLiteral("job"), id) : job.error());
        return ApiResponse::json(jobToJson(*job));
    });

    // POST /api/v1/onboardings {tenant, users, services} -> 202 job; ?dryRun=true -> 200 {steps}
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/onboardings"), Access::OperatorAdmin, [&engine](const ApiRequest &request) {
        const auto dryRun = flag(request, Key::dryRun);
        if (!dryRun)
            return ApiResponse::error(dryRun.error());
        const auto body = readJsonObject(request, {Key::tenant, Key::users, Key::services});
        if (!body)
            return ApiResponse::error(body.error());
        const auto onboarding = readOnboarding(*body);
        if (!onboarding)
            return ApiResponse::error(onboarding.error());
        if (*dryRun) {
            const auto plan = engine.planOnboarding(*onboarding);
            return plan ? ApiResponse::json(planJson(*plan)) : ApiResponse::error(plan.error());
        }
        const auto job = engine.onboard(*onboarding, request.user->username);
        return job ? accepted(jobToJson(*job), QStringLiteral("/api/v1/onboardings/") + job->id) : ApiResponse::error(job.error());
    });

    // GET /api/v1/onboardings/{id} -> the onboarding job
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/onboardings/{id}"), Access::OperatorAdmin, [&engine](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        const auto job = engine.job(id);
        if (!job || job->kind != ServiceEngine::onboardingKind())
            return ApiResponse::error(job ? Error::notFound(QStringLiteral("onboarding"), id) : job.error());
        return ApiResponse::json(jobToJson(*job));
    });

    // POST /api/v1/tenants/{id}/encryption/rotate|revoke -> 202 job; ?dryRun=true -> 200 impact.
    // Revoking makes the tenant's data unreadable, so it must name the tenant: {"confirm": name}.
    for (const bool revoke : {false, true}) {
        const QString path = QStringLiteral("/api/v1/tenants/{id}/encryption/") + (revoke ? QStringLiteral("revoke") : QStringLiteral("rotate"));
        router.add(HttpMethod::Post, path, Access::Authenticated, [&engine, &tenants, revoke](const ApiRequest &request) {
            const QString id = request.param(QStringLiteral("id"));
            if (auto refused = refuseChange(*request.user, id, QStringLiteral("keys")))
                return ApiResponse::error(*refused);
            const auto dryRun = flag(request, Key::dryRun);
            if (!dryRun)
                return ApiResponse::error(dryRun.error());
            if (*dryRun) {
                const auto impact = engine.keyImpact(id, revoke);
                return impact ? ApiResponse::json(impactJson(*impact)) : ApiResponse::error(impact.error());
            }
            const auto body = request.body.trimmed().isEmpty() ? Result<QJsonObject>(QJsonObject()) : readJsonObject(request, {Key::confirm});
            if (!body)
                return ApiResponse::error(body.error());
            if (revoke) {
                const auto tenant = tenants.get(id);
                if (!tenant)
                    return ApiResponse::error(tenant.error());
                if (body->value(Key::confirm).toString() != tenant->name)
                    return ApiResponse::error(Error{ErrorKind::Unprocessable, QStringLiteral("confirmation_required"),
                                                    QStringLiteral("Revoking makes all data of %1 unreadable; send {\"confirm\": \"%1\"} to do it.")
                                                        .arg(tenant->name),
                                                    QStringLiteral("confirm")});
            }
            const auto job = engine.changeKey(id, revoke, request.user->username);
            return job ? accepted(jobToJson(*job), QStringLiteral("/api/v1/jobs/") + job->id) : ApiResponse::error(job.error());
        });
    }

    // DELETE /api/v1/tenants/{id}[?force=true] -> 204, or 202 job when the provider has things to
    // take down (services, the tenant's foundation); 409 while services are on and force is not.
    router.add(HttpMethod::Delete, QStringLiteral("/api/v1/tenants/{id}"), Access::OperatorAdmin, [&engine, &tenants](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        const auto force = flag(request, QStringLiteral("force"));
        if (!force)
            return ApiResponse::error(force.error());
        const auto footprint = engine.providerFootprint(id);
        if (!footprint)
            return ApiResponse::error(footprint.error());
        if (footprint->liveServices > 0 && !*force) {
            // TenantService refuses with the numbers, and audits the refusal.
            const Status refused = tenants.remove(id, false, request.user->username);
            return ApiResponse::error(refused ? Error::internal(QStringLiteral("The tenant was removed unexpectedly.")) : refused.error());
        }
        if (footprint->liveServices == 0 && !footprint->hasFoundation) {
            const Status removed = tenants.remove(id, *force, request.user->username);
            return removed ? ApiResponse::noContent() : ApiResponse::error(removed.error());
        }
        const auto job = engine.removeTenant(id, request.user->username);
        return job ? accepted(jobToJson(*job), QStringLiteral("/api/v1/jobs/") + job->id) : ApiResponse::error(job.error());
    });
}

} // namespace NeoCloud
