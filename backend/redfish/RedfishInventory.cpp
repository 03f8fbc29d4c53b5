#include "RedfishInventory.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace NeoCloud {
namespace {

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString().trimmed(); }

// The first non-empty of several properties, in order of preference.
QString firstText(std::initializer_list<std::pair<const QJsonObject &, const char *>> candidates)
{
    for (const auto &[object, key] : candidates)
        if (const QString text = str(object, key); !text.isEmpty())
            return text;
    return {};
}

// A NIC or switch port, and what LLDP hears on it.
Port portFrom(const QJsonObject &p, QList<LldpNeighbour> &neighbours)
{
    Port port;
    port.name = str(p, "PortId").isEmpty() ? str(p, "Id") : str(p, "PortId");
    port.speedGbps = p.value(QLatin1String("CurrentSpeedGbps")).toDouble();
    const QString linkStatus = str(p, "LinkStatus");
    port.linkState = linkStatus == QLatin1String("LinkUp") ? LinkState::Up
        : linkStatus.isEmpty()                           ? LinkState::Unknown
                                                         : LinkState::Down;
    const QJsonObject ethernet = p.value(QLatin1String("Ethernet")).toObject();
    const QJsonArray macs = ethernet.value(QLatin1String("AssociatedMACAddresses")).toArray();
    port.mac = macs.isEmpty() ? QString() : macs.first().toString().toLower();
    const QJsonObject lldp = ethernet.value(QLatin1String("LLDPReceive")).toObject();
    if (!str(lldp, "ChassisId").isEmpty())
        neighbours << LldpNeighbour{port.name, str(lldp, "ChassisId").toLower(), str(lldp, "PortId"), str(lldp, "SystemName")};
    return port;
}

QList<QJsonObject> members(const RedfishTree &tree, const QString &collectionPath)
{
    QList<QJsonObject> out;
    const QJsonObject *collection = tree.find(collectionPath);
    if (!collection)
        return out;
    for (const QJsonValue &member : collection->value(QLatin1String("Members")).toArray()) {
        const QJsonObject link = member.toObject();
        const QString id = link.value(QLatin1String("@odata.id")).toString();
        if (const QJsonObject *resource = tree.find(id))
            out.append(*resource);
        else if (link.size() > 1) // expanded inline
            out.append(link);
    }
    return out;
}

QString link(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject().value(QLatin1String("@odata.id")).toString();
}

Health healthOf(const QJsonObject &resource)
{
    const QJsonObject status = resource.value(QLatin1String("Status")).toObject();
    const QString state = status.value(QLatin1String("State")).toString();
    const QString health = status.value(QLatin1String("Health")).toString();
    if (health == QLatin1String("Critical"))
        return Health::Critical;
    if (health == QLatin1String("Warning"))
        return Health::Warning;
    if (state == QLatin1String("UnavailableOffline"))
        return Health::Critical;
    if (health == QLatin1String("OK"))
        return Health::Ok;
    return Health::Unknown;
}

bool absent(const QJsonObject &resource)
{
    return resource.value(QLatin1String("Status")).toObject().value(QLatin1String("State")).toString()
        == QLatin1String("Absent");
}

Health worst(Health a, Health b)
{
    auto rank = [](Health h) {
        switch (h) {
        case Health::Critical: return 3;
        case Health::Warning: return 2;
        case Health::Ok: return 1;
        case Health::Unknown: return 0;
        }
        return 0;
    };
    return rank(a) >= rank(b) ? a : b;
}

Component component(ComponentKind kind, const QJsonObject &r, qint64 capacity = 0)
{
    Component c;
    c.kind = kind;
    c.name = str(r, "Name").isEmpty() ? str(r, "Id") : str(r, "Name");
    c.model = str(r, "Model");
    if (c.model.isEmpty())
        c.model = str(r, "PartNumber");
    c.serial = str(r, "SerialNumber");
    c.firmware = str(r, "FirmwareVersion");
    c.capacityBytes = capacity;
    c.health = healthOf(r);
    return c;
}

// Redfish names are not unique inside a device (two "Fan" entries); the store requires that.
void uniquify(QList<Component> &components)
{
    QHash<QString, int> seen;
    for (Component &c : components) {
        const QString key = QString::number(int(c.kind)) + c.name;
        const int n = seen[key]++;
        if (n > 0)
            c.name += QStringLiteral(" #%1").arg(n + 1);
    }
}

} // namespace

