// The web console's server side over real sockets: its files at / with the right types, ETag
// revalidation and client-side routes falling back to index.html while /api stays JSON; and the
// live stream (GET /api/v1/stream): a lab fault reaches a subscribed operator as health and
// event items without polling, job and scan progress and inventory changes arrive as they
// happen, a tenant user's stream carries its own tenant's items only, in its own words, and
// quiet streams get heartbeats.

#include "../common/LabApiFixture.h"
#include "../common/SseClient.h"
#include "api/LiveStream.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace NeoCloud;
using namespace NeoCloud::Testing;
using namespace Qt::StringLiterals;

namespace {

QByteArray sourceFile(const QString &relative)
{
    QFile file(QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/web/") + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

constexpr int heartbeatMs = 300;
constexpr int liveWithinMs = 15000; // several poll rounds on a busy machine

} // namespace

class TestWebConsole : public QObject
{
    Q_OBJECT

    LabApiFixture m_lab;
    HttpClient *m_http = nullptr; // the lab's admin session
    quint16 m_port = 0;
    QString m_adminToken, m_acmeToken;
    QString m_acme, m_globex;

    // Starts enabling a service and returns the job id the 202 names.
    QString startEnabling(const QString &tenantId, const QString &kind, const QJsonObject &params)
    {
        const HttpAnswer started = m_http->post(u"/api/v1/tenants/%1/services"_s.arg(tenantId),
                                                json({{u"kind"_s, kind}, {u"params"_s, params}}));
        if (started.status != 202)
            qWarning() << started.body;
        return started.json.value(QLatin1String("jobId")).toString();
    }

    bool waitUntilActive(const QString &tenantId, int count)
    {
        for (int i = 0; i < 600; ++i) {
            const QJsonArray items = m_http->get(u"/api/v1/tenants/%1/services"_s.arg(tenantId)).json.value(QLatin1String("items")).toArray();
            const auto active = std::count_if(items.begin(), items.end(), [](const QJsonValue &s) {
                return s[QLatin1String("state")].toString() == QLatin1String("active");
            });
            if (active >= count)
                return true;
            QTest::qWait(50);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        BackendConfig config;
        config.healthPollMs = 500;
        config.healthPollTimeoutMs = 1500;
        config.streamHeartbeatMs = heartbeatMs;
        config.telemetryIntervalSeconds = 0;
        QVERIFY(m_lab.start(config, 60000));
        m_port = m_lab.port();
        m_http = &m_lab.http();
        m_adminToken = m_lab.adminToken();

        m_acme = m_lab.makeTenant(u"acme"_s);
        m_globex = m_lab.makeTenant(u"globex"_s);
        QVERIFY(!m_acme.isEmpty() && !m_globex.isEmpty());
        startEnabling(m_acme, u"object-storage"_s, {{u"bucket"_s, u"acme-data"_s}});
        startEnabling(m_globex, u"object-storage"_s, {{u"bucket"_s, u"globex-data"_s}});
        QVERIFY(waitUntilActive(m_acme, 1));
        QVERIFY(waitUntilActive(m_globex, 1));
        QVERIFY(m_lab.addTenantUser(m_acme, u"acme-ops"_s, u"a long enough password"_s, u"tenant-viewer"_s));
        m_acmeToken = m_lab.login(u"acme-ops"_s, u"a long enough password"_s);
        QVERIFY(!m_acmeToken.isEmpty());
    }

    void cleanup() { m_lab.clearFaults(); }

    // ---- static files ----

    void indexIsServedAtTheRoot()
    {
        const HttpAnswer page = m_http->send("GET", u"/"_s, {}, QString());
        QCOMPARE(page.status, 200);
        QCOMPARE(page.headers.value("content-type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(page.body, sourceFile(u"index.html"_s));
        QVERIFY(page.body.contains(R"(<script type="module")"));
        QVERIFY(page.headers.value("etag").startsWith('"'));
        QCOMPARE(page.headers.value("cache-control"), QByteArray("no-cache"));
        QCOMPARE(page.headers.value("content-security-policy"), QByteArray("default-src 'self'; frame-ancestors 'none'"));
        QCOMPARE(page.headers.value("x-content-type-options"), QByteArray("nosniff"));
    }

    void everyFileHasItsType_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("type");
        const QString root = QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/web/");
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        const QHash<QString, QByteArray> expected{{u"html"_s, "text/html; charset=utf-8"},
                                                  {u"js"_s, "text/javascript; charset=utf-8"},
                                                  {u"css"_s, "text/css; charset=utf-8"},
                                                  {u"svg"_s, "image/svg+xml"},
                                                  {u"woff2"_s, "font/woff2"}};
        while (it.hasNext()) {
            const QString relative = it.next().mid(root.size());
            const QString extension = relative.section(u'.', -1);
            QVERIFY2(expected.contains(extension), qPrintable(u"no expected type for "_s + relative));
            QTest::newRow(qPrintable(relative)) << relative << expected.value(extension);
        }
    }

    void everyFileHasItsType()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, type);
        const HttpAnswer answer = m_http->send("GET", u"/"_s + file, {}, QString());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.headers.value("content-type"), type);
        QCOMPARE(answer.body, sourceFile(file));
    }

    void anUnchangedFileCostsA304()
    {
        const HttpAnswer first = m_http->send("GET", u"/css/console.css"_s, {}, QString());
        const QByteArray etag = first.headers.value("etag");
        QVERIFY(!etag.isEmpty());
        QNetworkAccessManager manager;
        const auto conditional = [&](const QByteArray &ifNoneMatch) {
            QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/css/console.css"_s.arg(m_port)));
            request.setRawHeader("If-None-Match", ifNoneMatch);
            request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
            QNetworkReply *reply = manager.get(request);
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(5000);
            reply->deleteLater();
            return qMakePair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll());
        };
        const auto unchanged = conditional(etag);
        QCOMPARE(unchanged.first, 304);
        QVERIFY(unchanged.second.isEmpty());
        QCOMPARE(conditional("\"other\", " + etag).first, 304);
        QCOMPARE(conditional("W/" + etag).first, 304);
        const auto changed = conditional("\"stale\"");
        QCOMPARE(changed.first, 200);
        QCOMPARE(changed.second, first.body);
    }

