// What discovery remembers about a BMC: its credentials, sealed at rest and reused by a rescan,
// and its TLS certificate, pinned on first use so a changed one is refused and raised as an alert,
// until an operator-admin forgets the pin over the API (a certificate replaced on purpose).

#include "../common/HttpClient.h"
#include "../common/TestSupport.h"
#include "activity/AuditLog.h"
#include "activity/EventLog.h"
#include "auth/SecretBox.h"
#include "discovery/DiscoveryService.h"
#include "lab/RedfishServer.h"
#include "store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

using namespace NeoCloud;
using namespace NeoCloud::Testing;

namespace {

const QString fixture = QStringLiteral(NEOCLOUD_SOURCE_DIR "/tests/fixtures/redfish/dmtf-public-rackmount1");

// A fresh self-signed certificate, as a BMC makes for itself on first boot.
QSslConfiguration selfSigned(const QTemporaryDir &dir, const QString &name)
{
    const QString key = dir.filePath(name + QStringLiteral(".key")), cert = dir.filePath(name + QStringLiteral(".pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                              QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                              QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name});
    openssl.waitForFinished(60000);
    QFile k(key), c(cert);
    k.open(QIODevice::ReadOnly);
    c.open(QIODevice::ReadOnly);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(c.readAll()));
    tls.setPrivateKey(QSslKey(k.readAll(), QSsl::Rsa));
    return tls;
}

Job scan(DiscoveryService &discovery, const QJsonObject &target)
{
    QSignalSpy finished(&discovery, &DiscoveryService::scanFinished);
    const auto job = discovery.startScan({{QStringLiteral("targets"), QJsonArray{target}}}, QStringLiteral("test"));
    if (!job)
        qFatal("%s", qPrintable(job.error().message));
    finished.wait(30000);
    return finished.first().first().value<Job>();
}

QString firstError(const Job &job)
{
    return job.result.value(QLatin1String("errors")).toArray().first()[QLatin1String("message")].toString();
}

} // namespace

class TestBmcTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void credentialsAreSealedAndReused()
    {
        TestBackend t;
        auto tree = RedfishTree::loadFolder(fixture);
        RedfishServer server(*tree, {});
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const QJsonObject withPassword{{QStringLiteral("kind"), QStringLiteral("redfish")}, {QStringLiteral("url"), server.baseUrl()},
                                       {QStringLiteral("username"), QStringLiteral("admin")}, {QStringLiteral("password"), QStringLiteral("password")}};
        QCOMPARE(scan(t->discovery(), withPassword).state, JobState::Succeeded);

        QSqlQuery q(t->database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT username, secret FROM bmc_credentials")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("admin"));
        QVERIFY(!q.value(1).toString().contains(QLatin1String("password")));
        QVERIFY(!QByteArray::fromBase64(q.value(1).toByteArray()).contains("password"));

        // A rescan without the password uses the sealed one.
        const QJsonObject without{{QStringLiteral("kind"), QStringLiteral("redfish")}, {QStringLiteral("url"), server.baseUrl()}};
        const Job rescan = scan(t->discovery(), without);
        QCOMPARE(rescan.state, JobState::Succeeded);
        QCOMPARE(rescan.result.value(QLatin1String("found")).toObject().value(QLatin1String("unchanged")).toInt(), 1);

        // Wrong credentials are not stored over the good ones.
        QJsonObject wrong = withPassword;
        wrong.insert(QStringLiteral("password"), QStringLiteral("nope"));
        QCOMPARE(scan(t->discovery(), wrong).state, JobState::Failed);
        QCOMPARE(scan(t->discovery(), without).state, JobState::Succeeded);
    }

