#pragma once
// Turns what a BMC serves into one inventory device: kind, identity, placement, components,
// ports and the LLDP neighbours its ports report. Pure: it reads a RedfishTree and never the
// network, so it is tested on the shared fixtures directly and over HTTP alike.

#include "RedfishTree.h"
#include "domain/Inventory.h"

namespace NeoCloud {

struct LldpNeighbour
{
    QString localPort;  // our port's name
    QString chassisId;  // usually a MAC of the neighbour
    QString portId;     // the neighbour's port name (or MAC)
    QString systemName; // the neighbour's host name, when sent
};

struct DiscoveredDevice
{
    Device device;           // no ids yet; rack by name below
    QString rackName;        // from Location.Placement.Rack, empty when unplaced
    QString row;
    QList<LldpNeighbour> neighbours;
    QStringList macs;        // every MAC seen on the device, for LLDP matching
    QStringList warnings;    // what could not be read, in words an operator can act on
};

DiscoveredDevice inventoryFromTree(const RedfishTree &tree);

} // namespace NeoCloud
