#include "InventoryRepository.h"

#include "Database.h"
#include "domain/Enums.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace NeoCloud {
namespace {

const QString deviceColumns = QStringLiteral(
    "id, site_id, rack_id, name, kind, vendor, model, serial, firmware, position, height_u, "
    "health, state, bmc_url, updated_at");

Device deviceFrom(const QSqlQuery &q)
{
    Device d;
    d.id = q.value(0).toString();
    d.siteId = q.value(1).toString();
    d.rackId = q.value(2).toString();
    d.name = q.value(3).toString();
    d.kind = parseEnum<DeviceKind>(q.value(4).toString()).value_or(DeviceKind::Other);
    d.vendor = q.value(5).toString();
    d.model = q.value(6).toString();
    d.serial = q.value(7).toString();
    d.firmware = q.value(8).toString();
    if (!q.value(9).isNull())
        d.position = q.value(9).toInt();
    d.heightU = q.value(10).toInt();
    d.health = parseEnum<Health>(q.value(11).toString()).value_or(Health::Unknown);
    d.state = q.value(12).toString();
    d.bmcUrl = q.value(13).toString();
    d.updatedAt = q.value(14).toString();
    return d;
}


// Columns from `first` on: id, kind, name, model, serial, firmware, capacity_bytes, health.
Component componentFrom(const QSqlQuery &q, int first)
{
    Component comp;
    comp.id = q.value(first).toString();
    comp.kind = parseEnum<ComponentKind>(q.value(first + 1).toString()).value_or(ComponentKind::Gpu);
    comp.name = q.value(first + 2).toString();
    comp.model = q.value(first + 3).toString();
    comp.serial = q.value(first + 4).toString();
    comp.firmware = q.value(first + 5).toString();
    comp.capacityBytes = q.value(first + 6).toLongLong();
    comp.health = parseEnum<Health>(q.value(first + 7).toString()).value_or(Health::Unknown);
    return comp;
}

// Columns from `first` on: id, name, mac, speed_gbps, link_state.
Port portFrom(const QSqlQuery &q, int first)
{
    return {q.value(first).toString(), q.value(first + 1).toString(), q.value(first + 2).toString(),
            q.value(first + 3).toDouble(), parseEnum<LinkState>(q.value(first + 4).toString()).value_or(LinkState::Unknown)};
}

// Binds rack_id, name, kind, vendor, model, serial, firmware, position, height_u, health, state,
// bmc_url, updated_at: the device's own fields, in that order, for INSERT and UPDATE alike.
void bindDeviceFields(QSqlQuery &q, const Device &device)
{
    q.addBindValue(nullable(device.rackId));
    q.addBindValue(text(device.name));
    q.addBindValue(toString(device.kind));
    q.addBindValue(text(device.vendor));
    q.addBindValue(text(device.model));
    q.addBindValue(text(device.serial));
    q.addBindValue(text(device.firmware));
    q.addBindValue(device.position ? QVariant(*device.position) : QVariant());
    q.addBindValue(device.heightU);
    q.addBindValue(toString(device.health));
    q.addBindValue(text(device.state));
    q.addBindValue(text(device.bmcUrl));
    q.addBindValue(text(device.updatedAt));
}

// Escapes LIKE wildcards so a search for "gpu_1" finds that name, not "gpuX1".
QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"))
        .replace(QLatin1String("%"), QLatin1String("\\%"))
        .replace(QLatin1String("_"), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped.toLower() + QLatin1Char('%');
}

} // namespace

Result<QList<Site>> InventoryRepository::sites() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, name, description, created_at FROM sites ORDER BY name"));
    if (Status s = exec(q, QStringLiteral("list sites")); !s)
        return s.error();
    QList<Site> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString()});
    return out;
}

Result<Site> InventoryRepository::site(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, name, description, created_at FROM sites WHERE id = ?"));
    q.addBindValue(text(id));
    if (Status s = exec(q, QStringLiteral("read a site")); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("site"), id);
    return Site{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toString()};
}

Status InventoryRepository::insertSite(const Site &site)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO sites (id, name, description, created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(text(site.id));
    q.addBindValue(text(site.name));
    q.addBindValue(text(site.description));
    q.addBindValue(text(site.createdAt));
    return exec(q, QStringLiteral("add site '%1'").arg(site.name));
}

