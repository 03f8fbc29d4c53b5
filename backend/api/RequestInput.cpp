#include "RequestInput.h"

#include "core/JsonInput.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace NeoCloud {

Result<QJsonObject> readJsonObject(const ApiRequest &request, const QStringList &allowedKeys)
{
    // The content type is not checked: scripts often send JSON with curl's form default, and
    // the body is parsed strictly either way.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error::badInput(QStringLiteral("malformed_json"),
                               QStringLiteral("The body is not valid JSON: %1 at byte %2.")
                                   .arg(parseError.errorString())
                                   .arg(parseError.offset));
    }
    if (!document.isObject())
        return Error::badInput(QStringLiteral("expected_object"),
                               QStringLiteral("The body must be a JSON object."));
    const QJsonObject object = document.object();
    if (Status s = rejectUnknownKeys(object, allowedKeys); !s)
        return s.error();
    return object;
}

Result<QString> requireString(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return Error::badInput(QStringLiteral("missing_field"),
                               QStringLiteral("The field '%1' is required.").arg(key), key);
    if (!value.isString())
        return Error::badInput(QStringLiteral("wrong_type"),
                               QStringLiteral("The field '%1' must be a string.").arg(key), key);
    if (value.toString().isEmpty())
        return Error::badInput(QStringLiteral("empty_field"),
                               QStringLiteral("The field '%1' must not be empty.").arg(key), key);
    return value.toString();
}

Result<Paging> readPaging(const ApiRequest &request)
{
    Paging paging;
    struct Bound
    {
        QString name;
        int *target;
        int min;
        int max;
    };
    for (const Bound &bound : {Bound{QStringLiteral("limit"), &paging.limit, 1, 1000},
                               Bound{QStringLiteral("offset"), &paging.offset, 0, INT_MAX}}) {
        if (!request.query.hasQueryItem(bound.name))
            continue;
        bool ok = false;
        const int value = request.queryValue(bound.name).toInt(&ok);
        if (!ok || value < bound.min || value > bound.max) {
            return Error::badInput(QStringLiteral("invalid_paging"),
                                   QStringLiteral("%1 must be an integer from %2 to %3.")
                                       .arg(bound.name)
                                       .arg(bound.min)
                                       .arg(bound.max),
                                   bound.name);
        }
        *bound.target = value;
    }
    return paging;
}

} // namespace NeoCloud
