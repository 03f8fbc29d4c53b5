#include "Reconciler.h"

#include "core/Ids.h"
#include "core/Time.h"
#include "domain/Enums.h"
#include "store/Database.h"
#include "store/InventoryRepository.h"

#include <QSet>

#include <map>

namespace NeoCloud {
namespace {

QString partsSummary(const Device &d)
{
    std::map<QString, int> counts;
    for (const Component &c : d.components)
        ++counts[toString(c.kind)];
    QStringList parts;
    for (const auto &[kind, n] : counts)
        parts << QStringLiteral("%1 %2").arg(n).arg(kind);
    return parts.join(QLatin1String(", "));
}

QList<FieldChange> differences(const Device &was, const Device &now, const QString &wasRack, const QString &nowRack)
{
    QList<FieldChange> out;
    auto compare = [&](const char *field, const QString &a, const QString &b) {
        if (a != b)
            out << FieldChange{QString::fromLatin1(field), a, b};
    };
    compare("name", was.name, now.name);
    compare("kind", toString(was.kind), toString(now.kind));
    compare("vendor", was.vendor, now.vendor);
    compare("model", was.model, now.model);
    compare("serial", was.serial, now.serial);
    compare("firmware", was.firmware, now.firmware);
    compare("rack", wasRack, nowRack);
    compare("position", was.position ? QString::number(*was.position) : QString(),
            now.position ? QString::number(*now.position) : QString());
    compare("heightU", QString::number(was.heightU), QString::number(now.heightU));
    compare("bmcUrl", was.bmcUrl, now.bmcUrl);
    compare("health", toString(was.health), toString(now.health));
    compare("components", partsSummary(was), partsSummary(now));
    // Per-part health and firmware, by name: "GPU3 health: ok → critical".
    QHash<QString, const Component *> before;
    for (const Component &c : was.components)
        before.insert(toString(c.kind) + QLatin1Char('/') + c.name, &c);
    for (const Component &c : now.components) {
        const Component *old = before.value(toString(c.kind) + QLatin1Char('/') + c.name);
        if (!old)
            continue;
        if (old->health != c.health)
            out << FieldChange{c.name + QStringLiteral(" health"), toString(old->health), toString(c.health)};
        if (old->firmware != c.firmware)
            out << FieldChange{c.name + QStringLiteral(" firmware"), old->firmware, c.firmware};
    }
    QHash<QString, LinkState> ports;
    for (const Port &p : was.ports)
        ports.insert(p.name, p.linkState);
    for (const Port &p : now.ports)
        if (ports.contains(p.name) && ports.value(p.name) != p.linkState)
            out << FieldChange{QStringLiteral("port ") + p.name, toString(ports.value(p.name)), toString(p.linkState)};
    return out;
}

} // namespace

QString toString(DeviceChange::Kind kind)
{
    switch (kind) {
    case DeviceChange::Kind::Added: return QStringLiteral("added");
    case DeviceChange::Kind::Changed: return QStringLiteral("changed");
    case DeviceChange::Kind::Gone: return QStringLiteral("gone");
    case DeviceChange::Kind::Unreachable: return QStringLiteral("unreachable");
    case DeviceChange::Kind::Recovered: return QStringLiteral("recovered");
    }
    return {};
}

Reconciler::Reconciler(Database &database, InventoryRepository &repository)
    : m_db(database)
    , m_repository(repository)
{
}

Result<ReconcileSummary> Reconciler::apply(const QString &siteName, const QList<TargetOutcome> &outcomes,
                                           const QList<LldpReport> &lldpReports)
{
    ReconcileSummary summary;
    const QString now = nowIso();
    const Status applied = m_db.transaction([&]() -> Status {
        // Site and racks by name, created on first sight.
        const auto existingSite = m_repository.siteByName(siteName);
        if (!existingSite)
            return existingSite.error();
        Site site;
        if (*existingSite) {
            site = **existingSite;
        } else {
            site = {newId(QLatin1String("site")), siteName, QStringLiteral("Created by discovery"), now};
            if (Status s = m_repository.insertSite(site); !s)
                return s;
        }
        summary.siteId = site.id;
        const auto racks = m_repository.racks(site.id);
        if (!racks)
            return racks.error();
        QHash<QString, QString> rackIds, rackNames;
        for (const Rack &r : *racks) {
            rackIds.insert(r.name, r.id);
            rackNames.insert(r.id, r.name);
        }
        auto rackFor = [&](const QString &name) -> Result<QString> {
            if (name.isEmpty())
                return QString();
            if (rackIds.contains(name))
                return rackIds.value(name);
            Rack rack{newId(QLatin1String("rack")), site.id, name, 48, 0};
            if (Status s = m_repository.insertRack(rack); !s)
                return s.error();
            rackIds.insert(name, rack.id);
            rackNames.insert(rack.id, name);
            return rack.id;
        };

        const auto stored = m_repository.devicesWithDetail(site.id);
        if (!stored)
            return stored.error();
        QHash<QString, Device> byUrl;
        for (const Device &d : *stored)
            if (!d.bmcUrl.isEmpty())
                byUrl.insert(d.bmcUrl, d);

        QHash<QString, QString> bySerial; // stored serial -> its BMC URL
        for (const Device &d : *stored)
            if (!d.serial.isEmpty() && !d.bmcUrl.isEmpty())
                bySerial.insert(d.serial, d.bmcUrl);
        QSet<QString> answered; // URLs that answered in this scan: their devices are theirs
        for (const TargetOutcome &o : outcomes)
            if (o.device)
                answered.insert(o.bmcUrl);
        QHash<QString, QString> serialOwner; // serial -> bmc url, to report duplicates
        QSet<QString> usedNames;
        for (const Device &d : *stored)
            usedNames.insert(d.name);
        for (const TargetOutcome &outcome : outcomes) {
            const auto existing = byUrl.constFind(outcome.bmcUrl);
            if (!outcome.device) {
                if (outcome.unreachable)
                    ++summary.unreachable; // an address of a range with nothing behind it counts too
                if (outcome.unreachable && existing != byUrl.constEnd()) {
                    if (existing->state != QLatin1String("unreachable")) {
                        if (Status s = m_repository.setDeviceState(existing->id, QStringLiteral("unreachable"), now); !s)
                            return s;
                        summary.changes << DeviceChange{DeviceChange::Kind::Unreachable, existing->id, existing->name, {}, existing->health};
                    }
                }
                continue;
            }
            Device found = outcome.device->device;
            found.bmcUrl = outcome.bmcUrl;
            found.siteId = site.id;
            found.state = QStringLiteral("active");
            found.updatedAt = now;
            const auto rack = rackFor(outcome.device->rackName);
            if (!rack)
                return rack.error();
            found.rackId = *rack;
            if (!found.serial.isEmpty()) {
                const QString owner = serialOwner.value(found.serial);
                if (!owner.isEmpty() && owner != outcome.bmcUrl)
                    summary.warnings << QStringLiteral("Serial %1 is reported by both %2 and %3.").arg(found.serial, owner, outcome.bmcUrl);
                serialOwner.insert(found.serial, outcome.bmcUrl);
            }

            // Same BMC, different serial: the hardware behind it was replaced.
            if (existing != byUrl.constEnd() && !existing->serial.isEmpty() && !found.serial.isEmpty()
                && existing->serial != found.serial) {
                if (Status s = m_repository.deleteDevice(existing->id); !s)
                    return s;
                usedNames.remove(existing->name);
                ++summary.gone;
                summary.changes << DeviceChange{DeviceChange::Kind::Gone, existing->id, existing->name,
                                                {{QStringLiteral("serial"), existing->serial, found.serial}}, existing->health};
                byUrl.remove(outcome.bmcUrl);
            }
            auto current = byUrl.constFind(outcome.bmcUrl);
            if (current == byUrl.constEnd() && !found.serial.isEmpty() && bySerial.contains(found.serial)) {
                // Known hardware behind a new BMC address (DHCP, a re-cabled management port, a
                // lab on another port): the same device, with its BMC URL changed.
                const QString oldUrl = bySerial.value(found.serial);
                if (!answered.contains(oldUrl) && byUrl.contains(oldUrl)) {
                    byUrl.insert(outcome.bmcUrl, byUrl.take(oldUrl));
                    current = byUrl.constFind(outcome.bmcUrl);
                }
            }
            if (current == byUrl.constEnd()) {
                // Names must be unique in a site; two BMCs may report the same host name.
                QString name = found.name.isEmpty() ? QUrl(outcome.bmcUrl).host() : found.name;
                for (int n = 2; usedNames.contains(name); ++n)
                    name = (found.name.isEmpty() ? QUrl(outcome.bmcUrl).host() : found.name) + QStringLiteral("-%1").arg(n);
                found.name = name;
                usedNames.insert(name);
                found.id = newId(QLatin1String("dev"));
                for (Component &c : found.components)
                    c.id = newId(QLatin1String("cmp"));
                for (Port &p : found.ports)
                    p.id = newId(QLatin1String("prt"));
                if (Status s = m_repository.insertDevice(found); !s)
                    return s;
                ++summary.added;
                summary.changes << DeviceChange{DeviceChange::Kind::Added, found.id, found.name, {}, found.health};
                continue;
            }
            found.id = current->id;
            if (found.name != current->name) {
                if (usedNames.contains(found.name))
                    found.name = current->name; // keep ours rather than collide
            }
            const QList<FieldChange> fields = differences(*current, found, rackNames.value(current->rackId), outcome.device->rackName);
            const bool recovered = current->state == QLatin1String("unreachable");
            if (fields.isEmpty() && !recovered) {
                ++summary.unchanged;
                continue;
            }
            for (Component &c : found.components)
                c.id = newId(QLatin1String("cmp"));
            for (Port &p : found.ports)
                p.id = newId(QLatin1String("prt"));
            if (Status s = m_repository.updateDevice(found); !s)
                return s;
            if (recovered)
                summary.changes << DeviceChange{DeviceChange::Kind::Recovered, found.id, found.name, {}, found.health};
            if (!fields.isEmpty()) {
                ++summary.changed;
                summary.changes << DeviceChange{DeviceChange::Kind::Changed, found.id, found.name, fields, found.health};
            } else {
                ++summary.unchanged;
            }
        }

        // Links: every neighbour report resolved to a stored device and port.
        const auto all = m_repository.devicesWithDetail(site.id);
        if (!all)
            return all.error();
        QHash<QString, const Device *> byName, byId, byMac, byBmc;
        QHash<QString, QString> portByMac;
        for (const Device &d : *all) {
            byName.insert(d.name.toLower(), &d);
            byId.insert(d.id, &d);
            if (!d.bmcUrl.isEmpty())
                byBmc.insert(d.bmcUrl, &d);
            for (const Port &p : d.ports)
                if (!p.mac.isEmpty()) {
                    byMac.insert(p.mac, &d);
                    portByMac.insert(p.mac, p.name);
                }
        }
        QList<QPair<const Device *, LldpNeighbour>> reports;
        QList<LinkSource> sources;
        for (const TargetOutcome &o : outcomes) {
            if (!o.device || o.device->neighbours.isEmpty())
                continue;
            const Device *self = byBmc.value(o.bmcUrl);
            for (const LldpNeighbour &n : o.device->neighbours)
                reports << qMakePair(self, n);
            if (!sources.contains(LinkSource::Redfish))
                sources << LinkSource::Redfish;
        }
        const qsizetype redfishReports = reports.size();
        for (const LldpReport &r : lldpReports) {
            const Device *self = byId.value(r.device, byName.value(r.device.toLower()));
            if (!self) {
                summary.warnings << QStringLiteral("LLDP data names an unknown device '%1'.").arg(r.device);
                continue;
            }
            for (const LldpNeighbour &n : r.neighbours)
                reports << qMakePair(self, n);
            if (!sources.contains(LinkSource::Lldp))
                sources << LinkSource::Lldp;
        }
        QSet<QString> seenPairs;
        // "device:port" of a link's end, and the link's key whichever end was heard first. Both
        // return QString, not auto: with QStringBuilder, auto would keep references to temporaries.
        const auto endKey = [](const QString &device, const QString &port) -> QString { return device + QLatin1Char(':') + port; };
        const auto pairKey = [](const QString &a, const QString &b) -> QString {
            return a < b ? a + QLatin1Char('|') + b : b + QLatin1Char('|') + a;
        };
        QList<Link> links;
        for (qsizetype i = 0; i < reports.size(); ++i) {
            const auto &[self, n] = reports.at(i);
            if (!self)
                continue;
            // A neighbour is named by its system name, else by the chassis MAC.
            const QString shortName = n.systemName.section(QLatin1Char('.'), 0, 0).toLower();
            const Device *peer = byName.value(n.systemName.toLower(), byName.value(shortName, byMac.value(n.chassisId)));
            if (!peer) {
                summary.warnings << QStringLiteral("%1:%2 hears %3 (%4), which is not in the inventory.")
                                        .arg(self->name, n.localPort, n.systemName, n.chassisId);
                continue;
            }
            QString peerPort = n.portId;
            if (portByMac.contains(n.portId.toLower()))
                peerPort = portByMac.value(n.portId.toLower());
            const QString key = pairKey(endKey(self->id, n.localPort), endKey(peer->id, peerPort));
            if (seenPairs.contains(key))
                continue;
            seenPairs.insert(key);
            double speed = 0;
            for (const Port &p : self->ports)
                if (p.name == n.localPort)
                    speed = p.speedGbps;
            links << Link{newId(QLatin1String("lnk")), site.id, {self->id, n.localPort}, {peer->id, peerPort}, speed,
                          i < redfishReports ? LinkSource::Redfish : LinkSource::Lldp};
        }
        if (!sources.isEmpty()) {
            // A cable whose port went down is heard by neither end any more, yet it is still
            // plugged in: its link stays, so the views show it cut rather than gone. A link whose
            // ports are up but unheard was recabled, and goes.
            const auto before = m_repository.links(site.id);
            if (!before)
                return before.error();
            QSet<QString> downPorts; // "deviceId:port"
            for (const Device &d : *all)
                for (const Port &p : d.ports)
                    if (p.linkState == LinkState::Down)
                        downPorts.insert(endKey(d.id, p.name));
            for (const Link &old : *before) {
                const QString a = endKey(old.a.deviceId, old.a.port), b = endKey(old.b.deviceId, old.b.port);
                const QString key = pairKey(a, b);
                if (!sources.contains(old.source) || seenPairs.contains(key) || !(downPorts.contains(a) || downPorts.contains(b)))
                    continue;
                seenPairs.insert(key);
                links << old;
            }
            if (Status s = m_repository.replaceLinks(site.id, sources, links); !s)
                return s;
        }
        summary.links = int(links.size());
        return success();
    });
    if (!applied)
        return applied.error();
    return summary;
}

} // namespace NeoCloud
