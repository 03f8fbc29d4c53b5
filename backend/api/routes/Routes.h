#pragma once
// Route registration, one function per resource group. Each handler is an adapter: read the
// input, call one service method, shape the answer.

#include <QString>

namespace NeoCloud {

class AccessKeyService;
class AlertRules;
class AuditLog;
class Catalog;
class CommissioningService;
class AuthService;
class LoginThrottle;
class CapacityService;
class DashboardService;
class Database;
class DiscoveryService;
class LabService;
class LiveStream;
class MetricsService;
class PinnedCertificates;
class EventLog;
class HealthService;
class InventoryService;
class Router;
class ServiceEngine;
class TenantService;

void registerSystemRoutes(Router &router, const Database &database);
void registerCatalogRoutes(Router &router, const Catalog &catalog);
void registerAuthRoutes(Router &router, AuthService &auth, LoginThrottle &throttle);
void registerInventoryRoutes(Router &router, InventoryService &inventory);
void registerActivityRoutes(Router &router, EventLog &events, AuditLog &audit);
void registerDiscoveryRoutes(Router &router, DiscoveryService &discovery);
// GET /api/v1/bmc-certificates, DELETE /api/v1/bmc-certificates/{host}: the pinned BMC certificates.
void registerCertificateRoutes(Router &router, PinnedCertificates &pins);
void registerTenantRoutes(Router &router, TenantService &tenants, AuthService &auth, AccessKeyService &keys);
void registerServiceRoutes(Router &router, ServiceEngine &engine, TenantService &tenants);
void registerLabRoutes(Router &router, LabService *lab, InventoryService &inventory);
void registerCommissioningRoutes(Router &router, CommissioningService &service);
void registerHealthRoutes(Router &router, HealthService &health);
void registerAlertRuleRoutes(Router &router, AlertRules &rules);
// GET/PUT /api/v1/settings/dashboards: the dashboard links device pages open.
void registerSettingsRoutes(Router &router, DashboardService &dashboards);
void registerCapacityRoutes(Router &router, CapacityService &capacity, TenantService &tenants);
// GET /api/v1/stream: Server-Sent Events for the web console and scripts.
void registerStreamRoutes(Router &router, LiveStream &live);
// The web console's files from `root` at / and, for the console's own routes, its index.html.
void registerWebRoutes(Router &router, const QString &root = QStringLiteral(":/neocloud/web"));
// `scrapeToken` empty: /metrics is public; else it needs that token or an operator's login.
void registerMetricsRoute(Router &router, MetricsService &metrics, AuthService &auth, const QString &scrapeToken);

} // namespace NeoCloud
