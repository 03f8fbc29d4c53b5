// Probes in the health matrix, end to end over real sockets: the demo lab's VMS double enables
// the services, the lab answers each VIP pool's S3 (checking the tenant's key's SigV4), NFS and
// Kafka on loopback, and the console probes them on the poll's beat. A lab endpoint fault must
// turn exactly the probed cell down (or degraded when slow), with the endpoint in the operator's
// reason and the tenant's words in the tenant's; /metrics and telemetry carry the figures.

#include "../common/LabApiFixture.h"
#include "health/HealthService.h"
#include "store/TelemetryRepository.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>

using namespace NeoCloud;
using namespace NeoCloud::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int pollMs = 1000;
constexpr int reflectWithinMs = 10 * pollMs; // generous: other suites share the machine

} // namespace

class TestProbeHealth : public QObject
{
    Q_OBJECT

    LabApiFixture m_lab;
    HttpClient *m_http = nullptr; // the lab's admin session
    QString m_acme;
    QString m_tenantToken;
    QString m_accessKey;

    QJsonObject cell(const QString &kind, const QString &token = u"<default>"_s)
    {
        for (const QJsonValue &c : m_http->send("GET", u"/api/v1/health/matrix"_s, {}, token).json.value(QLatin1String("cells")).toArray())
            if (c[QLatin1String("tenant")].toString() == m_acme && c[QLatin1String("kind")].toString() == kind)
                return c.toObject();
        return {};
    }

    // Waits for the cell's status; its reason must then satisfy `reasonOk`.
    QJsonObject waitForCell(const QString &kind, const QString &status)
    {
        QElapsedTimer clock;
        clock.start();
        QJsonObject c;
        while (clock.elapsed() < reflectWithinMs) {
            c = cell(kind);
            if (c.value(QLatin1String("status")).toString() == status)
                return c;
            QTest::qWait(100);
        }
        qWarning().noquote() << kind << "wanted" << status << "got" << QJsonDocument(c).toJson(QJsonDocument::Compact);
        return {};
    }

    QString metricLine(const QByteArray &name, const QString &kind)
    {
        const QByteArray page = m_http->get(u"/metrics"_s).body;
        const QByteArray prefix = name + "{tenant=\"acme\",kind=\"" + kind.toUtf8() + "\"} ";
        for (const QByteArray &line : page.split('\n'))
            if (line.startsWith(prefix))
                return QString::fromUtf8(line.mid(prefix.size()));
        return {};
    }

    QString addFault(const QJsonObject &fault) { return m_lab.addFault(fault).json.value(QLatin1String("id")).toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        BackendConfig config;
        config.healthPollMs = pollMs;
        config.healthPollTimeoutMs = 1500;
        config.probeTimeoutMs = 2500;
        config.probeSlowMs = 1000;
        QVERIFY(m_lab.start(config));
        m_http = &m_lab.http();

        m_acme = m_lab.makeTenant(u"acme"_s);
        QVERIFY(!m_acme.isEmpty());
        QVERIFY(m_lab.addTenantUser(m_acme, u"alice"_s, u"alice's long passphrase"_s, u"tenant-admin"_s));
        // The key the S3 probe signs with: the tenant's own.
        const HttpAnswer key = m_http->post(u"/api/v1/tenants/%1/keys"_s.arg(m_acme), json({{u"username"_s, u"alice"_s}}));
        QCOMPARE(key.status, 201);
        m_accessKey = key.json.value(QLatin1String("accessKey")).toString();
        QVERIFY(!m_accessKey.isEmpty());
        m_tenantToken = m_lab.login(u"alice"_s, u"alice's long passphrase"_s);
        QVERIFY(!m_tenantToken.isEmpty());

        QVERIFY(m_lab.enableActive(m_acme, u"object-storage"_s, {{u"bucket"_s, u"acme-data"_s}}));
        QVERIFY(m_lab.enableActive(m_acme, u"file-storage"_s, {{u"path"_s, u"/home"_s}, {u"protocols"_s, QJsonArray{u"NFS"_s}}}));
        QVERIFY(!waitForCell(u"object-storage"_s, u"healthy"_s).isEmpty());
        QVERIFY(!waitForCell(u"file-storage"_s, u"healthy"_s).isEmpty());
    }

