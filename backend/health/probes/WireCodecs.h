#pragma once
// The few bytes of two binary protocols the probes speak, both directions (the probe's request
// and the demo lab's answer): Kafka's ApiVersions v0 and ONC RPC's NULL call over TCP with record
// marking (RFC 5531). Decoders take whole frames and say in words what is wrong with a bad one.

#include <QByteArray>
#include <QString>
#include <optional>

namespace NeoCloud::Wire {

// Kafka: every message is an int32 big-endian size, then that many bytes.
// Removes and returns one whole frame (without its size) from the front of `buffer`, if there is
// one; `tooBig` is set when the announced size is past `maxSize` (the peer is not Kafka).
std::optional<QByteArray> takeKafkaFrame(QByteArray &buffer, bool *tooBig = nullptr, int maxSize = 1 << 20);

constexpr qint16 kafkaApiVersionsKey = 18;
QByteArray kafkaApiVersionsRequest(qint32 correlationId, const QByteArray &clientId); // framed

struct KafkaRequestHeader
{
    qint16 apiKey = -1;
    qint16 apiVersion = -1;
    qint32 correlationId = 0;
};
std::optional<KafkaRequestHeader> parseKafkaRequestHeader(const QByteArray &frame);

struct KafkaApiVersions
{
    qint32 correlationId = 0;
    qint16 errorCode = 0;
    int apiCount = 0;
};
// The v0 response; an error names what is malformed.
std::optional<KafkaApiVersions> parseKafkaApiVersions(const QByteArray &frame, QString *error);
QByteArray kafkaApiVersionsResponse(qint32 correlationId, qint16 errorCode); // framed; a few APIs
QString kafkaErrorName(qint16 code);

// ONC RPC over TCP: records made of fragments, each with a 4-byte mark (last-fragment bit + length).
std::optional<QByteArray> takeRpcRecord(QByteArray &buffer, bool *tooBig = nullptr, int maxSize = 1 << 20);
QByteArray rpcRecord(const QByteArray &message); // one last fragment

constexpr quint32 nfsProgram = 100003;
constexpr quint32 nfsVersion = 3;
QByteArray rpcNullCall(quint32 xid, quint32 program, quint32 version); // framed, AUTH_NONE

struct RpcCall
{
    quint32 xid = 0;
    quint32 rpcVersion = 0;
    quint32 program = 0;
    quint32 version = 0;
    quint32 procedure = 0;
};
std::optional<RpcCall> parseRpcCall(const QByteArray &record);

enum class RpcAcceptStat : quint32 { Success = 0, ProgUnavail = 1, ProgMismatch = 2, ProcUnavail = 3, GarbageArgs = 4, SystemErr = 5 };

struct RpcReply
{
    quint32 xid = 0;
    bool accepted = false; // MSG_ACCEPTED; otherwise MSG_DENIED
    quint32 acceptStat = 0; // when accepted
    quint32 rejectStat = 0; // when denied: 0 RPC_MISMATCH, 1 AUTH_ERROR
};
std::optional<RpcReply> parseRpcReply(const QByteArray &record, QString *error);
QByteArray rpcAcceptedReply(quint32 xid, RpcAcceptStat stat); // framed; PROG_MISMATCH names 3..3
QString rpcAcceptStatName(quint32 stat);

} // namespace NeoCloud::Wire
