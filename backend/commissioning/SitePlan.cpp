#include "SitePlan.h"

#include "api/JsonKeys.h"
#include "domain/Enums.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace NeoCloud {

QString toString(PlanFormat format)
{
    switch (format) {
    case PlanFormat::Json: return QStringLiteral("json");
    case PlanFormat::Csv: return QStringLiteral("csv");
    case PlanFormat::NetBox: return QStringLiteral("netbox");
    }
    return {};
}

const PlanDevice *SitePlan::device(const QString &name) const
{
    for (const PlanDevice &d : devices)
        if (d.name == name)
            return &d;
    return nullptr;
}

QJsonObject planDeviceJson(const PlanDevice &d)
{
    // Extras first, so a known key always wins over a stray one of the same name.
    QJsonObject o = d.extra;
    o.insert(Key::name, d.name);
    o.insert(Key::kind, toString(d.kind));
    o.insert(Key::heightU, d.heightU);
    auto optionalText = [&](QLatin1String key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    optionalText(Key::rack, d.rack);
    if (d.position)
        o.insert(Key::position, *d.position);
    optionalText(Key::vendor, d.vendor);
    optionalText(Key::model, d.model);
    optionalText(Key::serial, d.serial);
    optionalText(Key::assetTag, d.assetTag);
    optionalText(Key::bmcUrl, d.bmcUrl);
    optionalText(Key::firmware, d.firmware);
    if (!d.expected.isEmpty()) {
        QJsonObject expected;
        if (d.expected.gpus)
            expected.insert(Key::gpus, *d.expected.gpus);
        if (d.expected.drives)
            expected.insert(Key::drives, *d.expected.drives);
        if (d.expected.memory)
            expected.insert(Key::memory, *d.expected.memory);
        o.insert(Key::expected, expected);
    }
    return o;
}

QJsonObject planLinkJson(const PlanLink &l)
{
    QJsonObject o = l.extra;
    o.insert(Key::a, QJsonObject{{Key::device, l.a.device}, {Key::port, l.a.port}});
    o.insert(Key::b, QJsonObject{{Key::device, l.b.device}, {Key::port, l.b.port}});
    if (l.speedGbps)
        o.insert(Key::speedGbps, *l.speedGbps);
    return o;
}

QJsonObject planDocument(const SitePlan &plan)
{
    QJsonArray racks, devices, links;
    for (const PlanRack &r : plan.racks)
        racks.append(QJsonObject{{Key::name, r.name}, {Key::units, r.units}});
    for (const PlanDevice &d : plan.devices)
        devices.append(planDeviceJson(d));
    for (const PlanLink &l : plan.links)
        links.append(planLinkJson(l));
    QJsonObject o = plan.extra;
    o.insert(Key::site, plan.site);
    if (!plan.name.isEmpty())
        o.insert(Key::name, plan.name);
    o.insert(Key::racks, racks);
    o.insert(Key::devices, devices);
    o.insert(Key::links, links);
    return o;
}

QString documentSha256(const QJsonObject &document)
{
    // QJsonObject keeps keys sorted, so the compact form is canonical for a given content.
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(document).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

} // namespace NeoCloud
