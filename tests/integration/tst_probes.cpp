// Service probes over real sockets. S3 against a real S3 implementation (s3rver, from npm, run
// with node; it verifies SigV4) and against the demo lab's S3 responder: the right key passes,
// a wrong secret is refused with SignatureDoesNotMatch, an unknown key with InvalidAccessKeyId,
// and nothing listening says so. Kafka, NFS, HTTP and TCP against the lab's responders; lab
// faults make them refuse or answer late; the runner's bounded round survives a black hole.

#include "health/probes/HttpProbes.h"
#include "health/probes/ProbeRunner.h"
#include "health/probes/StreamProbes.h"
#include "health/probes/WireCodecs.h"
#include "lab/LabEndpointServers.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace NeoCloud;
using namespace Qt::StringLiterals;

namespace {

const QString keyId = u"NCBKPROBETEST0000001"_s;
const QString secret = u"probe-secret-3f9a1c"_s;
const QString bucket = u"training-data"_s;

// Runs one probe to its end.
ProbeResult probe(ServiceProbe &p, const ProbeTarget &target, int timeoutMs = 3000)
{
    std::optional<ProbeResult> result;
    p.run(target, timeoutMs, [&](ProbeResult r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs + 5000))
        qFatal("probe %s never reported", qPrintable(target.protocol));
    return *result;
}

ProbeTarget targetAt(const QString &protocol, const QString &host, quint16 port)
{
    ProbeTarget t;
    t.tenantId = u"tenant-1"_s;
    t.serviceId = u"svc-1"_s;
    t.protocol = protocol;
    t.host = host;
    t.port = port;
    t.shownEndpoint = host + u':' + QString::number(port);
    t.bucket = bucket;
    return t;
}

// A port nothing listens on: bound, then released.
quint16 deadPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

class TestProbes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_s3rver;
    quint16 m_s3Port = 0;
    LabEndpointServers m_lab;

private Q_SLOTS:
    void initTestCase()
    {
        const QString servers = QStringLiteral(NEOCLOUD_SOURCE_DIR "/tests/servers");
        const QString node = QStandardPaths::findExecutable(u"node"_s);
        if (node.isEmpty() || !QDir(servers + u"/node_modules/@20minutes/s3rver"_s).exists())
            QFAIL("s3rver is not installed: run installers/install-deps.sh (it runs npm ci in tests/servers)");
        m_s3rver.setProgram(node);
        m_s3rver.setArguments({servers + u"/s3-server.js"_s, m_dir.path(), keyId, secret, bucket});
        m_s3rver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_s3rver.start();
        QVERIFY(m_s3rver.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return m_s3rver.canReadLine(); }, 20000));
        const QByteArray line = m_s3rver.readLine().trimmed();
        QVERIFY2(line.startsWith("listening "), line.constData());
        m_s3Port = quint16(line.mid(10).toUInt());
        QVERIFY(m_s3Port);

        m_lab.setS3Secrets([](const QString &id) -> std::optional<QString> {
            return id == keyId ? std::optional<QString>(secret) : std::nullopt;
        });
    }

    void cleanupTestCase()
    {
        m_s3rver.kill();
        m_s3rver.waitForFinished();
    }

    void s3rverAcceptsTheRightKey()
    {
        S3Probe s3;
        ProbeTarget t = targetAt(u"s3"_s, u"127.0.0.1"_s, m_s3Port);
        t.s3Key = SigV4::Credentials{keyId, secret};
        const ProbeResult r = probe(s3, t);
        QVERIFY2(r.up, qPrintable(r.reason));
        QCOMPARE(r.code, u"ok"_s);
        QVERIFY(r.latencyMs >= 0);
    }

    void s3rverRefusesAWrongSecret()
    {
        S3Probe s3;
        ProbeTarget t = targetAt(u"s3"_s, u"127.0.0.1"_s, m_s3Port);
        t.s3Key = SigV4::Credentials{keyId, secret + u"-old"_s};
        const ProbeResult r = probe(s3, t);
        QVERIFY(!r.up);
        QCOMPARE(r.reason, u"S3 endpoint 127.0.0.1:%1 refused the tenant's key %2: SignatureDoesNotMatch"_s.arg(m_s3Port).arg(keyId));
        QCOMPARE(r.tenantReason, u"your S3 endpoint refused your access key: SignatureDoesNotMatch"_s);
    }

    void s3rverRefusesAnUnknownKey()
    {
        S3Probe s3;
        ProbeTarget t = targetAt(u"s3"_s, u"127.0.0.1"_s, m_s3Port);
        t.s3Key = SigV4::Credentials{u"NCBKNOSUCHKEY0000000"_s, secret};
        const ProbeResult r = probe(s3, t);
        QVERIFY(!r.up);
        QVERIFY2(r.reason.endsWith(u"refused the tenant's key NCBKNOSUCHKEY0000000: InvalidAccessKeyId"_s), qPrintable(r.reason));
    }

    void s3rverHasNoSuchBucket()
    {
        S3Probe s3;
        ProbeTarget t = targetAt(u"s3"_s, u"127.0.0.1"_s, m_s3Port);
        t.s3Key = SigV4::Credentials{keyId, secret};
        t.bucket = u"not-made"_s;
        const ProbeResult r = probe(s3, t);
        QVERIFY(!r.up);
        QVERIFY2(r.reason.contains(u"NoSuchBucket"_s), qPrintable(r.reason));
    }

    void s3NothingListening()
    {
        S3Probe s3;
        const quint16 port = deadPort();
        ProbeTarget t = targetAt(u"s3"_s, u"127.0.0.1"_s, port);
        t.s3Key = SigV4::Credentials{keyId, secret};
        const ProbeResult r = probe(s3, t);
        QVERIFY(!r.up);
        QCOMPARE(r.code, u"refused"_s);
        QCOMPARE(r.reason, u"S3 endpoint 127.0.0.1:%1 does not answer: connection refused"_s.arg(port));
        QCOMPARE(r.latencyMs, -1);
    }

    // The lab's own S3 checks the same signatures s3rver does.
    void labS3ChecksSignatures()
    {
        const auto address = m_lab.addressOf(u"acme-vip"_s, u"s3"_s);
        QVERIFY(address);
        S3Probe s3;
        ProbeTarget t = targetAt(u"s3"_s, address->first, address->second);
        t.s3Key = SigV4::Credentials{keyId, secret};
        ProbeResult r = probe(s3, t);
        QVERIFY2(r.up, qPrintable(r.reason));
        t.s3Key->secretAccessKey = u"wrong"_s;
        r = probe(s3, t);
        QVERIFY2(r.reason.endsWith(u"SignatureDoesNotMatch"_s), qPrintable(r.reason));
        t.s3Key->accessKeyId = u"NCBKOTHER"_s;
        r = probe(s3, t);
        QVERIFY2(r.reason.endsWith(u"InvalidAccessKeyId"_s), qPrintable(r.reason));
        t.s3Key.reset();
        r = probe(s3, t);
        QVERIFY2(r.reason.endsWith(u"AccessDenied"_s), qPrintable(r.reason));
    }

    void labAnswersEveryProtocol_data()
    {
        QTest::addColumn<QString>("protocol");
        for (const char *p : {"kafka", "nfs", "http", "tcp"})
            QTest::newRow(p) << QString::fromLatin1(p);
    }

    void labAnswersEveryProtocol()
    {
        QFETCH(QString, protocol);
        ProbeRunner runner({});
        const auto address = m_lab.addressOf(u"acme-vip"_s, protocol);
        QVERIFY(address);
        QSignalSpy finished(&runner, &ProbeRunner::roundFinished);
        QVERIFY(runner.runRound({targetAt(protocol, address->first, address->second)}));
        QVERIFY(finished.wait(10000));
        const auto results = finished.first().first().value<QList<ProbeResult>>();
        QCOMPARE(results.size(), 1);
        QVERIFY2(results.first().up, qPrintable(results.first().reason));
    }

    void kafkaAgainstSomethingElse()
    {
        // An HTTP server where the bootstrap should be: its answer is no Kafka frame.
        const auto address = m_lab.addressOf(u"acme-vip"_s, u"http"_s);
        KafkaProbe kafka;
        ProbeTarget t = targetAt(u"kafka"_s, address->first, address->second);
        const ProbeResult r = probe(kafka, t, 2000);
        QVERIFY(!r.up);
        // The lab's HTTP waits for a blank line it never gets: a timeout, said as one.
        QVERIFY2(r.reason.contains(u"did not answer within 2000 ms"_s), qPrintable(r.reason));
    }

    void nfsWrongProgramVersion()
    {
        // Version 4 asked of an NFSv3 server: PROG_MISMATCH, in words.
        const auto address = m_lab.addressOf(u"acme-vip"_s, u"nfs"_s);
        QTcpSocket socket;
        socket.connectToHost(address->first, address->second);
        QVERIFY(socket.waitForConnected(3000));
        socket.write(Wire::rpcNullCall(77, Wire::nfsProgram, 4));
        QByteArray buffer;
        std::optional<QByteArray> record;
        QVERIFY(QTest::qWaitFor([&] {
            socket.waitForReadyRead(100);
            buffer += socket.readAll();
            return (record = Wire::takeRpcRecord(buffer)).has_value();
        }, 5000));
        QString error;
        const auto reply = Wire::parseRpcReply(*record, &error);
        QVERIFY(reply);
        QCOMPARE(Wire::rpcAcceptStatName(reply->acceptStat), u"PROG_MISMATCH"_s);
    }

    void endpointFaults()
    {
        const auto nfs = m_lab.addressOf(u"fault-vip"_s, u"nfs"_s);
        const auto kafka = m_lab.addressOf(u"fault-vip"_s, u"kafka"_s);
        QVERIFY(nfs && kafka);
        NfsProbe nfsProbe;
        KafkaProbe kafkaProbe;
        QVERIFY(probe(nfsProbe, targetAt(u"nfs"_s, nfs->first, nfs->second)).up);

        m_lab.setFaults({{u"fault-vip"_s, u"nfs"_s, true, 0}, {u"fault-vip"_s, u"kafka"_s, false, 1500}});
        ProbeResult r = probe(nfsProbe, targetAt(u"nfs"_s, nfs->first, nfs->second));
        QCOMPARE(r.code, u"refused"_s);
        QVERIFY2(r.reason.startsWith(u"NFS export 127.0.0.1:%1 does not answer: connection refused"_s.arg(nfs->second)),
                 qPrintable(r.reason));
        QCOMPARE(r.tenantReason, u"your NFS export does not answer"_s);
        r = probe(kafkaProbe, targetAt(u"kafka"_s, kafka->first, kafka->second), 500);
        QCOMPARE(r.code, u"timeout"_s);
        r = probe(kafkaProbe, targetAt(u"kafka"_s, kafka->first, kafka->second), 4000);
        QVERIFY2(r.up, qPrintable(r.reason));
        QVERIFY2(r.latencyMs >= 1500, qPrintable(QString::number(r.latencyMs))); // the fault's delay is in the figure

        m_lab.setFaults({});
        QCOMPARE(m_lab.addressOf(u"fault-vip"_s, u"nfs"_s)->second, nfs->second); // back where it was
        QVERIFY(probe(nfsProbe, targetAt(u"nfs"_s, nfs->first, nfs->second)).up);
    }

    // One endpoint that accepts and never answers costs its own deadline, not the round.
    void roundSurvivesABlackHole()
    {
        QTcpServer blackHole;
        QVERIFY(blackHole.listen(QHostAddress::LocalHost, 0));
        ProbeRunner runner({2, 800, 1000});
        QList<ProbeTarget> targets {targetAt(u"kafka"_s, u"127.0.0.1"_s, blackHole.serverPort())};
        const auto kafka = m_lab.addressOf(u"acme-vip"_s, u"kafka"_s);
        for (int i = 0; i < 6; ++i) {
            ProbeTarget t = targetAt(u"kafka"_s, kafka->first, kafka->second);
            t.serviceId = u"svc-%1"_s.arg(i);
            targets << t;
        }
        QSignalSpy finished(&runner, &ProbeRunner::roundFinished);
        QVERIFY(runner.runRound(targets));
        QVERIFY(!runner.runRound(targets)); // one round at a time
        QVERIFY(finished.wait(10000));
        const auto results = finished.first().first().value<QList<ProbeResult>>();
        QCOMPARE(results.size(), 7);
        int up = 0;
        for (const ProbeResult &r : results) {
            if (r.up)
                ++up;
            else
                QCOMPARE(r.code, u"timeout"_s);
        }
        QCOMPARE(up, 6);
        qInfo("round of 7 probes, concurrency 2, one black hole at 800 ms: %lld ms", runner.lastRoundMs());
    }
};

QTEST_GUILESS_MAIN(TestProbes)
#include "tst_probes.moc"
