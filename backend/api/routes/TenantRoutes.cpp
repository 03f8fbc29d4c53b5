#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/JsonMapping.h"
#include "api/RequestInput.h"
#include "api/TenantAccess.h"
#include "api/TenantInput.h"
#include "api/Router.h"
#include "auth/AuthService.h"
#include "core/JsonInput.h"
#include "domain/Enums.h"
#include "tenancy/AccessKeyService.h"
#include "tenancy/TenantService.h"

#include <QJsonArray>

namespace NeoCloud {
namespace {

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

} // namespace

void registerTenantRoutes(Router &router, TenantService &tenants, AuthService &auth, AccessKeyService &keys)
{
    // POST /api/v1/tenants/{id}/view-token -> 201 {token, expiresAt, user}: an operator's short-lived
    // token that sees this tenant as its tenant viewers do ("view as tenant").
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/tenants/{id}/view-token"), Access::Operator,
               [&tenants, &auth](const ApiRequest &request) {
                   const auto tenant = tenants.get(request.param(QStringLiteral("id")));
                   if (!tenant)
                       return ApiResponse::error(tenant.error());
                   const auto session = auth.viewAsTenant(*request.user, tenant->id);
                   if (!session)
                       return ApiResponse::error(session.error());
                   return ApiResponse::json({{Key::token, session->token},
                                             {Key::expiresAt, session->expiresAt},
                                             {Key::user, toJson(session->user)}},
                                            201);
               });

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
        const auto body = readJsonObject(request, {Key::name, Key::displayName, Key::contactEmail, Key::quotas, Key::network,
                                                   Key::encryption});
        if (!body)
            return ApiResponse::error(body.error());
        const auto draft = readTenantDraft(*body, {});
        if (!draft)
            return ApiResponse::error(draft.error());
        const auto tenant = tenants.create(*draft, request.user->username);
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
        if (const auto refused = refuseChange(caller, id, QStringLiteral("users or keys")))
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
        if (const auto refused = refuseChange(*request.user, id, QStringLiteral("users or keys")))
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
                   if (const auto refused = refuseChange(*request.user, id, QStringLiteral("users or keys")))
                       return ApiResponse::error(*refused);
                   const auto issued = keys.rotate(id, request.param(QStringLiteral("keyId")), request.user->username);
                   return issued ? ApiResponse::json(issuedJson(*issued)) : ApiResponse::error(issued.error());
               });

    // DELETE /api/v1/tenants/{id}/keys/{keyId} -> 204; the key is revoked (kept for the audit trail)
    router.add(HttpMethod::Delete, QStringLiteral("/api/v1/tenants/{id}/keys/{keyId}"), Access::Authenticated,
               [&keys](const ApiRequest &request) {
                   const QString id = request.param(QStringLiteral("id"));
                   if (const auto refused = refuseChange(*request.user, id, QStringLiteral("users or keys")))
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