Result<QList<Rack>> InventoryRepository::racks(const QString &siteId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT r.id, r.site_id, r.name, r.units, "
        "       (SELECT COUNT(*) FROM devices d WHERE d.rack_id = r.id) "
        "FROM racks r WHERE (? = '' OR r.site_id = ?) ORDER BY r.name"));
    q.addBindValue(text(siteId));
    q.addBindValue(text(siteId));
    if (Status s = exec(q, QStringLiteral("list racks")); !s)
        return s.error();
    QList<Rack> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toInt(), q.value(4).toInt()});
    return out;
}

Status InventoryRepository::insertRack(const Rack &rack)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO racks (id, site_id, name, units) VALUES (?, ?, ?, ?)"));
    q.addBindValue(text(rack.id));
    q.addBindValue(text(rack.siteId));
    q.addBindValue(text(rack.name));
    q.addBindValue(rack.units);
    return exec(q, QStringLiteral("add rack '%1'").arg(rack.name));
}

Result<Page<Device>> InventoryRepository::devices(const DeviceQuery &query) const
{
    // Rows read inside a transaction may be rolled back, which leaves the stamp as it was.
    if (m_db.inTransaction())
        return readDevices(query);
    const Result<std::pair<qint64, qint64>> stamp = m_db.changeStamp();
    if (!stamp)
        return stamp.error();
    if (*stamp != m_pageCache.stamp) {
        m_pageCache.stamp = *stamp;
        m_pageCache.pages.clear();
    }
    const QString key = pageKey(query);
    if (const auto cached = m_pageCache.pages.constFind(key); cached != m_pageCache.pages.cend())
        return *cached;
    Result<Page<Device>> page = readDevices(query);
    // A handful of pages is what a few people paging through a view need; more is memory.
    if (page && m_pageCache.pages.size() < 32)
        m_pageCache.pages.insert(key, *page);
    return page;
}

QString InventoryRepository::pageKey(const DeviceQuery &query)
{
    return QStringList{query.siteId, query.rackId, query.kind ? toString(*query.kind) : QString(), query.text,
                       QString::number(query.limit), QString::number(query.offset)}
        .join(QChar(0x1f));
}

std::optional<std::pair<qint64, qint64>> InventoryRepository::changeStamp() const
{
    if (m_db.inTransaction())
        return std::nullopt;
    const auto stamp = m_db.changeStamp();
    return stamp ? std::optional(*stamp) : std::nullopt;
}

Result<Page<Device>> InventoryRepository::readDevices(const DeviceQuery &query) const
{
    // Only the filters given go into the SQL: "(? = '' OR site_id = ?)" for an absent filter
    // still made SQLite test every row, and kept it from counting by an index or walking
    // (site_id, name) in order; at 10,000 devices that was most of a page's cost.
    QStringList conditions;
    QVariantList values;
    const QString kind = query.kind ? toString(*query.kind) : QString();
    const std::pair<const char *, const QString &> equalities[] = {
        {"site_id = ?", query.siteId}, {"rack_id = ?", query.rackId}, {"kind = ?", kind}};
    for (const auto &[condition, value] : equalities) {
        if (!value.isEmpty()) {
            conditions << QLatin1String(condition);
            values << value;
        }
    }
    if (!query.text.isEmpty()) {
        conditions << QStringLiteral("(LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(serial) LIKE ? ESCAPE '\\'"
                                     " OR LOWER(model) LIKE ? ESCAPE '\\')");
        const QString pattern = likePattern(query.text);
        values << pattern << pattern << pattern;
    }
    const QString where = QStringLiteral(" FROM devices")
        + (conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QLatin1String(" AND ")));
    auto bindFilters = [&values](QSqlQuery &q) {
        for (const QVariant &value : std::as_const(values))
            q.addBindValue(value);
    };

    QSqlQuery count(m_db.connection());
    count.prepare(QStringLiteral("SELECT COUNT(*)") + where);
    bindFilters(count);
    if (Status s = exec(count, QStringLiteral("count devices")); !s)
        return s.error();
    Page<Device> page;
    if (count.next())
        page.total = count.value(0).toInt();

    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + deviceColumns + where
              + QStringLiteral(" ORDER BY name LIMIT ? OFFSET ?"));
    bindFilters(q);
    q.addBindValue(query.limit);
    q.addBindValue(query.offset);
    if (Status s = exec(q, QStringLiteral("list devices")); !s)
        return s.error();
    while (q.next())
        page.items.append(deviceFrom(q));
    return page;
}

