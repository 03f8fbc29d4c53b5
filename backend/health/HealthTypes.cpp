#include "HealthTypes.h"

#include <QSet>
#include <array>
#include <utility>

namespace NeoCloud {
namespace {

constexpr std::array<std::pair<HealthStatus, QLatin1String>, 5> spellings { {
    { HealthStatus::Healthy, QLatin1String("healthy") },
    { HealthStatus::Degraded, QLatin1String("degraded") },
    { HealthStatus::Down, QLatin1String("down") },
    { HealthStatus::Unknown, QLatin1String("unknown") },
    { HealthStatus::Disabled, QLatin1String("disabled") },
} };

// The first few reasons in full; a cell with a long list says how many more there are.
constexpr int reasonsShown = 4;

QString joined(HealthStatus status, const QStringList &parts)
{
    QStringList shown = parts.mid(0, reasonsShown);
    if (parts.size() > reasonsShown)
        shown << QStringLiteral("and %1 more").arg(parts.size() - reasonsShown);
    return toString(status) + QStringLiteral(": ") + shown.join(QStringLiteral("; "));
}

} // namespace

QString toString(HealthStatus status)
{
    for (const auto &[s, text] : spellings)
        if (s == status)
            return text;
    return {};
}

std::optional<HealthStatus> parseHealthStatus(const QString &text)
{
    for (const auto &[s, spelling] : spellings)
        if (text == spelling)
            return s;
    return std::nullopt;
}

int severityRank(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Disabled:
        return 0;
    case HealthStatus::Healthy:
        return 1;
    case HealthStatus::Unknown:
        return 2;
    case HealthStatus::Degraded:
        return 3;
    case HealthStatus::Down:
        return 4;
    }
    return 0;
}

bool DeviceFacts::operator==(const DeviceFacts &o) const
{
    if (id != o.id || observed != o.observed || reachable != o.reachable
        || systemDown != o.systemDown || bmcProblem != o.bmcProblem || vmsState != o.vmsState
        || ports != o.ports || components.size() != o.components.size())
        return false;
    for (qsizetype i = 0; i < components.size(); ++i)
        if (components[i].name != o.components[i].name
            || components[i].health != o.components[i].health)
            return false;
    return true;
}

QString Verdict::reason() const
{
    if (findings.isEmpty())
        return {};
    QStringList parts;
    for (const HealthFinding &f : findings)
        parts << f.reason;
    return joined(status, parts);
}

QString Verdict::tenantReason() const
{
    if (findings.isEmpty())
        return {};
    // Several hardware faults often read the same to a tenant: say each once.
    QStringList parts;
    QSet<QString> seen;
    for (const HealthFinding &f : findings)
        if (!seen.contains(f.tenantReason)) {
            seen.insert(f.tenantReason);
            parts << f.tenantReason;
        }
    return joined(status, parts);
}

} // namespace NeoCloud
