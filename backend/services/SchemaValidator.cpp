#include "SchemaValidator.h"

#include "core/JsonTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace NeoCloud {
namespace {

Error violation(const QString &path, const QString &message)
{
    return {ErrorKind::Unprocessable, QStringLiteral("invalid_params"), path + QStringLiteral(": ") + message, path};
}

} // namespace

Status validateAgainstSchema(const QJsonValue &value, const QJsonObject &schema, const QString &path)
{
    const QString type = schema.value(QLatin1String("type")).toString();
    if (!type.isEmpty() && !hasJsonType(value, type))
        return violation(path, QStringLiteral("expected %1, got %2").arg(type, jsonTypeName(value)));
    if (schema.contains(QLatin1String("enum")) && !schema.value(QLatin1String("enum")).toArray().contains(value))
        return violation(path, QStringLiteral("must be one of %1").arg(QString::fromUtf8(
                                                   QJsonDocument(schema.value(QLatin1String("enum")).toArray()).toJson(QJsonDocument::Compact))));
    if (value.isDouble()) {
        const double n = value.toDouble();
        if (schema.contains(QLatin1String("minimum")) && n < schema.value(QLatin1String("minimum")).toDouble())
            return violation(path, QStringLiteral("must be at least %1").arg(schema.value(QLatin1String("minimum")).toDouble()));
        if (schema.contains(QLatin1String("maximum")) && n > schema.value(QLatin1String("maximum")).toDouble())
            return violation(path, QStringLiteral("must be at most %1").arg(schema.value(QLatin1String("maximum")).toDouble()));
    }
    if (value.isString()) {
        const QString text = value.toString();
        if (text.size() < schema.value(QLatin1String("minLength")).toInt(0))
            return violation(path, QStringLiteral("is too short"));
        const QString pattern = schema.value(QLatin1String("pattern")).toString();
        if (!pattern.isEmpty() && !QRegularExpression(pattern).match(text).hasMatch())
            return violation(path, QStringLiteral("'%1' does not match %2").arg(text, pattern));
    }
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        if (schema.contains(QLatin1String("minItems")) && items.size() < schema.value(QLatin1String("minItems")).toInt())
            return violation(path, QStringLiteral("needs at least %1 item(s)").arg(schema.value(QLatin1String("minItems")).toInt()));
        if (schema.contains(QLatin1String("maxItems")) && items.size() > schema.value(QLatin1String("maxItems")).toInt())
            return violation(path, QStringLiteral("takes at most %1 item(s)").arg(schema.value(QLatin1String("maxItems")).toInt()));
        const QJsonObject itemSchema = schema.value(QLatin1String("items")).toObject();
        for (qsizetype i = 0; i < items.size(); ++i)
            if (Status s = validateAgainstSchema(items.at(i), itemSchema, QStringLiteral("%1[%2]").arg(path).arg(i)); !s)
                return s;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (const QJsonValue &required : schema.value(QLatin1String("required")).toArray())
            if (!object.contains(required.toString()))
                return violation(path + QLatin1Char('.') + required.toString(), QStringLiteral("is required"));
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString child = path + QLatin1Char('.') + it.key();
            if (!properties.contains(it.key())) {
                if (schema.value(QLatin1String("additionalProperties")) == QJsonValue(false))
                    return violation(child, QStringLiteral("is not a known parameter"));
                continue;
            }
            if (Status s = validateAgainstSchema(it.value(), properties.value(it.key()).toObject(), child); !s)
                return s;
        }
    }
    return success();
}

} // namespace NeoCloud