Result<Device> InventoryRepository::device(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + deviceColumns + QStringLiteral(" FROM devices WHERE id = ?"));
    q.addBindValue(text(id));
    if (Status s = exec(q, QStringLiteral("read a device")); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("device"), id);
    Device device = deviceFrom(q);

    QSqlQuery c(m_db.connection());
    c.prepare(QStringLiteral("SELECT id, kind, name, model, serial, firmware, capacity_bytes, health "
                             "FROM components WHERE device_id = ? ORDER BY kind, name"));
    c.addBindValue(text(id));
    if (Status s = exec(c, QStringLiteral("read components")); !s)
        return s.error();
    while (c.next())
        device.components.append(componentFrom(c, 0));

    QSqlQuery p(m_db.connection());
    p.prepare(QStringLiteral("SELECT id, name, mac, speed_gbps, link_state FROM ports "
                             "WHERE device_id = ? ORDER BY name"));
    p.addBindValue(text(id));
    if (Status s = exec(p, QStringLiteral("read ports")); !s)
        return s.error();
    while (p.next())
        device.ports.append(portFrom(p, 0));
    return device;
}

namespace {

Status insertParts(Database &db, const Device &device)
{
    QSqlQuery c(db.connection());
    c.prepare(QStringLiteral("INSERT INTO components (id, device_id, kind, name, model, serial, "
                             "firmware, capacity_bytes, health) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const Component &comp : device.components) {
        c.addBindValue(text(comp.id));
        c.addBindValue(text(device.id));
        c.addBindValue(toString(comp.kind));
        c.addBindValue(text(comp.name));
        c.addBindValue(text(comp.model));
        c.addBindValue(text(comp.serial));
        c.addBindValue(text(comp.firmware));
        c.addBindValue(comp.capacityBytes);
        c.addBindValue(toString(comp.health));
        if (Status s = exec(c, QStringLiteral("add component '%1'").arg(comp.name)); !s)
            return s;
    }
    QSqlQuery p(db.connection());
    p.prepare(QStringLiteral("INSERT INTO ports (id, device_id, name, mac, speed_gbps, link_state) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    for (const Port &port : device.ports) {
        p.addBindValue(text(port.id));
        p.addBindValue(text(device.id));
        p.addBindValue(text(port.name));
        p.addBindValue(text(port.mac));
        p.addBindValue(port.speedGbps);
        p.addBindValue(toString(port.linkState));
        if (Status s = exec(p, QStringLiteral("add port '%1'").arg(port.name)); !s)
            return s;
    }
    return success();
}

} // namespace

Status InventoryRepository::insertDevice(const Device &device)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("INSERT INTO devices (") + deviceColumns
                  + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(text(device.id));
        q.addBindValue(text(device.siteId));
        bindDeviceFields(q, device);
        if (Status s = exec(q, QStringLiteral("add device '%1'").arg(device.name)); !s)
            return s;

        return insertParts(m_db, device);
    });
}

