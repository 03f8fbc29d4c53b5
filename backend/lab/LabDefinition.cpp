#include "LabDefinition.h"

#include "LabTrees.h"
#include "domain/Enums.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>

namespace NeoCloud {
namespace {

Error invalid(const QString &where, const QString &message)
{
    return Error{ErrorKind::Unprocessable, QStringLiteral("invalid_lab"), where + QStringLiteral(": ") + message, where};
}

QString pad(int n, int width) { return QString::number(n).rightJustified(width, QLatin1Char('0')); }

// Stable pseudo-random bytes from a name, so serials and MACs survive restarts.
QByteArray digest(const QString &lab, const QString &name)
{
    return QCryptographicHash::hash((lab + QLatin1Char('/') + name).toUtf8(), QCryptographicHash::Sha256);
}

QString macFrom(const QByteArray &bytes, int index)
{
    // 02: locally administered, unicast.
    QByteArray mac = QByteArray::fromHex("02") + bytes.left(4);
    mac.append(char(index & 0xff));
    return QString::fromLatin1(mac.toHex(':'));
}

QString expandName(QString pattern, const QString &rack, int n, int global)
{
    pattern.replace(QLatin1String("{rack}"), rack.toLower());
    pattern.replace(QLatin1String("{n}"), pad(n, 2));
    pattern.replace(QLatin1String("{g}"), pad(global, 4));
    return pattern;
}

LabTemplate parseTemplate(const QString &id, const QJsonObject &t)
{
    LabTemplate tmpl;
    tmpl.id = id;
    tmpl.kind = parseEnum<DeviceKind>(t.value(QLatin1String("kind")).toString()).value_or(DeviceKind::Other);
    tmpl.role = t.value(QLatin1String("role")).toString();
    tmpl.vendor = t.value(QLatin1String("vendor")).toString();
    tmpl.model = t.value(QLatin1String("model")).toString();
    tmpl.firmware = t.value(QLatin1String("firmware")).toString();
    tmpl.heightU = t.value(QLatin1String("heightU")).toInt(1);
    const QJsonObject gpus = t.value(QLatin1String("gpus")).toObject();
    tmpl.gpus = gpus.value(QLatin1String("count")).toInt();
    tmpl.gpuModel = gpus.value(QLatin1String("model")).toString();
    tmpl.gpuFirmware = gpus.value(QLatin1String("firmware")).toString();
    const QJsonObject cpus = t.value(QLatin1String("cpus")).toObject();
    tmpl.cpus = cpus.value(QLatin1String("count")).toInt();
    tmpl.cpuModel = cpus.value(QLatin1String("model")).toString();
    const QJsonObject memory = t.value(QLatin1String("memory")).toObject();
    tmpl.dimms = memory.value(QLatin1String("count")).toInt();
    tmpl.dimmGiB = memory.value(QLatin1String("sizeGiB")).toInt(64);
    const QJsonObject drives = t.value(QLatin1String("drives")).toObject();
    tmpl.drives = drives.value(QLatin1String("count")).toInt();
    tmpl.driveModel = drives.value(QLatin1String("model")).toString();
    tmpl.driveBytes = qint64(drives.value(QLatin1String("sizeGB")).toDouble() * 1e9);
    tmpl.nvram = drives.value(QLatin1String("nvram")).toInt();
    const QJsonObject nics = t.value(QLatin1String("nics")).toObject();
    tmpl.nics = nics.value(QLatin1String("count")).toInt();
    tmpl.nicModel = nics.value(QLatin1String("model")).toString();
    tmpl.nicSpeedGbps = nics.value(QLatin1String("speedGbps")).toDouble(100);
    tmpl.uplinks = t.value(QLatin1String("uplinks")).toInt();
    tmpl.switchPorts = t.value(QLatin1String("ports")).toInt();
    tmpl.spineUplinks = t.value(QLatin1String("spineUplinks")).toInt();
    tmpl.psus = t.value(QLatin1String("psus")).toInt();
    tmpl.fans = t.value(QLatin1String("fans")).toInt();
    tmpl.expand = t.value(QLatin1String("expand")).toBool(true);
    if (tmpl.kind == DeviceKind::Switch && tmpl.switchPorts == 0)
        tmpl.switchPorts = 32;
    return tmpl;
}

// "vms": false turns the double off; an object overrides the defaults in LabVms.
Status parseVms(const QJsonValue &json, LabDefinition &lab)
{
    LabVms &vms = lab.vms;
    vms.token = QString::fromLatin1(digest(lab.name, QStringLiteral("vms-api-token")).toHex().left(40));
    vms.cluster = lab.site + QStringLiteral("-vast");
    if (json.isUndefined())
        return success();
    if (json.isBool()) {
        vms.enabled = json.toBool();
        return success();
    }
    if (!json.isObject())
        return invalid(QStringLiteral("vms"), QStringLiteral("must be an object or false"));
    const QJsonObject o = json.toObject();
    vms.enabled = o.value(QLatin1String("enabled")).toBool(true);
    vms.address = o.value(QLatin1String("address")).toString(vms.address);
    if (QHostAddress(vms.address).isNull())
        return invalid(QStringLiteral("vms.address"), QStringLiteral("'%1' is not an IP address").arg(vms.address));
    const int port = o.value(QLatin1String("port")).toInt(vms.port);
    if (port < 0 || port > 65535)
        return invalid(QStringLiteral("vms.port"), QStringLiteral("must be 0 to 65535"));
    vms.port = quint16(port);
    vms.token = o.value(QLatin1String("token")).toString(vms.token);
    vms.username = o.value(QLatin1String("username")).toString(vms.username);
    vms.password = o.value(QLatin1String("password")).toString(vms.password);
    vms.cluster = o.value(QLatin1String("cluster")).toString(vms.cluster);
    vms.drr = o.value(QLatin1String("drr")).toDouble(vms.drr);
    if (vms.drr < 1.0)
        return invalid(QStringLiteral("vms.drr"), QStringLiteral("a data reduction ratio is at least 1"));
    return success();
}


// "asBuilt": how the built lab differs from its design, for commissioning demos: cables swapped
// at one end, devices moved, devices never installed, a firmware outlier, parts built broken.
Status applyAsBuilt(const QJsonValue &json, LabDefinition &lab)
{
    if (json.isUndefined())
        return success();
    if (!json.isObject())
        return invalid(QStringLiteral("asBuilt"), QStringLiteral("must be an object"));
    const QJsonObject o = json.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!QStringList{QStringLiteral("swapCables"), QStringLiteral("moved"), QStringLiteral("absent"), QStringLiteral("firmware"),
                         QStringLiteral("faults"), QStringLiteral("description")}.contains(it.key()))
            return invalid(QStringLiteral("asBuilt.") + it.key(), QStringLiteral("unknown key"));
    lab.design = lab.devices;
    auto deviceAt = [&](const QString &where, const QString &name) -> Result<LabDevice *> {
        const auto i = lab.index.constFind(name);
        if (i == lab.index.constEnd())
            return invalid(where, QStringLiteral("no device named '%1'").arg(name));
        return &lab.devices[*i];
    };
    auto portAt = [&](const QString &where, const QString &end) -> Result<LabPort *> {
        const QString device = end.section(QLatin1Char(':'), 0, 0), port = end.section(QLatin1Char(':'), 1);
        const auto d = deviceAt(where, device);
        if (!d)
            return d.error();
        for (LabPort &p : (*d)->ports)
            if (p.name == port)
                return &p;
        return invalid(where, QStringLiteral("%1 has no port '%2'").arg(device, port));
    };
    auto peerPort = [&](const LabPort &p) -> LabPort * {
        LabDevice &peer = lab.devices[lab.index.value(p.peerDevice)];
        for (LabPort &q : peer.ports)
            if (q.name == p.peerPort)
                return &q;
        return nullptr;
    };

