#include "WireCodecs.h"

#include <QtEndian>

namespace NeoCloud::Wire {

namespace {

void put16(QByteArray &out, quint16 v)
{
    char b[2];
    qToBigEndian(v, b);
    out.append(b, 2);
}

void put32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

// Reads big-endian integers from a frame, remembering whether it ran past the end.
class Reader
{
public:
    explicit Reader(const QByteArray &data) : m_data(data) { }
    quint32 u32()
    {
        if (!need(4))
            return 0;
        const quint32 v = qFromBigEndian<quint32>(m_data.constData() + m_pos);
        m_pos += 4;
        return v;
    }
    quint16 u16()
    {
        if (!need(2))
            return 0;
        const quint16 v = qFromBigEndian<quint16>(m_data.constData() + m_pos);
        m_pos += 2;
        return v;
    }
    void skip(qsizetype n)
    {
        if (need(n))
            m_pos += n;
    }
    bool ok() const { return m_ok; }

private:
    bool need(qsizetype n)
    {
        if (n < 0 || m_pos + n > m_data.size())
            m_ok = false;
        return m_ok;
    }
    const QByteArray &m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

QByteArray sized(const QByteArray &body)
{
    QByteArray out;
    put32(out, quint32(body.size()));
    return out + body;
}

} // namespace

std::optional<QByteArray> takeKafkaFrame(QByteArray &buffer, bool *tooBig, int maxSize)
{
    if (buffer.size() < 4)
        return std::nullopt;
    const qint32 size = qFromBigEndian<qint32>(buffer.constData());
    if (size < 0 || size > maxSize) {
        if (tooBig)
            *tooBig = true;
        return std::nullopt;
    }
    if (buffer.size() < 4 + size)
        return std::nullopt;
    QByteArray frame = buffer.mid(4, size);
    buffer.remove(0, 4 + size);
    return frame;
}

QByteArray kafkaApiVersionsRequest(qint32 correlationId, const QByteArray &clientId)
{
    QByteArray body;
    put16(body, quint16(kafkaApiVersionsKey));
    put16(body, 0); // version 0: no request body, a plain (non-flexible) header
    put32(body, quint32(correlationId));
    put16(body, quint16(clientId.size()));
    body += clientId;
    return sized(body);
}

std::optional<KafkaRequestHeader> parseKafkaRequestHeader(const QByteArray &frame)
{
    Reader r(frame);
    KafkaRequestHeader h;
    h.apiKey = qint16(r.u16());
    h.apiVersion = qint16(r.u16());
    h.correlationId = qint32(r.u32());
    if (!r.ok())
        return std::nullopt;
    return h;
}

std::optional<KafkaApiVersions> parseKafkaApiVersions(const QByteArray &frame, QString *error)
{
    Reader r(frame);
    KafkaApiVersions v;
    v.correlationId = qint32(r.u32());
    v.errorCode = qint16(r.u16());
    const qint32 count = qint32(r.u32());
    if (!r.ok() || count < -1 || count > 10000) {
        if (error)
            *error = QStringLiteral("not an ApiVersions answer (%1 bytes)").arg(frame.size());
        return std::nullopt;
    }
    for (qint32 i = 0; i < count; ++i)
        r.skip(6); // api_key, min_version, max_version
    if (!r.ok()) {
        if (error)
            *error = QStringLiteral("ApiVersions answer cut short: %1 APIs announced in %2 bytes").arg(count).arg(frame.size());
        return std::nullopt;
    }
    v.apiCount = qMax(count, 0);
    return v;
}

QByteArray kafkaApiVersionsResponse(qint32 correlationId, qint16 errorCode)
{
    // Produce 0..9, Fetch 0..13, Metadata 0..12, ApiVersions 0..3: what a broker of the 3.x line
    // offers for the calls clients make first.
    static const qint16 apis[][3] = {{0, 0, 9}, {1, 0, 13}, {3, 0, 12}, {kafkaApiVersionsKey, 0, 3}};
    QByteArray body;
    put32(body, quint32(correlationId));
    put16(body, quint16(errorCode));
    put32(body, errorCode == 0 ? 4 : 1);
    for (const auto &api : apis) {
        if (errorCode != 0 && api[0] != kafkaApiVersionsKey)
            continue;
        put16(body, quint16(api[0]));
        put16(body, quint16(api[1]));
        put16(body, quint16(api[2]));
    }
    return sized(body);
}

QString kafkaErrorName(qint16 code)
{
    switch (code) {
    case 0: return QStringLiteral("NONE");
    case 35: return QStringLiteral("UNSUPPORTED_VERSION");
    case 15: return QStringLiteral("COORDINATOR_NOT_AVAILABLE");
    case 31: return QStringLiteral("CLUSTER_AUTHORIZATION_FAILED");
    case -1: return QStringLiteral("UNKNOWN_SERVER_ERROR");
    default: return QStringLiteral("error %1").arg(code);
    }
}

std::optional<QByteArray> takeRpcRecord(QByteArray &buffer, bool *tooBig, int maxSize)
{
    // Walk the fragments without consuming until the last one is complete.
    QByteArray record;
    qsizetype pos = 0;
    while (true) {
        if (buffer.size() < pos + 4)
            return std::nullopt;
        const quint32 mark = qFromBigEndian<quint32>(buffer.constData() + pos);
        const bool last = mark & 0x80000000u;
        const qsizetype length = mark & 0x7fffffffu;
        if (record.size() + length > maxSize) {
            if (tooBig)
                *tooBig = true;
            return std::nullopt;
        }
        if (buffer.size() < pos + 4 + length)
            return std::nullopt;
        record += buffer.mid(pos + 4, length);
        pos += 4 + length;
        if (last) {
            buffer.remove(0, pos);
            return record;
        }
    }
}

QByteArray rpcRecord(const QByteArray &message)
{
    QByteArray out;
    put32(out, 0x80000000u | quint32(message.size()));
    return out + message;
}

QByteArray rpcNullCall(quint32 xid, quint32 program, quint32 version)
{
    QByteArray m;
    for (quint32 v : {xid, 0u /* CALL */, 2u /* RPC version */, program, version, 0u /* NULL */, 0u, 0u /* cred AUTH_NONE */,
                      0u, 0u /* verifier AUTH_NONE */})
        put32(m, v);
    return rpcRecord(m);
}

std::optional<RpcCall> parseRpcCall(const QByteArray &record)
{
    Reader r(record);
    RpcCall c;
    c.xid = r.u32();
    const quint32 type = r.u32();
    c.rpcVersion = r.u32();
    c.program = r.u32();
    c.version = r.u32();
    c.procedure = r.u32();
    r.u32(); // credential flavour
    r.skip((r.u32() + 3) & ~3u);
    r.u32(); // verifier flavour
    r.skip((r.u32() + 3) & ~3u);
    if (!r.ok() || type != 0)
        return std::nullopt;
    return c;
}

std::optional<RpcReply> parseRpcReply(const QByteArray &record, QString *error)
{
    Reader r(record);
    RpcReply reply;
    reply.xid = r.u32();
    const quint32 type = r.u32();
    const quint32 stat = r.u32();
    if (r.ok() && type != 1) {
        if (error)
            *error = QStringLiteral("not an RPC reply (message type %1)").arg(type);
        return std::nullopt;
    }
    reply.accepted = stat == 0;
    if (reply.accepted) {
        r.u32(); // verifier flavour
        r.skip((r.u32() + 3) & ~3u);
        reply.acceptStat = r.u32();
    } else {
        reply.rejectStat = r.u32();
    }
    if (!r.ok()) {
        if (error)
            *error = QStringLiteral("RPC reply cut short (%1 bytes)").arg(record.size());
        return std::nullopt;
    }
    return reply;
}

QByteArray rpcAcceptedReply(quint32 xid, RpcAcceptStat stat)
{
    QByteArray m;
    for (quint32 v : {xid, 1u /* REPLY */, 0u /* MSG_ACCEPTED */, 0u, 0u /* verifier AUTH_NONE */, quint32(stat)})
        put32(m, v);
    if (stat == RpcAcceptStat::ProgMismatch) {
        put32(m, nfsVersion);
        put32(m, nfsVersion);
    }
    return rpcRecord(m);
}

QString rpcAcceptStatName(quint32 stat)
{
    switch (stat) {
    case 0: return QStringLiteral("SUCCESS");
    case 1: return QStringLiteral("PROG_UNAVAIL");
    case 2: return QStringLiteral("PROG_MISMATCH");
    case 3: return QStringLiteral("PROC_UNAVAIL");
    case 4: return QStringLiteral("GARBAGE_ARGS");
    case 5: return QStringLiteral("SYSTEM_ERR");
    default: return QStringLiteral("accept_stat %1").arg(stat);
    }
}

} // namespace NeoCloud::Wire
