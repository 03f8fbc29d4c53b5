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
    return store({newId(QLatin1String("evt")), nowIso(), severity, source, message, tenantId,
                  deviceId, false, {}});
}

Result<Event> EventLog::raiseAlert(Severity severity, const QString &source,
                                   const QString &message, const QString &tenantId,
                                   const QString &deviceId)
{
    Result<Event> event = store({newId(QLatin1String("evt")), nowIso(), severity, source, message,
                                 tenantId, deviceId, true, {}});
    if (event)
        Q_EMIT alertsChanged();
    return event;
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
    if (Status s = m_repository.insertEvent(event); !s)
        return s.error();
    Q_EMIT eventRecorded(event);
    return event;
}

} // namespace NeoCloud
