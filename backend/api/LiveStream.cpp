#include "LiveStream.h"

#include "JsonMapping.h"
#include "ResourceJson.h"
#include "TenantAccess.h"
#include "activity/EventLog.h"
#include "auth/AuthService.h"
#include "core/Time.h"
#include "discovery/DiscoveryService.h"
#include "domain/Enums.h"
#include "health/HealthService.h"
#include "inventory/InventoryService.h"
#include "services/ServiceEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

namespace NeoCloud {
namespace {

bool operatorOnly(const User &user) { return !isTenantRole(user); }

QString cellKey(const HealthCell &cell) { return cell.tenantId + QLatin1Char('/') + cell.kind; }

bool sameCell(const HealthCell &a, const HealthCell &b)
{
    return a.status == b.status && a.reason == b.reason && a.tenantReason == b.tenantReason && a.since == b.since;
}

} // namespace

LiveStream::LiveStream(AuthService &auth, EventLog &events, ServiceEngine &engine, DiscoveryService &discovery, HealthService &health,
                       InventoryService &inventory, LiveStreamConfig config, QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_health(health)
    , m_config(config)
{
    for (const HealthCell &cell : m_health.matrix().cells)
        m_cells.insert(cellKey(cell), cell);

    connect(&events, &EventLog::eventRecorded, this, &LiveStream::eventRecorded);
    connect(&engine, &ServiceEngine::jobUpdated, this, &LiveStream::jobChanged);
    connect(&engine, &ServiceEngine::jobFinished, this, &LiveStream::jobChanged);
    connect(&health, &HealthService::matrixChanged, this, &LiveStream::matrixChanged);

    // A scan reports each BMC; a browser needs a few updates a second, not a thousand.
    m_scanTimer.setSingleShot(true);
    m_scanTimer.setInterval(m_config.coalesceMs);
    connect(&m_scanTimer, &QTimer::timeout, this, &LiveStream::flushScans);
    connect(&discovery, &DiscoveryService::scanUpdated, this, [this](const Job &job) {
        m_pendingScans.insert(job.id, job);
        if (!m_scanTimer.isActive())
            m_scanTimer.start();
    });
    connect(&discovery, &DiscoveryService::scanFinished, this, [this](const Job &job) {
        m_pendingScans.remove(job.id);
        send(QStringLiteral("scan"), scanToJson(job), operatorOnly);
    });

    m_inventoryTimer.setSingleShot(true);
    m_inventoryTimer.setInterval(m_config.coalesceMs);
    connect(&inventory, &InventoryService::inventoryChanged, &m_inventoryTimer, qOverload<>(&QTimer::start));
    connect(&m_inventoryTimer, &QTimer::timeout, this, [this] {
        send(QStringLiteral("inventory"), QJsonObject{{QStringLiteral("changedAt"), nowIso()}}, operatorOnly);
    });

    m_heartbeat.setInterval(m_config.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &LiveStream::heartbeat);
}

void LiveStream::subscribe(QTcpSocket *socket, const User &user, const QString &token)
{
    m_subscribers.append({socket, user, token});
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { drop(socket); });
    if (!m_heartbeat.isActive())
        m_heartbeat.start();
    // The first item tells the client the subscription is live and what to expect; `retry`
    // is the reconnect delay an EventSource would use.
    const QJsonObject ready{{QStringLiteral("user"), toJson(user)},
                            {QStringLiteral("heartbeatMs"), m_config.heartbeatMs},
                            {QStringLiteral("healthRevision"), qint64(m_health.matrix().revision)}};
    write(m_subscribers.last(), "retry: 3000\nevent: ready\ndata: "
                                    + QJsonDocument(ready).toJson(QJsonDocument::Compact) + "\n\n");
}

void LiveStream::send(const QString &type, const QJsonObject &data, const Audience &audience)
{
    if (m_subscribers.isEmpty())
        return;
    const QByteArray frame = nextFrame(type, data);
    const QList<Subscriber> subscribers = m_subscribers; // write() may drop one
    for (const Subscriber &s : subscribers) {
        if (audience(s.user))
            write(s, frame);
    }
}

QByteArray LiveStream::nextFrame(const QString &type, const QJsonObject &data)
{
    // Compact JSON has no newline, so one data line carries the whole item.
    return "event: " + type.toUtf8() + "\nid: " + QByteArray::number(++m_sequence) + "\ndata: "
        + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

void LiveStream::write(const Subscriber &subscriber, const QByteArray &bytes)
{
    QTcpSocket *socket = subscriber.socket;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return drop(socket);
    if (socket->bytesToWrite() > m_config.maxBacklogBytes) {
        socket->abort(); // the client stopped reading; it reconnects and reloads what it shows
        return drop(socket);
    }
    socket->write(bytes);
}

void LiveStream::drop(QTcpSocket *socket)
{
    m_subscribers.removeIf([socket](const Subscriber &s) { return !s.socket || s.socket == socket; });
    if (m_subscribers.isEmpty())
        m_heartbeat.stop();
}

void LiveStream::heartbeat()
{
    const QList<Subscriber> subscribers = m_subscribers;
    for (const Subscriber &s : subscribers) {
        if (m_auth.authenticate(s.token)) {
            write(s, QByteArrayLiteral(": heartbeat\n\n"));
            continue;
        }
        // Signed out or expired: say so, then close; the client signs in again.
        write(s, nextFrame(QStringLiteral("closed"), QJsonObject{{QStringLiteral("reason"), QStringLiteral("token_invalid")}}));
        if (s.socket)
            s.socket->disconnectFromHost();
        drop(s.socket);
    }
}

void LiveStream::eventRecorded(const Event &event)
{
    // Operators get the event as recorded; a tenant user only its own tenant's events, in the
    // tenant's words (as GET /api/v1/events gives them), and nothing without such words.
    send(QStringLiteral("event"), toJson(event), operatorOnly);
    if (event.tenantId.isEmpty() || event.tenantMessage.isEmpty())
        return;
    send(QStringLiteral("event"), toJson(tenantWorded(event)),
         [&event](const User &user) { return isTenantRole(user) && sees(user, event.tenantId); });
}

void LiveStream::jobChanged(const Job &job)
{
    const QString tenantId = job.payload.value(QStringLiteral("tenantId")).toString();
    send(QStringLiteral("job"), jobToJson(job), [&tenantId](const User &user) {
        return isTenantRole(user) ? !tenantId.isEmpty() && sees(user, tenantId) : true;
    });
}

void LiveStream::flushScans()
{
    const QHash<QString, Job> pending = std::exchange(m_pendingScans, {});
    for (const Job &job : pending)
        send(QStringLiteral("scan"), scanToJson(job), operatorOnly);
}

// Sends the cells that changed since the last matrix: operators see them in operators' words,
// a tenant user its own row from matrixFor(), in its own words.
void LiveStream::matrixChanged()
{
    const HealthMatrix &matrix = m_health.matrix();
    QSet<QString> changed;
    QHash<QString, HealthCell> now;
    for (const HealthCell &cell : matrix.cells) {
        const QString key = cellKey(cell);
        now.insert(key, cell);
        const auto before = m_cells.constFind(key);
        if (before == m_cells.constEnd() || !sameCell(*before, cell))
            changed.insert(key);
    }
    const bool shapeChanged = now.size() != m_cells.size() || std::any_of(m_cells.keyBegin(), m_cells.keyEnd(), [&now](const QString &k) {
                                  return !now.contains(k);
                              });
    m_cells = std::move(now);
    if ((changed.isEmpty() && !shapeChanged) || m_subscribers.isEmpty())
        return;

    const auto payload = [&](const HealthMatrix &m, bool reshaped) {
        QJsonArray cells;
        for (const HealthCell &cell : m.cells) {
            if (changed.contains(cellKey(cell)))
                cells.append(healthCellToJson(cell));
        }
        // `reshaped`: a tenant or kind came or went; the client reloads the whole matrix.
        return QJsonObject{{QStringLiteral("cells"), cells},
                           {QStringLiteral("revision"), qint64(m.revision)},
                           {QStringLiteral("updatedAt"), m.updatedAt},
                           {QStringLiteral("reshaped"), reshaped}};
    };
    send(QStringLiteral("health"), payload(matrix, shapeChanged), operatorOnly);

    // A tenant learns nothing of other tenants coming and going: only its own changed cells.
    QHash<QString, QJsonObject> perTenant; // one matrixFor() per tenant, not per subscriber
    const QList<Subscriber> subscribers = m_subscribers;
    for (const Subscriber &s : subscribers) {
        if (!isTenantRole(s.user))
            continue;
        if (!perTenant.contains(s.user.tenantId))
            perTenant.insert(s.user.tenantId, payload(m_health.matrixFor(s.user), false));
        const QJsonObject data = perTenant.value(s.user.tenantId);
        if (!data.value(QStringLiteral("cells")).toArray().isEmpty())
            write(s, nextFrame(QStringLiteral("health"), data));
    }
}

} // namespace NeoCloud
