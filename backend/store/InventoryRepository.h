#pragma once
// Reads and writes the physical inventory: sites, racks, devices with components and ports, links.

#include "core/Result.h"
#include "domain/Inventory.h"

#include <QHash>

#include <optional>
#include <utility>

namespace NeoCloud {

class Database;

// What the hardware can give tenants, from the discovered parts.
struct PhysicalCapacity
{
    qint64 rawBytes = 0;    // DBox SSDs (NVRAM excluded)
    qint64 usableBytes = 0; // after erasure coding
    int gpus = 0;           // GPUs in GPU servers
};

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

    // For reconciling a discovery with what is stored.
    Result<std::optional<Site>> siteByName(const QString &name) const;
    Result<QList<Device>> devicesWithDetail(const QString &siteId) const; // components + ports
    Status updateDevice(const Device &device); // fields, and components and ports replaced
    Status deleteDevice(const QString &id);
    Status setDeviceState(const QString &id, const QString &state, const QString &updatedAt);
    Status replaceLinks(const QString &siteId, const QList<LinkSource> &sources, const QList<Link> &links);

    // Every device with a BMC address: id, name and bmcUrl filled, nothing else (to name the
    // device behind a pinned certificate).
    Result<QList<Device>> devicesWithBmc() const;

    Result<InventoryCounts> counts() const;
    Result<PhysicalCapacity> physicalCapacity() const;

    // What a device page is kept under: the query, with every field.
    static QString pageKey(const DeviceQuery &query);
    // Differs whenever the store may have changed (see Database::changeStamp); empty inside a
    // transaction, where what is read may still be rolled back.
    std::optional<std::pair<qint64, qint64>> changeStamp() const;

private:
    Result<Page<Device>> readDevices(const DeviceQuery &query) const;

    Database &m_db;
    // Device pages as last read, kept while the store's change stamp stays the same: at 10,000
    // devices a page costs a scan and a sort, and a Hardware view is asked for the same few
    // pages over and over. Any write anywhere in the store drops them all.
    struct PageCache
    {
        std::pair<qint64, qint64> stamp{-1, -1};
        QHash<QString, Page<Device>> pages;
    };
    mutable PageCache m_pageCache;
};

} // namespace NeoCloud
