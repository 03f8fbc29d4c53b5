// Tenants (with the local provider, encryption group and client metrics VMS keeps per tenant),
// users and their S3 access keys, and VIP pools with ranges that never overlap.

#include "VmsCollections.h"
#include "VmsHardware.h"
#include "VmsRules.h"
#include "core/Time.h"

#include <QHostAddress>
#include <QRandomGenerator>

namespace NeoCloud {

using namespace Qt::StringLiterals;

namespace {

// The collections whose objects belong to a tenant through their tenant_id.
const QStringList tenantOwned { u"views"_s,       u"quotas"_s,     u"viewpolicies"_s,
                                u"qospolicies"_s, u"blockhosts"_s, u"vippools"_s };

struct IpRange
{
    quint32 from = 0;
    quint32 to = 0;
    QString text;
};

// [["10.0.0.1", "10.0.0.9"], ...] as numbers, or the sentence saying what is wrong.
std::variant<QList<IpRange>, QString> parseRanges(const QJsonArray &ranges)
{
    QList<IpRange> out;
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        const QJsonArray pair = ranges.at(i).toArray();
        bool okFrom = false, okTo = false;
        const QHostAddress from(pair.at(0).toString()),
            to(pair.at(pair.size() > 1 ? 1 : 0).toString());
        IpRange r { from.toIPv4Address(&okFrom), to.toIPv4Address(&okTo), {} };
        if (pair.isEmpty() || pair.size() > 2 || !okFrom || !okTo)
            return u"[%1]: a range is [start, end] of IPv4 addresses."_s.arg(i);
        if (r.from > r.to)
            return u"[%1]: %2 comes after %3."_s.arg(i).arg(from.toString(), to.toString());
        r.text = from.toString() + u"-"_s + to.toString();
        out << r;
    }
    return out;
}

QString randomText(int length, const char *alphabet)
{
    const int size = int(qstrlen(alphabet));
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(size)]);
    return out;
}

VmsRefusal duplicateName(const VmsCollections &c, const VmsDraft &draft, const QString &collection,
                         const QString &scopeField, const QString &message)
{
    for (const VmsObject &o : c.where(collection, u"name"_s, draft.body.value(u"name"_s)))
        if (o.id != draft.id
            && (scopeField.isEmpty() || o.body.value(scopeField) == draft.body.value(scopeField)))
            return VmsLabReply::detail(409, message);
    return std::nullopt;
}

// ---- tenants ----

VmsRefusal prepareTenant(VmsCollections &c, VmsDraft &t)
{
    const QString name = t.body.value(u"name"_s).toString();
    if (VmsRefusal r
        = duplicateName(c, t, u"tenants"_s, {}, u"A tenant named '%1' already exists."_s.arg(name)))
        return r;
    if (const QJsonValue ranges = t.body.value(u"client_ip_ranges"_s); ranges.isArray())
        if (const auto parsed = parseRanges(ranges.toArray());
            std::holds_alternative<QString>(parsed))
            return VmsLabReply::field(u"client_ip_ranges"_s,
                                      u"client_ip_ranges"_s + std::get<QString>(parsed));
    if (VmsRefusal r = requireRef(c, t, u"local_provider_id"_s, u"localproviders"_s))
        return r;
    if (!t.has(u"local_provider_id"_s)) {
        // VMS gives every tenant a local provider for its users; one a deleted tenant of the
        // same name left behind is taken up again.
        const QString providerName = name + u"-local"_s;
        for (const VmsObject &left : c.where(u"localproviders"_s, u"name"_s, providerName))
            if (c.where(u"tenants"_s, u"local_provider_id"_s, left.id).isEmpty())
                t.body.insert(u"local_provider_id"_s, left.id);
    }
    if (!t.has(u"local_provider_id"_s)) {
        VmsDraft provider;
        provider.body = { { u"name"_s, QString(name + u"-local"_s) },
                          { u"description"_s, u"Local users of tenant %1"_s.arg(name) } };
        auto saved = c.save(u"localproviders"_s, provider);
        if (auto *refusal = std::get_if<VmsLabReply>(&saved))
            return *refusal;
        t.body.insert(u"local_provider_id"_s, std::get<VmsObject>(saved).id);
    }
    const QJsonValue crn = t.body.value(u"encryption_group"_s);
    if (!t.existing && crn.isString() && !crn.toString().isEmpty()) {
        // Tenants naming the same group share it (VMS's same_encryption_group_tenants).
        const QList<VmsObject> groups = c.where(u"encryptiongroups"_s, u"crn"_s, crn);
        int groupId = groups.isEmpty() ? 0 : groups.constFirst().id;
        if (!groupId) {
            VmsDraft group;
            group.body = { { u"crn"_s, crn }, { u"state"_s, u"ACTIVE"_s } };
            group.hidden = { { u"key_version"_s, 1 } };
            auto saved = c.save(u"encryptiongroups"_s, group);
            if (auto *refusal = std::get_if<VmsLabReply>(&saved))
                return *refusal;
            groupId = std::get<VmsObject>(saved).id;
        }
        t.body.insert(u"encryption_group_id"_s, groupId);
    }
    return std::nullopt;
}

