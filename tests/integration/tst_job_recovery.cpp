// A process killed in the middle of a job: neocloud-server with its demo lab is SIGKILLed while a
// service is being enabled (or rolled back), started again on the same database, and must finish
// what it was doing: resume the apply, or finish the rollback, without making anything twice.
// What exists on the "cluster" is read from the lab's VMS, which keeps its state in the database.

#include "../common/HttpClient.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace NeoCloud::Testing;

namespace {

const QString server = QStringLiteral(NEOCLOUD_BIN_DIR "/neocloud-server");
const QString password = QStringLiteral("recovery-test-password");

} // namespace

class TestJobRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<HttpClient> m_http;
    QString m_vms;
    QString m_vmsToken;
    QNetworkAccessManager m_network;

    void start()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NEOCLOUD_ADMIN_PASSWORD"), password);
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(env);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(server, {QStringLiteral("--lab"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                  QStringLiteral("--db"), m_dir.filePath(QStringLiteral("recovery.db"))});
        QVERIFY(m_process->waitForStarted());
        static const QRegularExpression served(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/api/v1"));
        QString log;
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT((log += QString::fromUtf8(m_process->readAll()), match = served.match(log)).hasMatch(), 30000);
        m_http = std::make_unique<HttpClient>(match.captured(1).toUShort());
        const HttpAnswer login = m_http->post(QStringLiteral("/api/v1/auth/login"),
                                              QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")},
                                                                        {QStringLiteral("password"), password}})
                                                  .toJson());
        QCOMPARE(login.status, 200);
        m_http->setToken(login.json.value(QLatin1String("token")).toString());
        const QJsonObject vms = m_http->get(QStringLiteral("/api/v1/lab")).json.value(QLatin1String("vms")).toObject();
        m_vms = vms.value(QLatin1String("url")).toString();
        m_vmsToken = vms.value(QLatin1String("token")).toString();
        QVERIFY(!m_vms.isEmpty());
    }

    void killHard()
    {
        m_process->kill(); // SIGKILL: no shutdown code runs
        QVERIFY(m_process->waitForFinished(10000));
        m_http.reset();
    }

    QJsonArray vms(const QString &collection, const QString &key, const QString &value)
    {
        QUrl url(m_vms + collection);
        url.setQuery(QUrlQuery{{key, value}});
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Api-Token " + m_vmsToken.toUtf8());
        QNetworkReply *reply = m_network.get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).array();
    }

    QJsonObject waitFor(const QString &path, const std::function<bool(const QJsonObject &)> &done, int timeoutMs = 60000)
    {
        QElapsedTimer clock;
        clock.start();
        QJsonObject last;
        while (clock.elapsed() < timeoutMs) {
            last = m_http->get(path).json;
            if (done(last))
                return last;
            QTest::qWait(100);
        }
        return last;
    }

    void clearFaults()
    {
        for (const QJsonValue &f : m_http->get(QStringLiteral("/api/v1/lab/faults")).json.value(QLatin1String("items")).toArray())
            QCOMPARE(m_http->send("DELETE", QStringLiteral("/api/v1/lab/faults/") + f[QLatin1String("id")].toString()).status, 204);
    }

    static int doneSteps(const QJsonObject &job)
    {
        int n = 0;
        for (const QJsonValue &s : job.value(QLatin1String("steps")).toArray())
            n += s[QLatin1String("state")].toString() == QLatin1String("done");
        return n;
    }

