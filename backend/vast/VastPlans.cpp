// QJsonObject initializer lists need QString values, not QStringBuilder expressions.
#undef QT_USE_QSTRINGBUILDER

#include "VastPlans.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QUrl>

namespace NeoCloud::Vast {
namespace {

using Json = QJsonObject;

// The topics of a Kafka view live in this schema of its database (VAST's convention).
const QString topicSchema = QStringLiteral("kafka_topics");

QString ref(const QString &step, const QString &field = QStringLiteral("id"))
{
    return QStringLiteral("{{%1.%2}}").arg(step, field);
}

// A query string whose values may hold {{step.field}} placeholders: the braces stay as they are
// so the engine can resolve them before the call; everything else is percent-encoded.
QString query(std::initializer_list<std::pair<QString, QString>> items)
{
    QStringList parts;
    for (const auto &[key, value] : items)
        parts << key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value, "{}"));
    return parts.join(u'&');
}

// A named object made by POST to `collection`; found again by `lookup`; removed by DELETE.
ProviderStep createStep(const QString &id, const QString &title, const QString &collection, const Json &body,
                        const QString &lookupQuery)
{
    ProviderStep step;
    step.id = id;
    step.title = title;
    step.call = {QStringLiteral("POST"), collection, body};
    step.lookup = collection + u'?' + lookupQuery;
    step.undo = {QStringLiteral("DELETE"), collection + QStringLiteral("{{self.id}}/"), QJsonValue(QJsonValue::Undefined)};
    return step;
}

ProviderStep patchStep(const QString &id, const QString &title, const QString &path, const Json &body, const Json &undoBody)
{
    ProviderStep step;
    step.id = id;
    step.title = title;
    step.call = {QStringLiteral("PATCH"), path, body};
    step.undo = {QStringLiteral("PATCH"), path, undoBody};
    return step;
}

// First and last IPv4 address of a CIDR, as VAST's [start, end] ranges want them.
QJsonArray rangeOf(const QString &cidr)
{
    const auto [network, prefix] = QHostAddress::parseSubnet(cidr);
    const quint32 base = network.toIPv4Address();
    const quint32 size = prefix >= 32 ? 1u : (1u << (32 - prefix));
    return {QHostAddress(base).toString(), QHostAddress(base + size - 1).toString()};
}

int prefixOf(const QString &cidr) { return QHostAddress::parseSubnet(cidr).second; }

QString tenantRoot(const Tenant &t) { return u'/' + t.name; }

// A view policy for one service; `extra` carries flavor and export rules.
ProviderStep policyStep(const ProvisionContext &c, const QString &name, Json extra)
{
    extra.insert(QStringLiteral("name"), name);
    extra.insert(QStringLiteral("tenant_id"), ref(QStringLiteral("tenant")));
    return createStep(c.prefix + QStringLiteral("policy"), QStringLiteral("Create view policy %1").arg(name),
                      QStringLiteral("/viewpolicies/"), extra, query({{QStringLiteral("name"), name}}));
}

ProviderStep viewStep(const ProvisionContext &c, const QString &name, const QString &path, const QJsonArray &protocols,
                      Json extra)
{
    extra.insert(QStringLiteral("name"), name);
    extra.insert(QStringLiteral("path"), path);
    extra.insert(QStringLiteral("protocols"), protocols);
    extra.insert(QStringLiteral("policy_id"), ref(c.prefix + QStringLiteral("policy")));
    extra.insert(QStringLiteral("tenant_id"), ref(QStringLiteral("tenant")));
    extra.insert(QStringLiteral("create_dir"), true);
    QStringList names;
    for (const QJsonValue &p : protocols)
        names << p.toString();
    return createStep(c.prefix + QStringLiteral("view"),
                      QStringLiteral("Create %1 view %2").arg(names.join(u'+'), path), QStringLiteral("/views/"), extra,
                      query({{QStringLiteral("name"), name}, {QStringLiteral("tenant_id"), ref(QStringLiteral("tenant"))}}));
}

// A bucket view (S3, DATABASE, KAFKA) owned by the tenant's owner user.
Json bucketFields(const Tenant &t, const QString &bucket)
{
    return {{QStringLiteral("bucket"), bucket}, {QStringLiteral("bucket_owner"), ownerUser(t)}};
}

bool hasLive(const ProvisionContext &c, const QString &kind, const std::function<bool(const QJsonObject &)> &match = {})
{
    for (const Service &s : c.services)
        if (s.kind == kind && (!match || match(s.params)))
            return true;
    return false;
}

