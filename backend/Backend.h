#pragma once
// The composition root: builds the store, the services and the REST API in dependency order and
// hands each its collaborators. Both executables and the tests create exactly one of these.

#include "auth/LoginThrottle.h"
#include "core/Result.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QUrl>
#include <QObject>

#include <memory>
#include <optional>

namespace NeoCloud {

class AccessKeyService;
class ActivityRepository;
class AuditLog;
class Catalog;
class CommissioningRepository;
class CommissioningService;
class BmcTrustRepository;
class CapacityService;
class DashboardService;
class PinnedCertificates;
class SettingsRepository;
class GpuMetricsSource;
class AuthService;
class Database;
class DiscoveryService;
class JobRepository;
class LabService;
class ReportRenderer;
class Reconciler;
class EventLog;
class HealthRepository;
class HealthService;
class AlertRules;
class HttpApi;
class InventoryRepository;
class InventoryService;
class LiveStream;
class MetricsRepository;
class MetricsService;
class TelemetryRepository;
class TelemetrySampler;
class TenantRepository;
class TenantService;
class UserRepository;
class ServiceEngine;
class ServiceRepository;
class VastProvider;

struct BackendConfig
{
    QString databasePath;
    QString adminPassword; // for the first admin when the database is new; empty = generate
    int busyTimeoutMs = 5000;
    int tokenTtlSeconds = 12 * 3600;
    qint64 maxBodyBytes = 1024 * 1024;
    LoginThrottleConfig loginThrottle; // failed logins allowed per username and per address
    QString labDefinition;      // a lab definition file (or qrc path); empty: no demo lab
    bool initialLabScan = true; // discover the lab as soon as it runs
    int crawlTimeoutMs = 10000;
    int perBmcInFlight = 4; // real BMCs serve about four requests at once
    // The VAST cluster services are enabled on. Empty URL: the demo lab's VMS when a lab runs.
    QString vmsUrl;      // e.g. https://vms.example/api
    QString vmsToken;    // Api-Token; else Basic with the user and password below
    QString vmsUsername;
    QString vmsPassword;
    bool vmsVerifyTls = true;
    // Writes commissioning reports as PDF; the executables pass one from reports/ (Qt Gui).
    // Null: report.pdf answers 503 and report.html still works.
    std::shared_ptr<ReportRenderer> reportRenderer;
    // Service health: the light poll of the BMCs tenants' services stand on, and alert webhooks.
    bool healthPoll = true;
    int healthPollMs = 15000;
    int healthPollConcurrency = 16;
    int healthPollTimeoutMs = 5000;
    // Service probes on the health poll's beat: every active service's endpoints in its protocol.
    bool serviceProbes = true;
    int probeConcurrency = 16;
    int probeTimeoutMs = 3000;
    int probeSlowMs = 1000; // slower answers make the cell degraded
    int webhookFirstRetryMs = 1000; // doubled after each failed attempt
    int webhookAttempts = 6;
    int telemetryIntervalSeconds = 300; // 0: no periodic sampling
    QString gpuMetricsUrl; // a Prometheus text endpoint with DCGM exporter names; empty: none
    QString metricsToken;  // empty: GET /metrics is public; else it needs this bearer token
    int streamHeartbeatMs = 15000; // GET /api/v1/stream's keep-alive comment
};

// The lab definition the console starts by default.
inline const QString defaultLabDefinition = QStringLiteral(":/neocloud/labs/demo.json");

class Backend : public QObject
{
    Q_OBJECT
public:
    ~Backend() override;

    static Result<std::unique_ptr<Backend>> create(const BackendConfig &config);

    // Starts the REST API; returns the bound port.
    Result<quint16> listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls = {});
    // Where the API answers a client in this same process (the console's web views), e.g.
    // http://127.0.0.1:8080; empty before listen(). Loopback when it listens on every address.
    QUrl apiUrl() const { return m_apiUrl; }
    // SHA-256 (lowercase hex) of the certificate the API serves HTTPS with; empty for plain HTTP.
    // A web view of the API trusts exactly this certificate.
    QString apiCertificateSha256() const { return m_apiCertificateSha256; }

