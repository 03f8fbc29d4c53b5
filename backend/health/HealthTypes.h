#pragma once
// The vocabulary of service health: a cell's status, what the hardware is known to be doing
// (from discovery and the periodic poll), and a verdict with its reasons in two wordings, one for
// operators and one a tenant may read (no hardware names, serials or other tenants).

#include "domain/Inventory.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace NeoCloud {

// Worst first is not the declaration order: see severityRank().
enum class HealthStatus { Healthy, Degraded, Down, Unknown, Disabled };

QString toString(HealthStatus status);
std::optional<HealthStatus> parseHealthStatus(const QString &text);
// down > degraded > unknown > healthy > disabled: the worst finding decides a cell.
int severityRank(HealthStatus status);

// What is known about one device right now. Discovery fills it from the inventory; the poll
// refreshes it from the BMC's Status fields; the VMS adds its own view of CNodes and DBoxes.
struct DeviceFacts
{
    QString id;
    QString name;
    DeviceKind kind = DeviceKind::Other;
    bool observed = false; // any data at all
    bool reachable = true; // its BMC answered the last time it was asked
    QString bmcProblem; // why not, in words ("does not answer", "answers HTTP 500")
    bool systemDown = false; // the host is powered off or its system reports itself failed
    QList<Component> components;
    QHash<QString, LinkState> ports; // by port name
    QString vmsState; // CNodes and DBoxes: the state VMS reports; empty when unknown
    QString observedAt;

    bool operator==(const DeviceFacts &other) const;
    bool operator!=(const DeviceFacts &other) const { return !(*this == other); }
};

// One thing wrong (or unknown) on the way from the hardware to a service.
struct HealthFinding
{
    HealthStatus status = HealthStatus::Degraded;
    QString reason; // operator's words: device and port names
    QString tenantReason; // a tenant's words: no hardware names or serials
    QStringList devices; // inventory ids involved
};

// The health of everything one dependency set serves.
struct Verdict
{
    HealthStatus status = HealthStatus::Healthy;
    QList<HealthFinding> findings; // worst first
    QString reason() const; // "degraded: 1 of 4 CNodes ... ; drive failed ..."
    QString tenantReason() const; // the same in a tenant's words
};

// One tenant x kind cell of the matrix as stored.
struct HealthCell
{
    QString tenantId;
    QString kind;
    HealthStatus status = HealthStatus::Unknown;
    QString reason;
    QString tenantReason;
    QString since; // when the status last changed
    QString alertId; // the open alert while the cell is degraded or down
    QString serviceId;
};

} // namespace NeoCloud
