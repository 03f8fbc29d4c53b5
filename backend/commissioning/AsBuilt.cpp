#include "AsBuilt.h"

#include "api/JsonKeys.h"
#include "domain/Enums.h"

#include <QJsonArray>
#include <QSet>

namespace NeoCloud {

AsBuilt asBuiltFrom(const QString &site, const QList<Device> &present, const QHash<QString, QString> &rackNames,
                    const QList<Link> &links, const QStringList &unreachable)
{
    AsBuilt out;
    out.site = site;
    out.unreachable = unreachable;
    QHash<QString, QString> nameOf;
    for (const Device &d : present) {
        nameOf.insert(d.id, d.name);
        BuiltDevice b;
        b.name = d.name;
        b.kind = toString(d.kind);
        b.vendor = d.vendor;
        b.model = d.model;
        b.serial = d.serial;
        b.firmware = d.firmware;
        b.rack = rackNames.value(d.rackId);
        b.position = d.position;
        b.heightU = d.heightU;
        b.health = toString(d.health);
        b.bmcUrl = d.bmcUrl;
        for (const Component &c : d.components) {
            ++b.counts[toString(c.kind)];
            if (c.kind == ComponentKind::Psu && c.health == Health::Ok)
                ++b.healthyPsus;
            if (c.health == Health::Warning || c.health == Health::Critical)
                b.unhealthy << BuiltPart{c.name, toString(c.kind), toString(c.health)};
        }
        out.devices << b;
    }
    std::sort(out.devices.begin(), out.devices.end(), [](const BuiltDevice &a, const BuiltDevice &b) { return a.name < b.name; });
    for (const Link &l : links) {
        if (!nameOf.contains(l.a.deviceId) || !nameOf.contains(l.b.deviceId))
            continue; // an end that did not answer this run
        out.links << BuiltLink{{nameOf.value(l.a.deviceId), l.a.port}, {nameOf.value(l.b.deviceId), l.b.port}, l.speedGbps};
    }
    std::sort(out.links.begin(), out.links.end(), [](const BuiltLink &x, const BuiltLink &y) {
        return std::pair(x.a.text(), x.b.text()) < std::pair(y.a.text(), y.b.text());
    });
    return out;
}

QJsonObject toJson(const AsBuilt &site)
{
    QJsonArray devices, links;
    for (const BuiltDevice &d : site.devices) {
        QJsonObject counts;
        for (auto it = d.counts.begin(); it != d.counts.end(); ++it)
            counts.insert(it.key(), it.value());
        QJsonArray unhealthy;
        for (const BuiltPart &p : d.unhealthy)
            unhealthy.append(QJsonObject{{Key::name, p.name}, {Key::kind, p.kind}, {Key::health, p.health}});
        devices.append(QJsonObject{{Key::name, d.name},
                                   {Key::kind, d.kind},
                                   {Key::vendor, d.vendor},
                                   {Key::model, d.model},
                                   {Key::serial, d.serial},
                                   {Key::firmware, d.firmware},
                                   {Key::rack, d.rack},
                                   {Key::position, d.position ? QJsonValue(*d.position) : QJsonValue()},
                                   {Key::heightU, d.heightU},
                                   {Key::health, d.health},
                                   {Key::bmcUrl, d.bmcUrl},
                                   {Key::counts, counts},
                                   {Key::healthyPsus, d.healthyPsus},
                                   {Key::unhealthy, unhealthy}});
    }
    for (const BuiltLink &l : site.links)
        links.append(QJsonObject{{Key::a, l.a.text()}, {Key::b, l.b.text()}, {Key::speedGbps, l.speedGbps}});
    return {{Key::site, site.site}, {Key::devices, devices}, {Key::links, links},
            {Key::unreachable, QJsonArray::fromStringList(site.unreachable)}};
}

AsBuilt asBuiltFromJson(const QJsonObject &json)
{
    AsBuilt out;
    out.site = json.value(Key::site).toString();
    for (const QJsonValue &v : json.value(Key::unreachable).toArray())
        out.unreachable << v.toString();
    for (const QJsonValue &v : json.value(Key::devices).toArray()) {
        const QJsonObject o = v.toObject();
        BuiltDevice d;
        d.name = o.value(Key::name).toString();
        d.kind = o.value(Key::kind).toString();
        d.vendor = o.value(Key::vendor).toString();
        d.model = o.value(Key::model).toString();
        d.serial = o.value(Key::serial).toString();
        d.firmware = o.value(Key::firmware).toString();
        d.rack = o.value(Key::rack).toString();
        if (o.value(Key::position).isDouble())
            d.position = o.value(Key::position).toInt();
        d.heightU = o.value(Key::heightU).toInt(1);
        d.health = o.value(Key::health).toString();
        d.bmcUrl = o.value(Key::bmcUrl).toString();
        const QJsonObject counts = o.value(Key::counts).toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            d.counts.insert(it.key(), it.value().toInt());
        d.healthyPsus = o.value(Key::healthyPsus).toInt();
        for (const QJsonValue &p : o.value(Key::unhealthy).toArray())
            d.unhealthy << BuiltPart{p[Key::name].toString(), p[Key::kind].toString(), p[Key::health].toString()};
        out.devices << d;
    }
    auto end = [](const QString &text) {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        return PlanLinkEnd{text.left(colon), text.mid(colon + 1)};
    };
    for (const QJsonValue &v : json.value(Key::links).toArray())
        out.links << BuiltLink{end(v[Key::a].toString()), end(v[Key::b].toString()), v[Key::speedGbps].toDouble()};
    return out;
}

} // namespace NeoCloud
