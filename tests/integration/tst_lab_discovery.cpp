// Discovery through the REST API against the demo lab's real Redfish BMCs: the inventory matches
// the lab definition, faults show up after a rescan and go away when cleared, faults and
// interrupted scans survive a restart, and every bad request is refused with the field named.

#include "../common/LabApiFixture.h"
#include "discovery/DiscoveryService.h"
#include "lab/LabService.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>

using namespace NeoCloud;
using namespace NeoCloud::Testing;

namespace {

const QString lldpFixtures = QStringLiteral(NEOCLOUD_SOURCE_DIR "/tests/fixtures/lldp/local-netns-lldpd-1.0.16/");

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Figures counted from the lab file itself: devices, GPUs, and cables (node uplinks to the
// rack's leaf, leaf uplinks to every spine).
struct LabFigures
{
    int devices = 0;
    int gpus = 0;
    int links = 0;
};

LabFigures countLab(const QJsonObject &lab)
{
    LabFigures f;
    const QJsonObject templates = lab.value(QLatin1String("templates")).toObject();
    int spines = 0, leaves = 0, leafSpineUplinks = 0;
    for (const QJsonValue &rack : lab.value(QLatin1String("racks")).toArray()) {
        const int racks = rack[QLatin1String("count")].toInt(1);
        for (const QJsonValue &group : rack[QLatin1String("devices")].toArray()) {
            const QJsonObject t = templates.value(group[QLatin1String("template")].toString()).toObject();
            const int n = racks * group[QLatin1String("count")].toInt(1);
            f.devices += n;
            f.gpus += n * t.value(QLatin1String("gpus")).toObject().value(QLatin1String("count")).toInt();
            f.links += n * t.value(QLatin1String("uplinks")).toInt();
            if (t.value(QLatin1String("role")).toString() == QLatin1String("spine"))
                spines += n;
            if (t.value(QLatin1String("role")).toString() == QLatin1String("leaf")) {
                leaves += n;
                leafSpineUplinks = t.value(QLatin1String("spineUplinks")).toInt();
            }
        }
    }
    f.links += leaves * spines * leafSpineUplinks;
    return f;
}

struct LabHarness
{
    LabApiFixture api;
    HttpClient *http = nullptr; // the admin session

    explicit LabHarness(const QString &dbPath = {}, bool lab = true)
    {
        BackendConfig config;
        config.initialLabScan = false; // each test scans when it wants to
        config.crawlTimeoutMs = 2000;
        config.databasePath = dbPath;
        if (!(lab ? api.start(config) : api.startWithoutLab(config)))
            qFatal("the lab harness did not start");
        http = &api.http();
    }

    QJsonObject scan(const QJsonObject &body)
    {
        const HttpAnswer started = http->post(QStringLiteral("/api/v1/discovery/scans"), QJsonDocument(body).toJson());
        if (started.status != 202)
            qFatal("scan refused: %s", started.body.constData());
        const QString id = started.json.value(QLatin1String("id")).toString();
        QJsonObject scan;
        QElapsedTimer clock;
        clock.start();
        do {
            QTest::qWait(30);
            scan = http->get(QStringLiteral("/api/v1/discovery/scans/") + id).json;
        } while (scan.value(QLatin1String("state")).toString() == QLatin1String("running") && clock.elapsed() < 60000);
        return scan;
    }
    QJsonObject scanLab() { return scan({{QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("lab")}}}}}); }

    QJsonObject device(const QString &name)
    {
        const QJsonArray items = http->get(QStringLiteral("/api/v1/devices?q=") + name).json.value(QLatin1String("items")).toArray();
        for (const QJsonValue &d : items)
            if (d[QLatin1String("name")].toString() == name)
                return http->get(QStringLiteral("/api/v1/devices/") + d[QLatin1String("id")].toString()).json;
        return {};
    }
    int fault(const QJsonObject &body) { return http->post(QStringLiteral("/api/v1/lab/faults"), QJsonDocument(body).toJson()).status; }
};

QJsonObject changeOf(const QJsonObject &scan, const QString &name)
{
    for (const QJsonValue &c : scan.value(QLatin1String("changes")).toArray())
        if (c[QLatin1String("name")].toString() == name)
            return c.toObject();
    return {};
}

