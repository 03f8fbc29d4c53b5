// Tenants through the REST API: onboarding with a network slice from a pool, quotas checked
// against the discovered hardware and the overcommit ratio (with the numbers in the refusal),
// IPAM that never hands out a VLAN or subnet twice and takes them back on delete, tenant users
// who see only their own tenant, and every bad input refused with its field.

#include "../common/LabApiFixture.h"
#include "lab/LabService.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QSqlQuery>

using namespace NeoCloud;
using namespace NeoCloud::Testing;

namespace {

QJsonObject tenantBody(const QString &name, qint64 capacityBytes = 0, int gpus = 0)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("contactEmail"), QString(name + QStringLiteral("@example.com"))},
            {QStringLiteral("quotas"), QJsonObject{{QStringLiteral("capacityBytes"), double(capacityBytes)}, {QStringLiteral("gpus"), gpus}}}};
}

} // namespace

class TestTenants : public QObject
{
    Q_OBJECT

    LabApiFixture m_lab;
    HttpClient *m_http = nullptr; // the lab's admin session
    int m_labGpus = 0;

    HttpAnswer create(const QJsonObject &body) { return m_http->post(QStringLiteral("/api/v1/tenants"), json(body)); }
    void removeAll()
    {
        for (const QJsonValue &t : m_http->get(QStringLiteral("/api/v1/tenants?limit=1000")).json.value(QLatin1String("items")).toArray())
            m_http->send("DELETE", QStringLiteral("/api/v1/tenants/") + t[QLatin1String("id")].toString() + QStringLiteral("?force=true"));
        m_http->send("PATCH", QStringLiteral("/api/v1/tenancy/settings"), R"({"overcommitRatio":1.0})");
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The hardware quotas are checked against: the lab's first discovery.
        QVERIFY(m_lab.start());
        m_http = &m_lab.http();
        m_labGpus = m_lab.backend().inventory().physicalCapacity()->gpus;
        QCOMPARE(m_labGpus, 128);
    }

    void cleanup() { removeAll(); }

    void onboardingAllocatesTheNetwork()
    {
        const HttpAnswer acme = create(tenantBody(QStringLiteral("acme"), qint64(500e12), 32));
        QCOMPARE(acme.status, 201);
        const QJsonObject network = acme.json.value(QLatin1String("network")).toObject();
        QCOMPARE(network.value(QLatin1String("vlan")).toInt(), 2000);
        QCOMPARE(network.value(QLatin1String("subnet")).toString(), QStringLiteral("10.100.0.0/24"));
        QCOMPARE(network.value(QLatin1String("vipRange")).toObject().value(QLatin1String("from")).toString(), QStringLiteral("10.100.0.10"));
        QCOMPARE(network.value(QLatin1String("vipRange")).toObject().value(QLatin1String("to")).toString(), QStringLiteral("10.100.0.49"));
        QCOMPARE(acme.json.value(QLatin1String("quotas")).toObject().value(QLatin1String("gpus")).toInt(), 32);

        const HttpAnswer globex = create(tenantBody(QStringLiteral("globex")));
        QCOMPARE(globex.json.value(QLatin1String("network")).toObject().value(QLatin1String("vlan")).toInt(), 2001);
        QCOMPARE(globex.json.value(QLatin1String("network")).toObject().value(QLatin1String("subnet")).toString(), QStringLiteral("10.100.1.0/24"));

        // Deleting releases the slice; the next tenant gets it back.
        const QString acmeId = acme.json.value(QLatin1String("id")).toString();
        QCOMPARE(m_http->send("DELETE", QStringLiteral("/api/v1/tenants/") + acmeId).status, 204);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tenants/") + acmeId).status, 404);
        const HttpAnswer initech = create(tenantBody(QStringLiteral("initech")));
        QCOMPARE(initech.json.value(QLatin1String("network")).toObject().value(QLatin1String("vlan")).toInt(), 2000);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tenants")).json.value(QLatin1String("total")).toInt(), 2);
    }

