#include "JsonMapping.h"

#include "JsonKeys.h"
#include "domain/Enums.h"

namespace NeoCloud {
namespace {

QJsonValue nullIfEmpty(const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); }

} // namespace

QJsonObject toJson(const Site &site)
{
    return {{Key::id, site.id}, {Key::name, site.name}, {Key::description, site.description},
            {Key::createdAt, site.createdAt}};
}

QJsonObject toJson(const Rack &rack)
{
    return {{Key::id, rack.id}, {Key::name, rack.name}, {Key::site, rack.siteId},
            {Key::units, rack.units}, {Key::devices, rack.deviceCount}};
}

QJsonObject toJson(const Device &d, bool withDetail)
{
    QJsonObject out{{Key::id, d.id},
                    {Key::name, d.name},
                    {Key::kind, toString(d.kind)},
                    {Key::vendor, d.vendor},
                    {Key::model, d.model},
                    {Key::serial, d.serial},
                    {Key::firmware, d.firmware},
                    {Key::site, d.siteId},
                    {Key::rack, nullIfEmpty(d.rackId)},
                    {Key::position, d.position ? QJsonValue(*d.position) : QJsonValue()},
                    {Key::heightU, d.heightU},
                    {Key::health, toString(d.health)},
                    {Key::state, d.state},
                    {Key::bmcUrl, nullIfEmpty(d.bmcUrl)}};
    if (withDetail) {
        QJsonArray components, ports;
        for (const Component &c : d.components)
            components.append(toJson(c));
        for (const Port &p : d.ports)
            ports.append(toJson(p));
        out.insert(Key::components, components);
        out.insert(Key::ports, ports);
    }
    return out;
}

QJsonObject toJson(const Component &c)
{
    return {{Key::id, c.id},
            {Key::kind, toString(c.kind)},
            {Key::name, c.name},
            {Key::model, c.model},
            {Key::serial, c.serial},
            {Key::firmware, c.firmware},
            {Key::capacityBytes, double(c.capacityBytes)},
            {Key::health, toString(c.health)}};
}

QJsonObject toJson(const Port &p)
{
    return {{Key::name, p.name}, {Key::mac, p.mac}, {Key::speedGbps, p.speedGbps},
            {Key::linkState, toString(p.linkState)}};
}

QJsonObject toJson(const Link &l)
{
    return {{Key::id, l.id},
            {Key::site, l.siteId},
            {Key::a, QJsonObject{{Key::device, l.a.deviceId}, {Key::port, l.a.port}}},
            {Key::b, QJsonObject{{Key::device, l.b.deviceId}, {Key::port, l.b.port}}},
            {Key::speedGbps, l.speedGbps},
            {Key::source, toString(l.source)},
            {Key::state, toString(l.state)}};
}

QJsonObject toJson(const Event &e)
{
    return {{Key::id, e.id},
            {Key::time, e.time},
            {Key::severity, toString(e.severity)},
            {Key::source, e.source},
            {Key::message, e.message},
            {Key::tenant, nullIfEmpty(e.tenantId)},
            {Key::device, nullIfEmpty(e.deviceId)},
            {Key::alert, e.alert},
            {Key::clearedAt, nullIfEmpty(e.clearedAt)},
            {Key::acknowledgedAt, nullIfEmpty(e.acknowledgedAt)},
            {Key::acknowledgedBy, nullIfEmpty(e.acknowledgedBy)},
            {Key::tenantMessage, nullIfEmpty(e.tenantMessage)}};
}

QJsonObject toJson(const AuditEntry &a)
{
    return {{Key::id, a.id},         {Key::time, a.time},     {Key::user, a.user},
            {Key::action, a.action}, {Key::target, a.target}, {Key::result, a.result},
            {Key::detail, a.detail}};
}

QJsonObject toJson(const User &u)
{
    QJsonObject out{{Key::username, u.username}, {Key::role, toString(u.role)}, {Key::tenantId, nullIfEmpty(u.tenantId)}};
    if (u.viewingAs)
        out.insert(Key::viewingAs, true);
    return out;
}

QJsonObject toJson(const Tenant &t)
{
    const QJsonObject quotas{{Key::capacityBytes, double(t.quotas.capacityBytes)},
                             {Key::gpus, t.quotas.gpus},
                             {Key::maxServices, t.quotas.maxServices},
                             {Key::qos, QJsonObject{{Key::bandwidthMBps, double(t.quotas.bandwidthMBps)}, {Key::iops, double(t.quotas.iops)}}}};
    const QJsonObject network{{Key::pool, t.network.poolName},
                              {Key::vlan, t.network.vlan},
                              {Key::subnet, t.network.subnet},
                              {Key::vipRange, QJsonObject{{Key::from, t.network.vipFrom}, {Key::to, t.network.vipTo}}},
                              {Key::allowedClients, QJsonArray::fromStringList(t.network.allowedClients)}};
    return {{Key::id, t.id},
            {Key::name, t.name},
            {Key::displayName, t.displayName},
            {Key::contactEmail, t.contactEmail},
            {Key::state, toString(t.state)},
            {Key::quotas, quotas},
            {Key::network, network},
            {Key::encryption, QJsonObject{{Key::customerManaged, t.encryption.state != QLatin1String("none")},
                                          {Key::state, t.encryption.state},
                                          {Key::keyVersion, t.encryption.keyVersion},
                                          {Key::changedAt, t.encryption.changedAt.isEmpty() ? QJsonValue() : QJsonValue(t.encryption.changedAt)}}},
            {Key::createdAt, t.createdAt}};
}

QJsonObject toJson(const NetworkPool &p)
{
    return {{Key::id, p.id},         {Key::name, p.name},
            {Key::vlanFrom, p.vlanFrom}, {Key::vlanTo, p.vlanTo},
            {Key::cidr, p.cidr},     {Key::subnetPrefix, p.subnetPrefix},
            {Key::allocated, p.allocated}};
}

} // namespace NeoCloud
