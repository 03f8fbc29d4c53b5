// The REST API over a real socket: every route, authentication on every protected route, the
// one error shape, and the published OpenAPI document covering every registered route.

#include "../common/HttpClient.h"
#include "../common/TestSupport.h"
#include "activity/EventLog.h"
#include "api/HttpApi.h"
#include "core/Version.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QUuid>

using namespace NeoCloud;
using namespace NeoCloud::Testing;

class TestApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<HttpClient> m_http;
    SampleInventory m_ids;

    static void verifyErrorShape(const HttpAnswer &answer, int status, const QString &code)
    {
        QVERIFY2(answer.status == status,
                 qPrintable(QStringLiteral("status %1, wanted %2: %3")
                                .arg(answer.status)
                                .arg(status)
                                .arg(QString::fromUtf8(answer.body))));
        const QJsonObject error = answer.json.value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), code);
        QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(answer.headers.value("content-type"), QByteArray("application/json"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        BackendConfig config;
        config.maxBodyBytes = 64 * 1024;
        config.busyTimeoutMs = 200;
        m_backend = std::make_unique<TestBackend>(config);
        m_ids = addSampleInventory((*m_backend)->inventory());
        const auto port = (*m_backend)->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port && *port > 0);
        m_http = std::make_unique<HttpClient>(*port);
        const HttpAnswer login = m_http->post(QStringLiteral("/api/v1/auth/login"),
                                              QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")},
                                                                        {QStringLiteral("password"), adminPassword}})
                                                  .toJson());
        QCOMPARE(login.status, 200);
        m_http->setToken(login.json.value(QLatin1String("token")).toString());
        QVERIFY(!login.json.value(QLatin1String("expiresAt")).toString().isEmpty());
        QCOMPARE(login.json.value(QLatin1String("user")).toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("operator-admin"));
    }

    void healthAndVersionArePublic()
    {
        const HttpAnswer health = m_http->send("GET", QStringLiteral("/api/v1/health"), {}, QString());
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(health.json.value(QLatin1String("store")).toString(), QStringLiteral("sqlite"));
        QVERIFY(!health.json.value(QLatin1String("version")).toString().isEmpty());
        const HttpAnswer version = m_http->send("GET", QStringLiteral("/api/v1/version"), {}, QString());
        QCOMPARE(version.status, 200);
        QCOMPARE(version.json.value(QLatin1String("apiVersion")).toString(), QString(NeoCloud::apiVersion));
        QCOMPARE(version.json.value(QLatin1String("qt")).toString(), QString::fromLatin1(qVersion()));
    }

    void catalogListsTheSevenKinds()
    {
        const HttpAnswer catalog = m_http->get(QStringLiteral("/api/v1/catalog"));
        QCOMPARE(catalog.status, 200);
        QCOMPARE(catalog.json.value(QLatin1String("total")).toInt(), 7);
        for (const QJsonValue &k : catalog.json.value(QLatin1String("items")).toArray())
            QCOMPARE(k[QLatin1String("schema")][QLatin1String("type")].toString(), QStringLiteral("object"));
    }

    void securityHeadersOnEveryAnswer()
    {
        for (const QString &path : {QStringLiteral("/api/v1/health"), QStringLiteral("/nope")}) {
            const HttpAnswer answer = m_http->get(path);
            QCOMPARE(answer.headers.value("x-content-type-options"), QByteArray("nosniff"));
            QVERIFY(answer.headers.value("content-security-policy").contains("frame-ancestors 'none'"));
        }
    }

    void openApiDescribesEveryRegisteredRoute()
    {
        const HttpAnswer spec = m_http->send("GET", QStringLiteral("/api/v1/openapi.json"), {}, QString());
        QCOMPARE(spec.status, 200);
        QCOMPARE(spec.json.value(QLatin1String("openapi")).toString(), QStringLiteral("3.0.3"));
        const QJsonObject paths = spec.json.value(QLatin1String("paths")).toObject();
        int registered = 0;
        for (const Route &route : (*m_backend)->api().router().routes()) {
            const QString method = methodName(route.method).toLower();
            QVERIFY2(paths.value(route.pattern).toObject().contains(method),
                     qPrintable(QStringLiteral("openapi.json lacks %1 %2").arg(method, route.pattern)));
            ++registered;
        }
        // And the document promises nothing the server does not serve.
        int described = 0;
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            for (const QString &method : it.value().toObject().keys()) {
                ++described;
                const auto match = (*m_backend)->api().router().match(
                    method == QLatin1String("get") ? HttpMethod::Get
                    : method == QLatin1String("post") ? HttpMethod::Post
                    : method == QLatin1String("patch") ? HttpMethod::Patch
                    : method == QLatin1String("delete") ? HttpMethod::Delete
                                                        : HttpMethod::Put,
                    QString(it.key()).replace(QLatin1String("{id}"), QLatin1String("x")));
                QVERIFY2(match.route, qPrintable(QStringLiteral("served route missing: %1 %2").arg(method, it.key())));
            }
        }
        QCOMPARE(described, registered);
    }

    void everyProtectedRouteRefusesMissingOrBadTokens_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("token");
        for (const Route &route : (*m_backend)->api().router().routes()) {
            if (route.access == Access::Public)
                continue;
            const QString path = QString(route.pattern).replace(QLatin1String("{id}"), QLatin1String("x"));
            const QByteArray method = methodName(route.method).toLatin1();
            QTest::addRow("%s %s without token", method.constData(), qPrintable(route.pattern)) << method << path << QString();
            QTest::addRow("%s %s bad token", method.constData(), qPrintable(route.pattern)) << method << path << QStringLiteral("forged");
        }
    }

    void everyProtectedRouteRefusesMissingOrBadTokens()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, token);
        const HttpAnswer answer = m_http->send(method, path, "{}", token);
        verifyErrorShape(answer, 401, token.isEmpty() ? QStringLiteral("missing_token")
                                                      : QStringLiteral("invalid_token"));
        QVERIFY(answer.headers.value("www-authenticate").startsWith("Bearer"));
    }

    void loginRefusals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("wrong password") << QByteArray(R"({"username":"admin","password":"no"})") << 401 << "invalid_credentials";
        QTest::newRow("unknown user") << QByteArray(R"({"username":"eve","password":"no"})") << 401 << "invalid_credentials";
        QTest::newRow("malformed") << QByteArray(R"({"username":"admin",)") << 400 << "malformed_json";
        QTest::newRow("unknown field") << QByteArray(R"({"username":"admin","password":"x","role":"root"})") << 400 << "unknown_field";
        QTest::newRow("wrong type") << QByteArray(R"({"username":["admin"],"password":"x"})") << 400 << "wrong_type";
        QTest::newRow("not an object") << QByteArray(R"(["admin"])") << 400 << "expected_object";
    }

    void loginRefusals()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        verifyErrorShape(m_http->send("POST", QStringLiteral("/api/v1/auth/login"), body, QString()), status, code);
    }

    void oversizeBodyIs413()
    {
        const QByteArray huge(200 * 1024, 'x');
        const HttpAnswer answer = m_http->send("POST", QStringLiteral("/api/v1/auth/login"), huge, QString());
        verifyErrorShape(answer, 413, QStringLiteral("body_too_large"));
        // The server is still serving afterwards.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/health")).status, 200);
    }

    void wrongMethodIs405AndUnknownRouteIs404()
    {
        const HttpAnswer wrong = m_http->send("DELETE", QStringLiteral("/api/v1/devices"));
        verifyErrorShape(wrong, 405, QStringLiteral("method_not_allowed"));
        QCOMPARE(wrong.headers.value("allow"), QByteArray("GET"));
        verifyErrorShape(m_http->send("PUT", QStringLiteral("/api/v1/health")), 405, QStringLiteral("method_not_allowed"));
        verifyErrorShape(m_http->get(QStringLiteral("/api/v1/nothing-here")), 404, QStringLiteral("route_not_found"));
    }

    void headAnswersWithoutBody()
    {
        const HttpAnswer head = m_http->send("HEAD", QStringLiteral("/api/v1/devices"));
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
    }

    void sitesRacksLinks()
    {
        const HttpAnswer sites = m_http->get(QStringLiteral("/api/v1/sites"));
        QCOMPARE(sites.status, 200);
        QCOMPARE(sites.json.value(QLatin1String("total")).toInt(), 1);
        QCOMPARE(sites.json.value(QLatin1String("items")).toArray().first()[QLatin1String("name")].toString(), QStringLiteral("dc1"));

        const HttpAnswer racks = m_http->get(QStringLiteral("/api/v1/racks?site=") + m_ids.siteId);
        QCOMPARE(racks.json.value(QLatin1String("total")).toInt(), 2);
        const QJsonObject r01 = racks.json.value(QLatin1String("items")).toArray().first().toObject();
        QCOMPARE(r01.value(QLatin1String("name")).toString(), QStringLiteral("R01"));
        QCOMPARE(r01.value(QLatin1String("devices")).toInt(), 3);
        QCOMPARE(r01.value(QLatin1String("units")).toInt(), 42);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/racks?site=other")).json.value(QLatin1String("total")).toInt(), 0);

        const HttpAnswer links = m_http->get(QStringLiteral("/api/v1/links"));
        QCOMPARE(links.json.value(QLatin1String("total")).toInt(), 1);
        const QJsonObject link = links.json.value(QLatin1String("items")).toArray().first().toObject();
        QCOMPARE(link.value(QLatin1String("a")).toObject().value(QLatin1String("port")).toString(), QStringLiteral("swp1"));
        QCOMPARE(link.value(QLatin1String("source")).toString(), QStringLiteral("lldp"));
        QCOMPARE(link.value(QLatin1String("speedGbps")).toDouble(), 400.0);
    }

    void deviceFiltersAndPaging_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("items");
        QTest::newRow("all") << "" << 5 << 5;
        QTest::newRow("kind") << "kind=gpu-server" << 2 << 2;
        QTest::newRow("text in serial") << "q=sn-cn" << 1 << 1;
        QTest::newRow("text in name") << "q=LEAF" << 1 << 1;
        QTest::newRow("paged") << "limit=2&offset=1" << 5 << 2;
        QTest::newRow("past the end") << "offset=50" << 5 << 0;
        QTest::newRow("kind and text") << "kind=switch&q=gpu" << 0 << 0;
    }

    void deviceFiltersAndPaging()
    {
        QFETCH(QString, query);
        QFETCH(int, total);
        QFETCH(int, items);
        const HttpAnswer answer = m_http->get(QStringLiteral("/api/v1/devices?") + query);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(QLatin1String("total")).toInt(), total);
        QCOMPARE(answer.json.value(QLatin1String("items")).toArray().size(), items);
    }

    // The device list's JSON is kept between requests (InventoryRoutes): a change in the store
    // must show in the very next answer, whichever connection made it.
    void theDeviceListFollowsTheStore()
    {
        const QString path = QStringLiteral("/api/v1/devices?q=gpu-001");
        const HttpAnswer before = m_http->get(path);
        QCOMPARE(m_http->get(path).body, before.body);
        const QString health = before.json.value(QLatin1String("items")).toArray().first()[QLatin1String("health")].toString();
        QVERIFY(health != QLatin1String("critical"));
        const auto setHealth = [this](QSqlDatabase db, const QString &value) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE devices SET health = ? WHERE id = ?"));
            q.addBindValue(value);
            q.addBindValue(m_ids.gpuServer);
            return q.exec() && q.numRowsAffected() == 1;
        };
        const auto shownHealth = [&] {
            return m_http->get(path).json.value(QLatin1String("items")).toArray().first()[QLatin1String("health")].toString();
        };
        // The server's own connection...
        QVERIFY(setHealth((*m_backend)->database().connection(), QStringLiteral("critical")));
        QCOMPARE(shownHealth(), QStringLiteral("critical"));
        // ...and another one, as a second console process on the same file would.
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            other.setDatabaseName((*m_backend)->database().location());
            QVERIFY(other.open());
            QVERIFY(setHealth(other, health));
            other.close();
        }
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(shownHealth(), health);
        QCOMPARE(m_http->get(path).body, before.body);
    }

    void deviceListFieldsAndDetail()
    {
        const HttpAnswer list = m_http->get(QStringLiteral("/api/v1/devices?q=gpu-001"));
        const QJsonObject device = list.json.value(QLatin1String("items")).toArray().first().toObject();
        for (const char *key : {"id", "name", "kind", "vendor", "model", "serial", "rack", "position",
                                "heightU", "health", "state", "bmcUrl"})
            QVERIFY2(device.contains(QLatin1String(key)), key);
        QCOMPARE(device.value(QLatin1String("rack")).toString(), m_ids.rackA);
        QCOMPARE(device.value(QLatin1String("heightU")).toInt(), 4);

        const HttpAnswer detail = m_http->get(QStringLiteral("/api/v1/devices/") + m_ids.gpuServer);
        QCOMPARE(detail.status, 200);
        const QJsonArray components = detail.json.value(QLatin1String("components")).toArray();
        QCOMPARE(components.size(), 8);
        QCOMPARE(components.first()[QLatin1String("kind")].toString(), QStringLiteral("gpu"));
        QCOMPARE(components.first()[QLatin1String("capacityBytes")].toDouble(), double(80LL << 30));
        QCOMPARE(detail.json.value(QLatin1String("ports")).toArray().first()[QLatin1String("linkState")].toString(),
                 QStringLiteral("up"));

        verifyErrorShape(m_http->get(QStringLiteral("/api/v1/devices/dev-nope")), 404, QStringLiteral("not_found"));
    }

    void badQueryParameters_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("field");
        QTest::newRow("kind") << "/api/v1/devices?kind=toaster" << "kind";
        QTest::newRow("limit") << "/api/v1/devices?limit=5000" << "limit";
        QTest::newRow("offset") << "/api/v1/sites?offset=-3" << "offset";
        QTest::newRow("severity") << "/api/v1/events?severity=meh" << "severity";
        QTest::newRow("since") << "/api/v1/events?since=yesterday" << "since";
        QTest::newRow("audit limit") << "/api/v1/audit?limit=abc" << "limit";
    }

    void badQueryParameters()
    {
        QFETCH(QString, path);
        QFETCH(QString, field);
        const HttpAnswer answer = m_http->get(path);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.json.value(QLatin1String("error")).toObject().value(QLatin1String("field")).toString(), field);
    }

    void eventsFilterBySeverityAndTime()
    {
        EventLog &events = (*m_backend)->events();
        const QString before = events.record(Severity::Info, QStringLiteral("test"), QStringLiteral("first"))->time;
        QTest::qWait(5);
        events.raiseAlert(Severity::Critical, QStringLiteral("test"), QStringLiteral("PSU lost"), {}, m_ids.gpuServer);
        const HttpAnswer critical = m_http->get(QStringLiteral("/api/v1/events?severity=critical"));
        QCOMPARE(critical.status, 200);
        QCOMPARE(critical.json.value(QLatin1String("total")).toInt(), 1);
        const QJsonObject alert = critical.json.value(QLatin1String("items")).toArray().first().toObject();
        QCOMPARE(alert.value(QLatin1String("message")).toString(), QStringLiteral("PSU lost"));
        QCOMPARE(alert.value(QLatin1String("device")).toString(), m_ids.gpuServer);
        QCOMPARE(alert.value(QLatin1String("alert")).toBool(), true);
        const HttpAnswer since = m_http->get(QStringLiteral("/api/v1/events?since=") + before);
        QCOMPARE(since.json.value(QLatin1String("total")).toInt(), 1);
        const HttpAnswer all = m_http->get(QStringLiteral("/api/v1/events"));
        QVERIFY(all.json.value(QLatin1String("total")).toInt() >= 2);
        // Newest first.
        QCOMPARE(all.json.value(QLatin1String("items")).toArray().first()[QLatin1String("message")].toString(),
                 QStringLiteral("PSU lost"));
    }

    void auditRecordsLogins()
    {
        const HttpAnswer audit = m_http->get(QStringLiteral("/api/v1/audit?limit=1000"));
        QCOMPARE(audit.status, 200);
        bool sawLogin = false, sawFailure = false;
        for (const QJsonValue &entry : audit.json.value(QLatin1String("items")).toArray()) {
            if (entry[QLatin1String("action")].toString() != QLatin1String("auth.login"))
                continue;
            sawLogin |= entry[QLatin1String("result")].toString() == QLatin1String("ok");
            sawFailure |= entry[QLatin1String("result")].toString() == QLatin1String("invalid_credentials");
            QVERIFY(!entry[QLatin1String("time")].toString().isEmpty());
            QVERIFY(!entry[QLatin1String("user")].toString().isEmpty());
        }
        QVERIFY(sawLogin);
        QVERIFY(sawFailure);
    }

    void meAndLogout()
    {
        // A second session, so logging it out leaves the suite's own token working.
        const HttpAnswer login = m_http->send("POST", QStringLiteral("/api/v1/auth/login"),
                                              QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")},
                                                                        {QStringLiteral("password"), adminPassword}})
                                                  .toJson(),
                                              QString());
        const QString token = login.json.value(QLatin1String("token")).toString();
        const HttpAnswer me = m_http->send("GET", QStringLiteral("/api/v1/auth/me"), {}, token);
        QCOMPARE(me.json.value(QLatin1String("username")).toString(), QStringLiteral("admin"));
        QCOMPARE(m_http->send("POST", QStringLiteral("/api/v1/auth/logout"), {}, token).status, 204);
        verifyErrorShape(m_http->send("GET", QStringLiteral("/api/v1/auth/me"), {}, token), 401, QStringLiteral("invalid_token"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me")).status, 200);
    }

    void lockedStoreAnswers503AndKeepsData()
    {
        const QString name = QUuid::createUuid().toString();
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        other.setDatabaseName((*m_backend)->database().location());
        QVERIFY(other.open());
        {
            QSqlQuery lock(other);
            QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            // A login must store its token: with the database held by another process it fails
            // cleanly, and no token is handed out that would not work.
            const HttpAnswer login = m_http->send("POST", QStringLiteral("/api/v1/auth/login"),
                                                  QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")},
                                                                            {QStringLiteral("password"), adminPassword}})
                                                      .toJson(),
                                                  QString());
            verifyErrorShape(login, 503, QStringLiteral("store_locked"));
            QVERIFY(!login.json.contains(QLatin1String("token")));
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        }
        other.close();
        other = {};
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/devices")).json.value(QLatin1String("total")).toInt(), 5);
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
