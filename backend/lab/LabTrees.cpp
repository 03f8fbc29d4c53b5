// This file builds many JSON objects from concatenated paths; QStringBuilder's lazy
// concatenation types do not convert to QJsonValue, so plain QString concatenation is used here.
#undef QT_USE_QSTRINGBUILDER

#include "LabTrees.h"

#include <QJsonArray>

namespace NeoCloud {
namespace {

const QString root = QStringLiteral("/redfish/v1");

QJsonObject ref(const QString &path) { return {{QStringLiteral("@odata.id"), path}}; }

QJsonObject status(const QString &health = QStringLiteral("OK"), const QString &state = QStringLiteral("Enabled"))
{
    return {{QStringLiteral("State"), state}, {QStringLiteral("Health"), health}};
}

// Adds a collection and its members; `make(i)` builds member i (1-based) given its path.
template<typename Make>
QString collection(RedfishTree &tree, const QString &path, const QString &type, const QStringList &ids, Make make)
{
    QJsonArray members;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString memberPath = path + QLatin1Char('/') + ids.at(i);
        QJsonObject member = make(int(i), memberPath);
        member.insert(QStringLiteral("@odata.id"), memberPath);
        member.insert(QStringLiteral("Id"), ids.at(i));
        tree.insert(memberPath, member);
        members.append(ref(memberPath));
    }
    tree.insert(path, {{QStringLiteral("@odata.id"), path},
                       {QStringLiteral("@odata.type"), type},
                       {QStringLiteral("Members"), members},
                       {QStringLiteral("Members@odata.count"), int(members.size())}});
    return path;
}

QStringList numbered(const QString &prefix, int count, int first = 1)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids << prefix + QString::number(first + i);
    return ids;
}

QString serialOf(const LabDevice &d, const QString &part, int i)
{
    return d.serial + QLatin1Char('-') + part + QString::number(i + 1);
}

QJsonObject portResource(const LabDefinition &lab, const LabPort &p, const QString &type)
{
    QJsonObject lldp;
    if (!p.peerDevice.isEmpty()) {
        // What the peer transmits: its chassis MAC (its base MAC), its port name, its host name.
        const LabDevice *peer = lab.device(p.peerDevice);
        lldp = {{QStringLiteral("ChassisId"), peer ? peer->baseMac : QString()},
                {QStringLiteral("ChassisIdSubtype"), QStringLiteral("MacAddr")},
                {QStringLiteral("PortId"), p.peerPort},
                {QStringLiteral("PortIdSubtype"), QStringLiteral("IfName")},
                {QStringLiteral("SystemName"), p.peerDevice}};
    }
    QJsonObject ethernet{{QStringLiteral("AssociatedMACAddresses"), QJsonArray{p.mac}}};
    if (!lldp.isEmpty())
        ethernet.insert(QStringLiteral("LLDPReceive"), lldp);
    return {{QStringLiteral("@odata.type"), type},
            {QStringLiteral("Name"), p.name},
            {QStringLiteral("PortId"), p.name},
            {QStringLiteral("PortProtocol"), QStringLiteral("Ethernet")},
            {QStringLiteral("CurrentSpeedGbps"), p.speedGbps},
            {QStringLiteral("LinkStatus"), p.peerDevice.isEmpty() ? QStringLiteral("NoLink") : QStringLiteral("LinkUp")},
            {QStringLiteral("Status"), status()},
            {QStringLiteral("Ethernet"), ethernet}};
}

