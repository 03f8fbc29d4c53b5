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
    QString kind;   // bmc-down, bmc-slow, bmc-error, gpu-failed, drive-failed, link-down, psu-failed, cnode-down,
                    // vms-error, vms-slow (device "vms": the lab's VMS double)
    QString component; // for VMS faults: the path prefix below /api ("/views/")
    int latencyMs = 0;
    QString createdAt;
    QString method; // VMS faults: only requests with this method (empty: any)
    int status = 0; // vms-error: the HTTP status answered
};

RedfishTree buildLabTree(const LabDefinition &lab, const LabDevice &device);

// Changes the tree the way the fault shows on real hardware. BMC-level faults (down, slow,
// error) do not touch the tree; link-down on a port also needs the peer's tree (see LabService).
// Returns false when the component does not exist.
bool applyTreeFault(RedfishTree &tree, const LabDevice &device, const LabFault &fault);
bool setPortDown(RedfishTree &tree, const LabDevice &device, const QString &port);

} // namespace NeoCloud
