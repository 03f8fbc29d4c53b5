#include "Catalog.h"

#include "SchemaValidator.h"

#include <QFile>
#include <QJsonDocument>

namespace NeoCloud {

Result<Catalog> Catalog::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("The service catalog %1 is missing.").arg(path));
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    Catalog catalog;
    catalog.m_kinds = doc.object().value(QLatin1String("kinds")).toArray();
    if (catalog.m_kinds.isEmpty())
        return Error::internal(QStringLiteral("The service catalog %1 lists no kinds.").arg(path));
    return catalog;
}

QStringList Catalog::kindNames() const
{
    QStringList names;
    for (const QJsonValue &k : m_kinds)
        names << k[QLatin1String("kind")].toString();
    return names;
}

Status Catalog::validate(const QString &kind, const QJsonObject &params) const
{
    for (const QJsonValue &k : m_kinds)
        if (k[QLatin1String("kind")].toString() == kind)
            return validateAgainstSchema(params, k[QLatin1String("schema")].toObject(), QStringLiteral("params"));
    return Error::badInput(QStringLiteral("invalid_enum"),
                           QStringLiteral("kind must be one of: %1.").arg(kindNames().join(QLatin1String(", "))), QStringLiteral("kind"));
}

} // namespace NeoCloud
