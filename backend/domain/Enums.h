#pragma once
// The one place where domain enums meet their wire spellings, used by the store and the API alike.

#include "Activity.h"
#include "Inventory.h"
#include "Tenancy.h"

#include <QString>

#include <optional>

namespace NeoCloud {

QString toString(DeviceKind kind);
QString toString(Health health);
QString toString(ComponentKind kind);
QString toString(LinkState state);
QString toString(LinkSource source);
QString toString(TenantState state);
QString toString(Role role);
QString toString(Severity severity);
QString toString(JobState state);
QString toString(ServiceState state);

template<typename E>
std::optional<E> parseEnum(const QString &text);

template<> std::optional<DeviceKind> parseEnum<DeviceKind>(const QString &text);
template<> std::optional<Health> parseEnum<Health>(const QString &text);
template<> std::optional<ComponentKind> parseEnum<ComponentKind>(const QString &text);
template<> std::optional<LinkState> parseEnum<LinkState>(const QString &text);
template<> std::optional<LinkSource> parseEnum<LinkSource>(const QString &text);
template<> std::optional<TenantState> parseEnum<TenantState>(const QString &text);
template<> std::optional<Role> parseEnum<Role>(const QString &text);
template<> std::optional<Severity> parseEnum<Severity>(const QString &text);
template<> std::optional<JobState> parseEnum<JobState>(const QString &text);
template<> std::optional<ServiceState> parseEnum<ServiceState>(const QString &text);

// Every wire spelling of an enum, in declaration order (for error messages and schemas).
template<typename E>
QStringList enumSpellings();

template<> QStringList enumSpellings<DeviceKind>();
template<> QStringList enumSpellings<Health>();
template<> QStringList enumSpellings<ComponentKind>();
template<> QStringList enumSpellings<LinkState>();
template<> QStringList enumSpellings<LinkSource>();
template<> QStringList enumSpellings<TenantState>();
template<> QStringList enumSpellings<Role>();
template<> QStringList enumSpellings<Severity>();
template<> QStringList enumSpellings<JobState>();
template<> QStringList enumSpellings<ServiceState>();

} // namespace NeoCloud
