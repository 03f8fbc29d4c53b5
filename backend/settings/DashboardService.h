#pragma once
// The operator's dashboard links, one setting for the whole box: read by anyone who sees devices,
// replaced whole by an operator-admin, every replacement audited. The console's settings page and
// PUT /api/v1/settings/dashboards both go through here.

#include "DashboardLinks.h"

#include <QObject>

namespace NeoCloud {

class AuditLog;
class SettingsRepository;

class DashboardService : public QObject
{
    Q_OBJECT
public:
    DashboardService(SettingsRepository &settings, AuditLog &audit, QObject *parent = nullptr);

    Result<QList<DashboardLink>> links() const;
    // Validates (validateDashboardLinks) and stores `links` in place of the current list.
    Result<QList<DashboardLink>> replace(const QList<DashboardLink> &links, const QString &user);

Q_SIGNALS:
    void linksChanged();

private:
    SettingsRepository &m_settings;
    AuditLog &m_audit;
};

} // namespace NeoCloud
