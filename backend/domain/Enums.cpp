#include "Enums.h"

#include <array>
#include <utility>

namespace NeoCloud {
namespace {

template<typename E, std::size_t N>
using Table = std::array<std::pair<E, QLatin1String>, N>;

constexpr Table<DeviceKind, 6> deviceKinds{{
    {DeviceKind::GpuServer, QLatin1String("gpu-server")},
    {DeviceKind::StorageCNode, QLatin1String("storage-cnode")},
    {DeviceKind::StorageDBox, QLatin1String("storage-dbox")},
    {DeviceKind::Switch, QLatin1String("switch")},
    {DeviceKind::Pdu, QLatin1String("pdu")},
    {DeviceKind::Other, QLatin1String("other")},
}};
constexpr Table<Health, 4> healths{{
    {Health::Ok, QLatin1String("ok")},
    {Health::Warning, QLatin1String("warning")},
    {Health::Critical, QLatin1String("critical")},
    {Health::Unknown, QLatin1String("unknown")},
}};
constexpr Table<ComponentKind, 7> componentKinds{{
    {ComponentKind::Gpu, QLatin1String("gpu")},
    {ComponentKind::Cpu, QLatin1String("cpu")},
    {ComponentKind::Memory, QLatin1String("memory")},
    {ComponentKind::Drive, QLatin1String("drive")},
    {ComponentKind::Nic, QLatin1String("nic")},
    {ComponentKind::Psu, QLatin1String("psu")},
    {ComponentKind::Fan, QLatin1String("fan")},
}};
constexpr Table<LinkState, 3> linkStates{{
    {LinkState::Up, QLatin1String("up")},
    {LinkState::Down, QLatin1String("down")},
    {LinkState::Unknown, QLatin1String("unknown")},
}};
constexpr Table<LinkSource, 3> linkSources{{
    {LinkSource::Lldp, QLatin1String("lldp")},
    {LinkSource::Plan, QLatin1String("plan")},
    {LinkSource::Redfish, QLatin1String("redfish")},
}};
constexpr Table<TenantState, 3> tenantStates{{
    {TenantState::Active, QLatin1String("active")},
    {TenantState::Suspended, QLatin1String("suspended")},
    {TenantState::Deleting, QLatin1String("deleting")},
}};
constexpr Table<Role, 4> roles{{
    {Role::OperatorAdmin, QLatin1String("operator-admin")},
    {Role::OperatorViewer, QLatin1String("operator-viewer")},
    {Role::TenantAdmin, QLatin1String("tenant-admin")},
    {Role::TenantViewer, QLatin1String("tenant-viewer")},
}};
constexpr Table<Severity, 3> severities{{
    {Severity::Info, QLatin1String("info")},
    {Severity::Warning, QLatin1String("warning")},
    {Severity::Critical, QLatin1String("critical")},
}};
constexpr Table<JobState, 6> jobStates{{
    {JobState::Queued, QLatin1String("queued")},
    {JobState::Running, QLatin1String("running")},
    {JobState::Succeeded, QLatin1String("succeeded")},
    {JobState::Partial, QLatin1String("partial")},
    {JobState::Failed, QLatin1String("failed")},
    {JobState::Cancelled, QLatin1String("cancelled")},
}};
constexpr Table<ServiceState, 5> serviceStates{{
    {ServiceState::Enabling, QLatin1String("enabling")},
    {ServiceState::Active, QLatin1String("active")},
    {ServiceState::Failed, QLatin1String("failed")},
    {ServiceState::Disabling, QLatin1String("disabling")},
    {ServiceState::Disabled, QLatin1String("disabled")},
}};

template<typename E, std::size_t N>
QString spell(const Table<E, N> &table, E value)
{
    for (const auto &[e, text] : table)
        if (e == value)
            return text;
    return {};
}

template<typename E, std::size_t N>
std::optional<E> parse(const Table<E, N> &table, const QString &text)
{
    for (const auto &[e, spelling] : table)
        if (text == spelling)
            return e;
    return std::nullopt;
}

template<typename E, std::size_t N>
QStringList spellings(const Table<E, N> &table)
{
    QStringList out;
    for (const auto &entry : table)
        out << entry.second;
    return out;
}

} // namespace

#define NEOCLOUD_ENUM_TEXT(Type, table)                                                            \
    QString toString(Type value) { return spell(table, value); }                                   \
    template<> std::optional<Type> parseEnum<Type>(const QString &text) { return parse(table, text); } \
    template<> QStringList enumSpellings<Type>() { return spellings(table); }

NEOCLOUD_ENUM_TEXT(DeviceKind, deviceKinds)
NEOCLOUD_ENUM_TEXT(Health, healths)
NEOCLOUD_ENUM_TEXT(ComponentKind, componentKinds)
NEOCLOUD_ENUM_TEXT(LinkState, linkStates)
NEOCLOUD_ENUM_TEXT(LinkSource, linkSources)
NEOCLOUD_ENUM_TEXT(TenantState, tenantStates)
NEOCLOUD_ENUM_TEXT(Role, roles)
NEOCLOUD_ENUM_TEXT(Severity, severities)
NEOCLOUD_ENUM_TEXT(JobState, jobStates)
NEOCLOUD_ENUM_TEXT(ServiceState, serviceStates)

#undef NEOCLOUD_ENUM_TEXT

} // namespace NeoCloud
