#pragma once
// The inventory as the rest of the product uses it: queries, validated additions, and a signal
// whenever it changes so views and caches can refresh.

#include "core/Result.h"
#include "domain/Inventory.h"
#include "store/InventoryRepository.h"

#include <QObject>

namespace NeoCloud {

class InventoryService : public QObject
{
    Q_OBJECT
public:
    explicit InventoryService(InventoryRepository &repository, QObject *parent = nullptr);

    Result<QList<Site>> sites() const { return m_repository.sites(); }
    Result<QList<Rack>> racks(const QString &siteId) const { return m_repository.racks(siteId); }
    Result<Page<Device>> devices(const DeviceQuery &query) const;
    // Lets a reader keep what it made of an answer (such as the REST API's JSON of a device page)
    // until the store changes; empty when that cannot be told.
    std::optional<std::pair<qint64, qint64>> changeStamp() const { return m_repository.changeStamp(); }
    static QString pageKey(const DeviceQuery &query) { return InventoryRepository::pageKey(query); }
    Result<Device> device(const QString &id) const { return m_repository.device(id); }
    Result<QList<Link>> links(const QString &siteId) const { return m_repository.links(siteId); }
    Result<InventoryCounts> counts() const { return m_repository.counts(); }
    Result<PhysicalCapacity> physicalCapacity() const { return m_repository.physicalCapacity(); }

    Result<Site> addSite(Site site);
    Result<Rack> addRack(Rack rack);
    Result<Device> addDevice(Device device);
    Result<Link> addLink(Link link);

    // Discovery writes through its own reconciler in one transaction, then tells views here.
    void announceChange() { Q_EMIT inventoryChanged(); }

Q_SIGNALS:
    void inventoryChanged();

private:
    InventoryRepository &m_repository;
};

} // namespace NeoCloud
