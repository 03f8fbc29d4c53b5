#include "DashboardService.h"

#include "activity/AuditLog.h"
#include "store/SettingsRepository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace NeoCloud {

namespace {
const QString settingKey = QStringLiteral("console.dashboards");
}

DashboardService::DashboardService(SettingsRepository &settings, AuditLog &audit, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_audit(audit)
{
}

Result<QList<DashboardLink>> DashboardService::links() const
{
    const auto stored = m_settings.value(settingKey);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return QList<DashboardLink>();
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson((*stored)->toUtf8(), &parsed);
    if (parsed.error != QJsonParseError::NoError)
        return Error::internal(QStringLiteral("The stored dashboards are not JSON: %1.").arg(parsed.errorString()));
    return dashboardLinksFromJson(document.array());
}

Result<QList<DashboardLink>> DashboardService::replace(const QList<DashboardLink> &links, const QString &user)
{
    Status outcome = validateDashboardLinks(links);
    if (outcome)
        outcome = m_settings.setValue(settingKey, QString::fromUtf8(QJsonDocument(dashboardLinksToJson(links)).toJson(QJsonDocument::Compact)));
    // Names only: a template may carry a dashboard's access token in its query.
    QJsonArray names;
    for (const DashboardLink &link : links)
        names.append(link.name);
    m_audit.record(user, QStringLiteral("settings.dashboards"), settingKey, outcome, {{QStringLiteral("names"), names}});
    if (!outcome)
        return outcome.error();
    Q_EMIT linksChanged();
    return links;
}

} // namespace NeoCloud