    const QJsonArray swaps = o.value(QLatin1String("swapCables")).toArray();
    for (qsizetype i = 0; i < swaps.size(); ++i) {
        const QString where = QStringLiteral("asBuilt.swapCables[%1]").arg(i);
        const QJsonArray pair = swaps.at(i).toArray();
        if (pair.size() != 2)
            return invalid(where, QStringLiteral("a swap names two ports, [\"leaf:swp6\", \"leaf:swp8\"]"));
        const auto first = portAt(where, pair.at(0).toString()), second = portAt(where, pair.at(1).toString());
        if (!first || !second)
            return first ? second.error() : first.error();
        LabPort *p1 = *first, *p2 = *second;
        if (p1->peerDevice.isEmpty() || p2->peerDevice.isEmpty())
            return invalid(where, QStringLiteral("both ports must be cabled"));
        LabPort *q1 = peerPort(*p1), *q2 = peerPort(*p2);
        const QString p1Device = q1->peerDevice, p2Device = q2->peerDevice;
        // The two cables exchange their ends at p1 and p2: p1 now reaches q2, p2 reaches q1.
        std::swap(p1->peerDevice, p2->peerDevice);
        std::swap(p1->peerPort, p2->peerPort);
        q1->peerDevice = p2Device;
        q1->peerPort = p2->name;
        q2->peerDevice = p1Device;
        q2->peerPort = p1->name;
    }

