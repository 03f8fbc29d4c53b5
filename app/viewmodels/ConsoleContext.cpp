#include "ConsoleContext.h"

#include "core/Version.h"

namespace NeoCloud {

ConsoleContext::ConsoleContext(InventoryService &inventory, TenantService &tenants,
                               EventLog &events, DiscoveryService &discovery, LabService *lab, QObject *parent)
    : QObject(parent)
    , m_overview(inventory, tenants, events, this)
    , m_events(events, EventListModel::defaultMaxRows, this)
    , m_devices(inventory, this)
    , m_deviceFilter(m_devices, this)
    , m_selectedDevice(inventory, m_devices, this)
    , m_topology(inventory, m_devices, this)
    , m_discovery(discovery, lab, this)
    , m_lab(lab, inventory, this)
{
}

QString ConsoleContext::version() const { return productVersion; }

QStringList ConsoleContext::viewNames()
{
    return {QStringLiteral("overview"), QStringLiteral("hardware"),      QStringLiteral("topology"),
            QStringLiteral("capacity"), QStringLiteral("tenants"),       QStringLiteral("services"),
            QStringLiteral("health"),   QStringLiteral("events"),        QStringLiteral("commissioning"),
            QStringLiteral("settings")};
}

QStringList ConsoleContext::availableViews()
{
    // Settings holds only the demo lab for now; the page says so rather than pretend more.
    return {QStringLiteral("overview"), QStringLiteral("hardware"), QStringLiteral("topology"),
            QStringLiteral("events"), QStringLiteral("settings")};
}

} // namespace NeoCloud
