#pragma once
// Operator-configured dashboards (Grafana and the like) that a device's detail page opens: a name
// and a URL template whose placeholders {name}, {serial}, {bmcHost} and {id} are filled from the
// device, each value percent-encoded so a name with spaces or '&' cannot change the URL's shape.

#include "core/Result.h"

#include <QJsonArray>
#include <QList>
#include <QUrl>

namespace NeoCloud {

struct Device;

struct DashboardLink
{
    QString name;        // shown as "Open <name>"
    QString urlTemplate; // e.g. https://grafana.example/d/node?var-host={name}

    bool operator==(const DashboardLink &) const = default;
};

// A short list, one button each on the device page.
inline constexpr int maxDashboardLinks = 20;

// The placeholders a template may use, with their braces.
QStringList dashboardPlaceholders();

// Checks the whole list as one setting: at most maxDashboardLinks, each name non-empty and unique,
// each template an absolute http(s) URL with a host once filled, using only known placeholders.
// Errors are 422 with the field as "items[<i>].name" or "items[<i>].urlTemplate".
Status validateDashboardLinks(const QList<DashboardLink> &links);

// The template with the device's values filled in (percent-encoded); a placeholder the device has
// no value for (no serial, no BMC) becomes empty.
QUrl fillDashboardUrl(const QString &urlTemplate, const Device &device);

// The REST and storage form: [{"name", "urlTemplate"}]. Reading is strict (400 with the field
// path for a wrong type or an unknown key); the rules are validateDashboardLinks's.
Result<QList<DashboardLink>> dashboardLinksFromJson(const QJsonValue &items);
QJsonArray dashboardLinksToJson(const QList<DashboardLink> &links);

} // namespace NeoCloud
