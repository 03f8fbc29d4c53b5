#pragma once
// Fits the runways of the cluster and of every tenant from the recorded history, on a thread of
// its own with its own read-only connection to the store: at 500 tenants with a month of hourly
// history that is ~360,000 rows to read, which must not hold up the REST API's thread.

#include "RunwayEstimator.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace NeoCloud {

struct RunwayJob
{
    QString databasePath;
    qint64 nowMs = 0;
    RunwayConfig config;
    double usableBytes = 0;
    QList<QPair<QString, double>> tenants; // id, capacity quota
};

struct RunwayFits
{
    RunwayEstimate cluster;
    QHash<QString, RunwayEstimate> tenants; // by id
    QString error;                          // why nothing was fitted
};

// Safe to call on any thread: opens, uses and removes a connection of its own.
RunwayFits fitRunways(const RunwayJob &job);

} // namespace NeoCloud
