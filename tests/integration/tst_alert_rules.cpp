// Threshold alert rules over a real store and the REST API: capacity above N %, a tenant's
// quota above N %, runway under N days, probe latency above N ms. One open alert per subject
// however often a rule is evaluated; acknowledged through POST /api/v1/alerts/{id}/ack; cleared
// when the figure is back within the line or the rule is disabled; raised and cleared alerts
// reach a webhook receiver on a real socket.

#include "../common/LabApiFixture.h"
#include "capacity/Capacity.h"
#include "health/AlertRules.h"
#include "health/HealthService.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>

using namespace NeoCloud;
using namespace NeoCloud::Testing;
using namespace Qt::StringLiterals;

namespace {

// Records the "event" of every POST it gets and answers 200.
class Receiver : public QObject
{
public:
    QStringList events;
    QList<QJsonObject> alerts;
    Receiver()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, this, [this, s, buffer] {
                    *buffer += s->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const qsizetype at = buffer->toLower().indexOf("content-length:");
                    const int length = buffer->mid(at + 15, buffer->indexOf('\r', at) - at - 15).trimmed().toInt();
                    if (buffer->size() < end + 4 + length)
                        return;
                    const QJsonObject body = QJsonDocument::fromJson(buffer->mid(end + 4, length)).object();
                    events << body.value(u"event"_s).toString();
                    alerts << body.value(u"alert"_s).toObject();
                    s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return u"http://127.0.0.1:%1/hook"_s.arg(m_server.serverPort()); }

private:
    QTcpServer m_server;
};

ProbeResult answered(const QString &tenantId, const QString &kind, qint64 latencyMs)
{
    ProbeResult r;
    r.target.tenantId = tenantId;
    r.target.tenantName = u"acme"_s;
    r.target.kind = kind;
    r.target.protocol = u"s3"_s;
    r.target.shownEndpoint = u"10.0.0.5:80"_s;
    r.up = true;
    r.code = u"ok"_s;
    r.latencyMs = latencyMs;
    return r;
}

} // namespace

class TestAlertRules : public QObject
{
    Q_OBJECT

    LabApiFixture m_api;
    HttpClient *m_http = nullptr; // the admin session
    Receiver m_receiver;
    QString m_acme;

    AlertRules &rules() { return m_api.backend().alertRules(); }

    QList<QJsonObject> openAlerts(const QString &source = u"alert-rule"_s)
    {
        QList<QJsonObject> out;
        for (const QJsonValue &e : m_http->get(u"/api/v1/events?limit=1000"_s).json.value(u"items"_s).toArray())
            if (e[u"alert"_s].toBool() && e[u"clearedAt"_s].isNull() && e[u"source"_s] == source)
                out << e.toObject();
        return out;
    }

    CapacityReport report(qint64 used, qint64 tenantUsed, std::optional<double> runwayDays)
    {
        CapacityReport r;
        r.storage.usableBytes = 1000;
        r.storage.usedBytes = used;
        r.runway.runwayDays = runwayDays;
        TenantCapacity t;
        t.id = m_acme;
        t.name = u"acme"_s;
        t.quotaBytes = 100;
        t.usedBytes = tenantUsed;
        t.usageSource = u"vast-quotas"_s;
        r.tenants << t;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        BackendConfig config;
        config.healthPoll = false;
        config.serviceProbes = false; // the rounds are handed in by the test
        config.webhookFirstRetryMs = 100;
        QVERIFY(m_api.startWithoutLab(config));
        m_http = &m_api.http();
        m_acme = m_api.makeTenant(QJsonObject{{u"name"_s, u"acme"_s}}); // no quotas
        QVERIFY(!m_acme.isEmpty());
        QCOMPARE(m_http->post(u"/api/v1/health/webhooks"_s, json({{u"url"_s, m_receiver.url()}})).status, 201);
    }

