#include "SiteExport.h"

#include "SitePlan.h"
#include "api/JsonKeys.h"
#include "domain/Enums.h"
#include "lab/LabDefinition.h"
#include "store/InventoryRepository.h"

#include <QJsonArray>
#include <QUrl>

namespace NeoCloud {
namespace {

QJsonObject expectedJson(int gpus, int drives, int memory)
{
    QJsonObject o;
    if (gpus)
        o.insert(Key::gpus, gpus);
    if (drives)
        o.insert(Key::drives, drives);
    if (memory)
        o.insert(Key::memory, memory);
    return o;
}

QJsonObject listAnswer(const QJsonArray &results)
{
    return {{QLatin1String("count"), int(results.size())}, {QLatin1String("next"), QJsonValue()},
            {QLatin1String("previous"), QJsonValue()}, {QLatin1String("results"), results}};
}

QString slug(const QString &text)
{
    QString out;
    for (const QChar c : text.toLower())
        out.append(c.isLetterOrNumber() ? c : QLatin1Char('-'));
    while (out.contains(QLatin1String("--")))
        out.replace(QLatin1String("--"), QLatin1String("-"));
    return out;
}

} // namespace

Result<QJsonObject> exportSitePlan(const InventoryRepository &inventory, const QString &siteNameOrId)
{
    const auto sites = inventory.sites();
    if (!sites)
        return sites.error();
    const auto it = std::find_if(sites->begin(), sites->end(), [&](const Site &s) { return s.id == siteNameOrId || s.name == siteNameOrId; });
    if (it == sites->end())
        return Error::notFound(QStringLiteral("site"), siteNameOrId);
    const Site site = *it;
    const auto racks = inventory.racks(site.id);
    const auto devices = inventory.devicesWithDetail(site.id);
    const auto links = inventory.links(site.id);
    if (!racks || !devices || !links)
        return !racks ? racks.error() : !devices ? devices.error() : links.error();

    QHash<QString, QString> rackName, deviceName;
    QJsonArray rackList, deviceList, linkList;
    for (const Rack &r : *racks) {
        rackName.insert(r.id, r.name);
        rackList.append(QJsonObject{{Key::name, r.name}, {Key::units, r.units}});
    }
    for (const Device &d : *devices) {
        deviceName.insert(d.id, d.name);
        int gpus = 0, drives = 0, memory = 0;
        for (const Component &c : d.components) {
            gpus += c.kind == ComponentKind::Gpu;
            drives += c.kind == ComponentKind::Drive;
            memory += c.kind == ComponentKind::Memory;
        }
        PlanDevice p;
        p.name = d.name;
        p.kind = d.kind;
        p.heightU = d.heightU;
        p.rack = rackName.value(d.rackId);
        p.position = d.position;
        p.vendor = d.vendor;
        p.model = d.model;
        p.serial = d.serial;
        p.bmcUrl = d.bmcUrl;
        p.firmware = d.firmware;
        p.expected = {gpus ? std::optional(gpus) : std::nullopt, drives ? std::optional(drives) : std::nullopt,
                      memory ? std::optional(memory) : std::nullopt};
        const QJsonObject o = planDeviceJson(p);
        deviceList.append(o);
    }
    for (const Link &l : *links)
        linkList.append(QJsonObject{{Key::a, QJsonObject{{Key::device, deviceName.value(l.a.deviceId)}, {Key::port, l.a.port}}},
                                    {Key::b, QJsonObject{{Key::device, deviceName.value(l.b.deviceId)}, {Key::port, l.b.port}}},
                                    {Key::speedGbps, l.speedGbps > 0 ? QJsonValue(l.speedGbps) : QJsonValue()}});
    // A link with no speed reported leaves the key out rather than null.
    for (qsizetype i = 0; i < linkList.size(); ++i)
        if (linkList.at(i)[Key::speedGbps].isNull()) {
            QJsonObject o = linkList.at(i).toObject();
            o.remove(Key::speedGbps);
            linkList.replace(i, o);
        }
    return QJsonObject{{Key::site, site.name}, {Key::racks, rackList}, {Key::devices, deviceList}, {Key::links, linkList}};
}

QJsonObject labDesignPlan(const LabDefinition &lab, const std::function<QString(const QString &)> &bmcUrlOf)
{
    QStringList rackNames = lab.rackUnits.keys();
    rackNames.sort();
    QJsonArray racks, devices, links;
    for (const QString &r : std::as_const(rackNames))
        racks.append(QJsonObject{{Key::name, r}, {Key::units, lab.rackUnits.value(r)}});
    const QList<LabDevice> &design = lab.designDevices();
    QHash<QString, int> order;
    for (const LabDevice &d : design)
        order.insert(d.name, int(order.size()));
    for (const LabDevice &d : design) {
        const LabTemplate &t = *d.tmpl;
        QJsonObject o{{Key::name, d.name},         {Key::rack, d.rack},         {Key::position, d.position},
                      {Key::heightU, t.heightU},   {Key::kind, toString(t.kind)}, {Key::vendor, t.vendor},
                      {Key::model, t.model},       {Key::serial, d.serial},     {Key::firmware, t.firmware}};
        if (const QString url = bmcUrlOf(d.name); !url.isEmpty())
            o.insert(Key::bmcUrl, url);
        if (const QJsonObject expected = expectedJson(t.gpus, t.drives + t.nvram, t.dimms); !expected.isEmpty())
            o.insert(Key::expected, expected);
        devices.append(o);
        for (const LabPort &p : d.ports) {
            // Each cable once, from the end that comes first in the lab.
            if (p.peerDevice.isEmpty() || order.value(p.peerDevice) < order.value(d.name))
                continue;
            links.append(QJsonObject{{Key::a, QJsonObject{{Key::device, d.name}, {Key::port, p.name}}},
                                     {Key::b, QJsonObject{{Key::device, p.peerDevice}, {Key::port, p.peerPort}}},
                                     {Key::speedGbps, p.speedGbps}});
        }
    }
    return {{Key::site, lab.site}, {Key::name, QString(lab.name + QStringLiteral(" design"))}, {Key::racks, racks},
            {Key::devices, devices}, {Key::links, links}};
}

QJsonObject netBoxExport(const QJsonObject &plan)
{
    const QString site = plan.value(Key::site).toString();
    const QJsonObject siteRef{{Key::name, site}, {QLatin1String("slug"), slug(site)}};
    QJsonArray racks, devices, interfaces, cables;
    QHash<QString, int> rackIds, deviceIds;
    for (const QJsonValue &r : plan.value(Key::racks).toArray()) {
        const int id = int(racks.size()) + 1;
        rackIds.insert(r[Key::name].toString(), id);
        racks.append(QJsonObject{{Key::id, id}, {Key::name, r[Key::name]}, {QLatin1String("u_height"), r[Key::units]}, {Key::site, siteRef}});
    }
    for (const QJsonValue &v : plan.value(Key::devices).toArray()) {
        const QJsonObject d = v.toObject();
        const int id = int(devices.size()) + 1;
        deviceIds.insert(d.value(Key::name).toString(), id);
        QJsonObject custom{{QLatin1String("bmc_url"), d.value(Key::bmcUrl).toString()}, {Key::firmware, d.value(Key::firmware).toString()}};
        const QJsonObject expected = d.value(Key::expected).toObject();
        for (auto it = expected.begin(); it != expected.end(); ++it)
            custom.insert(it.key(), it.value());
        const QString rack = d.value(Key::rack).toString();
        const QString kind = d.value(Key::kind).toString(QStringLiteral("other"));
        QJsonObject device{
            {Key::id, id},
            {Key::name, d.value(Key::name)},
            {QLatin1String("device_type"), QJsonObject{{Key::model, d.value(Key::model).toString()},
                                                        {QLatin1String("slug"), slug(d.value(Key::model).toString())},
                                                        {QLatin1String("manufacturer"), QJsonObject{{Key::name, d.value(Key::vendor).toString()},
                                                                                                    {QLatin1String("slug"), slug(d.value(Key::vendor).toString())}}},
                                                        {QLatin1String("u_height"), d.value(Key::heightU).toInt(1)}}},
            {Key::role, QJsonObject{{Key::name, kind}, {QLatin1String("slug"), kind}}},
            {Key::site, siteRef},
            {Key::rack, rack.isEmpty() ? QJsonValue() : QJsonValue(QJsonObject{{Key::id, rackIds.value(rack)}, {Key::name, rack}})},
            {Key::position, d.value(Key::position).isDouble() ? d.value(Key::position) : QJsonValue()},
            {QLatin1String("face"), QJsonObject{{QLatin1String("value"), QStringLiteral("front")}}},
            {Key::serial, d.value(Key::serial).toString()},
            {QLatin1String("asset_tag"), d.value(Key::assetTag).isString() ? d.value(Key::assetTag) : QJsonValue()},
            {Key::status, QJsonObject{{QLatin1String("value"), QStringLiteral("active")}}},
            {QLatin1String("custom_fields"), custom}};
        const QString host = QUrl(d.value(Key::bmcUrl).toString()).host();
        if (!host.isEmpty())
            device.insert(QLatin1String("oob_ip"), QJsonObject{{QLatin1String("address"), QString(host + QStringLiteral("/32"))}});
        devices.append(device);
    }
    auto termination = [&](const QJsonObject &end, double speed) {
        const QString device = end.value(Key::device).toString();
        const int id = int(interfaces.size()) + 1;
        const QJsonObject deviceRef{{Key::id, deviceIds.value(device)}, {Key::name, device}};
        QJsonObject iface{{Key::id, id},
                          {Key::device, deviceRef},
                          {Key::name, end.value(Key::port)},
                          {QLatin1String("type"), QJsonObject{{QLatin1String("value"), QStringLiteral("other")}}}};
        if (speed > 0)
            iface.insert(QLatin1String("speed"), qint64(speed * 1e6)); // NetBox counts Kbps
        interfaces.append(iface);
        return QJsonObject{{QLatin1String("object_type"), QStringLiteral("dcim.interface")},
                           {QLatin1String("object_id"), id},
                           {QLatin1String("object"), QJsonObject{{Key::id, id}, {Key::device, deviceRef}, {Key::name, end.value(Key::port)}}}};
    };
    for (const QJsonValue &l : plan.value(Key::links).toArray()) {
        const double speed = l[Key::speedGbps].toDouble();
        const QJsonObject a = termination(l[Key::a].toObject(), speed), b = termination(l[Key::b].toObject(), speed);
        cables.append(QJsonObject{{Key::id, int(cables.size()) + 1},
                                  {QLatin1String("a_terminations"), QJsonArray{a}},
                                  {QLatin1String("b_terminations"), QJsonArray{b}},
                                  {Key::status, QJsonObject{{QLatin1String("value"), QStringLiteral("connected")}}}});
    }
    return {{Key::devices, listAnswer(devices)}, {QLatin1String("interfaces"), listAnswer(interfaces)},
            {QLatin1String("cables"), listAnswer(cables)}, {Key::racks, listAnswer(racks)}};
}

} // namespace NeoCloud
