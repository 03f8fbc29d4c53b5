#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/JsonMapping.h"
#include "api/RequestInput.h"
#include "api/Router.h"
#include "auth/AuthService.h"
#include "core/JsonInput.h"
#include "domain/Enums.h"
#include "tenancy/AccessKeyService.h"
#include "tenancy/TenantService.h"

#include <QJsonArray>

namespace NeoCloud {
namespace {

bool isTenantRole(const User &u) { return u.role == Role::TenantAdmin || u.role == Role::TenantViewer; }

// A tenant's users see their own tenant and nothing else; anything else is "not found", so they
// cannot even learn that other tenants exist.
bool sees(const User &u, const QString &tenantId) { return !isTenantRole(u) || u.tenantId == tenantId; }

// Operators and the tenant's own admins change a tenant's users and keys; viewers only look.
std::optional<Error> refuseChange(const User &caller, const QString &tenantId)
{
    if (!sees(caller, tenantId))
        return Error::notFound(QStringLiteral("tenant"), tenantId);
    if (caller.role == Role::OperatorViewer || caller.role == Role::TenantViewer)
        return Error{ErrorKind::Forbidden, QStringLiteral("forbidden"), QStringLiteral("Viewers cannot change users or keys."), {}};
    return std::nullopt;
}

QJsonObject keyJson(const AccessKey &k)
{
    QJsonObject out{{Key::id, k.id},
                    {Key::username, k.username},
                    {Key::accessKey, k.accessKey},
                    {Key::state, k.state},
                    {Key::createdAt, k.createdAt}};
    out.insert(Key::rotatedAt, k.rotatedAt.isEmpty() ? QJsonValue() : QJsonValue(k.rotatedAt));
    out.insert(Key::revokedAt, k.revokedAt.isEmpty() ? QJsonValue() : QJsonValue(k.revokedAt));
    return out;
}

// The only answers that carry a secret: creation and rotation.
QJsonObject issuedJson(const IssuedKey &issued)
{
    QJsonObject out = keyJson(issued.key);
    out.insert(Key::secretKey, issued.secret);
    return out;
}

Error bad(const QString &field, const QString &message) { return Error::badInput(QStringLiteral("wrong_type"), message, field); }

template<typename T>
Result<std::optional<T>> optionalNumber(const QJsonObject &o, QLatin1String key, const QString &field)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return std::optional<T>();
    if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
        return bad(field, QStringLiteral("%1 must be a whole number.").arg(field));
    return std::optional<T>(T(v.toDouble()));
}

Result<std::optional<QString>> optionalString(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return std::optional<QString>();
    if (!v.isString())
        return bad(key, QStringLiteral("%1 must be a string.").arg(key));
    return std::optional<QString>(v.toString());
}

// Reads {"quotas": {...}, "network": {...}} parts shared by create and update into a patch.
Status readQuotasAndNetwork(const QJsonObject &body, TenantPatch &patch, QString *pool)
{
    if (body.contains(Key::quotas)) {
        if (!body.value(Key::quotas).isObject())
            return bad(QStringLiteral("quotas"), QStringLiteral("quotas must be an object."));
        const QJsonObject q = body.value(Key::quotas).toObject();
        if (Status s = rejectUnknownKeys(q, {Key::capacityBytes, Key::gpus, Key::maxServices, Key::qos}, QStringLiteral("quotas")); !s)
            return s;
        auto capacity = optionalNumber<qint64>(q, Key::capacityBytes, QStringLiteral("quotas.capacityBytes"));
        auto gpus = optionalNumber<int>(q, Key::gpus, QStringLiteral("quotas.gpus"));
        auto services = optionalNumber<int>(q, Key::maxServices, QStringLiteral("quotas.maxServices"));
        for (const Status &s : {capacity ? success() : Status(capacity.error()), gpus ? success() : Status(gpus.error()),
                                services ? success() : Status(services.error())})
            if (!s)
                return s;
        patch.capacityBytes = *capacity;
        patch.gpus = *gpus;
        patch.maxServices = *services;
        if (q.contains(Key::qos)) {
            const QJsonObject qos = q.value(Key::qos).toObject();
            if (Status s = rejectUnknownKeys(qos, {Key::bandwidthMBps, Key::iops}, QStringLiteral("quotas.qos")); !s)
                return s;
            auto bandwidth = optionalNumber<qint64>(qos, Key::bandwidthMBps, QStringLiteral("quotas.qos.bandwidthMBps"));
            if (!bandwidth)
                return bandwidth.error();
            auto iops = optionalNumber<qint64>(qos, Key::iops, QStringLiteral("quotas.qos.iops"));
            if (!iops)
                return iops.error();
            patch.bandwidthMBps = *bandwidth;
            patch.iops = *iops;
        }
    }
    if (body.contains(Key::network)) {
        const QJsonObject n = body.value(Key::network).toObject();
        if (Status s = rejectUnknownKeys(n, pool ? QStringList{Key::pool, Key::allowedClients} : QStringList{Key::allowedClients},
                                QStringLiteral("network"));
            !s)
            return s;
        if (pool)
            *pool = n.value(Key::pool).toString();
        if (n.contains(Key::allowedClients)) {
            if (!n.value(Key::allowedClients).isArray())
                return bad(QStringLiteral("network.allowedClients"), QStringLiteral("allowedClients must be a list of CIDRs."));
            QStringList clients;
            for (const QJsonValue &v : n.value(Key::allowedClients).toArray())
                clients << v.toString();
            patch.allowedClients = clients;
        }
    }
    return success();
}

} // namespace

