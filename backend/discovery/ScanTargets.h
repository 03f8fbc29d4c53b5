#pragma once
// Parses and expands a scan request's targets (../shared/api-v1.md): redfish, redfish-range,
// lldp-json and lab. Refusals name the offending field, e.g. "targets[2].url".

#include "Reconciler.h"
#include "core/Result.h"
#include "redfish/RedfishCrawler.h"

#include <QJsonObject>

namespace NeoCloud {

class LabEndpoints;

struct ScanPlan
{
    QList<RedfishEndpoint> bmcs;
    QList<LldpReport> lldp;
    QString site;
    int concurrency = 64;
    QJsonObject payload; // the request without secrets, for the job record
};

Result<ScanPlan> planScan(const QJsonObject &body, const LabEndpoints *lab, int maxTargets);

} // namespace NeoCloud
