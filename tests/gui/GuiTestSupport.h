#pragma once
// Shared set-up for the GUI tests: a real Backend on a throwaway database, and a little real
// inventory and event history so views and delegates have something to show.

#include "Backend.h"
#include "activity/EventLog.h"
#include "inventory/InventoryService.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace NeoCloud::Testing {

inline std::unique_ptr<Backend> createBackend(const QTemporaryDir &dir,
                                              const QString &fileName = QStringLiteral("gui.db"))
{
    BackendConfig config;
    config.databasePath = dir.filePath(fileName);
    config.adminPassword = QStringLiteral("gui-test-password-1234");
    Result<std::unique_ptr<Backend>> backend = Backend::create(config);
    if (!backend) {
        qWarning("cannot create the backend: %s", qUtf8Printable(backend.error().message));
        return {};
    }
    return std::move(backend).value();
}

// The demo lab definition the console ships, copied into `dir` with its BMC port set to 0 (each
// BMC then listens on a free port): the shipped file's fixed port would collide with any other
// lab running on this machine at the same time, such as a parallel test. Returns "" on failure.
inline QString writeDemoLab(const QTemporaryDir &dir, const QString &labFile = QStringLiteral("demo.json"))
{
    QFile source(QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/labs/") + labFile);
    if (!source.open(QIODevice::ReadOnly))
        return {};
    QJsonObject lab = QJsonDocument::fromJson(source.readAll()).object();
    QJsonObject bmc = lab.value(QLatin1String("bmc")).toObject();
    bmc.insert(QStringLiteral("port"), 0);
    lab.insert(QStringLiteral("bmc"), bmc);
    QFile copy(dir.filePath(QStringLiteral("demo-lab.json")));
    if (!copy.open(QIODevice::WriteOnly) || copy.write(QJsonDocument(lab).toJson()) < 0)
        return {};
    return copy.fileName();
}

// A backend whose services are enabled on the VMS at `vmsApiRoot` (a FakeVms in the tests).
inline std::unique_ptr<Backend> createServiceBackend(const QTemporaryDir &dir, const QString &vmsApiRoot)
{
    BackendConfig config;
    config.databasePath = dir.filePath(QStringLiteral("services.db"));
    config.adminPassword = QStringLiteral("gui-test-password-1234");
    config.vmsUrl = vmsApiRoot;
    config.vmsToken = QStringLiteral("gui-test-token");
    // The VMS double has no data plane: a probe of a new service's endpoint (an address nothing
    // answers on) would turn its health unknown whenever a probe round happened to run.
    config.serviceProbes = false;
    Result<std::unique_ptr<Backend>> backend = Backend::create(config);
    if (!backend) {
        qWarning("cannot create the backend: %s", qUtf8Printable(backend.error().message));
        return {};
    }
    return std::move(backend).value();
}

// A backend running the demo lab (or another lab of resources/labs), without the first
// automatic scan so tests start it.
inline std::unique_ptr<Backend> createLabBackend(const QTemporaryDir &dir, const QString &labFile = QStringLiteral("demo.json"),
                                                 std::shared_ptr<ReportRenderer> reportRenderer = {})
{
    BackendConfig config;
    config.databasePath = dir.filePath(QStringLiteral("lab.db"));
    config.adminPassword = QStringLiteral("gui-test-password-1234");
    config.labDefinition = writeDemoLab(dir, labFile);
    config.reportRenderer = std::move(reportRenderer);
    config.initialLabScan = false;
    config.crawlTimeoutMs = 5000;
    if (config.labDefinition.isEmpty()) {
        qWarning("cannot copy the demo lab definition");
        return {};
    }
    Result<std::unique_ptr<Backend>> backend = Backend::create(config);
    if (!backend) {
        qWarning("cannot create the lab backend: %s", qUtf8Printable(backend.error().message));
        return {};
    }
    return std::move(backend).value();
}

// One site, one rack, a GPU server (8 GPUs, 2 CPUs, two ports, a warning) and its leaf switch
// cabled to it, so the hardware and topology views have parts, ports and a link to show.
// `device` in a site of its own named `siteName`: one device with a BMC or a serial, as the web
// view tests need it.
inline Result<Device> addLoneDevice(InventoryService &inventory, const QString &siteName, Device device)
{
    Site site;
    site.name = siteName;
    const Result<Site> added = inventory.addSite(site);
    if (!added)
        return added.error();
    device.siteId = added->id;
    return inventory.addDevice(std::move(device));
}

inline bool addSampleInventory(InventoryService &inventory)
{
    Site site;
    site.name = QStringLiteral("ams-1");
    const Result<Site> addedSite = inventory.addSite(site);
    if (!addedSite)
        return false;
    Rack rack;
    rack.siteId = addedSite->id;
    rack.name = QStringLiteral("r01");
    const Result<Rack> addedRack = inventory.addRack(rack);
    if (!addedRack)
        return false;

    Device gpu;
    gpu.siteId = addedSite->id;
    gpu.rackId = addedRack->id;
    gpu.name = QStringLiteral("gpu-001");
    gpu.kind = DeviceKind::GpuServer;
    gpu.vendor = QStringLiteral("Supermicro");
    gpu.model = QStringLiteral("SYS-821GE-TNHR");
    gpu.serial = QStringLiteral("SM-0001");
    gpu.firmware = QStringLiteral("BMC 1.02.04");
    gpu.bmcUrl = QStringLiteral("https://10.0.1.11");
    gpu.position = 1;
    gpu.heightU = 4;
    gpu.health = Health::Warning;
    for (int i = 0; i < 8; ++i)
        gpu.components.append({{}, ComponentKind::Gpu, QStringLiteral("GPU%1").arg(i),
                               QStringLiteral("H100 SXM5"), QStringLiteral("GPU-SM-%1").arg(i),
                               QStringLiteral("96.00.5E"), 80LL << 30,
                               i == 3 ? Health::Warning : Health::Ok});
    for (int i = 0; i < 2; ++i)
        gpu.components.append({{}, ComponentKind::Cpu, QStringLiteral("CPU%1").arg(i),
                               QStringLiteral("Xeon 8480+"), {}, {}, 0, Health::Ok});
    gpu.ports.append({{}, QStringLiteral("eth0"), QStringLiteral("b8:3f:d2:00:00:01"), 400,
                      LinkState::Up});
    gpu.ports.append({{}, QStringLiteral("eth1"), QStringLiteral("b8:3f:d2:00:00:02"), 400,
                      LinkState::Down});
    const Result<Device> addedGpu = inventory.addDevice(gpu);
    if (!addedGpu)
        return false;

    Device leaf;
    leaf.siteId = addedSite->id;
    leaf.rackId = addedRack->id;
    leaf.name = QStringLiteral("leaf-01");
    leaf.kind = DeviceKind::Switch;
    leaf.position = 42;
    leaf.health = Health::Ok;
    leaf.ports.append({{}, QStringLiteral("swp1"), {}, 400, LinkState::Up});
    const Result<Device> addedLeaf = inventory.addDevice(leaf);
    if (!addedLeaf)
        return false;

    Link link;
    link.siteId = addedSite->id;
    link.a = {addedLeaf->id, QStringLiteral("swp1")};
    link.b = {addedGpu->id, QStringLiteral("eth0")};
    link.speedGbps = 400;
    return inventory.addLink(link).ok();
}

// Hardware for tenant quotas to be measured against: the sample inventory's GPU server (8 GPUs)
// and a storage DBox of ten 15.36 TB SSDs (153.6 TB raw, 138.24 TB usable at the backend's 0.9).
inline bool addQuotaHardware(InventoryService &inventory)
{
    if (!addSampleInventory(inventory))
        return false;
    Device dbox;
    dbox.siteId = inventory.sites().value().constFirst().id;
    dbox.name = QStringLiteral("dbox-01");
    dbox.kind = DeviceKind::StorageDBox;
    dbox.health = Health::Ok;
    for (int i = 0; i < 10; ++i)
        dbox.components.append({{}, ComponentKind::Drive, QStringLiteral("SSD%1").arg(i + 1), QStringLiteral("QLC 15.36TB"),
                                QStringLiteral("SSD-%1").arg(i), {}, 15360000000000LL, Health::Ok});
    return inventory.addDevice(dbox).ok();
}

// A spine-leaf fabric for the topology tests: `racks` racks named r01.., each with `hosts` GPU
// servers of 2U from U1 up and a leaf at U42 cabled to each, and two spines cabled to every
// leaf. Returns the site id, or "" on failure.
inline QString addFabric(InventoryService &inventory, int racks, int hosts)
{
    const Result<Site> site = inventory.addSite({{}, QStringLiteral("fab-1"), {}, {}});
    if (!site)
        return {};
    auto add = [&](const QString &name, DeviceKind kind, const QString &rackId,
                   std::optional<int> position, int height) -> QString {
        Device device;
        device.siteId = site->id;
        device.rackId = rackId;
        device.name = name;
        device.kind = kind;
        device.position = position;
        device.heightU = height;
        device.health = Health::Ok;
        const Result<Device> added = inventory.addDevice(device);
        return added ? added->id : QString();
    };
    auto cable = [&](const QString &a, const QString &b) {
        return inventory.addLink({{}, site->id, {a, {}}, {b, {}}, 100, LinkSource::Lldp}).ok();
    };
    QStringList spines{add(QStringLiteral("spine-1"), DeviceKind::Switch, {}, {}, 1),
                       add(QStringLiteral("spine-2"), DeviceKind::Switch, {}, {}, 1)};
    for (int r = 1; r <= racks; ++r) {
        const Result<Rack> rack = inventory.addRack(
            {{}, site->id, QStringLiteral("r%1").arg(r, 2, 10, QLatin1Char('0')), 42, 0});
        if (!rack)
            return {};
        const QString leaf = add(QStringLiteral("leaf-%1").arg(r), DeviceKind::Switch, rack->id, 42, 1);
        for (const QString &spine : std::as_const(spines))
            if (!cable(leaf, spine))
                return {};
        for (int h = 0; h < hosts; ++h) {
            const QString host = add(QStringLiteral("gpu-%1-%2").arg(r).arg(h + 1),
                                     DeviceKind::GpuServer, rack->id, 1 + 2 * h, 2);
            if (host.isEmpty() || !cable(leaf, host))
                return {};
        }
    }
    return site->id;
}

// Events of every severity, one of them an open alert. They are spaced by a couple of
// milliseconds because the store orders events by their millisecond timestamps.
inline bool addSampleEvents(EventLog &events)
{
    const bool ok = events.record(Severity::Info, QStringLiteral("inventory"),
                                  QStringLiteral("Site ams-1 added"))
                        .ok();
    QThread::msleep(2);
    const bool warned = events.record(Severity::Warning, QStringLiteral("gpu-001"),
                                      QStringLiteral("GPU 3 runs at 84 °C"))
                            .ok();
    QThread::msleep(2);
    const bool alerted = events.raiseAlert(Severity::Critical, QStringLiteral("leaf-01"),
                                           QStringLiteral("Port swp12 is down"))
                             .ok();
    return ok && warned && alerted;
}

} // namespace NeoCloud::Testing