    void consoleRoutesFallBackToTheIndex_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("view") << u"/hardware"_s;
        QTest::newRow("detail") << u"/devices/d-123"_s;
        QTest::newRow("trailing slash") << u"/tenants/"_s;
    }

    void consoleRoutesFallBackToTheIndex()
    {
        QFETCH(QString, path);
        const HttpAnswer answer = m_http->send("GET", path, {}, QString());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.headers.value("content-type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(answer.body, sourceFile(u"index.html"_s));
    }

    void theApiStaysJson_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown api route") << QByteArray("GET") << u"/api/v1/unknown"_s << 404 << u"route_not_found"_s;
        QTest::newRow("bare /api") << QByteArray("GET") << u"/api"_s << 404 << u"route_not_found"_s;
        QTest::newRow("other version") << QByteArray("GET") << u"/api/v2/devices"_s << 404 << u"route_not_found"_s;
        QTest::newRow("missing file") << QByteArray("GET") << u"/js/missing.js"_s << 404 << u"not_found"_s;
        QTest::newRow("write to a file") << QByteArray("POST") << u"/index.html"_s << 405 << u"method_not_allowed"_s;
    }

    void theApiStaysJson()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpAnswer answer = m_http->send(method, path, "{}", QString());
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(answer.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), code);
    }

    void headAnswersWithoutABody()
    {
        const HttpAnswer answer = m_http->send("HEAD", u"/js/main.js"_s, {}, QString());
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.body.isEmpty());
        QCOMPARE(answer.headers.value("content-length").toLongLong(), sourceFile(u"js/main.js"_s).size());
    }

    // The CSP (default-src 'self') refuses inline scripts and styles: none may ship.
    void noInlineScriptsOrStyles()
    {
        const QString root = QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/web/");
        QDirIterator it(root, {u"*.html"_s, u"*.js"_s}, QDir::Files, QDirIterator::Subdirectories);
        static const QRegularExpression inlineScript(u"<script(?![^>]*\\bsrc=)[^>]*>"_s);
        static const QRegularExpression inlineStyle(u"<style|\\sstyle=|\\son[a-z]+=\""_s);
        int checked = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            QVERIFY2(!inlineScript.match(text).hasMatch(), qPrintable(file.fileName()));
            QVERIFY2(!inlineStyle.match(text).hasMatch(), qPrintable(file.fileName()));
            ++checked;
        }
        QVERIFY(checked >= 2);
    }

    // ---- the live stream ----

    void theStreamNeedsAToken()
    {
        SseClient anonymous(m_port, QString());
        QVERIFY(anonymous.waitForHead(5000));
        QCOMPARE(anonymous.status(), 401);
        QVERIFY(anonymous.head().toLower().contains("content-type: application/json"));
        SseClient forged(m_port, u"forged"_s);
        QVERIFY(forged.waitForHead(5000));
        QCOMPARE(forged.status(), 401);
    }

    void theStreamOpensWithReadyAndKeepsBeating()
    {
        SseClient stream(m_port, m_adminToken);
        QVERIFY(stream.waitForHead(5000));
        QCOMPARE(stream.status(), 200);
        const QByteArray head = stream.head().toLower();
        QVERIFY(head.contains("content-type: text/event-stream"));
        QVERIFY(head.contains("cache-control: no-store"));
        QVERIFY(!head.contains("content-length"));
        const auto ready = stream.waitFor([](const SseItem &i) { return i.type == "ready"; }, 5000, true);
        QVERIFY(ready);
        QCOMPARE(ready->data.value(QLatin1String("user")).toObject().value(QLatin1String("role")).toString(), u"operator-admin"_s);
        QCOMPARE(ready->data.value(QLatin1String("heartbeatMs")).toInt(), heartbeatMs);
        QTRY_VERIFY_WITH_TIMEOUT(stream.comments() >= 3, 10 * heartbeatMs);
        QVERIFY(stream.connected());
        QCOMPARE(m_lab.backend().liveStream().subscriberCount(), 1);
    }

    void aRevokedTokenEndsItsStream()
    {
        const QString token = m_lab.login(u"acme-ops"_s, u"a long enough password"_s);
        SseClient stream(m_port, token);
        QVERIFY(stream.waitFor([](const SseItem &i) { return i.type == "ready"; }, 5000, true));
        QCOMPARE(m_http->send("POST", u"/api/v1/auth/logout"_s, {}, token).status, 204);
        const auto closed = stream.waitFor([](const SseItem &i) { return i.type == "closed"; }, 10 * heartbeatMs, true);
        QVERIFY(closed);
        QCOMPARE(closed->data.value(QLatin1String("reason")).toString(), u"token_invalid"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!stream.connected(), 5000);
    }

    void closedStreamsAreForgotten()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_lab.backend().liveStream().subscriberCount(), 0, 5000);
    }

    void aLabFaultArrivesLiveForEachAudience()
    {
        SseClient operatorStream(m_port, m_adminToken);
        SseClient tenantStream(m_port, m_acmeToken);
        QVERIFY(operatorStream.waitFor([](const SseItem &i) { return i.type == "ready"; }, 5000, true));
        QVERIFY(tenantStream.waitFor([](const SseItem &i) { return i.type == "ready"; }, 5000, true));

        const HttpAnswer fault = m_http->post(u"/api/v1/lab/faults"_s, json({{u"device"_s, u"cnode-02"_s}, {u"kind"_s, u"cnode-down"_s}}));
        QCOMPARE(fault.status, 201);

        const auto degraded = [](const QString &tenant) {
            return [tenant](const SseItem &i) {
                if (i.type != "health")
                    return false;
                for (const QJsonValue &c : i.data.value(QLatin1String("cells")).toArray())
                    if (c[QLatin1String("tenant")].toString() == tenant && c[QLatin1String("status")].toString() == QLatin1String("degraded"))
                        return true;
                return false;
            };
        };
        // The operator sees both tenants' cells go degraded, in operators' words, and their alerts.
        const auto acmeCell = operatorStream.waitFor(degraded(m_acme), liveWithinMs, true);
        QVERIFY(acmeCell);
        QVERIFY(operatorStream.waitFor(degraded(m_globex), liveWithinMs, true));
        QVERIFY(QJsonDocument(acmeCell->data).toJson().contains("cnode-02"));
        const auto globexAlert = operatorStream.waitFor([this](const SseItem &i) {
            return i.type == "event" && i.data.value(QLatin1String("tenant")).toString() == m_globex;
        }, liveWithinMs, true);
        QVERIFY(globexAlert);
        QCOMPARE(globexAlert->data.value(QLatin1String("source")).toString(), u"health"_s);

        // The tenant sees its own cell and alert, and nothing of globex or the hardware.
        const auto ownCell = tenantStream.waitFor(degraded(m_acme), liveWithinMs, true);
        QVERIFY(ownCell);
        QVERIFY(!ownCell->data.value(QLatin1String("cells")).toArray().isEmpty());
        for (const QJsonValue &c : ownCell->data.value(QLatin1String("cells")).toArray()) {
            QCOMPARE(c[QLatin1String("tenant")].toString(), m_acme);
            QVERIFY2(!c[QLatin1String("reason")].toString().contains(u"cnode"_s), qPrintable(c[QLatin1String("reason")].toString()));
        }
        // Its alert comes in its own words too (the operator's copy names the CNode), and nothing
        // of the hardware's scans or inventory reaches it.
        const auto ownAlert = tenantStream.waitFor([](const SseItem &i) { return i.type == "event"; }, liveWithinMs, true);
        QVERIFY(ownAlert);
        QCOMPARE(ownAlert->data.value(QLatin1String("tenant")).toString(), m_acme);
        QVERIFY2(ownAlert->data.value(QLatin1String("message")).toString().startsWith(u"Your object-storage service is degraded"_s),
                 QJsonDocument(ownAlert->data).toJson().constData());
        QVERIFY(ownAlert->data.value(QLatin1String("device")).isNull());
        for (const SseItem &item : tenantStream.items()) {
            const QByteArray text = QJsonDocument(item.data).toJson();
            QVERIFY2(!text.contains(m_globex.toLatin1()) && !text.contains("globex") && !text.contains("cnode"), text.constData());
            QVERIFY2(item.type != "scan" && item.type != "inventory", item.type.constData());
        }
    }

    void jobProgressReachesTheOperatorButNotOtherTenants()
    {
        SseClient operatorStream(m_port, m_adminToken);
        SseClient tenantStream(m_port, m_acmeToken);
        QVERIFY(operatorStream.waitFor([](const SseItem &i) { return i.type == "ready"; }, 5000, true));
        QVERIFY(tenantStream.waitFor([](const SseItem &i) { return i.type == "ready"; }, 5000, true));

        const QString jobId = startEnabling(m_globex, u"file-storage"_s, {{u"path"_s, u"/globex"_s}, {u"protocols"_s, QJsonArray{u"NFS"_s}}});
        QVERIFY(!jobId.isEmpty());
        const auto finished = operatorStream.waitFor([&jobId](const SseItem &i) {
            return i.type == "job" && i.data.value(QLatin1String("id")).toString() == jobId
                && i.data.value(QLatin1String("finishedAt")).isString();
        }, liveWithinMs, true);
        QVERIFY(finished);
        QCOMPARE(finished->data.value(QLatin1String("state")).toString(), u"succeeded"_s);
        QCOMPARE(finished->data.value(QLatin1String("tenantId")).toString(), m_globex);
        const QJsonObject progress = finished->data.value(QLatin1String("progress")).toObject();
        QVERIFY(progress.value(QLatin1String("total")).toInt() > 0);
        QCOMPARE(progress.value(QLatin1String("done")).toInt(), progress.value(QLatin1String("total")).toInt());
        // Progress came step by step, not only at the end.
        int updates = 0;
        for (const SseItem &i : operatorStream.items())
            updates += i.type == "job" && i.data.value(QLatin1String("id")).toString() == jobId;
        QVERIFY2(updates >= 2, qPrintable(QString::number(updates)));

        QVERIFY(operatorStream.waitFor([this](const SseItem &i) {
            return i.type == "event" && i.data.value(QLatin1String("tenant")).toString() == m_globex
                && i.data.value(QLatin1String("source")).toString() == QLatin1String("services");
        }, liveWithinMs, true));

        // acme's own job and its "service is active" event reach acme's stream; globex's did not.
        const QString ownJob = startEnabling(m_acme, u"file-storage"_s, {{u"path"_s, u"/acme"_s}, {u"protocols"_s, QJsonArray{u"NFS"_s}}});
        QVERIFY(tenantStream.waitFor([&ownJob](const SseItem &i) {
            return i.type == "job" && i.data.value(QLatin1String("id")).toString() == ownJob && i.data.value(QLatin1String("finishedAt")).isString();
        }, liveWithinMs, true));
        QVERIFY(tenantStream.waitFor([this](const SseItem &i) {
            return i.type == "event" && i.data.value(QLatin1String("tenant")).toString() == m_acme;
        }, liveWithinMs, true));
        for (const SseItem &i : tenantStream.items()) {
            QVERIFY2(i.data.value(QLatin1String("id")).toString() != jobId, "globex's job reached acme");
            QVERIFY2(!QJsonDocument(i.data).toJson().contains(m_globex.toLatin1()), QJsonDocument(i.data).toJson().constData());
        }
    }

    void scanProgressReachesOperatorsOnly()
    {
        SseClient operatorStream(m_port, m_adminToken);
        SseClient tenantStream(m_port, m_acmeToken);
        QVERIFY(operatorStream.waitFor([](const SseItem &i) { return i.type == "ready"; }, 5000, true));
        QVERIFY(tenantStream.waitFor([](const SseItem &i) { return i.type == "ready"; }, 5000, true));

        const HttpAnswer started = m_http->post(u"/api/v1/discovery/scans"_s, json({{u"targets"_s, QJsonArray{QJsonObject{{u"kind"_s, u"lab"_s}}}}}));
        QCOMPARE(started.status, 202);
        const QString scanId = started.json.value(QLatin1String("id")).toString();
        const auto finished = operatorStream.waitFor([&scanId](const SseItem &i) {
            return i.type == "scan" && i.data.value(QLatin1String("id")).toString() == scanId && i.data.value(QLatin1String("finishedAt")).isString();
        }, liveWithinMs, true);
        QVERIFY(finished);
        // The same shape as GET /api/v1/discovery/scans/{id}.
        const HttpAnswer polled = m_http->get(u"/api/v1/discovery/scans/"_s + scanId);
        QCOMPARE(finished->data.value(QLatin1String("state")), polled.json.value(QLatin1String("state")));
        QCOMPARE(finished->data.value(QLatin1String("progress")), polled.json.value(QLatin1String("progress")));
        QCOMPARE(finished->data.value(QLatin1String("found")), polled.json.value(QLatin1String("found")));
        QVERIFY(finished->data.value(QLatin1String("progress")).toObject().value(QLatin1String("total")).toInt() > 0);

        // The scan found the lab's links again, so the inventory changed: one coalesced item.
        QVERIFY(operatorStream.waitFor([](const SseItem &i) { return i.type == "inventory"; }, liveWithinMs, true));
        QTest::qWait(100);
        for (const SseItem &i : tenantStream.items())
            QVERIFY2(i.type != "scan" && i.type != "inventory", i.type.constData());
    }

    void cleanupTestCase()
    {
        m_http = nullptr;
        m_lab.stop();
    }
};

QTEST_MAIN(TestWebConsole)
#include "tst_web_console.moc"
