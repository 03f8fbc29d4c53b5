#pragma once
// What each lab BMC serves: a Redfish tree built from the device's template in the shapes real
// BMCs use (learned from the DMTF mockups), and the faults that change it.

#include "LabDefinition.h"
#include "redfish/RedfishTree.h"

namespace NeoCloud {

struct LabFault
{
    QString id;
    QString device; // lab device name
    QString kind;   // bmc-down, bmc-slow, bmc-error, gpu-failed, drive-failed, link-down, psu-failed, cnode-down
    QString component;
    int latencyMs = 0;
    QString createdAt;
};

RedfishTree buildLabTree(const LabDefinition &lab, const LabDevice &device);

// Changes the tree the way the fault shows on real hardware. BMC-level faults (down, slow,
// error) do not touch the tree; link-down on a port also needs the peer's tree (see LabService).
// Returns false when the component does not exist.
bool applyTreeFault(RedfishTree &tree, const LabDevice &device, const LabFault &fault);
bool setPortDown(RedfishTree &tree, const LabDevice &device, const QString &port);

} // namespace NeoCloud
