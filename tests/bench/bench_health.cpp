// Service health at 500 tenants x 7 kinds (3,500 active services) over the demo lab. Prints
// figures; asserts only that the work was done (every cell reflects the fault, then recovers),
// never a time.
//  - the time from a lab fault to the matrix reflecting it in every cell, against the target of
//    one poll interval plus one second (a fault lands at a random point of the poll cycle);
//  - the matrix recompute time: with nothing changed, and with all 3,500 cells changing;
//  - GET /api/v1/health/matrix: answer time and size, first (built) and cached.
// The tenants are made through TenantService and their services written straight to the store
// as active: enabling 3,500 services through the VMS double means ~25,000 provider calls, which
// is the engine's benchmark, not this one's. NEOCLOUD_BENCH_POLL_MS sets the poll interval
// (default 5000).

#include "../common/HttpClient.h"
#include "BenchSupport.h"
#include "core/Ids.h"
#include "core/Time.h"
#include "discovery/DiscoveryService.h"
#include "health/HealthService.h"
#include "lab/LabService.h"
#include "services/Catalog.h"
#include "store/Database.h"
#include "store/ServiceRepository.h"
#include "tenancy/TenantService.h"
#include "vast/VastPlans.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace NeoCloud;
using namespace NeoCloud::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int tenantCount = 500;

int pollInterval()
{
    const int env = qEnvironmentVariableIntValue("NEOCLOUD_BENCH_POLL_MS");
    return env > 0 ? env : 5000;
}

} // namespace

