#include "OverviewModel.h"

#include "activity/EventLog.h"
#include "inventory/InventoryService.h"
#include "tenancy/TenantService.h"

namespace NeoCloud {

namespace {
// A discovery run adds hundreds of devices in a burst; one re-read per burst is enough.
constexpr int coalesceMs = 25;
} // namespace

OverviewModel::OverviewModel(InventoryService &inventory, TenantService &tenants,
                             EventLog &events, QObject *parent)
    : QObject(parent)
    , m_inventory(inventory)
    , m_tenants(tenants)
    , m_events(events)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(coalesceMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &OverviewModel::refresh);
    connect(&m_inventory, &InventoryService::inventoryChanged, this,
            &OverviewModel::scheduleRefresh);
    connect(&m_tenants, &TenantService::tenantsChanged, this, &OverviewModel::scheduleRefresh);
    connect(&m_events, &EventLog::alertsChanged, this, &OverviewModel::scheduleRefresh);
    // The first read waits for the event loop so the window can show before the store is queried.
    scheduleRefresh();
}

void OverviewModel::scheduleRefresh()
{
    // Not restarted while pending: a steady stream of changes must not postpone the refresh forever.
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void OverviewModel::refresh()
{
    m_refreshTimer.stop();
    const Result<InventoryCounts> inventory = m_inventory.counts();
    const Result<int> tenants = m_tenants.count();
    const Result<int> alerts = m_events.openAlertCount();
    for (const Error *error : {inventory ? nullptr : &inventory.error(),
                               tenants ? nullptr : &tenants.error(),
                               alerts ? nullptr : &alerts.error()}) {
        if (error) {
            // Keep the last good numbers on screen; the view shows the error beside them.
            setLastError(error->message);
            markLoaded();
            return;
        }
    }

    Counts next;
    next.sites = inventory->sites;
    next.racks = inventory->racks;
    next.devices = inventory->devices;
    const auto byKind = [&](DeviceKind kind) { return inventory->devicesByKind.value(kind); };
    next.gpuServers = byKind(DeviceKind::GpuServer);
    next.storageCNodes = byKind(DeviceKind::StorageCNode);
    next.storageDBoxes = byKind(DeviceKind::StorageDBox);
    next.switches = byKind(DeviceKind::Switch);
    next.pdus = byKind(DeviceKind::Pdu);
    next.otherDevices = byKind(DeviceKind::Other);
    next.tenants = *tenants;
    next.openAlerts = *alerts;

    setLastError({});
    if (next != m_counts) {
        m_counts = next;
        Q_EMIT countsChanged();
    }
    markLoaded();
}

void OverviewModel::markLoaded()
{
    if (!m_loaded) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
}

void OverviewModel::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

} // namespace NeoCloud
