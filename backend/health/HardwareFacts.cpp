#include "HardwareFacts.h"

#include "core/Time.h"
#include "redfish/RedfishInventory.h"

#include <algorithm>

namespace NeoCloud {
namespace {

bool hasHost(DeviceKind kind)
{
    return kind == DeviceKind::StorageCNode || kind == DeviceKind::GpuServer
        || kind == DeviceKind::Other;
}

// A ComputerSystem that is off or says it failed: the host does not serve, whatever its parts say.
bool systemFailed(const QJsonObject &system)
{
    const QJsonObject status = system.value(QLatin1String("Status")).toObject();
    return system.value(QLatin1String("PowerState")).toString() == QLatin1String("Off")
        || status.value(QLatin1String("Health")).toString() == QLatin1String("Critical")
        || status.value(QLatin1String("State")).toString() == QLatin1String("UnavailableOffline");
}

} // namespace

DeviceFacts factsFromDevice(const Device &device)
{
    DeviceFacts facts;
    facts.id = device.id;
    facts.name = device.name;
    facts.kind = device.kind;
    facts.observed = true;
    facts.reachable = device.state != QLatin1String("unreachable");
    if (!facts.reachable)
        facts.bmcProblem = QStringLiteral("BMC unreachable at the last scan");
    facts.components = device.components;
    for (const Port &p : device.ports)
        facts.ports.insert(p.name, p.linkState);
    const bool partFailed
        = std::any_of(device.components.begin(), device.components.end(),
                      [](const Component &c) { return c.health == Health::Critical; });
    facts.systemDown = hasHost(device.kind) && device.health == Health::Critical && !partFailed;
    facts.observedAt = device.updatedAt;
    return facts;
}

DeviceFacts factsFromTree(const RedfishTree &tree, const DeviceFacts &known)
{
    DeviceFacts facts;
    facts.id = known.id;
    facts.name = known.name;
    facts.kind = known.kind;
    facts.vmsState = known.vmsState;
    facts.observed = true;
    facts.reachable = true;
    const DiscoveredDevice found = inventoryFromTree(tree);
    facts.components = found.device.components;
    for (const Port &p : found.device.ports)
        facts.ports.insert(p.name, p.linkState);
    for (const QString &path : tree.paths()) {
        const QJsonObject *r = tree.find(path);
        if (r
            && r->value(QLatin1String("@odata.type"))
                   .toString()
                   .startsWith(QLatin1String("#ComputerSystem."))
            && systemFailed(*r))
            facts.systemDown = true;
    }
    facts.observedAt = nowIso();
    return facts;
}

DeviceFacts unreachableFacts(const DeviceFacts &known, const QString &problem)
{
    DeviceFacts facts = known;
    facts.observed = true;
    facts.reachable = false;
    facts.bmcProblem = problem;
    facts.observedAt = nowIso();
    return facts;
}

} // namespace NeoCloud
