#include "LabService.h"

#include "api/JsonKeys.h"
#include "RedfishServer.h"
#include "activity/AuditLog.h"
#include "core/Ids.h"
#include "core/JsonInput.h"
#include "core/Time.h"
#include "domain/Enums.h"
#include "openapi/OpenApiDocument.h"
#include "store/Database.h"
#include "vms/VmsServer.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <sys/resource.h>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcLab, "neocloud.lab")

namespace {

const QString vmsDevice = QStringLiteral("vms");

bool isVmsKind(const QString &kind) { return kind.startsWith(QLatin1String("vms-")); }
bool isEndpointKind(const QString &kind) { return kind.startsWith(QLatin1String("endpoint-")); }

// The latency of a slow fault (2000 ms unless given), 0 for the other kinds.
Result<int> latencyOf(const QJsonObject &body, bool slow)
{
    const QJsonValue latency = body.value(Key::latencyMs);
    if (!latency.isUndefined() && (!latency.isDouble() || latency.toInt() < 0 || latency.toInt() > 120000))
        return Error::badInput(QStringLiteral("invalid_latency"), QStringLiteral("latencyMs must be 0 to 120000."), QStringLiteral("latencyMs"));
    return slow ? latency.toInt(2000) : 0;
}

Result<QString> componentOf(const QJsonObject &body, const QString &fallback)
{
    const QJsonValue component = body.value(Key::component);
    if (!component.isUndefined() && !component.isString())
        return Error::badInput(QStringLiteral("wrong_type"), QStringLiteral("component must be a string."), QStringLiteral("component"));
    return component.toString(fallback);
}

// Each BMC keeps a socket listening and a few open; a thousand BMCs need more than the usual
// 1,024 descriptors.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

QStringList LabService::faultKinds()
{
    return {QStringLiteral("bmc-down"),   QStringLiteral("bmc-slow"),     QStringLiteral("bmc-error"),
            QStringLiteral("gpu-failed"), QStringLiteral("drive-failed"), QStringLiteral("link-down"),
            QStringLiteral("psu-failed"), QStringLiteral("cnode-down"),   QStringLiteral("vms-error"),
            QStringLiteral("vms-slow"),   QStringLiteral("endpoint-down"), QStringLiteral("endpoint-slow")};
}

LabService::LabService(LabDefinition definition, Database &database, AuditLog &audit, QObject *parent)
    : QObject(parent)
    , m_definition(std::move(definition))
    , m_db(database)
    , m_audit(audit)
{
    const int threads = int(qBound(qsizetype(1), m_definition.devices.size() / 128 + 1, qsizetype(8)));
    for (int i = 0; i < threads; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("lab-%1").arg(i));
        auto *host = new QObject;
        host->moveToThread(thread);
        thread->start();
        m_threads << thread;
        m_hosts << host;
    }
}

LabService::~LabService()
{
    for (qsizetype i = 0; i < m_hosts.size(); ++i) {
        QObject *host = m_hosts.at(i);
        runIn(host, [host] { delete host; });
        m_threads.at(i)->quit();
        m_threads.at(i)->wait();
        delete m_threads.at(i);
    }
}

void LabService::runIn(QObject *host, const std::function<void()> &work) const
{
    if (QThread::currentThread() == host->thread())
        work();
    else
        QMetaObject::invokeMethod(host, work, Qt::BlockingQueuedConnection);
}

