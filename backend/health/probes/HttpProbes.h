#pragma once
// The probes that speak HTTP: S3 (ListObjectsV2 for one key on the service's bucket, signed
// with SigV4 by the tenant's key; S3's own error code is the reason when it refuses) and plain
// HTTP for query and telemetry endpoints (any answer below 500 is up: a 401 or 404 still proves
// the endpoint serves).

#include "ServiceProbe.h"

#include <QNetworkAccessManager>

namespace NeoCloud {

class S3Probe : public ServiceProbe
{
public:
    QString protocol() const override { return QStringLiteral("s3"); }
    void run(const ProbeTarget &target, int timeoutMs, Done done) override;

private:
    QNetworkAccessManager m_network;
};

class HttpProbe : public ServiceProbe
{
public:
    QString protocol() const override { return QStringLiteral("http"); }
    void run(const ProbeTarget &target, int timeoutMs, Done done) override;

private:
    QNetworkAccessManager m_network;
};

// S3's error code in an error document (<Error><Code>...</Code>), empty when there is none.
QString s3ErrorCode(const QByteArray &body);

} // namespace NeoCloud
