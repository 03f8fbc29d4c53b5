// Capacity and telemetry end to end: the backend with the demo lab, whose VMS double answers
// /clusters/, /dboxes/ and /views/ as VAST does; the figures checked against what that VMS says
// and what discovery found; runway from recorded history; what-if against the double's own
// capacity formula; GPU metrics from a DCGM-shaped endpoint; /metrics through promtool.

#include "../common/LabApiFixture.h"

#include "capacity/CapacityService.h"
#include "metrics/MetricsService.h"
#include "openapi/OpenApiDocument.h"
#include "store/TelemetryRepository.h"
#include "telemetry/PrometheusText.h"
#include "telemetry/TelemetrySampler.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QProcess>

#include <cmath>

using namespace NeoCloud;
using namespace NeoCloud::Testing;

namespace {

constexpr qint64 hour = 3600LL * 1000;
constexpr qint64 day = 24 * hour;
constexpr qint64 tebibyte = 1099511627776LL;

QJsonValue at(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &part : path.split(u'.'))
        v = v.toObject().value(part);
    return v;
}

QJsonObject tenantEntry(const QJsonObject &capacity, const QString &name)
{
    for (const QJsonValue &t : capacity.value(QLatin1String("tenants")).toArray())
        if (t[QLatin1String("name")].toString() == name)
            return t.toObject();
    return {};
}

// Runs promtool on a page; empty when it has nothing to say.
QString promtool(const QByteArray &page)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!p.waitForStarted(10000))
        return QStringLiteral("promtool is missing: install Debian's prometheus package (installers/install-deps.sh)");
    p.write(page);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    const QString said = QString::fromUtf8(p.readAll()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("promtool exited %1: %2").arg(p.exitCode()).arg(said);
    return said;
}

} // namespace

class TestCapacity : public QObject
{
    Q_OBJECT

    LabApiFixture m_lab;
    HttpClient *m_http = nullptr; // the lab's admin session
    std::unique_ptr<HttpClient> m_vms;
    QHttpServer m_dcgm;
    QString m_tenant;

    Backend &backend() { return m_lab.backend(); }

