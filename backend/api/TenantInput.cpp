#include "TenantInput.h"

#include "api/JsonKeys.h"
#include "api/RequestInput.h"
#include "core/JsonInput.h"

#include <QJsonArray>

namespace NeoCloud {

Result<std::optional<QString>> optionalString(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return std::optional<QString>();
    if (!v.isString())
        return bad(key, QStringLiteral("%1 must be a string.").arg(key));
    return std::optional<QString>(v.toString());
}

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


Result<TenantDraft> readTenantDraft(const QJsonObject &body, const QString &fieldPrefix)
{
    auto located = [&](Error e) {
        if (!e.field.isEmpty())
            e.field = fieldPrefix + e.field;
        return e;
    };
    if (Status s = rejectUnknownKeys(body, {Key::name, Key::displayName, Key::contactEmail, Key::quotas, Key::network,
                                            Key::encryption});
        !s)
        return located(s.error());
    const auto name = requireString(body, Key::name);
    if (!name)
        return located(name.error());
    TenantDraft draft;
    draft.name = *name;
    for (auto [key, target] : {std::pair{Key::displayName, &draft.displayName}, std::pair{Key::contactEmail, &draft.contactEmail}}) {
        const auto value = optionalString(body, key);
        if (!value)
            return located(value.error());
        *target = value->value_or(QString());
    }
    TenantPatch parts;
    if (Status s = readQuotasAndNetwork(body, parts, &draft.pool); !s)
        return located(s.error());
    draft.quotas = {parts.capacityBytes.value_or(0), parts.gpus.value_or(0), parts.maxServices.value_or(10),
                    parts.bandwidthMBps.value_or(0), parts.iops.value_or(0)};
    draft.allowedClients = parts.allowedClients.value_or(QStringList());
    if (body.contains(Key::encryption)) {
        const QJsonObject encryption = body.value(Key::encryption).toObject();
        if (Status s = rejectUnknownKeys(encryption, {Key::customerManaged}, QStringLiteral("encryption")); !s)
            return located(s.error());
        if (!encryption.value(Key::customerManaged).isBool())
            return located(bad(QStringLiteral("encryption.customerManaged"), QStringLiteral("customerManaged must be true or false.")));
        draft.customerManagedKey = encryption.value(Key::customerManaged).toBool();
    }
    return draft;
}

} // namespace NeoCloud