Error refused(const QString &message, const QString &field)
{
    return {ErrorKind::Unprocessable, QStringLiteral("plan_refused"), message, field};
}

QList<ProviderStep> objectStorage(const ProvisionContext &c, const QJsonObject &p)
{
    const Tenant &t = c.tenant;
    const QString bucket = p.value(QStringLiteral("bucket")).toString();
    const QString name = t.name + u'-' + bucket;
    const QString path = tenantRoot(t) + QStringLiteral("/s3/") + bucket;
    Json view = bucketFields(t, bucket);
    if (p.value(QStringLiteral("versioning")).toBool())
        view.insert(QStringLiteral("s3_versioning"), true);
    // VAST requires object locking wherever versioning is on.
    if (p.value(QStringLiteral("objectLock")).toBool() || p.value(QStringLiteral("versioning")).toBool())
        view.insert(QStringLiteral("locking"), true);
    QList<ProviderStep> steps{
        policyStep(c, name, {{QStringLiteral("flavor"), QStringLiteral("S3_NATIVE")}}),
        viewStep(c, name, path, {QStringLiteral("S3")}, view),
    };
    const qint64 quota = p.value(QStringLiteral("quotaBytes")).toInteger();
    if (quota > 0)
        steps << createStep(c.prefix + QStringLiteral("quota"), QStringLiteral("Set a %1-byte quota on %2").arg(quota).arg(path),
                            QStringLiteral("/quotas/"),
                            {{QStringLiteral("name"), name}, {QStringLiteral("path"), path},
                             {QStringLiteral("hard_limit"), quota}, {QStringLiteral("tenant_id"), ref(QStringLiteral("tenant"))}},
                            query({{QStringLiteral("name"), name}}));
    return steps;
}

QList<ProviderStep> fileStorage(const ProvisionContext &c, const QJsonObject &p)
{
    const Tenant &t = c.tenant;
    const QString sub = p.value(QStringLiteral("path")).toString();
    const QString path = tenantRoot(t) + (sub == QLatin1String("/") ? QString() : sub);
    const QString name = t.name + QStringLiteral("-fs") + QString(sub).replace(u'/', u'-');
    const QJsonArray protocols = p.value(QStringLiteral("protocols")).toArray();
    const bool nfs = protocols.contains(QStringLiteral("NFS"));
    const bool smb = protocols.contains(QStringLiteral("SMB"));
    QJsonArray readWrite, readOnly, rootSquash;
    for (const QJsonValue &rule : p.value(QStringLiteral("exportRules")).toArray()) {
        const QJsonObject r = rule.toObject();
        const QString clients = r.value(QStringLiteral("clients")).toString();
        (r.value(QStringLiteral("access")).toString() == QLatin1String("rw") ? readWrite : readOnly).append(clients);
        if (r.value(QStringLiteral("rootSquash")).toBool(true))
            rootSquash.append(clients);
    }
    Json policy{{QStringLiteral("flavor"), nfs && smb ? QStringLiteral("MIXED_LAST_WINS") : smb ? QStringLiteral("SMB")
                                                                                                : QStringLiteral("NFS")}};
    if (nfs) {
        policy.insert(QStringLiteral("nfs_read_write"), readWrite);
        policy.insert(QStringLiteral("nfs_read_only"), readOnly);
        policy.insert(QStringLiteral("nfs_root_squash"), rootSquash);
    }
    Json view;
    if (smb)
        view.insert(QStringLiteral("share"), name);
    return {policyStep(c, name, policy), viewStep(c, name, path, protocols, view)};
}

