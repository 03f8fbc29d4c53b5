// neocloud-server as an operator runs it: flags, the README's smoke path (start, health, login,
// list devices), and a clear one-line failure with a non-zero exit for each bad start.

#include "../common/HttpClient.h"
#include "store/Migrations.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace NeoCloud::Testing;

namespace {

const QString server = QStringLiteral(NEOCLOUD_BIN_DIR "/neocloud-server");

struct Run
{
    int exitCode = -1;
    QString output; // stdout and stderr
};

Run runToEnd(const QStringList &arguments, QProcessEnvironment env = QProcessEnvironment::systemEnvironment(),
             const QString &program = server)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {-1, QStringLiteral("timed out: ") + QString::fromUtf8(process.readAll())};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                          : QByteArray();
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionAndHelp()
    {
        const Run version = runToEnd({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.output.contains(QLatin1String(NEOCLOUD_VERSION)), qPrintable(version.output));
        const Run help = runToEnd({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *flag : {"--listen", "--db", "--version", "--help"})
            QVERIFY2(help.output.contains(QLatin1String(flag)), flag);
    }

    void startsServesAndLogsIn()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NEOCLOUD_ADMIN_PASSWORD"), QStringLiteral("s3cret-for-tests"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(server, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                               dir.filePath(QStringLiteral("x.db"))});
        QVERIFY(process.waitForStarted());
        // The log names the port it picked.
        static const QRegularExpression served(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/api/v1"));
        QString log;
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT((log += QString::fromUtf8(process.readAll()), match = served.match(log)).hasMatch(), 15000);
        HttpClient http(match.captured(1).toUShort());
        QCOMPARE(http.get(QStringLiteral("/api/v1/health")).status, 200);
        const HttpAnswer login = http.post(QStringLiteral("/api/v1/auth/login"),
                                           R"({"username":"admin","password":"s3cret-for-tests"})");
        QCOMPARE(login.status, 200);
        http.setToken(login.json.value(QLatin1String("token")).toString());
        const HttpAnswer devices = http.get(QStringLiteral("/api/v1/devices"));
        QCOMPARE(devices.status, 200);
        QVERIFY(devices.json.contains(QLatin1String("items")));
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
    }

    void portInUseFailsClearly()
    {
        QTcpServer occupier;
        QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        const Run run = runToEnd({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(occupier.serverPort()),
                                  QStringLiteral("--db"), dir.filePath(QStringLiteral("p.db"))});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.output.contains(QLatin1String("Cannot listen on 127.0.0.1:")), qPrintable(run.output));
    }

    void badListenFlagFailsClearly()
    {
        const Run run = runToEnd({QStringLiteral("--listen"), QStringLiteral("nonsense")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(QLatin1String("HOST:PORT")), qPrintable(run.output));
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.db"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(NeoCloud::latestSchemaVersion() + 5)));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        const QByteArray before = fileHash(path);
        const Run run = runToEnd({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), path});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.output.contains(QLatin1String("newer than this build")), qPrintable(run.output));
        QCOMPARE(fileHash(path), before);
    }

    void readOnlyDatabaseIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ro.db"));
        // Create a valid database first.
        {
            QProcess p;
            p.start(server, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), path});
            QVERIFY(p.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000);
            QTest::qWait(500);
            p.terminate();
            QVERIFY(p.waitForFinished());
        }
        QStringList arguments{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), path};
        QString program = server;
        if (::geteuid() == 0) {
            // Root writes through any file mode: run the server as an unprivileged user, for whom
            // a root-owned 0644 file in a 0755 folder is read-only, as it would be in production.
            QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                  | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
            // The build folder may sit where that user cannot reach (a clone under /root): run
            // a copy of the binary from the test's own folder.
            const QString copy = dir.filePath(QStringLiteral("neocloud-server"));
            QVERIFY(QFile::copy(server, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                            | QFile::ReadOther | QFile::ExeOther);
            arguments = QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                    QStringLiteral("--clear-groups"), copy} + arguments;
            program = QStringLiteral("/usr/bin/setpriv");
        } else {
            QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        const QByteArray before = fileHash(path);
        const Run run = runToEnd(arguments, env, program);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.output.contains(QLatin1String("read-only")), qPrintable(run.output));
        QCOMPARE(fileHash(path), before);
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_server_process.moc"