    Database &database() { return *m_database; }
    InventoryService &inventory() { return *m_inventory; }
    TenantService &tenants() { return *m_tenants; }
    EventLog &events() { return *m_events; }
    AuditLog &audit() { return *m_audit; }
    AuthService &auth() { return *m_auth; }
    AccessKeyService &accessKeys() { return *m_accessKeys; }
    HttpApi &api() { return *m_api; }
    const Catalog &catalog() const { return *m_catalog; }
    DiscoveryService &discovery() { return *m_discovery; }
    ServiceEngine &services() { return *m_engine; }
    VastProvider &provider() { return *m_provider; }
    HealthService &health() { return *m_health; }
    AlertRules &alertRules() { return *m_alertRules; }
    LabService *lab() { return m_lab.get(); } // null without a lab
    CommissioningService &commissioning() { return *m_commissioning; }
    // BMC credentials and pinned certificates (trust on first use), shared by discovery and the
    // console's BMC web view.
    BmcTrustRepository &bmcTrust() { return *m_trustRepository; }
    PinnedCertificates &pinnedCertificates() { return *m_pinnedCertificates; }
    CapacityService &capacity() { return *m_capacity; }
    TelemetrySampler &telemetry() { return *m_sampler; }
    TelemetryRepository &telemetryStore() { return *m_telemetryRepository; }
    MetricsService &metrics() { return *m_metrics; }
    LiveStream &liveStream() { return *m_liveStream; }
    // The dashboard links (Grafana and the like) device pages open.
    DashboardService &dashboards() { return *m_dashboards; }

    // Set when create() generated the admin password; the caller logs it once.
    QString generatedAdminPassword() const { return m_generatedAdminPassword; }

private:
    explicit Backend(std::unique_ptr<Database> database);

    std::unique_ptr<Database> m_database;
    std::unique_ptr<InventoryRepository> m_inventoryRepository;
    std::unique_ptr<ActivityRepository> m_activityRepository;
    std::unique_ptr<UserRepository> m_userRepository;
    std::unique_ptr<TenantRepository> m_tenantRepository;
    std::unique_ptr<SettingsRepository> m_settingsRepository;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<EventLog> m_events;
    std::unique_ptr<InventoryService> m_inventory;
    std::unique_ptr<TenantService> m_tenants;
    std::unique_ptr<DashboardService> m_dashboards;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<LoginThrottle> m_loginThrottle;
    std::unique_ptr<JobRepository> m_jobRepository;
    std::unique_ptr<BmcTrustRepository> m_trustRepository;
    std::unique_ptr<PinnedCertificates> m_pinnedCertificates;
    std::unique_ptr<Reconciler> m_reconciler;
    std::unique_ptr<DiscoveryService> m_discovery;
    std::unique_ptr<LabService> m_lab;
    std::unique_ptr<AccessKeyService> m_accessKeys;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<ServiceRepository> m_serviceRepository;
    std::unique_ptr<VastProvider> m_provider;
    std::unique_ptr<ServiceEngine> m_engine;
    std::unique_ptr<CommissioningRepository> m_commissioningRepository;
    std::unique_ptr<CommissioningService> m_commissioning;
    std::unique_ptr<HealthRepository> m_healthRepository;
    std::unique_ptr<HealthService> m_health;
    std::unique_ptr<AlertRules> m_alertRules;
    std::unique_ptr<MetricsRepository> m_metricsRepository;
    std::unique_ptr<TelemetryRepository> m_telemetryRepository;
    std::unique_ptr<CapacityService> m_capacity;
    std::unique_ptr<GpuMetricsSource> m_gpuMetrics;
    std::unique_ptr<TelemetrySampler> m_sampler;
    std::unique_ptr<HttpApi> m_api;
    std::unique_ptr<LiveStream> m_liveStream; // after m_api: sockets it writes belong to the API
    std::unique_ptr<MetricsService> m_metrics;
    QString m_generatedAdminPassword;
    QUrl m_apiUrl;
    QString m_apiCertificateSha256;
};

} // namespace NeoCloud
