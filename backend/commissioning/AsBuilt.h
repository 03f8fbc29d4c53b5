#pragma once
// The site as discovery found it, reduced to what commissioning compares and reports: devices
// by name with identity, placement, firmware, part counts and unhealthy parts, and the links
// LLDP reported by device and port name. A run stores this snapshot with its findings, so a
// report can be made again from exactly the data the findings came from.

#include "SitePlan.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace NeoCloud {

struct BuiltPart
{
    QString name;
    QString kind;
    QString health;
};

struct BuiltDevice
{
    QString name;
    QString kind;
    QString vendor;
    QString model;
    QString serial;
    QString firmware;
    QString rack;
    std::optional<int> position;
    int heightU = 1;
    QString health;
    QString bmcUrl;
    QHash<QString, int> counts;  // gpu, drive, memory, psu, ... -> how many the BMC reports
    int healthyPsus = 0;
    QList<BuiltPart> unhealthy;  // parts whose health is warning or critical
};

struct BuiltLink
{
    PlanLinkEnd a;
    PlanLinkEnd b;
    double speedGbps = 0;
};

struct AsBuilt
{
    QString site;
    QList<BuiltDevice> devices; // those that answered this run's scan
    QList<BuiltLink> links;
    QStringList unreachable; // BMC URLs that did not answer
};

// From the stored inventory after a scan: `present` devices (with components and ports), the
// site's racks by id, and its links by device id.
AsBuilt asBuiltFrom(const QString &site, const QList<Device> &present, const QHash<QString, QString> &rackNames,
                    const QList<Link> &links, const QStringList &unreachable);

QJsonObject toJson(const AsBuilt &site);
AsBuilt asBuiltFromJson(const QJsonObject &json);

} // namespace NeoCloud