private Q_SLOTS:
    void cleanup()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            m_process->waitForFinished(10000);
        }
    }

    void anApplyKilledMidwayIsResumedWithoutDuplicates()
    {
        start();
        const HttpAnswer tenant = m_http->post(QStringLiteral("/api/v1/tenants"), R"({"name": "resume"})");
        QCOMPARE(tenant.status, 201);
        const QString tenantId = tenant.json.value(QLatin1String("id")).toString();
        // Every VMS call takes a while, so the kill lands between steps or inside one.
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/lab/faults"), R"({"device": "vms", "kind": "vms-slow", "latencyMs": 400})").status, 201);
        const HttpAnswer enabling = m_http->post(QStringLiteral("/api/v1/tenants/%1/services").arg(tenantId),
                                                 R"({"kind": "database", "params": {"bucket": "warehouse", "schemas": ["a", "b", "c"]}})");
        QCOMPARE(enabling.status, 202);
        const QString serviceId = enabling.json.value(QLatin1String("id")).toString();
        const QString jobPath = QStringLiteral("/api/v1/jobs/") + enabling.json.value(QLatin1String("jobId")).toString();
        const QJsonObject midway = waitFor(jobPath, [](const QJsonObject &job) { return doneSteps(job) >= 3; });
        QVERIFY2(doneSteps(midway) >= 3 && midway.value(QLatin1String("state")) == QLatin1String("running"),
                 QJsonDocument(midway).toJson().constData());
        killHard();

        start();
        clearFaults();
        const QJsonObject service = waitFor(QStringLiteral("/api/v1/services/") + serviceId,
                                            [](const QJsonObject &s) { return s.value(QLatin1String("state")) != QLatin1String("enabling"); });
        QCOMPARE(service.value(QLatin1String("state")).toString(), QStringLiteral("active"));
        QCOMPARE(m_http->get(jobPath).json.value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
        // Made once each, although some calls may have been sent twice.
        QCOMPARE(vms(QStringLiteral("/tenants/"), QStringLiteral("name"), QStringLiteral("resume")).size(), 1);
        QCOMPARE(vms(QStringLiteral("/vippools/"), QStringLiteral("name"), QStringLiteral("resume-vip")).size(), 1);
        QCOMPARE(vms(QStringLiteral("/views/"), QStringLiteral("bucket"), QStringLiteral("warehouse")).size(), 1);
        QCOMPARE(vms(QStringLiteral("/schemas/"), QStringLiteral("database_name"), QStringLiteral("warehouse")).size(), 3);
        const QJsonArray events = m_http->get(QStringLiteral("/api/v1/events?limit=100")).json.value(QLatin1String("items")).toArray();
        bool told = false;
        for (const QJsonValue &e : events)
            told = told || e[QLatin1String("message")].toString().contains(QLatin1String("interrupted by a restart; resuming"));
        QVERIFY(told);
        killHard();
    }

    void aRollbackKilledMidwayIsFinished()
    {
        start();
        const HttpAnswer tenant = m_http->post(QStringLiteral("/api/v1/tenants"), R"({"name": "rollback"})");
        QCOMPARE(tenant.status, 201);
        const QString tenantId = tenant.json.value(QLatin1String("id")).toString();
        // The last step fails; undoing the others is slow enough to be interrupted.
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/lab/faults"), R"({"device": "vms", "kind": "vms-error", "component": "/quotas/"})").status, 201);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/lab/faults"), R"({"device": "vms", "kind": "vms-slow", "latencyMs": 400})").status, 201);
        const HttpAnswer enabling = m_http->post(QStringLiteral("/api/v1/tenants/%1/services").arg(tenantId),
                                                 R"({"kind": "object-storage", "params": {"bucket": "doomed", "quotaBytes": 1000000}})");
        QCOMPARE(enabling.status, 202);
        const QString serviceId = enabling.json.value(QLatin1String("id")).toString();
        const QString jobPath = QStringLiteral("/api/v1/jobs/") + enabling.json.value(QLatin1String("jobId")).toString();
        const QJsonObject rollingBack = waitFor(jobPath, [](const QJsonObject &job) {
            bool failed = false, undone = false;
            for (const QJsonValue &s : job.value(QLatin1String("steps")).toArray()) {
                failed = failed || s[QLatin1String("state")] == QLatin1String("failed");
                undone = undone || s[QLatin1String("state")] == QLatin1String("undone");
            }
            return failed && undone;
        });
        QCOMPARE(rollingBack.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        killHard();

        start();
        clearFaults();
        const QJsonObject service = waitFor(QStringLiteral("/api/v1/services/") + serviceId,
                                            [](const QJsonObject &s) { return s.value(QLatin1String("state")) != QLatin1String("enabling"); });
        QCOMPARE(service.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        const QJsonObject job = m_http->get(jobPath).json;
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QVERIFY(job.value(QLatin1String("rolledBack")).toBool());
        QVERIFY(vms(QStringLiteral("/tenants/"), QStringLiteral("name"), QStringLiteral("rollback")).isEmpty());
        QVERIFY(vms(QStringLiteral("/views/"), QStringLiteral("bucket"), QStringLiteral("doomed")).isEmpty());
        QVERIFY(vms(QStringLiteral("/vippools/"), QStringLiteral("name"), QStringLiteral("rollback-vip")).isEmpty());
        killHard();
    }
};

QTEST_GUILESS_MAIN(TestJobRecovery)
#include "tst_job_recovery.moc"