void deriveTenant(const VmsCollections &c, const VmsObject &t, QJsonObject &out)
{
    if (const auto group
        = c.find(u"encryptiongroups"_s, t.body.value(u"encryption_group_id"_s).toInt()))
        out.insert(u"encryption_group_state"_s, group->body.value(u"state"_s));
    if (const auto provider
        = c.find(u"localproviders"_s, t.body.value(u"local_provider_id"_s).toInt())) {
        out.insert(u"local_provider"_s,
                   QJsonObject { { u"id"_s, provider->id },
                                 { u"name"_s, provider->body.value(u"name"_s) } });
        out.insert(u"local_provider_title"_s, provider->body.value(u"name"_s));
    }
    QJsonArray names, pools;
    for (const VmsObject &pool : c.where(u"vippools"_s, u"tenant_id"_s, t.id)) {
        names.append(pool.body.value(u"name"_s));
        pools.append(
            QJsonObject { { u"id"_s, pool.id }, { u"name"_s, pool.body.value(u"name"_s) } });
    }
    out.insert(u"vippool_names"_s, names);
    out.insert(u"vippools"_s, pools);
}

VmsRefusal tenantInUse(const VmsCollections &c, const VmsObject &t)
{
    QStringList owned;
    for (const QString &collection : tenantOwned)
        if (const qsizetype n = c.where(collection, u"tenant_id"_s, t.id).size())
            owned << u"%1 %2"_s.arg(n).arg(collection);
    if (owned.isEmpty())
        return std::nullopt;
    return VmsLabReply::detail(409,
                               u"Tenant %1 still has %2; delete them first."_s.arg(
                                   t.body.value(u"name"_s).toString(), owned.join(u", "_s)));
}

// POST /tenants/{id}/rotate_encryption_group_key/ and /revoke_encryption_group/: 204, or 409
// when the tenant has no group or it is revoked.
VmsLabReply changeEncryptionGroup(VmsCollections &c, const VmsLabRequest &r, bool revoke)
{
    const auto tenant = c.find(u"tenants"_s, r.id());
    if (!tenant)
        return VmsLabReply::notFound();
    auto group
        = c.find(u"encryptiongroups"_s, tenant->body.value(u"encryption_group_id"_s).toInt());
    if (!group)
        return VmsLabReply::detail(
            409,
            u"Tenant %1 has no encryption group."_s.arg(tenant->body.value(u"name"_s).toString()));
    if (group->body.value(u"state"_s).toString() == u"REVOKED"_s)
        return VmsLabReply::detail(
            409, u"Encryption group %1 is revoked."_s.arg(group->body.value(u"crn"_s).toString()));
    if (revoke)
        group->body.insert(u"state"_s, u"REVOKED"_s);
    else
        group->hidden.insert(u"key_version"_s, group->hidden.value(u"key_version"_s).toInt(1) + 1);
    if (Status s = c.put(u"encryptiongroups"_s, *group); !s)
        return VmsLabReply::detail(503, s.error().message);
    return VmsLabReply::empty(204);
}

