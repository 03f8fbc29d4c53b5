#include "HealthService.h"

#include "HardwareFacts.h"
#include "HealthAlerts.h"
#include "activity/AuditLog.h"
#include "core/Ids.h"
#include "core/Time.h"
#include "discovery/CertificatePin.h"
#include "domain/Enums.h"
#include "services/Catalog.h"
#include "store/BmcTrustRepository.h"
#include "store/Database.h"
#include "store/InventoryRepository.h"
#include "store/ServiceRepository.h"
#include "tenancy/TenantService.h"
#include "vast/VastPlans.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QUrl>
#include <algorithm>

namespace NeoCloud {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHealth, "neocloud.health")

namespace {

constexpr int allTenants = 1000000;

QString cellKey(const QString &tenantId, const QString &kind)
{
    return tenantId + u'/' + kind;
}

QString linkKey(const Link &l)
{
    QString a = l.a.deviceId + u'|' + l.a.port;
    QString b = l.b.deviceId + u'|' + l.b.port;
    return a < b ? a + u'~' + b : b + u'~' + a;
}

bool isOperator(const User &u)
{
    return u.role == Role::OperatorAdmin || u.role == Role::OperatorViewer;
}

QString firstDevice(const Verdict &v)
{
    for (const HealthFinding &f : v.findings)
        if (!f.devices.isEmpty())
            return f.devices.constFirst();
    return {};
}

} // namespace