void addPower(RedfishTree &tree, const QString &chassis, const LabDevice &d)
{
    const LabTemplate &t = *d.tmpl;
    tree.insert(chassis + QStringLiteral("/PowerSubsystem"),
                {{QStringLiteral("@odata.id"), chassis + QStringLiteral("/PowerSubsystem")},
                 {QStringLiteral("@odata.type"), QStringLiteral("#PowerSubsystem.v1_1_0.PowerSubsystem")},
                 {QStringLiteral("PowerSupplies"), ref(chassis + QStringLiteral("/PowerSubsystem/PowerSupplies"))}});
    collection(tree, chassis + QStringLiteral("/PowerSubsystem/PowerSupplies"), QStringLiteral("#PowerSupplyCollection.PowerSupplyCollection"),
               numbered(QStringLiteral("PSU"), t.psus), [&](int i, const QString &) {
                   return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#PowerSupply.v1_5_0.PowerSupply")},
                                      {QStringLiteral("Name"), QStringLiteral("PSU%1").arg(i + 1)},
                                      {QStringLiteral("Model"), QStringLiteral("3000W Titanium")},
                                      {QStringLiteral("SerialNumber"), serialOf(d, QStringLiteral("P"), i)},
                                      {QStringLiteral("Status"), status()}};
               });
    tree.insert(chassis + QStringLiteral("/ThermalSubsystem"),
                {{QStringLiteral("@odata.id"), chassis + QStringLiteral("/ThermalSubsystem")},
                 {QStringLiteral("@odata.type"), QStringLiteral("#ThermalSubsystem.v1_0_0.ThermalSubsystem")},
                 {QStringLiteral("Fans"), ref(chassis + QStringLiteral("/ThermalSubsystem/Fans"))}});
    collection(tree, chassis + QStringLiteral("/ThermalSubsystem/Fans"), QStringLiteral("#FanCollection.FanCollection"),
               numbered(QStringLiteral("FAN"), t.fans), [&](int i, const QString &) {
                   return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#Fan.v1_3_0.Fan")},
                                      {QStringLiteral("Name"), QStringLiteral("Fan %1").arg(i + 1)},
                                      {QStringLiteral("Status"), status()}};
               });
}

QJsonObject chassisResource(const LabDefinition &lab, const LabDevice &d, const QString &type)
{
    const LabTemplate &t = *d.tmpl;
    QJsonObject placement{{QStringLiteral("Rack"), d.rack},
                          {QStringLiteral("RackOffset"), d.position},
                          {QStringLiteral("RackOffsetUnits"), QStringLiteral("EIA_310")}};
    if (!d.row.isEmpty())
        placement.insert(QStringLiteral("Row"), d.row);
    return {{QStringLiteral("@odata.type"), QStringLiteral("#Chassis.v1_23_0.Chassis")},
            {QStringLiteral("Name"), d.name},
            {QStringLiteral("ChassisType"), type},
            {QStringLiteral("Manufacturer"), t.vendor},
            {QStringLiteral("Model"), t.model},
            {QStringLiteral("SerialNumber"), d.serial},
            {QStringLiteral("PartNumber"), t.id},
            {QStringLiteral("HeightMm"), t.heightU * 44.45},
            {QStringLiteral("Location"), QJsonObject{{QStringLiteral("Placement"), placement},
                                                     {QStringLiteral("PartLocation"), QJsonObject{{QStringLiteral("ServiceLabel"), lab.site}}}}},
            {QStringLiteral("Status"), status()},
            {QStringLiteral("PowerSubsystem"), ref(root + QStringLiteral("/Chassis/1/PowerSubsystem"))},
            {QStringLiteral("ThermalSubsystem"), ref(root + QStringLiteral("/Chassis/1/ThermalSubsystem"))}};
}

