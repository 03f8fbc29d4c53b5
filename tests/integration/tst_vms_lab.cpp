// The demo lab's VMS double over real sockets: every endpoint it serves, each answer held to the
// VAST spec's response schema (an undeclared field fails the test), authentication, DRF-style
// refusals of bad input, uniqueness conflicts, asynchronous deletes, pages and filters, state
// that survives a restart, and vms-error faults injected through /api/v1/lab/faults.

#include "../common/TestSupport.h"
#include "../common/VmsClient.h"
#include "lab/LabService.h"
#include "lab/vms/VmsServer.h"
#include "openapi/OpenApiDocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>

using namespace NeoCloud;
using namespace NeoCloud::Testing;

namespace {

const QString demoLab = QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/labs/demo.json");

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestVmsLab : public QObject
{
    Q_OBJECT

    OpenApiDocument m_spec = *OpenApiDocument::load(OpenApiDocument::vastVmsResource());
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<HttpClient> m_api;
    std::unique_ptr<VmsClient> m_vms;
    QStringList m_contract; // what answers broke the spec, checked after every test

    void startBackend(const QString &lab = demoLab)
    {
        if (m_vms)
            m_contract << m_vms->violations();
        m_vms.reset();
        m_api.reset();
        m_backend.reset();
        BackendConfig config;
        config.labDefinition = lab;
        config.initialLabScan = false;
        config.databasePath = m_dir->filePath(QStringLiteral("vms.db"));
        m_backend = std::make_unique<TestBackend>(config);
        m_api = std::make_unique<HttpClient>(*(*m_backend)->listen(QHostAddress::LocalHost, 0));
        const HttpAnswer login = m_api->post(QStringLiteral("/api/v1/auth/login"),
                                             compactJson(QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")},
                                                                 {QStringLiteral("password"), adminPassword}}));
        m_api->setToken(login.json.value(QLatin1String("token")).toString());
        LabService *labService = (*m_backend)->lab();
        if (labService->vmsUrl().isValid())
            m_vms = std::make_unique<VmsClient>(labService->vmsUrl(), labService->vmsToken(), m_spec);
    }
    VmsServer &server() { return *(*m_backend)->lab()->vms(); }

    VmsAnswer call(const QByteArray &method, const QString &path, const QJsonValue &body = QJsonValue(QJsonValue::Undefined),
                   const QString &auth = QStringLiteral("<default>"))
    {
        return m_vms->call(method, path, body, auth);
    }
    VmsAnswer get(const QString &path) { return call("GET", path); }
    VmsAnswer post(const QString &path, const QJsonObject &body) { return call("POST", path, body); }
    VmsAnswer patch(const QString &path, const QJsonObject &body) { return call("PATCH", path, body); }

    // Fixtures that must work for the test to mean anything.
    int made(const VmsAnswer &a)
    {
        if (a.status != 201)
            qFatal("fixture refused (%d): %s", a.status, a.body.constData());
        return a.id();
    }
    int tenant(const QString &name, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("name"), name);
        return made(post(QStringLiteral("/tenants/"), extra));
    }
    int providerOf(int tenantId) { return get(QStringLiteral("/tenants/%1/").arg(tenantId)).object().value(QLatin1String("local_provider_id")).toInt(); }
    int policy(const QString &name, int tenantId)
    {
        return made(post(QStringLiteral("/viewpolicies/"), {{QStringLiteral("name"), name}, {QStringLiteral("tenant_id"), tenantId}}));
    }
    int user(const QString &name, int providerId)
    {
        return made(post(QStringLiteral("/users/"), {{QStringLiteral("name"), name}, {QStringLiteral("local_provider_id"), providerId}}));
    }
    int view(const QString &path, int policyId, const QJsonArray &protocols, const QString &bucket = {}, const QString &owner = {})
    {
        QJsonObject body{{QStringLiteral("path"), path}, {QStringLiteral("policy_id"), policyId}, {QStringLiteral("protocols"), protocols},
                         {QStringLiteral("create_dir"), true}};
        if (!bucket.isEmpty())
            body.insert(QStringLiteral("bucket"), bucket);
        if (!owner.isEmpty())
            body.insert(QStringLiteral("bucket_owner"), owner);
        return made(post(QStringLiteral("/views/"), body));
    }
    // A tenant with a policy and a user able to own buckets; returns {tenant, policy}.
    std::pair<int, int> tenantWithOwner(const QString &name)
    {
        const int t = tenant(name);
        user(name + QStringLiteral("-owner"), providerOf(t));
        return {t, policy(name + QStringLiteral("-policy"), t)};
    }
    QJsonObject waitForTask(int id)
    {
        QJsonObject task;
        QElapsedTimer clock;
        clock.start();
        do {
            QTest::qWait(20);
            task = get(QStringLiteral("/vtasks/%1/").arg(id)).object();
        } while (task.value(QLatin1String("state")).toString() == QLatin1String("RUNNING") && clock.elapsed() < 5000);
        return task;
    }
    int fault(const QJsonObject &body) { return m_api->post(QStringLiteral("/api/v1/lab/faults"), compactJson(body)).status; }