void registerTenantRoutes(Router &router, TenantService &tenants, AuthService &auth, AccessKeyService &keys)
{
    // GET /api/v1/tenants?limit=&offset= -> {items: [tenant], total}; a tenant's user sees only its own
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/tenants"), Access::Authenticated, [&tenants](const ApiRequest &request) {
        const auto paging = readPaging(request);
        if (!paging)
            return ApiResponse::error(paging.error());
        if (isTenantRole(*request.user)) {
            const auto own = tenants.get(request.user->tenantId);
            return own ? ApiResponse::json(listToJson(QList<Tenant>{*own})) : ApiResponse::error(own.error());
        }
        const auto page = tenants.list(paging->limit, paging->offset);
        return page ? ApiResponse::json(pageToJson(*page)) : ApiResponse::error(page.error());
    });

    // POST /api/v1/tenants {name, displayName?, contactEmail?, quotas?, network?: {pool?, allowedClients?}} -> 201 tenant
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/tenants"), Access::OperatorAdmin, [&tenants](const ApiRequest &request) {
        const auto body = readJsonObject(request, {Key::name, Key::displayName, Key::contactEmail, Key::quotas, Key::network});
        if (!body)
            return ApiResponse::error(body.error());
        const auto name = requireString(*body, Key::name);
        if (!name)
            return ApiResponse::error(name.error());
        TenantDraft draft;
        draft.name = *name;
        for (auto [key, target] : {std::pair{Key::displayName, &draft.displayName}, std::pair{Key::contactEmail, &draft.contactEmail}}) {
            const auto value = optionalString(*body, key);
            if (!value)
                return ApiResponse::error(value.error());
            *target = value->value_or(QString());
        }
        TenantPatch parts;
        if (Status s = readQuotasAndNetwork(*body, parts, &draft.pool); !s)
            return ApiResponse::error(s.error());
        draft.quotas = {parts.capacityBytes.value_or(0), parts.gpus.value_or(0), parts.maxServices.value_or(10),
                        parts.bandwidthMBps.value_or(0), parts.iops.value_or(0)};
        draft.allowedClients = parts.allowedClients.value_or(QStringList());
        const auto tenant = tenants.create(draft, request.user->username);
        return tenant ? ApiResponse::json(toJson(*tenant), 201) : ApiResponse::error(tenant.error());
    });

    // GET /api/v1/tenants/{id} -> tenant
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/tenants/{id}"), Access::Authenticated, [&tenants](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        if (!sees(*request.user, id))
            return ApiResponse::error(Error::notFound(QStringLiteral("tenant"), id));
        const auto tenant = tenants.get(id);
        return tenant ? ApiResponse::json(toJson(*tenant)) : ApiResponse::error(tenant.error());
    });

    // PATCH /api/v1/tenants/{id} {displayName?, contactEmail?, state?, quotas?, network?: {allowedClients?}} -> tenant
    router.add(HttpMethod::Patch, QStringLiteral("/api/v1/tenants/{id}"), Access::OperatorAdmin, [&tenants](const ApiRequest &request) {
        const auto body = readJsonObject(request, {Key::displayName, Key::contactEmail, Key::state, Key::quotas, Key::network});
        if (!body)
            return ApiResponse::error(body.error());
        TenantPatch patch;
        const auto displayName = optionalString(*body, Key::displayName);
        const auto contactEmail = optionalString(*body, Key::contactEmail);
        const auto state = optionalString(*body, Key::state);
        for (const auto *r : {&displayName, &contactEmail, &state})
            if (!*r)
                return ApiResponse::error(r->error());
        patch.displayName = *displayName;
        patch.contactEmail = *contactEmail;
        if (*state) {
            patch.state = parseEnum<TenantState>(**state);
            if (!patch.state)
                return ApiResponse::error(Error::badInput(QStringLiteral("invalid_enum"),
                                                          QStringLiteral("state must be active or suspended."), QStringLiteral("state")));
        }
        if (Status s = readQuotasAndNetwork(*body, patch, nullptr); !s)
            return ApiResponse::error(s.error());
        const auto tenant = tenants.update(request.param(QStringLiteral("id")), patch, request.user->username);
        return tenant ? ApiResponse::json(toJson(*tenant)) : ApiResponse::error(tenant.error());
    });

    // DELETE /api/v1/tenants/{id}?force=true -> 204; 409 while services are enabled unless forced
    router.add(HttpMethod::Delete, QStringLiteral("/api/v1/tenants/{id}"), Access::OperatorAdmin, [&tenants](const ApiRequest &request) {
        const QString force = request.queryValue(QStringLiteral("force"));
        if (!force.isEmpty() && force != QLatin1String("true") && force != QLatin1String("false"))
            return ApiResponse::error(Error::badInput(QStringLiteral("invalid_flag"), QStringLiteral("force is true or false."), QStringLiteral("force")));
        const Status removed = tenants.remove(request.param(QStringLiteral("id")), force == QLatin1String("true"), request.user->username);
        return removed ? ApiResponse::noContent() : ApiResponse::error(removed.error());
    });

    // GET /api/v1/tenants/{id}/users -> {items: [{username, role, tenantId}], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/tenants/{id}/users"), Access::Authenticated, [&tenants, &auth](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        if (!sees(*request.user, id))
            return ApiResponse::error(Error::notFound(QStringLiteral("tenant"), id));
        if (const auto tenant = tenants.get(id); !tenant)
            return ApiResponse::error(tenant.error());
        const auto users = auth.tenantUsers(id);
        return users ? ApiResponse::json(listToJson(*users)) : ApiResponse::error(users.error());
    });

    // POST /api/v1/tenants/{id}/users {username, password, role} -> 201 user; operators, or the tenant's own admin
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/tenants/{id}/users"), Access::Authenticated, [&tenants, &auth](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        const User &caller = *request.user;
        if (const auto refused = refuseChange(caller, id))
            return ApiResponse::error(*refused);
        if (const auto tenant = tenants.get(id); !tenant)
            return ApiResponse::error(tenant.error());
        const auto body = readJsonObject(request, {Key::username, Key::password, Key::role});
        if (!body)
            return ApiResponse::error(body.error());
        const auto username = requireString(*body, Key::username);
        const auto password = requireString(*body, Key::password);
        const auto roleText = requireString(*body, Key::role);
        for (const auto *r : {&username, &password, &roleText})
            if (!*r)
                return ApiResponse::error(r->error());
        const auto role = parseEnum<Role>(*roleText);
        if (!role || (*role != Role::TenantAdmin && *role != Role::TenantViewer))
            return ApiResponse::error(Error::badInput(QStringLiteral("invalid_enum"), QStringLiteral("role must be tenant-admin or tenant-viewer."),
                                                      QStringLiteral("role")));
        const auto user = auth.createTenantUser(id, *username, *password, *role, caller.username);
        return user ? ApiResponse::json(toJson(*user), 201) : ApiResponse::error(user.error());
    });

    // GET /api/v1/tenants/{id}/keys -> {items: [{id, username, accessKey, state, createdAt, rotatedAt, revokedAt}], total}; never secrets
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/tenants/{id}/keys"), Access::Authenticated, [&tenants, &keys](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        if (!sees(*request.user, id))
            return ApiResponse::error(Error::notFound(QStringLiteral("tenant"), id));
        if (const auto tenant = tenants.get(id); !tenant)
            return ApiResponse::error(tenant.error());
        const auto list = keys.list(id);
        if (!list)
            return ApiResponse::error(list.error());
        QJsonArray items;
        for (const AccessKey &k : *list)
            items.append(keyJson(k));
        return ApiResponse::json(QJsonObject{{Key::items, items}, {Key::total, int(items.size())}});
    });

    // POST /api/v1/tenants/{id}/keys {username} -> 201 key with its secretKey, shown this once
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/tenants/{id}/keys"), Access::Authenticated, [&tenants, &keys](const ApiRequest &request) {
        const QString id = request.param(QStringLiteral("id"));
        if (const auto refused = refuseChange(*request.user, id))
            return ApiResponse::error(*refused);
        if (const auto tenant = tenants.get(id); !tenant)
            return ApiResponse::error(tenant.error());
        const auto body = readJsonObject(request, {Key::username});
        if (!body)
            return ApiResponse::error(body.error());
        const auto username = requireString(*body, Key::username);
        if (!username)
            return ApiResponse::error(username.error());
        const auto issued = keys.create(id, *username, request.user->username);
        return issued ? ApiResponse::json(issuedJson(*issued), 201) : ApiResponse::error(issued.error());
    });

    // POST /api/v1/tenants/{id}/keys/{keyId}/rotate -> key with its new secretKey, shown this once
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/tenants/{id}/keys/{keyId}/rotate"), Access::Authenticated,
               [&keys](const ApiRequest &request) {
                   const QString id = request.param(QStringLiteral("id"));
                   if (const auto refused = refuseChange(*request.user, id))
                       return ApiResponse::error(*refused);
                   const auto issued = keys.rotate(id, request.param(QStringLiteral("keyId")), request.user->username);
                   return issued ? ApiResponse::json(issuedJson(*issued)) : ApiResponse::error(issued.error());
               });

    // DELETE /api/v1/tenants/{id}/keys/{keyId} -> 204; the key is revoked (kept for the audit trail)
    router.add(HttpMethod::Delete, QStringLiteral("/api/v1/tenants/{id}/keys/{keyId}"), Access::Authenticated,
               [&keys](const ApiRequest &request) {
                   const QString id = request.param(QStringLiteral("id"));
                   if (const auto refused = refuseChange(*request.user, id))
                       return ApiResponse::error(*refused);
                   const Status revoked = keys.revoke(id, request.param(QStringLiteral("keyId")), request.user->username);
                   return revoked ? ApiResponse::noContent() : ApiResponse::error(revoked.error());
               });

    // GET /api/v1/network/pools -> {items: [pool], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/network/pools"), Access::Operator, [&tenants](const ApiRequest &) {
        const auto pools = tenants.pools();
        return pools ? ApiResponse::json(listToJson(*pools)) : ApiResponse::error(pools.error());
    });

    // POST /api/v1/network/pools {name, vlanFrom, vlanTo, cidr, subnetPrefix} -> 201 pool
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/network/pools"), Access::OperatorAdmin, [&tenants](const ApiRequest &request) {
        const auto body = readJsonObject(request, {Key::name, Key::vlanFrom, Key::vlanTo, Key::cidr, Key::subnetPrefix});
        if (!body)
            return ApiResponse::error(body.error());
        NetworkPool pool;
        const auto name = requireString(*body, Key::name);
        const auto cidr = requireString(*body, Key::cidr);
        if (!name)
            return ApiResponse::error(name.error());
        if (!cidr)
            return ApiResponse::error(cidr.error());
        pool.name = *name;
        pool.cidr = *cidr;
        for (auto [key, target] : {std::pair{Key::vlanFrom, &pool.vlanFrom}, std::pair{Key::vlanTo, &pool.vlanTo},
                                   std::pair{Key::subnetPrefix, &pool.subnetPrefix}}) {
            const auto n = optionalNumber<int>(*body, key, key);
            if (!n)
                return ApiResponse::error(n.error());
            if (!*n)
                return ApiResponse::error(Error::badInput(QStringLiteral("missing_field"), QStringLiteral("The field '%1' is required.").arg(key), key));
            *target = **n;
        }
        const auto created = tenants.addPool(pool, request.user->username);
        return created ? ApiResponse::json(toJson(*created), 201) : ApiResponse::error(created.error());
    });

    // GET /api/v1/tenancy/settings -> {overcommitRatio}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/tenancy/settings"), Access::Operator, [&tenants](const ApiRequest &) {
        const auto settings = tenants.settings();
        return settings ? ApiResponse::json(QJsonObject{{Key::overcommitRatio, settings->overcommitRatio}}) : ApiResponse::error(settings.error());
    });

    // PATCH /api/v1/tenancy/settings {overcommitRatio} -> settings
    router.add(HttpMethod::Patch, QStringLiteral("/api/v1/tenancy/settings"), Access::OperatorAdmin, [&tenants](const ApiRequest &request) {
        const auto body = readJsonObject(request, {Key::overcommitRatio});
        if (!body)
            return ApiResponse::error(body.error());
        if (!body->value(Key::overcommitRatio).isDouble())
            return ApiResponse::error(bad(Key::overcommitRatio, QStringLiteral("overcommitRatio must be a number.")));
        const auto settings = tenants.setOvercommitRatio(body->value(Key::overcommitRatio).toDouble(), request.user->username);
        return settings ? ApiResponse::json(QJsonObject{{Key::overcommitRatio, settings->overcommitRatio}}) : ApiResponse::error(settings.error());
    });
}

} // namespace NeoCloud