class BenchHealth : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<HttpClient> m_http;
    int m_cells = 0;

    // Waits until every cell matches, watching the service's own matrix (a client polling
    // 450 KiB answers would load the very thread it measures), then confirms it over the API.
    // Returns the elapsed ms, or -1.
    qint64 waitForEvery(const QString &status, const QString &reasonPart,
                        const QElapsedTimer &since, int timeoutMs)
    {
        HealthService &health = m_backend->health();
        auto matches = [&](const QList<HealthCell> &cells) {
            return cells.size() == m_cells
                && std::all_of(cells.begin(), cells.end(), [&](const HealthCell &c) {
                       return toString(c.status) == status && c.reason.contains(reasonPart);
                   });
        };
        while (!matches(health.matrix().cells)) {
            if (since.elapsed() > timeoutMs)
                return -1;
            QSignalSpy changed(&health, &HealthService::matrixChanged);
            changed.wait(100);
        }
        const qint64 elapsed = since.elapsed();
        const QJsonArray cells
            = m_http->get(u"/api/v1/health/matrix"_s).json.value(QLatin1String("cells")).toArray();
        const bool answered = std::all_of(cells.begin(), cells.end(), [&](const QJsonValue &c) {
            return c[QLatin1String("status")].toString() == status
                && c[QLatin1String("reason")].toString().contains(reasonPart);
        });
        return answered && cells.size() == m_cells ? elapsed : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        BackendConfig config;
        config.databasePath = m_dir.filePath(u"bench.db"_s);
        config.adminPassword = u"bench-password"_s;
        config.labDefinition = QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/labs/demo.json");
        config.healthPollMs = pollInterval();
        config.healthPollTimeoutMs = 2000;
        auto created = Backend::create(config);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        m_backend = std::move(created).value();
        QSignalSpy scanned(&m_backend->discovery(), &DiscoveryService::scanFinished);
        QVERIFY(scanned.wait(60000));
        m_http = std::make_unique<HttpClient>(*m_backend->listen(QHostAddress::LocalHost, 0));
        const HttpAnswer login = m_http->post(
            u"/api/v1/auth/login"_s, R"({"username": "admin", "password": "bench-password"})");
        m_http->setToken(login.json.value(QLatin1String("token")).toString());

        QElapsedTimer clock;
        clock.start();
        const Result<QStringList> ids = Bench::addTenants(*m_backend, tenantCount);
        QVERIFY2(ids, ids ? "" : qPrintable(ids.error().message));
        const qint64 tenantsMs = clock.restart();
        const Status services = Bench::addActiveServices(*m_backend, *ids);
        QVERIFY2(services, services ? "" : qPrintable(services.error().message));
        m_cells = int(ids->size() * m_backend->catalog().kindNames().size());
        const qint64 servicesMs = clock.restart();
        m_backend->health().recompute(); // every cell new: 3,500 rows and transitions written
        const qint64 first = clock.elapsed();
        QCOMPARE(m_backend->health().matrix().cells.size(), m_cells);
        qInfo("BENCH setup: %d tenants in %lld ms (TenantService), %d active services in %lld ms "
              "(straight to the store); "
              "first recompute (every cell new, stored) %lld ms",
              tenantCount, tenantsMs, m_cells, servicesMs, first);
    }

    void recomputeAndAnswer()
    {
        HealthService &health = m_backend->health();
        QElapsedTimer clock;
        clock.start();
        qint64 best = std::numeric_limits<qint64>::max();
        for (int i = 0; i < 5; ++i) {
            clock.restart();
            health.recompute();
            best = qMin(best, clock.elapsed());
        }
        qInfo("BENCH recompute %d cells, nothing changed: best of 5 %lld ms", m_cells, best);

        clock.restart();
        HttpAnswer answer = m_http->get(u"/api/v1/health/matrix"_s);
        const qint64 built = clock.restart();
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(QLatin1String("cells")).toArray().size(), m_cells);
        qint64 cachedBest = std::numeric_limits<qint64>::max();
        for (int i = 0; i < 10; ++i) {
            clock.restart();
            answer = m_http->get(u"/api/v1/health/matrix"_s);
            cachedBest = qMin(cachedBest, clock.elapsed());
        }
        qInfo("BENCH GET /api/v1/health/matrix: %lld KiB, %lld ms built, %lld ms cached (best of "
              "10), over loopback",
              qint64(answer.body.size() / 1024), built, cachedBest);
    }

    // Every tenant's S3, NFS and Kafka endpoints (as the VAST plan makes them) probed against the
    // lab's responders: one round's time, and the recompute with probe verdicts in the cells.
    void probeRound()
    {
        HealthService &health = m_backend->health();
        const auto tenants = m_backend->tenants().list(tenantCount, 0);
        QVERIFY(tenants);
        const QList<QPair<QString, QJsonObject>> kinds {
            { u"object-storage"_s, QJsonObject { { u"bucket"_s, u"data"_s } } },
            { u"file-storage"_s, QJsonObject { { u"path"_s, u"/"_s }, { u"protocols"_s, QJsonArray { u"NFS"_s } } } },
            { u"event-streaming"_s, QJsonObject {} } };
        QVERIFY(m_backend->database().transaction([&]() -> Status {
            QSqlQuery q(m_backend->database().connection());
            q.prepare(u"UPDATE services SET endpoints = ? WHERE tenant_id = ? AND kind = ?"_s);
            for (const Tenant &t : tenants->items)
                for (const auto &[kind, params] : kinds) {
                    q.addBindValue(QString::fromUtf8(QJsonDocument(Vast::endpointsFor({ t, {}, {} }, kind, params)).toJson(QJsonDocument::Compact)));
                    q.addBindValue(t.id);
                    q.addBindValue(kind);
                    if (!q.exec())
                        return Error::unavailable(u"bench"_s, q.lastError().text());
                }
            return success();
        }));
        ServiceProber *prober = health.prober();
        QSignalSpy probed(prober, &ServiceProber::probed);
        if (prober->runner().isRunning())
            QVERIFY(probed.wait(120000));
        probed.clear();
        prober->probeNow();
        QVERIFY(probed.wait(120000));
        const QList<ProbeResult> results = prober->lastResults();
        const auto up = std::count_if(results.begin(), results.end(), [](const ProbeResult &r) { return r.up; });
        qInfo("BENCH probe round: %d endpoints (S3 as TCP without keys, NFS RPC NULL, Kafka ApiVersions) at "
              "concurrency %d against the lab: %lld ms, %d up",
              int(results.size()), prober->runner().options().concurrency, prober->runner().lastRoundMs(), int(up));
        QCOMPARE(int(results.size()), int(tenants->items.size() * kinds.size()));
        QElapsedTimer clock;
        qint64 best = std::numeric_limits<qint64>::max();
        for (int i = 0; i < 5; ++i) {
            clock.start();
            health.recompute();
            best = qMin(best, clock.elapsed());
        }
        qInfo("BENCH recompute %d cells with probe verdicts: best of 5 %lld ms", m_cells, best);
    }

    void faultToMatrix_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("component");
        QTest::addColumn<QString>("reasonPart");
        QTest::addColumn<int>("phaseMs");
        const int p = pollInterval();
        QTest::newRow("cnode-down")
            << u"cnode-02"_s << u"cnode-down"_s << QString() << u"down (cnode-02)"_s << 0;
        QTest::newRow("drive-failed") << u"dbox-01"_s << u"drive-failed"_s << u"SSD3"_s
                                      << u"drive failed in dbox-01 (SSD3)"_s << p / 2;
        QTest::newRow("link-down") << u"cnode-03"_s << u"link-down"_s << u"eth0"_s
                                   << u"on the path to cnode-03"_s << 4 * p / 5;
        QTest::newRow("bmc-down") << u"dbox-02"_s << u"bmc-down"_s << QString()
                                  << u"dbox-02 unmonitored"_s << p / 3;
    }

    void faultToMatrix()
    {
        QFETCH(QString, device);
        QFETCH(QString, kind);
        QFETCH(QString, component);
        QFETCH(QString, reasonPart);
        QFETCH(int, phaseMs);
        HealthService &health = m_backend->health();
        // Land the fault at a chosen point of the poll cycle: a round has just ended, plus phase.
        // Phase 0 is the worst case: the fault waits nearly a whole interval for the next round.
        QSignalSpy rounds(health.poller(), &StatusPoller::roundFinished);
        QVERIFY(rounds.wait(3 * pollInterval()));
        QTest::qWait(phaseMs);

        QJsonObject body { { u"device"_s, device }, { u"kind"_s, kind } };
        if (!component.isEmpty())
            body.insert(u"component"_s, component);
        QElapsedTimer clock;
        clock.start();
        const HttpAnswer added
            = m_http->post(u"/api/v1/lab/faults"_s, QJsonDocument(body).toJson());
        QCOMPARE(added.status, 201);
        const qint64 reflected
            = waitForEvery(u"degraded"_s, reasonPart, clock, 4 * pollInterval() + 10000);
        QVERIFY2(reflected >= 0, "the matrix never showed the fault in every cell");
        const qint64 changeRecompute = health.lastRecomputeMs();
        const qint64 roundMs = health.poller()->lastRoundMs();
        const int requests = health.poller()->lastRoundRequests();

        clock.restart();
        QCOMPARE(
            m_http
                ->send("DELETE",
                       u"/api/v1/lab/faults/"_s + added.json.value(QLatin1String("id")).toString())
                .status,
            204);
        const qint64 recovered
            = waitForEvery(u"healthy"_s, QString(), clock, 4 * pollInterval() + 10000);
        QVERIFY2(recovered >= 0, "the matrix never recovered");
        const qint64 target = pollInterval() + 1000;
        qInfo("BENCH fault %s on %s (%d ms after a poll round ended): all %d cells reflect it "
              "after %lld ms "
              "(target %lld ms: %s), "
              "recovered after %lld ms; recompute with %d cells changing %lld ms; poll round %lld "
              "ms, %d requests",
              qPrintable(kind), qPrintable(device), phaseMs, m_cells, reflected, target,
              reflected <= target ? "met" : "MISSED", recovered, m_cells, changeRecompute, roundMs,
              requests);
    }
};

QTEST_GUILESS_MAIN(BenchHealth)
#include "bench_health.moc"