    void aReplacedKeyFileIsDetected()
    {
        QTemporaryDir dir;
        auto box = SecretBox::open(dir.filePath(QStringLiteral("a.key")));
        QVERIFY(box);
        const QString sealed = box->seal(QStringLiteral("s3cret"));
        QCOMPARE(*box->unseal(sealed), QStringLiteral("s3cret"));
        QCOMPARE(QFile::permissions(dir.filePath(QStringLiteral("a.key"))) & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        auto other = SecretBox::open(dir.filePath(QStringLiteral("b.key")));
        QVERIFY(!other->unseal(sealed));
        // Flip one bit of the ciphertext itself (not of base64 padding bits, which decode to nothing).
        QByteArray bytes = QByteArray::fromBase64(sealed.toLatin1());
        bytes[bytes.size() - 1] = char(bytes.at(bytes.size() - 1) ^ 0x01);
        QVERIFY(!box->unseal(QString::fromLatin1(bytes.toBase64())));
    }

    void certificateIsPinnedOnFirstUse()
    {
        QTemporaryDir certs;
        TestBackend t;
        auto tree = RedfishTree::loadFolder(fixture);
        const QJsonObject target{{QStringLiteral("kind"), QStringLiteral("redfish")}, {QStringLiteral("verifyTls"), false},
                                 {QStringLiteral("username"), QStringLiteral("admin")}, {QStringLiteral("password"), QStringLiteral("password")}};
        quint16 port = 0;
        QString url;
        {
            RedfishServer server(*tree, {});
            port = server.listenTls(QHostAddress::LocalHost, 0, selfSigned(certs, QStringLiteral("bmc-original")));
            QVERIFY(port);
            url = server.baseUrl();
            QVERIFY(url.startsWith(QLatin1String("https://")));
            QJsonObject first = target;
            first.insert(QStringLiteral("url"), url);
            const Job job = scan(t->discovery(), first);
            QCOMPARE(job.state, JobState::Succeeded);
            // verifyTls on: a self-signed certificate is an error, not an unreachable BMC.
            first.insert(QStringLiteral("verifyTls"), true);
            const Job strict = scan(t->discovery(), first);
            QCOMPARE(strict.state, JobState::Failed);
            QVERIFY2(firstError(strict).contains(QLatin1String("does not verify")), qPrintable(firstError(strict)));
        }
        // The same address now presents another certificate.
        RedfishServer impostor(*tree, {});
        QCOMPARE(impostor.listenTls(QHostAddress::LocalHost, port, selfSigned(certs, QStringLiteral("bmc-impostor"))), port);
        QJsonObject again = target;
        again.insert(QStringLiteral("url"), url);
        const Job refused = scan(t->discovery(), again);
        QCOMPARE(refused.state, JobState::Failed);
        QVERIFY2(firstError(refused).contains(QLatin1String("certificate of 127.0.0.1:")), qPrintable(firstError(refused)));
        QCOMPARE(refused.result.value(QLatin1String("found")).toObject().value(QLatin1String("changed")).toInt(), 0);
        EventQuery critical;
        critical.severity = Severity::Critical;
        const auto alerts = t->events().find(critical);
        QVERIFY(alerts && alerts->total == 1);
        QVERIFY(alerts->items.first().alert);
        QCOMPARE(t->events().openAlertCount().value(), 1);
        // Asked again, over the connection the refused scan left open, it is refused again: the
        // certificate is judged on every answer, not only when a connection is made.
        const Job refusedAgain = scan(t->discovery(), again);
        QCOMPARE(refusedAgain.state, JobState::Failed);
        QVERIFY2(firstError(refusedAgain).contains(QLatin1String("certificate of 127.0.0.1:")), qPrintable(firstError(refusedAgain)));

        // The operator checks the BMC's new certificate, and forgets the old pin over the API.
        const quint16 apiPort = must(t->listen(QHostAddress::LocalHost, 0));
        HttpClient admin(apiPort);
        admin.setToken(admin.login(QStringLiteral("admin"), adminPassword));
        const QString host = QStringLiteral("127.0.0.1:%1").arg(port);
        HttpAnswer pins = admin.get(QStringLiteral("/api/v1/bmc-certificates"));
        QCOMPARE(pins.status, 200);
        QCOMPARE(pins.json.value(QLatin1String("total")).toInt(), 1);
        const QJsonObject pinned = pins.json.value(QLatin1String("items")).toArray().first().toObject();
        QCOMPARE(pinned.value(QLatin1String("host")).toString(), host);
        const QString originalSha = pinned.value(QLatin1String("sha256")).toString();
        QCOMPARE(originalSha.size(), 64);
        QVERIFY(!pinned.value(QLatin1String("pinnedAt")).toString().isEmpty());
        // The device the first scan found behind that address is named.
        const QJsonArray devices = pinned.value(QLatin1String("devices")).toArray();
        QCOMPARE(devices.size(), 1);
        QVERIFY(!devices.first()[QLatin1String("name")].toString().isEmpty());

        // One BMC's pin by its host:port, and none for an address nothing is pinned for.
        QCOMPARE(admin.get(QStringLiteral("/api/v1/bmc-certificates?host=") + host).json.value(QLatin1String("total")).toInt(), 1);
        QCOMPARE(admin.get(QStringLiteral("/api/v1/bmc-certificates?host=127.0.0.1:9")).json.value(QLatin1String("total")).toInt(), 0);
        QCOMPARE(admin.send("DELETE", QStringLiteral("/api/v1/bmc-certificates/127.0.0.1:9")).status, 404);
        QCOMPARE(admin.send("DELETE", QStringLiteral("/api/v1/bmc-certificates/") + host).status, 204);
        QCOMPARE(admin.send("DELETE", QStringLiteral("/api/v1/bmc-certificates/") + host).status, 404);
        QCOMPARE(admin.get(QStringLiteral("/api/v1/bmc-certificates")).json.value(QLatin1String("total")).toInt(), 0);
        // Audited with the fingerprint that was trusted, and told in the events.
        const auto audit = t->audit().list(10, 0);
        QVERIFY(audit);
        const auto forget = std::find_if(audit->items.cbegin(), audit->items.cend(),
                                         [](const AuditEntry &e) {
                                             return e.action == QLatin1String("bmc.certificate.forget") && e.result == QLatin1String("ok");
                                         });
        QVERIFY(forget != audit->items.cend());
        QCOMPARE(forget->target, host);
        QCOMPARE(forget->detail.value(QLatin1String("sha256")).toString(), originalSha);

        // The next scan trusts the new certificate on first use, and the pin is the new one.
        const Job accepted = scan(t->discovery(), again);
        QCOMPARE(accepted.state, JobState::Succeeded);
        pins = admin.get(QStringLiteral("/api/v1/bmc-certificates"));
        QCOMPARE(pins.json.value(QLatin1String("total")).toInt(), 1);
        const QString newSha = pins.json.value(QLatin1String("items")).toArray().first()[QLatin1String("sha256")].toString();
        QCOMPARE(newSha.size(), 64);
        QVERIFY(newSha != originalSha);
    }
};

QTEST_GUILESS_MAIN(TestBmcTrust)
#include "tst_bmc_trust.moc"