Status LabService::start()
{
    raiseFileLimit();
    const quint32 network = QHostAddress(m_definition.network).toIPv4Address();
    Status result = success();
    RedfishServerOptions options;
    options.username = m_definition.username;
    options.password = m_definition.password;
    // One address per BMC, one port for all of them, as on a real management network. Another
    // lab (a parallel test, a second console) may hold the configured port on some addresses:
    // then every BMC moves together to one free port, so a range scan still finds them all.
    quint16 sharedPort = m_definition.port;
    for (int attempt = 0; attempt < 5; ++attempt) {
        bool moved = false;
        for (qsizetype i = 0; i < m_definition.devices.size() && result && !moved; ++i) {
            QObject *host = m_hosts.at(i % m_hosts.size());
            if (m_definition.devices.at(i).absent)
                continue; // never installed: its address stays dark
            runIn(host, [&] {
                const LabDevice &device = m_definition.devices.at(i);
                options.supportsExpand = device.tmpl->expand;
                auto server = std::make_unique<RedfishServer>(buildLabTree(m_definition, device), options);
                const QHostAddress address(network + 1 + quint32(i / 250) * 256 + quint32(i % 250));
                const quint16 port = server->listen(address, sharedPort);
                if (!port) {
                    if (!sharedPort) // not even a free port: the address itself is unusable
                        result = Error::unavailable(QStringLiteral("lab_listen_failed"),
                                                    QStringLiteral("The lab BMC of %1 cannot listen on %2.").arg(device.name, address.toString()));
                    moved = true;
                    return;
                }
                sharedPort = port;
                server->setParent(host);
                m_servers.insert(device.name, server.get());
                m_hostOf.insert(device.name, host);
                m_urls.insert(device.name, server.release()->baseUrl());
            });
        }
        if (!moved || !result)
            break;
        // Start again on a port the system picks for the first BMC.
        for (auto it = m_servers.begin(); it != m_servers.end(); ++it) {
            RedfishServer *server = it.value();
            runIn(m_hostOf.value(it.key()), [server] { delete server; });
        }
        m_servers.clear();
        m_hostOf.clear();
        m_urls.clear();
        sharedPort = 0;
    }
    m_port = sharedPort;
    const qsizetype installed = std::count_if(m_definition.devices.begin(), m_definition.devices.end(),
                                              [](const LabDevice &d) { return !d.absent; });
    if (result && m_servers.size() != installed)
        result = Error::unavailable(QStringLiteral("lab_listen_failed"),
                                    QStringLiteral("The lab's BMCs could not share one port; other labs keep taking them."));
    if (!result)
        return result;
    if (Status s = startVms(); !s)
        return s;
    if (Status s = loadFaults(); !s)
        return s;
    qCInfo(lcLab, "lab %s: %d BMCs on %s and up", qPrintable(m_definition.name), int(m_servers.size()),
           qPrintable(m_urls.value(m_definition.devices.constFirst().name)));
    return success();
}

Status LabService::startVms()
{
    const LabVms &config = m_definition.vms;
    if (!config.enabled)
        return success();
    Result<OpenApiDocument> spec = OpenApiDocument::load(OpenApiDocument::vastVmsResource());
    if (!spec)
        return spec.error();
    VmsServerOptions options;
    options.token = config.token;
    options.username = config.username;
    options.password = config.password;
    m_vms = std::make_unique<VmsServer>(m_db, m_definition, std::move(spec).value(), options);
    if (Status s = m_vms->load(); !s)
        return s;
    const QHostAddress address(config.address);
    // Like the BMCs: the configured port, or any when another process holds it.
    if (!m_vms->listen(address, config.port) && !m_vms->listen(address, 0))
        return Error::unavailable(QStringLiteral("lab_listen_failed"),
                                  QStringLiteral("The lab's VMS cannot listen on %1.").arg(address.toString()));
    qCInfo(lcLab, "lab %s: VMS double on %s", qPrintable(m_definition.name), qPrintable(m_vms->url().toString()));
    return success();
}

QUrl LabService::vmsUrl() const { return m_vms ? m_vms->url() : QUrl(); }

QString LabService::vmsToken() const { return m_vms ? m_vms->token() : QString(); }

void LabService::applyVmsFaults()
{
    if (!m_vms)
        return;
    QList<VmsFault> faults;
    QSet<QString> down;
    for (const LabFault &f : std::as_const(m_faults)) {
        if (isVmsKind(f.kind))
            faults << VmsFault{f.component, f.method, f.status, f.latencyMs};
        if (f.kind == QLatin1String("cnode-down"))
            down.insert(f.device);
    }
    m_vms->setFaults(faults);
    m_vms->setDownNodes(down);
}

QList<RedfishEndpoint> LabService::endpoints() const
{
    QList<RedfishEndpoint> out;
    for (const LabDevice &d : m_definition.devices)
        if (!d.absent)
            out << RedfishEndpoint{QUrl(m_urls.value(d.name)), m_definition.username, m_definition.password, true};
    return out;
}

QString LabService::bmcUrlOf(const QString &deviceName) const
{
    if (m_urls.contains(deviceName))
        return m_urls.value(deviceName);
    // An absent device's BMC would answer where its index puts it, on the lab's shared port.
    const auto i = m_definition.index.constFind(deviceName);
    if (i == m_definition.index.constEnd() || !m_port)
        return {};
    const quint32 network = QHostAddress(m_definition.network).toIPv4Address();
    const QHostAddress address(network + 1 + quint32(*i / 250) * 256 + quint32(*i % 250));
    return QStringLiteral("http://%1:%2").arg(address.toString()).arg(m_port);
}