    void badTenantsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("not a DNS label") << QByteArray(R"({"name":"Acme_Corp"})") << 422 << "name";
        QTest::newRow("leading dash") << QByteArray(R"({"name":"-acme"})") << 422 << "name";
        QTest::newRow("too long") << (QByteArray(R"({"name":")") + QByteArray(64, 'a') + QByteArray(R"("})")) << 422 << "name";
        QTest::newRow("bad email") << QByteArray(R"({"name":"acme","contactEmail":"nobody"})") << 422 << "contactEmail";
        QTest::newRow("negative quota") << QByteArray(R"({"name":"acme","quotas":{"gpus":-1}})") << 422 << "quotas.gpus";
        QTest::newRow("fractional quota") << QByteArray(R"({"name":"acme","quotas":{"gpus":1.5}})") << 400 << "quotas.gpus";
        QTest::newRow("bad cidr") << QByteArray(R"({"name":"acme","network":{"allowedClients":["10.0.0.300/8"]}})") << 422 << "network.allowedClients[0]";
        QTest::newRow("unknown field") << QByteArray(R"({"name":"acme","vip":"1.2.3.4"})") << 400 << "vip";
        QTest::newRow("unknown quota") << QByteArray(R"({"name":"acme","quotas":{"cpus":4}})") << 400 << "quotas.cpus";
        QTest::newRow("wrong type") << QByteArray(R"({"name":42})") << 400 << "name";
        QTest::newRow("unknown pool") << QByteArray(R"({"name":"acme","network":{"pool":"nope"}})") << 422 << "network.pool";
        QTest::newRow("too many GPUs") << QByteArray(R"({"name":"acme","quotas":{"gpus":129}})") << 409 << "quotas.gpus";
        QTest::newRow("too much capacity") << QByteArray(R"({"name":"acme","quotas":{"capacityBytes":1e16}})") << 409 << "quotas.capacityBytes";
    }

    void badTenantsAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const HttpAnswer answer = m_http->post(QStringLiteral("/api/v1/tenants"), body);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.json.value(QLatin1String("error")).toObject().value(QLatin1String("field")).toString(), field);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tenants")).json.value(QLatin1String("total")).toInt(), 0);
    }

    void quotaRefusalsNameTheNumbersAndHonourOvercommit()
    {
        QCOMPARE(create(tenantBody(QStringLiteral("acme"), 0, 100)).status, 201);
        const HttpAnswer refused = create(tenantBody(QStringLiteral("globex"), 0, 40));
        QCOMPARE(refused.status, 409);
        const QString message = refused.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(QLatin1String("140")) && message.contains(QString::number(m_labGpus)) && message.contains(QLatin1String("100")),
                 qPrintable(message));
        QCOMPARE(m_http->send("PATCH", QStringLiteral("/api/v1/tenancy/settings"), R"({"overcommitRatio":1.5})").status, 200);
        QCOMPARE(create(tenantBody(QStringLiteral("globex"), 0, 40)).status, 201);
        QCOMPARE(m_http->send("PATCH", QStringLiteral("/api/v1/tenancy/settings"), R"({"overcommitRatio":50})").status, 422);
        QCOMPARE(create(tenantBody(QStringLiteral("acme"))).status, 409); // duplicate name, enforced by SQL
    }

    void patchChangesQuotasAndState()
    {
        const QString id = create(tenantBody(QStringLiteral("acme"), 0, 8)).json.value(QLatin1String("id")).toString();
        const HttpAnswer patched = m_http->send("PATCH", QStringLiteral("/api/v1/tenants/") + id,
                                                R"({"state":"suspended","quotas":{"gpus":16,"qos":{"iops":50000}},"network":{"allowedClients":["192.0.2.0/24"]}})");
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json.value(QLatin1String("state")).toString(), QStringLiteral("suspended"));
        const QJsonObject quotas = patched.json.value(QLatin1String("quotas")).toObject();
        QCOMPARE(quotas.value(QLatin1String("gpus")).toInt(), 16);
        QCOMPARE(quotas.value(QLatin1String("qos")).toObject().value(QLatin1String("iops")).toInt(), 50000);
        QCOMPARE(patched.json.value(QLatin1String("network")).toObject().value(QLatin1String("allowedClients")).toArray().first().toString(),
                 QStringLiteral("192.0.2.0/24"));
        QCOMPARE(m_http->send("PATCH", QStringLiteral("/api/v1/tenants/") + id, R"({"state":"deleting"})").status, 422);
        QCOMPARE(m_http->send("PATCH", QStringLiteral("/api/v1/tenants/") + id, R"({"quotas":{"gpus":1000}})").status, 409);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tenants/") + id).json.value(QLatin1String("quotas")).toObject().value(QLatin1String("gpus")).toInt(), 16);
        QCOMPARE(m_http->send("PATCH", QStringLiteral("/api/v1/tenants/nope"), R"({"displayName":"x"})").status, 404);
    }

    void poolsNeverOverlapAndRunOut()
    {
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/network/pools"), R"({"name":"clash","vlanFrom":10,"vlanTo":20,"cidr":"10.100.128.0/20","subnetPrefix":24})").status, 409);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/network/pools"), R"({"name":"east","vlanFrom":3000,"vlanTo":3001,"cidr":"10.200.0.0/16","subnetPrefix":24})").status, 201);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/network/pools"), R"({"name":"east","vlanFrom":3000,"vlanTo":3001,"cidr":"10.201.0.0/16","subnetPrefix":24})").status, 409);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/network/pools"), R"({"name":"tiny","vlanFrom":30,"vlanTo":20,"cidr":"10.202.0.0/16","subnetPrefix":24})").status, 422);
        auto inEast = [&](const QString &name) {
            QJsonObject body = tenantBody(name);
            body.insert(QStringLiteral("network"), QJsonObject{{QStringLiteral("pool"), QStringLiteral("east")}});
            return create(body);
        };
        QCOMPARE(inEast(QStringLiteral("t1")).json.value(QLatin1String("network")).toObject().value(QLatin1String("subnet")).toString(), QStringLiteral("10.200.0.0/24"));
        QCOMPARE(inEast(QStringLiteral("t2")).json.value(QLatin1String("network")).toObject().value(QLatin1String("vlan")).toInt(), 3001);
        const HttpAnswer full = inEast(QStringLiteral("t3"));
        QCOMPARE(full.status, 409);
        QCOMPARE(full.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("pool_exhausted"));
        const QJsonArray pools = m_http->get(QStringLiteral("/api/v1/network/pools")).json.value(QLatin1String("items")).toArray();
        QCOMPARE(pools.size(), 2);
        QCOMPARE(pools.first()[QLatin1String("allocated")].toInt(), 2); // "east" sorts first
    }

    void tenantUsersSeeOnlyTheirTenant()
    {
        const QString acme = create(tenantBody(QStringLiteral("acme"))).json.value(QLatin1String("id")).toString();
        const QString globex = create(tenantBody(QStringLiteral("globex"))).json.value(QLatin1String("id")).toString();
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/tenants/") + acme + QStringLiteral("/users"),
                              R"({"username":"alice","password":"alice-long-password","role":"tenant-admin"})").status, 201);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/tenants/") + acme + QStringLiteral("/users"),
                              R"({"username":"alice","password":"another-password","role":"tenant-viewer"})").status, 409);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/tenants/") + acme + QStringLiteral("/users"),
                              R"({"username":"bob","password":"short","role":"tenant-viewer"})").status, 422);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/tenants/") + acme + QStringLiteral("/users"),
                              R"({"username":"bob","password":"bob-long-password","role":"operator-admin"})").status, 400);

        HttpClient alice(m_lab.port());
        alice.setToken(m_lab.login(QStringLiteral("alice"), QStringLiteral("alice-long-password")));
        const QJsonArray visible = alice.get(QStringLiteral("/api/v1/tenants")).json.value(QLatin1String("items")).toArray();
        QCOMPARE(visible.size(), 1);
        QCOMPARE(visible.first()[QLatin1String("name")].toString(), QStringLiteral("acme"));
        QCOMPARE(alice.get(QStringLiteral("/api/v1/tenants/") + acme).status, 200);
        QCOMPARE(alice.get(QStringLiteral("/api/v1/tenants/") + globex).status, 404);
        QCOMPARE(alice.get(QStringLiteral("/api/v1/tenants/") + globex + QStringLiteral("/users")).status, 404);
        QCOMPARE(alice.get(QStringLiteral("/api/v1/devices")).status, 403);
        QCOMPARE(alice.send("DELETE", QStringLiteral("/api/v1/tenants/") + acme).status, 403);
        // A tenant admin adds users to its own tenant, and only there.
        QCOMPARE(alice.post(QStringLiteral("/api/v1/tenants/") + acme + QStringLiteral("/users"),
                            R"({"username":"carol","password":"carol-long-password","role":"tenant-viewer"})").status, 201);
        QCOMPARE(alice.post(QStringLiteral("/api/v1/tenants/") + globex + QStringLiteral("/users"),
                            R"({"username":"mallory","password":"mallory-long-password","role":"tenant-admin"})").status, 404);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tenants/") + acme + QStringLiteral("/users")).json.value(QLatin1String("total")).toInt(), 2);
    }

    void accessKeysShowTheirSecretOnce()
    {
        const QString acme = create(tenantBody(QStringLiteral("acme"))).json.value(QLatin1String("id")).toString();
        const QString globex = create(tenantBody(QStringLiteral("globex"))).json.value(QLatin1String("id")).toString();
        const QString keysOf = QStringLiteral("/api/v1/tenants/") + acme + QStringLiteral("/keys");
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/tenants/") + acme + QStringLiteral("/users"),
                              R"({"username":"dave","password":"dave-long-password","role":"tenant-admin"})").status, 201);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/tenants/") + globex + QStringLiteral("/users"),
                              R"({"username":"erin","password":"erin-long-password","role":"tenant-viewer"})").status, 201);

        const HttpAnswer issued = m_http->post(keysOf, R"({"username":"dave"})");
        QCOMPARE(issued.status, 201);
        const QString keyId = issued.json.value(QLatin1String("id")).toString();
        const QString secret = issued.json.value(QLatin1String("secretKey")).toString();
        QVERIFY(issued.json.value(QLatin1String("accessKey")).toString().startsWith(QLatin1String("NCBK")));
        QCOMPARE(issued.json.value(QLatin1String("accessKey")).toString().size(), 20);
        QVERIFY(secret.size() >= 40);
        // Stored sealed, and never listed.
        const HttpAnswer listed = m_http->get(keysOf);
        QCOMPARE(listed.json.value(QLatin1String("total")).toInt(), 1);
        QVERIFY(!listed.body.contains(secret.toLatin1()));
        QVERIFY(!listed.body.contains("secretKey"));
        QSqlQuery q(m_lab.backend().database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT secret FROM access_keys")) && q.next());
        QVERIFY(!q.value(0).toString().contains(secret));

        // A user of another tenant cannot hold this tenant's key.
        QCOMPARE(m_http->post(keysOf, R"({"username":"erin"})").status, 422);

        const HttpAnswer rotated = m_http->post(keysOf + QLatin1Char('/') + keyId + QStringLiteral("/rotate"), {});
        QCOMPARE(rotated.status, 200);
        QCOMPARE(rotated.json.value(QLatin1String("accessKey")), issued.json.value(QLatin1String("accessKey")));
        QVERIFY(rotated.json.value(QLatin1String("secretKey")).toString() != secret);
        QVERIFY(!rotated.json.value(QLatin1String("rotatedAt")).isNull());

        // The tenant's admin manages its keys; another tenant's user cannot see them.
        HttpClient dave(m_lab.port());
        dave.setToken(m_lab.login(QStringLiteral("dave"), QStringLiteral("dave-long-password")));
        QCOMPARE(dave.get(keysOf).json.value(QLatin1String("total")).toInt(), 1);
        HttpClient erin(m_lab.port());
        erin.setToken(m_lab.login(QStringLiteral("erin"), QStringLiteral("erin-long-password")));
        QCOMPARE(erin.get(keysOf).status, 404);
        QCOMPARE(erin.post(QStringLiteral("/api/v1/tenants/") + globex + QStringLiteral("/keys"), R"({"username":"erin"})").status, 403);

        QCOMPARE(dave.send("DELETE", keysOf + QLatin1Char('/') + keyId).status, 204);
        QCOMPARE(m_http->get(keysOf).json.value(QLatin1String("items")).toArray().first()[QLatin1String("state")].toString(), QStringLiteral("revoked"));
        QCOMPARE(m_http->send("DELETE", keysOf + QLatin1Char('/') + keyId).status, 409);
        QCOMPARE(m_http->post(keysOf + QLatin1Char('/') + keyId + QStringLiteral("/rotate"), {}).status, 409);
        QCOMPARE(m_http->post(keysOf + QStringLiteral("/key-nope/rotate"), {}).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestTenants)
#include "tst_tenants.moc"
