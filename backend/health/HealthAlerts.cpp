#include "HealthAlerts.h"

#include "activity/EventLog.h"
#include "core/Time.h"
#include "domain/Enums.h"

#include <QJsonObject>

namespace NeoCloud {

using namespace Qt::StringLiterals;

namespace {

const QString source = u"health"_s;

bool isBad(HealthStatus s)
{
    return s == HealthStatus::Degraded || s == HealthStatus::Down;
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
            m_events.record(
                after.status == HealthStatus::Down ? Severity::Critical : Severity::Warning, source,
                u"%1 %2 is still %3, now: %4"_s.arg(tenantName, after.kind, toString(after.status),
                                                    after.reason),
                after.tenantId, deviceId);
        return;
    }
    if (wasBad)
        clear(before, tenantName,
              nowBad ? u"%1 %2 went from %3 to %4"_s.arg(
                  tenantName, before.kind, toString(before.status), toString(after.status))
                     : u"%1 %2 recovered from %3: now %4"_s.arg(
                         tenantName, before.kind, toString(before.status), toString(after.status)),
              true);
    after.alertId = nowBad ? raise(after, tenantName, deviceId) : QString();
}

void HealthAlerts::tenantRemoved(const QList<HealthCell> &cells, const QString &tenantName)
{
    for (const HealthCell &c : cells)
        if (!c.alertId.isEmpty())
            clear(c, tenantName,
                  u"%1 %2: alert cleared, the tenant was removed"_s.arg(tenantName, c.kind), false);
}

QString HealthAlerts::raise(const HealthCell &cell, const QString &tenantName,
                            const QString &deviceId)
{
    const Severity severity
        = cell.status == HealthStatus::Down ? Severity::Critical : Severity::Warning;
    const QString message = u"%1 %2 %3"_s.arg(tenantName, cell.kind, cell.reason);
    const auto event = m_events.raiseAlert(severity, source, message, cell.tenantId, deviceId);
    if (!event)
        return {};
    notify(u"alert.raised"_s,
           alertJson(event->id, event->time, severity, cell, tenantName, message));
    return event->id;
}

void HealthAlerts::clear(const HealthCell &cell, const QString &tenantName, const QString &message,
                         bool tenantExists)
{
    m_events.clearAlert(cell.alertId); // already cleared by hand: nothing to do
    m_events.record(Severity::Info, source, message, tenantExists ? cell.tenantId : QString());
    notify(u"alert.cleared"_s,
           alertJson(cell.alertId, nowIso(), Severity::Info, cell, tenantName, message));
}

void HealthAlerts::notify(const QString &event, const QJsonObject &alert)
{
    for (const Webhook &w : std::as_const(m_webhooks))
        m_sender.send(w.id, w.url, event, { { u"event"_s, event }, { u"alert"_s, alert } });
}

} // namespace NeoCloud
