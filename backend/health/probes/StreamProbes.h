#pragma once
// The probes that speak over a bare TCP connection: Kafka (ApiVersions v0, its error code read),
// NFS (the ONC RPC NULL call to program 100003 version 3, the reply read for MSG_ACCEPTED and
// SUCCESS) and plain TCP (NVMe/TCP block endpoints: a connect is all that is asked).

#include "ServiceProbe.h"

namespace NeoCloud {

class KafkaProbe : public ServiceProbe
{
public:
    QString protocol() const override { return QStringLiteral("kafka"); }
    void run(const ProbeTarget &target, int timeoutMs, Done done) override;

private:
    qint32 m_nextCorrelation = 1;
};

class NfsProbe : public ServiceProbe
{
public:
    QString protocol() const override { return QStringLiteral("nfs"); }
    void run(const ProbeTarget &target, int timeoutMs, Done done) override;

private:
    quint32 m_nextXid = 0x4e430001; // "NC"
};

class TcpConnectProbe : public ServiceProbe
{
public:
    QString protocol() const override { return QStringLiteral("tcp"); }
    void run(const ProbeTarget &target, int timeoutMs, Done done) override;
};

// Shared by every probe: the result of an exchange in words. `problem` empty = it answered well.
ProbeResult probeResult(const ProbeTarget &target, bool connected, bool timedOut, const QString &socketError,
                        const QString &problem, const QString &tenantProblem, qint64 elapsedMs, int timeoutMs);

} // namespace NeoCloud
