#pragma once
// Shared set-up for the GUI tests: a real Backend on a throwaway database, and a little real
// inventory and event history so views and delegates have something to show.

#include "Backend.h"
#include "activity/EventLog.h"
#include "inventory/InventoryService.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace NeoCloud::Testing {

inline std::unique_ptr<Backend> createBackend(const QTemporaryDir &dir)
{
    BackendConfig config;
    config.databasePath = dir.filePath(QStringLiteral("gui.db"));
    config.adminPassword = QStringLiteral("gui-test-password-1234");
    Result<std::unique_ptr<Backend>> backend = Backend::create(config);
    if (!backend) {
        qWarning("cannot create the backend: %s", qUtf8Printable(backend.error().message));
        return {};
    }
    return std::move(backend).value();
}

// One site, one rack, a GPU server and a switch in it.
inline bool addSampleInventory(InventoryService &inventory)
{
    Site site;
    site.name = QStringLiteral("ams-1");
    const Result<Site> addedSite = inventory.addSite(site);
    if (!addedSite)
        return false;
    Rack rack;
    rack.siteId = addedSite->id;
    rack.name = QStringLiteral("r01");
    const Result<Rack> addedRack = inventory.addRack(rack);
    if (!addedRack)
        return false;
    for (const auto &[name, kind] : {std::pair{QStringLiteral("gpu-001"), DeviceKind::GpuServer},
                                     std::pair{QStringLiteral("leaf-01"), DeviceKind::Switch}}) {
        Device device;
        device.siteId = addedSite->id;
        device.rackId = addedRack->id;
        device.name = name;
        device.kind = kind;
        if (!inventory.addDevice(device))
            return false;
    }
    return true;
}

// Events of every severity, one of them an open alert. They are spaced by a couple of
// milliseconds because the store orders events by their millisecond timestamps.
inline bool addSampleEvents(EventLog &events)
{
    const bool ok = events.record(Severity::Info, QStringLiteral("inventory"),
                                  QStringLiteral("Site ams-1 added"))
                        .ok();
    QThread::msleep(2);
    const bool warned = events.record(Severity::Warning, QStringLiteral("gpu-001"),
                                      QStringLiteral("GPU 3 runs at 84 °C"))
                            .ok();
    QThread::msleep(2);
    const bool alerted = events.raiseAlert(Severity::Critical, QStringLiteral("leaf-01"),
                                           QStringLiteral("Port swp12 is down"))
                             .ok();
    return ok && warned && alerted;
}

} // namespace NeoCloud::Testing
