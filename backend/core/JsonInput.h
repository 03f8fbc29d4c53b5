#pragma once
// Strict reading of client JSON shared by every layer that takes it: an object may carry only the
// keys its reader knows, and a refusal names the offending key by its JSON path.

#include "Result.h"

#include <QJsonObject>
#include <QStringList>

namespace NeoCloud {

// `path` is where `object` sits ("" for the body, "targets[2]", "quotas.qos"); the error's field
// is path + "." + key, or just the key at the top.
inline Status rejectUnknownKeys(const QJsonObject &object, const QStringList &allowed, const QString &path = {})
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (allowed.contains(it.key()))
            continue;
        const QString field = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
        return Error::badInput(QStringLiteral("unknown_field"),
                               QStringLiteral("Unknown field '%1'; accepted here: %2.").arg(field, allowed.join(QLatin1String(", "))),
                               field);
    }
    return success();
}

} // namespace NeoCloud