void addSystem(RedfishTree &tree, const LabDevice &d)
{
    const LabTemplate &t = *d.tmpl;
    const QString system = root + QStringLiteral("/Systems/1");
    QStringList processorIds = numbered(QStringLiteral("CPU"), t.cpus) + numbered(QStringLiteral("GPU"), t.gpus);
    collection(tree, system + QStringLiteral("/Processors"), QStringLiteral("#ProcessorCollection.ProcessorCollection"), processorIds,
               [&](int i, const QString &) {
                   const bool gpu = i >= t.cpus;
                   const int n = gpu ? i - t.cpus : i;
                   QJsonObject p{{QStringLiteral("@odata.type"), QStringLiteral("#Processor.v1_18_0.Processor")},
                                 {QStringLiteral("Name"), gpu ? QStringLiteral("GPU%1").arg(n + 1) : QStringLiteral("CPU%1").arg(n + 1)},
                                 {QStringLiteral("ProcessorType"), gpu ? QStringLiteral("GPU") : QStringLiteral("CPU")},
                                 {QStringLiteral("Model"), gpu ? t.gpuModel : t.cpuModel},
                                 {QStringLiteral("Manufacturer"), gpu ? QStringLiteral("NVIDIA") : QStringLiteral("Intel")},
                                 {QStringLiteral("Status"), status()}};
                   if (gpu) {
                       p.insert(QStringLiteral("SerialNumber"), serialOf(d, QStringLiteral("G"), n));
                       p.insert(QStringLiteral("FirmwareVersion"), t.gpuFirmware);
                   }
                   return p;
               });
    collection(tree, system + QStringLiteral("/Memory"), QStringLiteral("#MemoryCollection.MemoryCollection"),
               numbered(QStringLiteral("DIMM"), t.dimms), [&](int i, const QString &) {
                   return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#Memory.v1_17_0.Memory")},
                                      {QStringLiteral("Name"), QStringLiteral("DIMM%1").arg(i + 1)},
                                      {QStringLiteral("CapacityMiB"), t.dimmGiB * 1024},
                                      {QStringLiteral("MemoryDeviceType"), QStringLiteral("DDR5")},
                                      {QStringLiteral("Status"), status()}};
               });
    QJsonArray driveLinks;
    collection(tree, system + QStringLiteral("/Storage/1/Drives"), QStringLiteral("#DriveCollection.DriveCollection"),
               numbered(QStringLiteral("Disk"), t.drives), [&](int i, const QString &path) {
                   driveLinks.append(ref(path));
                   return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#Drive.v1_17_0.Drive")},
                                      {QStringLiteral("Name"), QStringLiteral("NVMe %1").arg(i + 1)},
                                      {QStringLiteral("Model"), t.driveModel},
                                      {QStringLiteral("SerialNumber"), serialOf(d, QStringLiteral("D"), i)},
                                      {QStringLiteral("CapacityBytes"), double(t.driveBytes)},
                                      {QStringLiteral("MediaType"), QStringLiteral("SSD")},
                                      {QStringLiteral("Protocol"), QStringLiteral("NVMe")},
                                      {QStringLiteral("Status"), status()}};
               });
    collection(tree, system + QStringLiteral("/Storage"), QStringLiteral("#StorageCollection.StorageCollection"), {QStringLiteral("1")},
               [&](int, const QString &) {
                   return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#Storage.v1_15_0.Storage")},
                                      {QStringLiteral("Name"), QStringLiteral("NVMe storage")},
                                      {QStringLiteral("Drives"), driveLinks},
                                      {QStringLiteral("Status"), status()}};
               });
    tree.insert(system, {{QStringLiteral("@odata.id"), system},
                         {QStringLiteral("@odata.type"), QStringLiteral("#ComputerSystem.v1_20_0.ComputerSystem")},
                         {QStringLiteral("Id"), QStringLiteral("1")},
                         {QStringLiteral("Name"), d.name},
                         {QStringLiteral("HostName"), d.name},
                         {QStringLiteral("Manufacturer"), t.vendor},
                         {QStringLiteral("Model"), t.model},
                         {QStringLiteral("SerialNumber"), d.serial},
                         {QStringLiteral("BiosVersion"), firmwareOf(d)},
                         {QStringLiteral("PowerState"), QStringLiteral("On")},
                         {QStringLiteral("Status"), status()},
                         {QStringLiteral("Processors"), ref(system + QStringLiteral("/Processors"))},
                         {QStringLiteral("Memory"), ref(system + QStringLiteral("/Memory"))},
                         {QStringLiteral("Storage"), ref(system + QStringLiteral("/Storage"))},
                         {QStringLiteral("Links"), QJsonObject{{QStringLiteral("Chassis"), QJsonArray{ref(root + QStringLiteral("/Chassis/1"))}}}}});
    tree.insert(root + QStringLiteral("/Systems"), {{QStringLiteral("@odata.id"), root + QStringLiteral("/Systems")},
                                                    {QStringLiteral("@odata.type"), QStringLiteral("#ComputerSystemCollection.ComputerSystemCollection")},
                                                    {QStringLiteral("Members"), QJsonArray{ref(system)}}});
}

} // namespace