QJsonObject LabService::describe() const
{
    QJsonArray bmcs;
    for (const LabDevice &d : m_definition.devices)
        if (!d.absent)
            bmcs.append(QJsonObject{{Key::device, d.name},
                                {Key::kind, toString(d.tmpl->kind)},
                                {Key::url, m_urls.value(d.name)},
                                {Key::rack, d.rack}});
    return {{Key::name, m_definition.name},
            {Key::site, m_definition.site},
            {Key::bmcCount, int(bmcs.size())},
            {Key::bmcs, bmcs},
            {Key::credentials, QJsonObject{{Key::username, m_definition.username}}},
            {Key::vms, m_vms ? QJsonValue(QJsonObject{{Key::url, vmsUrl().toString()}, {Key::token, vmsToken()}}) : QJsonValue()}};
}

Status LabService::loadFaults()
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, device, kind, component, latency_ms, created_at, method, status FROM lab_faults "
                             "WHERE lab = ? ORDER BY created_at"));
    q.addBindValue(text(m_definition.name));
    if (Status s = exec(q, QStringLiteral("read lab faults")); !s)
        return s;
    QSet<QString> touched;
    while (q.next()) {
        LabFault f{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                   q.value(4).toInt(), q.value(5).toString(), q.value(6).toString(), q.value(7).toInt()};
        const bool known = isEndpointKind(f.kind) || (isVmsKind(f.kind) ? bool(m_vms) : bool(m_definition.device(f.device)));
        if (!known)
            continue; // the definition changed since
        m_faults << f;
        if (!isVmsKind(f.kind) && !isEndpointKind(f.kind))
            touched.insert(f.device);
    }
    for (const QString &device : touched)
        rebuild(device);
    applyVmsFaults();
    applyEndpointFaults();
    return success();
}

Result<LabFault> LabService::addFault(const QJsonObject &body, const std::function<QString(const QString &)> &bmcUrlForId,
                                      const QString &user)
{
    Result<LabFault> fault = insertFault(body, bmcUrlForId);
    m_audit.record(user, QStringLiteral("lab.fault.add"), body.value(Key::device).toString(),
                   fault ? success() : Status(fault.error()),
                   {{Key::kind, body.value(Key::kind)}});
    return fault;
}

Result<LabFault> LabService::insertFault(const QJsonObject &body, const std::function<QString(const QString &)> &bmcUrlForId)
{
    LabFault fault;
    fault.kind = body.value(Key::kind).toString();
    const bool vms = isVmsKind(fault.kind);
    const QStringList accepted = vms ? QStringList{Key::device, Key::kind, Key::component, Key::latencyMs, Key::method, Key::status}
                                     : QStringList{Key::device, Key::kind, Key::component, Key::latencyMs};
    if (Status s = rejectUnknownKeys(body, accepted); !s)
        return s.error();
    if (!faultKinds().contains(fault.kind))
        return Error::badInput(QStringLiteral("invalid_enum"),
                               QStringLiteral("kind must be one of: %1.").arg(faultKinds().join(QLatin1String(", "))), QStringLiteral("kind"));
    if (isEndpointKind(fault.kind)) {
        if (Status s = readEndpointFault(body, fault); !s)
            return s.error();
        if (Status s = storeFault(fault); !s)
            return s.error();
        applyEndpointFaults();
        Q_EMIT faultsChanged();
        return fault;
    }
    if (vms) {
        if (Status s = readVmsFault(body, fault); !s)
            return s.error();
        if (Status s = storeFault(fault); !s)
            return s.error();
        applyVmsFaults();
        Q_EMIT faultsChanged();
        return fault;
    }
    const QString named = body.value(Key::device).toString();
    if (m_definition.device(named)) {
        fault.device = named;
    } else if (!named.isEmpty() && bmcUrlForId) {
        const QString url = bmcUrlForId(named);
        for (auto it = m_urls.begin(); it != m_urls.end(); ++it)
            if (!url.isEmpty() && it.value() == url)
                fault.device = it.key();
    }
    if (fault.device.isEmpty())
        return Error::notFound(QStringLiteral("lab device"), named);
    const Result<QString> component = componentOf(body, QString());
    const Result<int> latency = latencyOf(body, fault.kind == QLatin1String("bmc-slow"));
    if (!component || !latency)
        return component ? latency.error() : component.error();
    fault.component = *component;
    fault.latencyMs = *latency;
    const LabDevice *device = m_definition.device(fault.device);
    if (fault.kind == QLatin1String("link-down") && fault.component.isEmpty()) {
        for (const LabPort &p : device->ports)
            if (!p.peerDevice.isEmpty()) {
                fault.component = p.name;
                break;
            }
    }
    if (fault.kind == QLatin1String("cnode-down") && device->tmpl->kind != DeviceKind::StorageCNode)
        return Error{ErrorKind::Unprocessable, QStringLiteral("wrong_device_kind"),
                     QStringLiteral("%1 is not a storage CNode.").arg(fault.device), QStringLiteral("device")};
    // Check the component exists before storing anything.
    RedfishTree probe = buildLabTree(m_definition, *device);
    if (!applyTreeFault(probe, *device, fault))
        return Error{ErrorKind::Unprocessable, QStringLiteral("no_such_component"),
                     QStringLiteral("%1 has no component '%2' for a %3 fault.").arg(fault.device, fault.component, fault.kind),
                     QStringLiteral("component")};
    if (Status s = storeFault(fault); !s)
        return s.error();
    rebuild(fault.device);
    applyVmsFaults();
    if (fault.kind == QLatin1String("link-down"))
        for (const LabPort &p : device->ports)
            if (p.name == fault.component && !p.peerDevice.isEmpty())
                rebuild(p.peerDevice);
    Q_EMIT faultsChanged();
    return fault;
}