private Q_SLOTS:
    void init()
    {
        m_contract.clear();
        m_dir = std::make_unique<QTemporaryDir>();
        startBackend();
        QVERIFY(m_vms);
    }

    void cleanup()
    {
        if (m_vms)
            m_contract << m_vms->violations();
        QVERIFY2(m_contract.isEmpty(), qPrintable(m_contract.join(QLatin1Char('\n'))));
        if (m_backend && (*m_backend)->lab()->vms())
            QCOMPARE(server().contractViolations(), quint64(0));
        m_vms.reset();
        m_api.reset();
        m_backend.reset();
    }

    void labListsTheVmsEndpoint()
    {
        const QUrl url = (*m_backend)->lab()->vmsUrl();
        QCOMPARE(url.scheme(), QStringLiteral("http"));
        QCOMPARE(url.host(), QStringLiteral("127.77.250.1"));
        QCOMPARE(url.path(), QStringLiteral("/api"));
        const QJsonObject vms = m_api->get(QStringLiteral("/api/v1/lab")).json.value(QLatin1String("vms")).toObject();
        QCOMPARE(vms.value(QLatin1String("url")).toString(), url.toString());
        QCOMPARE(vms.value(QLatin1String("token")).toString(), (*m_backend)->lab()->vmsToken());
        QCOMPARE((*m_backend)->lab()->vmsToken().size(), 40);
    }

    void authentication()
    {
        const VmsAnswer none = call("GET", QStringLiteral("/tenants/"), QJsonValue(QJsonValue::Undefined), QString());
        QCOMPARE(none.status, 401);
        QCOMPARE(none.detail(), QStringLiteral("Authentication credentials were not provided."));

        m_vms->setAuthorization("Api-Token not-the-token");
        const VmsAnswer wrong = get(QStringLiteral("/tenants/"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.detail(), QStringLiteral("Invalid token."));

        m_vms->setAuthorization("Basic " + QByteArray("admin:neocloud-lab").toBase64());
        QCOMPARE(get(QStringLiteral("/tenants/")).status, 200);
        m_vms->setAuthorization("Basic " + QByteArray("admin:guess").toBase64());
        QCOMPARE(get(QStringLiteral("/tenants/")).detail(), QStringLiteral("Invalid username/password."));

        m_vms->setAuthorization("Api-Token " + (*m_backend)->lab()->vmsToken().toLatin1());
        QCOMPARE(get(QStringLiteral("/tenants/")).status, 200);
        QCOMPARE(get(QStringLiteral("/frobnicators/")).status, 404);
        QCOMPARE(get(QStringLiteral("/frobnicators/")).detail(), QStringLiteral("Not found."));
        const VmsAnswer method = call("PUT", QStringLiteral("/tenants/1/"), QJsonObject{});
        QCOMPARE(method.status, 405);
        QCOMPARE(method.detail(), QStringLiteral("Method \"PUT\" not allowed."));
        QCOMPARE(method.headers.value("allow"), QByteArray("GET, DELETE, PATCH"));
        QCOMPARE(get(QStringLiteral("/clusters/bgp_table/")).status, 501); // in the spec, not in the lab
    }

    void badRequestsAreRefusedAsDrfDoes()
    {
        const VmsAnswer malformed = m_vms->callRaw("POST", QStringLiteral("/tenants/"), "{\"name\": ");
        QCOMPARE(malformed.status, 400);
        QVERIFY2(malformed.detail().startsWith(QLatin1String("JSON parse error")), malformed.body.constData());

        const VmsAnswer unknown = post(QStringLiteral("/tenants/"), {{QStringLiteral("name"), QStringLiteral("t")}, {QStringLiteral("colour"), QStringLiteral("red")}});
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.object().value(QLatin1String("colour")).toArray().first().toString(), QStringLiteral("colour: is not a property the schema declares"));

        const VmsAnswer missing = post(QStringLiteral("/tenants/"), {});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.object().value(QLatin1String("name")).toArray().first().toString(), QStringLiteral("name: is required"));

        const VmsAnswer wrongType = post(QStringLiteral("/tenants/"), {{QStringLiteral("name"), 12}});
        QCOMPARE(wrongType.status, 400);
        QVERIFY(wrongType.object().contains(QLatin1String("name")));

        const VmsAnswer badEnum = post(QStringLiteral("/views/"), {{QStringLiteral("path"), QStringLiteral("/x")}, {QStringLiteral("policy_id"), 1},
                                                                 {QStringLiteral("protocols"), QJsonArray{QStringLiteral("AFP")}}});
        QCOMPARE(badEnum.status, 400);
        QVERIFY2(badEnum.object().value(QLatin1String("protocols")).toArray().first().toString().contains(QLatin1String("\"AFP\" is not one of NFS")),
                 badEnum.body.constData());

        const VmsAnswer notAnObject = call("POST", QStringLiteral("/tenants/"), QJsonArray{QStringLiteral("t")});
        QCOMPARE(notAnObject.status, 400);
        QVERIFY(notAnObject.object().contains(QLatin1String("non_field_errors")));

        const QByteArray huge = "{\"name\":\"" + QByteArray(1100 * 1024, 'x') + "\"}";
        const VmsAnswer oversize = m_vms->callRaw("POST", QStringLiteral("/tenants/"), huge);
        QCOMPARE(oversize.status, 413);
        QVERIFY(oversize.detail().contains(QLatin1String("over the limit")));

        QCOMPARE(get(QStringLiteral("/tenants/99/")).status, 404);
        QCOMPARE(get(QStringLiteral("/tenants/abc/")).status, 404);
        QCOMPARE(get(QStringLiteral("/tenants/")).array().size(), 0); // nothing refused was stored
    }

    void tenantsWithEncryptionGroupsAndAsyncDelete()
    {
        const VmsAnswer created = post(QStringLiteral("/tenants/"), {{QStringLiteral("name"), QStringLiteral("acme")},
                                                                  {QStringLiteral("encryption_group"), QStringLiteral("eg-acme")},
                                                                  {QStringLiteral("client_ip_ranges"), QJsonArray{QJsonArray{QStringLiteral("10.1.0.1"), QStringLiteral("10.1.0.99")}}},
                                                                  {QStringLiteral("qos"), QJsonObject{{QStringLiteral("static_limits"), QJsonObject{{QStringLiteral("max_reads_bw_mbps"), 500}}}}}});
        QCOMPARE(created.status, 201);
        const QJsonObject t = created.object();
        QVERIFY(t.value(QLatin1String("local_provider_id")).toInt() > 0);
        QCOMPARE(t.value(QLatin1String("local_provider")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("acme-local"));
        QCOMPARE(get(QStringLiteral("/localproviders/")).array().first()[QLatin1String("name")].toString(), QStringLiteral("acme-local"));
        QVERIFY(t.value(QLatin1String("encryption_group_id")).toInt() > 0);
        QCOMPARE(t.value(QLatin1String("encryption_group_state")).toString(), QStringLiteral("ACTIVE"));
        QCOMPARE(t.value(QLatin1String("qos")).toObject().value(QLatin1String("static_limits")).toObject().value(QLatin1String("max_reads_bw_mbps")).toInt(), 500);
        QCOMPARE(t.value(QLatin1String("url")).toString(), (*m_backend)->lab()->vmsUrl().toString() + QStringLiteral("/tenants/%1").arg(created.id()));
        QCOMPARE(post(QStringLiteral("/tenants/"), {{QStringLiteral("name"), QStringLiteral("acme")}}).status, 409);
        QCOMPARE(post(QStringLiteral("/tenants/"), {{QStringLiteral("name"), QStringLiteral("bad-ranges")},
                                                     {QStringLiteral("client_ip_ranges"), QJsonArray{QJsonArray{QStringLiteral("10.1.0.9"), QStringLiteral("10.1.0.1")}}}})
                     .status,
                 400);

        // Pools serving the tenant show on it.
        made(post(QStringLiteral("/vippools/"), {{QStringLiteral("name"), QStringLiteral("acme-pool")}, {QStringLiteral("subnet_cidr"), 24},
                                                 {QStringLiteral("tenant_id"), created.id()},
                                                 {QStringLiteral("ip_ranges"), QJsonArray{QJsonArray{QStringLiteral("172.16.0.10"), QStringLiteral("172.16.0.20")}}}}));
        const QJsonObject linked = get(QStringLiteral("/tenants/%1/").arg(created.id())).object();
        QCOMPARE(linked.value(QLatin1String("vippool_names")).toArray(), QJsonArray{QStringLiteral("acme-pool")});
        QCOMPARE(linked.value(QLatin1String("vippools")).toArray().first()[QLatin1String("name")].toString(), QStringLiteral("acme-pool"));

        QCOMPARE(patch(QStringLiteral("/tenants/%1/").arg(created.id()), {{QStringLiteral("max_views"), 10}}).object().value(QLatin1String("max_views")).toInt(), 10);
        QCOMPARE(get(QStringLiteral("/encryptiongroups/")).array().first()[QLatin1String("crn")].toString(), QStringLiteral("eg-acme"));
        QCOMPARE(post(QStringLiteral("/tenants/%1/rotate_encryption_group_key/").arg(created.id()), {}).status, 204);
        QCOMPARE(post(QStringLiteral("/tenants/%1/revoke_encryption_group/").arg(created.id()), {}).status, 204);
        QCOMPARE(get(QStringLiteral("/tenants/%1/").arg(created.id())).object().value(QLatin1String("encryption_group_state")).toString(), QStringLiteral("REVOKED"));
        QCOMPARE(get(QStringLiteral("/encryptiongroups/")).array().first()[QLatin1String("state")].toString(), QStringLiteral("REVOKED"));
        QCOMPARE(post(QStringLiteral("/tenants/%1/rotate_encryption_group_key/").arg(created.id()), {}).status, 409);
        const int plain = tenant(QStringLiteral("plain"));
        const VmsAnswer noGroup = post(QStringLiteral("/tenants/%1/revoke_encryption_group/").arg(plain), {});
        QCOMPARE(noGroup.status, 409);
        QVERIFY(noGroup.detail().contains(QLatin1String("no encryption group")));

        // A tenant that still owns objects is not deleted; one that owns none goes with its task.
        QCOMPARE(call("DELETE", QStringLiteral("/tenants/%1/").arg(created.id())).status, 409);
        const VmsAnswer removed = call("DELETE", QStringLiteral("/tenants/%1/").arg(plain));
        QCOMPARE(removed.status, 200);
        const QJsonObject task = removed.object().value(QLatin1String("async_task")).toObject();
        QCOMPARE(task.value(QLatin1String("state")).toString(), QStringLiteral("RUNNING"));
        QCOMPARE(get(QStringLiteral("/tenants/%1/").arg(plain)).status, 200); // still there while the task runs
        const QJsonObject done = waitForTask(task.value(QLatin1String("id")).toInt());
        QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("COMPLETED"));
        QVERIFY(!done.value(QLatin1String("end_time")).toString().isEmpty());
        QCOMPARE(get(QStringLiteral("/tenants/%1/").arg(plain)).status, 404);
        QCOMPARE(get(QStringLiteral("/vtasks/")).array().size(), 1);
    }

    void tenantClientMetrics()
    {
        const int t = tenant(QStringLiteral("metrics"));
        const VmsAnswer initial = get(QStringLiteral("/tenants/%1/client_metrics/").arg(t));
        QCOMPARE(initial.object().value(QLatin1String("config")).toObject().value(QLatin1String("enabled")).toBool(), false);
        QVERIFY(!initial.object().value(QLatin1String("default_columns")).toArray().isEmpty());
        QCOMPARE(patch(QStringLiteral("/tenants/%1/client_metrics/").arg(t), {{QStringLiteral("config"), QJsonObject{{QStringLiteral("enabled"), true}}}}).status, 400);
        const VmsAnswer enabled = patch(QStringLiteral("/tenants/%1/client_metrics/").arg(t),
                                     {{QStringLiteral("config"), QJsonObject{{QStringLiteral("enabled"), true}, {QStringLiteral("bucket_name"), QStringLiteral("metrics-db")},
                                                                            {QStringLiteral("bucket_owner"), QStringLiteral("ops")}}},
                                      {QStringLiteral("user_defined_columns"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("job_id")},
                                                                                                      {QStringLiteral("field"), QJsonObject{{QStringLiteral("column_type"), QStringLiteral("string")}}}}}}});
        QCOMPARE(enabled.status, 200);
        const QJsonObject column = get(QStringLiteral("/tenants/%1/client_metrics/").arg(t)).object().value(QLatin1String("user_defined_columns")).toArray().first().toObject();
        QCOMPARE(column.value(QLatin1String("database_name")).toString(), QStringLiteral("metrics-db"));
        QCOMPARE(column.value(QLatin1String("raw_field")).toString(), QStringLiteral("string"));
        QCOMPARE(get(QStringLiteral("/tenants/99/client_metrics/")).status, 404);
    }

    void vipPoolsNeverOverlap()
    {
        const auto pool = [&](const QString &name, const QString &from, const QString &to) {
            return post(QStringLiteral("/vippools/"), {{QStringLiteral("name"), name}, {QStringLiteral("subnet_cidr"), 24},
                                                       {QStringLiteral("ip_ranges"), QJsonArray{QJsonArray{from, to}}}});
        };
        const VmsAnswer a = pool(QStringLiteral("a"), QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.50"));
        QCOMPARE(a.status, 201);
        QCOMPARE(a.object().value(QLatin1String("cnodes")).toArray().size(), 4); // the lab's CNodes
        const VmsAnswer overlap = pool(QStringLiteral("b"), QStringLiteral("10.0.0.40"), QStringLiteral("10.0.0.60"));
        QCOMPARE(overlap.status, 409);
        QVERIFY2(overlap.detail().contains(QLatin1String("overlaps 10.0.0.1-10.0.0.50")), qPrintable(overlap.detail()));
        const VmsAnswer b = pool(QStringLiteral("b"), QStringLiteral("10.0.0.51"), QStringLiteral("10.0.0.60"));
        QCOMPARE(b.status, 201);
        QCOMPARE(patch(QStringLiteral("/vippools/%1/").arg(b.id()), {{QStringLiteral("ip_ranges"), QJsonArray{QJsonArray{QStringLiteral("10.0.0.5"), QStringLiteral("10.0.0.9")}}}}).status, 409);
        QCOMPARE(pool(QStringLiteral("c"), QStringLiteral("10.0.1.9"), QStringLiteral("10.0.1.1")).status, 400);
        QCOMPARE(pool(QStringLiteral("d"), QStringLiteral("not-an-ip"), QStringLiteral("10.0.1.1")).status, 400);
        const VmsAnswer started = post(QStringLiteral("/vippools/"), {{QStringLiteral("subnet_cidr"), 24}, {QStringLiteral("start_ip"), QStringLiteral("10.0.2.1")},
                                                                   {QStringLiteral("end_ip"), QStringLiteral("10.0.2.9")}});
        QCOMPARE(started.status, 201);
        QCOMPARE(started.object().value(QLatin1String("ip_ranges")).toArray().first().toArray().last().toString(), QStringLiteral("10.0.2.9"));
        const VmsAnswer removed = call("DELETE", QStringLiteral("/vippools/%1/").arg(a.id()));
        QCOMPARE(removed.status, 200);
        QCOMPARE(waitForTask(removed.object().value(QLatin1String("async_task"))[QLatin1String("id")].toInt()).value(QLatin1String("state")).toString(),
                 QStringLiteral("COMPLETED"));
        QCOMPARE(pool(QStringLiteral("a2"), QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.50")).status, 201); // its range is free again
    }

    void viewsFollowTheProtocolRules()
    {
        const auto [t, p] = tenantWithOwner(QStringLiteral("media"));
        const auto viewBody = [&](const QJsonArray &protocols, QJsonObject extra) {
            extra.insert(QStringLiteral("path"), QStringLiteral("/media/%1").arg(protocols.first().toString().toLower()));
            extra.insert(QStringLiteral("policy_id"), p);
            extra.insert(QStringLiteral("protocols"), protocols);
            extra.insert(QStringLiteral("create_dir"), true);
            return extra;
        };
        const VmsAnswer noBucket = post(QStringLiteral("/views/"), viewBody({QStringLiteral("S3")}, {}));
        QCOMPARE(noBucket.status, 400);
        QVERIFY(noBucket.object().contains(QLatin1String("bucket")));
        const VmsAnswer noOwner = post(QStringLiteral("/views/"), viewBody({QStringLiteral("DATABASE")}, {{QStringLiteral("bucket"), QStringLiteral("db1")}}));
        QVERIFY(noOwner.object().contains(QLatin1String("bucket_owner")));
        const VmsAnswer strangerOwner = post(QStringLiteral("/views/"), viewBody({QStringLiteral("S3")}, {{QStringLiteral("bucket"), QStringLiteral("photos")},
                                                                                                      {QStringLiteral("bucket_owner"), QStringLiteral("nobody")}}));
        QCOMPARE(strangerOwner.status, 400);
        QVERIFY(strangerOwner.object().contains(QLatin1String("bucket_owner")));
        QCOMPARE(post(QStringLiteral("/views/"), viewBody({QStringLiteral("SMB")}, {})).object().keys(), QStringList{QStringLiteral("share")});
        const VmsAnswer noPolicy = post(QStringLiteral("/views/"), {{QStringLiteral("path"), QStringLiteral("/x")}, {QStringLiteral("policy_id"), 99}, {QStringLiteral("create_dir"), true}});
        QCOMPARE(noPolicy.object().value(QLatin1String("policy_id")).toArray().first().toString(), QStringLiteral("Invalid pk \"99\" - object does not exist."));
        QCOMPARE(post(QStringLiteral("/views/"), {{QStringLiteral("path"), QStringLiteral("/nowhere")}, {QStringLiteral("policy_id"), p}}).object().keys(),
                 QStringList{QStringLiteral("path")}); // no such directory without create_dir

        const VmsAnswer s3 = post(QStringLiteral("/views/"), viewBody({QStringLiteral("S3"), QStringLiteral("NFS")}, {{QStringLiteral("bucket"), QStringLiteral("photos")},
                                                                                                                  {QStringLiteral("bucket_owner"), QStringLiteral("media-owner")}}));
        QCOMPARE(s3.status, 201);
        QCOMPARE(s3.object().value(QLatin1String("tenant_id")).toInt(), t); // from its policy
        QCOMPARE(s3.object().value(QLatin1String("tenant_name")).toString(), QStringLiteral("media"));
        QCOMPARE(s3.object().value(QLatin1String("policy")).toString(), QStringLiteral("media-policy"));
        const auto [t2, p2] = tenantWithOwner(QStringLiteral("other"));
        const VmsAnswer sameBucket = post(QStringLiteral("/views/"), {{QStringLiteral("path"), QStringLiteral("/other/photos")}, {QStringLiteral("policy_id"), p2},
                                                                    {QStringLiteral("protocols"), QJsonArray{QStringLiteral("S3")}}, {QStringLiteral("create_dir"), true},
                                                                    {QStringLiteral("bucket"), QStringLiteral("photos")}, {QStringLiteral("bucket_owner"), QStringLiteral("other-owner")}});
        QCOMPARE(sameBucket.status, 409);
        QVERIFY(sameBucket.detail().contains(QLatin1String("unique on the cluster")));
        QCOMPARE(post(QStringLiteral("/views/"), viewBody({QStringLiteral("S3")}, {{QStringLiteral("bucket"), QStringLiteral("Not_A_Bucket")},
                                                                                 {QStringLiteral("bucket_owner"), QStringLiteral("media-owner")}}))
                     .status,
                 400);
        // The directory exists now: a second view beneath it needs no create_dir.
        QCOMPARE(post(QStringLiteral("/views/"), {{QStringLiteral("path"), QStringLiteral("/media")}, {QStringLiteral("policy_id"), p}}).status, 201);
        QCOMPARE(post(QStringLiteral("/views/"), {{QStringLiteral("path"), QStringLiteral("/media")}, {QStringLiteral("policy_id"), p}}).status, 409);

        QCOMPARE(get(QStringLiteral("/views/?bucket=photos")).array().size(), 1);
        QCOMPARE(get(QStringLiteral("/views/?protocols=S3")).array().size(), 1);
        QCOMPARE(get(QStringLiteral("/views/?tenant_id=%1").arg(t)).array().size(), 2);
        QCOMPARE(get(QStringLiteral("/views/?policy__id=%1").arg(p2)).array().size(), 0);
        QCOMPARE(get(QStringLiteral("/viewpolicies/%1/").arg(p)).object().value(QLatin1String("count_views")).toInt(), 2);
        QCOMPARE(patch(QStringLiteral("/views/%1/").arg(s3.id()), {{QStringLiteral("protocols"), QJsonArray{QStringLiteral("NFS")}}}).status, 200);
        QCOMPARE(get(QStringLiteral("/views/%1/").arg(s3.id())).object().value(QLatin1String("protocols")).toArray(), QJsonArray{QStringLiteral("NFS")});
        QCOMPARE(call("DELETE", QStringLiteral("/viewpolicies/%1/").arg(p)).status, 409); // in use
        QCOMPARE(call("DELETE", QStringLiteral("/views/%1/").arg(s3.id())).status, 204);
        QCOMPARE(get(QStringLiteral("/views/%1/").arg(s3.id())).status, 404);
        // A view policy's protocols the answer schema does not know are refused, not stored.
        QCOMPARE(post(QStringLiteral("/viewpolicies/"), {{QStringLiteral("name"), QStringLiteral("odd")}, {QStringLiteral("protocols"), QJsonArray{QStringLiteral("NFS")}}}).status, 400);
        QCOMPARE(post(QStringLiteral("/viewpolicies/"), {{QStringLiteral("name"), QStringLiteral("odd")}, {QStringLiteral("protocols"), QJsonArray{QStringLiteral("NFSv3")}}}).status, 201);
    }

    void quotasAndQosPolicies()
    {
        const int t = tenant(QStringLiteral("q"));
        const VmsAnswer quota = post(QStringLiteral("/quotas/"), {{QStringLiteral("name"), QStringLiteral("home")}, {QStringLiteral("path"), QStringLiteral("/q/home")},
                                                               {QStringLiteral("tenant_id"), t}, {QStringLiteral("create_dir"), true},
                                                               {QStringLiteral("hard_limit"), 1000}, {QStringLiteral("soft_limit"), 800}});
        QCOMPARE(quota.status, 201);
        QCOMPARE(quota.object().value(QLatin1String("state")).toString(), QStringLiteral("OK"));
        QCOMPARE(post(QStringLiteral("/quotas/"), {{QStringLiteral("name"), QStringLiteral("bad")}, {QStringLiteral("path"), QStringLiteral("/q/bad")},
                                                   {QStringLiteral("create_dir"), true}, {QStringLiteral("hard_limit"), 10}, {QStringLiteral("soft_limit"), 20}})
                     .object()
                     .keys(),
                 QStringList{QStringLiteral("soft_limit")});
        QCOMPARE(post(QStringLiteral("/quotas/"), {{QStringLiteral("name"), QStringLiteral("again")}, {QStringLiteral("path"), QStringLiteral("/q/home")}, {QStringLiteral("tenant_id"), t}}).status, 409);
        const VmsAnswer patched = patch(QStringLiteral("/quotas/%1/").arg(quota.id()), {{QStringLiteral("hard_limit"), 2000}});
        QCOMPARE(patched.status, 200);
        QVERIFY(patched.body.isEmpty()); // the spec documents no body here
        QCOMPARE(get(QStringLiteral("/quotas/%1/").arg(quota.id())).object().value(QLatin1String("hard_limit")).toInt(), 2000);
        QCOMPARE(get(QStringLiteral("/quotas/?tenant_id=%1").arg(t)).array().size(), 1);

        const VmsAnswer qos = post(QStringLiteral("/qospolicies/"), {{QStringLiteral("name"), QStringLiteral("gold")}, {QStringLiteral("tenant_id"), t},
                                                                  {QStringLiteral("static_limits"), QJsonObject{{QStringLiteral("max_reads_iops"), 1000}}}});
        QCOMPARE(qos.status, 201);
        const QJsonObject limits = qos.object().value(QLatin1String("static_limits")).toObject();
        QCOMPARE(limits.value(QLatin1String("max_reads_iops")).toInt(), 1000);
        QVERIFY(limits.contains(QLatin1String("min_writes_iops"))); // required in answers, filled with its default
        QCOMPARE(qos.object().value(QLatin1String("mode")).toString(), QStringLiteral("STATIC"));
        QCOMPARE(post(QStringLiteral("/qospolicies/"), {{QStringLiteral("name"), QStringLiteral("gold")}, {QStringLiteral("tenant_id"), t}}).status, 409);
        QCOMPARE(post(QStringLiteral("/qospolicies/"), {{QStringLiteral("name"), QStringLiteral("neg")}, {QStringLiteral("static_limits"), QJsonObject{{QStringLiteral("max_reads_iops"), -1}}}}).status, 400);
        const int p = policy(QStringLiteral("qp"), t);
        const int v = made(post(QStringLiteral("/views/"), {{QStringLiteral("path"), QStringLiteral("/q/home")}, {QStringLiteral("policy_id"), p}, {QStringLiteral("qos_policy_id"), qos.id()}}));
        QCOMPARE(get(QStringLiteral("/views/%1/").arg(v)).object().value(QLatin1String("qos_policy")).toString(), QStringLiteral("gold"));
        QCOMPARE(call("DELETE", QStringLiteral("/qospolicies/%1/").arg(qos.id())).status, 409);
        QCOMPARE(call("DELETE", QStringLiteral("/quotas/%1/").arg(quota.id())).status, 204);
    }

    void usersAndAccessKeys()
    {
        const int t = tenant(QStringLiteral("u"));
        const int provider = providerOf(t);
        QCOMPARE(post(QStringLiteral("/users/"), {{QStringLiteral("name"), QStringLiteral("alice")}}).object().keys(), QStringList{QStringLiteral("local_provider_id")});
        QCOMPARE(post(QStringLiteral("/users/"), {{QStringLiteral("name"), QStringLiteral("alice")}, {QStringLiteral("local_provider_id"), 77}}).status, 400);
        const VmsAnswer alice = post(QStringLiteral("/users/"), {{QStringLiteral("name"), QStringLiteral("alice")}, {QStringLiteral("local_provider_id"), provider},
                                                              {QStringLiteral("password"), QStringLiteral("s3cret")}});
        QCOMPARE(alice.status, 201);
        QCOMPARE(alice.object().value(QLatin1String("local_provider")).toObject().value(QLatin1String("id")).toInt(), provider);
        QCOMPARE(alice.object().value(QLatin1String("password_is_set")).toBool(), true);
        QVERIFY(!alice.body.contains("s3cret"));
        QCOMPARE(post(QStringLiteral("/users/"), {{QStringLiteral("name"), QStringLiteral("alice")}, {QStringLiteral("local_provider_id"), provider}}).status, 409);

        const QString keys = QStringLiteral("/users/%1/access_keys/").arg(alice.id());
        const VmsAnswer pair = post(keys, {{QStringLiteral("tenant_id"), t}});
        QCOMPARE(pair.status, 200);
        const QString accessKey = pair.object().value(QLatin1String("access_key")).toString();
        QCOMPARE(accessKey.size(), 20);
        QCOMPARE(pair.object().value(QLatin1String("secret_key")).toString().size(), 40);
        const QJsonArray listed = get(QStringLiteral("/users/%1/").arg(alice.id())).object().value(QLatin1String("access_keys")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first()[QLatin1String("access_key")].toString(), accessKey);
        QCOMPARE(listed.first()[QLatin1String("enabled")].toBool(), true);
        QVERIFY(!get(QStringLiteral("/users/%1/").arg(alice.id())).body.contains(pair.object().value(QLatin1String("secret_key")).toString().toLatin1()));
        QCOMPARE(call("PATCH", keys, QJsonObject{{QStringLiteral("access_key"), accessKey}, {QStringLiteral("enabled"), false}}).status, 204);
        QCOMPARE(get(QStringLiteral("/users/%1/").arg(alice.id())).object().value(QLatin1String("access_keys")).toArray().first()[QLatin1String("enabled")].toBool(), false);
        QCOMPARE(call("PATCH", keys, QJsonObject{{QStringLiteral("access_key"), accessKey}}).status, 400); // enabled is required
        QCOMPARE(call("DELETE", keys, QJsonObject{{QStringLiteral("access_key"), QStringLiteral("NOPE")}}).status, 404);
        QCOMPARE(call("DELETE", keys, QJsonObject{{QStringLiteral("access_key"), accessKey}}).status, 204);
        QVERIFY(get(QStringLiteral("/users/%1/").arg(alice.id())).object().value(QLatin1String("access_keys")).toArray().isEmpty());
        QCOMPARE(patch(QStringLiteral("/users/%1/").arg(alice.id()), {{QStringLiteral("s3_superuser"), true}}).status, 200);
        QCOMPARE(get(QStringLiteral("/users/?name=alice")).array().first()[QLatin1String("s3_superuser")].toBool(), true);
        QCOMPARE(call("DELETE", QStringLiteral("/users/%1/").arg(alice.id())).status, 204);
    }

    void topicsSchemasAndBrokers()
    {
        const auto [t, p] = tenantWithOwner(QStringLiteral("stream"));
        view(QStringLiteral("/stream/events"), p, {QStringLiteral("KAFKA")}, QStringLiteral("events"), QStringLiteral("stream-owner"));
        view(QStringLiteral("/stream/db"), p, {QStringLiteral("DATABASE")}, QStringLiteral("analytics"), QStringLiteral("stream-owner"));
        const QJsonObject topic{{QStringLiteral("database_name"), QStringLiteral("events")}, {QStringLiteral("name"), QStringLiteral("clicks")},
                                {QStringLiteral("topic_partitions"), 6}, {QStringLiteral("retention_ms"), 86400000}};
        const VmsAnswer created = post(QStringLiteral("/topics/"), topic);
        QCOMPARE(created.status, 201);
        QVERIFY(created.body.isEmpty());
        QCOMPARE(post(QStringLiteral("/topics/"), topic).status, 409);
        QJsonObject onDatabase = topic;
        onDatabase.insert(QStringLiteral("database_name"), QStringLiteral("analytics"));
        QVERIFY(post(QStringLiteral("/topics/"), onDatabase).object().value(QLatin1String("database_name")).toArray().first().toString().contains(QLatin1String("KAFKA")));
        onDatabase.insert(QStringLiteral("database_name"), QStringLiteral("nowhere"));
        QCOMPARE(post(QStringLiteral("/topics/"), onDatabase).status, 400);
        QCOMPARE(post(QStringLiteral("/topics/"), {{QStringLiteral("database_name"), QStringLiteral("events")}, {QStringLiteral("name"), QStringLiteral("x")}}).object().keys(),
                 QStringList{QStringLiteral("topic_partitions")});
        QCOMPARE(get(QStringLiteral("/topics/?database_name=events")).array(),
                 (QJsonArray{QJsonObject{{QStringLiteral("database_name"), QStringLiteral("events")}, {QStringLiteral("name"), QStringLiteral("clicks")}}}));
        QCOMPARE(get(QStringLiteral("/topics/?tenant_id=%1").arg(t)).array().size(), 1);
        QCOMPARE(get(QStringLiteral("/topics/?tenant_id=%1").arg(t + 100)).array().size(), 0);
        QCOMPARE(call("DELETE", QStringLiteral("/views/%1/").arg(get(QStringLiteral("/views/?bucket=events")).array().first()[QLatin1String("id")].toInt())).status, 409);
        const QJsonObject topicName{{QStringLiteral("database_name"), QStringLiteral("events")}, {QStringLiteral("schema_name"), QStringLiteral("kafka_topics")},
                                    {QStringLiteral("name"), QStringLiteral("clicks")}};
        QCOMPARE(call("DELETE", QStringLiteral("/topics/delete/"), topicName).status, 204);
        QCOMPARE(call("DELETE", QStringLiteral("/topics/delete/"), topicName).status, 404);

        QCOMPARE(post(QStringLiteral("/schemas/"), {{QStringLiteral("database_name"), QStringLiteral("analytics")}, {QStringLiteral("name"), QStringLiteral("sales")}}).status, 201);
        QCOMPARE(post(QStringLiteral("/schemas/"), {{QStringLiteral("database_name"), QStringLiteral("events")}, {QStringLiteral("name"), QStringLiteral("sales")}}).status, 400);
        QCOMPARE(get(QStringLiteral("/schemas/?name__startswith=sa")).array().size(), 1);
        QCOMPARE(call("DELETE", QStringLiteral("/schemas/delete/"), QJsonObject{{QStringLiteral("database_name"), QStringLiteral("analytics")}, {QStringLiteral("name"), QStringLiteral("sales")}}).status, 204);
        QVERIFY(get(QStringLiteral("/schemas/")).array().isEmpty());

        const VmsAnswer broker = post(QStringLiteral("/kafkabrokers/"), {{QStringLiteral("name"), QStringLiteral("ext")},
                                                                      {QStringLiteral("addresses"), QJsonArray{QJsonObject{{QStringLiteral("host"), QStringLiteral("kafka.example")}, {QStringLiteral("port"), 9092}}}}});
        QCOMPARE(broker.status, 201);
        const int brokerId = broker.array().first()[QLatin1String("id")].toInt(); // the spec answers a list here
        QVERIFY(brokerId > 0);
        QCOMPARE(post(QStringLiteral("/kafkabrokers/"), {{QStringLiteral("name"), QStringLiteral("none")}, {QStringLiteral("addresses"), QJsonArray()}}).status, 400);
        QCOMPARE(patch(QStringLiteral("/kafkabrokers/%1/").arg(brokerId), {{QStringLiteral("hostname_verification_enabled"), true}}).object().value(QLatin1String("hostname_verification_enabled")).toBool(), true);
        QCOMPARE(get(QStringLiteral("/kafkabrokers/")).array().size(), 1);
        QCOMPARE(call("DELETE", QStringLiteral("/kafkabrokers/%1/").arg(brokerId)).status, 204);
    }

    void volumesMappedToBlockHosts()
    {
        const auto [t, p] = tenantWithOwner(QStringLiteral("blk"));
        const int nfs = view(QStringLiteral("/blk/files"), p, {QStringLiteral("NFS")});
        const int block = view(QStringLiteral("/blk/block"), p, {QStringLiteral("BLOCK")});
        QVERIFY(get(QStringLiteral("/views/%1/").arg(block)).object().value(QLatin1String("nqn")).toString().startsWith(QLatin1String("nqn.")));
        const QJsonObject volumeBody{{QStringLiteral("name"), QStringLiteral("vol1")}, {QStringLiteral("size"), 10LL << 30}, {QStringLiteral("view_id"), nfs}};
        QCOMPARE(post(QStringLiteral("/volumes/"), volumeBody).object().keys(), QStringList{QStringLiteral("view_id")});
        QJsonObject onBlock = volumeBody;
        onBlock.insert(QStringLiteral("view_id"), block);
        const VmsAnswer volume = post(QStringLiteral("/volumes/"), onBlock);
        QCOMPARE(volume.status, 201);
        QCOMPARE(volume.object().value(QLatin1String("full_path")).toString(), QStringLiteral("/blk/block/vol1"));
        QCOMPARE(volume.object().value(QLatin1String("tenant_name")).toString(), QStringLiteral("blk"));
        QCOMPARE(post(QStringLiteral("/volumes/"), onBlock).status, 409);
        QCOMPARE(get(QStringLiteral("/views/%1/").arg(block)).object().value(QLatin1String("logical_capacity")).toInteger(), 10LL << 30);

        const QJsonObject hostBody{{QStringLiteral("name"), QStringLiteral("host1")}, {QStringLiteral("nqn"), QStringLiteral("nqn.2014-08.org.nvmexpress:uuid:1")}, {QStringLiteral("tenant_id"), t}};
        const VmsAnswer host = post(QStringLiteral("/blockhosts/"), hostBody);
        QCOMPARE(host.status, 201);
        QCOMPARE(host.object().value(QLatin1String("tags")).toObject(), QJsonObject());
        QCOMPARE(patch(QStringLiteral("/blockhosts/%1/").arg(host.id()), {{QStringLiteral("tags"), QJsonObject{{QStringLiteral("rack"), QStringLiteral("G01")}}}})
                     .object().value(QLatin1String("tags")).toObject().value(QLatin1String("rack")).toString(),
                 QStringLiteral("G01"));
        QCOMPARE(post(QStringLiteral("/blockhosts/"), hostBody).status, 409);
        QJsonObject badNqn = hostBody;
        badNqn.insert(QStringLiteral("nqn"), QStringLiteral("iqn.bad"));
        QCOMPARE(post(QStringLiteral("/blockhosts/"), badNqn).status, 400);
        const int otherTenant = tenant(QStringLiteral("other-blk"));
        const int stranger = made(post(QStringLiteral("/blockhosts/"), {{QStringLiteral("name"), QStringLiteral("h9")}, {QStringLiteral("nqn"), QStringLiteral("nqn.2014-08.org.nvmexpress:uuid:9")},
                                                                       {QStringLiteral("tenant_id"), otherTenant}}));
        QCOMPARE(call("PATCH", QStringLiteral("/volumes/%1/set_hosts").arg(volume.id()), QJsonObject{{QStringLiteral("ids"), QJsonArray{stranger}}}).status, 400);
        QCOMPARE(call("PATCH", QStringLiteral("/volumes/%1/set_hosts").arg(volume.id()), QJsonObject{{QStringLiteral("ids"), QJsonArray{999}}}).status, 400);

        const VmsAnswer mapping = call("PATCH", QStringLiteral("/volumes/%1/set_hosts").arg(volume.id()), QJsonObject{{QStringLiteral("ids"), QJsonArray{host.id()}}});
        QCOMPARE(mapping.status, 200);
        QCOMPARE(waitForTask(mapping.object().value(QLatin1String("async_task"))[QLatin1String("id")].toInt()).value(QLatin1String("state")).toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(get(QStringLiteral("/volumes/%1/").arg(volume.id())).object().value(QLatin1String("mapped_block_host_count")).toInt(), 1);
        QCOMPARE(get(QStringLiteral("/blockhosts/%1/").arg(host.id())).object().value(QLatin1String("mapped_volumes_preview")).toString(), QStringLiteral("vol1"));
        QCOMPARE(patch(QStringLiteral("/volumes/%1/").arg(volume.id()), {{QStringLiteral("size"), 20LL << 30}}).status, 204);
        QCOMPARE(call("DELETE", QStringLiteral("/blockhosts/%1/").arg(host.id())).status, 409);
        QCOMPARE(call("DELETE", QStringLiteral("/volumes/%1/").arg(volume.id())).status, 409);
        QCOMPARE(call("DELETE", QStringLiteral("/volumes/%1/?force_unmap=true").arg(volume.id())).status, 204);
        QCOMPARE(call("DELETE", QStringLiteral("/blockhosts/%1/").arg(host.id())).status, 204);
    }

    void clusterDescribesTheLabHardware()
    {
        // Counted from the lab file itself.
        const QJsonObject lab = readJson(demoLab);
        const QJsonObject templates = lab.value(QLatin1String("templates")).toObject();
        int cnodes = 0, dboxes = 0, ssds = 0;
        double rawBytes = 0;
        for (const QJsonValue &rack : lab.value(QLatin1String("racks")).toArray())
            for (const QJsonValue &group : rack[QLatin1String("devices")].toArray()) {
                const QJsonObject t = templates.value(group[QLatin1String("template")].toString()).toObject();
                const int n = rack[QLatin1String("count")].toInt(1) * group[QLatin1String("count")].toInt(1);
                if (t.value(QLatin1String("kind")).toString() == QLatin1String("storage-cnode"))
                    cnodes += n;
                if (t.value(QLatin1String("kind")).toString() == QLatin1String("storage-dbox")) {
                    dboxes += n;
                    const QJsonObject drives = t.value(QLatin1String("drives")).toObject();
                    ssds += n * drives.value(QLatin1String("count")).toInt();
                    rawBytes += n * drives.value(QLatin1String("count")).toInt() * drives.value(QLatin1String("sizeGB")).toDouble() * 1e9;
                }
            }
        QVERIFY(cnodes > 0 && dboxes > 0);
        const QJsonArray clusters = get(QStringLiteral("/clusters/")).array();
        QCOMPARE(clusters.size(), 1);
        const QJsonObject c = clusters.first().toObject();
        QCOMPARE(c.value(QLatin1String("name")).toString(), QStringLiteral("ams1-demo-vast"));
        QCOMPARE(c.value(QLatin1String("physical_space")).toDouble(), std::floor(rawBytes * 0.92));
        QVERIFY(c.value(QLatin1String("usable_capacity_bytes")).toDouble() < c.value(QLatin1String("physical_space")).toDouble());
        QVERIFY(c.value(QLatin1String("usable_capacity_bytes")).toDouble() > 0.8 * c.value(QLatin1String("physical_space")).toDouble());
        QCOMPARE(c.value(QLatin1String("drr")).toDouble(), 3.0);
        QCOMPARE(c.value(QLatin1String("logical_space")).toDouble(), std::floor(c.value(QLatin1String("usable_capacity_bytes")).toDouble() * 3.0));
        QCOMPARE(c.value(QLatin1String("sw_version")).toString(), QStringLiteral("5.2.1"));
        QCOMPARE(get(QStringLiteral("/clusters/1/")).object().value(QLatin1String("psnt")).toString(), c.value(QLatin1String("psnt")).toString());
        QCOMPARE(get(QStringLiteral("/clusters/2/")).status, 404);
        QCOMPARE(get(QStringLiteral("/cnodes/")).array().size(), cnodes);
        QCOMPARE(get(QStringLiteral("/dboxes/")).array().size(), dboxes);
        QCOMPARE(get(QStringLiteral("/cnodes/?name=cnode-01")).array().size(), 1);
        QStringList ids;
        for (int i = 1; i <= dboxes; ++i)
            ids << QString::number(i);
        const QJsonObject total = get(QStringLiteral("/clusters/dboxes_total_capacity/?ids=") + ids.join(QLatin1Char(','))).object();
        QCOMPARE(total.value(QLatin1String("ssd_number")).toInt(), ssds);
        QCOMPARE(total.value(QLatin1String("ssd_capacity")).toDouble(), rawBytes);
        QCOMPARE(get(QStringLiteral("/clusters/dboxes_total_capacity/?ids=99")).status, 400);

        // A CNode a lab fault powers off shows as failed.
        QCOMPARE(fault({{QStringLiteral("device"), QStringLiteral("cnode-01")}, {QStringLiteral("kind"), QStringLiteral("cnode-down")}}), 201);
        QCOMPARE(get(QStringLiteral("/cnodes/1/")).object().value(QLatin1String("state")).toString(), QStringLiteral("FAILED"));
        QCOMPARE(get(QStringLiteral("/cnodes/2/")).object().value(QLatin1String("state")).toString(), QStringLiteral("ACTIVE"));
    }

    void listsPageAndFilter()
    {
        for (int i = 1; i <= 5; ++i)
            tenant(QStringLiteral("page-%1").arg(i));
        QCOMPARE(get(QStringLiteral("/tenants/")).array().size(), 5);
        VmsAnswer page = get(QStringLiteral("/tenants/?page_size=2"));
        QCOMPARE(page.object().value(QLatin1String("count")).toInt(), 5);
        QVERIFY(page.object().value(QLatin1String("previous")).isNull());
        const QString vmsUrl = (*m_backend)->lab()->vmsUrl().toString();
        QCOMPARE(page.object().value(QLatin1String("next")).toString(), vmsUrl + QStringLiteral("/tenants/?page_size=2&page=2"));
        QStringList names;
        int pages = 0;
        for (;;) {
            ++pages;
            for (const QJsonValue &t : page.object().value(QLatin1String("results")).toArray())
                names << t[QLatin1String("name")].toString();
            const QString next = page.object().value(QLatin1String("next")).toString();
            if (next.isEmpty())
                break;
            QVERIFY(next.startsWith(vmsUrl));
            page = get(next.mid(vmsUrl.size()));
            QCOMPARE(page.status, 200);
        }
        QCOMPARE(pages, 3);
        QCOMPARE(names.size(), 5);
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 5);
        QCOMPARE(page.object().value(QLatin1String("previous")).toString(), vmsUrl + QStringLiteral("/tenants/?page_size=2&page=2"));
        QCOMPARE(get(QStringLiteral("/tenants/?page_size=2&page=9")).detail(), QStringLiteral("Invalid page."));
        QCOMPARE(get(QStringLiteral("/tenants/?page_size=2&page=2&name__icontains=PAGE")).object().value(QLatin1String("results")).toArray().size(), 2);
        QCOMPARE(get(QStringLiteral("/tenants/?name=page-3")).array().size(), 1);
        QCOMPARE(get(QStringLiteral("/tenants/?name=page-3")).array().first()[QLatin1String("name")].toString(), QStringLiteral("page-3"));
        QCOMPARE(get(QStringLiteral("/tenants/?name__icontains=GE-4")).array().size(), 1);
        const VmsAnswer typo = get(QStringLiteral("/tenants/?nmae=page-3"));
        QCOMPARE(typo.status, 400);
        QVERIFY(typo.object().contains(QLatin1String("nmae")));
    }

    void stateSurvivesARestart()
    {
        const auto [t, p] = tenantWithOwner(QStringLiteral("keep"));
        const int v = view(QStringLiteral("/keep/data"), p, {QStringLiteral("S3")}, QStringLiteral("kept"), QStringLiteral("keep-owner"));
        const QJsonObject before = get(QStringLiteral("/views/%1/").arg(v)).object();
        QCOMPARE(fault({{QStringLiteral("device"), QStringLiteral("vms")}, {QStringLiteral("kind"), QStringLiteral("vms-error")},
                        {QStringLiteral("component"), QStringLiteral("/quotas/")}}),
                 201);
        QCOMPARE(call("DELETE", QStringLiteral("/views/%1/").arg(v)).status, 204); // ids are not reused after a delete

        startBackend(); // the same database file
        QCOMPARE(get(QStringLiteral("/tenants/%1/").arg(t)).object().value(QLatin1String("name")).toString(), QStringLiteral("keep"));
        QCOMPARE(get(QStringLiteral("/views/%1/").arg(v)).status, 404);
        const int again = view(QStringLiteral("/keep/data"), p, {QStringLiteral("S3")}, QStringLiteral("kept"), QStringLiteral("keep-owner"));
        QCOMPARE(again, v + 1);
        QCOMPARE(get(QStringLiteral("/views/%1/").arg(again)).object().value(QLatin1String("bucket")).toString(), before.value(QLatin1String("bucket")).toString());
        QCOMPARE(get(QStringLiteral("/users/?name=keep-owner")).array().size(), 1);
        QCOMPARE(get(QStringLiteral("/quotas/")).status, 503); // the fault is stored too
        QCOMPARE(post(QStringLiteral("/views/"), {{QStringLiteral("path"), QStringLiteral("/keep/data")}, {QStringLiteral("policy_id"), p}}).status, 409); // and the unique keys
    }

    void vmsErrorFaultFailsMatchingCallsUntilCleared()
    {
        const auto [t, p] = tenantWithOwner(QStringLiteral("flaky"));
        const HttpAnswer injected = m_api->post(QStringLiteral("/api/v1/lab/faults"),
                                                compactJson(QJsonObject{{QStringLiteral("device"), QStringLiteral("vms")}, {QStringLiteral("kind"), QStringLiteral("vms-error")},
                                                                    {QStringLiteral("component"), QStringLiteral("/views/")}, {QStringLiteral("method"), QStringLiteral("post")},
                                                                    {QStringLiteral("status"), 503}}));
        QCOMPARE(injected.status, 201);
        QCOMPARE(injected.json.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(injected.json.value(QLatin1String("status")).toInt(), 503);
        const QJsonObject body{{QStringLiteral("path"), QStringLiteral("/flaky")}, {QStringLiteral("policy_id"), p}, {QStringLiteral("create_dir"), true}};
        const VmsAnswer failed = post(QStringLiteral("/views/"), body);
        QCOMPARE(failed.status, 503);
        QVERIFY(failed.detail().contains(QLatin1String("vms-error")));
        QCOMPARE(get(QStringLiteral("/views/")).status, 200);           // another method
        QCOMPARE(get(QStringLiteral("/tenants/%1/").arg(t)).status, 200); // another path
        QCOMPARE(m_api->get(QStringLiteral("/api/v1/lab/faults")).json.value(QLatin1String("total")).toInt(), 1);

        const auto refused = [&](const QJsonObject &bad) { return m_api->post(QStringLiteral("/api/v1/lab/faults"), compactJson(bad)).status; };
        const QJsonObject base{{QStringLiteral("device"), QStringLiteral("vms")}, {QStringLiteral("kind"), QStringLiteral("vms-error")}};
        QJsonObject bad = base;
        bad.insert(QStringLiteral("status"), 200);
        QCOMPARE(refused(bad), 400);
        bad = base;
        bad.insert(QStringLiteral("component"), QStringLiteral("views"));
        QCOMPARE(refused(bad), 400);
        bad = base;
        bad.insert(QStringLiteral("method"), QStringLiteral("FETCH"));
        QCOMPARE(refused(bad), 400);
        bad = base;
        bad.insert(QStringLiteral("device"), QStringLiteral("cnode-01"));
        QCOMPARE(refused(bad), 400);
        QCOMPARE(refused({{QStringLiteral("device"), QStringLiteral("gpu-g01-01")}, {QStringLiteral("kind"), QStringLiteral("gpu-failed")}, {QStringLiteral("status"), 500}}), 400);
        QCOMPARE(refused({{QStringLiteral("device"), QStringLiteral("vms")}, {QStringLiteral("kind"), QStringLiteral("vms-slow")}, {QStringLiteral("status"), 500}}), 400);

        const QString id = injected.json.value(QLatin1String("id")).toString();
        QCOMPARE(m_api->send("DELETE", QStringLiteral("/api/v1/lab/faults/") + id).status, 204);
        QCOMPARE(post(QStringLiteral("/views/"), body).status, 201);

        // vms-slow delays the matching answers.
        QCOMPARE(fault({{QStringLiteral("device"), QStringLiteral("vms")}, {QStringLiteral("kind"), QStringLiteral("vms-slow")},
                        {QStringLiteral("component"), QStringLiteral("/api/clusters/")}, {QStringLiteral("latencyMs"), 300}}),
                 201);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(get(QStringLiteral("/clusters/")).status, 200);
        QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
        clock.restart();
        QCOMPARE(get(QStringLiteral("/vtasks/")).status, 200);
        QVERIFY(clock.elapsed() < 290);
    }

    void garbageIsRefusedNeverFatal()
    {
        const auto [t, p] = tenantWithOwner(QStringLiteral("g"));
        const int v = view(QStringLiteral("/g/block"), p, {QStringLiteral("BLOCK")});
        const QStringList targets{QStringLiteral("/tenants/"), QStringLiteral("/tenants/%1/").arg(t), QStringLiteral("/tenants/%1/client_metrics/").arg(t),
                                  QStringLiteral("/tenants/%1/revoke_encryption_group/").arg(t), QStringLiteral("/vippools/"), QStringLiteral("/vippools/1/"),
                                  QStringLiteral("/viewpolicies/"), QStringLiteral("/viewpolicies/%1/").arg(p), QStringLiteral("/views/"),
                                  QStringLiteral("/views/%1/").arg(v), QStringLiteral("/quotas/"), QStringLiteral("/qospolicies/"), QStringLiteral("/users/"),
                                  QStringLiteral("/users/1/access_keys/"), QStringLiteral("/topics/"), QStringLiteral("/topics/delete/"), QStringLiteral("/schemas/"),
                                  QStringLiteral("/schemas/delete/"), QStringLiteral("/kafkabrokers/"), QStringLiteral("/volumes/"), QStringLiteral("/volumes/1/set_hosts"),
                                  QStringLiteral("/blockhosts/"), QStringLiteral("/clusters/"), QStringLiteral("/vtasks/"), QStringLiteral("/tenants/-1/"),
                                  QStringLiteral("/tenants/99999999999999999999/"), QStringLiteral("/views/1e3/"), QStringLiteral("/views/%00/"), QStringLiteral("//tenants/")};
        QJsonArray deep;
        for (int i = 0; i < 200; ++i)
            deep = QJsonArray{deep};
        const QList<QJsonValue> bodies{QJsonValue::Null, 1, QStringLiteral("x"), QJsonArray(), QJsonObject(), deep,
                                       QJsonObject{{QStringLiteral("name"), QString()}, {QStringLiteral("tenant_id"), -5}},
                                       QJsonObject{{QStringLiteral("name"), QStringLiteral("n")}, {QStringLiteral("tenant_id"), 2147483648.0}, {QStringLiteral("path"), QStringLiteral("/")},
                                                   {QStringLiteral("policy_id"), 0}, {QStringLiteral("subnet_cidr"), 24}, {QStringLiteral("ip_ranges"), QJsonArray{QJsonArray()}}},
                                       QJsonObject{{QStringLiteral("ids"), QJsonArray{-1, 0, 2147483648.0}}, {QStringLiteral("access_key"), QString()}, {QStringLiteral("enabled"), true}},
                                       QJsonObject{{QStringLiteral("database_name"), QString()}, {QStringLiteral("name"), QString()}, {QStringLiteral("schema_name"), QString()},
                                                   {QStringLiteral("topic_partitions"), -1}, {QStringLiteral("local_provider_id"), 1}, {QStringLiteral("nqn"), QString()}},
                                       QJsonObject{{QStringLiteral("config"), QJsonObject{{QStringLiteral("enabled"), false}}}, {QStringLiteral("user_defined_columns"), QJsonArray()}}};
        int answered = 0;
        for (const QString &target : targets)
            for (const QByteArray method : {QByteArrayLiteral("GET"), QByteArrayLiteral("POST"), QByteArrayLiteral("PATCH"), QByteArrayLiteral("DELETE")})
                for (const QJsonValue &body : bodies) {
                    const QByteArray raw = body.isNull() ? QByteArray("null") : body.isDouble() ? QByteArray("1") : body.isString() ? QByteArray("\"x\"") : compactJson(body);
                    const VmsAnswer a = m_vms->callRaw(method, target, raw);
                    QVERIFY2(a.status >= 200 && a.status != 500 && a.status < 502,
                             qPrintable(QStringLiteral("%1 %2 %3 -> %4 %5").arg(QString::fromLatin1(method), target, QString::fromUtf8(raw.left(80))).arg(a.status).arg(QString::fromUtf8(a.body))));
                    ++answered;
                }
        QCOMPARE(answered, int(targets.size() * 4 * bodies.size()));
        QCOMPARE(get(QStringLiteral("/tenants/%1/").arg(t)).status, 200); // still serving
    }

    void answersAreQuick()
    {
        const int t = tenant(QStringLiteral("speed"));
        for (int i = 0; i < 100; ++i)
            made(post(QStringLiteral("/quotas/"), {{QStringLiteral("name"), QStringLiteral("q%1").arg(i)}, {QStringLiteral("path"), QStringLiteral("/speed/%1").arg(i)},
                                                   {QStringLiteral("tenant_id"), t}, {QStringLiteral("create_dir"), true}}));
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 50; ++i)
            QCOMPARE(get(QStringLiteral("/quotas/")).array().size(), 100);
        const double listMs = clock.elapsed() / 50.0;
        clock.restart();
        for (int i = 0; i < 50; ++i)
            QCOMPARE(patch(QStringLiteral("/quotas/%1/").arg(i + 1), {{QStringLiteral("hard_limit"), 1000 + i}}).status, 200);
        const double patchMs = clock.elapsed() / 50.0;
        qInfo("VMS double over loopback, client included: list of 100 quotas %.1f ms, PATCH (checked, stored) %.1f ms", listMs, patchMs);
        QVERIFY2(listMs < 200 && patchMs < 200, "an answer takes longer than any test can afford");
    }

    void aLabWithoutVms()
    {
        QJsonObject lab = readJson(demoLab);
        lab.insert(QStringLiteral("vms"), false);
        const QString path = m_dir->filePath(QStringLiteral("no-vms.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(compactJson(lab));
        file.close();
        startBackend(path);
        QVERIFY(!(*m_backend)->lab()->vmsUrl().isValid());
        QVERIFY(m_api->get(QStringLiteral("/api/v1/lab")).json.value(QLatin1String("vms")).isNull());
        QCOMPARE(fault({{QStringLiteral("device"), QStringLiteral("vms")}, {QStringLiteral("kind"), QStringLiteral("vms-error")}}), 404);
    }
};

QTEST_GUILESS_MAIN(TestVmsLab)
#include "tst_vms_lab.moc"
