// The live stream's fan-out: how long one event takes to reach every subscriber of
// GET /api/v1/stream over real sockets, with hundreds of subscribers (a NOC wall, many browser
// tabs), half of them tenant users whose items are filtered. Prints figures ("BENCH ..." lines);
// asserts only that every subscriber got every item it should, never a time.

#include "../common/HttpClient.h"
#include "../common/SseClient.h"
#include "../common/TestSupport.h"
#include "activity/EventLog.h"
#include "api/LiveStream.h"
#include "tenancy/TenantService.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cstdio>

using namespace NeoCloud;
using namespace NeoCloud::Testing;
using namespace Qt::StringLiterals;

class BenchStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fanOut_data()
    {
        QTest::addColumn<int>("subscribers");
        QTest::newRow("50") << 50;
        QTest::newRow("400") << 400;
    }

    void fanOut()
    {
        QFETCH(int, subscribers);
        BackendConfig config;
        config.labDefinition = QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/labs/demo.json"); // its network pools
        config.initialLabScan = false;
        config.healthPoll = false;
        config.telemetryIntervalSeconds = 0;
        TestBackend backend(config);
        const quint16 port = *backend->listen(QHostAddress::LocalHost, 0);
        HttpClient http(port);
        const QString admin = http.login(u"admin"_s, adminPassword);
        http.setToken(admin);
        const QJsonObject tenant{{u"name"_s, u"acme"_s}, {u"quotas"_s, QJsonObject{{u"capacityBytes"_s, 0}, {u"gpus"_s, 0}}}};
        const HttpAnswer made = http.post(u"/api/v1/tenants"_s, QJsonDocument(tenant).toJson());
        QVERIFY2(made.status == 201, made.body.constData());
        const QString acme = made.json.value(QLatin1String("id")).toString();
        const HttpAnswer user = http.post(u"/api/v1/tenants/%1/users"_s.arg(acme),
                                          QJsonDocument(QJsonObject{{u"username"_s, u"acme-ops"_s}, {u"password"_s, u"a long enough password"_s},
                                                                    {u"role"_s, u"tenant-viewer"_s}}).toJson());
        QVERIFY2(user.status == 201, user.body.constData());
        const QString tenantToken = http.login(u"acme-ops"_s, u"a long enough password"_s);

        QElapsedTimer clock;
        clock.start();
        std::vector<std::unique_ptr<SseClient>> clients;
        for (int i = 0; i < subscribers; ++i)
            clients.push_back(std::make_unique<SseClient>(port, i % 2 ? tenantToken : admin));
        QTRY_COMPARE_WITH_TIMEOUT(backend->liveStream().subscriberCount(), subscribers, 60000);
        const double subscribeMs = double(clock.nsecsElapsed()) / 1e6;

        // Events alternate: one for acme with words for its users (everyone gets it, a tenant user
        // in those words), one for nobody's tenant (operators only).
        constexpr int events = 100;
        const auto count = [](const SseClient &c) {
            return std::count_if(c.items().begin(), c.items().end(), [](const SseItem &i) { return i.type == "event"; });
        };
        clock.restart();
        for (int e = 0; e < events; ++e)
            backend->events().record(Event{{}, {}, Severity::Info, u"services"_s, u"bench %1"_s.arg(e), e % 2 ? QString() : acme,
                                           {}, false, {}, {}, {}, e % 2 ? QString() : u"your bench %1"_s.arg(e)});
        const double recordMs = double(clock.nsecsElapsed()) / 1e6;
        const auto allArrived = [&] {
            for (int i = 0; i < subscribers; ++i)
                if (count(*clients[i]) != (i % 2 ? events / 2 : events))
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allArrived(), 120000);
        const double totalMs = double(clock.nsecsElapsed()) / 1e6;
        const qint64 frames = qint64(subscribers / 2) * events + qint64(subscribers - subscribers / 2) * events / 2;
        std::printf("BENCH stream fan-out: %d subscribers (half tenant users) connected in %.0f ms; %d events "
                    "recorded in %.0f ms (sending included); all %lld frames received after %.0f ms "
                    "(%.0f frames/s, %.2f ms per event to every subscriber)\n",
                    subscribers, subscribeMs, events, recordMs, frames, totalMs, frames / (totalMs / 1000), totalMs / events);
        std::fflush(stdout);
    }
};

QTEST_MAIN(BenchStream)
#include "bench_stream.moc"
