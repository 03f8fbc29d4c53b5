#pragma once
// Brings the stored inventory of a site in line with what a scan found: adds new devices, updates
// changed ones (and says which field changed from what to what), marks unreachable ones, removes
// replaced ones, and rebuilds the links LLDP reports. One transaction: a failed apply changes
// nothing.

#include "core/Result.h"
#include "redfish/RedfishInventory.h"

#include <QJsonArray>

#include <optional>

namespace NeoCloud {

class Database;
class InventoryRepository;

// What one scanned BMC gave.
struct TargetOutcome
{
    QString bmcUrl;
    std::optional<DiscoveredDevice> device; // set when the BMC answered
    bool unreachable = false;
};

// Neighbours reported for a known device by an lldp-json target.
struct LldpReport
{
    QString device; // id or name
    QList<LldpNeighbour> neighbours;
};

struct FieldChange
{
    QString field;
    QString before;
    QString after;
};

struct DeviceChange
{
    enum class Kind { Added, Changed, Gone, Unreachable, Recovered };
    Kind kind;
    QString deviceId;
    QString deviceName;
    QList<FieldChange> fields;
    Health health = Health::Unknown;
};

struct ReconcileSummary
{
    QString siteId;
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    int unreachable = 0;
    int gone = 0;
    int links = 0;
    QList<DeviceChange> changes;
    QStringList warnings; // e.g. duplicate serials, unmatched LLDP neighbours
};

class Reconciler
{
public:
    Reconciler(Database &database, InventoryRepository &repository);

    Result<ReconcileSummary> apply(const QString &siteName, const QList<TargetOutcome> &outcomes,
                                   const QList<LldpReport> &lldpReports);

private:
    Database &m_db;
    InventoryRepository &m_repository;
};

QString toString(DeviceChange::Kind kind);

} // namespace NeoCloud
