#include "CapacityInput.h"

#include "api/JsonKeys.h"
#include "api/RequestInput.h"
#include "api/TenantInput.h"
#include "core/JsonInput.h"

#include <QJsonArray>

#include <cmath>

namespace NeoCloud {
namespace {

// Large enough for any real plan, small enough that sums cannot overflow.
constexpr qint64 maxBoxes = 10000;
constexpr double maxBytes = 1e21; // a zettabyte
constexpr int maxTenants = 1000;

Error outOfRange(const QString &field, const QString &message)
{
    return {ErrorKind::Unprocessable, QStringLiteral("out_of_range"), message, field};
}

Status checkRange(const QString &field, double value, double max)
{
    if (value < 0)
        return outOfRange(field, QStringLiteral("%1 must not be negative.").arg(field));
    if (value > max)
        return outOfRange(field, QStringLiteral("%1 must be at most %2.").arg(field).arg(max));
    return success();
}

Result<int> boxes(const QJsonObject &add, QLatin1String key)
{
    const QString field = QStringLiteral("add.") + key;
    const auto value = optionalNumber<qint64>(add, key, field);
    if (!value)
        return value.error();
    const qint64 count = value->value_or(0);
    if (Status s = checkRange(field, double(count), double(maxBoxes)); !s)
        return s.error();
    return int(count);
}

Result<WhatIfTenant> readTenant(const QJsonValue &value, const QString &path)
{
    auto located = [&](Error e) {
        e.field = e.field.isEmpty() ? path : path + u'.' + e.field;
        return e;
    };
    if (!value.isObject())
        return Error::badInput(QStringLiteral("wrong_type"), QStringLiteral("%1 must be an object.").arg(path), path);
    const QJsonObject o = value.toObject();
    if (Status s = rejectUnknownKeys(o, {Key::name, Key::quotas, Key::usedBytes, Key::growthBytesPerDay}, path); !s)
        return s.error();
    WhatIfTenant t;
    const auto name = optionalString(o, Key::name);
    if (!name)
        return located(name.error());
    t.name = name->value_or(QString());

    TenantPatch quotas;
    if (Status s = readQuotasAndNetwork(o, quotas, nullptr); !s)
        return located(s.error());
    t.quotas = {quotas.capacityBytes.value_or(0), quotas.gpus.value_or(0), quotas.maxServices.value_or(0),
                quotas.bandwidthMBps.value_or(0), quotas.iops.value_or(0)};
    const QList<std::pair<QString, double>> ranged{
        {QStringLiteral("quotas.capacityBytes"), double(t.quotas.capacityBytes)},
        {QStringLiteral("quotas.gpus"), double(t.quotas.gpus)},
        {QStringLiteral("quotas.maxServices"), double(t.quotas.maxServices)},
        {QStringLiteral("quotas.qos.bandwidthMBps"), double(t.quotas.bandwidthMBps)},
        {QStringLiteral("quotas.qos.iops"), double(t.quotas.iops)},
    };
    for (const auto &[field, number] : ranged)
        if (Status s = checkRange(path + u'.' + field, number, maxBytes); !s)
            return s.error();

    const auto used = optionalNumber<qint64>(o, Key::usedBytes, path + QStringLiteral(".usedBytes"));
    if (!used)
        return used.error();
    t.usedBytes = used->value_or(0);
    if (Status s = checkRange(path + QStringLiteral(".usedBytes"), double(t.usedBytes), maxBytes); !s)
        return s.error();

    const QJsonValue growth = o.value(Key::growthBytesPerDay);
    const QString growthField = path + QStringLiteral(".growthBytesPerDay");
    if (!growth.isUndefined()) {
        if (!growth.isDouble())
            return Error::badInput(QStringLiteral("wrong_type"), QStringLiteral("%1 must be a number.").arg(growthField),
                                   growthField);
        t.growthBytesPerDay = growth.toDouble();
        if (Status s = checkRange(growthField, t.growthBytesPerDay, maxBytes); !s)
            return s.error();
    }
    return t;
}

} // namespace

Result<WhatIfRequest> readWhatIf(const ApiRequest &request)
{
    const auto body = readJsonObject(request, {Key::add, Key::tenants});
    if (!body)
        return body.error();
    WhatIfRequest out;
    if (body->contains(Key::add)) {
        if (!body->value(Key::add).isObject())
            return Error::badInput(QStringLiteral("wrong_type"), QStringLiteral("add must be an object."), Key::add);
        const QJsonObject add = body->value(Key::add).toObject();
        if (Status s = rejectUnknownKeys(add, {Key::dboxes, Key::cnodes}, Key::add); !s)
            return s.error();
        const auto dboxes = boxes(add, Key::dboxes);
        if (!dboxes)
            return dboxes.error();
        const auto cnodes = boxes(add, Key::cnodes);
        if (!cnodes)
            return cnodes.error();
        out.addDboxes = *dboxes;
        out.addCnodes = *cnodes;
    }
    if (body->contains(Key::tenants)) {
        if (!body->value(Key::tenants).isArray())
            return Error::badInput(QStringLiteral("wrong_type"), QStringLiteral("tenants must be a list."), Key::tenants);
        const QJsonArray tenants = body->value(Key::tenants).toArray();
        if (tenants.size() > maxTenants)
            return outOfRange(Key::tenants, QStringLiteral("tenants may list at most %1 tenants.").arg(maxTenants));
        for (qsizetype i = 0; i < tenants.size(); ++i) {
            const auto tenant = readTenant(tenants.at(i), QStringLiteral("tenants[%1]").arg(i));
            if (!tenant)
                return tenant.error();
            out.tenants.append(*tenant);
        }
    }
    return out;
}

} // namespace NeoCloud
