#include "Backend.h"

#include "activity/AuditLog.h"
#include "activity/EventLog.h"
#include "api/HttpApi.h"
#include "api/LiveStream.h"
#include "api/routes/Routes.h"
#include "auth/AuthService.h"
#include "commissioning/CommissioningService.h"
#include "commissioning/ReportRenderer.h"
#include "capacity/CapacityService.h"
#include "discovery/DiscoveryService.h"
#include "discovery/Reconciler.h"
#include "health/AlertRules.h"
#include "health/HealthService.h"
#include "lab/LabService.h"
#include "metrics/MetricsService.h"
#include "services/Catalog.h"
#include "services/ServiceEngine.h"
#include "settings/DashboardService.h"
#include "discovery/PinnedCertificates.h"
#include "store/ServiceRepository.h"
#include "vast/VastProvider.h"
#include "tenancy/AccessKeyService.h"
#include "store/BmcTrustRepository.h"
#include "store/CommissioningRepository.h"
#include "store/JobRepository.h"
#include "inventory/InventoryService.h"
#include "store/ActivityRepository.h"
#include "store/HealthRepository.h"
#include "store/Database.h"
#include "store/InventoryRepository.h"
#include "store/MetricsRepository.h"
#include "store/SettingsRepository.h"
#include "store/TelemetryRepository.h"
#include "store/TenantRepository.h"
#include "store/UserRepository.h"
#include "telemetry/GpuMetricsSource.h"
#include "telemetry/TelemetrySampler.h"
#include "tenancy/TenantService.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSslCertificate>
#include <QFileInfo>
#include <QJsonArray>