// ---- client metrics ----

QJsonObject clientMetrics(const VmsObject &tenant)
{
    if (tenant.hidden.contains(u"client_metrics"_s))
        return tenant.hidden.value(u"client_metrics"_s).toObject();
    QJsonArray defaults;
    for (const auto &[name, type] :
         { std::pair { u"timestamp"_s, u"timestamp"_s }, std::pair { u"client_ip"_s, u"string"_s },
           std::pair { u"user"_s, u"string"_s }, std::pair { u"read_bytes"_s, u"int64"_s },
           std::pair { u"write_bytes"_s, u"int64"_s } })
        defaults.append(QJsonObject { { u"name"_s, name },
                                      { u"field"_s, QJsonObject { { u"column_type"_s, type } } } });
    return { { u"config"_s, QJsonObject { { u"enabled"_s, false } } },
             { u"default_columns"_s, defaults },
             { u"user_defined_columns"_s, QJsonArray() } };
}

QString rawType(const QJsonObject &field)
{
    const QString type = field.value(u"column_type"_s).toString();
    if (type != u"map"_s)
        return type;
    return u"map<%1, %2>"_s.arg(field.value(u"key_type"_s)[u"column_type"_s].toString(),
                                field.value(u"value_type"_s)[u"column_type"_s].toString());
}

VmsLabReply patchClientMetrics(VmsCollections &c, const VmsLabRequest &r)
{
    auto tenant = c.find(u"tenants"_s, r.id());
    if (!tenant)
        return VmsLabReply::notFound();
    QJsonObject metrics = clientMetrics(*tenant);
    QJsonObject config = metrics.value(u"config"_s).toObject();
    const QJsonObject changes = r.input().value(u"config"_s).toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        config.insert(it.key(), it.value());
    if (config.value(u"enabled"_s).toBool()
        && (config.value(u"bucket_name"_s).toString().isEmpty()
            || config.value(u"bucket_owner"_s).toString().isEmpty()))
        return VmsLabReply::field(
            u"config"_s, u"Collecting client metrics needs bucket_name and bucket_owner."_s);
    metrics.insert(u"config"_s, config);
    if (r.input().contains(u"user_defined_columns"_s)) {
        // VMS answers a column where it lives: the metrics bucket's table.
        QJsonArray columns;
        for (const QJsonValue &column : r.input().value(u"user_defined_columns"_s).toArray()) {
            const QJsonObject field = column[u"field"_s].toObject();
            columns.append(
                QJsonObject { { u"database_name"_s, config.value(u"bucket_name"_s).toString() },
                              { u"schema_name"_s, u"vast_client_metrics"_s },
                              { u"table_name"_s, u"client_metrics"_s },
                              { u"name"_s, column[u"name"_s] },
                              { u"field"_s, field },
                              { u"raw_field"_s, rawType(field) } });
        }
        metrics.insert(u"user_defined_columns"_s, columns);
    }
    if (const QStringList errors
        = c.context().spec.check(metrics, c.context().spec.responseSchema(r.operation, 200));
        !errors.isEmpty())
        return specRefusal(errors);
    tenant->hidden.insert(u"client_metrics"_s, metrics);
    if (Status s = c.put(u"tenants"_s, *tenant); !s)
        return VmsLabReply::detail(503, s.error().message);
    return VmsLabReply::json(metrics);
}

// ---- users and access keys ----

