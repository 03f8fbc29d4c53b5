#pragma once
// The demo lab's service endpoints: what a tenant's VIP pool would answer on a real cluster,
// served on loopback so probes have something real to ask. Per VIP pool and protocol, one small
// responder on 127.0.0.1 (made the first time a probe asks where the pool's endpoint is): S3
// that checks SigV4 against the keys the storage was given, Kafka ApiVersions v0, ONC RPC NULL
// for NFSv3, plain HTTP, and a bare TCP accept for NVMe/TCP. Lab faults make a pool's endpoints
// refuse connections (endpoint-down) or answer late (endpoint-slow).

#include <QHash>
#include <QObject>
#include <QPair>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace NeoCloud {

struct EndpointFault
{
    QString pool; // a VIP pool name (acme-vip)
    QString protocol; // s3, http, kafka, nfs, tcp; empty: every protocol of the pool
    bool down = false; // refuses connections; otherwise slow
    int latencyMs = 0;
};

class LabEndpointServers : public QObject
{
    Q_OBJECT
public:
    // The secret of an S3 access key the storage knows, or nothing.
    using S3Secrets = std::function<std::optional<QString>(const QString &accessKeyId)>;

    explicit LabEndpointServers(QObject *parent = nullptr);
    ~LabEndpointServers() override;

    void setS3Secrets(S3Secrets secrets) { m_secrets = std::move(secrets); }
    // Where the pool's endpoint for `protocol` answers here (127.0.0.1, its port); nothing when it
    // is down by a fault or the protocol is unknown.
    std::optional<QPair<QString, quint16>> addressOf(const QString &pool, const QString &protocol);
    void setFaults(const QList<EndpointFault> &faults);
    static QStringList protocols();

private:
    struct Listener;
    void serve(Listener *listener, QTcpSocket *socket);
    void answer(Listener *listener, QTcpSocket *socket, QByteArray &buffer);
    void reply(Listener *listener, QTcpSocket *socket, const QByteArray &bytes, bool close);
    QByteArray s3Answer(const QByteArray &head);
    const EndpointFault *faultOf(const QString &pool, const QString &protocol) const;

    QHash<QString, Listener *> m_listeners; // "pool/protocol"
    QList<EndpointFault> m_faults;
    S3Secrets m_secrets;
};

} // namespace NeoCloud
