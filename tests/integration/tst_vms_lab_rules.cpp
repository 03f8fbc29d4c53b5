// The demo lab's VMS double, collection by collection, over real sockets: the rules VMS applies
// (references, protocols, unique buckets and names, overlapping VIP ranges, directories), the
// objects and fields the spec declares, asynchronous deletes and mappings as VTasks, and the
// cluster computed from the lab definition. Every answer is held to the spec's response schema.

#include "../common/VmsLabHarness.h"

#include <QJsonArray>

using namespace NeoCloud;
using namespace NeoCloud::Testing;
using namespace Qt::StringLiterals;

class TestVmsLabRules : public QObject, public VmsLabHarness
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void tenantsWithEncryptionGroupsAndAsyncDelete()
    {
        const VmsAnswer created
            = post(u"/tenants/"_s,
                   { { u"name"_s, u"acme"_s },
                     { u"encryption_group"_s, u"eg-acme"_s },
                     { u"client_ip_ranges"_s,
                       QJsonArray { QJsonArray { u"10.1.0.1"_s, u"10.1.0.99"_s } } },
                     { u"qos"_s,
                       QJsonObject { { u"static_limits"_s,
                                       QJsonObject { { u"max_reads_bw_mbps"_s, 500 } } } } } });
        QCOMPARE(created.status, 201);
        const QJsonObject t = created.object();
        QVERIFY(t.value(u"local_provider_id"_s).toInt() > 0);
        QCOMPARE(t.value(u"local_provider"_s).toObject().value(u"name"_s).toString(),
                 u"acme-local"_s);
        QCOMPARE(get(u"/localproviders/"_s).array().first()[u"name"_s].toString(), u"acme-local"_s);
        QVERIFY(t.value(u"encryption_group_id"_s).toInt() > 0);
        QCOMPARE(t.value(u"encryption_group_state"_s).toString(), u"ACTIVE"_s);
        QCOMPARE(t.value(u"qos"_s)
                     .toObject()
                     .value(u"static_limits"_s)
                     .toObject()
                     .value(u"max_reads_bw_mbps"_s)
                     .toInt(),
                 500);
        QCOMPARE(t.value(u"url"_s).toString(),
                 lab().vmsUrl().toString() + u"/tenants/%1"_s.arg(created.id()));
        QCOMPARE(post(u"/tenants/"_s, { { u"name"_s, u"acme"_s } }).status, 409);
        QCOMPARE(post(u"/tenants/"_s,
                      { { u"name"_s, u"bad-ranges"_s },
                        { u"client_ip_ranges"_s,
                          QJsonArray { QJsonArray { u"10.1.0.9"_s, u"10.1.0.1"_s } } } })
                     .status,
                 400);

        // Pools serving the tenant show on it.
        made(post(u"/vippools/"_s,
                  { { u"name"_s, u"acme-pool"_s },
                    { u"subnet_cidr"_s, 24 },
                    { u"tenant_id"_s, created.id() },
                    { u"ip_ranges"_s,
                      QJsonArray { QJsonArray { u"172.16.0.10"_s, u"172.16.0.20"_s } } } }));
        const QJsonObject linked = get(u"/tenants/%1/"_s.arg(created.id())).object();
        QCOMPARE(linked.value(u"vippool_names"_s).toArray(), QJsonArray { u"acme-pool"_s });
        QCOMPARE(linked.value(u"vippools"_s).toArray().first()[u"name"_s].toString(),
                 u"acme-pool"_s);

        QCOMPARE(patch(u"/tenants/%1/"_s.arg(created.id()), { { u"max_views"_s, 10 } })
                     .object()
                     .value(u"max_views"_s)
                     .toInt(),
                 10);
        QCOMPARE(get(u"/encryptiongroups/"_s).array().first()[u"crn"_s].toString(), u"eg-acme"_s);
        QCOMPARE(post(u"/tenants/%1/rotate_encryption_group_key/"_s.arg(created.id()), {}).status,
                 204);
        QCOMPARE(post(u"/tenants/%1/revoke_encryption_group/"_s.arg(created.id()), {}).status, 204);
        QCOMPARE(get(u"/tenants/%1/"_s.arg(created.id()))
                     .object()
                     .value(u"encryption_group_state"_s)
                     .toString(),
                 u"REVOKED"_s);
        QCOMPARE(get(u"/encryptiongroups/"_s).array().first()[u"state"_s].toString(), u"REVOKED"_s);
        QCOMPARE(post(u"/tenants/%1/rotate_encryption_group_key/"_s.arg(created.id()), {}).status,
                 409);
        const int plain = tenant(u"plain"_s);
        const VmsAnswer noGroup = post(u"/tenants/%1/revoke_encryption_group/"_s.arg(plain), {});
        QCOMPARE(noGroup.status, 409);
        QVERIFY(noGroup.detail().contains(u"no encryption group"_s));

        // A tenant that still owns objects is not deleted; one that owns none goes with its task.
        QCOMPARE(call("DELETE", u"/tenants/%1/"_s.arg(created.id())).status, 409);
        const VmsAnswer removed = call("DELETE", u"/tenants/%1/"_s.arg(plain));
        QCOMPARE(removed.status, 200);
        const QJsonObject task = removed.object().value(u"async_task"_s).toObject();
        QCOMPARE(task.value(u"state"_s).toString(), u"RUNNING"_s);
        QCOMPARE(get(u"/tenants/%1/"_s.arg(plain)).status,
                 200); // still there while the task runs
        const QJsonObject done = waitForTask(task.value(u"id"_s).toInt());
        QCOMPARE(done.value(u"state"_s).toString(), u"COMPLETED"_s);
        QVERIFY(!done.value(u"end_time"_s).toString().isEmpty());
        QCOMPARE(get(u"/tenants/%1/"_s.arg(plain)).status, 404);
        QCOMPARE(get(u"/vtasks/"_s).array().size(), 1);
        // Made again under the same name, it takes up the local provider the first one left.
        const VmsAnswer again = post(u"/tenants/"_s, { { u"name"_s, u"plain"_s } });
        QCOMPARE(again.status, 201);
        QCOMPARE(again.object().value(u"local_provider"_s)[u"name"_s].toString(), u"plain-local"_s);
        QCOMPARE(get(u"/localproviders/?name=plain-local"_s).array().size(), 1);
    }

    void tenantClientMetrics()
    {
        const int t = tenant(u"metrics"_s);
        const VmsAnswer initial = get(u"/tenants/%1/client_metrics/"_s.arg(t));
        QCOMPARE(initial.object().value(u"config"_s).toObject().value(u"enabled"_s).toBool(),
                 false);
        QVERIFY(!initial.object().value(u"default_columns"_s).toArray().isEmpty());
        QCOMPARE(patch(u"/tenants/%1/client_metrics/"_s.arg(t),
                       { { u"config"_s, QJsonObject { { u"enabled"_s, true } } } })
                     .status,
                 400);
        const VmsAnswer enabled = patch(
            u"/tenants/%1/client_metrics/"_s.arg(t),
            { { u"config"_s,
                QJsonObject { { u"enabled"_s, true },
                              { u"bucket_name"_s, u"metrics-db"_s },
                              { u"bucket_owner"_s, u"ops"_s } } },
              { u"user_defined_columns"_s,
                QJsonArray { QJsonObject {
                    { u"name"_s, u"job_id"_s },
                    { u"field"_s, QJsonObject { { u"column_type"_s, u"string"_s } } } } } } });
        QCOMPARE(enabled.status, 200);
        const QJsonObject column = get(u"/tenants/%1/client_metrics/"_s.arg(t))
                                       .object()
                                       .value(u"user_defined_columns"_s)
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(column.value(u"database_name"_s).toString(), u"metrics-db"_s);
        QCOMPARE(column.value(u"raw_field"_s).toString(), u"string"_s);
        QCOMPARE(get(u"/tenants/99/client_metrics/"_s).status, 404);
    }

    void vipPoolsNeverOverlap()
    {
        const auto pool = [&](const QString &name, const QString &from, const QString &to) {
            return post(u"/vippools/"_s,
                        { { u"name"_s, name },
                          { u"subnet_cidr"_s, 24 },
                          { u"ip_ranges"_s, QJsonArray { QJsonArray { from, to } } } });
        };
        const VmsAnswer a = pool(u"a"_s, u"10.0.0.1"_s, u"10.0.0.50"_s);
        QCOMPARE(a.status, 201);
        QCOMPARE(a.object().value(u"cnodes"_s).toArray().size(), 4); // the lab's CNodes
        const VmsAnswer overlap = pool(u"b"_s, u"10.0.0.40"_s, u"10.0.0.60"_s);
        QCOMPARE(overlap.status, 409);
        QVERIFY2(overlap.detail().contains(u"overlaps 10.0.0.1-10.0.0.50"_s),
                 qPrintable(overlap.detail()));
        const VmsAnswer b = pool(u"b"_s, u"10.0.0.51"_s, u"10.0.0.60"_s);
        QCOMPARE(b.status, 201);
        QCOMPARE(patch(u"/vippools/%1/"_s.arg(b.id()),
                       { { u"ip_ranges"_s,
                           QJsonArray { QJsonArray { u"10.0.0.5"_s, u"10.0.0.9"_s } } } })
                     .status,
                 409);
        QCOMPARE(pool(u"c"_s, u"10.0.1.9"_s, u"10.0.1.1"_s).status, 400);
        QCOMPARE(pool(u"d"_s, u"not-an-ip"_s, u"10.0.1.1"_s).status, 400);
        const VmsAnswer started = post(u"/vippools/"_s,
                                       { { u"subnet_cidr"_s, 24 },
                                         { u"start_ip"_s, u"10.0.2.1"_s },
                                         { u"end_ip"_s, u"10.0.2.9"_s } });
        QCOMPARE(started.status, 201);
        QCOMPARE(
            started.object().value(u"ip_ranges"_s).toArray().first().toArray().last().toString(),
            u"10.0.2.9"_s);
        const VmsAnswer removed = call("DELETE", u"/vippools/%1/"_s.arg(a.id()));
        QCOMPARE(removed.status, 200);
        QCOMPARE(waitForTask(removed.object().value(u"async_task"_s)[u"id"_s].toInt())
                     .value(u"state"_s)
                     .toString(),
                 u"COMPLETED"_s);
        QCOMPARE(pool(u"a2"_s, u"10.0.0.1"_s, u"10.0.0.50"_s).status,
                 201); // its range is free again
    }

    void viewsFollowTheProtocolRules()
    {
        const auto [t, p] = tenantWithOwner(u"media"_s);
        const auto viewBody = [&](const QJsonArray &protocols, QJsonObject extra) {
            extra.insert(u"path"_s, u"/media/%1"_s.arg(protocols.first().toString().toLower()));
            extra.insert(u"policy_id"_s, p);
            extra.insert(u"protocols"_s, protocols);
            extra.insert(u"create_dir"_s, true);
            return extra;
        };
        const VmsAnswer noBucket = post(u"/views/"_s, viewBody({ u"S3"_s }, {}));
        QCOMPARE(noBucket.status, 400);
        QVERIFY(noBucket.object().contains(u"bucket"_s));
        const VmsAnswer noOwner
            = post(u"/views/"_s, viewBody({ u"DATABASE"_s }, { { u"bucket"_s, u"db1"_s } }));
        QVERIFY(noOwner.object().contains(u"bucket_owner"_s));
        const VmsAnswer strangerOwner
            = post(u"/views/"_s,
                   viewBody({ u"S3"_s },
                            { { u"bucket"_s, u"photos"_s }, { u"bucket_owner"_s, u"nobody"_s } }));
        QCOMPARE(strangerOwner.status, 400);
        QVERIFY(strangerOwner.object().contains(u"bucket_owner"_s));
        QCOMPARE(post(u"/views/"_s, viewBody({ u"SMB"_s }, {})).object().keys(),
                 QStringList { u"share"_s });
        const VmsAnswer noPolicy
            = post(u"/views/"_s,
                   { { u"path"_s, u"/x"_s }, { u"policy_id"_s, 99 }, { u"create_dir"_s, true } });
        QCOMPARE(noPolicy.object().value(u"policy_id"_s).toArray().first().toString(),
                 u"Invalid pk \"99\" - object does not exist."_s);
        QCOMPARE(post(u"/views/"_s, { { u"path"_s, u"/nowhere"_s }, { u"policy_id"_s, p } })
                     .object()
                     .keys(),
                 QStringList { u"path"_s }); // no such directory without create_dir

        const VmsAnswer s3 = post(
            u"/views/"_s,
            viewBody({ u"S3"_s, u"NFS"_s },
                     { { u"bucket"_s, u"photos"_s }, { u"bucket_owner"_s, u"media-owner"_s } }));
        QCOMPARE(s3.status, 201);
        QCOMPARE(s3.object().value(u"tenant_id"_s).toInt(), t); // from its policy
        QCOMPARE(s3.object().value(u"tenant_name"_s).toString(), u"media"_s);
        QCOMPARE(s3.object().value(u"policy"_s).toString(), u"media-policy"_s);
        const auto [t2, p2] = tenantWithOwner(u"other"_s);
        const VmsAnswer sameBucket = post(u"/views/"_s,
                                          { { u"path"_s, u"/other/photos"_s },
                                            { u"policy_id"_s, p2 },
                                            { u"protocols"_s, QJsonArray { u"S3"_s } },
                                            { u"create_dir"_s, true },
                                            { u"bucket"_s, u"photos"_s },
                                            { u"bucket_owner"_s, u"other-owner"_s } });
        QCOMPARE(sameBucket.status, 409);
        QVERIFY(sameBucket.detail().contains(u"unique on the cluster"_s));
        QCOMPARE(post(u"/views/"_s,
                      viewBody({ u"S3"_s },
                               { { u"bucket"_s, u"Not_A_Bucket"_s },
                                 { u"bucket_owner"_s, u"media-owner"_s } }))
                     .status,
                 400);
        // The directory exists now: a second view beneath it needs no create_dir.
        QCOMPARE(post(u"/views/"_s, { { u"path"_s, u"/media"_s }, { u"policy_id"_s, p } }).status,
                 201);
        QCOMPARE(post(u"/views/"_s, { { u"path"_s, u"/media"_s }, { u"policy_id"_s, p } }).status,
                 409);

        QCOMPARE(get(u"/views/?bucket=photos"_s).array().size(), 1);
        QCOMPARE(get(u"/views/?protocols=S3"_s).array().size(), 1);
        QCOMPARE(get(u"/views/?tenant_id=%1"_s.arg(t)).array().size(), 2);
        QCOMPARE(get(u"/views/?policy__id=%1"_s.arg(p2)).array().size(), 0);
        QCOMPARE(get(u"/viewpolicies/%1/"_s.arg(p)).object().value(u"count_views"_s).toInt(), 2);
        QCOMPARE(
            patch(u"/views/%1/"_s.arg(s3.id()), { { u"protocols"_s, QJsonArray { u"NFS"_s } } })
                .status,
            200);
        QCOMPARE(get(u"/views/%1/"_s.arg(s3.id())).object().value(u"protocols"_s).toArray(),
                 QJsonArray { u"NFS"_s });
        QCOMPARE(call("DELETE", u"/viewpolicies/%1/"_s.arg(p)).status, 409); // in use
        QCOMPARE(call("DELETE", u"/views/%1/"_s.arg(s3.id())).status, 204);
        QCOMPARE(get(u"/views/%1/"_s.arg(s3.id())).status, 404);
        // A view policy's protocols the answer schema does not know are refused, not stored.
        QCOMPARE(post(u"/viewpolicies/"_s,
                      { { u"name"_s, u"odd"_s }, { u"protocols"_s, QJsonArray { u"NFS"_s } } })
                     .status,
                 400);
        QCOMPARE(post(u"/viewpolicies/"_s,
                      { { u"name"_s, u"odd"_s }, { u"protocols"_s, QJsonArray { u"NFSv3"_s } } })
                     .status,
                 201);
    }

    void quotasAndQosPolicies()
    {
        const int t = tenant(u"q"_s);
        const VmsAnswer quota = post(u"/quotas/"_s,
                                     { { u"name"_s, u"home"_s },
                                       { u"path"_s, u"/q/home"_s },
                                       { u"tenant_id"_s, t },
                                       { u"create_dir"_s, true },
                                       { u"hard_limit"_s, 1000 },
                                       { u"soft_limit"_s, 800 } });
        QCOMPARE(quota.status, 201);
        QCOMPARE(quota.object().value(u"state"_s).toString(), u"OK"_s);
        QCOMPARE(post(u"/quotas/"_s,
                      { { u"name"_s, u"bad"_s },
                        { u"path"_s, u"/q/bad"_s },
                        { u"create_dir"_s, true },
                        { u"hard_limit"_s, 10 },
                        { u"soft_limit"_s, 20 } })
                     .object()
                     .keys(),
                 QStringList { u"soft_limit"_s });
        QCOMPARE(
            post(u"/quotas/"_s,
                 { { u"name"_s, u"again"_s }, { u"path"_s, u"/q/home"_s }, { u"tenant_id"_s, t } })
                .status,
            409);
        const VmsAnswer patched
            = patch(u"/quotas/%1/"_s.arg(quota.id()), { { u"hard_limit"_s, 2000 } });
        QCOMPARE(patched.status, 200);
        QVERIFY(patched.body.isEmpty()); // the spec documents no body here
        QCOMPARE(get(u"/quotas/%1/"_s.arg(quota.id())).object().value(u"hard_limit"_s).toInt(),
                 2000);
        QCOMPARE(get(u"/quotas/?tenant_id=%1"_s.arg(t)).array().size(), 1);

        const VmsAnswer qos
            = post(u"/qospolicies/"_s,
                   { { u"name"_s, u"gold"_s },
                     { u"tenant_id"_s, t },
                     { u"static_limits"_s, QJsonObject { { u"max_reads_iops"_s, 1000 } } } });
        QCOMPARE(qos.status, 201);
        const QJsonObject limits = qos.object().value(u"static_limits"_s).toObject();
        QCOMPARE(limits.value(u"max_reads_iops"_s).toInt(), 1000);
        QVERIFY(
            limits.contains(u"min_writes_iops"_s)); // required in answers, filled with its default
        QCOMPARE(qos.object().value(u"mode"_s).toString(), u"STATIC"_s);
        QCOMPARE(
            post(u"/qospolicies/"_s, { { u"name"_s, u"gold"_s }, { u"tenant_id"_s, t } }).status,
            409);
        QCOMPARE(post(u"/qospolicies/"_s,
                      { { u"name"_s, u"neg"_s },
                        { u"static_limits"_s, QJsonObject { { u"max_reads_iops"_s, -1 } } } })
                     .status,
                 400);
        const int p = policy(u"qp"_s, t);
        const int v = made(post(u"/views/"_s,
                                { { u"path"_s, u"/q/home"_s },
                                  { u"policy_id"_s, p },
                                  { u"qos_policy_id"_s, qos.id() } }));
        QCOMPARE(get(u"/views/%1/"_s.arg(v)).object().value(u"qos_policy"_s).toString(), u"gold"_s);
        QCOMPARE(call("DELETE", u"/qospolicies/%1/"_s.arg(qos.id())).status, 409);
        QCOMPARE(call("DELETE", u"/quotas/%1/"_s.arg(quota.id())).status, 204);
    }

    void usersAndAccessKeys()
    {
        const int t = tenant(u"u"_s);
        const int provider = providerOf(t);
        QCOMPARE(post(u"/users/"_s, { { u"name"_s, u"alice"_s } }).object().keys(),
                 QStringList { u"local_provider_id"_s });
        QCOMPARE(post(u"/users/"_s, { { u"name"_s, u"alice"_s }, { u"local_provider_id"_s, 77 } })
                     .status,
                 400);
        const VmsAnswer alice = post(u"/users/"_s,
                                     { { u"name"_s, u"alice"_s },
                                       { u"local_provider_id"_s, provider },
                                       { u"password"_s, u"s3cret"_s } });
        QCOMPARE(alice.status, 201);
        QCOMPARE(alice.object().value(u"local_provider"_s).toObject().value(u"id"_s).toInt(),
                 provider);
        QCOMPARE(alice.object().value(u"password_is_set"_s).toBool(), true);
        QVERIFY(!alice.body.contains("s3cret"));
        QCOMPARE(
            post(u"/users/"_s, { { u"name"_s, u"alice"_s }, { u"local_provider_id"_s, provider } })
                .status,
            409);

        const QString keys = u"/users/%1/access_keys/"_s.arg(alice.id());
        const VmsAnswer pair = post(keys, { { u"tenant_id"_s, t } });
        QCOMPARE(pair.status, 200);
        const QString accessKey = pair.object().value(u"access_key"_s).toString();
        QCOMPARE(accessKey.size(), 20);
        QCOMPARE(pair.object().value(u"secret_key"_s).toString().size(), 40);
        const QJsonArray listed
            = get(u"/users/%1/"_s.arg(alice.id())).object().value(u"access_keys"_s).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first()[u"access_key"_s].toString(), accessKey);
        QCOMPARE(listed.first()[u"enabled"_s].toBool(), true);
        QVERIFY(!get(u"/users/%1/"_s.arg(alice.id()))
                     .body.contains(pair.object().value(u"secret_key"_s).toString().toLatin1()));
        QCOMPARE(call("PATCH", keys,
                      QJsonObject { { u"access_key"_s, accessKey }, { u"enabled"_s, false } })
                     .status,
                 204);
        QCOMPARE(get(u"/users/%1/"_s.arg(alice.id()))
                     .object()
                     .value(u"access_keys"_s)
                     .toArray()
                     .first()[u"enabled"_s]
                     .toBool(),
                 false);
        QCOMPARE(call("PATCH", keys, QJsonObject { { u"access_key"_s, accessKey } }).status,
                 400); // enabled is required
        QCOMPARE(call("DELETE", keys, QJsonObject { { u"access_key"_s, u"NOPE"_s } }).status, 404);
        QCOMPARE(call("DELETE", keys, QJsonObject { { u"access_key"_s, accessKey } }).status, 204);
        QVERIFY(get(u"/users/%1/"_s.arg(alice.id()))
                    .object()
                    .value(u"access_keys"_s)
                    .toArray()
                    .isEmpty());
        QCOMPARE(patch(u"/users/%1/"_s.arg(alice.id()), { { u"s3_superuser"_s, true } }).status,
                 200);
        QCOMPARE(get(u"/users/?name=alice"_s).array().first()[u"s3_superuser"_s].toBool(), true);
        QCOMPARE(call("DELETE", u"/users/%1/"_s.arg(alice.id())).status, 204);
    }

    void topicsSchemasAndBrokers()
    {
        const auto [t, p] = tenantWithOwner(u"stream"_s);
        view(u"/stream/events"_s, p, { u"KAFKA"_s }, u"events"_s, u"stream-owner"_s);
        view(u"/stream/db"_s, p, { u"DATABASE"_s }, u"analytics"_s, u"stream-owner"_s);
        const QJsonObject topic { { u"database_name"_s, u"events"_s },
                                  { u"name"_s, u"clicks"_s },
                                  { u"topic_partitions"_s, 6 },
                                  { u"retention_ms"_s, 86400000 } };
        const VmsAnswer created = post(u"/topics/"_s, topic);
        QCOMPARE(created.status, 201);
        QVERIFY(created.body.isEmpty());
        QCOMPARE(post(u"/topics/"_s, topic).status, 409);
        QJsonObject onDatabase = topic;
        onDatabase.insert(u"database_name"_s, u"analytics"_s);
        QVERIFY(post(u"/topics/"_s, onDatabase)
                    .object()
                    .value(u"database_name"_s)
                    .toArray()
                    .first()
                    .toString()
                    .contains(u"KAFKA"_s));
        onDatabase.insert(u"database_name"_s, u"nowhere"_s);
        QCOMPARE(post(u"/topics/"_s, onDatabase).status, 400);
        QCOMPARE(post(u"/topics/"_s, { { u"database_name"_s, u"events"_s }, { u"name"_s, u"x"_s } })
                     .object()
                     .keys(),
                 QStringList { u"topic_partitions"_s });
        QCOMPARE(get(u"/topics/?database_name=events"_s).array(),
                 (QJsonArray { QJsonObject { { u"database_name"_s, u"events"_s },
                                             { u"name"_s, u"clicks"_s } } }));
        QCOMPARE(get(u"/topics/?tenant_id=%1"_s.arg(t)).array().size(), 1);
        QCOMPARE(get(u"/topics/?tenant_id=%1"_s.arg(t + 100)).array().size(), 0);
        QCOMPARE(call("DELETE",
                      u"/views/%1/"_s.arg(
                          get(u"/views/?bucket=events"_s).array().first()[u"id"_s].toInt()))
                     .status,
                 409);
        const QJsonObject topicName { { u"database_name"_s, u"events"_s },
                                      { u"schema_name"_s, u"kafka_topics"_s },
                                      { u"name"_s, u"clicks"_s } };
        QCOMPARE(call("DELETE", u"/topics/delete/"_s, topicName).status, 204);
        QCOMPARE(call("DELETE", u"/topics/delete/"_s, topicName).status, 404);

        QCOMPARE(post(u"/schemas/"_s,
                      { { u"database_name"_s, u"analytics"_s }, { u"name"_s, u"sales"_s } })
                     .status,
                 201);
        QCOMPARE(
            post(u"/schemas/"_s, { { u"database_name"_s, u"events"_s }, { u"name"_s, u"sales"_s } })
                .status,
            400);
        QCOMPARE(get(u"/schemas/?name__startswith=sa"_s).array().size(), 1);
        QCOMPARE(get(u"/schemas/?database_name=analytics&schema_name=sales"_s).array().size(), 1);
        QCOMPARE(get(u"/schemas/?database_name=analytics&schema_name=other"_s).array().size(), 0);
        QCOMPARE(
            call("DELETE", u"/schemas/delete/"_s,
                 QJsonObject { { u"database_name"_s, u"analytics"_s }, { u"name"_s, u"sales"_s } })
                .status,
            204);
        QVERIFY(get(u"/schemas/"_s).array().isEmpty());

        const VmsAnswer broker
            = post(u"/kafkabrokers/"_s,
                   { { u"name"_s, u"ext"_s },
                     { u"addresses"_s,
                       QJsonArray { QJsonObject { { u"host"_s, u"kafka.example"_s },
                                                  { u"port"_s, 9092 } } } } });
        QCOMPARE(broker.status, 201);
        const int brokerId
            = broker.array().first()[u"id"_s].toInt(); // the spec answers a list here
        QVERIFY(brokerId > 0);
        QCOMPARE(post(u"/kafkabrokers/"_s,
                      { { u"name"_s, u"none"_s }, { u"addresses"_s, QJsonArray() } })
                     .status,
                 400);
        QCOMPARE(patch(u"/kafkabrokers/%1/"_s.arg(brokerId),
                       { { u"hostname_verification_enabled"_s, true } })
                     .object()
                     .value(u"hostname_verification_enabled"_s)
                     .toBool(),
                 true);
        QCOMPARE(get(u"/kafkabrokers/"_s).array().size(), 1);
        QCOMPARE(call("DELETE", u"/kafkabrokers/%1/"_s.arg(brokerId)).status, 204);
    }

    void volumesMappedToBlockHosts()
    {
        const auto [t, p] = tenantWithOwner(u"blk"_s);
        const int nfs = view(u"/blk/files"_s, p, { u"NFS"_s });
        const int block = view(u"/blk/block"_s, p, { u"BLOCK"_s });
        QVERIFY(get(u"/views/%1/"_s.arg(block))
                    .object()
                    .value(u"nqn"_s)
                    .toString()
                    .startsWith(u"nqn."_s));
        const QJsonObject volumeBody { { u"name"_s, u"vol1"_s },
                                       { u"size"_s, 10LL << 30 },
                                       { u"view_id"_s, nfs } };
        QCOMPARE(post(u"/volumes/"_s, volumeBody).object().keys(), QStringList { u"view_id"_s });
        QJsonObject onBlock = volumeBody;
        onBlock.insert(u"view_id"_s, block);
        const VmsAnswer volume = post(u"/volumes/"_s, onBlock);
        QCOMPARE(volume.status, 201);
        QCOMPARE(volume.object().value(u"full_path"_s).toString(), u"/blk/block/vol1"_s);
        QCOMPARE(volume.object().value(u"tenant_name"_s).toString(), u"blk"_s);
        QCOMPARE(post(u"/volumes/"_s, onBlock).status, 409);
        QCOMPARE(get(u"/views/%1/"_s.arg(block)).object().value(u"logical_capacity"_s).toInteger(),
                 10LL << 30);

        const QJsonObject hostBody { { u"name"_s, u"host1"_s },
                                     { u"nqn"_s, u"nqn.2014-08.org.nvmexpress:uuid:1"_s },
                                     { u"tenant_id"_s, t } };
        const VmsAnswer host = post(u"/blockhosts/"_s, hostBody);
        QCOMPARE(host.status, 201);
        QCOMPARE(host.object().value(u"tags"_s).toObject(), QJsonObject());
        QCOMPARE(patch(u"/blockhosts/%1/"_s.arg(host.id()),
                       { { u"tags"_s, QJsonObject { { u"rack"_s, u"G01"_s } } } })
                     .object()
                     .value(u"tags"_s)
                     .toObject()
                     .value(u"rack"_s)
                     .toString(),
                 u"G01"_s);
        QCOMPARE(post(u"/blockhosts/"_s, hostBody).status, 409);
        QJsonObject badNqn = hostBody;
        badNqn.insert(u"nqn"_s, u"iqn.bad"_s);
        QCOMPARE(post(u"/blockhosts/"_s, badNqn).status, 400);
        const int otherTenant = tenant(u"other-blk"_s);
        const int stranger = made(post(u"/blockhosts/"_s,
                                       { { u"name"_s, u"h9"_s },
                                         { u"nqn"_s, u"nqn.2014-08.org.nvmexpress:uuid:9"_s },
                                         { u"tenant_id"_s, otherTenant } }));
        QCOMPARE(call("PATCH", u"/volumes/%1/set_hosts"_s.arg(volume.id()),
                      QJsonObject { { u"ids"_s, QJsonArray { stranger } } })
                     .status,
                 400);
        QCOMPARE(call("PATCH", u"/volumes/%1/set_hosts"_s.arg(volume.id()),
                      QJsonObject { { u"ids"_s, QJsonArray { 999 } } })
                     .status,
                 400);

        const VmsAnswer mapping = call("PATCH", u"/volumes/%1/set_hosts"_s.arg(volume.id()),
                                       QJsonObject { { u"ids"_s, QJsonArray { host.id() } } });
        QCOMPARE(mapping.status, 200);
        QCOMPARE(waitForTask(mapping.object().value(u"async_task"_s)[u"id"_s].toInt())
                     .value(u"state"_s)
                     .toString(),
                 u"COMPLETED"_s);
        QCOMPARE(get(u"/volumes/%1/"_s.arg(volume.id()))
                     .object()
                     .value(u"mapped_block_host_count"_s)
                     .toInt(),
                 1);
        QCOMPARE(get(u"/blockhosts/%1/"_s.arg(host.id()))
                     .object()
                     .value(u"mapped_volumes_preview"_s)
                     .toString(),
                 u"vol1"_s);
        QCOMPARE(patch(u"/volumes/%1/"_s.arg(volume.id()), { { u"size"_s, 20LL << 30 } }).status,
                 204);
        QCOMPARE(call("DELETE", u"/blockhosts/%1/"_s.arg(host.id())).status, 409);
        QCOMPARE(call("DELETE", u"/volumes/%1/"_s.arg(volume.id())).status, 409);
        QCOMPARE(call("DELETE", u"/volumes/%1/?force_unmap=true"_s.arg(volume.id())).status, 204);
        QCOMPARE(call("DELETE", u"/blockhosts/%1/"_s.arg(host.id())).status, 204);
    }

    void clusterDescribesTheLabHardware()
    {
        // Counted from the lab file itself.
        const QJsonObject lab = readJsonFile(demoLabFile);
        const QJsonObject templates = lab.value(u"templates"_s).toObject();
        int cnodes = 0, dboxes = 0, ssds = 0;
        double rawBytes = 0;
        for (const QJsonValue &rack : lab.value(u"racks"_s).toArray())
            for (const QJsonValue &group : rack[u"devices"_s].toArray()) {
                const QJsonObject t = templates.value(group[u"template"_s].toString()).toObject();
                const int n = rack[u"count"_s].toInt(1) * group[u"count"_s].toInt(1);
                if (t.value(u"kind"_s).toString() == u"storage-cnode"_s)
                    cnodes += n;
                if (t.value(u"kind"_s).toString() == u"storage-dbox"_s) {
                    dboxes += n;
                    const QJsonObject drives = t.value(u"drives"_s).toObject();
                    ssds += n * drives.value(u"count"_s).toInt();
                    rawBytes += n * drives.value(u"count"_s).toInt()
                        * drives.value(u"sizeGB"_s).toDouble() * 1e9;
                }
            }
        QVERIFY(cnodes > 0 && dboxes > 0);
        const QJsonArray clusters = get(u"/clusters/"_s).array();
        QCOMPARE(clusters.size(), 1);
        const QJsonObject c = clusters.first().toObject();
        QCOMPARE(c.value(u"name"_s).toString(), u"ams1-demo-vast"_s);
        QCOMPARE(c.value(u"physical_space"_s).toDouble(), std::floor(rawBytes * 0.92));
        QVERIFY(c.value(u"usable_capacity_bytes"_s).toDouble()
                < c.value(u"physical_space"_s).toDouble());
        QVERIFY(c.value(u"usable_capacity_bytes"_s).toDouble()
                > 0.8 * c.value(u"physical_space"_s).toDouble());
        QCOMPARE(c.value(u"drr"_s).toDouble(), 3.0);
        QCOMPARE(c.value(u"logical_space"_s).toDouble(),
                 std::floor(c.value(u"usable_capacity_bytes"_s).toDouble() * 3.0));
        QCOMPARE(c.value(u"sw_version"_s).toString(), u"5.2.1"_s);
        QCOMPARE(get(u"/clusters/1/"_s).object().value(u"psnt"_s).toString(),
                 c.value(u"psnt"_s).toString());
        QCOMPARE(get(u"/clusters/2/"_s).status, 404);
        QCOMPARE(get(u"/cnodes/"_s).array().size(), cnodes);
        QCOMPARE(get(u"/dboxes/"_s).array().size(), dboxes);
        QCOMPARE(get(u"/cnodes/?name=cnode-01"_s).array().size(), 1);
        QStringList ids;
        for (int i = 1; i <= dboxes; ++i)
            ids << QString::number(i);
        const QJsonObject total
            = get(u"/clusters/dboxes_total_capacity/?ids="_s + ids.join(QLatin1Char(','))).object();
        QCOMPARE(total.value(u"ssd_number"_s).toInt(), ssds);
        QCOMPARE(total.value(u"ssd_capacity"_s).toDouble(), rawBytes);
        QCOMPARE(get(u"/clusters/dboxes_total_capacity/?ids=99"_s).status, 400);

        // A CNode a lab fault powers off shows as failed.
        QCOMPARE(fault({ { u"device"_s, u"cnode-01"_s }, { u"kind"_s, u"cnode-down"_s } }), 201);
        QCOMPARE(get(u"/cnodes/1/"_s).object().value(u"state"_s).toString(), u"FAILED"_s);
        QCOMPARE(get(u"/cnodes/2/"_s).object().value(u"state"_s).toString(), u"ACTIVE"_s);
    }
};

QTEST_GUILESS_MAIN(TestVmsLabRules)
#include "tst_vms_lab_rules.moc"
