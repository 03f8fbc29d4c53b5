#pragma once
// The words and number formats the console uses for tenants and services, kept apart from the
// wire spellings in domain/Enums.h (as HardwareText.h does for hardware).

#include "domain/Tenancy.h"

#include <QString>

namespace NeoCloud {

QString tenantStateLabel(TenantState state);
QString roleLabel(Role role);
// Decimal units, as the backend's quota messages use them: "10.0 TB", "800 GB".
QString storageText(double bytes);
// "2,000 MB/s" or "Unlimited" for a QoS limit of 0.
QString limitText(qint64 value, const QString &unit);

} // namespace NeoCloud
