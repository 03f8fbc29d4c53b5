#include "ProviderStep.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace NeoCloud {
namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{([A-Za-z0-9_.:-]+)\\}\\}"));
    return pattern;
}

// "view.id" -> the `id` of step "view"'s object; "tenant.local_provider_id" likewise. The step
// id may itself hold dots ("s1.view.id"): the last segment is the field.
std::optional<QJsonValue> lookupRef(const QString &name, const StepRefs &refs)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= 0)
        return std::nullopt;
    const auto found = refs.constFind(name.left(dot));
    if (found == refs.constEnd())
        return std::nullopt;
    const QJsonValue field = found->toObject().value(name.mid(dot + 1));
    if (field.isUndefined() || field.isNull())
        return std::nullopt;
    return field;
}

Error unresolved(const QString &name)
{
    return Error::internal(QStringLiteral("The plan refers to '%1', which no earlier step produced.").arg(name));
}

Result<QJsonValue> resolveValue(const QJsonValue &value, const StepRefs &refs)
{
    if (value.isString()) {
        const QString text = value.toString();
        const auto whole = placeholderPattern().match(text);
        if (whole.hasMatch() && whole.capturedLength() == text.size()) {
            // A whole-string placeholder takes the referenced value's own type (ids are integers).
            const auto ref = lookupRef(whole.captured(1), refs);
            if (!ref)
                return unresolved(whole.captured(1));
            return *ref;
        }
        Result<QString> inText = resolvePath(text, refs);
        if (!inText)
            return inText.error();
        return QJsonValue(*inText);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray()) {
            Result<QJsonValue> resolved = resolveValue(item, refs);
            if (!resolved)
                return resolved.error();
            out.append(*resolved);
        }
        return QJsonValue(out);
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            Result<QJsonValue> resolved = resolveValue(it.value(), refs);
            if (!resolved)
                return resolved.error();
            out.insert(it.key(), *resolved);
        }
        return QJsonValue(out);
    }
    return value;
}

QJsonObject callToJson(const ProviderCall &call)
{
    QJsonObject json{{QStringLiteral("method"), call.method}, {QStringLiteral("path"), call.path}};
    if (!call.body.isUndefined())
        json.insert(QStringLiteral("body"), call.body);
    return json;
}

ProviderCall callFromJson(const QJsonObject &json)
{
    return {json.value(QStringLiteral("method")).toString(), json.value(QStringLiteral("path")).toString(),
            json.value(QStringLiteral("body"))};
}

constexpr std::array<std::pair<StepState, QLatin1String>, 5> stepStates{{
    {StepState::Pending, QLatin1String("pending")},
    {StepState::Running, QLatin1String("running")},
    {StepState::Done, QLatin1String("done")},
    {StepState::Failed, QLatin1String("failed")},
    {StepState::Undone, QLatin1String("undone")},
}};

std::optional<StepState> parseStepState(const QString &text)
{
    for (const auto &[state, spelling] : stepStates)
        if (text == spelling)
            return state;
    return std::nullopt;
}

} // namespace

QString toString(StepState state)
{
    for (const auto &[s, spelling] : stepStates)
        if (s == state)
            return spelling;
    return {};
}

Result<QString> resolvePath(const QString &path, const StepRefs &refs)
{
    QString out;
    qsizetype from = 0;
    auto it = placeholderPattern().globalMatch(path);
    while (it.hasNext()) {
        const auto match = it.next();
        const auto ref = lookupRef(match.captured(1), refs);
        if (!ref)
            return unresolved(match.captured(1));
        out += path.mid(from, match.capturedStart() - from);
        out += ref->isDouble() ? QString::number(ref->toInteger()) : ref->toString();
        from = match.capturedEnd();
    }
    out += path.mid(from);
    return out;
}

Result<ProviderCall> resolveCall(const ProviderCall &call, const StepRefs &refs)
{
    Result<QString> path = resolvePath(call.path, refs);
    if (!path)
        return path.error();
    ProviderCall out{call.method, *path, call.body};
    if (!call.body.isUndefined()) {
        Result<QJsonValue> body = resolveValue(call.body, refs);
        if (!body)
            return body.error();
        out.body = *body;
    }
    return out;
}

QJsonObject stepToJson(const ProviderStep &step, bool withRuntime)
{
    QJsonObject json = callToJson(step.call);
    json.insert(QStringLiteral("id"), step.id);
    json.insert(QStringLiteral("title"), step.title);
    json.insert(QStringLiteral("target"), step.target);
    if (!step.lookup.isEmpty())
        json.insert(QStringLiteral("lookup"), step.lookup);
    if (!step.undo.isEmpty())
        json.insert(QStringLiteral("undo"), callToJson(step.undo));
    if (step.shared)
        json.insert(QStringLiteral("shared"), true);
    if (!step.owner.isEmpty())
        json.insert(QStringLiteral("owner"), step.owner);
    if (withRuntime) {
        json.insert(QStringLiteral("state"), toString(step.state));
        json.insert(QStringLiteral("created"), step.created);
        if (!step.result.isUndefined())
            json.insert(QStringLiteral("result"), step.result);
        if (!step.error.isEmpty())
            json.insert(QStringLiteral("error"), step.error);
    }
    return json;
}

Result<ProviderStep> stepFromJson(const QJsonObject &json)
{
    ProviderStep step;
    step.id = json.value(QStringLiteral("id")).toString();
    step.call = callFromJson(json);
    if (step.id.isEmpty() || step.call.method.isEmpty())
        return Error::internal(QStringLiteral("A stored step has no id or method."));
    step.title = json.value(QStringLiteral("title")).toString();
    step.target = json.value(QStringLiteral("target")).toString(QStringLiteral("vast"));
    step.lookup = json.value(QStringLiteral("lookup")).toString();
    if (json.contains(QStringLiteral("undo")))
        step.undo = callFromJson(json.value(QStringLiteral("undo")).toObject());
    step.shared = json.value(QStringLiteral("shared")).toBool();
    step.owner = json.value(QStringLiteral("owner")).toString();
    step.state = parseStepState(json.value(QStringLiteral("state")).toString()).value_or(StepState::Pending);
    step.created = json.value(QStringLiteral("created")).toBool();
    step.result = json.value(QStringLiteral("result"));
    step.error = json.value(QStringLiteral("error")).toString();
    return step;
}

QJsonArray stepsToJson(const QList<ProviderStep> &steps, bool withRuntime)
{
    QJsonArray out;
    for (const ProviderStep &step : steps)
        out.append(stepToJson(step, withRuntime));
    return out;
}

Result<QList<ProviderStep>> stepsFromJson(const QJsonArray &json)
{
    QList<ProviderStep> steps;
    for (const QJsonValue &item : json) {
        Result<ProviderStep> step = stepFromJson(item.toObject());
        if (!step)
            return step.error();
        steps.append(*step);
    }
    return steps;
}

} // namespace NeoCloud
