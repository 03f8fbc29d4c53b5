#pragma once
// Reads and writes the physical inventory: sites, racks, devices with components and ports, links.

#include "core/Result.h"
#include "domain/Inventory.h"

#include <QHash>

namespace NeoCloud {

class Database;

struct InventoryCounts
{
    int sites = 0;
    int racks = 0;
    int devices = 0;
    QHash<DeviceKind, int> devicesByKind;
};

class InventoryRepository
{
public:
    explicit InventoryRepository(Database &database) : m_db(database) { }

    Result<QList<Site>> sites() const;
    Result<Site> site(const QString &id) const;
    Status insertSite(const Site &site);

    Result<QList<Rack>> racks(const QString &siteId) const;
    Status insertRack(const Rack &rack);

    Result<Page<Device>> devices(const DeviceQuery &query) const;
    Result<Device> device(const QString &id) const; // with components and ports
    Status insertDevice(const Device &device);      // with its components and ports

    Result<QList<Link>> links(const QString &siteId) const;
    Status insertLink(const Link &link);

    Result<InventoryCounts> counts() const;

private:
    Database &m_db;
};

} // namespace NeoCloud