Result<QList<Link>> InventoryRepository::links(const QString &siteId) const
{
    QSqlQuery q(m_db.connection());
    // Each end's port by the (device_id, name) unique index: the link's state is read with it.
    q.prepare(QStringLiteral("SELECT l.id, l.site_id, l.a_device_id, l.a_port, l.b_device_id, l.b_port, "
                             "l.speed_gbps, l.source, pa.link_state, pb.link_state FROM links l "
                             "LEFT JOIN ports pa ON pa.device_id = l.a_device_id AND pa.name = l.a_port "
                             "LEFT JOIN ports pb ON pb.device_id = l.b_device_id AND pb.name = l.b_port "
                             "WHERE (? = '' OR l.site_id = ?) ORDER BY l.a_device_id, l.a_port"));
    q.addBindValue(text(siteId));
    q.addBindValue(text(siteId));
    if (Status s = exec(q, QStringLiteral("list links")); !s)
        return s.error();
    QList<Link> out;
    const auto portState = [&q](int column) {
        return parseEnum<LinkState>(q.value(column).toString()).value_or(LinkState::Unknown);
    };
    while (q.next()) {
        out.append({q.value(0).toString(), q.value(1).toString(),
                    {q.value(2).toString(), q.value(3).toString()},
                    {q.value(4).toString(), q.value(5).toString()}, q.value(6).toDouble(),
                    parseEnum<LinkSource>(q.value(7).toString()).value_or(LinkSource::Lldp),
                    linkStateOf(portState(8), portState(9))});
    }
    return out;
}

Status InventoryRepository::insertLink(const Link &link)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO links (id, site_id, a_device_id, a_port, b_device_id, "
                             "b_port, speed_gbps, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(text(link.id));
    q.addBindValue(text(link.siteId));
    q.addBindValue(text(link.a.deviceId));
    q.addBindValue(text(link.a.port));
    q.addBindValue(text(link.b.deviceId));
    q.addBindValue(text(link.b.port));
    q.addBindValue(link.speedGbps);
    q.addBindValue(toString(link.source));
    return exec(q, QStringLiteral("add link"));
}

Result<QList<Device>> InventoryRepository::devicesWithBmc() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, bmc_url FROM devices WHERE bmc_url <> '' ORDER BY name"));
    if (Status s = exec(q, QStringLiteral("list devices with a BMC")); !s)
        return s.error();
    QList<Device> devices;
    while (q.next()) {
        Device device;
        device.id = q.value(0).toString();
        device.name = q.value(1).toString();
        device.bmcUrl = q.value(2).toString();
        devices.append(std::move(device));
    }
    return devices;
}

Result<InventoryCounts> InventoryRepository::counts() const
{
    InventoryCounts counts;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM sites), (SELECT COUNT(*) FROM racks)"));
    if (Status s = exec(q, QStringLiteral("count sites and racks")); !s)
        return s.error();
    if (q.next()) {
        counts.sites = q.value(0).toInt();
        counts.racks = q.value(1).toInt();
    }
    QSqlQuery k(m_db.connection());
    k.prepare(QStringLiteral("SELECT kind, COUNT(*) FROM devices GROUP BY kind"));
    if (Status s = exec(k, QStringLiteral("count devices")); !s)
        return s.error();
    while (k.next()) {
        if (const auto kind = parseEnum<DeviceKind>(k.value(0).toString())) {
            counts.devicesByKind[*kind] = k.value(1).toInt();
            counts.devices += k.value(1).toInt();
        }
    }
    return counts;
}

} // namespace NeoCloud

namespace NeoCloud {

Result<std::optional<Site>> InventoryRepository::siteByName(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, name, description, created_at FROM sites WHERE name = ?"));
    q.addBindValue(text(name));
    if (Status s = exec(q, QStringLiteral("find a site")); !s)
        return s.error();
    if (!q.next())
        return std::optional<Site>();
    return std::optional<Site>(Site{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                    q.value(3).toString()});
}

Result<QList<Device>> InventoryRepository::devicesWithDetail(const QString &siteId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + deviceColumns + QStringLiteral(" FROM devices WHERE site_id = ? ORDER BY name"));
    q.addBindValue(text(siteId));
    if (Status s = exec(q, QStringLiteral("list devices")); !s)
        return s.error();
    QList<Device> devices;
    QHash<QString, qsizetype> index;
    while (q.next()) {
        devices.append(deviceFrom(q));
        index.insert(devices.constLast().id, devices.size() - 1);
    }
    // Two queries for all parts instead of two per device: a 1,000-device site reads in
    // milliseconds.
    QSqlQuery c(m_db.connection());
    c.prepare(QStringLiteral("SELECT c.device_id, c.id, c.kind, c.name, c.model, c.serial, c.firmware, "
                             "c.capacity_bytes, c.health FROM components c JOIN devices d ON d.id = c.device_id "
                             "WHERE d.site_id = ? ORDER BY c.device_id, c.kind, c.name"));
    c.addBindValue(text(siteId));
    if (Status s = exec(c, QStringLiteral("read components")); !s)
        return s.error();
    while (c.next())
        devices[index.value(c.value(0).toString())].components.append(componentFrom(c, 1));
    QSqlQuery p(m_db.connection());
    p.prepare(QStringLiteral("SELECT p.device_id, p.id, p.name, p.mac, p.speed_gbps, p.link_state FROM ports p "
                             "JOIN devices d ON d.id = p.device_id WHERE d.site_id = ? ORDER BY p.device_id, p.name"));
    p.addBindValue(text(siteId));
    if (Status s = exec(p, QStringLiteral("read ports")); !s)
        return s.error();
    while (p.next())
        devices[index.value(p.value(0).toString())].ports.append(portFrom(p, 1));
    return devices;
}

