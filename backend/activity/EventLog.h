#pragma once
// Events and alerts: what the system noticed, announced to every view as it happens.

#include "core/Result.h"
#include "domain/Activity.h"
#include "domain/Inventory.h"

#include <QObject>

namespace NeoCloud {

class ActivityRepository;

class EventLog : public QObject
{
    Q_OBJECT
public:
    explicit EventLog(ActivityRepository &repository, QObject *parent = nullptr);

    Result<Event> record(Severity severity, const QString &source, const QString &message,
                         const QString &tenantId = {}, const QString &deviceId = {});
    Result<Event> raiseAlert(Severity severity, const QString &source, const QString &message,
                             const QString &tenantId = {}, const QString &deviceId = {});
    // The same with every field of the event given (such as its tenantMessage); the id and time
    // are filled in when empty.
    Result<Event> record(Event event);
    Result<Event> raiseAlert(Event event);
    Status clearAlert(const QString &eventId);
    Result<Event> acknowledgeAlert(const QString &eventId, const QString &user);
    // Many at once, one statement prepared and one alertsChanged: a fault under thousands of
    // tenants' services raises thousands. Ids and times are given when empty.
    Result<QList<Event>> raiseAlerts(QList<Event> alerts);
    Status clearAlerts(const QStringList &eventIds); // open ones; others are left alone

    Result<Page<Event>> find(const EventQuery &query) const;
    Result<int> openAlertCount() const;

Q_SIGNALS:
    void eventRecorded(const NeoCloud::Event &event);
    void alertsChanged();

private:
    Result<Event> store(Event event);

    ActivityRepository &m_repository;
};

} // namespace NeoCloud
