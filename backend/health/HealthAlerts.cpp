#include "HealthAlerts.h"

#include "activity/EventLog.h"
#include "core/Ids.h"
#include "core/Time.h"
#include "domain/Enums.h"

#include <QJsonObject>
#include <utility>

namespace NeoCloud {

using namespace Qt::StringLiterals;

namespace {

const QString source = u"health"_s;

bool isBad(HealthStatus s)
{
    return s == HealthStatus::Degraded || s == HealthStatus::Down;
}

// What the tenant portal says: the tenant's own service and the reason in its words.
QString inTenantWords(const HealthCell &cell)
{
    const QString status = toString(cell.status);
    const QString state = u"Your %1 service is %2"_s.arg(cell.kind, status);
    // The cell's reason starts with its status ("degraded: ..."), which the sentence already says.
    const QString prefix = status + u": "_s;
    const QString why = cell.tenantReason.startsWith(prefix) ? cell.tenantReason.mid(prefix.size()) : cell.tenantReason;
    return why.isEmpty() ? state + u'.' : u"%1: %2"_s.arg(state, why);
}

QJsonObject alertJson(const QString &id, const QString &time, Severity severity,
                      const HealthCell &cell, const QString &tenantName, const QString &message)
{
    return { { u"id"_s, id },
             { u"time"_s, time },
             { u"severity"_s, toString(severity) },
             { u"tenant"_s, cell.tenantId },
             { u"tenantName"_s, tenantName },
             { u"kind"_s, cell.kind },
             { u"status"_s, toString(cell.status) },
             { u"reason"_s, cell.reason },
             { u"since"_s, cell.since },
             { u"message"_s, message } };
}

} // namespace

HealthAlerts::HealthAlerts(EventLog &events, HealthRepository &repository,
                           WebhookOptions webhookOptions, QObject *parent)
    : QObject(parent)
    , m_events(events)
    , m_repository(repository)
    , m_sender(webhookOptions)
{
    connect(
        &m_sender, &WebhookSender::gaveUp, this,
        [this](const QString &, const QString &url, const QString &error) {
            m_events.record(
                Severity::Warning, source,
                u"An alert could not be delivered to the webhook %1 (%2); it was given up after the last retry."_s
                    .arg(url, error));
        });
}

Status HealthAlerts::reloadWebhooks()
{
    const auto hooks = m_repository.webhooks();
    if (!hooks)
        return hooks.error();
    for (const Webhook &old : std::as_const(m_webhooks))
        if (std::none_of(hooks->begin(), hooks->end(),
                         [&](const Webhook &w) { return w.id == old.id; }))
            m_sender.forget(old.id);
    m_webhooks = *hooks;
    return success();
}

void HealthAlerts::cellChanged(const HealthCell &before, HealthCell &after,
                               const QString &tenantName, const QString &deviceId)
{
    const bool wasBad = isBad(before.status) && !before.alertId.isEmpty();
    const bool nowBad = isBad(after.status);
    if (!wasBad && !nowBad) {
        after.alertId.clear();
        return;
    }
    if (wasBad && nowBad && before.status == after.status) {
        after.alertId = before.alertId; // still the same trouble: no second alert
        if (before.reason != after.reason)
            m_reasons.note(after,
                           u"%1 %2 is still %3, now: %4"_s.arg(
                               tenantName, after.kind, toString(after.status), after.reason),
                           inTenantWords(after));
        return;
    }
    if (wasBad) {
        const QString message = nowBad
            ? u"%1 %2 went from %3 to %4"_s.arg(tenantName, before.kind, toString(before.status),
                                                toString(after.status))
            : u"%1 %2 recovered from %3: now %4"_s.arg(
                tenantName, before.kind, toString(before.status), toString(after.status));
        clear(before, tenantName, message);
        if (!nowBad)
            m_recoveries.note(after, message,
                              u"Your %1 service recovered: it is %2 again."_s.arg(
                                  after.kind, toString(after.status)));
    }
    after.alertId = nowBad ? raise(after, tenantName, deviceId) : QString();
}

void HealthAlerts::tenantRemoved(const QList<HealthCell> &cells, const QString &tenantName)
{
    for (const HealthCell &c : cells)
        if (!c.alertId.isEmpty())
            clear(c, tenantName,
                  u"%1 %2: alert cleared, the tenant was removed"_s.arg(tenantName, c.kind));
}

void HealthAlerts::Summary::note(const HealthCell &cell, const QString &message,
                                 const QString &tenantMessage)
{
    if (count++ == 0) {
        tenantId = cell.tenantId;
        first = message;
        firstInTenantWords = tenantMessage;
    }
}

QString HealthAlerts::raise(const HealthCell &cell, const QString &tenantName,
                            const QString &deviceId)
{
    Event e;
    e.id = newId(QLatin1String("evt"));
    e.time = nowIso();
    e.severity = cell.status == HealthStatus::Down ? Severity::Critical : Severity::Warning;
    e.source = source;
    e.message = u"%1 %2 %3"_s.arg(tenantName, cell.kind, cell.reason);
    e.tenantId = cell.tenantId;
    e.deviceId = deviceId;
    e.alert = true;
    e.tenantMessage = inTenantWords(cell);
    m_raised.append({ e, cell, tenantName });
    return e.id;
}

void HealthAlerts::clear(const HealthCell &cell, const QString &tenantName, const QString &message)
{
    Event e;
    e.id = cell.alertId;
    e.time = nowIso();
    e.severity = Severity::Info;
    e.message = message;
    m_cleared.append({ e, cell, tenantName });
}

Status HealthAlerts::flush()
{
    // Taken first: whatever happens below, nothing is written twice.
    const QList<Pending> cleared = std::exchange(m_cleared, {});
    const QList<Pending> pendingRaises = std::exchange(m_raised, {});
    QStringList clearedIds;
    for (const Pending &p : cleared)
        clearedIds << p.event.id;
    // Already cleared by hand: nothing to do for those.
    if (Status s = m_events.clearAlerts(clearedIds); !s)
        return s;
    QList<Event> raised;
    for (const Pending &p : pendingRaises)
        raised << p.event;
    if (auto stored = m_events.raiseAlerts(raised); !stored)
        return stored.error();
    // One event for one cell, with its tenant; a summary for a fault that moved thousands.
    auto record = [this](Summary &s, Severity severity, const QString &many) {
        if (s.count == 1)
            m_events.record(Event{{}, {}, severity, source, s.first, s.tenantId, {}, false, {}, {}, {},
                                  s.firstInTenantWords});
        else if (s.count > 1)
            m_events.record(severity, source, many.arg(s.count).arg(s.first));
        s = {};
    };
    record(m_recoveries, Severity::Info, u"%1 cells recovered, such as: %2"_s);
    record(m_reasons, Severity::Warning,
           u"%1 cells that stay bad have a new reason, such as: %2"_s);
    for (const Pending &p : cleared)
        notify(u"alert.cleared"_s,
               alertJson(p.event.id, p.event.time, Severity::Info, p.cell, p.tenantName,
                         p.event.message));
    for (const Pending &p : pendingRaises)
        notify(u"alert.raised"_s,
               alertJson(p.event.id, p.event.time, p.event.severity, p.cell, p.tenantName,
                         p.event.message));
    return success();
}

void HealthAlerts::notify(const QString &event, const QJsonObject &alert)
{
    for (const Webhook &w : std::as_const(m_webhooks))
        m_sender.send(w.id, w.url, event, { { u"event"_s, event }, { u"alert"_s, alert } });
}

} // namespace NeoCloud
