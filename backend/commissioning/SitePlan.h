#pragma once
// A commissioning site plan: what a site should look like once built — racks, the devices
// expected in them (model, serial or asset tag, BMC address, U position) and the cabling — as
// imported from a JSON plan, a CSV set or a NetBox export (docs/commissioning.md). Every element
// remembers where it came from, so a refusal can name the file, line and column.

#include "domain/Inventory.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace NeoCloud {

// A place in an imported file, 1-based; 0 when unknown. CSV columns count fields, as
// spreadsheets number them; JSON columns count characters.
struct SourceSpot
{
    int line = 0;
    int column = 0;
};

struct PlanOrigin
{
    QString file;
    SourceSpot at;                     // the row or object
    QHash<QString, SourceSpot> fields; // per field, when known
    SourceSpot of(const QString &field) const { return fields.value(field, at); }
};

// One problem with an imported plan, for the 422 answer's `details`.
struct PlanIssue
{
    QString file;
    int line = 0;
    int column = 0;
    QString message;
};

inline PlanIssue issueAt(const PlanOrigin &origin, const QString &field, const QString &message)
{
    const SourceSpot spot = origin.of(field);
    return {origin.file, spot.line, spot.column, message};
}

struct PlanRack
{
    QString name;
    int units = 42;
    PlanOrigin origin;
};

// Parts a device should have; unset counts fall back to the majority of its model on site.
struct ExpectedCounts
{
    std::optional<int> gpus;
    std::optional<int> drives;
    std::optional<int> memory;
    bool isEmpty() const { return !gpus && !drives && !memory; }
};

struct PlanDevice
{
    QString name;
    QString rack;
    std::optional<int> position; // lowest U
    int heightU = 1;
    DeviceKind kind = DeviceKind::Other;
    QString vendor;
    QString model;
    QString serial;
    QString assetTag;
    QString bmcUrl;
    QString firmware; // empty: checked against the model's majority instead
    ExpectedCounts expected;
    QJsonObject extra; // keys the plan carried that we do not read, kept as they came
    PlanOrigin origin;
};

struct PlanLinkEnd
{
    QString device;
    QString port;
    QString text() const { return device + QLatin1Char(':') + port; }
};

struct PlanLink
{
    PlanLinkEnd a;
    PlanLinkEnd b;
    std::optional<double> speedGbps;
    QJsonObject extra;
    PlanOrigin origin;
};

enum class PlanFormat { Json, Csv, NetBox };

QString toString(PlanFormat format);

struct SitePlan
{
    QString id;
    QString site;
    QString name;
    PlanFormat format = PlanFormat::Json;
    QString sha256; // of the normalised JSON document
    QString createdAt;
    QString createdBy;
    QJsonObject extra;
    QList<PlanRack> racks;
    QList<PlanDevice> devices;
    QList<PlanLink> links;

    const PlanDevice *device(const QString &name) const;
};

// The plan in the JSON site plan form of the contract (../shared/api-v1.md), extras included:
// what GET returns, what the export writes, and what the SHA-256 is taken over.
QJsonObject planDocument(const SitePlan &plan);
QJsonObject planDeviceJson(const PlanDevice &device);
QJsonObject planLinkJson(const PlanLink &link);
QString documentSha256(const QJsonObject &document);

} // namespace NeoCloud