Status LabService::readVmsFault(const QJsonObject &body, LabFault &fault) const
{
    if (!m_vms)
        return Error::notFound(QStringLiteral("lab device"), vmsDevice);
    fault.device = body.value(Key::device).toString(vmsDevice);
    if (fault.device != vmsDevice)
        return Error::badInput(QStringLiteral("invalid_device"), QStringLiteral("VMS faults name the device \"vms\"."), QStringLiteral("device"));
    const Result<QString> component = componentOf(body, QStringLiteral("/"));
    const Result<int> latency = latencyOf(body, fault.kind == QLatin1String("vms-slow"));
    if (!component || !latency)
        return component ? latency.error() : component.error();
    fault.component = *component;
    fault.latencyMs = *latency;
    if (fault.component.startsWith(QLatin1String("/api/")))
        fault.component = fault.component.mid(4);
    if (!fault.component.startsWith(QLatin1Char('/')))
        return Error::badInput(QStringLiteral("invalid_component"),
                               QStringLiteral("component is a VMS path below /api, such as /views/."), QStringLiteral("component"));
    const QJsonValue method = body.value(Key::method);
    fault.method = method.toString().toUpper();
    static const QStringList methods{QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE")};
    if (!method.isUndefined() && !methods.contains(fault.method))
        return Error::badInput(QStringLiteral("invalid_enum"), QStringLiteral("method must be one of: %1.").arg(methods.join(QLatin1String(", "))),
                               QStringLiteral("method"));
    const QJsonValue status = body.value(Key::status);
    if (fault.kind == QLatin1String("vms-error")) {
        fault.status = status.isUndefined() ? 503 : status.toInt();
        if (!status.isUndefined() && (!status.isDouble() || fault.status < 400 || fault.status > 599))
            return Error::badInput(QStringLiteral("invalid_status"), QStringLiteral("status must be an HTTP error status, 400 to 599."),
                                   QStringLiteral("status"));
    } else if (!status.isUndefined()) {
        return Error::badInput(QStringLiteral("unknown_field"), QStringLiteral("status applies to vms-error faults only."), QStringLiteral("status"));
    }
    return success();
}

Status LabService::readEndpointFault(const QJsonObject &body, LabFault &fault) const
{
    const QJsonValue pool = body.value(Key::device);
    if (!pool.isString() || pool.toString().trimmed().isEmpty())
        return Error::badInput(QStringLiteral("invalid_device"), QStringLiteral("Endpoint faults name a VIP pool as the device (\"acme-vip\")."),
                               QStringLiteral("device"));
    fault.device = pool.toString().trimmed();
    const Result<QString> component = componentOf(body, QString());
    const Result<int> latency = latencyOf(body, fault.kind == QLatin1String("endpoint-slow"));
    if (!component || !latency)
        return component ? latency.error() : component.error();
    if (!component->isEmpty() && !LabEndpointServers::protocols().contains(*component))
        return Error::badInput(QStringLiteral("invalid_enum"),
                               QStringLiteral("component must be one of: %1 (or absent for all).")
                                   .arg(LabEndpointServers::protocols().join(QLatin1String(", "))),
                               QStringLiteral("component"));
    fault.component = *component;
    fault.latencyMs = *latency;
    return success();
}

void LabService::applyEndpointFaults()
{
    QList<EndpointFault> faults;
    for (const LabFault &f : std::as_const(m_faults))
        if (isEndpointKind(f.kind))
            faults << EndpointFault{f.device, f.component, f.kind == QLatin1String("endpoint-down"), f.latencyMs};
    m_endpoints.setFaults(faults);
}

Status LabService::storeFault(LabFault &fault)
{
    fault.id = newId(QLatin1String("flt"));
    fault.createdAt = nowIso();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO lab_faults (id, lab, device, kind, component, latency_ms, created_at, method, status) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(fault.id), QVariant(m_definition.name), QVariant(fault.device), QVariant(fault.kind), text(fault.component),
                              QVariant(fault.latencyMs), QVariant(fault.createdAt), text(fault.method), QVariant(fault.status)})
        q.addBindValue(v);
    if (Status s = exec(q, QStringLiteral("store a lab fault")); !s)
        return s;
    m_faults << fault;
    return success();
}