VmsRefusal prepareUser(VmsCollections &c, VmsDraft &u)
{
    const QJsonValue providerId = u.input.contains(u"local_provider_id"_s)
        ? u.input.value(u"local_provider_id"_s)
        : u.hidden.value(u"local_provider_id"_s);
    const auto provider = c.find(u"localproviders"_s, providerId.toInt());
    if (!provider)
        return invalidPk(u"local_provider_id"_s, providerId);
    u.hidden.insert(u"local_provider_id"_s, provider->id);
    for (const VmsObject &other : c.where(u"users"_s, u"name"_s, u.body.value(u"name"_s)))
        if (other.id != u.id && other.hidden.value(u"local_provider_id"_s).toInt() == provider->id)
            return VmsLabReply::detail(409,
                                       u"Local provider %1 already has a user named '%2'."_s.arg(
                                           provider->body.value(u"name"_s).toString(),
                                           u.body.value(u"name"_s).toString()));
    if (!u.has(u"uid"_s))
        u.body.insert(u"uid"_s, 10000 + u.id);
    if (u.input.contains(u"password"_s))
        u.body.insert(u"password_is_set"_s, true); // the lab keeps no password
    if (!u.existing) {
        u.body.insert(u"local"_s, true);
        u.body.insert(u"access_keys"_s, QJsonArray());
    }
    return std::nullopt;
}

void deriveUser(const VmsCollections &c, const VmsObject &u, QJsonObject &out)
{
    if (const auto provider
        = c.find(u"localproviders"_s, u.hidden.value(u"local_provider_id"_s).toInt()))
        out.insert(u"local_provider"_s,
                   QJsonObject { { u"id"_s, provider->id },
                                 { u"name"_s, provider->body.value(u"name"_s) } });
}

