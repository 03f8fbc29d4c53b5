#pragma once
// Shared by the test suites: a backend on a temporary database and a small, known inventory.

#include "Backend.h"
#include "inventory/InventoryService.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace NeoCloud::Testing {

inline const QString adminPassword = QStringLiteral("correct horse battery staple");
// The demo lab's definition: simulated Redfish BMCs and a VAST VMS double on loopback ports.
inline const QString demoLabFile = QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/labs/demo.json");

struct TestBackend
{
    QTemporaryDir dir;
    std::unique_ptr<Backend> backend;

    explicit TestBackend(BackendConfig config = {})
    {
        QStandardPaths::setTestModeEnabled(true);
        if (config.databasePath.isEmpty())
            config.databasePath = dir.filePath(QStringLiteral("test.db"));
        if (config.adminPassword.isEmpty())
            config.adminPassword = adminPassword;
        auto created = Backend::create(config);
        if (!created)
            qFatal("backend: %s", qPrintable(created.error().message));
        backend = std::move(created).value();
    }
    Backend *operator->() { return backend.get(); }
};

// One site, two racks, five devices of four kinds, one link; ids are returned for assertions.
struct SampleInventory
{
    QString siteId;
    QString rackA;
    QString rackB;
    QString gpuServer;
    QString leafSwitch;
};

// Unwraps a result a test fixture cannot do without, failing loudly with the store's reason.
template<typename T>
T must(Result<T> result)
{
    if (!result)
        qFatal("fixture: %s", qPrintable(result.error().message));
    return std::move(result).value();
}

inline SampleInventory addSampleInventory(InventoryService &inventory)
{
    SampleInventory ids;
    ids.siteId = must(inventory.addSite({{}, QStringLiteral("dc1"), QStringLiteral("test site"), {}})).id;
    ids.rackA = must(inventory.addRack({{}, ids.siteId, QStringLiteral("R01"), 42, 0})).id;
    ids.rackB = must(inventory.addRack({{}, ids.siteId, QStringLiteral("R02"), 42, 0})).id;

    auto device = [&](const QString &name, DeviceKind kind, const QString &rack, int position,
                      const QString &serial) {
        Device d;
        d.siteId = ids.siteId;
        d.rackId = rack;
        d.name = name;
        d.kind = kind;
        d.vendor = QStringLiteral("Acme");
        d.model = kind == DeviceKind::GpuServer ? QStringLiteral("HGX H100 8-GPU")
                                                : QStringLiteral("Model-%1").arg(int(kind));
        d.serial = serial;
        d.position = position;
        d.heightU = kind == DeviceKind::GpuServer ? 4 : 1;
        d.health = Health::Ok;
        if (kind == DeviceKind::GpuServer) {
            for (int i = 0; i < 8; ++i)
                d.components.append({{}, ComponentKind::Gpu, QStringLiteral("GPU%1").arg(i),
                                     QStringLiteral("H100 SXM5"), QStringLiteral("GPU-%1-%2").arg(serial).arg(i),
                                     QStringLiteral("96.00.5E"), 80LL << 30, Health::Ok});
            d.ports.append({{}, QStringLiteral("eth0"), QStringLiteral("b8:3f:d2:00:00:01"), 400,
                            LinkState::Up});
        } else if (kind == DeviceKind::Switch) {
            d.ports.append({{}, QStringLiteral("swp1"), QStringLiteral("1c:34:da:00:00:01"), 400,
                            LinkState::Up});
        }
        return must(inventory.addDevice(d)).id;
    };
    ids.gpuServer = device(QStringLiteral("gpu-001"), DeviceKind::GpuServer, ids.rackA, 1, QStringLiteral("SN-GPU-001"));
    device(QStringLiteral("gpu-002"), DeviceKind::GpuServer, ids.rackA, 5, QStringLiteral("SN-GPU-002"));
    device(QStringLiteral("cnode-01"), DeviceKind::StorageCNode, ids.rackB, 1, QStringLiteral("SN-CN-01"));
    device(QStringLiteral("dbox_01"), DeviceKind::StorageDBox, ids.rackB, 3, QStringLiteral("SN-DB-01"));
    ids.leafSwitch = device(QStringLiteral("leaf-01"), DeviceKind::Switch, ids.rackA, 42, QStringLiteral("SN-SW-01"));
    must(inventory.addLink({{}, ids.siteId, {ids.leafSwitch, QStringLiteral("swp1")},
                       {ids.gpuServer, QStringLiteral("eth0")}, 400, LinkSource::Lldp}));
    return ids;
}

} // namespace NeoCloud::Testing
