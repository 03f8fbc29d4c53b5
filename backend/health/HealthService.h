#pragma once
// Per-tenant service health from hardware to tenant. Keeps what is known of the hardware the
// tenants' services stand on (discovery's inventory, refreshed by the light periodic poll and
// the cluster's own view), the dependency graph from that hardware to each tenant's services,
// and the tenant x kind matrix the rules make of both. Recomputes when any input changes, stores
// each cell with the time its status last changed, keeps every active service's `health` equal
// to its cell, and turns changes into alerts (HealthAlerts). Answers the matrix (a tenant user
// sees its own row in its own words) and any device's blast radius.

#include "DependencyGraph.h"
#include "HealthRules.h"
#include "HealthTypes.h"
#include "StatusPoller.h"
#include "WebhookSender.h"
#include "probes/ServiceProber.h"
#include "core/Result.h"
#include "domain/Tenancy.h"
#include "store/HealthRepository.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

namespace NeoCloud {

class AuditLog;
class BmcTrustRepository;
class Catalog;
class EventLog;
class HealthAlerts;
class InventoryRepository;
class InventoryService;
class ServiceRepository;
class TenantService;

struct HealthConfig
{
    bool poll = true; // off: hardware facts come from discovery alone
    PollOptions pollOptions;
    RuleOptions rules;
    WebhookOptions webhooks;
    int settleMs = 50; // inputs changing together are recomputed once
    bool probes = true; // probe every active service's endpoints on the poll's beat
    ProbeOptions probeOptions;
};

struct MatrixTenant
{
    QString id;
    QString name;
    QString displayName;
};

struct HealthMatrix
{
    QList<MatrixTenant> tenants; // by name
    QStringList kinds; // catalog order
    QList<HealthCell> cells; // tenants x kinds, in that order
    QString updatedAt; // the last recompute
    quint64 revision = 0; // bumped whenever a cell changes
    QString tenantScope; // set when only one tenant's row is in it
};

// One step of the way from a device to a tenant.
struct PathStep
{
    QString type; // device, ports, cnodes, dboxes, vipPool, data, service, tenant
    QString id;
    QString name;
};

struct ImpactEntry
{
    QString serviceId;
    QString kind;
    ServiceState state = ServiceState::Active;
    QString tenantId;
    QString tenantName;
    HealthCell cell;
    QList<PathStep> path;
};

struct DeviceImpact
{
    Device device;
    DeviceRole role = DeviceRole::None;
    QString note; // why nothing depends on it, when nothing does
    QList<ImpactEntry> entries;
};

class HealthService : public QObject
{
    Q_OBJECT
public:
    HealthService(HealthRepository &repository, InventoryRepository &inventory,
                  TenantService &tenants, ServiceRepository &services, const Catalog &catalog,
                  EventLog &events, AuditLog &audit, BmcTrustRepository &trust, VmsConnection vms,
                  HealthConfig config, QObject *parent = nullptr);
    ~HealthService() override;

    // Loads the stored cells, reads the inventory, computes the matrix and starts polling.
    Status start();
    void stop();

    const HealthMatrix &matrix() const { return m_matrix; }
    // What `caller` may see: everything for operators; a tenant user's own row, reasons in its
    // own words.
    HealthMatrix matrixFor(const User &caller) const;
    Result<DeviceImpact> impact(const QString &deviceId) const;
    Result<QList<HealthTransition>> history(const QString &tenantId, const QString &kind,
                                            int limit) const;

    QList<Webhook> webhooks() const;
    Result<Webhook> addWebhook(const QString &url, const QString &user);
    Status removeWebhook(const QString &id, const QString &user);
    WebhookStats webhookStats(const QString &id) const;
    // POSTs an alert event to the webhooks, as health alerts are.
    void notifyWebhooks(const QString &event, const QJsonObject &alert);

    // Inputs changed (the inventory, a tenant, a service): recompute soon.
    void inventoryChanged();
    void scheduleRecompute();
    void recompute(); // now

    const QHash<QString, DeviceFacts> &facts() const { return m_facts; }
    const DependencyGraph &graph() const { return m_graph; }
    const RuleOptions &ruleOptions() const { return m_config.rules; }
    StatusPoller *poller() { return m_poller.get(); }
    ServiceProber *prober() { return m_prober.get(); }
    qint64 lastRecomputeMs() const { return m_lastRecomputeMs; }

Q_SIGNALS:
    void matrixChanged();
    // A service's stored health was set to its cell's status (views of services re-read it).
    void serviceHealthChanged(const QString &serviceId, const QString &tenantId);

private:
    void readInventory();
    void rebuildGraph();
    void roundFinished(const QList<PolledBmc> &bmcs, bool vmsChanged);
    void applyVms();

    HealthRepository &m_repository;
    InventoryRepository &m_inventory;
    TenantService &m_tenants;
    ServiceRepository &m_services;
    const Catalog &m_catalog;
    EventLog &m_events;
    AuditLog &m_audit;
    BmcTrustRepository &m_trust;
    HealthConfig m_config;
    std::unique_ptr<StatusPoller> m_poller;
    std::unique_ptr<HealthAlerts> m_alerts;
    std::unique_ptr<ServiceProber> m_prober;
    QTimer m_settle;
    bool m_inventoryDirty = false; // the inventory changed since it was last read
    QTimer m_inventoryRead;        // reads it once per burst of changes

    // Inputs.
    QList<Device> m_devices; // the inventory, as last read
    QHash<QString, Link>
        m_links; // every cable seen since start: a dead link LLDP no longer hears stays known
    QHash<QString, DeviceFacts> m_facts; // watched devices
    DependencyGraph m_graph;
    QList<Tenant> m_tenantList;
    QHash<QString, QList<Service>> m_live; // tenant id -> its live services

    // Outputs.
    QHash<QString, HealthCell> m_cells; // "tenant/kind"
    HealthMatrix m_matrix;
    qint64 m_lastRecomputeMs = 0;
    bool m_started = false;
};

} // namespace NeoCloud