DiscoveredDevice inventoryFromTree(const RedfishTree &tree)
{
    DiscoveredDevice out;
    Device &device = out.device;
    const QJsonObject root = tree.value(QStringLiteral("/redfish/v1"));

    const QList<QJsonObject> systems = members(tree, link(root, "Systems"));
    // Every chassis the crawl reached, including those only linked through Links.Contains
    // (a SmartNIC card inside a server is not always a member of the Chassis collection).
    QList<QJsonObject> chassis = members(tree, link(root, "Chassis"));
    QStringList paths = tree.paths();
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        const QJsonObject r = tree.value(path);
        if (r.value(QLatin1String("@odata.type")).toString().startsWith(QLatin1String("#Chassis."))
            && !chassis.contains(r))
            chassis.append(r);
    }
    QList<QJsonObject> pdus;
    if (const QString equipment = link(root, "PowerEquipment"); !equipment.isEmpty()) {
        const QJsonObject eq = tree.value(equipment);
        pdus = members(tree, link(eq, "RackPDUs"));
    }
    QList<QJsonObject> switches;
    for (const QJsonObject &fabric : members(tree, link(root, "Fabrics")))
        switches += members(tree, link(fabric, "Switches"));

    // The main chassis: one not contained in another, preferring one that knows its serial.
    QJsonObject mainChassis;
    for (const QJsonObject &c : chassis) {
        const bool topLevel = c.value(QLatin1String("Links")).toObject().value(QLatin1String("ContainedBy")).isUndefined();
        if (topLevel && (mainChassis.isEmpty() || (str(mainChassis, "SerialNumber").isEmpty() && !str(c, "SerialNumber").isEmpty())))
            mainChassis = c;
    }
    if (mainChassis.isEmpty() && !chassis.isEmpty())
        mainChassis = chassis.first();
    const QJsonObject firstSystem = systems.isEmpty() ? QJsonObject() : systems.first();
    const QJsonObject identity = !pdus.isEmpty() ? pdus.first()
        : !switches.isEmpty()                     ? switches.first()
        : !firstSystem.isEmpty()                  ? firstSystem
                                                  : mainChassis;

    device.vendor = firstText({{identity, "Manufacturer"}, {mainChassis, "Manufacturer"}});
    device.model = firstText({{identity, "Model"}, {mainChassis, "Model"}});
    device.serial = firstText({{mainChassis, "SerialNumber"}, {identity, "SerialNumber"}});
    device.firmware = firstText({{identity, "BiosVersion"}, {identity, "FirmwareVersion"}});
    device.name = firstText({{firstSystem, "HostName"}, {identity, "Name"}, {mainChassis, "Name"}});
    device.health = healthOf(identity);

    // Placement: Location.Placement on any chassis (the PDU keeps it on its own resource).
    for (const QJsonObject &c : QList<QJsonObject>{identity, mainChassis} + chassis) {
        const QJsonObject placement = c.value(QLatin1String("Location")).toObject().value(QLatin1String("Placement")).toObject();
        if (placement.contains(QLatin1String("Rack"))) {
            out.rackName = placement.value(QLatin1String("Rack")).toString();
            out.row = placement.value(QLatin1String("Row")).toString();
            if (placement.contains(QLatin1String("RackOffset")))
                device.position = placement.value(QLatin1String("RackOffset")).toInt();
            break;
        }
    }
    if (out.rackName.isEmpty())
        out.warnings << QStringLiteral("no rack placement (Location.Placement) reported");
    const double heightMm = mainChassis.value(QLatin1String("HeightMm")).toDouble();
    device.heightU = heightMm > 0 ? qBound(1, int(std::lround(heightMm / 44.45)), 20) : 1;

    // Components.
    QList<Component> components;
    int gpuProcessors = 0;
    for (const QJsonObject &system : systems) {
        for (const QJsonObject &p : members(tree, link(system, "Processors"))) {
            if (absent(p))
                continue;
            const QString type = str(p, "ProcessorType");
            if (type == QLatin1String("GPU")) {
                components << component(ComponentKind::Gpu, p);
                ++gpuProcessors;
            } else if (type == QLatin1String("CPU") || type.isEmpty()) {
                components << component(ComponentKind::Cpu, p);
            }
        }
        for (const QJsonObject &m : members(tree, link(system, "Memory"))) {
            if (absent(m))
                continue;
            components << component(ComponentKind::Memory, m,
                                    qint64(m.value(QLatin1String("CapacityMiB")).toDouble()) << 20);
        }
        for (const QJsonObject &e : members(tree, link(system, "EthernetInterfaces"))) {
            const QString mac = str(e, "MACAddress").toLower();
            if (!mac.isEmpty() && !out.macs.contains(mac))
                out.macs << mac;
        }
    }

    // Drives: from Storage and from chassis links; one drive may be linked from both.
    QSet<QString> drivePaths;
    auto addDrives = [&](const QJsonArray &links) {
        for (const QJsonValue &l : links)
            drivePaths.insert(RedfishTree::normalise(l.toObject().value(QLatin1String("@odata.id")).toString()));
    };
    for (const QJsonObject &system : systems)
        for (const QJsonObject &storage : members(tree, link(system, "Storage")))
            addDrives(storage.value(QLatin1String("Drives")).toArray());
    for (const QJsonObject &c : chassis) {
        addDrives(c.value(QLatin1String("Links")).toObject().value(QLatin1String("Drives")).toArray());
        for (const QJsonObject &d : members(tree, link(c, "Drives")))
            drivePaths.insert(RedfishTree::normalise(d.value(QLatin1String("@odata.id")).toString()));
    }
    QStringList sortedDrives(drivePaths.begin(), drivePaths.end());
    sortedDrives.sort();
    for (const QString &path : sortedDrives) {
        const QJsonObject *drive = tree.find(path);
        if (!drive) {
            out.warnings << QStringLiteral("drive %1 is linked but could not be read").arg(path);
            continue;
        }
        if (!absent(*drive))
            components << component(ComponentKind::Drive, *drive,
                                    qint64(drive->value(QLatin1String("CapacityBytes")).toDouble()));
    }

    // Chassis-level parts: NICs and their ports, GPUs only visible as PCIe devices, PSUs, fans.
    int pcieGpus = 0;
    QList<Component> pcieGpuComponents;
    QStringList portAdapters; // per NIC port, its adapter's id, to disambiguate repeated names
    for (const QJsonObject &c : chassis) {
        for (const QJsonObject &adapter : members(tree, link(c, "NetworkAdapters"))) {
            components << component(ComponentKind::Nic, adapter);
            QString portsPath = link(adapter, "Ports");
            if (portsPath.isEmpty())
                portsPath = link(adapter, "NetworkPorts");
            for (const QJsonObject &p : members(tree, portsPath)) {
                const Port port = portFrom(p, out.neighbours);
                device.ports << port;
                portAdapters << str(adapter, "Id");
                if (!port.mac.isEmpty() && !out.macs.contains(port.mac))
                    out.macs << port.mac;
            }
        }
        for (const QJsonObject &pcie : members(tree, link(c, "PCIeDevices"))) {
            bool gpu = false;
            for (const QJsonObject &f : members(tree, link(pcie, "PCIeFunctions"))) {
                const QString cls = str(f, "DeviceClass");
                gpu |= cls == QLatin1String("DisplayController") || cls == QLatin1String("ProcessingAccelerators");
            }
            if (gpu) {
                pcieGpuComponents << component(ComponentKind::Gpu, pcie);
                ++pcieGpus;
            }
        }
        QList<QJsonObject> psus = members(tree, link(tree.value(link(c, "PowerSubsystem")), "PowerSupplies"));
        if (psus.isEmpty()) // the older Power resource lists supplies inline
            for (const QJsonValue &v : tree.value(link(c, "Power")).value(QLatin1String("PowerSupplies")).toArray())
                psus << v.toObject();
        for (const QJsonObject &psu : psus)
            if (!absent(psu))
                components << component(ComponentKind::Psu, psu);
        QList<QJsonObject> fans = members(tree, link(tree.value(link(c, "ThermalSubsystem")), "Fans"));
        if (fans.isEmpty())
            for (const QJsonValue &v : tree.value(link(c, "Thermal")).value(QLatin1String("Fans")).toArray())
                fans << v.toObject();
        for (const QJsonObject &fan : fans)
            if (!absent(fan))
                components << component(ComponentKind::Fan, fan);
    }
    // Only when the host does not list its GPUs as processors do PCIe functions stand in for
    // them; counting both would double every GPU.
    if (gpuProcessors == 0)
        components += pcieGpuComponents;

    // Port ids repeat across adapters ("1", "2" on each NIC); the store needs unique names.
    QHash<QString, int> portNameCount;
    for (const Port &p : device.ports)
        ++portNameCount[p.name];
    for (qsizetype i = 0; i < device.ports.size(); ++i) {
        if (portNameCount.value(device.ports[i].name) < 2)
            continue;
        const QString unique = portAdapters.at(i) + QLatin1Char('/') + device.ports[i].name;
        for (LldpNeighbour &n : out.neighbours)
            if (n.localPort == device.ports[i].name)
                n.localPort = unique;
        device.ports[i].name = unique;
    }

    // Switch ports, with what LLDP hears on them.
    for (const QJsonObject &sw : switches) {
        for (const QJsonObject &p : members(tree, link(sw, "Ports")))
            device.ports << portFrom(p, out.neighbours);
    }

    for (const Component &c : components)
        device.health = worst(device.health, c.health);
    uniquify(components);
    device.components = components;

    // Kind.
    const QString modelText = (device.model + QLatin1Char(' ') + str(mainChassis, "Model")).toLower();
    const QString chassisType = str(mainChassis, "ChassisType");
    const int gpus = gpuProcessors > 0 ? gpuProcessors : pcieGpus;
    if (!pdus.isEmpty())
        device.kind = DeviceKind::Pdu;
    else if (!switches.isEmpty())
        device.kind = DeviceKind::Switch;
    else if (modelText.contains(QLatin1String("cnode")))
        device.kind = DeviceKind::StorageCNode;
    else if (modelText.contains(QLatin1String("dbox")) || (gpus == 0 && chassisType == QLatin1String("StorageEnclosure")))
        device.kind = DeviceKind::StorageDBox;
    else if (gpus > 0)
        device.kind = DeviceKind::GpuServer;
    else
        device.kind = DeviceKind::Other;
    return out;
}

} // namespace NeoCloud
