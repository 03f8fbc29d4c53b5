#pragma once
// What tenants' services stand on, from the inventory and the cluster's own view. In this model
// every active service of a tenant is served by the CNodes behind the tenant's VIP pool (the ones
// VMS lists for the pool; all CNodes when VMS has not said), its data lives on every DBox (VAST
// stripes data across all of them), and clients reach it through the switch ports the CNodes are
// cabled to; the DBoxes' own cables carry the CNodes' traffic to the drives. GPU servers are not
// part of it: tenants have a GPU quota, not an assignment of servers.

#include "VmsHealthReader.h"
#include "domain/Inventory.h"

#include <QHash>
#include <QStringList>

namespace NeoCloud {

// One cable between a CNode or DBox port and a switch port.
struct PathLink
{
    QString device; // the CNode or DBox (inventory id)
    QString port;
    QString switchId;
    QString switchPort;
};

struct Dependencies
{
    QString vipPool;
    QStringList cnodes; // inventory ids, in name order
    QStringList dboxes;
    QList<PathLink> links;
    QStringList switches;
    bool poolFromVms = false; // VMS named the pool's CNodes; otherwise all CNodes are assumed

    QStringList devices() const { return cnodes + dboxes + switches; }
};

// How a device takes part, for its blast radius.
enum class DeviceRole { None, CNode, DBox, Switch };

class DependencyGraph
{
public:
    // `devices` without components or ports is enough; links in any order, either end first.
    static DependencyGraph build(const QList<Device> &devices, const QList<Link> &links,
                                 const VmsView &vms);

    Dependencies forPool(const QString &vipPool) const;
    // Every device some tenant's services may depend on: what the poll reads.
    QStringList watchedDevices() const;

    DeviceRole roleOf(const QString &deviceId) const;
    // For a switch: the cables from it to CNodes and DBoxes.
    QList<PathLink> linksThrough(const QString &switchId) const;
    // Whether a CNode is behind a VIP pool (every CNode is, for a pool VMS has not described).
    bool servesPool(const QString &cnodeId, const QString &vipPool) const;

    const Device *device(const QString &id) const;
    QString nameOf(const QString &id) const;
    bool empty() const { return m_cnodes.isEmpty() && m_dboxes.isEmpty(); }

private:
    QHash<QString, Device> m_devices;
    QStringList m_cnodes;
    QStringList m_dboxes;
    QList<PathLink> m_links;
    QHash<QString, QStringList> m_poolCNodes; // pool -> CNode ids, as VMS lists them
    Dependencies m_everyCNode; // for pools VMS has not described
    QHash<QString, Dependencies> m_pools;
};

} // namespace NeoCloud
