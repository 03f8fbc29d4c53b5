#include "TenancyText.h"

#include <QCoreApplication>
#include <QLocale>

namespace NeoCloud {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TenancyText", text);
}

} // namespace

QString tenantStateLabel(TenantState state)
{
    switch (state) {
    case TenantState::Active:
        return tr("Active");
    case TenantState::Suspended:
        return tr("Suspended");
    case TenantState::Deleting:
        return tr("Deleting");
    }
    return {};
}

QString roleLabel(Role role)
{
    switch (role) {
    case Role::OperatorAdmin:
        return tr("Operator admin");
    case Role::OperatorViewer:
        return tr("Operator viewer");
    case Role::TenantAdmin:
        return tr("Tenant admin");
    case Role::TenantViewer:
        return tr("Tenant viewer");
    }
    return {};
}

QString storageText(double bytes)
{
    // Decimal steps, so a form's "10 TB" and the backend's "10.0 TB" mean the same bytes.
    static const char *const units[] = { "B", "kB", "MB", "GB", "TB", "PB", "EB" };
    int unit = 0;
    while (bytes >= 1000.0 && unit < 6) {
        bytes /= 1000.0;
        ++unit;
    }
    const int decimals = unit == 0 || bytes >= 100.0 ? 0 : 1;
    return QLocale().toString(bytes, 'f', decimals) + QLatin1Char(' ') + QLatin1String(units[unit]);
}

QString limitText(qint64 value, const QString &unit)
{
    if (value <= 0)
        return tr("Unlimited");
    return QLocale().toString(value) + QLatin1Char(' ') + unit;
}

} // namespace NeoCloud