    const QJsonArray moved = o.value(QLatin1String("moved")).toArray();
    for (qsizetype i = 0; i < moved.size(); ++i) {
        const QString where = QStringLiteral("asBuilt.moved[%1]").arg(i);
        const QJsonObject m = moved.at(i).toObject();
        const auto d = deviceAt(where, m.value(QLatin1String("device")).toString());
        if (!d)
            return d.error();
        LabDevice &device = **d;
        device.rack = m.value(QLatin1String("rack")).toString(device.rack);
        device.position = m.value(QLatin1String("position")).toInt(device.position);
        const int units = lab.rackUnits.value(device.rack, 0);
        if (units == 0 || device.position < 1 || device.position + device.tmpl->heightU - 1 > units)
            return invalid(where, QStringLiteral("%1 does not fit rack %2 at U%3").arg(device.name, device.rack).arg(device.position));
    }

    for (const QJsonValue &name : o.value(QLatin1String("absent")).toArray()) {
        const auto d = deviceAt(QStringLiteral("asBuilt.absent"), name.toString());
        if (!d)
            return d.error();
        (*d)->absent = true;
        for (LabPort &p : (*d)->ports) {
            if (p.peerDevice.isEmpty())
                continue;
            if (LabPort *q = peerPort(p)) {
                q->peerDevice.clear();
                q->peerPort.clear();
            }
            p.peerDevice.clear();
            p.peerPort.clear();
        }
    }

    const QJsonArray firmware = o.value(QLatin1String("firmware")).toArray();
    for (qsizetype i = 0; i < firmware.size(); ++i) {
        const QString where = QStringLiteral("asBuilt.firmware[%1]").arg(i);
        const auto d = deviceAt(where, firmware.at(i)[QLatin1String("device")].toString());
        if (!d)
            return d.error();
        (*d)->firmware = firmware.at(i)[QLatin1String("firmware")].toString();
        if ((*d)->firmware.isEmpty())
            return invalid(where, QStringLiteral("firmware is required"));
    }

    const QJsonArray faults = o.value(QLatin1String("faults")).toArray();
    for (qsizetype i = 0; i < faults.size(); ++i) {
        const QString where = QStringLiteral("asBuilt.faults[%1]").arg(i);
        const auto d = deviceAt(where, faults.at(i)[QLatin1String("device")].toString());
        if (!d)
            return d.error();
        const LabDeviceFault fault{faults.at(i)[QLatin1String("kind")].toString(), faults.at(i)[QLatin1String("component")].toString()};
        if (!QStringList{QStringLiteral("gpu-failed"), QStringLiteral("drive-failed"), QStringLiteral("psu-failed")}.contains(fault.kind))
            return invalid(where, QStringLiteral("kind must be gpu-failed, drive-failed or psu-failed"));
        RedfishTree probe = buildLabTree(lab, **d);
        if (!applyTreeFault(probe, **d, LabFault{{}, (*d)->name, fault.kind, fault.component, 0, {}, {}, 0}))
            return invalid(where, QStringLiteral("%1 has no component '%2'").arg((*d)->name, fault.component));
        (*d)->faults << fault;
    }
    return success();
}

} // namespace