Status LabService::clearFault(const QString &id, const QString &user)
{
    const Status cleared = removeFault(id);
    m_audit.record(user, QStringLiteral("lab.fault.clear"), id, cleared);
    return cleared;
}

Status LabService::removeFault(const QString &id)
{
    const auto it = std::find_if(m_faults.begin(), m_faults.end(), [&](const LabFault &f) { return f.id == id; });
    if (it == m_faults.end())
        return Error::notFound(QStringLiteral("fault"), id);
    const LabFault fault = *it;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM lab_faults WHERE id = ?"));
    q.addBindValue(id);
    if (Status s = exec(q, QStringLiteral("clear a lab fault")); !s)
        return s;
    m_faults.erase(it);
    rebuild(fault.device);
    applyVmsFaults();
    applyEndpointFaults();
    if (const LabDevice *device = m_definition.device(fault.device); device && fault.kind == QLatin1String("link-down"))
        for (const LabPort &p : device->ports)
            if (p.name == fault.component && !p.peerDevice.isEmpty())
                rebuild(p.peerDevice);
    Q_EMIT faultsChanged();
    return success();
}

void LabService::rebuild(const QString &deviceName)
{
    const LabDevice *device = m_definition.device(deviceName);
    RedfishServer *server = m_servers.value(deviceName);
    if (!device || !server)
        return;
    RedfishTree tree = buildLabTree(m_definition, *device);
    bool down = false;
    int latency = 0, errorMode = 0;
    for (const LabFault &f : std::as_const(m_faults)) {
        if (f.device == deviceName) {
            applyTreeFault(tree, *device, f);
            down |= f.kind == QLatin1String("bmc-down");
            latency = qMax(latency, f.latencyMs);
            if (f.kind == QLatin1String("bmc-error"))
                errorMode = f.component == QLatin1String("garbage") ? 2 : 1;
        }
        // The far end of a downed cable goes dark too.
        if (f.kind == QLatin1String("link-down") && f.device != deviceName)
            if (const LabDevice *other = m_definition.device(f.device))
                for (const LabPort &p : other->ports)
                    if (p.name == f.component && p.peerDevice == deviceName)
                        setPortDown(tree, *device, p.peerPort);
    }
    runIn(m_hostOf.value(deviceName), [server, tree = std::move(tree), down, latency, errorMode]() mutable {
        server->tree() = std::move(tree);
        server->setLatencyMs(latency);
        server->setErrorMode(errorMode);
        server->setDown(down);
    });
}

void LabService::setLatencyForAll(int ms)
{
    for (auto it = m_servers.begin(); it != m_servers.end(); ++it) {
        RedfishServer *server = it.value();
        runIn(m_hostOf.value(it.key()), [server, ms] { server->setLatencyMs(ms); });
    }
}

quint64 LabService::requestCount() const
{
    quint64 total = 0;
    for (auto it = m_servers.begin(); it != m_servers.end(); ++it) {
        RedfishServer *server = it.value();
        runIn(m_hostOf.value(it.key()), [&total, server] { total += server->requestCount(); });
    }
    return total;
}

} // namespace NeoCloud
