#include "Findings.h"

namespace NeoCloud {

QString toString(FindingStatus status)
{
    switch (status) {
    case FindingStatus::Pass: return QStringLiteral("pass");
    case FindingStatus::Fail: return QStringLiteral("fail");
    case FindingStatus::Waived: return QStringLiteral("waived");
    }
    return {};
}

std::optional<FindingStatus> parseFindingStatus(const QString &text)
{
    for (FindingStatus s : {FindingStatus::Pass, FindingStatus::Fail, FindingStatus::Waived})
        if (toString(s) == text)
            return s;
    return std::nullopt;
}

} // namespace NeoCloud

#include "api/JsonKeys.h"
#include "domain/Enums.h"

namespace NeoCloud {

QJsonObject toJson(const Finding &f)
{
    QJsonValue waiver;
    if (f.waiver)
        waiver = QJsonObject{{Key::reason, f.waiver->reason}, {Key::by, f.waiver->by}, {Key::at, f.waiver->at}};
    return {{Key::id, f.id},
            {Key::key, f.key},
            {Key::check, f.check},
            {Key::severity, toString(f.severity)},
            {Key::status, toString(f.status)},
            {Key::problem, f.problem.isEmpty() ? QJsonValue() : QJsonValue(f.problem)},
            {Key::device, f.device},
            {Key::subject, f.subject},
            {Key::expected, f.expected},
            {Key::found, f.found},
            {Key::message, f.message.isEmpty() ? QJsonValue() : QJsonValue(f.message)},
            {Key::change, f.change.isEmpty() ? QJsonValue() : QJsonValue(f.change)},
            {Key::waiver, waiver}};
}

} // namespace NeoCloud
