#pragma once
// The physical site as the console knows it: sites, racks, devices, their components and ports,
// and the links between ports. Plain values, copied freely; the store owns persistence.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace NeoCloud {

enum class DeviceKind { GpuServer, StorageCNode, StorageDBox, Switch, Pdu, Other };
enum class Health { Ok, Warning, Critical, Unknown };
enum class ComponentKind { Gpu, Cpu, Memory, Drive, Nic, Psu, Fan };
enum class LinkState { Up, Down, Unknown };
enum class LinkSource { Lldp, Plan, Redfish };

struct Site
{
    QString id;
    QString name;
    QString description;
    QString createdAt;
};

struct Rack
{
    QString id;
    QString siteId;
    QString name;
    int units = 42;
    int deviceCount = 0; // derived when read
};

struct Component
{
    QString id;
    ComponentKind kind = ComponentKind::Gpu;
    QString name;
    QString model;
    QString serial;
    QString firmware;
    qint64 capacityBytes = 0;
    Health health = Health::Unknown;
};

struct Port
{
    QString id;
    QString name;
    QString mac;
    double speedGbps = 0;
    LinkState linkState = LinkState::Unknown;
};

struct Device
{
    QString id;
    QString siteId;
    QString rackId; // empty when not racked
    QString name;
    DeviceKind kind = DeviceKind::Other;
    QString vendor;
    QString model;
    QString serial;
    QString firmware;
    std::optional<int> position; // lowest occupied U, 1-based
    int heightU = 1;
    Health health = Health::Unknown;
    QString state = QStringLiteral("active");
    QString bmcUrl;
    QString updatedAt;
    QList<Component> components; // filled only when one device is read
    QList<Port> ports;           // idem
};

struct LinkEnd
{
    QString deviceId;
    QString port;
};

struct Link
{
    QString id;
    QString siteId;
    LinkEnd a;
    LinkEnd b;
    double speedGbps = 0;
    LinkSource source = LinkSource::Lldp;
    // Not stored: read from the ports at both ends (linkStateOf) whenever links are read.
    LinkState state = LinkState::Unknown;
};

// A link is down when either end's port says so, up when one says up and neither down, else
// unknown (no port of that name was discovered, or neither reports a state).
inline LinkState linkStateOf(LinkState a, LinkState b)
{
    if (a == LinkState::Down || b == LinkState::Down)
        return LinkState::Down;
    if (a == LinkState::Up || b == LinkState::Up)
        return LinkState::Up;
    return LinkState::Unknown;
}

// Filters and paging for device lists; empty strings mean "any".
struct DeviceQuery
{
    QString siteId;
    QString rackId;
    std::optional<DeviceKind> kind;
    QString text; // matches name, serial, model
    int limit = 100;
    int offset = 0;
};

template<typename T>
struct Page
{
    QList<T> items;
    int total = 0;
};

} // namespace NeoCloud
