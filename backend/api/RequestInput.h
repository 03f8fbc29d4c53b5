#pragma once
// Reading client input strictly: a JSON object body with only the fields a route knows, each of
// the right type, and list paging parameters within the contract's bounds. Every refusal names
// the field so the client can fix it.

#include "ApiMessage.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace NeoCloud {

// Parses the body as one JSON object and rejects keys outside `allowedKeys`.
Result<QJsonObject> readJsonObject(const ApiRequest &request, const QStringList &allowedKeys);

// A required, non-empty string field.
Result<QString> requireString(const QJsonObject &object, QLatin1String key);

struct Paging
{
    int limit = 100;
    int offset = 0;
};
Result<Paging> readPaging(const ApiRequest &request);

// Reads an optional enum filter from the query string; an unknown value is a 400 naming the
// accepted ones.
template<typename E>
Result<std::optional<E>> readEnumFilter(const ApiRequest &request, const QString &name);

} // namespace NeoCloud

#include "domain/Enums.h"

namespace NeoCloud {

template<typename E>
Result<std::optional<E>> readEnumFilter(const ApiRequest &request, const QString &name)
{
    const QString text = request.queryValue(name);
    if (text.isEmpty())
        return std::optional<E>();
    if (const std::optional<E> value = parseEnum<E>(text))
        return value;
    return Error::badInput(QStringLiteral("invalid_enum"),
                           QStringLiteral("'%1' is not a valid %2; use one of: %3.")
                               .arg(text, name, enumSpellings<E>().join(QLatin1String(", "))),
                           name);
}

} // namespace NeoCloud
