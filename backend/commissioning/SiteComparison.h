#pragma once
// The commissioning checks: a plan against the site as built, one finding per check and
// subject, every check listed whether it passes or not (docs/commissioning.md lists them).
// Pure functions over values, so the same plan and snapshot always give the same findings.

#include "AsBuilt.h"
#include "Findings.h"

#include <QHash>

namespace NeoCloud {

QList<Finding> compareSite(const SitePlan &plan, const AsBuilt &site);

// Marks failing findings whose key has a waiver recorded for the same `found` as waived.
void applyWaivers(QList<Finding> &findings, const QHash<QString, Waiver> &waivers);

// Sets each finding's `change` against the previous run's findings and returns what changed,
// including failures of the previous run that are gone now (fixed).
QJsonArray compareWithPrevious(QList<Finding> &findings, const QList<Finding> &previous);

} // namespace NeoCloud