Status InventoryRepository::updateDevice(const Device &device)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE devices SET rack_id = ?, name = ?, kind = ?, vendor = ?, model = ?, "
                                 "serial = ?, firmware = ?, position = ?, height_u = ?, health = ?, state = ?, "
                                 "bmc_url = ?, updated_at = ? WHERE id = ?"));
        bindDeviceFields(q, device);
        q.addBindValue(text(device.id));
        if (Status s = exec(q, QStringLiteral("update device '%1'").arg(device.name)); !s)
            return s;
        for (const QString &table : {QStringLiteral("components"), QStringLiteral("ports")}) {
            QSqlQuery d(m_db.connection());
            d.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE device_id = ?"));
            d.addBindValue(text(device.id));
            if (Status s = exec(d, QStringLiteral("replace parts of '%1'").arg(device.name)); !s)
                return s;
        }
        return insertParts(m_db, device);
    });
}

Status InventoryRepository::deleteDevice(const QString &id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM devices WHERE id = ?"));
    q.addBindValue(text(id));
    return exec(q, QStringLiteral("remove a device"));
}

Status InventoryRepository::setDeviceState(const QString &id, const QString &state, const QString &updatedAt)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE devices SET state = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(text(state));
    q.addBindValue(text(updatedAt));
    q.addBindValue(text(id));
    return exec(q, QStringLiteral("set a device's state"));
}

Status InventoryRepository::replaceLinks(const QString &siteId, const QList<LinkSource> &sources,
                                         const QList<Link> &links)
{
    return m_db.transaction([&]() -> Status {
        for (LinkSource source : sources) {
            QSqlQuery d(m_db.connection());
            d.prepare(QStringLiteral("DELETE FROM links WHERE site_id = ? AND source = ?"));
            d.addBindValue(text(siteId));
            d.addBindValue(toString(source));
            if (Status s = exec(d, QStringLiteral("replace links")); !s)
                return s;
        }
        for (const Link &link : links)
            if (Status s = insertLink(link); !s)
                return s;
        return success();
    });
}

} // namespace NeoCloud

namespace NeoCloud {

Result<PhysicalCapacity> InventoryRepository::physicalCapacity() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT (SELECT COALESCE(SUM(c.capacity_bytes), 0) FROM components c JOIN devices d ON d.id = c.device_id "
        "        WHERE d.kind = 'storage-dbox' AND c.kind = 'drive' AND c.name NOT LIKE 'NVRAM%'), "
        "       (SELECT COUNT(*) FROM components c JOIN devices d ON d.id = c.device_id "
        "        WHERE d.kind = 'gpu-server' AND c.kind = 'gpu')"));
    if (Status s = exec(q, QStringLiteral("measure physical capacity")); !s)
        return s.error();
    PhysicalCapacity capacity;
    if (q.next()) {
        capacity.rawBytes = q.value(0).toLongLong();
        capacity.gpus = q.value(1).toInt();
    }
    // Wide-stripe erasure coding (146+4 on a full VAST cluster) keeps about 97 % usable; small
    // clusters use narrower stripes. 0.9 is the planning figure until the provider reports its own.
    capacity.usableBytes = qint64(double(capacity.rawBytes) * 0.9);
    return capacity;
}

} // namespace NeoCloud