RedfishTree buildLabTree(const LabDefinition &lab, const LabDevice &d)
{
    const LabTemplate &t = *d.tmpl;
    RedfishTree tree;
    const bool isSwitch = t.kind == DeviceKind::Switch;
    const bool isPdu = t.kind == DeviceKind::Pdu;
    const bool hasSystem = !isSwitch && !isPdu && t.kind != DeviceKind::StorageDBox;
    QJsonObject serviceRoot{{QStringLiteral("@odata.id"), root},
                            {QStringLiteral("@odata.type"), QStringLiteral("#ServiceRoot.v1_15_0.ServiceRoot")},
                            {QStringLiteral("Id"), QStringLiteral("RootService")},
                            {QStringLiteral("Name"), QStringLiteral("Root Service")},
                            {QStringLiteral("RedfishVersion"), QStringLiteral("1.17.0")},
                            {QStringLiteral("UUID"), QStringLiteral("00000000-0000-4000-8000-") + QString(d.baseMac).remove(QLatin1Char(':')).leftJustified(12, QLatin1Char('0'))},
                            {QStringLiteral("Chassis"), ref(root + QStringLiteral("/Chassis"))},
                            {QStringLiteral("Managers"), ref(root + QStringLiteral("/Managers"))},
                            {QStringLiteral("SessionService"), ref(root + QStringLiteral("/SessionService"))},
                            {QStringLiteral("Links"), QJsonObject{{QStringLiteral("Sessions"), ref(root + QStringLiteral("/SessionService/Sessions"))}}},
                            {QStringLiteral("ProtocolFeaturesSupported"),
                             QJsonObject{{QStringLiteral("ExpandQuery"), QJsonObject{{QStringLiteral("ExpandAll"), t.expand},
                                                                                     {QStringLiteral("Levels"), t.expand},
                                                                                     {QStringLiteral("MaxLevels"), t.expand ? 1 : 0},
                                                                                     {QStringLiteral("Links"), t.expand},
                                                                                     {QStringLiteral("NoLinks"), t.expand}}}}}};
    if (hasSystem)
        serviceRoot.insert(QStringLiteral("Systems"), ref(root + QStringLiteral("/Systems")));
    if (isSwitch)
        serviceRoot.insert(QStringLiteral("Fabrics"), ref(root + QStringLiteral("/Fabrics")));
    if (isPdu)
        serviceRoot.insert(QStringLiteral("PowerEquipment"), ref(root + QStringLiteral("/PowerEquipment")));
    tree.insert(root, serviceRoot);
    tree.insert(root + QStringLiteral("/SessionService"), {{QStringLiteral("@odata.id"), root + QStringLiteral("/SessionService")},
                                                           {QStringLiteral("Sessions"), ref(root + QStringLiteral("/SessionService/Sessions"))}});
    tree.insert(root + QStringLiteral("/SessionService/Sessions"), {{QStringLiteral("@odata.id"), root + QStringLiteral("/SessionService/Sessions")},
                                                                    {QStringLiteral("Members"), QJsonArray()}});
    collection(tree, root + QStringLiteral("/Managers"), QStringLiteral("#ManagerCollection.ManagerCollection"), {QStringLiteral("BMC")},
               [&](int, const QString &) {
                   return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#Manager.v1_19_0.Manager")},
                                      {QStringLiteral("ManagerType"), QStringLiteral("BMC")},
                                      {QStringLiteral("FirmwareVersion"), firmwareOf(d)},
                                      {QStringLiteral("Status"), status()}};
               });

    const QString chassis = root + QStringLiteral("/Chassis/1");
    QJsonObject chassisJson = chassisResource(lab, d, t.kind == DeviceKind::StorageDBox ? QStringLiteral("StorageEnclosure")
                                                                                         : QStringLiteral("RackMount"));
    if (hasSystem) {
        addSystem(tree, d);
        chassisJson.insert(QStringLiteral("Links"), QJsonObject{{QStringLiteral("ComputerSystems"), QJsonArray{ref(root + QStringLiteral("/Systems/1"))}}});
    }
    if (t.kind == DeviceKind::StorageDBox) {
        // DBoxes hold SSDs and NVRAM (storage-class memory) behind the enclosure.
        QJsonArray links;
        QStringList ids = numbered(QStringLiteral("SSD"), t.drives) + numbered(QStringLiteral("NVRAM"), t.nvram);
        collection(tree, chassis + QStringLiteral("/Drives"), QStringLiteral("#DriveCollection.DriveCollection"), ids,
                   [&](int i, const QString &path) {
                       links.append(ref(path));
                       const bool nvram = i >= t.drives;
                       return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#Drive.v1_17_0.Drive")},
                                          {QStringLiteral("Name"), ids.at(i)},
                                          {QStringLiteral("Model"), nvram ? QStringLiteral("SCM NVRAM 1.5TB") : t.driveModel},
                                          {QStringLiteral("SerialNumber"), serialOf(d, nvram ? QStringLiteral("N") : QStringLiteral("S"), i)},
                                          {QStringLiteral("CapacityBytes"), double(nvram ? labNvramDriveBytes : t.driveBytes)},
                                          {QStringLiteral("MediaType"), nvram ? QStringLiteral("SCM") : QStringLiteral("SSD")},
                                          {QStringLiteral("Status"), status()}};
                   });
        chassisJson.insert(QStringLiteral("Drives"), ref(chassis + QStringLiteral("/Drives")));
    }
    if (!isSwitch && !d.ports.isEmpty()) {
        chassisJson.insert(QStringLiteral("NetworkAdapters"), ref(chassis + QStringLiteral("/NetworkAdapters")));
        collection(tree, chassis + QStringLiteral("/NetworkAdapters"), QStringLiteral("#NetworkAdapterCollection.NetworkAdapterCollection"),
                   numbered(QStringLiteral("NIC"), int(d.ports.size())), [&](int i, const QString &path) {
                       collection(tree, path + QStringLiteral("/Ports"), QStringLiteral("#PortCollection.PortCollection"), {QStringLiteral("1")},
                                  [&](int, const QString &) { return portResource(lab, d.ports.at(i), QStringLiteral("#Port.v1_10_0.Port")); });
                       return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#NetworkAdapter.v1_9_0.NetworkAdapter")},
                                          {QStringLiteral("Name"), QStringLiteral("NIC%1").arg(i + 1)},
                                          {QStringLiteral("Manufacturer"), QStringLiteral("NVIDIA")},
                                          {QStringLiteral("Model"), t.nicModel},
                                          {QStringLiteral("SerialNumber"), serialOf(d, QStringLiteral("N"), i)},
                                          {QStringLiteral("Ports"), ref(path + QStringLiteral("/Ports"))},
                                          {QStringLiteral("Status"), status()}};
                   });
    }
    if (isSwitch) {
        const QString fabric = root + QStringLiteral("/Fabrics/Ethernet");
        collection(tree, root + QStringLiteral("/Fabrics"), QStringLiteral("#FabricCollection.FabricCollection"), {QStringLiteral("Ethernet")},
                   [&](int, const QString &) {
                       return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#Fabric.v1_3_0.Fabric")},
                                          {QStringLiteral("FabricType"), QStringLiteral("Ethernet")},
                                          {QStringLiteral("Switches"), ref(fabric + QStringLiteral("/Switches"))}};
                   });
        collection(tree, fabric + QStringLiteral("/Switches"), QStringLiteral("#SwitchCollection.SwitchCollection"), {QStringLiteral("1")},
                   [&](int, const QString &path) {
                       QStringList portIds;
                       for (const LabPort &p : d.ports)
                           portIds << p.name;
                       collection(tree, path + QStringLiteral("/Ports"), QStringLiteral("#PortCollection.PortCollection"), portIds,
                                  [&](int i, const QString &) { return portResource(lab, d.ports.at(i), QStringLiteral("#Port.v1_10_0.Port")); });
                       return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#Switch.v1_9_0.Switch")},
                                          {QStringLiteral("Name"), d.name},
                                          {QStringLiteral("SwitchType"), QStringLiteral("Ethernet")},
                                          {QStringLiteral("Manufacturer"), t.vendor},
                                          {QStringLiteral("Model"), t.model},
                                          {QStringLiteral("SerialNumber"), d.serial},
                                          {QStringLiteral("FirmwareVersion"), firmwareOf(d)},
                                          {QStringLiteral("Ports"), ref(path + QStringLiteral("/Ports"))},
                                          {QStringLiteral("Status"), status()}};
                   });
    }
    if (isPdu) {
        const QString equipment = root + QStringLiteral("/PowerEquipment");
        tree.insert(equipment, {{QStringLiteral("@odata.id"), equipment},
                                {QStringLiteral("@odata.type"), QStringLiteral("#PowerEquipment.v1_2_0.PowerEquipment")},
                                {QStringLiteral("RackPDUs"), ref(equipment + QStringLiteral("/RackPDUs"))}});
        collection(tree, equipment + QStringLiteral("/RackPDUs"), QStringLiteral("#PowerDistributionCollection.PowerDistributionCollection"),
                   {QStringLiteral("1")}, [&](int, const QString &) {
                       return QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#PowerDistribution.v1_3_0.PowerDistribution")},
                                          {QStringLiteral("Name"), d.name},
                                          {QStringLiteral("EquipmentType"), QStringLiteral("RackPDU")},
                                          {QStringLiteral("Manufacturer"), t.vendor},
                                          {QStringLiteral("Model"), t.model},
                                          {QStringLiteral("SerialNumber"), d.serial},
                                          {QStringLiteral("FirmwareVersion"), firmwareOf(d)},
                                          {QStringLiteral("Status"), status()}};
                   });
    }
    addPower(tree, chassis, d);
    collection(tree, root + QStringLiteral("/Chassis"), QStringLiteral("#ChassisCollection.ChassisCollection"), {QStringLiteral("1")},
               [&](int, const QString &) { return chassisJson; });
    // Parts the lab definition builds broken (its asBuilt block), unlike faults never cleared.
    for (const LabDeviceFault &f : d.faults)
        applyTreeFault(tree, d, LabFault{{}, d.name, f.kind, f.component, 0, {}, {}, 0});
    return tree;
}

