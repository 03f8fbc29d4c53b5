#include "PlanReaders.h"

#include "api/JsonKeys.h"

#include <QHash>
#include <QSet>

namespace NeoCloud {

QList<PlanIssue> validatePlan(const SitePlan &plan)
{
    QList<PlanIssue> issues;
    QHash<QString, const PlanRack *> racks;
    for (const PlanRack &r : plan.racks) {
        if (r.name.isEmpty())
            continue; // already reported as missing
        if (racks.contains(r.name))
            issues << issueAt(r.origin, Key::name, QStringLiteral("Rack %1 is listed twice.").arg(r.name));
        else
            racks.insert(r.name, &r);
    }

    QHash<QString, const PlanDevice *> devices;
    QHash<QString, const PlanDevice *> serials;
    QHash<QString, const PlanDevice *> bmcs;
    // rack -> U -> the device there, to find overlaps
    QHash<QString, QHash<int, const PlanDevice *>> occupied;
    for (const PlanDevice &d : plan.devices) {
        if (!d.name.isEmpty()) {
            if (devices.contains(d.name))
                issues << issueAt(d.origin, Key::name, QStringLiteral("Device %1 is listed twice.").arg(d.name));
            else
                devices.insert(d.name, &d);
        }
        if (!d.serial.isEmpty()) {
            if (const PlanDevice *other = serials.value(d.serial))
                issues << issueAt(d.origin, Key::serial, QStringLiteral("Serial %1 is given to both %2 and %3.").arg(d.serial, other->name, d.name));
            else
                serials.insert(d.serial, &d);
        }
        if (!d.bmcUrl.isEmpty()) {
            if (!isBmcUrl(d.bmcUrl))
                issues << issueAt(d.origin, Key::bmcUrl, QStringLiteral("bmcUrl '%1' is not an http(s) URL with a host.").arg(d.bmcUrl));
            else if (const PlanDevice *other = bmcs.value(d.bmcUrl))
                issues << issueAt(d.origin, Key::bmcUrl, QStringLiteral("BMC %1 is given to both %2 and %3.").arg(d.bmcUrl, other->name, d.name));
            else
                bmcs.insert(d.bmcUrl, &d);
        }
        if (d.rack.isEmpty()) {
            if (d.position)
                issues << issueAt(d.origin, Key::position, QStringLiteral("%1 has a position but no rack.").arg(d.name));
            continue;
        }
        const PlanRack *rack = racks.value(d.rack);
        if (!rack) {
            issues << issueAt(d.origin, Key::rack, QStringLiteral("%1 is placed in rack %2, which the plan does not list.").arg(d.name, d.rack));
            continue;
        }
        if (!d.position)
            continue;
        const int top = *d.position + d.heightU - 1;
        if (top > rack->units) {
            issues << issueAt(d.origin, Key::position,
                              QStringLiteral("%1 at U%2 is %3U high and does not fit the %4U rack %5.")
                                  .arg(d.name).arg(*d.position).arg(d.heightU).arg(rack->units).arg(d.rack));
            continue;
        }
        for (int u = *d.position; u <= top; ++u) {
            if (const PlanDevice *other = occupied[d.rack].value(u)) {
                issues << issueAt(d.origin, Key::position,
                                  QStringLiteral("%1 at U%2 overlaps %3 in rack %4 (U%5).").arg(d.name).arg(*d.position).arg(other->name, d.rack).arg(u));
                break;
            }
            occupied[d.rack].insert(u, &d);
        }
    }
    if (plan.devices.isEmpty())
        issues << PlanIssue{QString(), 0, 0, QStringLiteral("The plan lists no devices.")};

    QHash<QString, const PlanLink *> ports; // "device:port" -> the link that uses it
    for (const PlanLink &l : plan.links) {
        for (const auto &[end, side] : {std::pair{&l.a, QStringLiteral("a")}, std::pair{&l.b, QStringLiteral("b")}})
            if (!end->device.isEmpty() && !devices.contains(end->device))
                issues << issueAt(l.origin, side + QStringLiteral(".device"),
                                  QStringLiteral("The link names device %1, which the plan does not list.").arg(end->device));
        if (l.a.device.isEmpty() || l.a.port.isEmpty() || l.b.device.isEmpty() || l.b.port.isEmpty())
            continue; // already reported as missing
        if (l.a.text() == l.b.text()) {
            issues << issueAt(l.origin, QStringLiteral("b.port"), QStringLiteral("A link cannot join %1 to itself.").arg(l.a.text()));
            continue;
        }
        // A port takes one cable, whether or not the device at its other end is known.
        for (const auto &[end, side] : {std::pair{&l.a, QStringLiteral("a")}, std::pair{&l.b, QStringLiteral("b")}}) {
            if (const PlanLink *other = ports.value(end->text())) {
                const SourceSpot at = other->origin.at;
                issues << issueAt(l.origin, side + QStringLiteral(".port"),
                                  QStringLiteral("Port %1 is already cabled by the link at %2 line %3.").arg(end->text(), other->origin.file).arg(at.line));
            } else {
                ports.insert(end->text(), &l);
            }
        }
    }
    return issues;
}

} // namespace NeoCloud
