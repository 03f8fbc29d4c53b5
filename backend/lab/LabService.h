#pragma once
// The demo lab: one real Redfish service per BMC of a lab definition, each on its own loopback
// address, served from a thread of their own so a scan of a thousand BMCs does not compete with
// the console for one event loop. Faults change what the BMCs serve and are stored until cleared.

#include "LabDefinition.h"
#include "LabEndpointServers.h"
#include "LabTrees.h"
#include "core/Result.h"
#include "discovery/DiscoveryService.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>

namespace NeoCloud {

class AuditLog;
class Database;
class RedfishServer;
class VmsServer;

class LabService : public QObject, public LabEndpoints
{
    Q_OBJECT
public:
    LabService(LabDefinition definition, Database &database, AuditLog &audit, QObject *parent = nullptr);
    ~LabService() override;

    // Binds every BMC and the VMS double and applies the stored faults. Fails if one cannot listen.
    Status start();

    // The lab's VAST Management Service double (lab/vms), for pointing a VAST provider at it:
    // its API root ("http://127.77.250.1:16625/api") and its Api-Token. Empty when the lab
    // definition turns it off ("vms": false).
    QUrl vmsUrl() const;
    QString vmsToken() const;
    VmsServer *vms() const { return m_vms.get(); }
    // What the tenants' VIP pools answer (S3, NFS, Kafka, HTTP, TCP) on loopback, for probes.
    LabEndpointServers *endpointServers() { return &m_endpoints; }

    QList<RedfishEndpoint> endpoints() const override;
    // Where a device's BMC answers; for a device the definition leaves absent, where it would.
    QString bmcUrlOf(const QString &deviceName) const;
    QString siteName() const override { return m_definition.site; }
    const LabDefinition &definition() const { return m_definition; }
    QJsonObject describe() const;

    // Body {"device", "kind", "component"?, "latencyMs"?}; `deviceForId` maps an inventory
    // device id to its BMC URL so faults can name devices either way. VMS faults name the device
    // "vms": {"device": "vms", "kind": "vms-error", "component": "/views/", "method"?: "POST",
    // "status"?: 503} or "vms-slow" with "latencyMs".
    // Endpoint faults name a tenant's VIP pool: {"device": "acme-vip", "kind": "endpoint-down"
    // | "endpoint-slow", "component"?: "s3"|"nfs"|"kafka"|"http"|"tcp" (empty: all), "latencyMs"?}.
    // Both are audited here, whoever asks (the API or the console).
    Result<LabFault> addFault(const QJsonObject &body, const std::function<QString(const QString &)> &bmcUrlForId,
                              const QString &user);
    QList<LabFault> faults() const { return m_faults; }
    Status clearFault(const QString &id, const QString &user);

    static QStringList faultKinds();

    // Added latency on every BMC, for benchmarks.
    void setLatencyForAll(int ms);
    quint64 requestCount() const;

Q_SIGNALS:
    void faultsChanged();

private:
    Result<LabFault> insertFault(const QJsonObject &body, const std::function<QString(const QString &)> &bmcUrlForId);
    Status readVmsFault(const QJsonObject &body, LabFault &fault) const;
    Status storeFault(LabFault &fault); // gives it an id and a time
    Status startVms();
    void applyVmsFaults();
    void applyEndpointFaults();
    Status readEndpointFault(const QJsonObject &body, LabFault &fault) const;
    Status removeFault(const QString &id);
    void rebuild(const QString &deviceName);
    // Runs work in the thread that owns the given host (its servers), and waits for it.
    void runIn(QObject *host, const std::function<void()> &work) const;
    Status loadFaults();

    LabDefinition m_definition;
    Database &m_db;
    AuditLog &m_audit;
    // BMCs are spread over a few threads: each event loop polls every socket it owns on each
    // turn, so one loop with a thousand listening sockets spends its time in poll().
    QList<QThread *> m_threads;
    QList<QObject *> m_hosts; // one per thread, parent of that thread's servers
    QHash<QString, QObject *> m_hostOf; // device name -> host
    QHash<QString, RedfishServer *> m_servers; // by device name
    QHash<QString, QString> m_urls;            // device name -> base URL
    quint16 m_port = 0; // the port every BMC shares
    QList<LabFault> m_faults;
    std::unique_ptr<VmsServer> m_vms; // in this object's thread, beside the store it writes to
    LabEndpointServers m_endpoints;
};

} // namespace NeoCloud
