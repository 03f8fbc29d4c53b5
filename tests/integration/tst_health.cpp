// Service health end to end over real sockets: the demo lab's BMCs and VMS double, services
// enabled through the VAST provider, the light poll, and the REST API. Each lab fault must change
// exactly the cells that depend on the device, with the reason in words, within a few poll
// intervals; clearing it must bring them back. Tenant users see their own row in their own words;
// alerts open once per cell and close on recovery; webhooks get them, retried when they fail.

#include "../common/LabApiFixture.h"
#include "health/HealthService.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>

using namespace NeoCloud;
using namespace NeoCloud::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int pollMs = 1000;
// Generous: a busy test machine runs several suites at once. The benchmark measures the real
// figure.
constexpr int reflectWithinMs = 8 * pollMs;

// A webhook receiver on a real socket: records each POST and answers with the next status of a
// script (200 once the script is used up).
class WebhookReceiver : public QObject
{
public:
    struct Received
    {
        QHash<QByteArray, QByteArray> headers;
        QJsonObject body;
    };

    QList<int> script;
    QList<Received> received;
    QList<int> answered;

    WebhookReceiver()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return u"http://127.0.0.1:%1/hook"_s.arg(m_server.serverPort()); }

private:
    void readFrom(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Received r;
        for (const QByteArray &line : buffer.left(end).split('\n').mid(1)) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.insert(line.left(colon).trimmed().toLower(),
                                 line.mid(colon + 1).trimmed());
        }
        const int length = r.headers.value("content-length").toInt();
        if (buffer.size() < end + 4 + length)
            return;
        r.body = QJsonDocument::fromJson(buffer.mid(end + 4, length)).object();
        m_buffers.remove(socket);
        received << r;
        const int status = script.isEmpty() ? 200 : script.takeFirst();
        answered << status;
        socket->write(QByteArray(QByteArray("HTTP/1.1 ") + QByteArray::number(status)
                                 + (status == 200 ? " OK" : " Error")
                                 + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestHealth : public QObject
{
    Q_OBJECT

    LabApiFixture m_lab;
    HttpClient *m_http = nullptr; // the lab's admin session
    QString m_acme, m_globex, m_idle;
    const QStringList m_acmeKinds { u"object-storage"_s, u"file-storage"_s };

    // The matrix as the API answers it, cells keyed "tenant/kind".
    QHash<QString, QJsonObject> cells(const QString &token = u"<default>"_s)
    {
        QHash<QString, QJsonObject> out;
        const HttpAnswer answer = m_http->send("GET", u"/api/v1/health/matrix"_s, {}, token);
        for (const QJsonValue &c : answer.json.value(QLatin1String("cells")).toArray())
            out.insert(c[QLatin1String("tenant")].toString() + u'/'
                           + c[QLatin1String("kind")].toString(),
                       c.toObject());
        return out;
    }

    // Waits until every cell of `expected` has that status and reason ("healthy" cells: no reason).
    bool waitFor(const QHash<QString, QPair<QString, QString>> &expected,
                 QHash<QString, QJsonObject> *seen = nullptr)
    {
        QElapsedTimer clock;
        clock.start();
        QHash<QString, QJsonObject> now;
        while (clock.elapsed() < reflectWithinMs) {
            now = cells();
            const bool all = std::all_of(
                expected.keyBegin(), expected.keyEnd(), [&](const QString &key) {
                    const QJsonObject c = now.value(key);
                    return c.value(QLatin1String("status")).toString() == expected.value(key).first
                        && c.value(QLatin1String("reason")).toString()
                        == expected.value(key).second;
                });
            if (all) {
                if (seen)
                    *seen = now;
                return true;
            }
            QTest::qWait(100);
        }
        for (auto it = expected.begin(); it != expected.end(); ++it)
            qWarning().noquote()
                << it.key() << "wanted" << it.value().first << it.value().second << "got"
                << QJsonDocument(now.value(it.key())).toJson(QJsonDocument::Compact);
        if (seen)
            *seen = now;
        return false;
    }

    // Every enabled cell of acme and globex with the same status and reason (the pool names
    // differ), the other cells as they are when all is well.
    QHash<QString, QPair<QString, QString>>
    everyEnabledCell(const QString &status, const QString &acmeReason, const QString &globexReason)
    {
        QHash<QString, QPair<QString, QString>> e;
        for (const QString &kind : m_acmeKinds)
            e.insert(m_acme + u'/' + kind, { status, acmeReason });
        e.insert(m_globex + u"/object-storage"_s, { status, globexReason });
        e.insert(m_globex + u"/file-storage"_s, { u"disabled"_s, u"disabled: not enabled"_s });
        e.insert(m_acme + u"/database"_s, { u"disabled"_s, u"disabled: not enabled"_s });
        e.insert(m_idle + u"/object-storage"_s, { u"disabled"_s, u"disabled: not enabled"_s });
        return e;
    }

    QHash<QString, QPair<QString, QString>> allHealthy()
    {
        return everyEnabledCell(u"healthy"_s, {}, {});
    }

    QString deviceId(const QString &name)
    {
        for (const QJsonValue &d : m_http->get(u"/api/v1/devices?q="_s + name)
                                       .json.value(QLatin1String("items"))
                                       .toArray())
            if (d[QLatin1String("name")].toString() == name)
                return d[QLatin1String("id")].toString();
        return {};
    }

    int openAlerts(const QString &tenantId)
    {
        int open = 0;
        const QJsonArray events = m_http->get(u"/api/v1/events?limit=1000"_s)
                                      .json.value(QLatin1String("items"))
                                      .toArray();
        for (const QJsonValue &e : events)
            if (e[QLatin1String("alert")].toBool() && e[QLatin1String("clearedAt")].isNull()
                && e[QLatin1String("source")] == u"health"_s
                && e[QLatin1String("tenant")].toString() == tenantId)
                ++open;
        return open;
    }

private Q_SLOTS:
    void initTestCase()
    {
        BackendConfig config;
        config.healthPollMs = pollMs;
        config.healthPollTimeoutMs = 1500;
        config.webhookFirstRetryMs = 200;
        QVERIFY(m_lab.start(config));
        m_http = &m_lab.http();

        m_acme = m_lab.makeTenant(u"acme"_s);
        m_globex = m_lab.makeTenant(u"globex"_s);
        m_idle = m_lab.makeTenant(u"idle"_s);
        QVERIFY(!m_acme.isEmpty() && !m_globex.isEmpty() && !m_idle.isEmpty());
        QVERIFY(m_lab.enableActive(m_acme, u"object-storage"_s, { { u"bucket"_s, u"acme-data"_s } }));
        QVERIFY(m_lab.enableActive(m_acme, u"file-storage"_s,
                                   { { u"path"_s, u"/home"_s },
                                     { u"protocols"_s, QJsonArray { u"NFS"_s } } }));
        QVERIFY(m_lab.enableActive(m_globex, u"object-storage"_s, { { u"bucket"_s, u"globex-data"_s } }));
        QVERIFY(waitFor(allHealthy()));
    }

    void cleanup()
    {
        m_lab.clearFaults();
        QVERIFY(waitFor(allHealthy()));
    }

    void theMatrixHasEveryTenantAndKind()
    {
        const HttpAnswer answer = m_http->get(u"/api/v1/health/matrix"_s);
        QCOMPARE(answer.status, 200);
        const QJsonArray kinds = answer.json.value(QLatin1String("kinds")).toArray();
        QCOMPARE(kinds.size(), 7);
        QCOMPARE(answer.json.value(QLatin1String("tenants")).toArray().size(), 3);
        QCOMPARE(answer.json.value(QLatin1String("cells")).toArray().size(), 3 * 7);
        // A tenant without services has only disabled cells.
        const auto all = cells();
        for (const QJsonValue &k : kinds) {
            QCOMPARE(
                all.value(m_idle + u'/' + k.toString()).value(QLatin1String("status")).toString(),
                u"disabled"_s);
            QVERIFY(!all.value(m_idle + u'/' + k.toString())
                         .value(QLatin1String("since"))
                         .toString()
                         .isEmpty());
        }
        // Services carry their cell's status.
        for (const QJsonValue &s : m_http->get(u"/api/v1/tenants/%1/services"_s.arg(m_acme))
                                       .json.value(QLatin1String("items"))
                                       .toArray())
            QCOMPARE(s[QLatin1String("health")].toString(), u"healthy"_s);
    }

    void aFailedDriveDegradesEveryServiceAndClears()
    {
        const QString before
            = cells().value(m_acme + u"/object-storage"_s).value(QLatin1String("since")).toString();
        m_lab.addFault({ { u"device"_s, u"dbox-01"_s },
                   { u"kind"_s, u"drive-failed"_s },
                   { u"component"_s, u"SSD3"_s } });
        const QString reason = u"degraded: drive failed in dbox-01 (SSD3), data protected"_s;
        QHash<QString, QJsonObject> seen;
        QVERIFY(waitFor(everyEnabledCell(u"degraded"_s, reason, reason), &seen));
        const QString since
            = seen.value(m_acme + u"/object-storage"_s).value(QLatin1String("since")).toString();
        QVERIFY(since > before);
        for (const QJsonValue &s : m_http->get(u"/api/v1/tenants/%1/services"_s.arg(m_acme))
                                       .json.value(QLatin1String("items"))
                                       .toArray())
            QCOMPARE(s[QLatin1String("health")].toString(), u"degraded"_s);
        // One open alert per bad cell, however many rounds see it bad.
        QCOMPARE(openAlerts(m_acme), 2);
        QTest::qWait(2 * pollMs);
        QCOMPARE(openAlerts(m_acme), 2);
        QCOMPARE(openAlerts(m_idle), 0);
        QCOMPARE(
            cells().value(m_acme + u"/object-storage"_s).value(QLatin1String("since")).toString(),
            since);
        // The transitions are stored.
        const auto history = m_lab.backend().health().history(m_acme, u"object-storage"_s, 10);
        QVERIFY(history && history->size() >= 2);
        QCOMPARE(toString(history->first().to), u"degraded"_s);
        QCOMPARE(history->first().reason, reason);
        // cleanup() clears the fault and waits for health; the alerts close with it.
    }

    void alertsCloseOnRecovery()
    {
        QCOMPARE(openAlerts(m_acme), 0);
        QCOMPARE(openAlerts(m_globex), 0);
    }

    void aDownCNodeDegradesItsVipPools()
    {
        m_lab.addFault({ { u"device"_s, u"cnode-02"_s }, { u"kind"_s, u"cnode-down"_s } });
        QVERIFY(waitFor(everyEnabledCell(
            u"degraded"_s, u"degraded: 1 of 4 CNodes in VIP pool acme-vip down (cnode-02)"_s,
            u"degraded: 1 of 4 CNodes in VIP pool globex-vip down (cnode-02)"_s)));
    }

    void aSwitchPortDownOnTheWayToACNode()
    {
        // The leaf port cabled to cnode-03, as discovery found it.
        const QString cnode = deviceId(u"cnode-03"_s), leaf = deviceId(u"leaf-s01"_s);
        QString swp;
        for (const QJsonValue &l : m_http->get(u"/api/v1/links?limit=1000"_s)
                                       .json.value(QLatin1String("items"))
                                       .toArray()) {
            const QJsonObject a = l[QLatin1String("a")].toObject(),
                              b = l[QLatin1String("b")].toObject();
            if (a[QLatin1String("device")] == leaf && b[QLatin1String("device")] == cnode)
                swp = a[QLatin1String("port")].toString();
            else if (b[QLatin1String("device")] == leaf && a[QLatin1String("device")] == cnode)
                swp = b[QLatin1String("port")].toString();
        }
        QVERIFY(!swp.isEmpty());
        m_lab.addFault({ { u"device"_s, u"leaf-s01"_s },
                   { u"kind"_s, u"link-down"_s },
                   { u"component"_s, swp } });
        const QString reason
            = u"degraded: switch port leaf-s01 %1 down on the path to cnode-03"_s.arg(swp);
        QVERIFY(waitFor(everyEnabledCell(u"degraded"_s, reason, reason)));
    }

    void anUnreachableBmcLeavesTheNodeUnmonitored()
    {
        m_lab.addFault({ { u"device"_s, u"cnode-01"_s }, { u"kind"_s, u"bmc-down"_s } });
        const QString reason = u"degraded: cnode-01 unmonitored: its BMC does not answer"_s;
        QVERIFY(waitFor(everyEnabledCell(u"degraded"_s, reason, reason)));
    }

    void hardwareNoServiceUsesChangesNothing()
    {
        m_lab.addFault({ { u"device"_s, u"gpu-g01-01"_s }, { u"kind"_s, u"gpu-failed"_s } });
        m_lab.addFault({ { u"device"_s, u"leaf-g02"_s }, { u"kind"_s, u"bmc-down"_s } });
        QTest::qWait(3 * pollMs);
        const auto now = cells();
        const auto expected = allHealthy();
        for (auto it = expected.begin(); it != expected.end(); ++it)
            QCOMPARE(now.value(it.key()).value(QLatin1String("status")).toString(),
                     it.value().first);
    }

    void tenantUsersSeeTheirOwnRowInTheirOwnWords()
    {
        QVERIFY(m_lab.addTenantUser(m_acme, u"acme-ops"_s, u"a long enough password"_s,
                                    u"tenant-viewer"_s));
        const QString token = m_lab.login(u"acme-ops"_s, u"a long enough password"_s);
        QVERIFY(!token.isEmpty());
        m_lab.addFault({ { u"device"_s, u"cnode-02"_s }, { u"kind"_s, u"cnode-down"_s } });
        m_lab.addFault({ { u"device"_s, u"dbox-02"_s },
                   { u"kind"_s, u"drive-failed"_s },
                   { u"component"_s, u"SSD1"_s } });
        QVERIFY(waitFor(
            { { m_acme + u"/object-storage"_s,
                { u"degraded"_s,
                  u"degraded: 1 of 4 CNodes in VIP pool acme-vip down (cnode-02); drive failed in dbox-02 (SSD1), data protected"_s } } }));

        const HttpAnswer own = m_http->send("GET", u"/api/v1/health/matrix"_s, {}, token);
        QCOMPARE(own.status, 200);
        const QJsonArray tenants = own.json.value(QLatin1String("tenants")).toArray();
        QCOMPARE(tenants.size(), 1);
        QCOMPARE(tenants.first()[QLatin1String("id")].toString(), m_acme);
        const QJsonArray ownCells = own.json.value(QLatin1String("cells")).toArray();
        QCOMPARE(ownCells.size(), 7);
        for (const QJsonValue &c : ownCells)
            QCOMPARE(c[QLatin1String("tenant")].toString(), m_acme);
        const auto mine = cells(token);
        QCOMPARE(
            mine.value(m_acme + u"/object-storage"_s).value(QLatin1String("reason")).toString(),
            u"degraded: 1 of 4 storage nodes serving your endpoints is down; a drive failed in the storage cluster; your data is protected"_s);
        const QByteArray body = own.body;
        for (const char *secret : { "cnode", "dbox", "leaf", "globex", "SSD" })
            QVERIFY2(!body.contains(secret), secret);
        QCOMPARE(m_http
                     ->send("GET", u"/api/v1/devices/%1/impact"_s.arg(deviceId(u"cnode-02"_s)), {},
                            token)
                     .status,
                 403);

        // The alert reaches the tenant's events in the same words, without the device; the
        // operator's copy names the hardware and carries the tenant's words beside it.
        const HttpAnswer events = m_http->send("GET", u"/api/v1/events?limit=1000"_s, {}, token);
        QCOMPARE(events.status, 200);
        // The alert was raised at the first fault the poll saw (a second one only changes its
        // reason), so its words are checked by their start, not the final reason.
        const QString alertWords = u"Your object-storage service is degraded: "_s;
        bool told = false;
        for (const QJsonValue &e : events.json.value(QLatin1String("items")).toArray()) {
            QCOMPARE(e[QLatin1String("tenant")].toString(), m_acme);
            QVERIFY(e[QLatin1String("device")].isNull());
            told = told || (e[QLatin1String("alert")].toBool() && e[QLatin1String("message")].toString().startsWith(alertWords));
        }
        QVERIFY2(told, events.body.constData());
        for (const char *secret : { "cnode", "dbox", "leaf", "globex", "SSD" })
            QVERIFY2(!events.body.contains(secret), secret);
        bool operatorCopy = false;
        for (const QJsonValue &e : m_http->get(u"/api/v1/events?limit=1000"_s).json.value(QLatin1String("items")).toArray())
            operatorCopy = operatorCopy || (e[QLatin1String("tenantMessage")].toString().startsWith(alertWords)
                                            && e[QLatin1String("message")].toString().contains(u"cnode-02"_s));
        QVERIFY(operatorCopy);
    }

    void theBlastRadiusOfADevice()
    {
        const HttpAnswer cnode
            = m_http->get(u"/api/v1/devices/%1/impact"_s.arg(deviceId(u"cnode-02"_s)));
        QCOMPARE(cnode.status, 200);
        QCOMPARE(cnode.json.value(QLatin1String("role")).toString(), u"cnode"_s);
        QCOMPARE(cnode.json.value(QLatin1String("total")).toInt(),
                 3); // acme's two services, globex's one
        QCOMPARE(cnode.json.value(QLatin1String("tenants")).toArray().size(), 2);
        QStringList path;
        for (const QJsonValue &item : cnode.json.value(QLatin1String("items")).toArray())
            if (item[QLatin1String("tenant")][QLatin1String("id")] == m_acme
                && item[QLatin1String("service")][QLatin1String("kind")] == u"object-storage"_s)
                for (const QJsonValue &step : item[QLatin1String("path")].toArray())
                    path << step[QLatin1String("type")].toString() + u'='
                            + step[QLatin1String("name")].toString();
        QCOMPARE(path,
                 (QStringList { u"device=cnode-02"_s, u"vipPool=acme-vip"_s,
                                u"service=object-storage"_s, u"tenant=acme"_s }));

        const HttpAnswer leaf
            = m_http->get(u"/api/v1/devices/%1/impact?limit=1"_s.arg(deviceId(u"leaf-s01"_s)));
        QCOMPARE(leaf.json.value(QLatin1String("role")).toString(), u"switch"_s);
        QCOMPARE(leaf.json.value(QLatin1String("total")).toInt(), 3);
        QCOMPARE(leaf.json.value(QLatin1String("items")).toArray().size(), 1);
        const QJsonArray steps = leaf.json.value(QLatin1String("items"))
                                     .toArray()
                                     .first()[QLatin1String("path")]
                                     .toArray();
        QCOMPARE(steps.at(2)[QLatin1String("type")].toString(), u"cnodes"_s);
        QCOMPARE(steps.at(2)[QLatin1String("name")].toString(),
                 u"cnode-01, cnode-02, cnode-03, cnode-04"_s);

        const HttpAnswer gpu
            = m_http->get(u"/api/v1/devices/%1/impact"_s.arg(deviceId(u"gpu-g01-01"_s)));
        QCOMPARE(gpu.status, 200);
        QCOMPARE(gpu.json.value(QLatin1String("total")).toInt(), 0);
        QVERIFY(gpu.json.value(QLatin1String("note")).toString().contains(u"GPU quota"_s));
        QCOMPARE(m_http->get(u"/api/v1/devices/nope/impact"_s).status, 404);
    }

    void webhooksGetAlertsRetriedUntilDelivered()
    {
        WebhookReceiver receiver;
        receiver.script = { 500 }; // the first delivery fails once
        HttpAnswer added
            = m_http->post(u"/api/v1/health/webhooks"_s, json({ { u"url"_s, receiver.url() } }));
        QCOMPARE(added.status, 201);
        const QString hook = added.json.value(QLatin1String("id")).toString();
        QCOMPARE(m_http->post(u"/api/v1/health/webhooks"_s, json({ { u"url"_s, receiver.url() } }))
                     .status,
                 409);
        QCOMPARE(m_http
                     ->post(u"/api/v1/health/webhooks"_s,
                            json({ { u"url"_s, u"ftp://example.org/x"_s } }))
                     .status,
                 422);

        m_lab.addFault({ { u"device"_s, u"dbox-03"_s }, { u"kind"_s, u"psu-failed"_s } });
        const QString reason = u"degraded: PSU1 failed in dbox-03"_s;
        QVERIFY(waitFor(everyEnabledCell(u"degraded"_s, reason, reason)));
        // Three cells went bad: three alerts, the first delivered on its second attempt.
        QTRY_COMPARE_WITH_TIMEOUT(receiver.answered.count(200), 3, 10000);
        QCOMPARE(receiver.answered.count(500), 1);
        const auto first = receiver.received.first();
        const auto retried = std::find_if(receiver.received.begin() + 1, receiver.received.end(),
                                          [&](const auto &r) {
                                              return r.headers.value("x-neocloud-delivery")
                                                  == first.headers.value("x-neocloud-delivery");
                                          });
        QVERIFY(retried != receiver.received.end());
        QCOMPARE(retried->headers.value("x-neocloud-attempt"), QByteArray("2"));
        QCOMPARE(first.body.value(QLatin1String("event")).toString(), u"alert.raised"_s);
        const QJsonObject alert = first.body.value(QLatin1String("alert")).toObject();
        QCOMPARE(alert.value(QLatin1String("reason")).toString(), reason);
        QCOMPARE(alert.value(QLatin1String("severity")).toString(), u"warning"_s);

        for (const QJsonValue &f :
             m_http->get(u"/api/v1/lab/faults"_s).json.value(QLatin1String("items")).toArray())
            m_http->send("DELETE", u"/api/v1/lab/faults/"_s + f[QLatin1String("id")].toString());
        QVERIFY(waitFor(allHealthy()));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.answered.count(200), 6, 10000);
        QCOMPARE(receiver.received.last().body.value(QLatin1String("event")).toString(),
                 u"alert.cleared"_s);
        const QJsonArray hooks = m_http->get(u"/api/v1/health/webhooks"_s)
                                     .json.value(QLatin1String("items"))
                                     .toArray();
        QCOMPARE(hooks.size(), 1);
        QCOMPARE(hooks.first()[QLatin1String("delivered")].toInt(), 6);
        QCOMPARE(hooks.first()[QLatin1String("failedAttempts")].toInt(), 1);
        QCOMPARE(m_http->send("DELETE", u"/api/v1/health/webhooks/"_s + hook).status, 204);
        QCOMPARE(m_http->send("DELETE", u"/api/v1/health/webhooks/"_s + hook).status, 404);
    }

    void aRemovedTenantTakesItsCellsAndAlerts()
    {
        const QString gone = m_lab.makeTenant(u"shortlived"_s);
        QVERIFY(m_lab.enableActive(gone, u"object-storage"_s,
                                   { { u"bucket"_s, u"shortlived-data"_s } }));
        m_lab.addFault({ { u"device"_s, u"dbox-04"_s },
                   { u"kind"_s, u"drive-failed"_s },
                   { u"component"_s, u"SSD2"_s } });
        QVERIFY(waitFor({ { gone + u"/object-storage"_s,
                            { u"degraded"_s,
                              u"degraded: drive failed in dbox-04 (SSD2), data protected"_s } } }));
        QCOMPARE(openAlerts(gone), 1);
        const HttpAnswer removing
            = m_http->send("DELETE", u"/api/v1/tenants/%1?force=true"_s.arg(gone));
        QCOMPARE(removing.status, 202);
        m_lab.settle(u"/api/v1/jobs/"_s + removing.json.value(QLatin1String("id")).toString());
        QTRY_VERIFY_WITH_TIMEOUT(!cells().contains(gone + u"/object-storage"_s), 10000);
        int open = 0;
        for (const QJsonValue &e : m_http->get(u"/api/v1/events?limit=1000"_s)
                                       .json.value(QLatin1String("items"))
                                       .toArray())
            if (e[QLatin1String("alert")].toBool() && e[QLatin1String("clearedAt")].isNull()
                && e[QLatin1String("message")].toString().startsWith(u"shortlived"_s))
                ++open;
        QCOMPARE(open, 0);
    }
};

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
