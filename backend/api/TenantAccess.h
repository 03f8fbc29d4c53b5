#pragma once
// Who may see and change a tenant's objects, for every route that serves them.

#include "core/Error.h"
#include "domain/Tenancy.h"

#include <optional>

namespace NeoCloud {

inline bool isTenantRole(const User &u) { return u.role == Role::TenantAdmin || u.role == Role::TenantViewer; }

// A tenant's users see their own tenant and nothing else; anything else is "not found", so they
// cannot even learn that other tenants exist.
inline bool sees(const User &u, const QString &tenantId) { return !isTenantRole(u) || u.tenantId == tenantId; }

// Operators and the tenant's own admins change a tenant's objects; viewers only look.
// `what` names the objects in the refusal ("users or keys", "services").
inline std::optional<Error> refuseChange(const User &caller, const QString &tenantId, const QString &what)
{
    if (!sees(caller, tenantId))
        return Error::notFound(QStringLiteral("tenant"), tenantId);
    if (caller.role == Role::OperatorViewer || caller.role == Role::TenantViewer)
        return Error{ErrorKind::Forbidden, QStringLiteral("forbidden"), QStringLiteral("Viewers cannot change %1.").arg(what), {}};
    return std::nullopt;
}

} // namespace NeoCloud