QList<ProviderStep> blockStorage(const ProvisionContext &c, const QJsonObject &p)
{
    const Tenant &t = c.tenant;
    const QString name = t.name + QStringLiteral("-block");
    QList<ProviderStep> steps{
        policyStep(c, name, {}),
        viewStep(c, name, tenantRoot(t) + QStringLiteral("/block"), {QStringLiteral("BLOCK")},
                 {{QStringLiteral("is_default_subsystem"), true}}),
    };
    QJsonArray hostIds;
    const QJsonArray nqns = p.value(QStringLiteral("hostNqns")).toArray();
    for (int i = 0; i < nqns.size(); ++i) {
        const QString id = c.prefix + QStringLiteral("host-%1").arg(i);
        const QString host = t.name + QStringLiteral("-host-%1").arg(i);
        steps << createStep(id, QStringLiteral("Register block host %1").arg(nqns[i].toString()), QStringLiteral("/blockhosts/"),
                            {{QStringLiteral("tenant_id"), ref(QStringLiteral("tenant"))}, {QStringLiteral("name"), host},
                             {QStringLiteral("nqn"), nqns[i]}},
                            query({{QStringLiteral("name"), host}, {QStringLiteral("tenant_id"), ref(QStringLiteral("tenant"))}}));
        hostIds.append(ref(id));
    }
    for (const QJsonValue &v : p.value(QStringLiteral("volumes")).toArray()) {
        const QJsonObject volume = v.toObject();
        const QString volumeName = volume.value(QStringLiteral("name")).toString();
        const QString id = c.prefix + QStringLiteral("volume:") + volumeName;
        steps << createStep(id, QStringLiteral("Create volume %1").arg(volumeName), QStringLiteral("/volumes/"),
                            {{QStringLiteral("view_id"), ref(c.prefix + QStringLiteral("view"))}, {QStringLiteral("name"), volumeName},
                             {QStringLiteral("size"), volume.value(QStringLiteral("sizeBytes"))}},
                            query({{QStringLiteral("name"), volumeName}, {QStringLiteral("view_id"), ref(c.prefix + QStringLiteral("view"))}}));
        if (!hostIds.isEmpty())
            steps << patchStep(c.prefix + QStringLiteral("map:") + volumeName,
                               QStringLiteral("Map volume %1 to %2 host(s)").arg(volumeName).arg(hostIds.size()),
                               QStringLiteral("/volumes/%1/set_hosts").arg(ref(id)), {{QStringLiteral("ids"), hostIds}},
                               {{QStringLiteral("ids"), QJsonArray()}});
    }
    return steps;
}

Result<QList<ProviderStep>> eventStreaming(const ProvisionContext &c, const QJsonObject &p)
{
    const Tenant &t = c.tenant;
    if (hasLive(c, QStringLiteral("event-streaming")))
        return Error::conflict(QStringLiteral("already_enabled"),
                               QStringLiteral("Tenant %1 already has event streaming; add topics to that service instead.").arg(t.name));
    const QString bucket = eventsBucket(t);
    Json view = bucketFields(t, bucket);
    view.insert(QStringLiteral("kafka_vip_pools"), QJsonArray{ref(QStringLiteral("vippool"))});
    QList<ProviderStep> steps{policyStep(c, bucket, {}),
                              viewStep(c, bucket, tenantRoot(t) + QStringLiteral("/kafka"), {QStringLiteral("KAFKA")}, view)};
    for (const QJsonValue &v : p.value(QStringLiteral("topics")).toArray()) {
        const QJsonObject topic = v.toObject();
        const QString name = topic.value(QStringLiteral("name")).toString();
        ProviderStep step;
        step.id = c.prefix + QStringLiteral("topic:") + name;
        step.title = QStringLiteral("Create topic %1").arg(name);
        step.call = {QStringLiteral("POST"), QStringLiteral("/topics/"),
                     Json{{QStringLiteral("database_name"), bucket}, {QStringLiteral("name"), name},
                          {QStringLiteral("topic_partitions"), topic.value(QStringLiteral("partitions")).toInt(8)},
                          {QStringLiteral("retention_ms"),
                           qint64(topic.value(QStringLiteral("retentionHours")).toInt(168)) * 3600 * 1000}}};
        step.lookup = QStringLiteral("/topics/?") + query({{QStringLiteral("database_name"), bucket}, {QStringLiteral("name"), name}});
        step.undo = {QStringLiteral("DELETE"), QStringLiteral("/topics/delete/"),
                     Json{{QStringLiteral("database_name"), bucket}, {QStringLiteral("schema_name"), topicSchema},
                          {QStringLiteral("name"), name}}};
        steps << step;
    }
    return steps;
}

