#pragma once
// The live channel behind GET /api/v1/stream: Server-Sent Events pushed to every subscribed
// connection as things happen — new events, job and scan progress, health cell changes and
// inventory changes — each subscriber getting only what its user may see (TenantAccess.h rules:
// a tenant user gets its own tenant's events, jobs and health cells, in its own words, and no
// hardware: health alerts, written for operators, reach it only as its own `health` cells). A comment line every heartbeat keeps idle-reaping proxies and our own
// ApiTcpServer from closing a quiet stream.

#include "domain/Activity.h"
#include "domain/Tenancy.h"
#include "health/HealthTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace NeoCloud {

class AuthService;
class DiscoveryService;
class EventLog;
class HealthService;
class InventoryService;
class ServiceEngine;

struct LiveStreamConfig
{
    int heartbeatMs = 15000;   // under ApiTcpServer's 30 s idle timeout
    int coalesceMs = 250;      // scan progress and inventory changes: at most one item per this
    qint64 maxBacklogBytes = 4 * 1024 * 1024; // a client this far behind is dropped
};

class LiveStream : public QObject
{
    Q_OBJECT
public:
    LiveStream(AuthService &auth, EventLog &events, ServiceEngine &engine, DiscoveryService &discovery, HealthService &health,
               InventoryService &inventory, LiveStreamConfig config, QObject *parent = nullptr);

    // Takes over `socket`, whose response head is already written, and sends `user`'s items to it
    // until it closes.
    void subscribe(QTcpSocket *socket, const User &user, const QString &token);
    int subscriberCount() const { return int(m_subscribers.size()); }
    int heartbeatMs() const { return m_config.heartbeatMs; }

private:
    struct Subscriber
    {
        QPointer<QTcpSocket> socket;
        User user;
        QString token; // checked again at every heartbeat
    };
    using Audience = std::function<bool(const User &)>;

    QByteArray nextFrame(const QString &type, const QJsonObject &data);
    void send(const QString &type, const QJsonObject &data, const Audience &audience);
    void write(const Subscriber &subscriber, const QByteArray &bytes);
    void drop(QTcpSocket *socket);
    void heartbeat();
    void eventRecorded(const Event &event);
    void jobChanged(const Job &job);
    void flushScans();
    void matrixChanged();

    AuthService &m_auth;
    HealthService &m_health;
    LiveStreamConfig m_config;
    QList<Subscriber> m_subscribers;
    quint64 m_sequence = 0;
    QHash<QString, HealthCell> m_cells; // the last matrix sent, by "tenant/kind"
    QHash<QString, Job> m_pendingScans; // progress waiting for the coalescing timer
    QTimer m_heartbeat;
    QTimer m_scanTimer;
    QTimer m_inventoryTimer;
};

} // namespace NeoCloud
