#include "StreamProbes.h"

#include "TcpExchange.h"
#include "WireCodecs.h"

#include <QtEndian>

namespace NeoCloud {

QString probeNoun(const QString &protocol)
{
    if (protocol == QLatin1String("s3"))
        return QStringLiteral("S3 endpoint");
    if (protocol == QLatin1String("kafka"))
        return QStringLiteral("Kafka bootstrap");
    if (protocol == QLatin1String("nfs"))
        return QStringLiteral("NFS export");
    if (protocol == QLatin1String("http"))
        return QStringLiteral("HTTP endpoint");
    return QStringLiteral("endpoint");
}

QString probeTenantNoun(const QString &protocol)
{
    return QStringLiteral("your ") + probeNoun(protocol);
}

ProbeResult probeResult(const ProbeTarget &target, bool connected, bool timedOut, const QString &socketError,
                        const QString &problem, const QString &tenantProblem, qint64 elapsedMs, int timeoutMs)
{
    ProbeResult r;
    r.target = target;
    r.latencyMs = connected ? elapsedMs : -1;
    const QString noun = probeNoun(target.protocol) + u' ' + target.shownEndpoint;
    const QString tenantNoun = probeTenantNoun(target.protocol);
    if (timedOut) {
        r.code = QStringLiteral("timeout");
        r.reason = QStringLiteral("%1 did not answer within %2 ms").arg(noun).arg(timeoutMs);
        r.tenantReason = QStringLiteral("%1 did not answer within %2 ms").arg(tenantNoun).arg(timeoutMs);
    } else if (!socketError.isEmpty()) {
        r.code = connected ? QStringLiteral("error") : QStringLiteral("refused");
        r.reason = QStringLiteral("%1 does not answer: %2").arg(noun, socketError);
        r.tenantReason = QStringLiteral("%1 does not answer").arg(tenantNoun);
    } else if (!problem.isEmpty()) {
        r.code = QStringLiteral("bad-answer");
        r.reason = noun + u' ' + problem;
        r.tenantReason = tenantNoun + u' ' + (tenantProblem.isEmpty() ? problem : tenantProblem);
    } else {
        r.up = true;
        r.code = QStringLiteral("ok");
    }
    return r;
}

namespace {

// An exchange's outcome as the probe's result: the reader's verdict is the problem, if any.
std::function<void(TcpExchange::Outcome)> reportTo(const ProbeTarget &target, int timeoutMs, const ServiceProbe::Done &done)
{
    return [target, timeoutMs, done](const TcpExchange::Outcome &o) {
        done(probeResult(target, o.connected, o.timedOut, o.socketError, o.answer.value_or(QString()), {}, o.elapsedMs, timeoutMs));
    };
}

} // namespace

void KafkaProbe::run(const ProbeTarget &target, int timeoutMs, Done done)
{
    const qint32 correlation = m_nextCorrelation++;
    auto reader = [correlation](QByteArray &buffer) -> std::optional<QString> {
        bool tooBig = false;
        const auto frame = Wire::takeKafkaFrame(buffer, &tooBig);
        if (tooBig)
            return QStringLiteral("answered with something that is not Kafka (a frame size of %1 bytes)")
                .arg(qFromBigEndian<qint32>(buffer.constData()));
        if (!frame)
            return std::nullopt;
        QString error;
        const auto answer = Wire::parseKafkaApiVersions(*frame, &error);
        if (!answer)
            return QStringLiteral("answered ApiVersions with %1").arg(error);
        if (answer->correlationId != correlation)
            return QStringLiteral("answered another request (correlation id %1, not %2)").arg(answer->correlationId).arg(correlation);
        if (answer->errorCode != 0)
            return QStringLiteral("answered ApiVersions with error %1 (%2)").arg(answer->errorCode).arg(Wire::kafkaErrorName(answer->errorCode));
        return QString();
    };
    TcpExchange::start(target.host, target.port, Wire::kafkaApiVersionsRequest(correlation, "neocloud-probe"), timeoutMs, reader,
                       reportTo(target, timeoutMs, done));
}

void NfsProbe::run(const ProbeTarget &target, int timeoutMs, Done done)
{
    const quint32 xid = m_nextXid++;
    auto reader = [xid](QByteArray &buffer) -> std::optional<QString> {
        bool tooBig = false;
        const auto record = Wire::takeRpcRecord(buffer, &tooBig);
        if (tooBig)
            return QStringLiteral("answered with something that is not ONC RPC");
        if (!record)
            return std::nullopt;
        QString error;
        const auto reply = Wire::parseRpcReply(*record, &error);
        if (!reply)
            return QStringLiteral("answered the RPC NULL call with %1").arg(error);
        if (reply->xid != xid)
            return QStringLiteral("answered another call (xid %1)").arg(reply->xid);
        if (!reply->accepted)
            return QStringLiteral("denied the RPC NULL call (%1)")
                .arg(reply->rejectStat == 1 ? QStringLiteral("AUTH_ERROR") : QStringLiteral("RPC_MISMATCH"));
        if (reply->acceptStat != 0)
            return QStringLiteral("does not serve NFSv3: the RPC NULL call got %1").arg(Wire::rpcAcceptStatName(reply->acceptStat));
        return QString();
    };
    TcpExchange::start(target.host, target.port, Wire::rpcNullCall(xid, Wire::nfsProgram, Wire::nfsVersion), timeoutMs, reader,
                       reportTo(target, timeoutMs, done));
}

void TcpConnectProbe::run(const ProbeTarget &target, int timeoutMs, Done done)
{
    TcpExchange::start(target.host, target.port, {}, timeoutMs, [](QByteArray &) { return std::optional<QString>(QString()); },
                       reportTo(target, timeoutMs, done));
}

} // namespace NeoCloud
