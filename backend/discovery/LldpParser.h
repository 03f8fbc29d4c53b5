#pragma once
// Reads `lldpcli show neighbors details -f json` (and -f json0) into neighbours. lldpd's json
// form has a quirk: with one neighbour "interface" is an object, with several it is a list of
// one-key objects; both, and the always-a-list json0 form, read the same.

#include "core/Result.h"
#include "redfish/RedfishInventory.h"

#include <QJsonValue>

namespace NeoCloud {

Result<QList<LldpNeighbour>> parseLldpNeighbours(const QJsonValue &document);

} // namespace NeoCloud
