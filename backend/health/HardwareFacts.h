#pragma once
// Turns what discovery stored, or what a BMC's Status fields say now, into DeviceFacts. Pure:
// tested on trees and devices directly.

#include "HealthTypes.h"
#include "redfish/RedfishTree.h"

namespace NeoCloud {

// From the stored inventory: a device discovery marked unreachable has an unreachable BMC; a
// host whose own status is critical while none of its parts is (a powered-off CNode) is down.
DeviceFacts factsFromDevice(const Device &device);

// From a BMC's resources as the poll last read them; identity comes from `known`.
DeviceFacts factsFromTree(const RedfishTree &tree, const DeviceFacts &known);

// The same device unreachable: what was last seen of its parts stays, marked as not current.
DeviceFacts unreachableFacts(const DeviceFacts &known, const QString &problem);

} // namespace NeoCloud
