#pragma once
// The 10,000-device site the Hardware benchmarks share: 250 racks of 39 nodes (GPU servers, every
// thirteenth a DBox) under a leaf, two spines, LLDP links, a few devices critical. Written through
// InventoryService, one transaction per rack, the way a scan would store them.

#include "Backend.h"
#include "inventory/InventoryService.h"
#include "store/Database.h"

#include <cstdio>

namespace NeoCloud::Bench {

constexpr int rackCount = 250;
constexpr int nodesPerRack = 39; // plus a leaf at U42: 40 per rack, 10,000 in all (+2 spines)

inline bool fillInventory(Backend &backend)
{
    InventoryService &inventory = backend.inventory();
    const Result<Site> site = inventory.addSite({{}, QStringLiteral("bench-1"), {}, {}});
    if (!site)
        return false;
    QStringList spines;
    for (int s = 1; s <= 2; ++s) {
        Device spine;
        spine.siteId = site->id;
        spine.name = QStringLiteral("spine-%1").arg(s);
        spine.kind = DeviceKind::Switch;
        const Result<Device> added = inventory.addDevice(spine);
        if (!added)
            return false;
        spines << added->id;
    }
    // One transaction per rack (40 devices, ~41 links): batching is what makes 10k rows cheap.
    for (int r = 0; r < rackCount; ++r) {
        const Status status = backend.database().transaction([&]() -> Status {
            const Result<Rack> rack = inventory.addRack(
                {{}, site->id, QStringLiteral("r%1").arg(r + 1, 3, 10, QLatin1Char('0')), 42, 0});
            if (!rack)
                return rack.error();
            Device leaf;
            leaf.siteId = site->id;
            leaf.rackId = rack->id;
            leaf.name = QStringLiteral("leaf-%1").arg(r + 1, 3, 10, QLatin1Char('0'));
            leaf.kind = DeviceKind::Switch;
            leaf.position = 42;
            leaf.health = Health::Ok;
            const Result<Device> addedLeaf = inventory.addDevice(leaf);
            if (!addedLeaf)
                return addedLeaf.error();
            for (const QString &spine : std::as_const(spines))
                if (const Result<Link> l = inventory.addLink(
                        {{}, site->id, {addedLeaf->id, spine}, {spine, addedLeaf->id}, 400,
                         LinkSource::Lldp});
                    !l)
                    return l.error();
            for (int n = 0; n < nodesPerRack; ++n) {
                Device node;
                node.siteId = site->id;
                node.rackId = rack->id;
                node.name = QStringLiteral("node-%1-%2").arg(r + 1, 3, 10, QLatin1Char('0')).arg(n + 1, 2, 10, QLatin1Char('0'));
                node.kind = n % 13 == 12 ? DeviceKind::StorageDBox : DeviceKind::GpuServer;
                node.vendor = QStringLiteral("Supermicro");
                node.model = QStringLiteral("SYS-821GE-TNHR");
                node.serial = QStringLiteral("SN%1").arg(r * 100 + n, 7, 10, QLatin1Char('0'));
                node.firmware = QStringLiteral("BMC 1.02.%1").arg(n % 5);
                node.bmcUrl = QStringLiteral("https://10.%1.%2.10").arg(r / 250).arg(r % 250);
                node.position = n + 1;
                node.health = (r * nodesPerRack + n) % 97 == 0 ? Health::Critical : Health::Ok;
                const Result<Device> added = inventory.addDevice(node);
                if (!added)
                    return added.error();
                if (const Result<Link> l = inventory.addLink(
                        {{}, site->id, {addedLeaf->id, QStringLiteral("swp%1").arg(n + 1)},
                         {added->id, QStringLiteral("eth0")}, 400, LinkSource::Lldp});
                    !l)
                    return l.error();
            }
            return success();
        });
        if (!status) {
            std::fprintf(stderr, "insert failed: %s\n", qUtf8Printable(status.error().message));
            return false;
        }
    }
    return true;
}

} // namespace NeoCloud::Bench
