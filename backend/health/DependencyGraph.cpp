#include "DependencyGraph.h"

#include <QSet>
#include <algorithm>

namespace NeoCloud {
namespace {

bool isStorage(DeviceKind kind)
{
    return kind == DeviceKind::StorageCNode || kind == DeviceKind::StorageDBox;
}

} // namespace

DependencyGraph DependencyGraph::build(const QList<Device> &devices, const QList<Link> &links,
                                       const VmsView &vms)
{
    DependencyGraph g;
    QList<Device> sorted = devices;
    std::sort(sorted.begin(), sorted.end(),
              [](const Device &a, const Device &b) { return a.name < b.name; });
    QHash<QString, QString> bySerial, byName;
    for (const Device &d : std::as_const(sorted)) {
        Device slim = d;
        slim.components.clear();
        slim.ports.clear();
        g.m_devices.insert(d.id, slim);
        if (d.kind == DeviceKind::StorageCNode)
            g.m_cnodes << d.id;
        else if (d.kind == DeviceKind::StorageDBox)
            g.m_dboxes << d.id;
        if (isStorage(d.kind)) {
            if (!d.serial.isEmpty())
                bySerial.insert(d.serial, d.id);
            byName.insert(d.name, d.id);
        }
    }
    for (const Link &l : links) {
        const Device *a = g.device(l.a.deviceId);
        const Device *b = g.device(l.b.deviceId);
        if (!a || !b)
            continue;
        if (isStorage(a->kind) && b->kind == DeviceKind::Switch)
            g.m_links.append({ a->id, l.a.port, b->id, l.b.port });
        else if (isStorage(b->kind) && a->kind == DeviceKind::Switch)
            g.m_links.append({ b->id, l.b.port, a->id, l.a.port });
    }
    std::sort(g.m_links.begin(), g.m_links.end(), [&g](const PathLink &x, const PathLink &y) {
        return std::tie(g.m_devices[x.device].name, x.port)
            < std::tie(g.m_devices[y.device].name, y.port);
    });

    auto dependencies = [&g](const QStringList &cnodes, bool fromVms) {
        Dependencies d;
        d.cnodes = cnodes;
        d.dboxes = g.m_dboxes;
        d.poolFromVms = fromVms;
        const QSet<QString> members(cnodes.begin(), cnodes.end());
        const QSet<QString> dboxes(g.m_dboxes.begin(), g.m_dboxes.end());
        for (const PathLink &l : std::as_const(g.m_links)) {
            if (!members.contains(l.device) && !dboxes.contains(l.device))
                continue;
            d.links << l;
            if (!d.switches.contains(l.switchId))
                d.switches << l.switchId;
        }
        return d;
    };
    g.m_everyCNode = dependencies(g.m_cnodes, false);

    // VMS names a pool's CNodes by host name; match them to the inventory by serial first.
    QHash<QString, QString> vmsNameToId;
    for (const VmsNodeState &n : vms.cnodes) {
        const QString id = bySerial.value(n.serial, byName.value(n.name));
        if (!id.isEmpty())
            vmsNameToId.insert(n.name, id);
    }
    for (auto it = vms.poolCNodes.begin(); it != vms.poolCNodes.end(); ++it) {
        QStringList ids;
        for (const QString &name : it.value()) {
            const QString id = vmsNameToId.value(name, byName.value(name));
            if (!id.isEmpty() && !ids.contains(id))
                ids << id;
        }
        if (ids.isEmpty())
            continue; // nothing we know: assume every CNode rather than none
        std::sort(ids.begin(), ids.end(),
                  [&g](const QString &x, const QString &y) { return g.nameOf(x) < g.nameOf(y); });
        g.m_poolCNodes.insert(it.key(), ids);
        g.m_pools.insert(it.key(), dependencies(ids, true));
    }
    return g;
}

Dependencies DependencyGraph::forPool(const QString &vipPool) const
{
    Dependencies d = m_pools.value(vipPool, m_everyCNode);
    d.vipPool = vipPool;
    return d;
}

QStringList DependencyGraph::watchedDevices() const
{
    QStringList out = m_everyCNode.devices();
    for (const Dependencies &d : m_pools)
        for (const QString &id : d.devices())
            if (!out.contains(id))
                out << id;
    return out;
}

DeviceRole DependencyGraph::roleOf(const QString &deviceId) const
{
    const Device *d = device(deviceId);
    if (!d)
        return DeviceRole::None;
    switch (d->kind) {
    case DeviceKind::StorageCNode:
        return DeviceRole::CNode;
    case DeviceKind::StorageDBox:
        return DeviceRole::DBox;
    case DeviceKind::Switch:
        return linksThrough(deviceId).isEmpty() ? DeviceRole::None : DeviceRole::Switch;
    default:
        return DeviceRole::None;
    }
}

QList<PathLink> DependencyGraph::linksThrough(const QString &switchId) const
{
    QList<PathLink> out;
    for (const PathLink &l : m_links)
        if (l.switchId == switchId)
            out << l;
    return out;
}

bool DependencyGraph::servesPool(const QString &cnodeId, const QString &vipPool) const
{
    const auto it = m_poolCNodes.constFind(vipPool);
    return it == m_poolCNodes.constEnd() ? m_cnodes.contains(cnodeId) : it->contains(cnodeId);
}

const Device *DependencyGraph::device(const QString &id) const
{
    const auto it = m_devices.constFind(id);
    return it == m_devices.constEnd() ? nullptr : &*it;
}

QString DependencyGraph::nameOf(const QString &id) const
{
    const Device *d = device(id);
    return d ? d->name : id;
}

} // namespace NeoCloud
