// Discovery benchmarks. Prints figures; asserts only that the work was done (right device and GPU
// counts), never a time.
//  1. The dmtf-public-tower fixture served over local HTTP: our crawl against Debian's
//     python3-sushy walking the same tree, side by side, with 0 ms and 20 ms of BMC latency.
//  2. The 1,000-GPU-server lab (1,129 BMCs) with 20 ms latency per request at concurrency 64:
//     total time against the bound requests × 20 ms / 64, and peak memory.

#include "Backend.h"
#include "discovery/DiscoveryService.h"
#include "lab/LabService.h"
#include "lab/RedfishServer.h"
#include "redfish/RedfishCrawler.h"
#include "redfish/RedfishInventory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace NeoCloud;

namespace {

const QString source = QStringLiteral(NEOCLOUD_SOURCE_DIR);

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace

class BenchDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void towerAgainstSushy_data()
    {
        QTest::addColumn<int>("latencyMs");
        QTest::newRow("0 ms") << 0;
        QTest::newRow("20 ms") << 20;
    }

    void towerAgainstSushy()
    {
        QFETCH(int, latencyMs);
        auto tree = RedfishTree::loadFolder(source + QStringLiteral("/tests/fixtures/redfish/dmtf-public-tower"));
        QVERIFY(tree);
        RedfishServer server(*tree, {});
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.setLatencyMs(latencyMs);

        // Ours: best of three, as sushy's figure is too.
        qint64 best = std::numeric_limits<qint64>::max();
        quint64 ourRequests = 0;
        int gpus = 0;
        for (int i = 0; i < 3; ++i) {
            QNetworkAccessManager network;
            const quint64 before = server.requestCount();
            RedfishCrawler crawler(network, {QUrl(server.baseUrl()), QStringLiteral("admin"), QStringLiteral("password"), true}, {});
            QSignalSpy done(&crawler, &RedfishCrawler::finished);
            QElapsedTimer clock;
            clock.start();
            crawler.start();
            QVERIFY(done.wait(60000));
            best = qMin(best, clock.elapsed());
            ourRequests = server.requestCount() - before;
            const DiscoveredDevice d = inventoryFromTree(crawler.result().tree);
            gpus = int(std::count_if(d.device.components.begin(), d.device.components.end(),
                                     [](const Component &c) { return c.kind == ComponentKind::Gpu; }));
        }
        QCOMPARE(gpus, 2);

        // Sushy in its own process, against the same server (served from this thread while we wait).
        qint64 sushyBest = std::numeric_limits<qint64>::max();
        quint64 sushyRequests = 0;
        QString sushyLine;
        for (int i = 0; i < 3; ++i) {
            const quint64 before = server.requestCount();
            QProcess sushy;
            sushy.setProcessChannelMode(QProcess::MergedChannels);
            QElapsedTimer clock;
            clock.start();
            sushy.start(QStringLiteral("/usr/bin/python3"), {source + QStringLiteral("/tests/bench/sushy_inventory.py"), server.baseUrl(),
                                                             QStringLiteral("admin"), QStringLiteral("password")});
            QVERIFY(sushy.waitForStarted());
            while (sushy.state() != QProcess::NotRunning)
                QTest::qWait(2);
            sushyLine = QString::fromUtf8(sushy.readAll()).trimmed();
            QVERIFY2(sushy.exitCode() == 0, qPrintable(sushyLine));
            // sushy's own figure excludes the interpreter's start-up; use it, to be fair to sushy.
            const qint64 reported = sushyLine.section(QLatin1Char(' '), 1, 1).toDouble();
            sushyBest = qMin(sushyBest, reported > 0 ? reported : clock.elapsed());
            sushyRequests = server.requestCount() - before;
        }
        qInfo("BENCH tower latency=%dms: neocloud %lld ms (%llu requests, $expand) | sushy %lld ms (%llu requests) | speed-up %.1fx | %s",
              latencyMs, best, ourRequests, sushyBest, sushyRequests, double(sushyBest) / qMax<qint64>(1, best), qPrintable(sushyLine));
    }

    void thousandBmcsAt20ms_data()
    {
        QTest::addColumn<int>("perBmc");
        QTest::newRow("1 request per BMC (64 in flight)") << 1;
        QTest::newRow("4 requests per BMC") << 4;
    }

    void thousandBmcsAt20ms()
    {
        QFETCH(int, perBmc);
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        BackendConfig config;
        config.databasePath = dir.filePath(QStringLiteral("bench.db"));
        config.adminPassword = QStringLiteral("bench-password");
        config.labDefinition = source + QStringLiteral("/resources/labs/bench-1k.json");
        config.initialLabScan = false;
        config.perBmcInFlight = perBmc;
        auto backend = Backend::create(config);
        QVERIFY2(backend, backend ? "" : qPrintable(backend.error().message));
        LabService *lab = backend.value()->lab();
        const int bmcs = int(lab->endpoints().size());
        lab->setLatencyForAll(20);
        const quint64 before = lab->requestCount();

        DiscoveryService &discovery = backend.value()->discovery();
        QSignalSpy finished(&discovery, &DiscoveryService::scanFinished);
        QElapsedTimer clock;
        clock.start();
        const auto job = discovery.startScan({{QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("lab")}}}},
                                              {QStringLiteral("concurrency"), 64}},
                                             QStringLiteral("bench"));
        QVERIFY(job);
        QVERIFY(finished.wait(600000));
        const qint64 elapsed = clock.elapsed();
        const Job done = finished.first().first().value<Job>();
        const quint64 requests = lab->requestCount() - before;
        const double bound = double(requests) * 20.0 / 64.0;
        qInfo("BENCH lab %d BMCs, 20 ms latency, concurrency 64, %d per BMC: %llu requests, %lld ms, bound %.0f ms, ratio %.2f, "
              "peak RSS %lld MiB, state %s, added %d",
              bmcs, perBmc, requests, elapsed, bound, elapsed / bound, peakRssKiB() / 1024, qPrintable(done.result.value(QLatin1String("found")).toObject().isEmpty() ? QString() : QString()),
              done.result.value(QLatin1String("found")).toObject().value(QLatin1String("added")).toInt());
        QCOMPARE(done.result.value(QLatin1String("found")).toObject().value(QLatin1String("added")).toInt(), bmcs);
    }
};

QTEST_GUILESS_MAIN(BenchDiscovery)
#include "bench_discovery.moc"
