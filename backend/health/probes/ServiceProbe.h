#pragma once
// A probe asks one service endpoint a real question in its own protocol (S3, HTTP, Kafka, NFS,
// plain TCP) and says whether it answered, how fast, and if not, why, in an operator's words and
// in a tenant's. One implementation per protocol behind this interface; ProbeRunner runs many.

#include "SigV4.h"

#include <QString>
#include <functional>
#include <optional>

namespace NeoCloud {

struct ProbeTarget
{
    QString tenantId;
    QString tenantName;
    QString serviceId;
    QString kind; // the service kind (object-storage, ...)
    QString protocol; // s3, http, kafka, nfs, tcp
    QString host; // where the probe connects (the lab maps VIPs to its loopback listeners)
    quint16 port = 0;
    QString shownEndpoint; // what the reason names: the tenant's own endpoint, host:port
    QString path; // http: the path; s3: unused
    QString bucket; // s3
    std::optional<SigV4::Credentials> s3Key; // s3: the key it signs with; none: unsigned
    QString region = QStringLiteral("us-east-1");

    QString key() const { return serviceId + u'/' + protocol; }
};

struct ProbeResult
{
    ProbeTarget target;
    bool up = false;
    qint64 latencyMs = -1; // to the answer (or to the failure); -1 when it never connected
    QString reason; // an operator's words, naming the endpoint
    QString tenantReason; // the tenant's words: "your S3 endpoint refused your access key: ..."
    QString code; // a short machine word: ok, refused, timeout, denied, error, bad-answer
};

class ServiceProbe
{
public:
    using Done = std::function<void(ProbeResult)>;
    virtual ~ServiceProbe() = default;
    virtual QString protocol() const = 0;
    // Runs one probe; `done` is called exactly once, within about `timeoutMs`.
    virtual void run(const ProbeTarget &target, int timeoutMs, Done done) = 0;
};

// The protocol's name as a reason starts: "S3 endpoint", "Kafka bootstrap", "NFS export".
QString probeNoun(const QString &protocol);
QString probeTenantNoun(const QString &protocol); // "your S3 endpoint"

} // namespace NeoCloud
