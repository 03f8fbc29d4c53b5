// neocloud-server's transport as an operator meets it: plain HTTP on loopback, HTTPS beyond it
// with a certificate made on first start (same fingerprint after a restart) or the operator's
// own, plain HTTP beyond loopback only when asked (with a warning), clear failures for bad
// certificate flags, security headers on every answer, and password guessing slowed to 429.

#include "../common/HttpClient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace NeoCloud::Testing;

namespace {

const QString server = QStringLiteral(NEOCLOUD_BIN_DIR "/neocloud-server");
const QString password = QStringLiteral("s3cret-for-tests");

// A running neocloud-server and what its log said while starting.
struct Server
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString log;
    QString scheme;
    quint16 port = 0;

    ~Server()
    {
        process->terminate();
        process->waitForFinished(10000);
    }
};

std::unique_ptr<Server> start(const QStringList &arguments)
{
    auto s = std::make_unique<Server>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NEOCLOUD_ADMIN_PASSWORD"), password);
    s->process->setProcessEnvironment(env);
    s->process->setProcessChannelMode(QProcess::MergedChannels);
    s->process->start(server, arguments + QStringList{QStringLiteral("--health-poll"), QStringLiteral("0"),
                                                      QStringLiteral("--telemetry-interval"), QStringLiteral("0")});
    if (!s->process->waitForStarted())
        return s;
    static const QRegularExpression served(QStringLiteral("serving (https?)://[^:]+:(\\d+)/api/v1"));
    QRegularExpressionMatch match;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && s->process->state() == QProcess::Running) {
        s->process->waitForReadyRead(200);
        s->log += QString::fromUtf8(s->process->readAll());
        if ((match = served.match(s->log)).hasMatch()) {
            s->scheme = match.captured(1);
            s->port = match.captured(2).toUShort();
            s->process->waitForReadyRead(300); // the fingerprint line follows
            s->log += QString::fromUtf8(s->process->readAll());
            break;
        }
    }
    return s;
}

QSslCertificate certificateAt(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll());
    return certificates.isEmpty() ? QSslCertificate() : certificates.constFirst();
}

QString fingerprintIn(const QString &log)
{
    static const QRegularExpression line(QStringLiteral("fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})"));
    return line.match(log).captured(1);
}

QString colonHex(const QByteArray &digest)
{
    QStringList pairs;
    for (char c : digest.toHex().toUpper())
        pairs << QString(QLatin1Char(c));
    QString joined;
    for (qsizetype i = 0; i < pairs.size(); i += 2)
        joined += (i ? QStringLiteral(":") : QString()) + pairs.at(i) + pairs.at(i + 1);
    return joined;
}

} // namespace

class TestTransportSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loopbackServesPlainHttpWithSecurityHeaders()
    {
        QTemporaryDir dir;
        auto s = start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                        dir.filePath(QStringLiteral("x.db"))});
        QVERIFY2(s->port, qPrintable(s->log));
        QCOMPARE(s->scheme, QStringLiteral("http"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("tls/server.crt"))));
        HttpClient http(s->port);
        for (const QString &path : {QStringLiteral("/api/v1/health"), QStringLiteral("/api/v1/nothing-here"),
                                    QStringLiteral("/api/v1/devices")}) {
            const HttpAnswer answer = http.get(path);
            QVERIFY2(answer.status > 0, qPrintable(path));
            QCOMPARE(answer.headers.value("x-content-type-options"), QByteArray("nosniff"));
            QVERIFY(answer.headers.value("content-security-policy").contains("frame-ancestors 'none'"));
            QVERIFY(!answer.headers.value("content-security-policy").contains("unsafe-inline"));
            QVERIFY(!answer.headers.contains("strict-transport-security")); // not over plain HTTP
        }
    }

    void beyondLoopbackServesHttpsWithAGeneratedCertificateKeptAcrossRestarts()
    {
        QTemporaryDir dir;
        const QStringList args{QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--db"),
                               dir.filePath(QStringLiteral("x.db"))};
        QString first;
        {
            auto s = start(args);
            QVERIFY2(s->port, qPrintable(s->log));
            QCOMPARE(s->scheme, QStringLiteral("https"));
            QVERIFY2(s->log.contains(QLatin1String("(made now)")), qPrintable(s->log));
            first = fingerprintIn(s->log);
            QVERIFY2(!first.isEmpty(), qPrintable(s->log));
            const QString certPath = dir.filePath(QStringLiteral("tls/server.crt"));
            const QSslCertificate cert = certificateAt(certPath);
            QVERIFY(!cert.isNull());
            QCOMPARE(colonHex(cert.digest(QCryptographicHash::Sha256)), first);
            const QFileDevice::Permissions keyMode = QFile::permissions(dir.filePath(QStringLiteral("tls/server.key")));
            QVERIFY(keyMode & QFileDevice::ReadOwner);
            QVERIFY(!(keyMode & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther)));

            // A client that trusts that certificate and checks the name gets the API over TLS.
            HttpClient https(QStringLiteral("https://127.0.0.1:%1").arg(s->port));
            https.trustOnly(cert);
            const HttpAnswer health = https.get(QStringLiteral("/api/v1/health"));
            QVERIFY2(health.status == 200, qPrintable(health.networkError));
            QVERIFY(health.headers.value("strict-transport-security").startsWith("max-age="));
            const HttpAnswer login = https.post(QStringLiteral("/api/v1/auth/login"),
                                                QStringLiteral(R"({"username":"admin","password":"%1"})").arg(password).toUtf8());
            QCOMPARE(login.status, 200);

            // A client that does not trust it is refused by its own TLS stack, and plain HTTP to
            // the TLS port gets no HTTP answer at all.
            HttpClient untrusting(QStringLiteral("https://127.0.0.1:%1").arg(s->port));
            QCOMPARE(untrusting.get(QStringLiteral("/api/v1/health")).status, 0);
            HttpClient plain(s->port);
            QCOMPARE(plain.get(QStringLiteral("/api/v1/health")).status, 0);
            // The server is still healthy after those failed handshakes.
            HttpClient again(QStringLiteral("https://127.0.0.1:%1").arg(s->port));
            again.trustOnly(cert);
            QCOMPARE(again.get(QStringLiteral("/api/v1/health")).status, 200);
        }
        auto restarted = start(args);
        QVERIFY2(restarted->port, qPrintable(restarted->log));
        QVERIFY(!restarted->log.contains(QLatin1String("(made now)")));
        QCOMPARE(fingerprintIn(restarted->log), first);
    }

    void operatorCertificateIsUsedAsGiven()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("op.crt"));
        const QString key = dir.filePath(QStringLiteral("op.key"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                       QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        auto s = start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                        dir.filePath(QStringLiteral("x.db")), QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY2(s->port, qPrintable(s->log));
        QCOMPARE(s->scheme, QStringLiteral("https"));
        QCOMPARE(fingerprintIn(s->log), colonHex(certificateAt(cert).digest(QCryptographicHash::Sha256)));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("tls/server.crt"))));
        HttpClient https(QStringLiteral("https://127.0.0.1:%1").arg(s->port));
        https.trustOnly(certificateAt(cert));
        QCOMPARE(https.get(QStringLiteral("/api/v1/version")).status, 200);
    }

    void insecureHttpBeyondLoopbackOnlyWhenAskedAndWithAWarning()
    {
        QTemporaryDir dir;
        auto s = start({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--insecure-http"),
                        QStringLiteral("--db"), dir.filePath(QStringLiteral("x.db"))});
        QVERIFY2(s->port, qPrintable(s->log));
        QCOMPARE(s->scheme, QStringLiteral("http"));
        QVERIFY2(s->log.contains(QLatin1String("in clear")), qPrintable(s->log));
        HttpClient http(s->port);
        QCOMPARE(http.get(QStringLiteral("/api/v1/health")).status, 200);
    }

    void badCertificateFlagsFailClearly_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("said");
        QTest::newRow("cert without key") << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/etc/hostname")}
                                          << QStringLiteral("go together");
        QTest::newRow("unreadable") << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent.crt"),
                                                   QStringLiteral("--tls-key"), QStringLiteral("/nonexistent.key")}
                                    << QStringLiteral("Cannot read the TLS certificate");
        QTest::newRow("not a certificate") << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/etc/hostname"),
                                                          QStringLiteral("--tls-key"), QStringLiteral("/etc/hostname")}
                                           << QStringLiteral("holds no PEM certificate");
        QTest::newRow("insecure and tls") << QStringList{QStringLiteral("--insecure-http"), QStringLiteral("--tls")}
                                          << QStringLiteral("contradicts");
    }

    void badCertificateFlagsFailClearly()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, said);
        QTemporaryDir dir;
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(server, flags + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                  QStringLiteral("--db"), dir.filePath(QStringLiteral("x.db"))});
        QVERIFY(process.waitForFinished(30000));
        const QString output = QString::fromUtf8(process.readAll());
        QVERIFY(process.exitCode() != 0);
        QVERIFY2(output.contains(said), qPrintable(output));
    }

    void passwordGuessingIsSlowedAndLogoutRevokes()
    {
        QTemporaryDir dir;
        auto s = start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                        dir.filePath(QStringLiteral("x.db"))});
        QVERIFY2(s->port, qPrintable(s->log));
        HttpClient http(s->port);
        const auto login = [&](const QString &user, const QString &pass) {
            return http.post(QStringLiteral("/api/v1/auth/login"),
                             QStringLiteral(R"({"username":"%1","password":"%2"})").arg(user, pass).toUtf8());
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(QStringLiteral("admin"), QStringLiteral("wrong-%1").arg(i)).status, 401);
        const HttpAnswer refused = login(QStringLiteral("admin"), password);
        QCOMPARE(refused.status, 429); // the right password too, or guessing would go on
        QCOMPARE(refused.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                 QStringLiteral("too_many_login_attempts"));
        const int wait = refused.headers.value("retry-after").toInt();
        QVERIFY2(wait >= 1 && wait <= 60, refused.headers.value("retry-after").constData());
        // Another user from the same address is not locked out by admin's count.
        QCOMPARE(login(QStringLiteral("nobody"), QStringLiteral("x")).status, 401);

        // Logout: the token stops working at once.
        QTemporaryDir dir2;
        auto t = start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                        dir2.filePath(QStringLiteral("y.db"))});
        HttpClient fresh(t->port);
        const HttpAnswer ok = fresh.post(QStringLiteral("/api/v1/auth/login"),
                                         QStringLiteral(R"({"username":"admin","password":"%1"})").arg(password).toUtf8());
        QCOMPARE(ok.status, 200);
        fresh.setToken(ok.json.value(QLatin1String("token")).toString());
        QCOMPARE(fresh.get(QStringLiteral("/api/v1/auth/me")).status, 200);
        QCOMPARE(fresh.post(QStringLiteral("/api/v1/auth/logout"), QByteArray()).status, 204);
        QCOMPARE(fresh.get(QStringLiteral("/api/v1/auth/me")).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestTransportSecurity)
#include "tst_transport_security.moc"
