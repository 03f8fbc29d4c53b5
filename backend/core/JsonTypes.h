#pragma once
// JSON Schema's names for the type of a JSON value, shared by both schema checkers: the catalog's
// (services/SchemaValidator) and the contracts' (openapi/OpenApiDocument).

#include <QJsonValue>
#include <QString>

#include <cmath>

namespace NeoCloud {

inline QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    default: return QStringLiteral("nothing");
    }
}

// "integer" is a number without a fraction; "number" any number.
inline bool hasJsonType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("integer"))
        return v.isDouble() && std::isfinite(v.toDouble()) && std::floor(v.toDouble()) == v.toDouble();
    if (type == QLatin1String("number"))
        return v.isDouble();
    return jsonTypeName(v) == type;
}

} // namespace NeoCloud
