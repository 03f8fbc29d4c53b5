// GET/PUT /api/v1/settings/dashboards over real sockets and a real SQLite file: an operator-admin
// replaces the list, an operator-viewer reads it and is refused changes, tenants are refused both,
// bad input gets a 4xx naming the field and changes nothing, each change is audited, and the list
// is still there after the backend is rebuilt on the same file.

#include "../common/HttpClient.h"
#include "../common/TestSupport.h"

#include "auth/PasswordHasher.h"
#include "store/UserRepository.h"

#include <QJsonArray>

using namespace NeoCloud;
using namespace NeoCloud::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString route = u"/api/v1/settings/dashboards"_s;

QByteArray items(const QJsonArray &links) { return json(QJsonObject{{u"items"_s, links}}); }

QJsonObject link(const QString &name, const QString &urlTemplate)
{
    return {{u"name"_s, name}, {u"urlTemplate"_s, urlTemplate}};
}

} // namespace

class TestDashboards : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    quint16 m_port = 0;

    // A backend on the test's one database file, as the server would start on it.
    void start()
    {
        m_backend.reset();
        BackendConfig config;
        config.databasePath = m_dir.filePath(u"neocloud.db"_s);
        config.adminPassword = adminPassword;
        config.healthPoll = false;
        config.telemetryIntervalSeconds = 0;
        m_backend = must(Backend::create(config));
        m_port = must((*m_backend).listen(QHostAddress::LocalHost, 0));
    }

    std::unique_ptr<HttpClient> signedIn(const QString &username, const QString &password)
    {
        auto client = std::make_unique<HttpClient>(m_port);
        client->setToken(client->login(username, password));
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        start();
        // An operator-viewer (no route creates operators yet; the store does).
        UserRepository users(m_backend->database());
        User noc;
        noc.id = u"user-noc"_s;
        noc.username = u"noc"_s;
        noc.role = Role::OperatorViewer;
        noc.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        QVERIFY(users.insertUser(noc, PasswordHasher::hash(u"noc-long-password"_s)));
    }

    void startsEmpty()
    {
        auto admin = signedIn(u"admin"_s, adminPassword);
        const HttpAnswer answer = admin->get(route);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(u"items"_s).toArray().size(), 0);
        QCOMPARE(answer.json.value(u"total"_s).toInt(), 0);
    }

    void anAdminReplacesTheListAndAViewerReadsIt()
    {
        auto admin = signedIn(u"admin"_s, adminPassword);
        const QJsonArray links{link(u"Grafana node"_s, u"https://grafana.example/d/node?var-host={name}"_s),
                               link(u"Netbox"_s, u"http://netbox.example/dcim/devices/?serial={serial}"_s)};
        const HttpAnswer put = admin->send("PUT", route, items(links));
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json.value(u"items"_s).toArray(), links);

        auto noc = signedIn(u"noc"_s, u"noc-long-password"_s);
        const HttpAnswer read = noc->get(route);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json.value(u"items"_s).toArray(), links);
        QCOMPARE(read.json.value(u"total"_s).toInt(), 2);

        // The change is in the audit log with who made it.
        const QJsonArray audit = admin->get(u"/api/v1/audit?limit=20"_s).json.value(u"items"_s).toArray();
        const auto entry = std::find_if(audit.begin(), audit.end(), [](const QJsonValue &e) {
            return e.toObject().value(u"action"_s).toString() == u"settings.dashboards"_s;
        });
        QVERIFY(entry != audit.end());
        QCOMPARE(entry->toObject().value(u"user"_s).toString(), u"admin"_s);
        QCOMPARE(entry->toObject().value(u"result"_s).toString(), u"ok"_s);
    }

    void aViewerCannotChangeIt()
    {
        auto noc = signedIn(u"noc"_s, u"noc-long-password"_s);
        const HttpAnswer put = noc->send("PUT", route, items({}));
        QCOMPARE(put.status, 403);
        QCOMPARE(signedIn(u"admin"_s, adminPassword)->get(route).json.value(u"total"_s).toInt(), 2);
    }

    void badInputIsRefusedWithItsField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("ftp scheme") << items({link(u"Ok"_s, u"https://g.example/"_s), link(u"Files"_s, u"ftp://files.example/{name}"_s)})
                                    << 422 << u"items[1].urlTemplate"_s;
        QTest::newRow("empty name") << items({link(u""_s, u"https://g.example/"_s)}) << 422 << u"items[0].name"_s;
        QTest::newRow("unknown placeholder") << items({link(u"X"_s, u"https://g.example/{host}"_s)}) << 422 << u"items[0].urlTemplate"_s;
        QJsonArray many;
        for (int i = 0; i < 21; ++i)
            many.append(link(u"D%1"_s.arg(i), u"https://g.example/%1"_s.arg(i)));
        QTest::newRow("21 dashboards") << items(many) << 422 << u"items"_s;
        QTest::newRow("wrong type") << items({QJsonObject{{u"name"_s, 1}, {u"urlTemplate"_s, u"https://g/"_s}}}) << 400 << u"items[0].name"_s;
        QTest::newRow("unknown key") << QByteArray(R"({"items":[],"extra":1})") << 400 << u"extra"_s;
        QTest::newRow("items missing") << QByteArray("{}") << 400 << u"items"_s;
        QTest::newRow("malformed") << QByteArray("{\"items\": [") << 400 << QString();
    }
    void badInputIsRefusedWithItsField()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        auto admin = signedIn(u"admin"_s, adminPassword);
        const HttpAnswer answer = admin->send("PUT", route, body);
        QCOMPARE(answer.status, status);
        const QJsonObject error = answer.json.value(u"error"_s).toObject();
        QVERIFY(!error.value(u"code"_s).toString().isEmpty());
        QVERIFY(!error.value(u"message"_s).toString().isEmpty());
        if (!field.isEmpty())
            QCOMPARE(error.value(u"field"_s).toString(), field);
        QCOMPARE(admin->get(route).json.value(u"total"_s).toInt(), 2); // nothing half-written
    }

    void tenantsSeeNothing()
    {
        auto admin = signedIn(u"admin"_s, adminPassword);
        const HttpAnswer tenant = admin->post(u"/api/v1/tenants"_s, json({{u"name"_s, u"acme"_s}, {u"displayName"_s, u"Acme"_s}}));
        QCOMPARE(tenant.status, 201);
        QCOMPARE(admin->post(u"/api/v1/tenants/%1/users"_s.arg(tenant.json.value(u"id"_s).toString()),
                            R"({"username":"acme-admin","password":"acme-admin-long-password","role":"tenant-admin"})")
                     .status,
                 201);
        auto acme = signedIn(u"acme-admin"_s, u"acme-admin-long-password"_s);
        QCOMPARE(acme->get(route).status, 403);
        QCOMPARE(acme->send("PUT", route, items({})).status, 403);
    }

    void survivesARestartOnTheSameFile()
    {
        start();
        const HttpAnswer read = signedIn(u"noc"_s, u"noc-long-password"_s)->get(route);
        QCOMPARE(read.status, 200);
        const QJsonArray stored = read.json.value(u"items"_s).toArray();
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(0).toObject(), link(u"Grafana node"_s, u"https://grafana.example/d/node?var-host={name}"_s));
        // The admin empties it, and that too survives.
        QCOMPARE(signedIn(u"admin"_s, adminPassword)->send("PUT", route, items({})).status, 200);
        start();
        QCOMPARE(signedIn(u"admin"_s, adminPassword)->get(route).json.value(u"total"_s).toInt(), 0);
    }

    void cleanupTestCase() { m_backend.reset(); }
};

QTEST_GUILESS_MAIN(TestDashboards)
#include "tst_dashboards.moc"
