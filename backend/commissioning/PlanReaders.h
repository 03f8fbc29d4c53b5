#pragma once
// Turns uploaded files into a SitePlan, reporting every bad value by file, line and column
// instead of stopping at the first. The three forms (docs/commissioning.md): the JSON site plan
// of the contract, the CSV set (racks.csv, devices.csv, links.csv) and a NetBox export (the
// REST API's JSON for devices, interfaces and cables, optionally racks). Reading checks
// shapes and types; validatePlan() then checks the rules that span rows.

#include "SitePlan.h"

#include <QByteArray>

namespace NeoCloud {

struct PlanFile
{
    QString name; // the upload's file name, e.g. "devices.csv"
    QByteArray data;
};

struct PlanUpload
{
    PlanFormat format = PlanFormat::Json;
    QList<PlanFile> files;
    QString site; // CSV: required; NetBox: picks one site of a multi-site export
    QString name; // optional label
};

struct PlanRead
{
    SitePlan plan;
    QList<PlanIssue> issues;
};

PlanRead readJsonPlan(const PlanFile &file);
PlanRead readCsvPlan(const PlanUpload &upload);
PlanRead readNetBoxPlan(const PlanUpload &upload);
PlanRead readPlan(const PlanUpload &upload); // by upload.format

// Rules across rows: unique names, serials and ports; racks and devices referenced exist;
// devices fit their rack and do not overlap; BMC addresses are http(s) URLs.
QList<PlanIssue> validatePlan(const SitePlan &plan);

// Helpers shared by the readers.
std::optional<DeviceKind> deviceKindFrom(const QString &text);
bool isBmcUrl(const QString &text);

} // namespace NeoCloud
