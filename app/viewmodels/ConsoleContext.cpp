#include "ConsoleContext.h"

#include "Backend.h"
#include "discovery/DiscoveryService.h"
#include "core/Version.h"

namespace NeoCloud {

ConsoleContext::ConsoleContext(Backend &backend, QObject *parent)
    : QObject(parent)
    , m_overview(backend.inventory(), backend.tenants(), backend.events(), this)
    , m_events(backend.events(), EventListModel::defaultMaxRows, this)
    , m_devices(backend.inventory(), this)
    , m_deviceFilter(m_devices, this)
    , m_selectedDevice(backend.inventory(), m_devices, this)
    , m_topology(backend.inventory(), m_devices, this)
    , m_discovery(backend.discovery(), backend.lab(), this)
    , m_lab(backend.lab(), backend.inventory(), this)
    , m_tenants(backend.tenants(), backend.services(), this)
    , m_tenantFilter(m_tenants, this)
    , m_selectedTenant(backend.tenants(), backend.inventory(), backend.auth(), backend.accessKeys(), backend.services(),
                       backend.catalog(), this)
    , m_tenantEditor(backend.tenants(), backend.inventory(), this)
    , m_catalog(backend.catalog(), this)
    , m_services(backend.services(), backend.catalog(), this)
    , m_onboarding(backend.tenants(), backend.services(), backend.catalog(), this)
    , m_commissioning(backend.commissioning(), backend.discovery(), backend.lab(), this)
    , m_healthMatrix(backend.health(), backend.catalog(), this)
    , m_healthCell(backend.health(), this)
    , m_capacity(backend.capacity(), backend.inventory(), backend.tenants(), backend.telemetryStore(),
                 &backend.telemetry(), this)
    , m_whatIf(backend.capacity(), this)
    , m_viewAs(backend, backend.auth(), backend.tenants(), this)
    , m_bmcTrust(backend.bmcTrust(), backend.pinnedCertificates(), backend.events(), this)
    , m_dashboards(backend.dashboards(), this)
    , m_certificates(backend.pinnedCertificates(), this)
{
    // A scan pins the certificates of the HTTPS BMCs it meets first.
    connect(&backend.discovery(), &DiscoveryService::scanFinished, &m_certificates, &PinnedCertificateModel::reload);
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
            QStringLiteral("capacity"), QStringLiteral("tenants"),  QStringLiteral("services"),
            QStringLiteral("health"),   QStringLiteral("events"),   QStringLiteral("commissioning"),
            QStringLiteral("settings")};
}

} // namespace NeoCloud
