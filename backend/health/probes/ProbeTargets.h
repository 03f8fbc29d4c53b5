#pragma once
// What to probe for a tenant's active services, read from the endpoints the provider gave them:
// object-storage's S3 URL and bucket, file-storage's NFS export, block-storage's NVMe/TCP port,
// event-streaming's Kafka bootstrap, database's and telemetry's HTTP endpoints. Functions carry
// no URL of their own (their endpoints name the functions), so nothing is probed for them.

#include "ServiceProbe.h"
#include "domain/Tenancy.h"

#include <QPair>
#include <functional>

namespace NeoCloud {

struct ProbeSources
{
    // The key an S3 probe signs with for a tenant; nothing: its S3 endpoint gets a TCP connect.
    std::function<std::optional<SigV4::Credentials>(const QString &tenantId)> s3Key;
    // Where to really connect for an endpoint of a VIP pool (the demo lab maps its VIPs to
    // loopback listeners); unset: the endpoint's own host and port.
    std::function<std::optional<QPair<QString, quint16>>(const QString &pool, const QString &protocol, const QString &host,
                                                         quint16 port)>
        address;
};

QList<ProbeTarget> probeTargetsFor(const Tenant &tenant, const Service &service, const ProbeSources &sources);

} // namespace NeoCloud