QList<ProviderStep> database(const ProvisionContext &c, const QJsonObject &p)
{
    const Tenant &t = c.tenant;
    const QString bucket = p.value(QStringLiteral("bucket")).toString();
    QList<ProviderStep> steps{policyStep(c, t.name + u'-' + bucket, {}),
                              viewStep(c, t.name + u'-' + bucket, tenantRoot(t) + QStringLiteral("/db/") + bucket,
                                       {QStringLiteral("DATABASE"), QStringLiteral("S3")}, bucketFields(t, bucket))};
    for (const QJsonValue &v : p.value(QStringLiteral("schemas")).toArray()) {
        const QString name = v.toString();
        const Json body{{QStringLiteral("database_name"), bucket}, {QStringLiteral("name"), name},
                        {QStringLiteral("tenant_id"), ref(QStringLiteral("tenant"))}};
        ProviderStep step;
        step.id = c.prefix + QStringLiteral("schema:") + name;
        step.title = QStringLiteral("Create schema %1.%2").arg(bucket, name);
        step.call = {QStringLiteral("POST"), QStringLiteral("/schemas/"), body};
        step.lookup = QStringLiteral("/schemas/?") + query({{QStringLiteral("database_name"), bucket}, {QStringLiteral("schema_name"), name}});
        step.undo = {QStringLiteral("DELETE"), QStringLiteral("/schemas/delete/"), body};
        steps << step;
    }
    return steps;
}

Result<QList<ProviderStep>> functions(const ProvisionContext &c, const QJsonObject &p)
{
    const Tenant &t = c.tenant;
    if (hasLive(c, QStringLiteral("functions")))
        return Error::conflict(QStringLiteral("already_enabled"),
                               QStringLiteral("Tenant %1 already has functions; add functions to that service instead.").arg(t.name));
    const QString tenantPath = QStringLiteral("/tenants/%1/").arg(ref(QStringLiteral("tenant")));
    QList<ProviderStep> steps{patchStep(c.prefix + QStringLiteral("engine"), QStringLiteral("Switch on DataEngine for %1").arg(t.name),
                                        tenantPath, {{QStringLiteral("data_engine_role_enabled"), true}},
                                        {{QStringLiteral("data_engine_role_enabled"), false}})};
    const QJsonArray list = p.value(QStringLiteral("functions")).toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject fn = list[i].toObject();
        const QString name = fn.value(QStringLiteral("name")).toString();
        const QJsonObject trigger = fn.value(QStringLiteral("trigger")).toObject();
        const QString source = trigger.value(QStringLiteral("source")).toString();
        const QString field = QStringLiteral("params.functions[%1].trigger.source").arg(i);
        if (trigger.value(QStringLiteral("kind")).toString() == QLatin1String("topic")) {
            const bool known = hasLive(c, QStringLiteral("event-streaming"), [&](const QJsonObject &params) {
                for (const QJsonValue &topic : params.value(QStringLiteral("topics")).toArray())
                    if (topic.toObject().value(QStringLiteral("name")).toString() == source)
                        return true;
                return false;
            });
            if (!known)
                return refused(QStringLiteral("Function %1 is triggered by topic '%2', which no event-streaming service of %3 has.")
                                   .arg(name, source, t.name), field);
            continue; // the function consumes the topic; nothing changes on the cluster
        }
        const bool known = hasLive(c, QStringLiteral("object-storage"), [&](const QJsonObject &params) {
            return params.value(QStringLiteral("bucket")).toString() == source;
        });
        if (!known)
            return refused(QStringLiteral("Function %1 is triggered by bucket '%2', which no object-storage service of %3 has.")
                               .arg(name, source, t.name), field);
        // The bucket's view is found on the cluster, so it may come from an earlier job.
        ProviderStep find;
        find.id = c.prefix + QStringLiteral("bucket:") + name;
        find.title = QStringLiteral("Find the view of bucket %1").arg(source);
        find.call = {QStringLiteral("GET"), QStringLiteral("/views/?") + query({{QStringLiteral("bucket"), source},
                                                                                 {QStringLiteral("tenant_id"), ref(QStringLiteral("tenant"))}}),
                     QJsonValue(QJsonValue::Undefined)};
        steps << find;
        const QJsonObject notification{{QStringLiteral("name"), name},
                                       {QStringLiteral("topic"), QStringLiteral("fn-") + name},
                                       {QStringLiteral("triggers"), QJsonArray{QStringLiteral("S3_OBJECT_CREATED_ALL")}}};
        steps << patchStep(c.prefix + QStringLiteral("notify:") + name,
                           QStringLiteral("Notify function %1 of new objects in %2").arg(name, source),
                           QStringLiteral("/views/%1/").arg(ref(find.id)),
                           {{QStringLiteral("event_notifications"), QJsonArray{notification}}},
                           {{QStringLiteral("event_notifications"), QJsonArray()}});
    }
    return steps;
}