    void sample()
    {
        bool done = false;
        backend().telemetry().sampleNow([&done] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    }

    QJsonObject capacity()
    {
        const HttpAnswer answer = m_http->get(QStringLiteral("/api/v1/capacity"));
        if (answer.status != 200)
            qWarning() << answer.status << answer.body;
        return answer.json;
    }

    QJsonValue vms(const QString &path)
    {
        const QJsonDocument document = QJsonDocument::fromJson(m_vms->get(path).body);
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }

    // The page once the changes made so far are in it (they are, within a second).
    QByteArray scrape(int *status = nullptr)
    {
        for (int i = 0; i < 100 && backend().metrics().rebuildPending(); ++i)
            QTest::qWait(50);
        const HttpAnswer answer = m_http->send("GET", QStringLiteral("/metrics"), {}, QString());
        if (status)
            *status = answer.status;
        return answer.body;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A DCGM exporter stand-in serving the shape sample.
        QFile fixture(QStringLiteral(NEOCLOUD_SOURCE_DIR "/tests/fixtures/prom/dcgm-exporter-shape-sample.txt"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const QByteArray page = fixture.readAll();
        m_dcgm.route(QStringLiteral("/metrics"), [page] { return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4"), page); });
        const quint16 dcgmPort = m_dcgm.listen(QHostAddress::LocalHost, 0);
        QVERIFY(dcgmPort);

        BackendConfig config;
        config.telemetryIntervalSeconds = 0; // the test samples when it wants to
        config.gpuMetricsUrl = QStringLiteral("http://127.0.0.1:%1/metrics").arg(dcgmPort);
        QVERIFY(m_lab.start(config));
        m_http = &m_lab.http();
        const QJsonObject lab = m_http->get(QStringLiteral("/api/v1/lab")).json.value(QLatin1String("vms")).toObject();
        m_vms = std::make_unique<HttpClient>(lab.value(QLatin1String("url")).toString());
        m_vms->setAuthorization("Api-Token " + lab.value(QLatin1String("token")).toString().toUtf8());
        sample();
    }

    void storageComesFromTheClusterWithItsSources()
    {
        const QJsonObject c = capacity();
        const QJsonObject cluster = vms(QStringLiteral("/clusters/")).toArray().first().toObject();
        const int dboxes = int(vms(QStringLiteral("/dboxes/")).toArray().size());
        QStringList ids;
        for (int i = 1; i <= dboxes; ++i)
            ids << QString::number(i);
        const QJsonObject drives = vms(QStringLiteral("/clusters/dboxes_total_capacity/?ids=") + ids.join(u',')).toObject();

        QCOMPARE(at(c, QStringLiteral("provider.state")).toString(), QStringLiteral("ok"));
        QCOMPARE(at(c, QStringLiteral("provider.cluster")).toString(), cluster[QLatin1String("name")].toString());
        for (const QString &field : {QStringLiteral("rawBytes"), QStringLiteral("usableBytes"), QStringLiteral("usedBytes"),
                                     QStringLiteral("dataReductionRatio"), QStringLiteral("hardware")})
            QCOMPARE(at(c, QStringLiteral("storage.sources.") + field).toString(), QStringLiteral("vast"));
        QCOMPARE(at(c, QStringLiteral("storage.usableBytes")).toInteger(), cluster[QLatin1String("usable_capacity_bytes")].toInteger());
        QCOMPARE(at(c, QStringLiteral("storage.rawBytes")).toInteger(), drives[QLatin1String("ssd_capacity")].toInteger());
        QCOMPARE(at(c, QStringLiteral("storage.ssds")).toInt(), drives[QLatin1String("ssd_number")].toInt());
        QCOMPARE(at(c, QStringLiteral("storage.dataReductionRatio")).toDouble(), cluster[QLatin1String("drr")].toDouble());
        QCOMPARE(at(c, QStringLiteral("storage.logical.totalBytes")).toInteger(), cluster[QLatin1String("logical_space")].toInteger());
        QCOMPARE(at(c, QStringLiteral("storage.physical.totalBytes")).toInteger(), cluster[QLatin1String("physical_space")].toInteger());
        QCOMPARE(at(c, QStringLiteral("storage.dboxes")).toInt(), dboxes);
        QCOMPARE(at(c, QStringLiteral("storage.cnodes")).toInt(), int(vms(QStringLiteral("/cnodes/")).toArray().size()));
        // Discovery found the same drives through the BMCs that VAST counts.
        QCOMPARE(at(c, QStringLiteral("storage.discovered.rawBytes")).toInteger(), drives[QLatin1String("ssd_capacity")].toInteger());
        QCOMPARE(at(c, QStringLiteral("storage.discovered.dboxes")).toInt(), dboxes);

        // GPUs from the inventory.
        const int gpus = backend().inventory().physicalCapacity()->gpus;
        QVERIFY(gpus > 0);
        QCOMPARE(at(c, QStringLiteral("gpus.total")).toInt(), gpus);
        QCOMPARE(at(c, QStringLiteral("gpus.healthy")).toInt(), gpus);

        // One sample is no history.
        QVERIFY(at(c, QStringLiteral("storage.runwayDays")).isNull());
        QVERIFY2(at(c, QStringLiteral("storage.runwayReason")).toString().startsWith(QLatin1String("not enough data (1 samples")),
                 qPrintable(at(c, QStringLiteral("storage.runwayReason")).toString()));
    }

    void theAnswerIsWhatOpenApiDescribes()
    {
        const auto spec = OpenApiDocument::load(QStringLiteral(":/neocloud/api/openapi.json"));
        QVERIFY(spec);
        const auto op = spec->operation(QStringLiteral("GET"), QStringLiteral("/api/v1/capacity"));
        QVERIFY(op);
        const QStringList problems = spec->checkResponse(*op, 200, capacity());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void tenantUseComesFromTheirViews()
    {
        m_tenant = m_lab.makeTenant(QStringLiteral("cap-a"),
                                    {{QStringLiteral("capacityBytes"), 100e12}, {QStringLiteral("gpus"), 8}});
        QVERIFY(!m_tenant.isEmpty());
        const HttpAnswer started = m_http->post(
            QStringLiteral("/api/v1/tenants/%1/services").arg(m_tenant),
            R"({"kind": "block-storage", "params": {"volumes": [{"name": "scratch", "sizeBytes": 1099511627776}],
                "hostNqns": ["nqn.2014-08.org.nvmexpress:uuid:1b4e28ba"]}})");
        QCOMPARE(started.status, 202);
        const QJsonObject service = m_lab.settle(QStringLiteral("/api/v1/services/") + started.json.value(QLatin1String("id")).toString(),
                                                 {QStringLiteral("enabling")});
        QCOMPARE(service.value(QLatin1String("state")).toString(), QStringLiteral("active"));
        sample();

        const QJsonObject c = capacity();
        const QJsonObject t = tenantEntry(c, QStringLiteral("cap-a"));
        QCOMPARE(t.value(QLatin1String("tenant")).toString(), m_tenant);
        QCOMPARE(t.value(QLatin1String("usedBytes")).toInteger(), tebibyte); // block volumes count in full
        QCOMPARE(t.value(QLatin1String("usageSource")).toString(), QStringLiteral("vast-views"));
        QCOMPARE(t.value(QLatin1String("quotaBytes")).toDouble(), 100e12);
        QCOMPARE(t.value(QLatin1String("gpus")).toInt(), 8);
        QCOMPARE(at(c, QStringLiteral("gpus.allocated")).toInt(), 8);
        QCOMPARE(at(c, QStringLiteral("storage.logical.usedBytes")).toInteger(), tebibyte);
        QVERIFY(at(c, QStringLiteral("storage.usedBytes")).toInteger() > 0);
        // The sample recorded the tenant's use.
        const auto raw = backend().telemetryStore().raw(Series::tenantUsed, m_tenant, 0);
        QVERIFY(raw && !raw->isEmpty());
        QCOMPARE(raw->constLast().value, double(tebibyte));
    }

    void runwayFromRecordedHistory()
    {
        // Ten days of hourly history: the cluster grows 2 TB a day to 20 TB used now, the
        // tenant 1 TB a day to 30 TB of its 100 TB quota.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<TelemetrySample> history;
        for (qint64 t = now - 10 * day; t < now - hour; t += hour) {
            const double daysAgo = double(now - t) / double(day);
            history.append({Series::storageUsed, {}, t, 20e12 - 2e12 * daysAgo});
            history.append({Series::tenantUsed, m_tenant, t, 30e12 - 1e12 * daysAgo});
        }
        QVERIFY(backend().telemetryStore().write(history));
        bool fitted = false;
        QVERIFY(backend().capacity().updateRunways(now, [&fitted] { fitted = true; }));
        QTRY_VERIFY(fitted);

        const QJsonObject c = capacity();
        const double usable = at(c, QStringLiteral("storage.usableBytes")).toDouble();
        const double expected = (usable - 20e12) / 2e12;
        const double runway = at(c, QStringLiteral("storage.runwayDays")).toDouble();
        QVERIFY2(std::abs(runway - expected) < 0.05 * expected,
                 qPrintable(QStringLiteral("%1 days, expected %2 (%3)").arg(runway).arg(expected).arg(QString::fromUtf8(json(c)))));
        QVERIFY(at(c, QStringLiteral("storage.runwayReason")).isNull());
        QVERIFY(std::abs(at(c, QStringLiteral("storage.runway.growthBytesPerDay")).toDouble() - 2e12) < 0.05e12);
        const QJsonObject t = tenantEntry(c, QStringLiteral("cap-a"));
        QVERIFY2(std::abs(t.value(QLatin1String("runwayDays")).toDouble() - 70.0) < 2.0, qPrintable(QString::fromUtf8(json(t))));
    }

    void whatIfMatchesTheClustersOwnFormula()
    {
        const QJsonObject before = capacity();
        const HttpAnswer answer = m_http->post(
            QStringLiteral("/api/v1/capacity/what-if"),
            R"({"add": {"dboxes": 2, "cnodes": 1},
                "tenants": [{"name": "newco", "quotas": {"capacityBytes": 50000000000000, "gpus": 8},
                             "usedBytes": 5000000000000, "growthBytesPerDay": 500000000000}]})");
        QCOMPARE(answer.status, 200);
        const QJsonObject w = answer.json;
        const int dboxes = at(before, QStringLiteral("storage.dboxes")).toInt();
        const int ssds = at(before, QStringLiteral("storage.ssds")).toInt();
        const double raw = at(before, QStringLiteral("storage.rawBytes")).toDouble();
        QCOMPARE(at(w, QStringLiteral("before.usableBytes")).toInteger(), at(before, QStringLiteral("storage.usableBytes")).toInteger());
        QCOMPARE(at(w, QStringLiteral("after.dboxes")).toInt(), dboxes + 2);
        QCOMPARE(at(w, QStringLiteral("after.cnodes")).toInt(), at(before, QStringLiteral("storage.cnodes")).toInt() + 1);
        QCOMPARE(at(w, QStringLiteral("after.ssds")).toInt(), ssds + 2 * ssds / dboxes);

        // The VMS double computes usable as raw x 0.92 x D/(D+4), D = half the SSDs less 4: a
        // cluster with two more DBoxes would report this.
        const int afterSsds = ssds + 2 * ssds / dboxes;
        const int data = qBound(2, afterSsds / 2 - 4, 146);
        const double afterRaw = raw * (dboxes + 2) / dboxes;
        const double expected = double(qint64(afterRaw * 0.92)) * data / (data + 4);
        QVERIFY2(std::abs(w.value(QLatin1String("usableBytes")).toDouble() - expected) < 1e-6 * expected,
                 qPrintable(QStringLiteral("%1 against %2").arg(w.value(QLatin1String("usableBytes")).toDouble()).arg(expected)));

        // More room and the new tenant's growth: a different runway, computed, not guessed.
        QVERIFY(!w.value(QLatin1String("runwayDays")).isNull());
        const double fitted = at(before, QStringLiteral("storage.runway.levelBytes")).toDouble();
        const double growth = at(before, QStringLiteral("storage.runway.growthBytesPerDay")).toDouble();
        const double runway = (w.value(QLatin1String("usableBytes")).toDouble() - fitted - 5e12) / (growth + 5e11);
        QVERIFY2(std::abs(w.value(QLatin1String("runwayDays")).toDouble() - runway) < 0.2, qPrintable(QString::fromUtf8(json(w))));

        // GPU headroom: total GPUs x overcommit 1.0, less cap-a's 8 and newco's 8.
        QCOMPARE(w.value(QLatin1String("gpuHeadroom")).toDouble(), at(before, QStringLiteral("gpus.total")).toDouble() - 16);
        QCOMPARE(at(w, QStringLiteral("after.gpusAllocated")).toInt(), 16);
        QVERIFY(w.value(QLatin1String("gpusFit")).toBool());
        QVERIFY(w.value(QLatin1String("notes")).toArray().size() >= 3);
        // Nothing was changed.
        QCOMPARE(at(capacity(), QStringLiteral("gpus.allocated")).toInt(), 8);
    }

    void whatIfRefusesBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("malformed") << QByteArray("{\"add\": ") << 400 << QStringLiteral("malformed_json") << QString();
        QTest::newRow("unknown top key") << QByteArray(R"({"remove": {}})") << 400 << QStringLiteral("unknown_field") << QStringLiteral("remove");
        QTest::newRow("unknown add key") << QByteArray(R"({"add": {"racks": 1}})") << 400 << QStringLiteral("unknown_field")
                                         << QStringLiteral("add.racks");
        QTest::newRow("negative dboxes") << QByteArray(R"({"add": {"dboxes": -1}})") << 422 << QStringLiteral("out_of_range")
                                         << QStringLiteral("add.dboxes");
        QTest::newRow("fractional cnodes") << QByteArray(R"({"add": {"cnodes": 1.5}})") << 400 << QStringLiteral("wrong_type")
                                           << QStringLiteral("add.cnodes");
        QTest::newRow("too many dboxes") << QByteArray(R"({"add": {"dboxes": 100000}})") << 422 << QStringLiteral("out_of_range")
                                         << QStringLiteral("add.dboxes");
        QTest::newRow("add not an object") << QByteArray(R"({"add": 3})") << 400 << QStringLiteral("wrong_type") << QStringLiteral("add");
        QTest::newRow("tenants not a list") << QByteArray(R"({"tenants": {}})") << 400 << QStringLiteral("wrong_type")
                                            << QStringLiteral("tenants");
        QTest::newRow("tenant not an object") << QByteArray(R"({"tenants": [1]})") << 400 << QStringLiteral("wrong_type")
                                              << QStringLiteral("tenants[0]");
        QTest::newRow("negative quota") << QByteArray(R"({"tenants": [{"quotas": {"gpus": -8}}]})") << 422 << QStringLiteral("out_of_range")
                                        << QStringLiteral("tenants[0].quotas.gpus");
        QTest::newRow("unknown quota") << QByteArray(R"({"tenants": [{"quotas": {}}, {"quotas": {"tapes": 2}}]})") << 400
                                       << QStringLiteral("unknown_field") << QStringLiteral("tenants[1].quotas.tapes");
        QTest::newRow("nested qos") << QByteArray(R"({"tenants": [{"quotas": {"qos": {"iops": -1}}}]})") << 422
                                    << QStringLiteral("out_of_range") << QStringLiteral("tenants[0].quotas.qos.iops");
        QTest::newRow("network is not planned") << QByteArray(R"({"tenants": [{"network": {}}]})") << 400
                                                << QStringLiteral("unknown_field") << QStringLiteral("tenants[0].network");
        QTest::newRow("growth as text") << QByteArray(R"({"tenants": [{"growthBytesPerDay": "fast"}]})") << 400
                                        << QStringLiteral("wrong_type") << QStringLiteral("tenants[0].growthBytesPerDay");
        QTest::newRow("negative use") << QByteArray(R"({"tenants": [{"usedBytes": -5}]})") << 422 << QStringLiteral("out_of_range")
                                      << QStringLiteral("tenants[0].usedBytes");
    }

    void whatIfRefusesBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const HttpAnswer answer = m_http->post(QStringLiteral("/api/v1/capacity/what-if"), body);
        QCOMPARE(answer.status, status);
        const QJsonObject error = answer.json.value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), code);
        QCOMPARE(error.value(QLatin1String("field")).toString(), field);
        QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    }

    void gpuUtilisationAndPowerFromTheDcgmEndpoint()
    {
        const QJsonObject c = capacity();
        QCOMPARE(at(c, QStringLiteral("gpus.utilizationPercent")).toDouble(), 49.0);
        QCOMPARE(at(c, QStringLiteral("gpus.powerWatts")).toDouble(), 1340.0);
        QCOMPARE(at(c, QStringLiteral("gpus.gpusReporting")).toInt(), 4);
        const auto power = backend().telemetryStore().raw(Series::gpuPower, {}, 0);
        QVERIFY(power && !power->isEmpty());
        QCOMPARE(power->constLast().value, 1340.0);
    }

    void metricsPassPromtool()
    {
        int status = 0;
        const QByteArray page = scrape(&status);
        QCOMPARE(status, 200);
        const HttpAnswer head = m_http->send("GET", QStringLiteral("/metrics"), {}, QString());
        QVERIFY(head.headers.value("content-type").startsWith("text/plain; version=0.0.4"));

        const QString complaints = promtool(page);
        QVERIFY2(complaints.isEmpty(), qPrintable(complaints));

        const PromParseResult parsed = parsePrometheusText(page);
        QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
        for (const PromFamily &f : parsed.families) {
            QVERIFY2(f.name.startsWith(QLatin1String("neocloud_")), qPrintable(f.name));
            QVERIFY2((f.type == QLatin1String("counter")) == f.name.endsWith(QLatin1String("_total")), qPrintable(f.name));
            QVERIFY2(!f.help.isEmpty(), qPrintable(f.name));
            for (const PromSample &s : f.samples)
                for (const auto &[key, value] : s.labels)
                    QVERIFY2(!QStringList({QStringLiteral("serial"), QStringLiteral("id"), QStringLiteral("device"),
                                           QStringLiteral("uuid")})
                                  .contains(key),
                             qPrintable(f.name + u' ' + key));
        }
        auto value = [&](const QString &family, const QList<QPair<QString, QString>> &labels = {}) -> std::optional<double> {
            const PromFamily *f = parsed.family(family);
            if (!f)
                return std::nullopt;
            for (const PromSample &s : f->samples) {
                bool all = true;
                for (const auto &[k, v] : labels)
                    all = all && s.label(k) == v;
                if (all)
                    return s.value;
            }
            return std::nullopt;
        };
        const QJsonObject c = capacity();
        const int servers = backend().inventory().counts()->devicesByKind.value(DeviceKind::GpuServer);
        QCOMPARE(value(QStringLiteral("neocloud_devices"), {{QStringLiteral("kind"), QStringLiteral("gpu-server")},
                                                            {QStringLiteral("health"), QStringLiteral("ok")}}),
                 std::optional<double>(servers));
        QCOMPARE(value(QStringLiteral("neocloud_gpus"), {{QStringLiteral("health"), QStringLiteral("ok")}}),
                 std::optional<double>(at(c, QStringLiteral("gpus.healthy")).toDouble()));
        QCOMPARE(value(QStringLiteral("neocloud_storage_usable_bytes")), std::optional<double>(at(c, QStringLiteral("storage.usableBytes")).toDouble()));
        QCOMPARE(value(QStringLiteral("neocloud_tenant_quota_bytes"), {{QStringLiteral("tenant"), QStringLiteral("cap-a")}}),
                 std::optional<double>(100e12));
        QCOMPARE(value(QStringLiteral("neocloud_tenant_used_bytes"), {{QStringLiteral("tenant"), QStringLiteral("cap-a")}}),
                 std::optional<double>(double(tebibyte)));
        QVERIFY(value(QStringLiteral("neocloud_storage_runway_seconds")));
        QCOMPARE(value(QStringLiteral("neocloud_gpu_power_watts")), std::optional<double>(1340));
        QCOMPARE(value(QStringLiteral("neocloud_gpu_utilization_ratio")), std::optional<double>(0.49));
        QVERIFY(*value(QStringLiteral("neocloud_http_requests_total"), {{QStringLiteral("method"), QStringLiteral("GET")},
                                                                         {QStringLiteral("code"), QStringLiteral("200")}})
                > 0);
        QVERIFY(value(QStringLiteral("neocloud_jobs"), {{QStringLiteral("kind"), QStringLiteral("discovery-scan")},
                                                        {QStringLiteral("state"), QStringLiteral("succeeded")}}));
        QCOMPARE(value(QStringLiteral("neocloud_provider_up")), std::optional<double>(1));
    }

    void metricsFollowChanges()
    {
        auto activeTenants = [this] {
            const PromParseResult parsed = parsePrometheusText(scrape());
            for (const PromSample &s : parsed.family(QStringLiteral("neocloud_tenants"))->samples)
                if (s.label(QStringLiteral("state")) == QLatin1String("active"))
                    return s.value;
            return -1.0;
        };
        const double before = activeTenants();
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/tenants"), R"({"name": "cap-b"})").status, 201);
        // Rebuilt within the debounce (a second), not on every scrape.
        QTRY_COMPARE_WITH_TIMEOUT(activeTenants(), before + 1, 5000);
    }

    void aTenantUserMayNotSeeTheWholeCloud()
    {
        const HttpAnswer user = m_http->post(QStringLiteral("/api/v1/tenants/%1/users").arg(m_tenant),
                                             R"({"username": "cap-a-viewer", "password": "long enough password", "role": "tenant-viewer"})");
        QCOMPARE(user.status, 201);
        const QString token = m_lab.login(QStringLiteral("cap-a-viewer"), QStringLiteral("long enough password"));
        QCOMPARE(m_http->send("GET", QStringLiteral("/api/v1/capacity"), {}, token).status, 403);
        QCOMPARE(m_http->send("POST", QStringLiteral("/api/v1/capacity/what-if"), "{}", token).status, 403);
    }

    void cleanupTestCase()
    {
        const HttpAnswer removing = m_http->send("DELETE", QStringLiteral("/api/v1/tenants/%1?force=true").arg(m_tenant));
        if (removing.status == 202)
            m_lab.settle(QStringLiteral("/api/v1/jobs/") + removing.json.value(QLatin1String("id")).toString());
    }
};