const LabDevice *LabDefinition::device(const QString &name) const
{
    const auto it = index.constFind(name);
    return it == index.constEnd() ? nullptr : &devices.at(*it);
}

Result<LabDefinition> LabDefinition::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(path, QStringLiteral("cannot read the lab definition (%1)").arg(file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(path, QStringLiteral("not a JSON object (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    return parse(doc.object());
}

Result<LabDefinition> LabDefinition::parse(const QJsonObject &json)
{
    LabDefinition lab;
    lab.name = json.value(QLatin1String("name")).toString();
    lab.site = json.value(QLatin1String("site")).toString(lab.name);
    if (lab.name.isEmpty())
        return invalid(QStringLiteral("name"), QStringLiteral("a lab needs a name"));
    const QJsonObject bmc = json.value(QLatin1String("bmc")).toObject();
    lab.username = bmc.value(QLatin1String("username")).toString(lab.username);
    lab.password = bmc.value(QLatin1String("password")).toString(lab.password);
    lab.network = bmc.value(QLatin1String("network")).toString(lab.network);
    lab.port = quint16(bmc.value(QLatin1String("port")).toInt(0));

    if (Status s = parseVms(json.value(QLatin1String("vms")), lab); !s)
        return s.error();

    const QJsonObject templates = json.value(QLatin1String("templates")).toObject();
    for (auto it = templates.begin(); it != templates.end(); ++it)
        lab.templates.insert(it.key(), std::make_shared<const LabTemplate>(parseTemplate(it.key(), it.value().toObject())));

    QHash<QString, int> globalCount;
    const QJsonArray racks = json.value(QLatin1String("racks")).toArray();
    for (qsizetype r = 0; r < racks.size(); ++r) {
        const QJsonObject rackJson = racks.at(r).toObject();
        const int repeat = rackJson.value(QLatin1String("count")).toInt(1);
        for (int i = 1; i <= repeat; ++i) {
            QString rackName = rackJson.value(QLatin1String("name")).toString();
            rackName.replace(QLatin1String("{i}"), pad(i, repeat >= 100 ? 3 : 2));
            const int units = rackJson.value(QLatin1String("units")).toInt(48);
            lab.rackUnits.insert(rackName, units);
            const QString row = rackJson.value(QLatin1String("row")).toString();
            const QJsonArray groups = rackJson.value(QLatin1String("devices")).toArray();
            for (qsizetype g = 0; g < groups.size(); ++g) {
                const QJsonObject group = groups.at(g).toObject();
                const QString where = QStringLiteral("racks[%1].devices[%2]").arg(r).arg(g);
                const QString templateId = group.value(QLatin1String("template")).toString();
                if (!lab.templates.contains(templateId))
                    return invalid(where, QStringLiteral("unknown template '%1'").arg(templateId));
                const std::shared_ptr<const LabTemplate> shared = lab.templates.value(templateId);
                const LabTemplate &tmpl = *shared;
                const int count = group.value(QLatin1String("count")).toInt(1);
                const int start = group.value(QLatin1String("position")).toInt(1);
                const int step = group.value(QLatin1String("step")).toInt(tmpl.heightU);
                const QString pattern = group.value(QLatin1String("name")).toString(templateId + QStringLiteral("-{g}"));
                for (int n = 1; n <= count; ++n) {
                    LabDevice d;
                    d.tmpl = shared;
                    d.rack = rackName;
                    d.row = row;
                    d.position = start + (n - 1) * step;
                    d.name = expandName(pattern, rackName, n, ++globalCount[templateId]);
                    if (d.position < 1 || d.position + tmpl.heightU - 1 > units)
                        return invalid(where, QStringLiteral("%1 at U%2 (%3U) does not fit a %4U rack").arg(d.name).arg(d.position).arg(tmpl.heightU).arg(units));
                    if (lab.device(d.name))
                        return invalid(where, QStringLiteral("two devices are named %1").arg(d.name));
                    const QByteArray bytes = digest(lab.name, d.name);
                    d.serial = QString::fromLatin1(bytes.mid(8, 5).toHex()).toUpper().prepend(tmpl.vendor.left(2).toUpper());
                    d.baseMac = macFrom(bytes, 0);
                    const int portCount = tmpl.kind == DeviceKind::Switch ? tmpl.switchPorts : tmpl.nics;
                    for (int p = 0; p < portCount; ++p) {
                        LabPort port;
                        port.name = tmpl.kind == DeviceKind::Switch ? QStringLiteral("swp%1").arg(p + 1) : QStringLiteral("eth%1").arg(p);
                        port.mac = macFrom(bytes, p + 1);
                        port.speedGbps = tmpl.nicSpeedGbps;
                        d.ports << port;
                    }
                    lab.index.insert(d.name, lab.devices.size());
                    lab.devices << d;
                }
            }
        }
    }
    // Cabling: nodes' uplinks to their rack's leaf (or the rack named by "leafRack"), leaves to
    // every spine. Switch ports are handed out in order.
    QHash<QString, int> nextPort;
    auto freePort = [&](LabDevice &sw) -> LabPort * {
        int &i = nextPort[sw.name];
        if (i >= sw.ports.size())
            return nullptr;
        return &sw.ports[i++];
    };
    auto cable = [](LabDevice &a, LabPort &pa, LabDevice &b, LabPort &pb) {
        pa.peerDevice = b.name;
        pa.peerPort = pb.name;
        pb.peerDevice = a.name;
        pb.peerPort = pa.name;
        pa.speedGbps = pb.speedGbps = qMin(pa.speedGbps, pb.speedGbps);
    };
    QHash<QString, qsizetype> leafOfRack;
    QList<qsizetype> spines;
    for (qsizetype i = 0; i < lab.devices.size(); ++i) {
        const LabTemplate *t = lab.devices[i].tmpl.get();
        if (t->kind == DeviceKind::Switch && t->role == QLatin1String("leaf") && !leafOfRack.contains(lab.devices[i].rack))
            leafOfRack.insert(lab.devices[i].rack, i);
        if (t->kind == DeviceKind::Switch && t->role == QLatin1String("spine"))
            spines << i;
    }
    QHash<QString, QString> leafRack;
    for (const QJsonValue &rack : racks) {
        const QString target = rack.toObject().value(QLatin1String("leafRack")).toString();
        if (!target.isEmpty())
            leafRack.insert(rack.toObject().value(QLatin1String("name")).toString(), target);
    }
    for (qsizetype i = 0; i < lab.devices.size(); ++i) {
        LabDevice &node = lab.devices[i];
        const int uplinks = qMin(node.tmpl->uplinks, int(node.ports.size()));
        if (node.tmpl->kind == DeviceKind::Switch || uplinks == 0)
            continue;
        const QString rack = leafOfRack.contains(node.rack) ? node.rack : leafRack.value(node.rack);
        if (!leafOfRack.contains(rack))
            continue; // no leaf to cable to: its NICs stay dark, as in a half-built rack
        LabDevice &leaf = lab.devices[leafOfRack.value(rack)];
        for (int p = 0; p < uplinks; ++p)
            if (LabPort *sp = freePort(leaf))
                cable(node, node.ports[p], leaf, *sp);
    }
    for (qsizetype leafIndex : std::as_const(leafOfRack)) {
        LabDevice &leaf = lab.devices[leafIndex];
        for (qsizetype s : std::as_const(spines)) {
            LabDevice &spine = lab.devices[s];
            for (int k = 0; k < leaf.tmpl->spineUplinks; ++k) {
                LabPort *lp = freePort(leaf);
                LabPort *sp = freePort(spine);
                if (lp && sp)
                    cable(leaf, *lp, spine, *sp);
            }
        }
    }
    if (lab.devices.isEmpty())
        return invalid(QStringLiteral("racks"), QStringLiteral("the lab has no devices"));
    if (Status s = applyAsBuilt(json.value(QLatin1String("asBuilt")), lab); !s)
        return s.error();
    return lab;
}

} // namespace NeoCloud
