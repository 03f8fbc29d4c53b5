// Redfish discovery on real data: every shared fixture is served over HTTP by RedfishServer and
// crawled by RedfishCrawler; the figures found (GPUs, drives, ports, serial, placement) must equal
// those counted straight from the fixture files. Then the quirks real BMCs have.

#include "lab/RedfishServer.h"
#include "redfish/RedfishCrawler.h"
#include "domain/Enums.h"
#include "redfish/RedfishInventory.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace NeoCloud;

namespace {

const QString fixtures = QStringLiteral(NEOCLOUD_SOURCE_DIR "/tests/fixtures/redfish/");

// Figures counted from the files with no knowledge of how discovery works.
struct FileFigures
{
    int gpus = 0;
    int drives = 0;
    int nicPorts = 0;
    QStringList chassisSerials;
    QString rack;
};

FileFigures countFiles(const QString &folder)
{
    FileFigures f;
    QDirIterator it(folder, {QStringLiteral("index.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile in(file);
        in.open(QIODevice::ReadOnly);
        const QJsonObject r = QJsonDocument::fromJson(in.readAll()).object();
        const QString type = r.value(QLatin1String("@odata.type")).toString();
        const QString dir = QFileInfo(file).absolutePath();
        const bool absent = r.value(QLatin1String("Status")).toObject().value(QLatin1String("State")).toString() == QLatin1String("Absent");
        if (type.startsWith(QLatin1String("#Processor.")) && r.value(QLatin1String("ProcessorType")).toString() == QLatin1String("GPU") && !absent)
            ++f.gpus;
        if (type.startsWith(QLatin1String("#Drive.")) && !absent)
            ++f.drives;
        // Settings objects carry the Port type too, but describe pending changes, not ports.
        if ((type.startsWith(QLatin1String("#Port.")) || type.startsWith(QLatin1String("#NetworkPort."))) && dir.contains(QLatin1String("/NetworkAdapters/"))
            && !dir.endsWith(QLatin1String("/Settings")))
            ++f.nicPorts;
        if (type.startsWith(QLatin1String("#Chassis.")) || type.startsWith(QLatin1String("#PowerDistribution."))) {
            if (!r.value(QLatin1String("SerialNumber")).toString().isEmpty())
                f.chassisSerials << r.value(QLatin1String("SerialNumber")).toString();
            const QString rack = r.value(QLatin1String("Location")).toObject().value(QLatin1String("Placement")).toObject().value(QLatin1String("Rack")).toString();
            if (!rack.isEmpty() && f.rack.isEmpty())
                f.rack = rack;
        }
    }
    return f;
}

QJsonObject ref(const QString &path) { return QJsonObject{{QStringLiteral("@odata.id"), path}}; }

int count(const Device &d, ComponentKind kind)
{
    return int(std::count_if(d.components.begin(), d.components.end(), [kind](const Component &c) { return c.kind == kind; }));
}

CrawlResult crawl(RedfishServer &server, CrawlOptions options = {}, const QString &password = QStringLiteral("password"))
{
    QNetworkAccessManager network;
    RedfishCrawler crawler(network, {QUrl(server.baseUrl()), QStringLiteral("admin"), password, true}, options);
    QSignalSpy done(&crawler, &RedfishCrawler::finished);
    crawler.start();
    if (!crawler.isFinished())
        done.wait(30000);
    return crawler.result();
}

RedfishTree fixtureTree(const QString &name)
{
    auto tree = RedfishTree::loadFolder(fixtures + name);
    if (!tree)
        qFatal("%s", qPrintable(tree.error().message));
    return std::move(tree).value();
}

} // namespace

class TestRedfishDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixtureOverHttp_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<bool>("expand");
        QTest::addColumn<QString>("kind");
        const QList<QPair<const char *, const char *>> all{
            {"dmtf-public-tower", "gpu-server"},  {"dmtf-public-rackmount1", "other"},
            {"dmtf-public-smartnic", "other"},    {"dmtf-public-nvmeof-jbof", "storage-dbox"},
            {"dmtf-public-pdu", "pdu"},           {"dmtf-public-cables", "other"},
            {"ocp-EthernetNIC", "other"},
        };
        for (const auto &[name, kind] : all) {
            QTest::addRow("%s expand", name) << QString::fromLatin1(name) << true << QString::fromLatin1(kind);
            QTest::addRow("%s walk", name) << QString::fromLatin1(name) << false << QString::fromLatin1(kind);
        }
    }