// Without a storage provider: figures from the discovered drives, each marked so; /metrics
// behind a scrape token.
class TestCapacityWithoutProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void figuresComeFromTheInventory()
    {
        BackendConfig config;
        config.telemetryIntervalSeconds = 0;
        TestBackend backend(config);
        addSampleInventory(backend->inventory());
        const QString site = backend->inventory().sites()->first().id;
        for (int box = 0; box < 2; ++box) {
            Device d;
            d.siteId = site;
            d.name = QStringLiteral("dbox-%1").arg(box);
            d.kind = DeviceKind::StorageDBox;
            for (int i = 0; i < 22; ++i)
                d.components.append({{}, ComponentKind::Drive, QStringLiteral("SSD%1").arg(i), {}, {}, {}, 30720000000000LL, Health::Ok});
            for (int i = 0; i < 4; ++i)
                d.components.append({{}, ComponentKind::Drive, QStringLiteral("NVRAM%1").arg(i), {}, {}, {}, 1600000000000LL, Health::Ok});
            must(backend->inventory().addDevice(d));
        }
        HttpClient http(*backend->listen(QHostAddress::LocalHost, 0));
        http.setToken(http.login(QStringLiteral("admin"), adminPassword));
        const QJsonObject c = http.get(QStringLiteral("/api/v1/capacity")).json;
        QCOMPARE(at(c, QStringLiteral("provider.state")).toString(), QStringLiteral("not-configured"));
        QCOMPARE(at(c, QStringLiteral("storage.rawBytes")).toInteger(), 2 * 22 * 30720000000000LL);
        QCOMPARE(at(c, QStringLiteral("storage.sources.rawBytes")).toString(), QStringLiteral("inventory"));
        QCOMPARE(at(c, QStringLiteral("storage.sources.usedBytes")).toString(), QStringLiteral("none"));
        QCOMPARE(at(c, QStringLiteral("storage.sources.dataReductionRatio")).toString(), QStringLiteral("none"));
        QVERIFY(at(c, QStringLiteral("storage.dataReductionRatio")).isNull());
        QCOMPARE(at(c, QStringLiteral("storage.usedBytes")).toInteger(), 0);
        QCOMPARE(at(c, QStringLiteral("storage.dboxes")).toInt(), 3); // the sample inventory has one without drives
        QCOMPARE(at(c, QStringLiteral("gpus.total")).toInt(), 16);

        // Sampling without a provider records no storage use (nothing said it), but GPUs.
        bool done = false;
        backend->telemetry().sampleNow([&done] { done = true; });
        QTRY_VERIFY(done);
        QVERIFY(backend->telemetryStore().raw(Series::storageUsed, {}, 0)->isEmpty());
        QCOMPARE(backend->telemetryStore().raw(Series::gpuTotal, {}, 0)->size(), 1);

        // What-if models new DBoxes on the discovered ones.
        const HttpAnswer w = http.post(QStringLiteral("/api/v1/capacity/what-if"), R"({"add": {"dboxes": 3}})");
        QCOMPARE(w.status, 200);
        QCOMPARE(at(w.json, QStringLiteral("after.dboxes")).toInt(), 6);
        QVERIFY(w.json.value(QLatin1String("usableBytes")).toDouble() > at(c, QStringLiteral("storage.usableBytes")).toDouble() * 1.9);
        QVERIFY(w.json.value(QLatin1String("runwayDays")).isNull());
        QVERIFY(w.json.value(QLatin1String("runwayReason")).toString().startsWith(QLatin1String("not enough data")));
    }

    void whatIfWithNoStorageSaysWhy()
    {
        BackendConfig config;
        config.telemetryIntervalSeconds = 0;
        LabApiFixture api;
        QVERIFY(api.startWithoutLab(config));
        HttpClient &http = api.http();
        const HttpAnswer w = http.post(QStringLiteral("/api/v1/capacity/what-if"), R"({"add": {"dboxes": 1}})");
        QCOMPARE(w.status, 422);
        QCOMPARE(w.json[QLatin1String("error")][QLatin1String("code")].toString(), QStringLiteral("no_dbox_model"));
        QCOMPARE(w.json[QLatin1String("error")][QLatin1String("field")].toString(), QStringLiteral("add.dboxes"));
        // Tenants alone need no hardware model.
        QCOMPARE(http.post(QStringLiteral("/api/v1/capacity/what-if"), R"({"tenants": [{"quotas": {"gpus": 1}}]})").status, 200);
    }

    void aScrapeTokenGuardsMetrics()
    {
        BackendConfig config;
        config.telemetryIntervalSeconds = 0;
        config.metricsToken = QStringLiteral("scrape-secret");
        TestBackend backend(config);
        HttpClient http(*backend->listen(QHostAddress::LocalHost, 0));
        const HttpAnswer anonymous = http.send("GET", QStringLiteral("/metrics"), {}, QString());
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.json[QLatin1String("error")][QLatin1String("code")].toString(), QStringLiteral("missing_token"));
        QCOMPARE(http.send("GET", QStringLiteral("/metrics"), {}, QStringLiteral("wrong")).status, 401);
        const HttpAnswer scraped = http.send("GET", QStringLiteral("/metrics"), {}, QStringLiteral("scrape-secret"));
        QCOMPARE(scraped.status, 200);
        QVERIFY(scraped.body.contains("neocloud_info{"));
        const QString admin = http.login(QStringLiteral("admin"), adminPassword);
        QCOMPARE(http.send("GET", QStringLiteral("/metrics"), {}, admin).status, 200);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failed = 0;
    {
        TestCapacity test;
        failed += QTest::qExec(&test, argc, argv);
    }
    {
        TestCapacityWithoutProvider test;
        failed += QTest::qExec(&test, argc, argv);
    }
    return failed;
}

#include "tst_capacity.moc"