    void theRulesAndTheirDefaults()
    {
        const HttpAnswer answer = m_http->get(u"/api/v1/alert-rules"_s);
        QCOMPARE(answer.status, 200);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &r : answer.json.value(u"items"_s).toArray())
            byId.insert(r[u"id"_s].toString(), r.toObject());
        QCOMPARE(byId.size(), 4);
        QCOMPARE(byId[u"cluster-capacity"_s][u"threshold"_s].toDouble(), 85.0);
        QCOMPARE(byId[u"cluster-capacity"_s][u"unit"_s].toString(), u"percent"_s);
        QCOMPARE(byId[u"runway"_s][u"unit"_s].toString(), u"days"_s);
        QCOMPARE(byId[u"probe-latency"_s][u"threshold"_s].toDouble(), 500.0);
        QVERIFY(byId[u"tenant-quota"_s][u"enabled"_s].toBool());
    }

    void changingARuleRefusesBadInput_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("not a number") << u"probe-latency"_s << QByteArray(R"({"threshold": "fast"})") << 400 << u"threshold"_s;
        QTest::newRow("negative") << u"runway"_s << QByteArray(R"({"threshold": -1})") << 400 << u"threshold"_s;
        QTest::newRow("over 100 %") << u"cluster-capacity"_s << QByteArray(R"({"threshold": 150})") << 422 << u"threshold"_s;
        QTest::newRow("enabled not a bool") << u"runway"_s << QByteArray(R"({"enabled": "yes"})") << 400 << u"enabled"_s;
        QTest::newRow("unknown key") << u"runway"_s << QByteArray(R"({"severity": "critical"})") << 400 << u"severity"_s;
        QTest::newRow("unknown rule") << u"disk-smell"_s << QByteArray(R"({"threshold": 1})") << 404 << QString();
    }

    void changingARuleRefusesBadInput()
    {
        QFETCH(QString, rule);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const HttpAnswer answer = m_http->send("PATCH", u"/api/v1/alert-rules/"_s + rule, body);
        QCOMPARE(answer.status, status);
        if (!field.isEmpty())
            QCOMPARE(answer.json[u"error"_s][u"field"_s].toString(), field);
    }

    void probeLatencyOpensOnceAcknowledgesAndClears()
    {
        const HttpAnswer changed = m_http->send("PATCH", u"/api/v1/alert-rules/probe-latency"_s, R"({"threshold": 200})");
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json[u"updatedBy"_s].toString(), u"admin"_s);

        QVERIFY(rules().evaluateProbes({answered(m_acme, u"object-storage"_s, 250), answered(m_acme, u"file-storage"_s, 20)}));
        QVERIFY(rules().evaluateProbes({answered(m_acme, u"object-storage"_s, 320), answered(m_acme, u"file-storage"_s, 25)}));
        QList<QJsonObject> open = openAlerts();
        QCOMPARE(open.size(), 1); // evaluated twice, over the line twice: one alert
        QCOMPARE(open.first()[u"tenant"_s].toString(), m_acme);
        QVERIFY2(open.first()[u"message"_s].toString().contains(u"acme's object-storage (S3 endpoint 10.0.0.5:80) answered in 250 ms, over the 200.0 ms threshold"_s),
                 qPrintable(open.first()[u"message"_s].toString()));
        const QString id = open.first()[u"id"_s].toString();

        HttpAnswer ack = m_http->post(u"/api/v1/alerts/%1/ack"_s.arg(id), {});
        QCOMPARE(ack.status, 200);
        QCOMPARE(ack.json[u"acknowledgedBy"_s].toString(), u"admin"_s);
        const QString at = ack.json[u"acknowledgedAt"_s].toString();
        QVERIFY(!at.isEmpty());
        ack = m_http->post(u"/api/v1/alerts/%1/ack"_s.arg(id), {});
        QCOMPARE(ack.status, 200);
        QCOMPARE(ack.json[u"acknowledgedAt"_s].toString(), at); // the first acknowledgement stands
        QCOMPARE(openAlerts().first()[u"acknowledgedAt"_s].toString(), at);
        QCOMPARE(openAlerts().size(), 1); // acknowledged is still open

        QVERIFY(rules().evaluateProbes({answered(m_acme, u"object-storage"_s, 90)}));
        QVERIFY(openAlerts().isEmpty());
        QCOMPARE(m_http->post(u"/api/v1/alerts/%1/ack"_s.arg(id), {}).status, 409);
        QCOMPARE(m_http->post(u"/api/v1/alerts/evt-nope/ack"_s, {}).status, 404);

        QVERIFY(QTest::qWaitFor([&] { return m_receiver.events.size() >= 2; }, 5000));
        QCOMPARE(m_receiver.events.mid(0, 2), (QStringList{u"alert.raised"_s, u"alert.cleared"_s}));
        QCOMPARE(m_receiver.alerts.first()[u"rule"_s].toString(), u"probe-latency"_s);
        QCOMPARE(m_receiver.alerts.first()[u"subject"_s].toString(), m_acme + u"/object-storage"_s);
        QCOMPARE(m_receiver.alerts.first()[u"id"_s].toString(), id);
        QCOMPARE(m_receiver.alerts.at(1)[u"id"_s].toString(), id);
    }

    void capacityRulesPerSubject()
    {
        // 90 % of the cluster, 95 % of acme's quota, 10 days of runway: three alerts.
        QVERIFY(rules().evaluateCapacity(report(900, 95, 10.0)));
        QVERIFY(rules().evaluateCapacity(report(910, 96, 9.0)));
        QList<QJsonObject> open = openAlerts();
        QStringList messages;
        for (const QJsonObject &a : open)
            messages << a[u"message"_s].toString();
        messages.sort();
        QCOMPARE(messages, (QStringList{u"storage 90.0 % used, over the 85.0 % threshold"_s,
                                        u"storage runs out in 10.0 days at the current growth, under the 30.0-day threshold"_s,
                                        u"tenant acme uses 95.0 % of its capacity quota, over the 90.0 % threshold"_s}));
        // Only the cluster recovers; an unknown runway leaves its open alert as it is.
        QVERIFY(rules().evaluateCapacity(report(500, 96, std::nullopt)));
        QCOMPARE(openAlerts().size(), 2);
        // Disabling a rule clears its alerts.
        QCOMPARE(m_http->send("PATCH", u"/api/v1/alert-rules/tenant-quota"_s, R"({"enabled": false})").status, 200);
        QVERIFY(rules().evaluateCapacity(report(500, 96, 40.0)));
        QVERIFY(openAlerts().isEmpty());
    }

    void tenantUsersCannotChangeOrAcknowledge()
    {
        // A tenant user is not an operator: both routes are closed to it.
        QCOMPARE(m_http->post(u"/api/v1/tenants/%1/users"_s.arg(m_acme),
                              json({{u"username"_s, u"bob"_s}, {u"password"_s, u"bob's long passphrase"_s}, {u"role"_s, u"tenant-admin"_s}}))
                     .status, 201);
        const QString token = m_http->send("POST", u"/api/v1/auth/login"_s, json({{u"username"_s, u"bob"_s}, {u"password"_s, u"bob's long passphrase"_s}}), QString())
                                  .json.value(u"token"_s).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(m_http->send("PATCH", u"/api/v1/alert-rules/runway"_s, R"({"threshold": 5})", token).status, 403);
        QCOMPARE(m_http->send("POST", u"/api/v1/alerts/evt-x/ack"_s, {}, token).status, 403);
    }
};

QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alert_rules.moc"
