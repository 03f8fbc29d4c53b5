#pragma once
// The other direction of a plan: a site as discovered (or the demo lab as designed) written as
// a JSON site plan, and any plan written as NetBox's REST JSON (devices, interfaces, cables,
// racks) — the same shapes the NetBox import reads, and nested references by name, as NetBox's
// API accepts them on create.

#include "core/Result.h"

#include <QJsonObject>

#include <functional>

namespace NeoCloud {

class InventoryRepository;
struct LabDefinition;

// `site` is a site's name or id. The plan lists every device of the site with its discovered
// identity, placement, firmware and part counts, and the links LLDP reported.
Result<QJsonObject> exportSitePlan(const InventoryRepository &inventory, const QString &site);

// The lab's design (before its asBuilt differences) as a plan; `bmcUrlOf` gives each device's
// BMC address.
QJsonObject labDesignPlan(const LabDefinition &lab, const std::function<QString(const QString &)> &bmcUrlOf);

// A JSON site plan as {"devices", "interfaces", "cables", "racks"}, each a NetBox list answer.
QJsonObject netBoxExport(const QJsonObject &plan);

} // namespace NeoCloud
