#pragma once
// Reading tenant input from JSON, shared by POST /tenants, PATCH /tenants/{id} and onboardings.

#include "core/Result.h"
#include "tenancy/TenantService.h"

#include <QJsonObject>

#include <cmath>
#include <optional>

namespace NeoCloud {

// Reads {"quotas": {...}, "network": {...}} parts shared by create and update into a patch;
// `pool` is read only when given (creation picks a pool, updates cannot move a tenant).
Status readQuotasAndNetwork(const QJsonObject &body, TenantPatch &patch, QString *pool);

// A whole new tenant: {name, displayName?, contactEmail?, quotas?, network?}. `fieldPrefix`
// ("tenant.") makes the field paths of errors match where the object sits in a bigger body.
Result<TenantDraft> readTenantDraft(const QJsonObject &body, const QString &fieldPrefix);

Result<std::optional<QString>> optionalString(const QJsonObject &o, QLatin1String key);

inline Error bad(const QString &field, const QString &message) { return Error::badInput(QStringLiteral("wrong_type"), message, field); }

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


} // namespace NeoCloud