VmsLabReply accessKeys(VmsCollections &c, const VmsLabRequest &r)
{
    auto user = c.find(u"users"_s, r.id());
    if (!user)
        return VmsLabReply::notFound();
    QJsonArray keys = user->body.value(u"access_keys"_s).toArray();
    const QString wanted = r.input().value(u"access_key"_s).toString();
    const auto position = std::find_if(keys.begin(), keys.end(), [&](const QJsonValue &k) {
        return k[u"access_key"_s].toString() == wanted;
    });
    QJsonObject pair;
    if (r.method == u"POST"_s) {
        const QJsonValue tenantId = r.input().value(u"tenant_id"_s);
        if (!tenantId.isUndefined() && !c.find(u"tenants"_s, tenantId.toInt()))
            return invalidPk(u"tenant_id"_s, tenantId);
        pair = { { u"access_key"_s, randomText(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") },
                 { u"secret_key"_s,
                   randomText(
                       40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") } };
        QJsonObject key { { u"access_key"_s, pair.value(u"access_key"_s) },
                          { u"creation_time"_s, nowIso() },
                          { u"enabled"_s, true } };
        if (!tenantId.isUndefined())
            key.insert(u"tenant_id"_s, tenantId);
        keys.append(key); // the secret is shown once and never stored
    } else if (position == keys.end()) {
        return VmsLabReply::detail(
            404,
            u"User %1 has no access key %2."_s.arg(user->body.value(u"name"_s).toString(), wanted));
    } else if (r.method == u"PATCH"_s) {
        QJsonObject key = position->toObject();
        key.insert(u"enabled"_s, r.input().value(u"enabled"_s));
        *position = key;
    } else {
        keys.erase(position);
    }
    user->body.insert(u"access_keys"_s, keys);
    VmsDraft draft { {}, user->body, user->hidden, user, user->id };
    auto saved = c.save(u"users"_s, draft);
    if (auto *refusal = std::get_if<VmsLabReply>(&saved))
        return *refusal;
    return r.method == u"POST"_s ? VmsLabReply::json(pair) : VmsLabReply::empty(204);
}

// ---- VIP pools ----

VmsRefusal prepareVipPool(VmsCollections &c, VmsDraft &p)
{
    if (!p.has(u"ip_ranges"_s) && p.has(u"start_ip"_s) && p.has(u"end_ip"_s))
        p.body.insert(
            u"ip_ranges"_s,
            QJsonArray { QJsonArray { p.body.value(u"start_ip"_s), p.body.value(u"end_ip"_s) } });
    if (!p.has(u"ip_ranges"_s) || p.body.value(u"ip_ranges"_s).toArray().isEmpty())
        return VmsLabReply::field(u"ip_ranges"_s,
                                  u"A VIP pool needs ip_ranges (or start_ip and end_ip)."_s);
    const auto parsed = parseRanges(p.body.value(u"ip_ranges"_s).toArray());
    if (std::holds_alternative<QString>(parsed))
        return VmsLabReply::field(u"ip_ranges"_s, u"ip_ranges"_s + std::get<QString>(parsed));
    const QList<IpRange> ranges = std::get<QList<IpRange>>(parsed);
    const int cidr = p.body.value(u"subnet_cidr"_s).toInt();
    if (cidr < 1 || cidr > 32)
        return VmsLabReply::field(u"subnet_cidr"_s, u"subnet_cidr must be 1 to 32."_s);
    if (VmsRefusal r = requireRef(c, p, u"tenant_id"_s, u"tenants"_s))
        return r;
    for (const VmsObject &other : c.context().store.all(u"vippools"_s)) {
        if (other.id == p.id)
            continue;
        const auto theirs = parseRanges(other.body.value(u"ip_ranges"_s).toArray());
        const auto *theirRanges = std::get_if<QList<IpRange>>(&theirs);
        for (const IpRange &a : ranges)
            for (const IpRange &b : theirRanges ? *theirRanges : QList<IpRange> {})
                if (a.from <= b.to && b.from <= a.to)
                    return VmsLabReply::detail(
                        409,
                        u"IP range %1 overlaps %2 of VIP pool '%3'."_s.arg(
                            a.text, b.text, other.body.value(u"name"_s).toString()));
    }
    if (!p.has(u"name"_s))
        p.body.insert(u"name"_s, u"vippool-%1"_s.arg(p.id));
    if (VmsRefusal r = duplicateName(
            c, p, u"vippools"_s, {},
            u"A VIP pool named '%1' already exists."_s.arg(p.body.value(u"name"_s).toString())))
        return r;
    QStringList summary;
    for (const IpRange &r : ranges)
        summary << r.text;
    p.body.insert(u"ranges_summary"_s, summary.join(u", "_s));
    p.body.insert(u"start_ip"_s, QHostAddress(ranges.constFirst().from).toString());
    p.body.insert(u"end_ip"_s, QHostAddress(ranges.constLast().to).toString());
    if (!p.existing) {
        p.body.insert(u"role"_s, p.body.value(u"role"_s).toString(u"PROTOCOLS"_s));
        p.body.insert(u"enabled"_s, p.body.value(u"enabled"_s).toBool(true));
        p.body.insert(u"state"_s, u"ACTIVE"_s);
        if (!p.has(u"cnode_ids"_s)) {
            QJsonArray ids;
            for (qsizetype i = 0; i < c.context().hardware.cnodes.size(); ++i)
                ids.append(int(i + 1));
            p.body.insert(u"cnode_ids"_s, ids);
        }
    }
    return std::nullopt;
}

void deriveVipPool(const VmsCollections &c, const VmsObject &p, QJsonObject &out)
{
    const VmsHardware &hw = c.context().hardware;
    QJsonArray names, active;
    for (const QJsonValue &id : p.body.value(u"cnode_ids"_s).toArray()) {
        const int i = id.toInt() - 1;
        if (i < 0 || i >= hw.cnodes.size())
            continue;
        names.append(hw.cnodes.at(i).name);
        if (!c.context().downNodes.contains(hw.cnodes.at(i).name))
            active.append(id);
    }
    out.insert(u"cnodes"_s, names);
    out.insert(u"active_cnode_ids"_s, active);
    out.insert(u"active_interfaces"_s, int(active.size()));
}

} // namespace

void addTenancyRules(VmsCollections &c)
{
    c.add({ u"localproviders"_s,
            u"#/components/schemas/LocalProvider"_s,
            u"local provider"_s,
            false,
            false,
            [&c](VmsContext &, VmsDraft &d) {
                return duplicateName(c, d, u"localproviders"_s, {},
                                     u"A local provider named '%1' already exists."_s.arg(
                                         d.body.value(u"name"_s).toString()));
            },
            uniqueNames(u"localproviders"_s, u"local provider"_s),
            {},
            {} });
    c.add({ u"encryptiongroups"_s,
            u"#/components/schemas/EncryptionGroup"_s,
            u"encryption group"_s,
            true,
            false,
            {},
            [](const VmsObject &o) {
                return QList<VmsUniqueKey> { { u"encryptiongroups.crn:"_s
                                                   + o.body.value(u"crn"_s).toString(),
                                               u"That encryption group exists."_s } };
            },
            {},
            {} });
    c.add({ u"tenants"_s, u"#/components/schemas/Tenant"_s, u"tenant"_s, false, true,
            [&c](VmsContext &, VmsDraft &d) { return prepareTenant(c, d); },
            uniqueNames(u"tenants"_s, u"tenant"_s),
            [&c](const VmsContext &, const VmsObject &o, QJsonObject &out) {
                deriveTenant(c, o, out);
            },
            [&c](const VmsContext &, const VmsObject &o) { return tenantInUse(c, o); } });
    c.routes().insert(routeKey(u"POST"_s, u"/tenants/{id}/rotate_encryption_group_key/"_s),
                      [&c](const VmsLabRequest &r) { return changeEncryptionGroup(c, r, false); });
    c.routes().insert(routeKey(u"POST"_s, u"/tenants/{id}/revoke_encryption_group/"_s),
                      [&c](const VmsLabRequest &r) { return changeEncryptionGroup(c, r, true); });
    c.routes().insert(
        routeKey(u"GET"_s, u"/tenants/{id}/client_metrics/"_s), [&c](const VmsLabRequest &r) {
            const auto tenant = c.find(u"tenants"_s, r.id());
            return tenant ? VmsLabReply::json(clientMetrics(*tenant)) : VmsLabReply::notFound();
        });
    c.routes().insert(routeKey(u"PATCH"_s, u"/tenants/{id}/client_metrics/"_s),
                      [&c](const VmsLabRequest &r) { return patchClientMetrics(c, r); });

    c.add(
        { u"users"_s,
          u"#/components/schemas/User"_s,
          u"user"_s,
          false,
          false,
          [&c](VmsContext &, VmsDraft &d) { return prepareUser(c, d); },
          [](const VmsObject &o) {
              const QString provider
                  = QString::number(o.hidden.value(u"local_provider_id"_s).toInt());
              return QList<VmsUniqueKey> {
                  { u"users.name:%1:%2"_s.arg(provider, o.body.value(u"name"_s).toString()),
                    u"That local provider already has a user with that name."_s },
                  { u"users.uid:%1:%2"_s.arg(provider).arg(o.body.value(u"uid"_s).toInteger()),
                    u"That local provider already has a user with that uid."_s }
              };
          },
          [&c](const VmsContext &, const VmsObject &o, QJsonObject &out) { deriveUser(c, o, out); },
          {} });
    for (const QString &method : { u"POST"_s, u"PATCH"_s, u"DELETE"_s })
        c.routes().insert(routeKey(method, u"/users/{id}/access_keys/"_s),
                          [&c](const VmsLabRequest &r) { return accessKeys(c, r); });

    c.add({ u"vippools"_s,
            u"#/components/schemas/VIPPool"_s,
            u"VIP pool"_s,
            false,
            true,
            [&c](VmsContext &, VmsDraft &d) { return prepareVipPool(c, d); },
            uniqueNames(u"vippools"_s, u"VIP pool"_s),
            [&c](const VmsContext &, const VmsObject &o, QJsonObject &out) {
                deriveVipPool(c, o, out);
            },
            {} });
}

} // namespace NeoCloud
