#pragma once
// The service catalog: the seven kinds a tenant can switch on, each with the JSON Schema of its
// parameters (resources/catalog/catalog.json). Forms in the console and the web are generated
// from these schemas, and every enable request is checked against them.

#include "core/Result.h"

#include <QJsonArray>
#include <QJsonObject>

namespace NeoCloud {

class Catalog
{
public:
    static Result<Catalog> load(const QString &path = QStringLiteral(":/neocloud/catalog/catalog.json"));

    QJsonArray kinds() const { return m_kinds; }
    QStringList kindNames() const;
    // The params of a service of `kind`, checked against its schema; errors name the field
    // ("params.topics[0].partitions").
    Status validate(const QString &kind, const QJsonObject &params) const;

private:
    QJsonArray m_kinds;
};

} // namespace NeoCloud