    void everyFixtureOverHttp()
    {
        QFETCH(QString, fixture);
        QFETCH(bool, expand);
        QFETCH(QString, kind);
        const FileFigures expected = countFiles(fixtures + fixture);
        RedfishServerOptions options;
        options.supportsExpand = expand;
        RedfishServer server(fixtureTree(fixture), options);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const CrawlResult result = crawl(server);
        QVERIFY2(!result.error, result.error ? qPrintable(result.error->message) : "");
        const DiscoveredDevice found = inventoryFromTree(result.tree);
        const Device &d = found.device;
        QCOMPARE(toString(d.kind), kind);
        QCOMPARE(count(d, ComponentKind::Gpu), expected.gpus);
        QCOMPARE(count(d, ComponentKind::Drive), expected.drives);
        QCOMPARE(int(d.ports.size()), expected.nicPorts);
        if (!expected.chassisSerials.isEmpty())
            QVERIFY2(expected.chassisSerials.contains(d.serial), qPrintable(d.serial));
        QCOMPARE(found.rackName, expected.rack);
        QVERIFY(!d.name.isEmpty());
        // The same figures as reading the files directly: the crawl lost nothing on the way.
        const DiscoveredDevice direct = inventoryFromTree(fixtureTree(fixture));
        QCOMPARE(direct.device.components.size(), d.components.size());
        QCOMPARE(direct.device.ports.size(), d.ports.size());
        qInfo("%s: %d requests, %d components, %d ports, %d warnings", qPrintable(fixture), result.requests,
              int(d.components.size()), int(d.ports.size()), int(result.warnings.size()));
    }

    void placementFigures()
    {
        const DiscoveredDevice rackmount = inventoryFromTree(fixtureTree(QStringLiteral("dmtf-public-rackmount1")));
        QCOMPARE(rackmount.rackName, QStringLiteral("WEB43"));
        QCOMPARE(rackmount.row, QStringLiteral("North"));
        QCOMPARE(rackmount.device.position.value_or(-1), 12);
        QCOMPARE(rackmount.device.heightU, 1);
        const DiscoveredDevice jbof = inventoryFromTree(fixtureTree(QStringLiteral("dmtf-public-nvmeof-jbof")));
        QVERIFY(jbof.rackName.isEmpty());
        QVERIFY(!jbof.device.position);
        QVERIFY(jbof.warnings.join(QLatin1Char(' ')).contains(QLatin1String("placement")));
    }

    void lldpReceiveBecomesNeighbours()
    {
        const DiscoveredDevice nic = inventoryFromTree(fixtureTree(QStringLiteral("ocp-EthernetNIC")));
        QVERIFY(!nic.neighbours.isEmpty());
        for (const LldpNeighbour &n : nic.neighbours) {
            QVERIFY(!n.chassisId.isEmpty());
            QVERIFY(!n.localPort.isEmpty());
        }
    }

