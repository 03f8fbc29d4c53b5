#pragma once
// Reads and writes the activity record: events (alerts included) and the audit trail.

#include "core/Result.h"
#include "domain/Activity.h"
#include "domain/Inventory.h"

namespace NeoCloud {

class Database;

class ActivityRepository
{
public:
    explicit ActivityRepository(Database &database) : m_db(database) { }

    Status insertEvent(const Event &event);
    Result<Page<Event>> events(const EventQuery &query) const; // newest first
    Result<int> openAlertCount() const;
    Status clearAlert(const QString &eventId, const QString &time);

    Status insertAudit(const AuditEntry &entry);
    Result<Page<AuditEntry>> audit(int limit, int offset) const; // newest first

private:
    Database &m_db;
};

} // namespace NeoCloud