QList<ProviderStep> telemetry(const ProvisionContext &c, const QJsonObject &p)
{
    const Tenant &t = c.tenant;
    const QString bucket = metricsBucket(t);
    const qint64 retention = qint64(p.value(QStringLiteral("retentionDays")).toInt(30)) * 86400;
    return {policyStep(c, bucket, {}),
            viewStep(c, bucket, tenantRoot(t) + QStringLiteral("/metrics"), {QStringLiteral("DATABASE"), QStringLiteral("S3")},
                     bucketFields(t, bucket)),
            patchStep(c.prefix + QStringLiteral("metrics"), QStringLiteral("Collect client metrics of %1 into %2").arg(t.name, bucket),
                      QStringLiteral("/tenants/%1/client_metrics/").arg(ref(QStringLiteral("tenant"))),
                      {{QStringLiteral("config"), Json{{QStringLiteral("enabled"), true}, {QStringLiteral("bucket_name"), bucket},
                                                       {QStringLiteral("bucket_owner"), ownerUser(t)},
                                                       {QStringLiteral("retention_time_sec"), retention}}}},
                      {{QStringLiteral("config"), Json{{QStringLiteral("enabled"), false}}}})};
}

} // namespace

QString ownerUser(const Tenant &tenant) { return tenant.name + QStringLiteral("-owner"); }
QString vipPool(const Tenant &tenant) { return tenant.name + QStringLiteral("-vip"); }
QString eventsBucket(const Tenant &tenant) { return tenant.name + QStringLiteral("-events"); }
QString metricsBucket(const Tenant &tenant) { return tenant.name + QStringLiteral("-metrics"); }
QString encryptionGroup(const Tenant &tenant) { return tenant.name + QStringLiteral("-cmk"); }

Result<QList<ProviderStep>> planFoundation(const ProvisionContext &context)
{
    const Tenant &t = context.tenant;
    const TenantNetwork &n = t.network;
    QJsonArray clientRanges;
    for (const QString &cidr : n.allowedClients)
        clientRanges.append(rangeOf(cidr));
    Json tenant{{QStringLiteral("name"), t.name}, {QStringLiteral("client_ip_ranges"), clientRanges}};
    if (t.encryption.state != QLatin1String("none"))
        tenant.insert(QStringLiteral("encryption_group"), encryptionGroup(t));
    if (t.quotas.capacityBytes > 0)
        tenant.insert(QStringLiteral("capacity_rules"), Json{{QStringLiteral("hard_limit"), t.quotas.capacityBytes}});
    QList<ProviderStep> steps{
        createStep(QStringLiteral("tenant"), QStringLiteral("Create tenant %1").arg(t.name), QStringLiteral("/tenants/"), tenant,
                   query({{QStringLiteral("name"), t.name}})),
        createStep(QStringLiteral("vippool"), QStringLiteral("Create VIP pool %1-%2 on VLAN %3").arg(n.vipFrom, n.vipTo).arg(n.vlan),
                   QStringLiteral("/vippools/"),
                   {{QStringLiteral("name"), vipPool(t)},
                    {QStringLiteral("ip_ranges"), QJsonArray{QJsonArray{n.vipFrom, n.vipTo}}},
                    {QStringLiteral("subnet_cidr"), prefixOf(n.subnet)},
                    {QStringLiteral("vlan"), n.vlan},
                    {QStringLiteral("role"), QStringLiteral("PROTOCOLS")},
                    {QStringLiteral("tenant_id"), ref(QStringLiteral("tenant"))}},
                   query({{QStringLiteral("name"), vipPool(t)}})),
        createStep(QStringLiteral("owner"), QStringLiteral("Create bucket owner %1").arg(ownerUser(t)), QStringLiteral("/users/"),
                   {{QStringLiteral("name"), ownerUser(t)},
                    {QStringLiteral("local_provider_id"), ref(QStringLiteral("tenant"), QStringLiteral("local_provider_id"))},
                    {QStringLiteral("allow_create_bucket"), true}},
                   query({{QStringLiteral("name"), ownerUser(t)}})),
    };
    if (t.quotas.bandwidthMBps > 0 || t.quotas.iops > 0) {
        Json limits;
        if (t.quotas.bandwidthMBps > 0)
            limits.insert(QStringLiteral("max_bw_mbps"), t.quotas.bandwidthMBps);
        if (t.quotas.iops > 0)
            limits.insert(QStringLiteral("max_iops"), t.quotas.iops);
        const QString limitBy = t.quotas.bandwidthMBps > 0 && t.quotas.iops > 0 ? QStringLiteral("BW_IOPS")
                                : t.quotas.bandwidthMBps > 0                   ? QStringLiteral("BW")
                                                                               : QStringLiteral("IOPS");
        steps << createStep(QStringLiteral("qos"), QStringLiteral("Create QoS policy %1-qos (%2)").arg(t.name, limitBy),
                            QStringLiteral("/qospolicies/"),
                            {{QStringLiteral("name"), t.name + QStringLiteral("-qos")},
                             {QStringLiteral("mode"), QStringLiteral("STATIC")},
                             {QStringLiteral("limit_by"), limitBy},
                             {QStringLiteral("use_total_limits"), true},
                             {QStringLiteral("static_total_limits"), limits},
                             {QStringLiteral("tenant_id"), ref(QStringLiteral("tenant"))}},
                            query({{QStringLiteral("name"), t.name + QStringLiteral("-qos")}}));
    }
    for (ProviderStep &step : steps)
        step.shared = true;
    return steps;
}

