// Kafka topics and database schemas, which live in a view's bucket (a KAFKA or DATABASE view);
// Kafka brokers; block volumes on BLOCK views and the hosts they are mapped to.

#include "VmsCollections.h"
#include "VmsRules.h"
#include "VmsTasks.h"

#include <QUuid>

namespace NeoCloud {

using namespace Qt::StringLiterals;

namespace {

// The view whose bucket is `database` and that serves `protocol`; or the refusal.
std::variant<VmsObject, VmsLabReply> bucketView(const VmsCollections &c, const QJsonValue &database,
                                                const QString &protocol)
{
    const QList<VmsObject> views = c.where(u"views"_s, u"bucket"_s, database);
    if (views.isEmpty())
        return VmsLabReply::field(u"database_name"_s,
                                  u"No view has the bucket '%1'."_s.arg(database.toString()));
    if (!views.constFirst().body.value(u"protocols"_s).toArray().contains(protocol))
        return VmsLabReply::field(
            u"database_name"_s,
            u"The view of bucket '%1' does not serve %2."_s.arg(database.toString(), protocol));
    return views.constFirst();
}

std::optional<VmsObject> named(const VmsCollections &c, const QString &collection,
                               const QJsonObject &input)
{
    for (const VmsObject &o :
         c.where(collection, u"database_name"_s, input.value(u"database_name"_s)))
        if (o.body.value(u"name"_s) == input.value(u"name"_s))
            return o;
    return std::nullopt;
}

// Topics and schemas: POST creates (201, no body), the list filters on the view's tenant too,
// DELETE /<name>/delete/ takes the object's names in its body.
void addBucketObjects(VmsCollections &c, const QString &collection, const QString &schemaRef,
                      const QString &protocol)
{
    c.add({ collection,
            schemaRef,
            collection.chopped(1),
            true,
            false,
            [&c, protocol](VmsContext &, VmsDraft &d) -> VmsRefusal {
                auto view = bucketView(c, d.body.value(u"database_name"_s), protocol);
                if (auto *refusal = std::get_if<VmsLabReply>(&view))
                    return *refusal;
                if (d.input.contains(u"topic_partitions"_s)
                    && d.input.value(u"topic_partitions"_s).toInt() < 1)
                    return VmsLabReply::field(u"topic_partitions"_s,
                                              u"A topic needs at least one partition."_s);
                // What the listing does not show but the lab remembers.
                for (auto it = d.input.begin(); it != d.input.end(); ++it)
                    if (!d.body.contains(it.key()))
                        d.hidden.insert(it.key(), it.value());
                d.hidden.insert(u"tenant_id"_s,
                                std::get<VmsObject>(view).body.value(u"tenant_id"_s));
                return std::nullopt;
            },
            [collection](const VmsObject &o) {
                return QList<VmsUniqueKey> {
                    { u"%1:%2:%3"_s.arg(collection, o.body.value(u"database_name"_s).toString(),
                                        o.body.value(u"name"_s).toString()),
                      u"'%1' already exists in '%2'."_s.arg(
                          o.body.value(u"name"_s).toString(),
                          o.body.value(u"database_name"_s).toString()) }
                };
            },
            {},
            {} });
    const QString path = u"/%1/"_s.arg(collection);
    c.routes().insert(routeKey(u"POST"_s, path),
                      [&c, collection](const VmsLabRequest &r) { return c.create(collection, r); });
    c.routes().insert(routeKey(u"GET"_s, path), [&c, collection](const VmsLabRequest &r) {
        QList<QJsonObject> items;
        const QString tenant = r.query.queryItemValue(u"tenant_id"_s);
        // VMS lists schemas "by schema_name" too: the schema's own name (nesting is not modelled).
        const QString schema = r.query.queryItemValue(u"schema_name"_s, QUrl::FullyDecoded);
        const QString schemaPrefix
            = r.query.queryItemValue(u"schema_name__startswith"_s, QUrl::FullyDecoded);
        for (const VmsObject &o : c.context().store.all(collection)) {
            const QString name = o.body.value(u"name"_s).toString();
            if ((tenant.isEmpty()
                 || QString::number(o.hidden.value(u"tenant_id"_s).toInt()) == tenant)
                && (schema.isEmpty() || collection != u"schemas"_s || name == schema)
                && (schemaPrefix.isEmpty() || collection != u"schemas"_s
                    || name.startsWith(schemaPrefix)))
                items << c.render(collection, o);
        }
        return listReply(c.context().spec, r, items, c.schema(collection));
    });
    c.routes().insert(routeKey(u"DELETE"_s, path + u"delete/"_s),
                      [&c, collection](const VmsLabRequest &r) {
                          const std::optional<VmsObject> found = named(c, collection, r.input());
                          if (!found)
                              return VmsLabReply::notFound();
                          if (Status s = c.context().store.remove(collection, found->id); !s)
                              return VmsLabReply::detail(503, s.error().message);
                          return VmsLabReply::empty(204);
                      });
}

// ---- volumes and block hosts ----

QList<int> hostIds(const VmsObject &volume)
{
    QList<int> ids;
    for (const QJsonValue &id : volume.hidden.value(u"host_ids"_s).toArray())
        ids << id.toInt();
    return ids;
}

VmsRefusal prepareVolume(VmsCollections &c, VmsDraft &v)
{
    const auto view = c.find(u"views"_s, v.body.value(u"view_id"_s).toInt());
    if (!view)
        return invalidPk(u"view_id"_s, v.body.value(u"view_id"_s));
    if (!view->body.value(u"protocols"_s).toArray().contains(u"BLOCK"_s))
        return VmsLabReply::field(
            u"view_id"_s,
            u"View %1 does not serve BLOCK."_s.arg(view->body.value(u"path"_s).toString()));
    if (v.body.value(u"size"_s).toInteger() < 1)
        return VmsLabReply::field(u"size"_s, u"A volume's size is at least one byte."_s);
    if (VmsRefusal r = requireRef(c, v, u"qos_policy_id"_s, u"qospolicies"_s))
        return r;
    for (const VmsObject &other : c.where(u"volumes"_s, u"view_id"_s, view->id))
        if (other.id != v.id && other.body.value(u"name"_s) == v.body.value(u"name"_s))
            return VmsLabReply::detail(
                409,
                u"View %1 already has a volume named '%2'."_s.arg(
                    view->body.value(u"path"_s).toString(), v.body.value(u"name"_s).toString()));
    v.body.insert(u"full_path"_s,
                  QString(view->body.value(u"path"_s).toString() + u"/"_s
                          + v.body.value(u"name"_s).toString()));
    v.body.insert(u"capacity"_s, v.body.value(u"size"_s));
    if (!v.existing) {
        int namespaceId = 0;
        for (const VmsObject &other : c.where(u"volumes"_s, u"view_id"_s, view->id))
            namespaceId = qMax(namespaceId, other.body.value(u"namespace_id"_s).toInt());
        v.body.insert(u"namespace_id"_s, namespaceId + 1);
        v.body.insert(u"uuid"_s, newGuid());
        v.body.insert(u"nguid"_s, QString::fromLatin1(QUuid::createUuid().toRfc4122().toHex()));
        v.body.insert(u"state"_s, u"CREATED"_s);
        v.hidden.insert(u"host_ids"_s, QJsonArray());
    }
    return std::nullopt;
}

QString preview(const VmsCollections &c, const QString &collection, const QList<int> &ids)
{
    QStringList names;
    for (int id : ids)
        if (const auto o = c.find(collection, id))
            names << o->body.value(u"name"_s).toString();
    return names.join(u", "_s);
}

void deriveVolume(const VmsCollections &c, const VmsObject &v, QJsonObject &out)
{
    const QList<int> hosts = hostIds(v);
    out.insert(u"mapped_block_host_count"_s, int(hosts.size()));
    out.insert(u"mapped_block_hosts_preview"_s, preview(c, u"blockhosts"_s, hosts));
    if (const auto qos = c.find(u"qospolicies"_s, v.body.value(u"qos_policy_id"_s).toInt()))
        out.insert(u"qos_policy"_s,
                   QJsonObject { { u"id"_s, qos->id }, { u"name"_s, qos->body.value(u"name"_s) } });
    if (const auto view = c.find(u"views"_s, v.body.value(u"view_id"_s).toInt()))
        if (const auto tenant = c.find(u"tenants"_s, view->body.value(u"tenant_id"_s).toInt()))
            out.insert(u"tenant_name"_s, tenant->body.value(u"name"_s));
}

QList<int> volumesOf(const VmsCollections &c, int hostId)
{
    QList<int> ids;
    for (const VmsObject &v : c.context().store.all(u"volumes"_s))
        if (hostIds(v).contains(hostId))
            ids << v.id;
    return ids;
}

// PATCH /volumes/{id}/set_hosts {"ids": [...]}: maps the volume to exactly these hosts once its
// task completes.
VmsLabReply setHosts(VmsCollections &c, const VmsLabRequest &r)
{
    const auto volume = c.find(u"volumes"_s, r.id());
    if (!volume)
        return VmsLabReply::notFound();
    const auto view = c.find(u"views"_s, volume->body.value(u"view_id"_s).toInt());
    const QJsonArray ids = r.input().value(u"ids"_s).toArray();
    for (const QJsonValue &id : ids) {
        const auto host = c.find(u"blockhosts"_s, id.toInt());
        if (!host)
            return invalidPk(u"ids"_s, id);
        const QJsonValue tenant = view ? view->body.value(u"tenant_id"_s) : QJsonValue();
        if (tenant.isDouble() && host->body.value(u"tenant_id"_s) != tenant)
            return VmsLabReply::field(
                u"ids"_s,
                u"Block host '%1' belongs to another tenant than the volume."_s.arg(
                    host->body.value(u"name"_s).toString()));
    }
    const Result<QJsonObject> task = c.context().tasks.start(
        u"Set hosts of volume %1"_s.arg(volume->body.value(u"name"_s).toString()),
        { { u"op"_s, u"set_hosts"_s }, { u"volume"_s, volume->id }, { u"ids"_s, ids } });
    if (!task)
        return VmsLabReply::detail(503, task.error().message);
    return VmsLabReply::json(QJsonObject { { u"async_task"_s, *task } });
}

VmsLabReply deleteVolume(VmsCollections &c, const VmsLabRequest &r)
{
    std::optional<VmsObject> volume = c.find(u"volumes"_s, r.id());
    if (!volume)
        return VmsLabReply::notFound();
    if (!hostIds(*volume).isEmpty() && r.query.queryItemValue(u"force_unmap"_s) != u"true"_s)
        return VmsLabReply::detail(
            409,
            u"Volume '%1' is mapped to %2; unmap it first or pass force_unmap=true."_s.arg(
                volume->body.value(u"name"_s).toString(),
                preview(c, u"blockhosts"_s, hostIds(*volume))));
    return c.remove(u"volumes"_s, r);
}

VmsRefusal prepareBlockHost(VmsCollections &c, VmsDraft &h)
{
    if (VmsRefusal r = requireRef(c, h, u"tenant_id"_s, u"tenants"_s))
        return r;
    if (!h.body.value(u"nqn"_s).toString().startsWith(u"nqn."_s))
        return VmsLabReply::field(
            u"nqn"_s,
            u"'%1' is not an NVMe qualified name (nqn.yyyy-mm.reverse-domain:...)."_s.arg(
                h.body.value(u"nqn"_s).toString()));
    for (const VmsObject &other : c.context().store.all(u"blockhosts"_s)) {
        if (other.id == h.id)
            continue;
        if (other.body.value(u"nqn"_s) == h.body.value(u"nqn"_s))
            return VmsLabReply::detail(
                409,
                u"Block host '%1' already has the NQN %2."_s.arg(
                    other.body.value(u"name"_s).toString(), h.body.value(u"nqn"_s).toString()));
        if (other.body.value(u"name"_s) == h.body.value(u"name"_s)
            && other.body.value(u"tenant_id"_s) == h.body.value(u"tenant_id"_s))
            return VmsLabReply::detail(
                409,
                u"A block host named '%1' already exists in this tenant."_s.arg(
                    h.body.value(u"name"_s).toString()));
    }
    return std::nullopt;
}

VmsLabReply deleteBlockHost(VmsCollections &c, const VmsLabRequest &r)
{
    const QList<int> volumes = volumesOf(c, r.id());
    if (!volumes.isEmpty() && r.query.queryItemValue(u"force"_s) != u"true"_s)
        return VmsLabReply::detail(
            409,
            u"The block host is mapped to %1; unmap it first or pass force=true."_s.arg(
                preview(c, u"volumes"_s, volumes)));
    for (int id : volumes) {
        VmsObject volume = *c.find(u"volumes"_s, id);
        QJsonArray kept;
        for (int host : hostIds(volume))
            if (host != r.id())
                kept.append(host);
        volume.hidden.insert(u"host_ids"_s, kept);
        if (Status s = c.put(u"volumes"_s, volume); !s)
            return VmsLabReply::detail(503, s.error().message);
    }
    return c.remove(u"blockhosts"_s, r);
}

} // namespace

void addDataRules(VmsCollections &c)
{
    addBucketObjects(c, u"topics"_s, u"#/components/schemas/TabularTopicHierarchy"_s, u"KAFKA"_s);
    addBucketObjects(c, u"schemas"_s, u"#/components/schemas/Schema"_s, u"DATABASE"_s);

    c.add({ u"kafkabrokers"_s,
            u"#/components/schemas/KafkaBrokerConfig"_s,
            u"Kafka broker"_s,
            false,
            false,
            [&c](VmsContext &, VmsDraft &b) -> VmsRefusal {
                if (VmsRefusal r = requireRef(c, b, u"tenant_id"_s, u"tenants"_s))
                    return r;
                const QJsonArray addresses = b.body.value(u"addresses"_s).toArray();
                if (addresses.isEmpty())
                    return VmsLabReply::field(u"addresses"_s,
                                              u"A broker needs at least one address."_s);
                for (const QJsonValue &a : addresses)
                    if (a[u"host"_s].toString().isEmpty() || a[u"port"_s].toInt() < 1
                        || a[u"port"_s].toInt() > 65535)
                        return VmsLabReply::field(
                            u"addresses"_s,
                            u"Each address needs a host and a port from 1 to 65535."_s);
                return std::nullopt;
            },
            uniqueNames(u"kafkabrokers"_s, u"Kafka broker"_s),
            {},
            {} });

    c.add({ u"volumes"_s,
            u"#/components/schemas/Volume"_s,
            u"volume"_s,
            false,
            false,
            [&c](VmsContext &, VmsDraft &d) { return prepareVolume(c, d); },
            [](const VmsObject &o) {
                return QList<VmsUniqueKey> {
                    { u"volumes.name:%1:%2"_s.arg(o.body.value(u"view_id"_s).toInt())
                          .arg(o.body.value(u"name"_s).toString()),
                      u"That view already has a volume with that name."_s }
                };
            },
            [&c](const VmsContext &, const VmsObject &o, QJsonObject &out) {
                deriveVolume(c, o, out);
            },
            {} });
    c.routes().insert(routeKey(u"DELETE"_s, u"/volumes/{id}/"_s),
                      [&c](const VmsLabRequest &r) { return deleteVolume(c, r); });
    c.routes().insert(routeKey(u"PATCH"_s, u"/volumes/{id}/set_hosts"_s),
                      [&c](const VmsLabRequest &r) { return setHosts(c, r); });
    c.context().tasks.setPerformer(u"set_hosts"_s, [&c](const QJsonObject &action) {
        std::optional<VmsObject> volume = c.find(u"volumes"_s, action.value(u"volume"_s).toInt());
        if (!volume)
            return u"The volume is gone."_s;
        volume->hidden.insert(u"host_ids"_s, action.value(u"ids"_s));
        const Status s = c.put(u"volumes"_s, *volume);
        return s ? QString() : s.error().message;
    });

    c.add({ u"blockhosts"_s,
            u"#/components/schemas/BlockHost"_s,
            u"block host"_s,
            false,
            false,
            [&c](VmsContext &, VmsDraft &d) { return prepareBlockHost(c, d); },
            [](const VmsObject &o) {
                return QList<VmsUniqueKey> {
                    { u"blockhosts.nqn:"_s + o.body.value(u"nqn"_s).toString(),
                      u"A block host with that NQN already exists."_s },
                    { u"blockhosts.name:%1:%2"_s.arg(o.body.value(u"tenant_id"_s).toInt())
                          .arg(o.body.value(u"name"_s).toString()),
                      u"A block host with that name already exists in this tenant."_s }
                };
            },
            [&c](const VmsContext &, const VmsObject &o, QJsonObject &out) {
                const QList<int> volumes = volumesOf(c, o.id);
                out.insert(u"mapped_volume_count"_s, int(volumes.size()));
                out.insert(u"mapped_volumes_preview"_s, preview(c, u"volumes"_s, volumes));
            },
            {} });
    c.routes().insert(routeKey(u"DELETE"_s, u"/blockhosts/{id}/"_s), [&c](const VmsLabRequest &r) {
        return c.find(u"blockhosts"_s, r.id()) ? deleteBlockHost(c, r) : VmsLabReply::notFound();
    });
}

} // namespace NeoCloud
