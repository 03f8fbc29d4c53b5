// Service enablement end to end over real sockets: the REST API, the engine's jobs, the VAST
// provider's HTTP calls, and the demo lab's VMS, which checks every body against VAST's own API
// definition. What is on the "cluster" is read back from the VMS itself, not from our records.

#include "../common/LabApiFixture.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace NeoCloud;
using namespace NeoCloud::Testing;

namespace {

QJsonObject parse(const char *text) { return QJsonDocument::fromJson(text).object(); }

} // namespace

class TestServices : public QObject
{
    Q_OBJECT

    LabApiFixture m_lab;
    HttpClient *m_http = nullptr; // the lab's admin session
    QUrl m_vms;
    QString m_vmsToken;
    QNetworkAccessManager m_vmsClient;

    // GET on the lab's VMS, as VAST's own API shows it.
    QJsonArray vms(const QString &collection, const QList<QPair<QString, QString>> &filters = {})
    {
        QUrl url(m_vms.toString() + collection);
        QUrlQuery query;
        for (const auto &[k, v] : filters)
            query.addQueryItem(k, v);
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Api-Token " + m_vmsToken.toUtf8());
        QNetworkReply *reply = m_vmsClient.get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).array();
    }

    QString vastTenantId(const QString &name)
    {
        const QJsonArray found = vms(QStringLiteral("/tenants/"), {{QStringLiteral("name"), name}});
        return found.isEmpty() ? QString() : QString::number(found.first()[QLatin1String("id")].toInteger());
    }

    QString createTenant(const QString &name, bool customerKey = false)
    {
        QJsonObject body{{QStringLiteral("name"), name},
                         {QStringLiteral("quotas"), QJsonObject{{QStringLiteral("capacityBytes"), 100e12},
                                                                {QStringLiteral("gpus"), 8},
                                                                {QStringLiteral("maxServices"), 10},
                                                                {QStringLiteral("qos"), QJsonObject{{QStringLiteral("bandwidthMBps"), 4000}}}}}};
        if (customerKey)
            body.insert(QStringLiteral("encryption"), QJsonObject{{QStringLiteral("customerManaged"), true}});
        return m_lab.makeTenant(body);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_lab.start());
        m_http = &m_lab.http();
        const QJsonObject lab = m_http->get(QStringLiteral("/api/v1/lab")).json.value(QLatin1String("vms")).toObject();
        m_vms = QUrl(lab.value(QLatin1String("url")).toString());
        m_vmsToken = lab.value(QLatin1String("token")).toString();
        QVERIFY2(m_vms.isValid() && !m_vms.isEmpty(), "GET /api/v1/lab names the lab's VMS");
    }

    void cleanup()
    {
        m_lab.clearFaults();
        m_lab.removeAllTenants();
    }

    void dryRunShowsTheCallsAndMakesNone()
    {
        const QString tenant = createTenant(QStringLiteral("dry"));
        const HttpAnswer plan = m_http->post(QStringLiteral("/api/v1/tenants/%1/services?dryRun=true").arg(tenant),
                                             json({{QStringLiteral("kind"), QStringLiteral("object-storage")},
                                                   {QStringLiteral("params"), parse(R"({"bucket": "models", "quotaBytes": 1000000000})")}}));
        QCOMPARE(plan.status, 200);
        const QJsonArray steps = plan.json.value(QLatin1String("steps")).toArray();
        QStringList calls;
        for (const QJsonValue &s : steps)
            calls << s[QLatin1String("method")].toString() + u' ' + s[QLatin1String("path")].toString();
        QCOMPARE(calls, (QStringList{QStringLiteral("POST /tenants/"), QStringLiteral("POST /vippools/"), QStringLiteral("POST /users/"),
                                     QStringLiteral("POST /qospolicies/"), QStringLiteral("POST /viewpolicies/"), QStringLiteral("POST /views/"),
                                     QStringLiteral("POST /quotas/")}));
        QCOMPARE(steps[5][QLatin1String("body")][QLatin1String("bucket")].toString(), QStringLiteral("models"));
        QCOMPARE(steps[5][QLatin1String("body")][QLatin1String("policy_id")].toString(), QStringLiteral("{{policy.id}}"));
        QVERIFY(vastTenantId(QStringLiteral("dry")).isEmpty()); // nothing was made
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tenants/%1/services").arg(tenant)).json.value(QLatin1String("total")).toInt(), 0);
    }

    void eachKindEnablesThenDisablesAndTheTenantGoes()
    {
        const QString tenant = createTenant(QStringLiteral("acme"));
        const QList<QPair<QString, QJsonObject>> kinds{
            {QStringLiteral("object-storage"), parse(R"({"bucket": "training-data", "versioning": true, "quotaBytes": 10000000000})")},
            {QStringLiteral("file-storage"), parse(R"({"path": "/home", "protocols": ["NFS", "SMB"], "exportRules": [{"clients": "10.100.0.0/24", "access": "rw"}]})")},
            {QStringLiteral("block-storage"), parse(R"({"volumes": [{"name": "scratch", "sizeBytes": 1099511627776}], "hostNqns": ["nqn.2014-08.org.nvmexpress:uuid:1b4e28ba"]})")},
            {QStringLiteral("event-streaming"), parse(R"({"topics": [{"name": "inference-events", "partitions": 16, "retentionHours": 72}]})")},
            {QStringLiteral("database"), parse(R"({"bucket": "analytics", "schemas": ["raw", "curated"]})")},
            {QStringLiteral("functions"), parse(R"({"functions": [{"name": "thumbnailer", "runtime": "python3.11", "trigger": {"kind": "bucket", "source": "training-data"}}]})")},
            {QStringLiteral("telemetry"), parse(R"({"retentionDays": 90})")},
        };
        QHash<QString, QString> ids;
        for (const auto &[kind, params] : kinds) {
            const QJsonObject service = m_lab.enableService(tenant, kind, params);
            QVERIFY2(service.value(QLatin1String("state")) == QLatin1String("active"),
                     qPrintable(kind + QStringLiteral(": ") + QString::fromUtf8(json(service))));
            QVERIFY2(!service.value(QLatin1String("endpoints")).toObject().isEmpty(), qPrintable(kind));
            ids.insert(kind, service.value(QLatin1String("id")).toString());
        }
        // On the cluster, as VMS reports it.
        const QString vastTenant = vastTenantId(QStringLiteral("acme"));
        QVERIFY(!vastTenant.isEmpty());
        QCOMPARE(vms(QStringLiteral("/vippools/"), {{QStringLiteral("name"), QStringLiteral("acme-vip")}}).size(), 1);
        QCOMPARE(vms(QStringLiteral("/views/"), {{QStringLiteral("bucket"), QStringLiteral("training-data")}}).size(), 1);
        QCOMPARE(vms(QStringLiteral("/topics/"), {{QStringLiteral("database_name"), QStringLiteral("acme-events")}}).size(), 1);
        QCOMPARE(vms(QStringLiteral("/schemas/"), {{QStringLiteral("database_name"), QStringLiteral("analytics")}}).size(), 2);
        QCOMPARE(vms(QStringLiteral("/volumes/"), {{QStringLiteral("name"), QStringLiteral("scratch")}}).size(), 1);
        QCOMPARE(vms(QStringLiteral("/views/"), {{QStringLiteral("tenant_id"), vastTenant}}).size(), 6);
        // The foundation was made once, not once per service.
        QCOMPARE(vms(QStringLiteral("/users/"), {{QStringLiteral("name"), QStringLiteral("acme-owner")}}).size(), 1);

        // Disabling one undoes exactly its steps.
        const HttpAnswer disabling = m_http->send("DELETE", QStringLiteral("/api/v1/services/") + ids[QStringLiteral("database")]);
        QCOMPARE(disabling.status, 202);
        QCOMPARE(disabling.json.value(QLatin1String("state")).toString(), QStringLiteral("disabling"));
        const QJsonObject disabled = m_lab.settle(QStringLiteral("/api/v1/services/") + ids[QStringLiteral("database")], {QStringLiteral("disabling")});
        QCOMPARE(disabled.value(QLatin1String("state")).toString(), QStringLiteral("disabled"));
        QVERIFY(vms(QStringLiteral("/views/"), {{QStringLiteral("bucket"), QStringLiteral("analytics")}}).isEmpty());
        QVERIFY(vms(QStringLiteral("/schemas/"), {{QStringLiteral("database_name"), QStringLiteral("analytics")}}).isEmpty());
        QCOMPARE(vms(QStringLiteral("/views/"), {{QStringLiteral("tenant_id"), vastTenant}}).size(), 5);

        // A tenant with services is kept unless forced; forced, a job takes everything down.
        QCOMPARE(m_http->send("DELETE", QStringLiteral("/api/v1/tenants/") + tenant).status, 409);
        const HttpAnswer removing = m_http->send("DELETE", QStringLiteral("/api/v1/tenants/%1?force=true").arg(tenant));
        QCOMPARE(removing.status, 202);
        const QJsonObject job = m_lab.settle(QStringLiteral("/api/v1/jobs/") + removing.json.value(QLatin1String("id")).toString(),
                                       {QStringLiteral("queued"), QStringLiteral("running")});
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tenants/") + tenant).status, 404);
        QVERIFY(vastTenantId(QStringLiteral("acme")).isEmpty());
        QVERIFY(vms(QStringLiteral("/views/"), {{QStringLiteral("tenant_id"), vastTenant}}).isEmpty());
        QVERIFY(vms(QStringLiteral("/users/"), {{QStringLiteral("name"), QStringLiteral("acme-owner")}}).isEmpty());
        QVERIFY(vms(QStringLiteral("/vippools/"), {{QStringLiteral("name"), QStringLiteral("acme-vip")}}).isEmpty());
    }

    void aProviderFailureMidJobLeavesNothingHalfDone()
    {
        const QString tenant = createTenant(QStringLiteral("initech"));
        QCOMPARE(m_lab.addFault({{QStringLiteral("device"), QStringLiteral("vms")}, {QStringLiteral("kind"), QStringLiteral("vms-error")},
                           {QStringLiteral("component"), QStringLiteral("/topics/")}, {QStringLiteral("status"), 503}})
                     .status,
                 201);
        const QJsonObject failed = m_lab.enableService(tenant, QStringLiteral("event-streaming"), parse(R"({"topics": [{"name": "a"}, {"name": "b"}]})"));
        QCOMPARE(failed.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        const QString error = failed.value(QLatin1String("error")).toString();
        QVERIFY2(error.contains(QLatin1String("503")) && error.contains(QLatin1String("topic")), qPrintable(error));
        const QJsonObject job = m_http->get(QStringLiteral("/api/v1/jobs/") + failed.value(QLatin1String("jobId")).toString()).json;
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QVERIFY(job.value(QLatin1String("rolledBack")).toBool());
        QVERIFY(job.value(QLatin1String("rollbackErrors")).toArray().isEmpty());
        // Rolled back in reverse, the foundation this job made included: VAST has nothing.
        QVERIFY(vastTenantId(QStringLiteral("initech")).isEmpty());
        QVERIFY(vms(QStringLiteral("/views/"), {{QStringLiteral("name"), QStringLiteral("initech-events")}}).isEmpty());
        QVERIFY(vms(QStringLiteral("/viewpolicies/"), {{QStringLiteral("name"), QStringLiteral("initech-events")}}).isEmpty());
        QVERIFY(vms(QStringLiteral("/vippools/"), {{QStringLiteral("name"), QStringLiteral("initech-vip")}}).isEmpty());
        // A failed service does not count against the quota, and the same request works once the fault is gone.
        m_lab.clearFaults();
        const QJsonObject again = m_lab.enableService(tenant, QStringLiteral("event-streaming"), parse(R"({"topics": [{"name": "a"}, {"name": "b"}]})"));
        QCOMPARE(again.value(QLatin1String("state")).toString(), QStringLiteral("active"));
        QCOMPARE(vms(QStringLiteral("/topics/"), {{QStringLiteral("database_name"), QStringLiteral("initech-events")}}).size(), 2);
    }

    void badRequestsAreRefusedBeforeAnyJob()
    {
        const QString tenant = createTenant(QStringLiteral("refusals"));
        const QString path = QStringLiteral("/api/v1/tenants/%1/services").arg(tenant);
        HttpAnswer a = m_http->post(path, R"({"kind": "quantum-storage"})");
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json[QLatin1String("error")][QLatin1String("field")].toString(), QStringLiteral("kind"));
        a = m_http->post(path, R"({"kind": "object-storage", "params": {"bucket": "Not_A_Bucket"}})");
        QCOMPARE(a.status, 422);
        QCOMPARE(a.json[QLatin1String("error")][QLatin1String("field")].toString(), QStringLiteral("params.bucket"));
        a = m_http->post(path, R"({"kind": "functions", "params": {"functions": [{"name": "f", "runtime": "node20", "trigger": {"kind": "bucket", "source": "nowhere"}}]}})");
        QCOMPARE(a.status, 422);
        QCOMPARE(a.json[QLatin1String("error")][QLatin1String("field")].toString(), QStringLiteral("params.functions[0].trigger.source"));
        QCOMPARE(m_http->post(path, R"({"kind": "telemetry", "params": {}, "extra": 1})").status, 400);
        QCOMPARE(m_http->post(path, "{not json").status, 400);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/tenants/nope/services"), R"({"kind": "telemetry"})").status, 404);
        QCOMPARE(m_http->get(path).json.value(QLatin1String("total")).toInt(), 0);
        QVERIFY(vastTenantId(QStringLiteral("refusals")).isEmpty());
    }

    void onboardingIsAllOrNothing()
    {
        const QJsonObject body = parse(R"({
            "tenant": {"name": "globex", "quotas": {"capacityBytes": 10000000000000, "gpus": 4}},
            "users": [{"username": "globex-admin", "password": "a long enough password", "role": "tenant-admin"}],
            "services": [{"kind": "object-storage", "params": {"bucket": "globex-data"}},
                         {"kind": "database", "params": {"bucket": "globex-db", "schemas": ["sales"]}}]})");
        const HttpAnswer plan = m_http->post(QStringLiteral("/api/v1/onboardings?dryRun=true"), json(body));
        QCOMPARE(plan.status, 200);
        QCOMPARE(plan.json.value(QLatin1String("steps")).toArray().first()[QLatin1String("target")].toString(), QStringLiteral("neocloud"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tenants")).json.value(QLatin1String("total")).toInt(), 0);

        // The second service fails on the cluster: everything goes, the tenant and its user too.
        QCOMPARE(m_lab.addFault({{QStringLiteral("device"), QStringLiteral("vms")}, {QStringLiteral("kind"), QStringLiteral("vms-error")},
                           {QStringLiteral("component"), QStringLiteral("/schemas/")}})
                     .status,
                 201);
        HttpAnswer started = m_http->post(QStringLiteral("/api/v1/onboardings"), json(body));
        QCOMPARE(started.status, 202);
        QJsonObject job = m_lab.settle(QStringLiteral("/api/v1/onboardings/") + started.json.value(QLatin1String("id")).toString(),
                                 {QStringLiteral("queued"), QStringLiteral("running")});
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QVERIFY(job.value(QLatin1String("rolledBack")).toBool());
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tenants/") + job.value(QLatin1String("tenantId")).toString()).status, 404);
        QVERIFY(m_lab.login(QStringLiteral("globex-admin"), QStringLiteral("a long enough password")).isEmpty());
        QVERIFY(vastTenantId(QStringLiteral("globex")).isEmpty());
        QVERIFY(vms(QStringLiteral("/views/"), {{QStringLiteral("bucket"), QStringLiteral("globex-data")}}).isEmpty());

        m_lab.clearFaults();
        started = m_http->post(QStringLiteral("/api/v1/onboardings"), json(body));
        QCOMPARE(started.status, 202);
        job = m_lab.settle(QStringLiteral("/api/v1/onboardings/") + started.json.value(QLatin1String("id")).toString(),
                     {QStringLiteral("queued"), QStringLiteral("running")});
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
        const QString tenant = job.value(QLatin1String("tenantId")).toString();
        const QJsonArray services = m_http->get(QStringLiteral("/api/v1/tenants/%1/services").arg(tenant)).json.value(QLatin1String("items")).toArray();
        QCOMPARE(services.size(), 2);
        for (const QJsonValue &s : services)
            QCOMPARE(s[QLatin1String("state")].toString(), QStringLiteral("active"));
        // The tenant's admin sees its services, and nothing of other tenants.
        const QString token = m_lab.login(QStringLiteral("globex-admin"), QStringLiteral("a long enough password"));
        QVERIFY(!token.isEmpty());
        QCOMPARE(m_http->send("GET", QStringLiteral("/api/v1/tenants/%1/services").arg(tenant), {}, token).status, 200);
        const QString other = createTenant(QStringLiteral("other"));
        QCOMPARE(m_http->send("GET", QStringLiteral("/api/v1/tenants/%1/services").arg(other), {}, token).status, 404);
        QCOMPARE(m_http->send("POST", QStringLiteral("/api/v1/onboardings"), json(body), token).status, 403);
    }

    void customerKeysShowTheirImpactFirst()
    {
        const QString tenant = createTenant(QStringLiteral("hooli"), true);
        const QString base = QStringLiteral("/api/v1/tenants/%1/encryption/").arg(tenant);
        QCOMPARE(m_http->post(base + QStringLiteral("rotate"), {}).status, 409); // nothing on VAST yet
        QCOMPARE(m_lab.enableService(tenant, QStringLiteral("object-storage"), parse(R"({"bucket": "hooli-data"})")).value(QLatin1String("state")).toString(),
                 QStringLiteral("active"));
        const QJsonObject vastTenant = vms(QStringLiteral("/tenants/"), {{QStringLiteral("name"), QStringLiteral("hooli")}}).first().toObject();
        QCOMPARE(vastTenant.value(QLatin1String("encryption_group")).toString(), QStringLiteral("hooli-cmk"));

        HttpAnswer impact = m_http->post(base + QStringLiteral("revoke?dryRun=true"), {});
        QCOMPARE(impact.status, 200);
        QCOMPARE(impact.json.value(QLatin1String("unreadable")).toArray().size(), 1);
        QCOMPARE(impact.json.value(QLatin1String("unreadable")).toArray().first()[QLatin1String("kind")].toString(), QStringLiteral("object-storage"));

        HttpAnswer rotating = m_http->post(base + QStringLiteral("rotate"), {});
        QCOMPARE(rotating.status, 202);
        QCOMPARE(m_lab.settle(QStringLiteral("/api/v1/jobs/") + rotating.json.value(QLatin1String("id")).toString(),
                        {QStringLiteral("queued"), QStringLiteral("running")}).value(QLatin1String("state")).toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tenants/") + tenant).json[QLatin1String("encryption")][QLatin1String("keyVersion")].toInt(), 2);

        QCOMPARE(m_http->post(base + QStringLiteral("revoke"), R"({"confirm": "wrong"})").status, 422);
        const HttpAnswer revoking = m_http->post(base + QStringLiteral("revoke"), R"({"confirm": "hooli"})");
        QCOMPARE(revoking.status, 202);
        QCOMPARE(m_lab.settle(QStringLiteral("/api/v1/jobs/") + revoking.json.value(QLatin1String("id")).toString(),
                        {QStringLiteral("queued"), QStringLiteral("running")}).value(QLatin1String("state")).toString(),
                 QStringLiteral("succeeded"));
        const QJsonObject after = m_http->get(QStringLiteral("/api/v1/tenants/") + tenant).json;
        QCOMPARE(after[QLatin1String("encryption")][QLatin1String("state")].toString(), QStringLiteral("revoked"));
        const QJsonArray services = m_http->get(QStringLiteral("/api/v1/tenants/%1/services").arg(tenant)).json.value(QLatin1String("items")).toArray();
        QCOMPARE(services.first()[QLatin1String("health")].toString(), QStringLiteral("down"));
        QCOMPARE(m_http->post(base + QStringLiteral("rotate"), {}).status, 409); // revoked stays revoked
    }
};

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
