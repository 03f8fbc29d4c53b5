#include "EventLog.h"

#include "core/Ids.h"
#include "core/Time.h"
#include "store/ActivityRepository.h"

namespace NeoCloud {

EventLog::EventLog(ActivityRepository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
{
}

Result<Event> EventLog::record(Severity severity, const QString &source, const QString &message,
                               const QString &tenantId, const QString &deviceId)
{
    return record(Event{{}, {}, severity, source, message, tenantId, deviceId});
}

Result<Event> EventLog::raiseAlert(Severity severity, const QString &source,
                                   const QString &message, const QString &tenantId,
                                   const QString &deviceId)
{
    return raiseAlert(Event{{}, {}, severity, source, message, tenantId, deviceId});
}

Result<Event> EventLog::record(Event event)
{
    event.alert = false;
    return store(std::move(event));
}

Result<Event> EventLog::raiseAlert(Event event)
{
    event.alert = true;
    Result<Event> stored = store(std::move(event));
    if (stored)
        Q_EMIT alertsChanged();
    return stored;
}

Status EventLog::clearAlert(const QString &eventId)
{
    const Status cleared = m_repository.clearAlert(eventId, nowIso());
    if (cleared)
        Q_EMIT alertsChanged();
    return cleared;
}

Result<Event> EventLog::acknowledgeAlert(const QString &eventId, const QString &user)
{
    auto acknowledged = m_repository.acknowledgeAlert(eventId, user, nowIso());
    if (acknowledged)
        Q_EMIT alertsChanged();
    return acknowledged;
}

Result<QList<Event>> EventLog::raiseAlerts(QList<Event> alerts)
{
    if (alerts.isEmpty())
        return alerts;
    for (Event &e : alerts) {
        if (e.id.isEmpty())
            e.id = newId(QLatin1String("evt"));
        if (e.time.isEmpty())
            e.time = nowIso();
        e.alert = true;
    }
    if (Status s = m_repository.insertEvents(alerts); !s)
        return s.error();
    for (const Event &e : std::as_const(alerts))
        Q_EMIT eventRecorded(e);
    Q_EMIT alertsChanged();
    return alerts;
}

Status EventLog::clearAlerts(const QStringList &eventIds)
{
    if (eventIds.isEmpty())
        return success();
    const Status cleared = m_repository.clearAlerts(eventIds, nowIso());
    if (cleared)
        Q_EMIT alertsChanged();
    return cleared;
}

Result<Page<Event>> EventLog::find(const EventQuery &query) const
{
    return m_repository.events(query);
}

Result<int> EventLog::openAlertCount() const { return m_repository.openAlertCount(); }

Result<Event> EventLog::store(Event event)
{
    if (event.id.isEmpty())
        event.id = newId(QLatin1String("evt"));
    if (event.time.isEmpty())
        event.time = nowIso();
    if (Status s = m_repository.insertEvent(event); !s)
        return s.error();
    Q_EMIT eventRecorded(event);
    return event;
}

} // namespace NeoCloud