    void quirksAreSurvived()
    {
        RedfishTree tree = fixtureTree(QStringLiteral("dmtf-public-tower"));
        const QString chassis = QStringLiteral("/redfish/v1/Chassis/Tower");
        // A dangling link among the chassis' drives, a trailing slash on another, and an error
        // body where a third should be.
        QJsonObject chassisResource = tree.value(chassis);
        QJsonObject links = chassisResource.value(QLatin1String("Links")).toObject();
        QJsonArray members = links.value(QLatin1String("Drives")).toArray();
        QVERIFY(members.size() > 3);
        members.append(ref(chassis + QStringLiteral("/Drives/Ghost")));
        const QString errorDrive = members.at(0).toObject().value(QLatin1String("@odata.id")).toString();
        members.replace(1, ref(members.at(1).toObject().value(QLatin1String("@odata.id")).toString() + QLatin1Char('/')));
        links.insert(QStringLiteral("Drives"), members);
        chassisResource.insert(QStringLiteral("Links"), links);
        tree.insert(chassis, chassisResource);
        tree.insert(errorDrive, QJsonObject{{QStringLiteral("error"), QStringLiteral("Base.1.8.InternalError")}});
        // GPUs only as PCIe functions: drop the GPU processors, mark one PCIe function a display controller.
        QJsonObject processors = tree.value(QStringLiteral("/redfish/v1/Systems/437XR1238R2/Processors"));
        QJsonArray cpus;
        for (const QJsonValue &m : processors.value(QLatin1String("Members")).toArray())
            if (!m.toObject().value(QLatin1String("@odata.id")).toString().contains(QLatin1String("GPU")))
                cpus.append(m);
        processors.insert(QStringLiteral("Members"), cpus);
        tree.insert(QStringLiteral("/redfish/v1/Systems/437XR1238R2/Processors"), processors);
        const QString slot = chassis + QStringLiteral("/PCIeDevices/Slot1");
        QJsonObject pcie = tree.value(slot);
        pcie.insert(QStringLiteral("PCIeFunctions"), ref(slot + QStringLiteral("/PCIeFunctions")));
        tree.insert(slot, pcie);
        tree.insert(slot + QStringLiteral("/PCIeFunctions"), QJsonObject{{QStringLiteral("Members"), QJsonArray{ref(slot + QStringLiteral("/PCIeFunctions/0"))}}});
        QJsonObject function = ref(slot + QStringLiteral("/PCIeFunctions/0"));
        function.insert(QStringLiteral("DeviceClass"), QStringLiteral("DisplayController"));
        tree.insert(slot + QStringLiteral("/PCIeFunctions/0"), function);

        RedfishServerOptions options;
        options.supportsExpand = false;
        RedfishServer server(tree, options);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const CrawlResult result = crawl(server);
        QVERIFY(!result.error);
        const QString warnings = result.warnings.join(QLatin1Char('\n'));
        QVERIFY2(warnings.contains(QLatin1String("Ghost: dangling link (404)")), qPrintable(warnings));
        QVERIFY2(warnings.contains(QLatin1String("error body")), qPrintable(warnings));
        const DiscoveredDevice found = inventoryFromTree(result.tree);
        QCOMPARE(count(found.device, ComponentKind::Gpu), 1);
        QCOMPARE(toString(found.device.kind), QStringLiteral("gpu-server"));
        const FileFigures files = countFiles(fixtures + QStringLiteral("dmtf-public-tower"));
        QCOMPARE(count(found.device, ComponentKind::Drive), files.drives - 1); // the one that errored
    }

    void legacyPowerAndThermal()
    {
        RedfishTree tree = fixtureTree(QStringLiteral("dmtf-public-tower"));
        QJsonObject chassis = tree.value(QStringLiteral("/redfish/v1/Chassis/Tower"));
        chassis.remove(QStringLiteral("PowerSubsystem"));
        chassis.remove(QStringLiteral("ThermalSubsystem"));
        tree.insert(QStringLiteral("/redfish/v1/Chassis/Tower"), chassis);
        const Device legacy = inventoryFromTree(tree).device;
        const Device modern = inventoryFromTree(fixtureTree(QStringLiteral("dmtf-public-tower"))).device;
        QCOMPARE(count(legacy, ComponentKind::Psu), count(modern, ComponentKind::Psu));
        QVERIFY(count(legacy, ComponentKind::Psu) > 0);
        QVERIFY(count(legacy, ComponentKind::Fan) > 0);
    }

    void failuresAreClassified()
    {
        RedfishServer server(fixtureTree(QStringLiteral("dmtf-public-rackmount1")), {});
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        CrawlOptions fast;
        fast.timeoutMs = 300;
        fast.retries = 1;
        fast.backoffMs = 20;

        const CrawlResult wrongPassword = crawl(server, fast, QStringLiteral("nope"));
        QVERIFY(wrongPassword.error);
        QCOMPARE(wrongPassword.error->code, QStringLiteral("bmc_auth_failed"));

        server.setErrorMode(1);
        const CrawlResult broken = crawl(server, fast);
        QVERIFY(broken.error);
        QVERIFY(!broken.unreachable);
        QCOMPARE(broken.requests, 2); // first try and one retry

        server.setErrorMode(2);
        const CrawlResult garbage = crawl(server, fast);
        QCOMPARE(garbage.error->code, QStringLiteral("not_redfish"));

        server.setErrorMode(0);
        server.setLatencyMs(1000);
        const CrawlResult slow = crawl(server, fast);
        QVERIFY(slow.error);
        QCOMPARE(slow.error->code, QStringLiteral("bmc_unreachable"));

        server.setLatencyMs(0);
        server.setDown(true);
        const CrawlResult down = crawl(server, fast);
        QVERIFY(down.unreachable);
        server.setDown(false);
        QVERIFY(!crawl(server, fast).error);
    }
};

QTEST_GUILESS_MAIN(TestRedfishDiscovery)
#include "tst_redfish_discovery.moc"