HealthService::HealthService(HealthRepository &repository, InventoryRepository &inventory,
                             TenantService &tenants, ServiceRepository &services,
                             const Catalog &catalog, EventLog &events, AuditLog &audit,
                             BmcTrustRepository &trust, VmsConnection vms, HealthConfig config,
                             QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_inventory(inventory)
    , m_tenants(tenants)
    , m_services(services)
    , m_catalog(catalog)
    , m_events(events)
    , m_audit(audit)
    , m_trust(trust)
    , m_config(config)
{
    // The poll uses what discovery stored for each BMC: its credentials and pinned certificate.
    auto credentials = [this](const QString &url, QString *pin) {
        RedfishEndpoint e;
        e.baseUrl = QUrl(url);
        if (const auto stored = m_trust.credentials(url); stored && *stored) {
            e.username = (*stored)->username;
            e.password = (*stored)->password;
        }
        const QUrl parsed(url);
        if (parsed.scheme() == u"https"_s)
            if (const auto pinned
                = m_trust.pinnedCertificate(pinKey(parsed));
                pinned && *pinned)
                *pin = **pinned;
        return e;
    };
    m_poller = std::make_unique<StatusPoller>(m_config.pollOptions, credentials, std::move(vms));
    connect(m_poller.get(), &StatusPoller::roundFinished, this, &HealthService::roundFinished);
    m_alerts = std::make_unique<HealthAlerts>(m_events, m_repository, m_config.webhooks);
    m_prober = std::make_unique<ServiceProber>(m_config.probeOptions, m_config.pollOptions.intervalMs);
    m_prober->setEndpoints([this] {
        auto endpoints = m_services.activeEndpoints();
        if (!endpoints)
            qCWarning(lcHealth, "cannot read service endpoints: %s", qPrintable(endpoints.error().message));
        return endpoints ? *endpoints : QHash<QString, QJsonObject>();
    });
    connect(m_prober.get(), &ServiceProber::probed, this, [this](const QList<ProbeResult> &, bool cellsChanged) {
        if (cellsChanged)
            scheduleRecompute();
    });
    m_inventoryRead.setSingleShot(true);
    m_inventoryRead.setInterval(0);
    connect(&m_inventoryRead, &QTimer::timeout, this, [this] {
        if (m_started && m_inventoryDirty) {
            m_inventoryDirty = false;
            readInventory();
        }
    });
    m_settle.setSingleShot(true);
    m_settle.setInterval(m_config.settleMs);
    connect(&m_settle, &QTimer::timeout, this, &HealthService::recompute);
}

HealthService::~HealthService()
{
    stop();
}

Status HealthService::start()
{
    const auto stored = m_repository.cells();
    if (!stored)
        return stored.error();
    for (const HealthCell &c : *stored)
        m_cells.insert(cellKey(c.tenantId, c.kind), c);
    if (Status s = m_alerts->reloadWebhooks(); !s)
        return s;
    m_started = true;
    readInventory();
    recompute();
    if (m_config.poll)
        m_poller->start();
    if (m_config.probes)
        m_prober->start();
    return success();
}

void HealthService::stop()
{
    m_settle.stop();
    if (m_poller)
        m_poller->stop();
    if (m_prober)
        m_prober->stop();
    m_started = false;
}

void HealthService::inventoryChanged()
{
    if (!m_started)
        return;
    // Read once when the recompute runs, not once per change: an import of thousands of
    // devices signals thousands of times, and reading the whole inventory each time made it
    // quadratic (10,000 added devices took minutes).
    m_inventoryDirty = true;
    m_inventoryRead.start(); // zero delay: the next turn of the event loop, once for a burst
    scheduleRecompute();
}

void HealthService::scheduleRecompute()
{
    if (m_started && !m_settle.isActive())
        m_settle.start();
}

void HealthService::readInventory()
{
    const auto sites = m_inventory.sites();
    if (!sites) {
        qCWarning(lcHealth, "cannot read the inventory: %s", qPrintable(sites.error().message));
        return;
    }
    QList<Device> devices;
    for (const Site &site : *sites) {
        const auto found = m_inventory.devicesWithDetail(site.id);
        const auto links = m_inventory.links(site.id);
        if (!found || !links) {
            qCWarning(lcHealth, "cannot read the inventory of site %s", qPrintable(site.name));
            return;
        }
        devices += *found;
        for (const Link &l : *links)
            m_links.insert(linkKey(l), l);
    }
    m_devices = devices;
    rebuildGraph();

    QHash<QString, DeviceFacts> facts;
    QList<PollTarget> targets;
    const QStringList watched = m_graph.watchedDevices();
    for (const Device &d : std::as_const(m_devices)) {
        if (!watched.contains(d.id))
            continue;
        const auto existing = m_facts.constFind(d.id);
        // A rescan newer than the last poll wins; otherwise the poll's fresher view stays.
        if (existing == m_facts.constEnd() || !m_config.poll
            || d.updatedAt > existing->observedAt) {
            DeviceFacts f = factsFromDevice(d);
            if (existing != m_facts.constEnd())
                f.vmsState = existing->vmsState;
            facts.insert(d.id, f);
        } else {
            facts.insert(d.id, *existing);
        }
        targets.append({ d.id, d.bmcUrl });
    }
    m_facts = facts;
    applyVms();
    m_poller->setTargets(targets);
}

void HealthService::rebuildGraph()
{
    m_graph = DependencyGraph::build(m_devices, m_links.values(), m_poller->vms());
}

void HealthService::applyVms()
{
    const VmsView &vms = m_poller->vms();
    for (DeviceFacts &f : m_facts) {
        if (f.kind != DeviceKind::StorageCNode && f.kind != DeviceKind::StorageDBox)
            continue;
        const Device *d = m_graph.device(f.id);
        const QList<VmsNodeState> &nodes
            = f.kind == DeviceKind::StorageCNode ? vms.cnodes : vms.dboxes;
        QString state;
        for (const VmsNodeState &n : nodes)
            if (d && ((!n.serial.isEmpty() && n.serial == d->serial) || n.name == d->name))
                state = n.state;
        f.vmsState = state;
    }
}

void HealthService::roundFinished(const QList<PolledBmc> &bmcs, bool vmsChanged)
{
    QHash<QString, DeviceFacts> before = m_facts;
    for (const PolledBmc &b : bmcs) {
        const auto it = m_facts.find(b.deviceId);
        if (it == m_facts.end())
            continue;
        *it = b.reachable ? factsFromTree(b.tree, *it) : unreachableFacts(*it, b.problem);
    }
    if (vmsChanged) {
        rebuildGraph(); // VMS may have moved a pool to other CNodes
        applyVms();
    }
    if (vmsChanged || m_facts != before)
        scheduleRecompute();
}

void HealthService::recompute()
{
    if (!m_started)
        return;
    QElapsedTimer clock;
    clock.start();
    m_settle.stop();
    if (m_inventoryDirty) {
        m_inventoryDirty = false;
        readInventory();
    }
    const auto tenants = m_tenants.list(allTenants, 0);
    const auto live = m_services.liveSummaries();
    if (!tenants || !live) {
        qCWarning(lcHealth, "cannot read tenants or services: %s",
                  qPrintable(tenants ? live.error().message : tenants.error().message));
        return;
    }
    QList<Tenant> tenantList = tenants->items;
    std::sort(tenantList.begin(), tenantList.end(),
              [](const Tenant &a, const Tenant &b) { return a.name < b.name; });
    QHash<QString, QHash<QString, QList<Service>>> byKind;
    QHash<QString, QList<Service>> byTenant;
    for (const Service &s : *live) {
        byKind[s.tenantId][s.kind] << s;
        byTenant[s.tenantId] << s;
    }
    const QStringList kinds = m_catalog.kindNames();
    const QString now = nowIso();

    // The hardware's verdict once per set of CNodes (every tenant shares the DBoxes), rendered
    // per tenant with its pool's name.
    struct Rendered
    {
        HealthStatus status = HealthStatus::Unknown;
        QString reason;
        QString tenantReason;
        QString device; // the first device involved, for the alert
    };
    QHash<QString, Rendered> byCNodes;
    // A failing endpoint probe joins the hardware's findings; the worse goes first.
    auto withProbe = [](Rendered r, const CellProbe &probe) {
        auto body = [](const QString &reason) -> QString { return reason.section(QStringLiteral(": "), 1); };
        const bool probeWorse = severityRank(probe.status) > severityRank(r.status)
            || r.status == HealthStatus::Healthy;
        const HealthStatus status = probeWorse ? probe.status : r.status;
        auto join = [&](const QString &hardware, const QString &probed) -> QString {
            QStringList parts;
            if (!hardware.isEmpty())
                parts << body(hardware);
            if (probeWorse)
                parts.prepend(probed);
            else
                parts.append(probed);
            return toString(status) + QStringLiteral(": ") + parts.join(QStringLiteral("; "));
        };
        r.reason = join(r.reason, probe.reason);
        r.tenantReason = join(r.tenantReason, probe.tenantReason);
        r.status = status;
        return r;
    };
    auto hardwareFor = [&](const Tenant &t) {
        Dependencies deps = m_graph.forPool(Vast::vipPool(t));
        const QString key = deps.cnodes.join(u',');
        auto it = byCNodes.find(key);
        if (it == byCNodes.end()) {
            deps.vipPool = poolPlaceholder;
            const Verdict v = evaluateHardware(deps, m_graph, m_facts, m_config.rules);
            it = byCNodes.insert(key, { v.status, v.reason(), v.tenantReason(), firstDevice(v) });
        }
        Rendered r = *it;
        r.reason.replace(poolPlaceholder, Vast::vipPool(t));
        return r;
    };

    QHash<QString, HealthCell> next;
    QList<HealthCell> changed;
    QList<HealthTransition> transitions;
    QHash<QString, QStringList> healthUpdates; // status -> active services to set to it
    QList<QPair<QString, QString>> updatedServices; // (service, tenant), announced once stored
    QHash<QString, QString> names;
    for (const Tenant &t : std::as_const(m_tenantList))
        names.insert(t.id, t.name);

    const Status written = m_repository.database().transaction([&]() -> Status {
        for (const Tenant &t : std::as_const(tenantList)) {
            names.insert(t.id, t.name);
            const QHash<QString, QList<Service>> services = byKind.value(t.id);
            std::optional<Rendered> hardware; // only tenants with active services need it
            for (const QString &kind : kinds) {
                const QList<Service> cellServices = services.value(kind);
                Rendered r;
                if (const auto own = cellOverride(t, cellServices)) {
                    r = { own->status, own->reason(), own->tenantReason(), {} };
                } else {
                    if (!hardware)
                        hardware = hardwareFor(t);
                    r = *hardware;
                    if (const auto probe = m_prober->cell(t.id, kind);
                        probe && probe->status != HealthStatus::Healthy)
                        r = withProbe(r, *probe);
                }
                const QString key = cellKey(t.id, kind);
                const auto previous = m_cells.constFind(key);
                const bool known = previous != m_cells.constEnd();
                HealthCell cell { t.id, kind, r.status, r.reason, r.tenantReason, now, {}, {} };
                const HealthCell before = known
                    ? *previous
                    : HealthCell { t.id, kind, HealthStatus::Unknown, {}, {}, {}, {}, {} };
                if (known && before.status == cell.status)
                    cell.since = before.since;
                const bool statusChanged = !known || before.status != cell.status;
                if (statusChanged || before.reason != cell.reason
                    || before.tenantReason != cell.tenantReason) {
                    m_alerts->cellChanged(before, cell, t.name, r.device);
                    changed << cell;
                    if (statusChanged && (known || cell.status != HealthStatus::Disabled))
                        transitions << HealthTransition { newId(QLatin1String("htr")),
                                                          t.id,
                                                          kind,
                                                          before.status,
                                                          cell.status,
                                                          cell.reason,
                                                          now };
                } else {
                    cell.alertId = before.alertId;
                }
                next.insert(key, cell);
                // Every active service reports its cell's status.
                const QString health = toString(cell.status);
                for (const Service &s : cellServices)
                    if (s.state == ServiceState::Active && s.health != health) {
                        healthUpdates[health] << s.id;
                        updatedServices << qMakePair(s.id, t.id);
                    }
            }
        }
        for (auto it = healthUpdates.constBegin(); it != healthUpdates.constEnd(); ++it)
            if (Status s = m_services.setHealth(it.value(), it.key()); !s)
                return s;
        // Tenants that went: their open alerts are closed (their cells went with them).
        QHash<QString, QList<HealthCell>> gone;
        for (auto it = m_cells.constBegin(); it != m_cells.constEnd(); ++it)
            if (!next.contains(it.key()))
                gone[it->tenantId] << *it;
        for (auto it = gone.constBegin(); it != gone.constEnd(); ++it)
            m_alerts->tenantRemoved(it.value(), names.value(it.key(), it.key()));
        if (Status s = m_alerts->flush(); !s)
            return s;
        return m_repository.save(changed, transitions);
    });
    if (!written) {
        qCWarning(lcHealth, "cannot store the health matrix: %s",
                  qPrintable(written.error().message));
        return;
    }
    for (const auto &[serviceId, tenantId] : std::as_const(updatedServices))
        Q_EMIT serviceHealthChanged(serviceId, tenantId);
    const bool tenantsChanged
        = next.size() != m_cells.size() || tenantList.size() != m_tenantList.size();
    m_cells = next;
    m_tenantList = tenantList;
    m_live = byTenant;
    m_prober->setServices(m_tenantList, m_live);

    HealthMatrix matrix;
    matrix.kinds = kinds;
    for (const Tenant &t : std::as_const(tenantList)) {
        matrix.tenants.append({ t.id, t.name, t.displayName });
        for (const QString &kind : kinds)
            matrix.cells.append(m_cells.value(cellKey(t.id, kind)));
    }
    matrix.updatedAt = now;
    const bool anyChange = !changed.isEmpty() || tenantsChanged;
    matrix.revision = m_matrix.revision + (anyChange ? 1 : 0);
    m_matrix = matrix;
    m_lastRecomputeMs = clock.elapsed();
    qCDebug(lcHealth, "matrix: %d tenants, %d cells changed, %lld ms", int(tenantList.size()),
            int(changed.size()), m_lastRecomputeMs);
    if (anyChange)
        Q_EMIT matrixChanged();
}

void HealthService::notifyWebhooks(const QString &event, const QJsonObject &alert)
{
    m_alerts->notify(event, alert);
}

HealthMatrix HealthService::matrixFor(const User &caller) const
{
    if (isOperator(caller))
        return m_matrix;
    HealthMatrix own;
    own.kinds = m_matrix.kinds;
    own.updatedAt = m_matrix.updatedAt;
    own.revision = m_matrix.revision;
    own.tenantScope = caller.tenantId;
    for (const MatrixTenant &t : m_matrix.tenants)
        if (t.id == caller.tenantId)
            own.tenants.append(t);
    for (HealthCell c : m_matrix.cells) {
        if (c.tenantId != caller.tenantId)
            continue;
        c.reason = c.tenantReason;
        c.alertId.clear();
        own.cells.append(c);
    }
    return own;
}

Result<DeviceImpact> HealthService::impact(const QString &deviceId) const
{
    const auto device = m_inventory.device(deviceId);
    if (!device)
        return device.error();
    DeviceImpact out;
    out.device = *device;
    out.role = m_graph.roleOf(deviceId);
    switch (out.role) {
    case DeviceRole::None:
        out.note = device->kind == DeviceKind::GpuServer
            ? u"GPU servers are not assigned to tenants (tenants have a GPU quota, not servers): no service depends on one."_s
            : device->kind == DeviceKind::Switch
            ? u"No CNode or DBox is cabled to this switch: no service's path crosses it."_s
            : u"No tenant service depends on this device."_s;
        return out;
    default:
        break;
    }
    const PathStep self { u"device"_s, device->id, device->name };
    const QList<PathLink> through
        = out.role == DeviceRole::Switch ? m_graph.linksThrough(deviceId) : QList<PathLink>();
    for (const Tenant &t : m_tenantList) {
        const QString pool = Vast::vipPool(t);
        QList<PathStep> prefix { self };
        if (out.role == DeviceRole::CNode) {
            if (!m_graph.servesPool(deviceId, pool))
                continue;
            prefix << PathStep { u"vipPool"_s, {}, pool };
        } else if (out.role == DeviceRole::DBox) {
            prefix << PathStep { u"data"_s, {}, u"data striped across every DBox"_s };
        } else {
            const Dependencies deps = m_graph.forPool(pool);
            QStringList ports, cnodes, dboxes;
            for (const PathLink &l : through) {
                const bool toCNode = deps.cnodes.contains(l.device);
                if (!toCNode && !deps.dboxes.contains(l.device))
                    continue;
                ports << l.switchPort;
                QStringList &ends = toCNode ? cnodes : dboxes;
                if (!ends.contains(m_graph.nameOf(l.device)))
                    ends << m_graph.nameOf(l.device);
            }
            if (ports.isEmpty())
                continue;
            prefix << PathStep { u"ports"_s, {}, ports.join(u", "_s) };
            if (!cnodes.isEmpty())
                prefix << PathStep { u"cnodes"_s, {}, cnodes.join(u", "_s) }
                       << PathStep { u"vipPool"_s, {}, pool };
            else
                prefix << PathStep { u"dboxes"_s, {}, dboxes.join(u", "_s) }
                       << PathStep { u"data"_s, {}, u"data striped across every DBox"_s };
        }
        for (const Service &s : m_live.value(t.id)) {
            ImpactEntry e;
            e.serviceId = s.id;
            e.kind = s.kind;
            e.state = s.state;
            e.tenantId = t.id;
            e.tenantName = t.name;
            e.cell = m_cells.value(cellKey(t.id, s.kind));
            e.path = prefix;
            e.path << PathStep { u"service"_s, s.id, s.kind }
                   << PathStep { u"tenant"_s, t.id, t.name };
            out.entries << e;
        }
    }
    return out;
}

Result<QList<HealthTransition>> HealthService::history(const QString &tenantId, const QString &kind,
                                                       int limit) const
{
    return m_repository.transitions(tenantId, kind, limit);
}

QList<Webhook> HealthService::webhooks() const
{
    return m_alerts->webhooks();
}

WebhookStats HealthService::webhookStats(const QString &id) const
{
    return m_alerts->sender().stats(id);
}

Result<Webhook> HealthService::addWebhook(const QString &url, const QString &user)
{
    const QUrl parsed(url, QUrl::StrictMode);
    Webhook hook { newId(QLatin1String("whk")), url, nowIso() };
    Status outcome = success();
    if (!parsed.isValid() || (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s)
        || parsed.host().isEmpty())
        outcome = Error { ErrorKind::Unprocessable, u"invalid_url"_s,
                          u"url must be an http or https URL with a host."_s, u"url"_s };
    else
        outcome = m_repository.insertWebhook(hook);
    if (!outcome && outcome.error().kind == ErrorKind::Conflict)
        outcome = Error::conflict(u"duplicate_webhook"_s,
                                  u"That URL already receives the alerts."_s, u"url"_s);
    m_audit.record(user, u"health.webhook.add"_s, url, outcome);
    if (!outcome)
        return outcome.error();
    if (Status s = m_alerts->reloadWebhooks(); !s)
        return s.error();
    return hook;
}

Status HealthService::removeWebhook(const QString &id, const QString &user)
{
    const Status removed = m_repository.removeWebhook(id);
    m_audit.record(user, u"health.webhook.remove"_s, id, removed);
    if (!removed)
        return removed;
    return m_alerts->reloadWebhooks();
}

} // namespace NeoCloud
