#pragma once
// Aggregate counts over the whole store, for the capacity answer and /metrics: one GROUP BY per
// question, so their cost does not grow with a loop over ten thousand devices in C++.

#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace NeoCloud {

class Database;

struct GroupCount
{
    QString first;  // e.g. kind
    QString second; // e.g. health or state; empty for one-level groups
    qint64 count = 0;
};

// The DBoxes' SSDs as discovered (NVRAM excluded): what what-if models new DBoxes on.
struct DriveTotals
{
    int dboxes = 0;
    int cnodes = 0;
    int drives = 0;
    qint64 rawBytes = 0;
};

class MetricsRepository
{
public:
    explicit MetricsRepository(Database &database) : m_db(database) { }

    Result<QList<GroupCount>> devicesByKindAndHealth() const;
    Result<QList<GroupCount>> gpusByHealth() const; // GPUs in GPU servers, by component health
    Result<DriveTotals> storageHardware() const;
    Result<QList<GroupCount>> tenantsByState() const;
    Result<QList<GroupCount>> servicesByKindAndState() const;
    Result<QHash<QString, qint64>> servicesPerTenant() const; // services not disabled, by tenant id
    Result<QList<GroupCount>> jobsByKindAndState() const;
    Result<QList<GroupCount>> openAlertsBySeverity() const;
    Result<qint64> linkCount() const;

private:
    Result<QList<GroupCount>> grouped(const QString &sql, const QString &what) const;
    Database &m_db;
};

} // namespace NeoCloud
