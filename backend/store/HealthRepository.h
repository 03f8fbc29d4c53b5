#pragma once
// Reads and writes service health: the matrix's cells as last computed, the history of their
// status changes, and the webhook URLs alerts are sent to.

#include "core/Result.h"
#include "health/HealthTypes.h"

namespace NeoCloud {

class Database;

struct HealthTransition
{
    QString id;
    QString tenantId;
    QString kind;
    HealthStatus from = HealthStatus::Unknown;
    HealthStatus to = HealthStatus::Unknown;
    QString reason;
    QString at;
};

struct Webhook
{
    QString id;
    QString url;
    QString createdAt;
};

class HealthRepository
{
public:
    explicit HealthRepository(Database &database)
        : m_db(database)
    { }

    Database &database() { return m_db; }

    Result<QList<HealthCell>> cells() const;
    // Inserts or replaces each cell, and records the transitions; one transaction.
    Status save(const QList<HealthCell> &cells, const QList<HealthTransition> &transitions);
    Result<QList<HealthTransition>> transitions(const QString &tenantId, const QString &kind,
                                                int limit) const;

    Result<QList<Webhook>> webhooks() const;
    Status insertWebhook(const Webhook &webhook);
    Status removeWebhook(const QString &id);

private:
    Database &m_db;
};

} // namespace NeoCloud
