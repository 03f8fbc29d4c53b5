#pragma once
// Persists long-running jobs (scans today; enablements and onboardings later) so their state
// survives a restart and can be polled by id.

#include "core/Result.h"
#include "domain/Activity.h"

namespace NeoCloud {

class Database;

class JobRepository
{
public:
    explicit JobRepository(Database &database) : m_db(database) { }

    Status insert(const Job &job);
    Status update(const Job &job);
    Result<Job> get(const QString &id) const;
    // Jobs a previous process left queued or running: it was killed mid-job.
    Result<QList<Job>> unfinished() const;

private:
    Database &m_db;
};

} // namespace NeoCloud