int found(const QJsonObject &scan, const char *what)
{
    return scan.value(QLatin1String("found")).toObject().value(QLatin1String(what)).toInt();
}

} // namespace

class TestLabDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inventoryMatchesTheLabDefinition()
    {
        LabHarness lab;
        const LabFigures expected = countLab(readJson(demoLabFile));
        const QJsonObject scan = lab.scanLab();
        QCOMPARE(scan.value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(found(scan, "added"), expected.devices);
        QCOMPARE(scan.value(QLatin1String("progress")).toObject().value(QLatin1String("done")).toInt(), expected.devices);
        QCOMPARE(lab.http->get(QStringLiteral("/api/v1/devices")).json.value(QLatin1String("total")).toInt(), expected.devices);
        QCOMPARE(lab.http->get(QStringLiteral("/api/v1/links?limit=1000")).json.value(QLatin1String("total")).toInt(), expected.links);

        int gpus = 0;
        for (const QJsonValue &d : lab.http->get(QStringLiteral("/api/v1/devices?kind=gpu-server&limit=1000")).json.value(QLatin1String("items")).toArray())
            for (const QJsonValue &c : lab.http->get(QStringLiteral("/api/v1/devices/") + d[QLatin1String("id")].toString()).json.value(QLatin1String("components")).toArray())
                gpus += c[QLatin1String("kind")].toString() == QLatin1String("gpu");
        QCOMPARE(gpus, expected.gpus);

        // Placement and identity as the BMC reports them.
        const QJsonObject gpu = lab.device(QStringLiteral("gpu-g01-02"));
        QCOMPARE(gpu.value(QLatin1String("position")).toInt(), 11);
        QCOMPARE(gpu.value(QLatin1String("heightU")).toInt(), 8);
        QCOMPARE(gpu.value(QLatin1String("kind")).toString(), QStringLiteral("gpu-server"));
        const QJsonArray racks = lab.http->get(QStringLiteral("/api/v1/racks")).json.value(QLatin1String("items")).toArray();
        QStringList rackNames;
        for (const QJsonValue &r : racks)
            rackNames << r[QLatin1String("name")].toString();
        QCOMPARE(rackNames, (QStringList{QStringLiteral("G01"), QStringLiteral("G02"), QStringLiteral("G03"), QStringLiteral("G04"),
                                         QStringLiteral("N01"), QStringLiteral("S01")}));
        QCOMPARE(lab.device(QStringLiteral("dbox-01")).value(QLatin1String("kind")).toString(), QStringLiteral("storage-dbox"));
        QCOMPARE(lab.device(QStringLiteral("cnode-01")).value(QLatin1String("kind")).toString(), QStringLiteral("storage-cnode"));
        QCOMPARE(lab.device(QStringLiteral("spine-01")).value(QLatin1String("kind")).toString(), QStringLiteral("switch"));
        QCOMPARE(lab.device(QStringLiteral("pdu-g01")).value(QLatin1String("kind")).toString(), QStringLiteral("pdu"));

        // A second scan finds nothing new.
        const QJsonObject again = lab.scanLab();
        QCOMPARE(found(again, "unchanged"), expected.devices);
        QCOMPARE(found(again, "added") + found(again, "changed"), 0);
    }

    void faultsShowAfterRescanAndClear()
    {
        LabHarness lab;
        lab.scanLab();
        QCOMPARE(lab.fault({{QStringLiteral("device"), QStringLiteral("gpu-g01-02")}, {QStringLiteral("kind"), QStringLiteral("gpu-failed")}, {QStringLiteral("component"), QStringLiteral("GPU4")}}), 201);
        QCOMPARE(lab.fault({{QStringLiteral("device"), QStringLiteral("gpu-g02-01")}, {QStringLiteral("kind"), QStringLiteral("bmc-down")}}), 201);
        QCOMPARE(lab.fault({{QStringLiteral("device"), QStringLiteral("dbox-02")}, {QStringLiteral("kind"), QStringLiteral("drive-failed")}, {QStringLiteral("component"), QStringLiteral("SSD7")}}), 201);
        QCOMPARE(lab.fault({{QStringLiteral("device"), QStringLiteral("cnode-01")}, {QStringLiteral("kind"), QStringLiteral("link-down")}, {QStringLiteral("component"), QStringLiteral("eth1")}}), 201);
        QCOMPARE(lab.fault({{QStringLiteral("device"), QStringLiteral("gpu-g03-04")}, {QStringLiteral("kind"), QStringLiteral("psu-failed")}}), 201);
        QCOMPARE(lab.fault({{QStringLiteral("device"), QStringLiteral("gpu-g04-01")}, {QStringLiteral("kind"), QStringLiteral("bmc-error")}}), 201);

        const QJsonObject scan = lab.scanLab();
        QCOMPARE(scan.value(QLatin1String("state")).toString(), QStringLiteral("partial"));
        QCOMPARE(scan.value(QLatin1String("errors")).toArray().size(), 1);
        QVERIFY(scan.value(QLatin1String("errors")).toArray().first()[QLatin1String("message")].toString().contains(QLatin1String("HTTP 500")));
        QCOMPARE(found(scan, "unreachable"), 1);
        // GPU, DBox drive, PSU, and both ends of the downed cable.
        QCOMPARE(found(scan, "changed"), 5);
        QCOMPARE(changeOf(scan, QStringLiteral("gpu-g02-01")).value(QLatin1String("change")).toString(), QStringLiteral("unreachable"));
        const QJsonArray gpuFields = changeOf(scan, QStringLiteral("gpu-g01-02")).value(QLatin1String("fields")).toArray();
        QVERIFY(QJsonDocument(gpuFields).toJson().contains("GPU4 health"));
        QCOMPARE(lab.device(QStringLiteral("gpu-g01-02")).value(QLatin1String("health")).toString(), QStringLiteral("critical"));
        QCOMPARE(lab.device(QStringLiteral("gpu-g02-01")).value(QLatin1String("state")).toString(), QStringLiteral("unreachable"));
        QVERIFY(QJsonDocument(changeOf(scan, QStringLiteral("cnode-01")).value(QLatin1String("fields")).toArray()).toJson().contains("port eth1"));
        // The cable on that port is down in the links and the topology; the others are up.
        const QString cnode = lab.device(QStringLiteral("cnode-01")).value(QLatin1String("id")).toString();
        const auto linkStates = [&lab, &cnode](const QString &route) {
            QHash<QString, QStringList> states; // state -> "device port" ends on cnode-01
            const QJsonObject answer = lab.http->get(route).json;
            const QJsonArray links = answer.value(answer.contains(QLatin1String("items")) ? QLatin1String("items") : QLatin1String("links")).toArray();
            for (const QJsonValue &link : links) {
                for (const char *side : {"a", "b"}) {
                    const QJsonObject end = link[QLatin1String(side)].toObject();
                    if (end.value(QLatin1String("device")).toString() == cnode)
                        states[link[QLatin1String("state")].toString()] << end.value(QLatin1String("port")).toString();
                }
                if (link[QLatin1String("state")].toString() == QLatin1String("down"))
                    states[QStringLiteral("down anywhere")] << link[QLatin1String("id")].toString();
            }
            return states;
        };
        for (const QString &route : {QStringLiteral("/api/v1/links?limit=1000"), QStringLiteral("/api/v1/topology")}) {
            const auto states = linkStates(route);
            QCOMPARE(states.value(QStringLiteral("down")), QStringList{QStringLiteral("eth1")});
            QCOMPARE(states.value(QStringLiteral("down anywhere")).size(), 1);
            QVERIFY2(!states.value(QStringLiteral("up")).isEmpty(), qPrintable(route));
        }
        QVERIFY(!changeOf(scan, QStringLiteral("leaf-s01")).isEmpty());
        QVERIFY(QJsonDocument(changeOf(scan, QStringLiteral("dbox-02"))).toJson().contains("SSD7 health"));
        // A critical event names the failed GPU.
        const QJsonArray critical = lab.http->get(QStringLiteral("/api/v1/events?severity=critical")).json.value(QLatin1String("items")).toArray();
        QVERIFY(QJsonDocument(critical).toJson().contains("GPU4 health ok"));

        // Clearing every fault brings the site back.
        for (const QJsonValue &f : lab.http->get(QStringLiteral("/api/v1/lab/faults")).json.value(QLatin1String("items")).toArray())
            QCOMPARE(lab.http->send("DELETE", QStringLiteral("/api/v1/lab/faults/") + f[QLatin1String("id")].toString()).status, 204);
        const QJsonObject healed = lab.scanLab();
        QCOMPARE(healed.value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
        QVERIFY(linkStates(QStringLiteral("/api/v1/links?limit=1000")).value(QStringLiteral("down anywhere")).isEmpty());
        QVERIFY(linkStates(QStringLiteral("/api/v1/links?limit=1000")).value(QStringLiteral("up")).contains(QStringLiteral("eth1")));
        QCOMPARE(changeOf(healed, QStringLiteral("gpu-g02-01")).value(QLatin1String("change")).toString(), QStringLiteral("recovered"));
        QCOMPARE(lab.device(QStringLiteral("gpu-g01-02")).value(QLatin1String("health")).toString(), QStringLiteral("ok"));
        QCOMPARE(lab.device(QStringLiteral("gpu-g02-01")).value(QLatin1String("state")).toString(), QStringLiteral("active"));
    }

    void badFaultsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown kind") << QByteArray(R"({"device":"gpu-g01-01","kind":"meteor"})") << 400;
        QTest::newRow("unknown device") << QByteArray(R"({"device":"nope","kind":"bmc-down"})") << 404;
        QTest::newRow("unknown component") << QByteArray(R"({"device":"gpu-g01-01","kind":"gpu-failed","component":"GPU42"})") << 422;
        QTest::newRow("cnode-down on a GPU server") << QByteArray(R"({"device":"gpu-g01-01","kind":"cnode-down"})") << 422;
        QTest::newRow("unknown field") << QByteArray(R"({"device":"gpu-g01-01","kind":"bmc-down","when":"now"})") << 400;
        QTest::newRow("malformed") << QByteArray(R"({"device":)") << 400;
    }

    void badFaultsAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        LabHarness lab;
        QCOMPARE(lab.http->post(QStringLiteral("/api/v1/lab/faults"), body).status, status);
        QCOMPARE(lab.http->get(QStringLiteral("/api/v1/lab/faults")).json.value(QLatin1String("total")).toInt(), 0);
    }

    void badScansAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no targets") << QByteArray(R"({"targets":[]})") << "targets";
        QTest::newRow("unknown kind") << QByteArray(R"({"targets":[{"kind":"snmp"}]})") << "targets[0].kind";
        QTest::newRow("bad url") << QByteArray("{\"targets\":[{\"kind\":\"redfish\",\"url\":\"ftp://x\"}]}") << "targets[0].url";
        QTest::newRow("range backwards") << QByteArray("{\"targets\":[{\"kind\":\"redfish-range\",\"from\":\"http://10.0.0.9\",\"to\":\"http://10.0.0.1\"}]}") << "targets[0].to";
        QTest::newRow("range too big") << QByteArray("{\"targets\":[{\"kind\":\"redfish-range\",\"from\":\"http://10.0.0.0\",\"to\":\"http://10.255.255.255\"}]}") << "targets[0]";
        QTest::newRow("verifyTls type") << QByteArray("{\"targets\":[{\"kind\":\"redfish\",\"url\":\"https://10.0.0.1\",\"verifyTls\":\"no\"}]}") << "targets[0].verifyTls";
        QTest::newRow("unknown target field") << QByteArray(R"({"targets":[{"kind":"lab","extra":1}]})") << "targets[0].extra";
        QTest::newRow("bad lldp") << QByteArray(R"({"targets":[{"kind":"lldp-json","device":"leaf1","data":{"not":"lldp"}}]})") << "targets[0].data";
        QTest::newRow("concurrency") << QByteArray(R"({"targets":[{"kind":"lab"}],"concurrency":0})") << "concurrency";
    }

    void badScansAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        LabHarness lab;
        const HttpAnswer answer = lab.http->post(QStringLiteral("/api/v1/discovery/scans"), body);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.json.value(QLatin1String("error")).toObject().value(QLatin1String("field")).toString(), field);
    }

    void labTargetWithoutLabIs422()
    {
        LabHarness noLab({}, false);
        QCOMPARE(noLab.http->post(QStringLiteral("/api/v1/discovery/scans"), R"({"targets":[{"kind":"lab"}]})").status, 422);
        QCOMPARE(noLab.http->get(QStringLiteral("/api/v1/lab")).status, 404);
    }

    void rangeScanCountsEmptyAddressesAsUnreachable()
    {
        LabHarness lab;
        const QJsonArray bmcs = lab.http->get(QStringLiteral("/api/v1/lab")).json.value(QLatin1String("bmcs")).toArray();
        const QUrl first(bmcs.first()[QLatin1String("url")].toString());
        // The first five lab BMCs and three addresses past the last one, where nothing listens.
        QUrl from = first, to = first;
        to.setHost(QHostAddress(QHostAddress(first.host()).toIPv4Address() + 4).toString());
        const QJsonObject five = lab.scan({{QStringLiteral("targets"), QJsonArray{QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("redfish-range")}, {QStringLiteral("from"), from.toString()}, {QStringLiteral("to"), to.toString()},
            {QStringLiteral("username"), QStringLiteral("admin")}, {QStringLiteral("password"), QStringLiteral("neocloud-lab")}}}}});
        QCOMPARE(found(five, "added"), 5);
        QCOMPARE(five.value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
        QVERIFY(!QJsonDocument(five.value(QLatin1String("request")).toObject()).toJson().contains("neocloud-lab")); // no secrets kept

        const QUrl last(bmcs.last()[QLatin1String("url")].toString());
        from = last, to = last;
        from.setHost(QHostAddress(QHostAddress(last.host()).toIPv4Address() + 1).toString());
        to.setHost(QHostAddress(QHostAddress(last.host()).toIPv4Address() + 3).toString());
        const QJsonObject empty = lab.scan({{QStringLiteral("targets"), QJsonArray{QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("redfish-range")}, {QStringLiteral("from"), from.toString()}, {QStringLiteral("to"), to.toString()}}}}});
        QCOMPARE(found(empty, "unreachable"), 3);
        QCOMPARE(empty.value(QLatin1String("errors")).toArray().size(), 0);
    }

    void wrongCredentialsAreAnErrorNotUnreachable()
    {
        LabHarness lab;
        const QString url = lab.http->get(QStringLiteral("/api/v1/lab")).json.value(QLatin1String("bmcs")).toArray().first()[QLatin1String("url")].toString();
        const QJsonObject scan = lab.scan({{QStringLiteral("targets"), QJsonArray{QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("redfish")}, {QStringLiteral("url"), url},
            {QStringLiteral("username"), QStringLiteral("admin")}, {QStringLiteral("password"), QStringLiteral("wrong")}}}}});
        QCOMPARE(scan.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QVERIFY(scan.value(QLatin1String("errors")).toArray().first()[QLatin1String("message")].toString().contains(QLatin1String("refused the credentials")));
    }

    void lldpJsonTargetsMakeLinks()
    {
        LabHarness lab({}, false);
        InventoryService &inventory = lab.api.backend().inventory();
        const QString site = must(inventory.addSite({{}, QStringLiteral("default"), {}, {}})).id;
        auto add = [&](const QString &name, DeviceKind kind, const QStringList &ports) {
            Device d;
            d.siteId = site;
            d.name = name;
            d.kind = kind;
            for (const QString &p : ports)
                d.ports.append({{}, p, {}, 10, LinkState::Up});
            must(inventory.addDevice(d));
        };
        add(QStringLiteral("leaf1"), DeviceKind::Switch, {QStringLiteral("swp1"), QStringLiteral("swp2")});
        add(QStringLiteral("gpu01"), DeviceKind::GpuServer, {QStringLiteral("eth0")});
        add(QStringLiteral("gpu02"), DeviceKind::GpuServer, {QStringLiteral("eth0")});
        // leaf1 in lldpd's "json" form with several neighbours (a list), gpu01 with one (an
        // object), gpu02 in the json0 form.
        const QJsonObject scan = lab.scan({{QStringLiteral("targets"), QJsonArray{
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("lldp-json")}, {QStringLiteral("device"), QStringLiteral("leaf1")}, {QStringLiteral("data"), readJson(lldpFixtures + QStringLiteral("leaf1.neighbors-details.json"))}},
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("lldp-json")}, {QStringLiteral("device"), QStringLiteral("gpu01")}, {QStringLiteral("data"), readJson(lldpFixtures + QStringLiteral("gpu01.neighbors-details.json"))}},
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("lldp-json")}, {QStringLiteral("device"), QStringLiteral("gpu02")}, {QStringLiteral("data"), readJson(lldpFixtures + QStringLiteral("gpu02.neighbors-details.json0.json"))}}}}});
        QCOMPARE(scan.value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(scan.value(QLatin1String("links")).toInt(), 2); // each cable reported from both ends, stored once
        QStringList cables;
        QHash<QString, QString> names;
        for (const QJsonValue &d : lab.http->get(QStringLiteral("/api/v1/devices")).json.value(QLatin1String("items")).toArray())
            names.insert(d[QLatin1String("id")].toString(), d[QLatin1String("name")].toString());
        for (const QJsonValue &l : lab.http->get(QStringLiteral("/api/v1/links")).json.value(QLatin1String("items")).toArray()) {
            QStringList ends{names.value(l[QLatin1String("a")][QLatin1String("device")].toString()) + QLatin1Char(':') + l[QLatin1String("a")][QLatin1String("port")].toString(),
                             names.value(l[QLatin1String("b")][QLatin1String("device")].toString()) + QLatin1Char(':') + l[QLatin1String("b")][QLatin1String("port")].toString()};
            ends.sort();
            cables << ends.join(QLatin1String("-"));
            QCOMPARE(l[QLatin1String("source")].toString(), QStringLiteral("lldp"));
        }
        cables.sort();
        QCOMPARE(cables, (QStringList{QStringLiteral("gpu01:eth0-leaf1:swp1"), QStringLiteral("gpu02:eth0-leaf1:swp2")}));
    }

    void cancelStopsAScan()
    {
        LabHarness lab;
        lab.api.backend().lab()->setLatencyForAll(400);
        const HttpAnswer started = lab.http->post(QStringLiteral("/api/v1/discovery/scans"), R"({"targets":[{"kind":"lab"}],"concurrency":2})");
        const QString id = started.json.value(QLatin1String("id")).toString();
        QTest::qWait(100);
        QCOMPARE(lab.http->post(QStringLiteral("/api/v1/discovery/scans/") + id + QStringLiteral("/cancel"), {}).status, 202);
        QJsonObject scan;
        QTRY_COMPARE_WITH_TIMEOUT((scan = lab.http->get(QStringLiteral("/api/v1/discovery/scans/") + id).json).value(QLatin1String("state")).toString(),
                                  QStringLiteral("cancelled"), 10000);
        QVERIFY(scan.value(QLatin1String("progress")).toObject().value(QLatin1String("done")).toInt() < 37);
        QCOMPARE(lab.http->get(QStringLiteral("/api/v1/devices")).json.value(QLatin1String("total")).toInt(), 0); // nothing applied
        QCOMPARE(lab.http->post(QStringLiteral("/api/v1/discovery/scans/") + id + QStringLiteral("/cancel"), {}).status, 409);
    }

    void faultsAndInterruptedScansSurviveARestart()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("restart.db"));
        {
            LabHarness lab(db);
            QCOMPARE(lab.fault({{QStringLiteral("device"), QStringLiteral("gpu-g01-01")}, {QStringLiteral("kind"), QStringLiteral("gpu-failed")}}), 201);
            // A scan the process was running when it was killed.
            QSqlQuery q(lab.api.backend().database().connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO jobs (id, kind, state, progress_done, progress_total, created_at, started_at) "
                                          "VALUES ('scan-killed', 'discovery-scan', 'running', 3, 37, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')")));
        }
        LabHarness again(db);
        QCOMPARE(again.http->get(QStringLiteral("/api/v1/lab/faults")).json.value(QLatin1String("total")).toInt(), 1);
        const QJsonObject killed = again.http->get(QStringLiteral("/api/v1/discovery/scans/scan-killed")).json;
        QCOMPARE(killed.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QVERIFY(QJsonDocument(killed).toJson().contains("process stopped"));
        again.scanLab();
        QCOMPARE(again.device(QStringLiteral("gpu-g01-01")).value(QLatin1String("health")).toString(), QStringLiteral("critical"));
    }
};

QTEST_GUILESS_MAIN(TestLabDiscovery)
#include "tst_lab_discovery.moc"
