// View policies, views, quotas and QoS policies: the references VMS checks, the protocol rules
// of a view (a bucket and its owner for S3, DATABASE and KAFKA, a share for SMB), bucket names
// unique on the cluster, and directories that exist only once a view or quota created them.

#include "VmsCollections.h"
#include "VmsHardware.h"
#include "VmsRules.h"

#include <QRegularExpression>

namespace NeoCloud {

using namespace Qt::StringLiterals;

namespace {

const QString directories = u"directories"_s; // stored, never served: the lab's file system

// The protocols whose clients reach a view through its bucket.
const QStringList bucketProtocols { u"S3"_s, u"DATABASE"_s, u"KAFKA"_s };

QString tenantKey(const VmsObject &o)
{
    return QString::number(o.body.value(u"tenant_id"_s).toInt());
}

bool directoryExists(const VmsCollections &c, const QString &path)
{
    if (path == u"/"_s)
        return true;
    const QList<VmsObject> all = c.context().store.all(directories);
    return std::any_of(all.begin(), all.end(), [&](const VmsObject &d) {
        const QString dir = d.body.value(u"path"_s).toString();
        return dir == path || dir.startsWith(path + u"/"_s);
    });
}

// A path as VMS keeps it: absolute, without a trailing slash; or the refusal.
VmsRefusal normalisePath(VmsDraft &d)
{
    QString path = d.body.value(u"path"_s).toString();
    if (!path.startsWith(u"/"_s) || path.contains(u"//"_s))
        return VmsLabReply::field(u"path"_s, u"'%1' is not an absolute path."_s.arg(path));
    if (path.size() > 1 && path.endsWith(u"/"_s))
        path.chop(1);
    d.body.insert(u"path"_s, path);
    return std::nullopt;
}

// VMS refuses a path that does not exist unless asked to create it (create_dir).
VmsRefusal ensureDirectory(VmsCollections &c, const VmsDraft &d)
{
    const QString path = d.body.value(u"path"_s).toString();
    if (directoryExists(c, path))
        return std::nullopt;
    if (!d.input.value(u"create_dir"_s).toBool())
        return VmsLabReply::field(
            u"path"_s,
            u"The directory %1 does not exist; set create_dir to create it."_s.arg(path));
    const VmsObject dir { c.context().store.nextId(directories), { { u"path"_s, path } }, {} };
    if (Status s = c.context().store.put(directories, dir); !s)
        return VmsLabReply::detail(503, s.error().message);
    return std::nullopt;
}

VmsRefusal clash(const VmsCollections &c, const VmsDraft &d, const QString &collection,
                 const QString &field, bool perTenant, const QString &message)
{
    if (!d.has(field) || d.body.value(field).toString().isEmpty())
        return std::nullopt;
    for (const VmsObject &o : c.where(collection, field, d.body.value(field)))
        if (o.id != d.id
            && (!perTenant
                || o.body.value(u"tenant_id"_s).toInt() == d.body.value(u"tenant_id"_s).toInt()))
            return VmsLabReply::detail(409, message.arg(d.body.value(field).toString()));
    return std::nullopt;
}

VmsRefusal refuseWhileUsed(const VmsCollections &c, const VmsObject &o, const QString &what,
                           const QList<std::pair<QString, QString>> &users)
{
    QStringList uses;
    for (const auto &[collection, field] : users)
        if (const qsizetype n = c.where(collection, field, o.id).size())
            uses << u"%1 %2"_s.arg(n).arg(collection);
    if (uses.isEmpty())
        return std::nullopt;
    return VmsLabReply::detail(409,
                               u"%1 '%2' is in use by %3."_s.arg(
                                   what, o.body.value(u"name"_s).toString(), uses.join(u", "_s)));
}

// ---- view policies ----

VmsRefusal prepareViewPolicy(VmsCollections &c, VmsDraft &p)
{
    if (VmsRefusal r = requireRef(c, p, u"tenant_id"_s, u"tenants"_s))
        return r;
    if (VmsRefusal r = clash(c, p, u"viewpolicies"_s, u"name"_s, true,
                             u"A view policy named '%1' already exists in this tenant."_s))
        return r;
    for (const QJsonValue &pool : p.body.value(u"vip_pools"_s).toArray())
        if (!c.find(u"vippools"_s, pool.toInt()))
            return invalidPk(u"vip_pools"_s, pool);
    if (!p.existing && !p.has(u"flavor"_s))
        p.body.insert(u"flavor"_s, u"NFS"_s);
    return std::nullopt;
}

// ---- views ----

VmsRefusal checkBucket(const VmsCollections &c, const VmsDraft &v, const QString &protocols)
{
    const QString bucket = v.body.value(u"bucket"_s).toString();
    const QString owner = v.body.value(u"bucket_owner"_s).toString();
    if (bucket.isEmpty())
        return VmsLabReply::field(u"bucket"_s,
                                  u"A view serving %1 needs a bucket."_s.arg(protocols));
    if (owner.isEmpty())
        return VmsLabReply::field(u"bucket_owner"_s,
                                  u"A view serving %1 needs a bucket_owner."_s.arg(protocols));
    static const QRegularExpression s3Name(u"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"_s);
    if (!s3Name.match(bucket).hasMatch())
        return VmsLabReply::field(
            u"bucket"_s,
            u"'%1' is not a valid bucket name (3-63 lower-case letters, digits, dots, hyphens)."_s
                .arg(bucket));
    // The owner must be a user VMS knows: one of the tenant's local provider when it has one.
    const auto tenant = c.find(u"tenants"_s, v.body.value(u"tenant_id"_s).toInt());
    const int provider = tenant ? tenant->body.value(u"local_provider_id"_s).toInt() : 0;
    const QList<VmsObject> users = c.where(u"users"_s, u"name"_s, owner);
    if (std::none_of(users.begin(), users.end(), [&](const VmsObject &u) {
            return !provider || u.hidden.value(u"local_provider_id"_s).toInt() == provider;
        }))
        return VmsLabReply::field(
            u"bucket_owner"_s,
            u"No user named '%1'%2."_s.arg(
                owner, provider ? u" in the tenant's local provider"_s : QString()));
    return std::nullopt;
}

VmsRefusal prepareView(VmsCollections &c, VmsDraft &v)
{
    if (VmsRefusal r = normalisePath(v))
        return r;
    const auto policy = c.find(u"viewpolicies"_s, v.body.value(u"policy_id"_s).toInt());
    if (!policy)
        return invalidPk(u"policy_id"_s, v.body.value(u"policy_id"_s));
    const QJsonValue policyTenant = policy->body.value(u"tenant_id"_s);
    if (!v.has(u"tenant_id"_s) && policyTenant.isDouble())
        v.body.insert(u"tenant_id"_s, policyTenant);
    if (VmsRefusal r = requireRef(c, v, u"tenant_id"_s, u"tenants"_s))
        return r;
    if (policyTenant.isDouble() && policyTenant.toInt() != v.body.value(u"tenant_id"_s).toInt())
        return VmsLabReply::field(u"policy_id"_s,
                                  u"View policy '%1' belongs to another tenant."_s.arg(
                                      policy->body.value(u"name"_s).toString()));
    if (VmsRefusal r = requireRef(c, v, u"qos_policy_id"_s, u"qospolicies"_s))
        return r;
    if (!v.has(u"protocols"_s))
        v.body.insert(u"protocols"_s, QJsonArray { u"NFS"_s });
    QStringList protocols;
    for (const QJsonValue &p : v.body.value(u"protocols"_s).toArray())
        protocols << p.toString();
    QStringList needBucket;
    for (const QString &p : bucketProtocols)
        if (protocols.contains(p))
            needBucket << p;
    if (!needBucket.isEmpty())
        if (VmsRefusal r = checkBucket(c, v, needBucket.join(u", "_s)))
            return r;
    if (protocols.contains(u"SMB"_s) && v.body.value(u"share"_s).toString().isEmpty())
        return VmsLabReply::field(u"share"_s, u"A view serving SMB needs a share name."_s);
    for (const QJsonValue &pool : v.body.value(u"kafka_vip_pools"_s).toArray())
        if (!c.find(u"vippools"_s, pool.toInt()))
            return invalidPk(u"kafka_vip_pools"_s, pool);
    if (VmsRefusal r = clash(
            c, v, u"views"_s, u"bucket"_s, false,
            u"A view with the bucket '%1' already exists; bucket names are unique on the cluster."_s))
        return r;
    if (VmsRefusal r = clash(c, v, u"views"_s, u"path"_s, true,
                             u"A view on %1 already exists in this tenant."_s))
        return r;
    if (VmsRefusal r = clash(c, v, u"views"_s, u"share"_s, true,
                             u"A view with the share '%1' already exists in this tenant."_s))
        return r;
    if (protocols.contains(u"BLOCK"_s) && !v.has(u"nqn"_s))
        v.body.insert(
            u"nqn"_s,
            u"nqn.2024-08.com.vastdata:%1:%2"_s.arg(c.context().hardware.clusterName).arg(v.id));
    if (!v.existing || v.body.value(u"path"_s) != v.existing->body.value(u"path"_s))
        return ensureDirectory(c, v);
    return std::nullopt;
}

void deriveView(const VmsCollections &c, const VmsObject &v, QJsonObject &out)
{
    if (const auto policy = c.find(u"viewpolicies"_s, v.body.value(u"policy_id"_s).toInt()))
        out.insert(u"policy"_s, policy->body.value(u"name"_s));
    if (const auto qos = c.find(u"qospolicies"_s, v.body.value(u"qos_policy_id"_s).toInt()))
        out.insert(u"qos_policy"_s, qos->body.value(u"name"_s));
    qint64 logical = 0;
    for (const VmsObject &volume : c.where(u"volumes"_s, u"view_id"_s, v.id))
        logical += volume.body.value(u"size"_s).toInteger();
    out.insert(u"logical_capacity"_s, logical);
    out.insert(u"physical_capacity"_s, qint64(double(logical) / c.context().hardware.drr));
    out.insert(u"directory"_s, true);
}

VmsRefusal viewInUse(const VmsCollections &c, const VmsObject &v)
{
    if (VmsRefusal r = refuseWhileUsed(c, v, u"View"_s, { { u"volumes"_s, u"view_id"_s } }))
        return r;
    const QJsonValue bucket = v.body.value(u"bucket"_s);
    if (bucket.toString().isEmpty())
        return std::nullopt;
    const qsizetype topics = c.where(u"topics"_s, u"database_name"_s, bucket).size();
    const qsizetype schemas = c.where(u"schemas"_s, u"database_name"_s, bucket).size();
    if (topics + schemas == 0)
        return std::nullopt;
    return VmsLabReply::detail(
        409,
        u"The bucket '%1' still holds %2 topic(s) and %3 schema(s)."_s.arg(bucket.toString())
            .arg(topics)
            .arg(schemas));
}

// ---- quotas ----

VmsRefusal prepareQuota(VmsCollections &c, VmsDraft &q)
{
    if (VmsRefusal r = normalisePath(q))
        return r;
    if (VmsRefusal r = requireRef(c, q, u"tenant_id"_s, u"tenants"_s))
        return r;
    for (const auto &[soft, hard] :
         { std::pair { u"soft_limit"_s, u"hard_limit"_s },
           std::pair { u"soft_limit_inodes"_s, u"hard_limit_inodes"_s } }) {
        const qint64 s = q.body.value(soft).toInteger(), h = q.body.value(hard).toInteger();
        if (s > 0 && h > 0 && s > h)
            return VmsLabReply::field(
                soft, u"%1 (%2) is above %3 (%4)."_s.arg(soft).arg(s).arg(hard).arg(h));
    }
    if (VmsRefusal r = clash(c, q, u"quotas"_s, u"path"_s, true,
                             u"A quota on %1 already exists in this tenant."_s))
        return r;
    if (!q.existing) {
        for (const QString &zero :
             { u"used_capacity"_s, u"used_inodes"_s, u"used_effective_capacity"_s,
               u"percent_capacity"_s, u"percent_inodes"_s })
            q.body.insert(zero, 0);
        q.body.insert(u"used_capacity_tb"_s, 0.0);
        q.body.insert(u"state"_s, u"OK"_s);
        q.body.insert(u"pretty_state"_s, u"OK"_s);
        return ensureDirectory(c, q);
    }
    return std::nullopt;
}

// ---- QoS policies ----

VmsRefusal prepareQos(VmsCollections &c, VmsDraft &q)
{
    if (VmsRefusal r = requireRef(c, q, u"tenant_id"_s, u"tenants"_s))
        return r;
    if (VmsRefusal r = clash(c, q, u"qospolicies"_s, u"name"_s, true,
                             u"A QoS policy named '%1' already exists in this tenant."_s))
        return r;
    if (!q.existing) {
        const QList<std::pair<QString, QJsonValue>> defaults { { u"mode"_s, u"STATIC"_s },
                                                               { u"policy_type"_s, u"VIEW"_s },
                                                               { u"limit_by"_s, u"BW_IOPS"_s },
                                                               { u"io_size_bytes"_s, 65536 } };
        for (const auto &[key, value] : defaults)
            if (!q.has(key))
                q.body.insert(key, value);
    }
    return std::nullopt;
}

QList<VmsUniqueKey> scopedName(const QString &collection, const VmsObject &o,
                               const QString &message)
{
    return { { u"%1.name:%2:%3"_s.arg(collection, tenantKey(o), o.body.value(u"name"_s).toString()),
               message } };
}

} // namespace

void addStorageRules(VmsCollections &c)
{
    c.add({ u"viewpolicies"_s, u"#/components/schemas/ViewPolicy"_s, u"view policy"_s, false, false,
            [&c](VmsContext &, VmsDraft &d) { return prepareViewPolicy(c, d); },
            [](const VmsObject &o) {
                return scopedName(u"viewpolicies"_s, o,
                                  u"A view policy with that name already exists in this tenant."_s);
            },
            [&c](const VmsContext &, const VmsObject &o, QJsonObject &out) {
                out.insert(u"count_views"_s, int(c.where(u"views"_s, u"policy_id"_s, o.id).size()));
            },
            [&c](const VmsContext &, const VmsObject &o) {
                return refuseWhileUsed(c, o, u"View policy"_s, { { u"views"_s, u"policy_id"_s } });
            } });
    c.add(
        { u"views"_s, u"#/components/schemas/View"_s, u"view"_s, false, false,
          [&c](VmsContext &, VmsDraft &d) { return prepareView(c, d); },
          [](const VmsObject &o) {
              QList<VmsUniqueKey> keys {
                  { u"views.path:%1:%2"_s.arg(tenantKey(o), o.body.value(u"path"_s).toString()),
                    u"A view on that path already exists in this tenant."_s }
              };
              if (const QString bucket = o.body.value(u"bucket"_s).toString(); !bucket.isEmpty())
                  keys.append(
                      { u"views.bucket:"_s + bucket,
                        u"A view with the bucket '%1' already exists; bucket names are unique on the cluster."_s
                            .arg(bucket) });
              if (const QString share = o.body.value(u"share"_s).toString(); !share.isEmpty())
                  keys.append({ u"views.share:%1:%2"_s.arg(tenantKey(o), share),
                                u"A view with that share already exists in this tenant."_s });
              return keys;
          },
          [&c](const VmsContext &, const VmsObject &o, QJsonObject &out) { deriveView(c, o, out); },
          [&c](const VmsContext &, const VmsObject &o) { return viewInUse(c, o); } });
    c.add({ u"quotas"_s,
            u"#/components/schemas/Quota"_s,
            u"quota"_s,
            false,
            false,
            [&c](VmsContext &, VmsDraft &d) { return prepareQuota(c, d); },
            [](const VmsObject &o) {
                return QList<VmsUniqueKey> {
                    { u"quotas.path:%1:%2"_s.arg(tenantKey(o), o.body.value(u"path"_s).toString()),
                      u"A quota on that path already exists in this tenant."_s }
                };
            },
            {},
            {} });
    c.add({ u"qospolicies"_s,
            u"#/components/schemas/QOSPolicy"_s,
            u"QoS policy"_s,
            false,
            false,
            [&c](VmsContext &, VmsDraft &d) { return prepareQos(c, d); },
            [](const VmsObject &o) {
                return scopedName(u"qospolicies"_s, o,
                                  u"A QoS policy with that name already exists in this tenant."_s);
            },
            {},
            [&c](const VmsContext &, const VmsObject &o) {
                return refuseWhileUsed(
                    c, o, u"QoS policy"_s,
                    { { u"views"_s, u"qos_policy_id"_s }, { u"volumes"_s, u"qos_policy_id"_s } });
            } });
}

} // namespace NeoCloud