namespace {

bool markFailed(RedfishTree &tree, const QString &path)
{
    const QJsonObject *found = tree.find(path);
    if (!found)
        return false;
    QJsonObject r = *found;
    r.insert(QStringLiteral("Status"), status(QStringLiteral("Critical"), QStringLiteral("UnavailableOffline")));
    tree.insert(path, r);
    return true;
}

} // namespace

bool setPortDown(RedfishTree &tree, const LabDevice &device, const QString &port)
{
    for (const QString &path : tree.paths()) {
        if (!path.contains(QLatin1String("/Ports/")))
            continue;
        QJsonObject r = tree.value(path);
        if (r.value(QLatin1String("PortId")).toString() != port)
            continue;
        r.insert(QStringLiteral("LinkStatus"), QStringLiteral("LinkDown"));
        QJsonObject ethernet = r.value(QLatin1String("Ethernet")).toObject();
        ethernet.remove(QStringLiteral("LLDPReceive")); // nothing is heard on a dead link
        r.insert(QStringLiteral("Ethernet"), ethernet);
        tree.insert(path, r);
        return true;
    }
    Q_UNUSED(device)
    return false;
}

bool applyTreeFault(RedfishTree &tree, const LabDevice &device, const LabFault &fault)
{
    const QString system = root + QStringLiteral("/Systems/1");
    const QString chassis = root + QStringLiteral("/Chassis/1");
    if (fault.kind == QLatin1String("gpu-failed")) {
        const QString gpu = fault.component.isEmpty() ? QStringLiteral("GPU1") : fault.component;
        return markFailed(tree, system + QStringLiteral("/Processors/") + gpu);
    }
    if (fault.kind == QLatin1String("drive-failed")) {
        const QString drive = fault.component.isEmpty() ? QString() : fault.component;
        if (device.tmpl->kind == DeviceKind::StorageDBox)
            return markFailed(tree, chassis + QStringLiteral("/Drives/") + (drive.isEmpty() ? QStringLiteral("SSD1") : drive));
        return markFailed(tree, system + QStringLiteral("/Storage/1/Drives/") + (drive.isEmpty() ? QStringLiteral("Disk1") : drive));
    }
    if (fault.kind == QLatin1String("psu-failed"))
        return markFailed(tree, chassis + QStringLiteral("/PowerSubsystem/PowerSupplies/")
                                    + (fault.component.isEmpty() ? QStringLiteral("PSU1") : fault.component));
    if (fault.kind == QLatin1String("cnode-down")) {
        QJsonObject s = tree.value(system);
        if (s.isEmpty())
            return false;
        s.insert(QStringLiteral("PowerState"), QStringLiteral("Off"));
        s.insert(QStringLiteral("Status"), status(QStringLiteral("Critical"), QStringLiteral("UnavailableOffline")));
        tree.insert(system, s);
        return true;
    }
    if (fault.kind == QLatin1String("link-down"))
        return setPortDown(tree, device, fault.component);
    return true; // BMC-level faults leave the tree alone
}

} // namespace NeoCloud
