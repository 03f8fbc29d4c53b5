#pragma once
// Why one tenant x kind cell of the health matrix is what it is, down to the hardware: the
// findings of the rules for the tenant's dependencies, and for each device involved the path
// from it up to the cell's service. The console's Health view shows it when a cell is clicked.

#include "HealthService.h"

namespace NeoCloud {

struct CellExplanation
{
    HealthCell cell;
    QString tenantName;
    // The hardware's findings, worst first; empty when the cell does not follow the hardware
    // (a kind not enabled, services being enabled, a revoked key) or when all is well.
    QList<HealthFinding> findings;
    // Inventory ids the findings name, each once, in the findings' order.
    QStringList devices;
    // For each of those devices that the cell's service stands on: its way up to the service.
    QList<QList<PathStep>> paths;
};

// 404 when the tenant or the kind is not in the matrix.
Result<CellExplanation> explainCell(const HealthService &health, const QString &tenantId,
                                    const QString &kind);

} // namespace NeoCloud