    void healthyProbesReachMetricsAndTelemetry()
    {
        ServiceProber *prober = m_lab.backend().health().prober();
        QSignalSpy probed(prober, &ServiceProber::probed);
        QVERIFY(probed.wait(5000));
        bool signedS3 = false;
        QVERIFY2(prober->lastResults().size() == 2, qPrintable(QString::number(prober->lastResults().size())));
        for (const ProbeResult &r : prober->lastResults()) {
            QVERIFY2(r.up, qPrintable(r.reason));
            if (r.target.protocol == QLatin1String("s3"))
                signedS3 = r.target.s3Key && r.target.s3Key->accessKeyId == m_accessKey;
        }
        QVERIFY2(signedS3, "the S3 probe signs with the tenant's key");
        QCOMPARE(metricLine("neocloud_probe_up", u"object-storage"_s), u"1"_s);
        QCOMPARE(metricLine("neocloud_probe_up", u"file-storage"_s), u"1"_s);
        QVERIFY(metricLine("neocloud_probe_latency_seconds", u"object-storage"_s).toDouble() >= 0);
        const auto points = m_lab.backend().telemetryStore().raw(u"probe.object-storage.latency_seconds"_s, m_acme, 0);
        QVERIFY(points);
        QVERIFY(!points->isEmpty());
    }

    void anEndpointDownTakesItsCellDown()
    {
        const QString fault = addFault({{u"device"_s, u"acme-vip"_s}, {u"kind"_s, u"endpoint-down"_s}, {u"component"_s, u"s3"_s}});
        QVERIFY(!fault.isEmpty());
        const QJsonObject down = waitForCell(u"object-storage"_s, u"down"_s);
        const QString reason = down.value(QLatin1String("reason")).toString();
        QVERIFY2(reason.startsWith(u"down: S3 endpoint "_s) && reason.endsWith(u" does not answer: connection refused"_s), qPrintable(reason));
        QCOMPARE(cell(u"file-storage"_s).value(QLatin1String("status")).toString(), u"healthy"_s); // only the probed kind
        QCOMPARE(cell(u"object-storage"_s, m_tenantToken).value(QLatin1String("reason")).toString(), u"down: your S3 endpoint does not answer"_s);
        QCOMPARE(metricLine("neocloud_probe_up", u"object-storage"_s), u"0"_s);
        // One alert for the cell, as for hardware.
        int open = 0;
        for (const QJsonValue &e : m_http->get(u"/api/v1/events?limit=1000"_s).json.value(QLatin1String("items")).toArray())
            if (e[QLatin1String("alert")].toBool() && e[QLatin1String("clearedAt")].isNull() && e[QLatin1String("tenant")].toString() == m_acme)
                ++open;
        QCOMPARE(open, 1);

        QCOMPARE(m_http->send("DELETE", u"/api/v1/lab/faults/"_s + fault).status, 204);
        QVERIFY(!waitForCell(u"object-storage"_s, u"healthy"_s).isEmpty());
        QCOMPARE(metricLine("neocloud_probe_up", u"object-storage"_s), u"1"_s);
    }

    void aSlowEndpointDegradesItsCell()
    {
        const QString fault = addFault({{u"device"_s, u"acme-vip"_s}, {u"kind"_s, u"endpoint-slow"_s}, {u"component"_s, u"nfs"_s}, {u"latencyMs"_s, 1500}});
        const QJsonObject degraded = waitForCell(u"file-storage"_s, u"degraded"_s);
        const QString reason = degraded.value(QLatin1String("reason")).toString();
        QVERIFY2(reason.startsWith(u"degraded: NFS export "_s) && reason.endsWith(u"ms (slower than 1000 ms)"_s), qPrintable(reason));
        QVERIFY(cell(u"file-storage"_s, m_tenantToken).value(QLatin1String("reason")).toString().startsWith(u"degraded: your NFS export answered in "_s));
        QCOMPARE(m_http->send("DELETE", u"/api/v1/lab/faults/"_s + fault).status, 204);
        QVERIFY(!waitForCell(u"file-storage"_s, u"healthy"_s).isEmpty());
    }

    void endpointFaultsRefuseBadInput()
    {
        HttpAnswer bad = m_http->post(u"/api/v1/lab/faults"_s, json({{u"device"_s, u"acme-vip"_s}, {u"kind"_s, u"endpoint-down"_s}, {u"component"_s, u"smb"_s}}));
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json[u"error"_s][u"field"_s].toString(), u"component"_s);
        bad = m_http->post(u"/api/v1/lab/faults"_s, json({{u"kind"_s, u"endpoint-slow"_s}}));
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json[u"error"_s][u"field"_s].toString(), u"device"_s);
    }
};

QTEST_GUILESS_MAIN(TestProbeHealth)
#include "tst_probe_health.moc"
