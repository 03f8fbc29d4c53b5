#include "InventoryService.h"

#include "core/Ids.h"
#include "core/Time.h"

namespace NeoCloud {

InventoryService::InventoryService(InventoryRepository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
{
}

Result<Page<Device>> InventoryService::devices(const DeviceQuery &query) const
{
    if (query.limit < 1 || query.limit > 1000)
        return Error::badInput(QStringLiteral("invalid_limit"),
                               QStringLiteral("limit must be between 1 and 1000."),
                               QStringLiteral("limit"));
    if (query.offset < 0)
        return Error::badInput(QStringLiteral("invalid_offset"),
                               QStringLiteral("offset must not be negative."),
                               QStringLiteral("offset"));
    return m_repository.devices(query);
}

Result<Site> InventoryService::addSite(Site site)
{
    if (site.name.trimmed().isEmpty())
        return Error::badInput(QStringLiteral("missing_name"), QStringLiteral("A site needs a name."),
                               QStringLiteral("name"));
    if (site.id.isEmpty())
        site.id = newId(QLatin1String("site"));
    if (site.createdAt.isEmpty())
        site.createdAt = nowIso();
    if (Status s = m_repository.insertSite(site); !s)
        return s.error();
    Q_EMIT inventoryChanged();
    return site;
}

Result<Rack> InventoryService::addRack(Rack rack)
{
    if (rack.id.isEmpty())
        rack.id = newId(QLatin1String("rack"));
    if (Status s = m_repository.insertRack(rack); !s)
        return s.error();
    Q_EMIT inventoryChanged();
    return rack;
}

Result<Device> InventoryService::addDevice(Device device)
{
    if (device.id.isEmpty())
        device.id = newId(QLatin1String("dev"));
    if (device.updatedAt.isEmpty())
        device.updatedAt = nowIso();
    for (Component &component : device.components)
        if (component.id.isEmpty())
            component.id = newId(QLatin1String("cmp"));
    for (Port &port : device.ports)
        if (port.id.isEmpty())
            port.id = newId(QLatin1String("prt"));
    if (Status s = m_repository.insertDevice(device); !s)
        return s.error();
    Q_EMIT inventoryChanged();
    return device;
}

Result<Link> InventoryService::addLink(Link link)
{
    if (link.id.isEmpty())
        link.id = newId(QLatin1String("lnk"));
    if (Status s = m_repository.insertLink(link); !s)
        return s.error();
    Q_EMIT inventoryChanged();
    return link;
}

} // namespace NeoCloud
