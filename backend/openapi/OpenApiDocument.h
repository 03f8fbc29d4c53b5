#pragma once
// An OpenAPI 3.0 document used as a contract: finds the operation a concrete request addresses
// and checks request and response bodies against its schemas, every violation a sentence with
// the JSON path it is about. Strict by default: a property the schema does not declare is an
// error, which is how code proves it uses the document's field names. Parsed once, shared by
// copies; `$ref` and `allOf` are resolved when first needed and the results kept.

#include "core/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <memory>

namespace NeoCloud {

struct OpenApiOperation
{
    QString method;       // lower case, as the document keys it: "get", "post"...
    QString pathTemplate; // "/tenants/{id}/"
    QHash<QString, QString> pathParams; // {"id": "12"}
    QString operationId;
    QJsonObject definition; // the operation object itself
};

class OpenApiDocument
{
public:
    enum class Strictness {
        Strict,  // undeclared properties are errors (where the schema declares any)
        Lenient, // undeclared properties pass unless additionalProperties is false
    };

    // The VAST Management API (VMS) definition compiled into the backend (resources/specs).
    static QString vastVmsResource() { return QStringLiteral(":/neocloud/specs/vast-vms-openapi.json"); }

    static Result<OpenApiDocument> load(const QString &path);
    static Result<OpenApiDocument> parse(const QByteArray &json);

    QString title() const;
    qsizetype pathCount() const;

    // The operation for `method` (any case) on `path`, relative to the API root ("/tenants/12/").
    // A path no template matches is NotFound; a path without that method is MethodNotAllowed
    // (the message lists the methods it has). Literal segments win over templates.
    Result<OpenApiOperation> operation(const QString &method, const QString &path) const;
    // The methods (upper case) the path template matching `path` has; empty when none matches.
    QStringList methods(const QString &path) const;

    // Empty when `body` satisfies the operation's request schema. An undefined body means none
    // was sent and is checked as {} (required properties are still required). An operation
    // without a JSON request schema accepts any body.
    QStringList checkRequest(const OpenApiOperation &op, const QJsonValue &body,
                             Strictness strictness = Strictness::Strict) const;
    // Empty when `body` is what the operation documents for `status` (or "default"): its schema,
    // or no body where the response declares no content. An undocumented status is an error.
    QStringList checkResponse(const OpenApiOperation &op, int status, const QJsonValue &body,
                              Strictness strictness = Strictness::Strict) const;
    // Checks any value against a schema object (which may be a bare {"$ref": ...}).
    QStringList check(const QJsonValue &value, const QJsonObject &schema, const QString &path = QStringLiteral("body"),
                      Strictness strictness = Strictness::Strict) const;

    // Schemas with `$ref` followed and `allOf` merged (properties and required united) at the
    // top level; nested schemas stay as written. Empty when there is none.
    QJsonObject flattened(const QJsonObject &schema) const;
    QJsonObject schema(const QString &ref) const { return flattened({{QStringLiteral("$ref"), ref}}); }
    QJsonObject requestSchema(const OpenApiOperation &op) const;
    QJsonObject responseSchema(const OpenApiOperation &op, int status) const;

    // `value` with every missing required property (at any depth) filled with its schema's
    // default, else its first enum value, else the zero of its type: what a serializer fills in.
    QJsonValue withRequiredDefaults(const QJsonValue &value, const QJsonObject &schema) const;

private:
    struct Data;
    explicit OpenApiDocument(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> d;
};

} // namespace NeoCloud
