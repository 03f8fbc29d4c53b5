#pragma once
// Checks a JSON value against the subset of JSON Schema the service catalog uses (type,
// required, properties, additionalProperties: false, items, enum, minimum/maximum,
// minItems/maxItems, minLength, pattern). The first violation is returned with its JSON path,
// so an API client and a generated form can point at the field.

#include "core/Result.h"

#include <QJsonObject>
#include <QJsonValue>

namespace NeoCloud {

Status validateAgainstSchema(const QJsonValue &value, const QJsonObject &schema, const QString &path);

} // namespace NeoCloud
