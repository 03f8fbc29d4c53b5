#pragma once
// Shared set-up for the Health and Capacity view tests: a backend running the demo lab with a
// fast health poll, and tenants with services enabled on the lab's VMS double through the real
// ServiceEngine.

#include "GuiTestSupport.h"
#include "discovery/DiscoveryService.h"
#include "services/ServiceEngine.h"
#include "tenancy/TenantService.h"

#include <QElapsedTimer>
#include <QSignalSpy>

namespace NeoCloud::Testing {

constexpr int healthPollMs = 1000;
// Generous: other suites share the machine. bench_health measures the real figure.
constexpr int healthReflectMs = 15 * healthPollMs;

// The demo lab, its first scan finished. Telemetry is not sampled: the tests write the history.
inline std::unique_ptr<Backend> createHealthLabBackend(const QTemporaryDir &dir)
{
    BackendConfig config;
    config.databasePath = dir.filePath(QStringLiteral("health-lab.db"));
    config.adminPassword = QStringLiteral("gui-test-password-1234");
    config.labDefinition = writeDemoLab(dir);
    config.healthPollMs = healthPollMs;
    config.healthPollTimeoutMs = 1500;
    config.telemetryIntervalSeconds = 0;
    if (config.labDefinition.isEmpty())
        return {};
    Result<std::unique_ptr<Backend>> made = Backend::create(config);
    if (!made) {
        qWarning("cannot create the lab backend: %s", qUtf8Printable(made.error().message));
        return {};
    }
    std::unique_ptr<Backend> backend = std::move(made).value();
    // The first scan runs once the event loop does, as in the console.
    QSignalSpy scanned(&backend->discovery(), &DiscoveryService::scanFinished);
    if (!scanned.wait(60000)) {
        qWarning("the demo lab's first scan did not finish");
        return {};
    }
    return backend;
}

// Returns the new tenant's id, or "" (with a warning) when it cannot be made.
inline QString createTenant(Backend &backend, const QString &name, int gpus, qint64 capacityBytes)
{
    TenantDraft draft;
    draft.name = name;
    draft.quotas.capacityBytes = capacityBytes;
    draft.quotas.gpus = gpus;
    draft.quotas.maxServices = 7;
    const Result<Tenant> made = backend.tenants().create(draft, QStringLiteral("tst"));
    if (!made)
        qWarning("cannot create tenant %s: %s", qUtf8Printable(name),
                 qUtf8Printable(made.error().message));
    return made ? made->id : QString();
}

// Enables a service and waits until the VMS double has made it active.
inline bool enableService(Backend &backend, const QString &tenantId, const QString &kind,
                          const QJsonObject &params)
{
    const Result<Service> started
        = backend.services().enable(tenantId, kind, params, QStringLiteral("tst"));
    if (!started) {
        qWarning("cannot enable %s: %s", qUtf8Printable(kind),
                 qUtf8Printable(started.error().message));
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30000) {
        const Result<Service> now = backend.services().service(started->id);
        if (now && now->state == ServiceState::Active)
            return true;
        if (now && now->state == ServiceState::Failed)
            break;
        QTest::qWait(50);
    }
    qWarning("%s did not become active", qUtf8Printable(kind));
    return false;
}

} // namespace NeoCloud::Testing
