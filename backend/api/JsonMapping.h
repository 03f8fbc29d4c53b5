#pragma once
// Domain values in the REST API's JSON shapes (../shared/api-v1.md). One function per type.

#include "domain/Activity.h"
#include "domain/Inventory.h"
#include "domain/Tenancy.h"

#include <QJsonArray>
#include <QJsonObject>

namespace NeoCloud {

QJsonObject toJson(const Site &site);
QJsonObject toJson(const Rack &rack);
QJsonObject toJson(const Device &device, bool withDetail = false);
QJsonObject toJson(const Component &component);
QJsonObject toJson(const Port &port);
QJsonObject toJson(const Link &link);
QJsonObject toJson(const Event &event);
QJsonObject toJson(const AuditEntry &entry);
QJsonObject toJson(const User &user);
QJsonObject toJson(const Tenant &tenant);
QJsonObject toJson(const NetworkPool &pool);

template<typename T>
QJsonObject pageToJson(const Page<T> &page)
{
    QJsonArray items;
    for (const T &item : page.items)
        items.append(toJson(item));
    return {{QLatin1String("items"), items}, {QLatin1String("total"), page.total}};
}

template<typename T>
QJsonObject listToJson(const QList<T> &list)
{
    QJsonArray items;
    for (const T &item : list)
        items.append(toJson(item));
    return {{QLatin1String("items"), items}, {QLatin1String("total"), int(list.size())}};
}

} // namespace NeoCloud
