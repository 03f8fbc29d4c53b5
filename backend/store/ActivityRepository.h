#pragma once
// Reads and writes the activity record: events (alerts included) and the audit trail.

#include "core/Result.h"
#include "domain/Activity.h"
#include "domain/Inventory.h"

class QSqlQuery;

namespace NeoCloud {

class Database;

class ActivityRepository
{
public:
    explicit ActivityRepository(Database &database) : m_db(database) { }

    Status insertEvent(const Event &event);
    Status insertEvents(const QList<Event> &events); // one statement, prepared once
    Status clearAlerts(const QStringList &eventIds, const QString &time); // the open ones among them
    Result<Page<Event>> events(const EventQuery &query) const; // newest first
    // 404 for no such alert, 409 once it is cleared; a second acknowledgement keeps the first.
    Result<Event> acknowledgeAlert(const QString &eventId, const QString &user, const QString &time);
    Result<int> openAlertCount() const;
    Status clearAlert(const QString &eventId, const QString &time);

    Status insertAudit(const AuditEntry &entry);
    Result<Page<AuditEntry>> audit(int limit, int offset) const; // newest first

private:
    static Status bindAndInsert(QSqlQuery &query, const Event &event);

    Database &m_db;
};

} // namespace NeoCloud