Result<QList<ProviderStep>> planKind(const ProvisionContext &context, const QString &kind, const QJsonObject &params)
{
    if (kind == QLatin1String("object-storage"))
        return objectStorage(context, params);
    if (kind == QLatin1String("file-storage"))
        return fileStorage(context, params);
    if (kind == QLatin1String("block-storage"))
        return blockStorage(context, params);
    if (kind == QLatin1String("event-streaming"))
        return eventStreaming(context, params);
    if (kind == QLatin1String("database"))
        return database(context, params);
    if (kind == QLatin1String("functions"))
        return functions(context, params);
    if (kind == QLatin1String("telemetry"))
        return telemetry(context, params);
    return Error::badInput(QStringLiteral("unknown_kind"), QStringLiteral("VAST has no plan for kind '%1'.").arg(kind),
                           QStringLiteral("kind"));
}

QJsonObject endpointsFor(const ProvisionContext &context, const QString &kind, const QJsonObject &params)
{
    const Tenant &t = context.tenant;
    const QString vip = t.network.vipFrom;
    if (kind == QLatin1String("object-storage"))
        return {{QStringLiteral("s3"), QStringLiteral("http://%1").arg(vip)}, {QStringLiteral("bucket"), params.value(QStringLiteral("bucket"))}};
    if (kind == QLatin1String("file-storage")) {
        const QString sub = params.value(QStringLiteral("path")).toString();
        const QString path = tenantRoot(t) + (sub == QLatin1String("/") ? QString() : sub);
        QJsonObject out;
        const QJsonArray protocols = params.value(QStringLiteral("protocols")).toArray();
        if (protocols.contains(QStringLiteral("NFS")))
            out.insert(QStringLiteral("nfs"), vip + u':' + path);
        if (protocols.contains(QStringLiteral("SMB")))
            out.insert(QStringLiteral("smb"), QStringLiteral("\\\\%1\\%2").arg(vip, t.name + QStringLiteral("-fs") + QString(sub).replace(u'/', u'-')));
        return out;
    }
    if (kind == QLatin1String("block-storage"))
        return {{QStringLiteral("nvmeTcp"), vip + QStringLiteral(":4420")}, {QStringLiteral("subsystem"), t.name + QStringLiteral("-block")}};
    if (kind == QLatin1String("event-streaming"))
        return {{QStringLiteral("kafkaBootstrap"), vip + QStringLiteral(":9092")}, {QStringLiteral("database"), eventsBucket(t)}};
    if (kind == QLatin1String("database")) {
        const QString bucket = params.value(QStringLiteral("bucket")).toString();
        return {{QStringLiteral("endpoint"), QStringLiteral("http://%1").arg(vip)},
                {QStringLiteral("bucket"), bucket},
                {QStringLiteral("trino"), QStringLiteral("connector.name=vast, endpoint=http://%1, catalog bucket %2").arg(vip, bucket)},
                {QStringLiteral("spark"), QStringLiteral("spark.ndb.endpoint=http://%1").arg(vip)}};
    }
    if (kind == QLatin1String("functions"))
        return {{QStringLiteral("functions"), params.value(QStringLiteral("functions"))}};
    if (kind == QLatin1String("telemetry"))
        return {{QStringLiteral("metricsDatabase"), metricsBucket(t)}, {QStringLiteral("endpoint"), QStringLiteral("http://%1").arg(vip)}};
    return {};
}

} // namespace NeoCloud::Vast
