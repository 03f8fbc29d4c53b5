#pragma once
// JSON shapes of jobs, scans and health cells, shared by their routes and the live stream so a
// pushed item looks exactly like the one a GET returns.

#include "domain/Activity.h"
#include "health/HealthTypes.h"

#include <QJsonObject>

namespace NeoCloud {

// An enablement, disablement, onboarding or tenant removal job (GET /api/v1/jobs/{id}).
QJsonObject jobToJson(const Job &job);
// A discovery scan (GET /api/v1/discovery/scans/{id}).
QJsonObject scanToJson(const Job &job);
// One cell of the health matrix: {tenant, kind, status, reason, since}.
QJsonObject healthCellToJson(const HealthCell &cell);

} // namespace NeoCloud