namespace NeoCloud {

Backend::Backend(std::unique_ptr<Database> database)
    : m_database(std::move(database))
{
}

Backend::~Backend()
{
    // Front ends first, store last: members are destroyed in reverse order of declaration,
    // which is already that order; the explicit reset documents that the API goes first.
    m_metrics.reset();
    m_liveStream.reset();
    m_api.reset();
    m_commissioning.reset(); // before the discovery it listens to
    m_health.reset(); // stops the poll before the lab's BMCs and the store go away
    m_sampler.reset();
    m_capacity.reset(); // drops its VMS reads before the lab's VMS goes away
    m_engine.reset(); // stops provider calls before the lab's VMS goes away
    m_discovery.reset(); // aborts crawls before the lab they may be talking to goes away
    m_lab.reset();
}

Result<std::unique_ptr<Backend>> Backend::create(const BackendConfig &config)
{
    Result<std::unique_ptr<Database>> database =
        Database::open({config.databasePath, config.busyTimeoutMs});
    if (!database)
        return database.error();

    std::unique_ptr<Backend> b(new Backend(std::move(database).value()));
    Database &db = *b->m_database;
    b->m_inventoryRepository = std::make_unique<InventoryRepository>(db);
    b->m_activityRepository = std::make_unique<ActivityRepository>(db);
    b->m_userRepository = std::make_unique<UserRepository>(db);
    b->m_tenantRepository = std::make_unique<TenantRepository>(db);
    b->m_settingsRepository = std::make_unique<SettingsRepository>(db);

    b->m_audit = std::make_unique<AuditLog>(*b->m_activityRepository);
    b->m_events = std::make_unique<EventLog>(*b->m_activityRepository);
    b->m_inventory = std::make_unique<InventoryService>(*b->m_inventoryRepository);
    b->m_tenants = std::make_unique<TenantService>(*b->m_tenantRepository, *b->m_inventory, *b->m_audit, *b->m_events);
    b->m_dashboards = std::make_unique<DashboardService>(*b->m_settingsRepository, *b->m_audit);
    b->m_auth = std::make_unique<AuthService>(*b->m_userRepository, *b->m_audit,
                                              config.tokenTtlSeconds);

    const Result<QString> generated = b->m_auth->bootstrapAdmin(config.adminPassword);
    if (!generated)
        return generated.error();
    b->m_generatedAdminPassword = *generated;

    b->m_jobRepository = std::make_unique<JobRepository>(db);
    // The key that seals BMC passwords lives beside the database, not in it.
    Result<SecretBox> box = SecretBox::open(QFileInfo(db.location()).absolutePath() + QStringLiteral("/neocloud.key"));
    if (!box)
        return box.error();
    b->m_trustRepository = std::make_unique<BmcTrustRepository>(db, *box);
    b->m_pinnedCertificates = std::make_unique<PinnedCertificates>(*b->m_trustRepository, *b->m_inventoryRepository,
                                                                    *b->m_events, *b->m_audit);
    b->m_accessKeys = std::make_unique<AccessKeyService>(db, *b->m_userRepository, *box, *b->m_audit);
    b->m_reconciler = std::make_unique<Reconciler>(db, *b->m_inventoryRepository);
    DiscoveryConfig discoveryConfig;
    discoveryConfig.crawl.timeoutMs = config.crawlTimeoutMs;
    discoveryConfig.crawl.maxInFlight = config.perBmcInFlight;
    b->m_discovery = std::make_unique<DiscoveryService>(*b->m_jobRepository, *b->m_reconciler, *b->m_inventory,
                                                        *b->m_events, *b->m_audit, *b->m_trustRepository, discoveryConfig);
    b->m_discovery->failInterruptedScans();

    if (!config.labDefinition.isEmpty()) {
        Result<LabDefinition> definition = LabDefinition::load(config.labDefinition);
        if (!definition)
            return definition.error();
        b->m_lab = std::make_unique<LabService>(std::move(definition).value(), db, *b->m_audit);
        if (Status s = b->m_lab->start(); !s)
            return s.error();
        b->m_discovery->setLab(b->m_lab.get());
    }

    Result<Catalog> catalog = Catalog::load();
    if (!catalog)
        return catalog.error();
    b->m_catalog = std::make_unique<Catalog>(std::move(catalog).value());

    // Services go to the configured cluster, else to the lab's VMS double when a lab runs.
    VmsConnection vms;
    const bool useLab = config.vmsUrl.isEmpty() && b->m_lab && !b->m_lab->vmsUrl().isEmpty();
    vms.apiRoot = useLab ? b->m_lab->vmsUrl() : QUrl(config.vmsUrl);
    vms.token = useLab ? b->m_lab->vmsToken() : config.vmsToken;
    vms.username = config.vmsUsername;
    vms.password = config.vmsPassword;
    vms.verifyTls = config.vmsVerifyTls;
    b->m_serviceRepository = std::make_unique<ServiceRepository>(db);
    b->m_provider = std::make_unique<VastProvider>(vms);
    b->m_engine = std::make_unique<ServiceEngine>(*b->m_serviceRepository, *b->m_jobRepository, *b->m_tenants, *b->m_auth,
                                                  *b->m_catalog, *b->m_provider, *b->m_audit, *b->m_events);
    b->m_engine->resumeInterrupted();

    b->m_commissioningRepository = std::make_unique<CommissioningRepository>(db);
    b->m_commissioning = std::make_unique<CommissioningService>(*b->m_commissioningRepository, *b->m_jobRepository, *b->m_discovery,
                                                                *b->m_inventoryRepository, b->m_lab.get(), *b->m_audit, *b->m_events,
                                                                config.reportRenderer);
    b->m_commissioning->failInterruptedRuns();
    HealthConfig health;
    health.poll = config.healthPoll;
    health.pollOptions.intervalMs = config.healthPollMs;
    health.pollOptions.concurrency = config.healthPollConcurrency;
    health.pollOptions.read.timeoutMs = config.healthPollTimeoutMs;
    health.pollOptions.read.maxInFlight = config.perBmcInFlight;
    health.webhooks.firstRetryMs = config.webhookFirstRetryMs;
    health.webhooks.maxAttempts = config.webhookAttempts;
    health.probes = config.serviceProbes;
    health.probeOptions = {config.probeConcurrency, config.probeTimeoutMs, config.probeSlowMs};
    b->m_healthRepository = std::make_unique<HealthRepository>(db);
    b->m_health = std::make_unique<HealthService>(*b->m_healthRepository, *b->m_inventoryRepository, *b->m_tenants,
                                                  *b->m_serviceRepository, *b->m_catalog, *b->m_events, *b->m_audit,
                                                  *b->m_trustRepository, vms, health);
    HealthService *healthService = b->m_health.get();
    // A service's health is written by the health service; whoever follows a tenant's services
    // hears of it the way it hears of every other change to a service.
    connect(healthService, &HealthService::serviceHealthChanged, b->m_engine.get(), &ServiceEngine::serviceChanged);
    // The S3 probe signs with the tenant's own key (sealed in the store, so it can be read back
    // the way the provider hands it to the storage); the demo lab answers for its VIP pools.
    AccessKeyService *accessKeys = b->m_accessKeys.get();
    ProbeSources probeSources;
    probeSources.s3Key = [accessKeys](const QString &tenantId) -> std::optional<SigV4::Credentials> {
        if (const auto key = accessKeys->probeKey(tenantId))
            return SigV4::Credentials{key->first, key->second};
        return std::nullopt;
    };
    if (useLab) {
        LabEndpointServers *endpoints = b->m_lab->endpointServers();
        endpoints->setS3Secrets([accessKeys](const QString &accessKey) { return accessKeys->secretOfAccessKey(accessKey); });
        probeSources.address = [endpoints](const QString &pool, const QString &protocol, const QString &, quint16) {
            return endpoints->addressOf(pool, protocol);
        };
    }
    healthService->prober()->setSources(probeSources);
    QObject::connect(b->m_inventory.get(), &InventoryService::inventoryChanged, healthService, &HealthService::inventoryChanged);
    QObject::connect(b->m_tenants.get(), &TenantService::tenantsChanged, healthService, &HealthService::scheduleRecompute);
    QObject::connect(b->m_engine.get(), &ServiceEngine::serviceChanged, healthService, &HealthService::scheduleRecompute);
    if (Status s = b->m_health->start(); !s)
        return s.error();
    // Capacity reads the same cluster the services go to; telemetry samples it and the GPUs.
    b->m_metricsRepository = std::make_unique<MetricsRepository>(db);
    b->m_telemetryRepository = std::make_unique<TelemetryRepository>(db);
    CapacityConfig capacity;
    capacity.databasePath = db.location();
    b->m_capacity = std::make_unique<CapacityService>(vms, *b->m_inventory, *b->m_tenants, *b->m_metricsRepository,
                                                      *b->m_telemetryRepository, capacity);
    if (Status s = b->m_capacity->updateRunways(QDateTime::currentMSecsSinceEpoch()); !s) // history of earlier runs
        return s.error();
    b->m_gpuMetrics = std::make_unique<GpuMetricsSource>(QUrl(config.gpuMetricsUrl));
    TelemetryConfig telemetry;
    telemetry.intervalMs = config.telemetryIntervalSeconds * 1000;
    b->m_sampler = std::make_unique<TelemetrySampler>(*b->m_capacity, *b->m_gpuMetrics, *b->m_telemetryRepository, telemetry);

    // Threshold alert rules on capacity, runway and probe latency, delivered through the same
    // webhooks as health alerts; evaluated whenever capacity changes and after each probe round.
    b->m_alertRules = std::make_unique<AlertRules>(db, *b->m_events, *b->m_audit, [healthService](const QString &event, const QJsonObject &alert) {
        healthService->notifyWebhooks(event, alert);
    });
    AlertRules *alertRules = b->m_alertRules.get();
    CapacityService *capacityService = b->m_capacity.get();
    auto evaluateCapacity = [alertRules, capacityService] {
        const auto report = capacityService->report();
        if (!report)
            return;
        if (Status s = alertRules->evaluateCapacity(*report); !s)
            qWarning("cannot evaluate the capacity alert rules: %s", qUtf8Printable(s.error().message));
    };
    connect(capacityService, &CapacityService::capacityChanged, alertRules, evaluateCapacity);
    connect(alertRules, &AlertRules::rulesChanged, alertRules, evaluateCapacity);
    connect(healthService->prober(), &ServiceProber::probed, alertRules, [alertRules](const QList<ProbeResult> &results) {
        if (Status s = alertRules->evaluateProbes(results); !s)
            qWarning("cannot evaluate the probe latency rule: %s", qUtf8Printable(s.error().message));
    });

    b->m_api = std::make_unique<HttpApi>(*b->m_auth, HttpApiConfig{config.maxBodyBytes});
    b->m_loginThrottle = std::make_unique<LoginThrottle>(config.loginThrottle);
    Router &router = b->m_api->router();
    registerSystemRoutes(router, db);
    registerCatalogRoutes(router, *b->m_catalog);
    registerAuthRoutes(router, *b->m_auth, *b->m_loginThrottle);
    registerInventoryRoutes(router, *b->m_inventory);
    registerActivityRoutes(router, *b->m_events, *b->m_audit);
    registerDiscoveryRoutes(router, *b->m_discovery);
    registerCertificateRoutes(router, *b->m_pinnedCertificates);
    registerTenantRoutes(router, *b->m_tenants, *b->m_auth, *b->m_accessKeys);
    registerServiceRoutes(router, *b->m_engine, *b->m_tenants);
    registerLabRoutes(router, b->m_lab.get(), *b->m_inventory);
    registerCommissioningRoutes(router, *b->m_commissioning);
    registerHealthRoutes(router, *b->m_health);
    registerAlertRuleRoutes(router, *b->m_alertRules);
    registerSettingsRoutes(router, *b->m_dashboards);
    registerCapacityRoutes(router, *b->m_capacity, *b->m_tenants);

    // /metrics serves cached bytes, rebuilt when what they count changes.
    b->m_metrics = std::make_unique<MetricsService>(*b->m_metricsRepository, *b->m_inventory, *b->m_capacity,
                                                    b->m_api->stats(), b->m_sampler.get());
    MetricsService *metrics = b->m_metrics.get();
    const auto invalidate = [metrics] { metrics->invalidate(); };
    connect(b->m_inventory.get(), &InventoryService::inventoryChanged, metrics, invalidate);
    connect(b->m_tenants.get(), &TenantService::tenantsChanged, metrics, invalidate);
    connect(b->m_engine.get(), &ServiceEngine::serviceChanged, metrics, invalidate);
    connect(b->m_engine.get(), &ServiceEngine::jobFinished, metrics, invalidate);
    connect(b->m_discovery.get(), &DiscoveryService::scanFinished, metrics, invalidate);
    connect(b->m_events.get(), &EventLog::alertsChanged, metrics, invalidate);
    connect(b->m_capacity.get(), &CapacityService::capacityChanged, metrics, invalidate);
    metrics->setProber(healthService->prober());
    // Each probe round's latencies become telemetry (one series per kind, scoped to the tenant),
    // so they get the same rollups and retention as capacity.
    TelemetryRepository *telemetryStore = b->m_telemetryRepository.get();
    connect(healthService->prober(), &ServiceProber::probed, healthService, [telemetryStore](const QList<ProbeResult> &results) {
        if (const auto written = telemetryStore->write(probeSamples(results, QDateTime::currentMSecsSinceEpoch())); !written)
            qWarning("cannot store probe latencies: %s", qUtf8Printable(written.error().message));
    });
    registerMetricsRoute(router, *b->m_metrics, *b->m_auth, config.metricsToken);
    LiveStreamConfig live;
    live.heartbeatMs = config.streamHeartbeatMs;
    b->m_liveStream = std::make_unique<LiveStream>(*b->m_auth, *b->m_events, *b->m_engine, *b->m_discovery, *b->m_health,
                                                   *b->m_inventory, live);
    registerStreamRoutes(router, *b->m_liveStream);
    registerWebRoutes(router); // last: it answers what no route does outside /api
    if (config.telemetryIntervalSeconds > 0)
        b->m_sampler->start();

    if (b->m_lab && config.initialLabScan) {
        const QJsonObject scan{{QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("lab")}}}}};
        if (auto started = b->m_discovery->startScan(scan, QStringLiteral("system")); !started)
            return started.error();
    }
    return b;
}

Result<quint16> Backend::listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls)
{
    Result<quint16> bound = m_api->start(address, port, tls);
    if (!bound)
        return bound;
    // A client in this process reaches an API that listens everywhere over loopback.
    QHostAddress reachable = address;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        reachable = QHostAddress(QHostAddress::LocalHost);
    else if (address == QHostAddress::AnyIPv6)
        reachable = QHostAddress(QHostAddress::LocalHostIPv6);
    m_apiUrl = QUrl();
    m_apiUrl.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    m_apiUrl.setHost(reachable.toString());
    m_apiUrl.setPort(*bound);
    m_apiCertificateSha256 = tls ? QString::fromLatin1(tls->localCertificate().digest(QCryptographicHash::Sha256).toHex())
                                 : QString();
    return bound;
}

} // namespace NeoCloud
