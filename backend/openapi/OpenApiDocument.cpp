#include "OpenApiDocument.h"

#include "core/JsonTypes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>


namespace NeoCloud {
namespace {

const QStringList httpMethods{QStringLiteral("get"),    QStringLiteral("put"),     QStringLiteral("post"),
                              QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
                              QStringLiteral("patch"),  QStringLiteral("trace")};

// A document that nests deeper than this through $ref and allOf is taken to loop.
constexpr int maxDepth = 32;
constexpr qsizetype maxErrors = 50;

struct PathEntry
{
    QString pathTemplate;
    QStringList segments;
    int literals = 0;
    QJsonObject item;
};

bool isPlaceholder(const QString &segment)
{
    return segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

QString shown(const QJsonValue &v)
{
    QString text;
    if (v.isString())
        text = QLatin1Char('"') + v.toString() + QLatin1Char('"');
    else if (v.isArray())
        text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    else if (v.isObject())
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    else
        text = QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
}

QString enumText(const QJsonArray &values)
{
    QStringList out;
    for (const QJsonValue &v : values)
        out << (v.isString() ? v.toString() : shown(v));
    return out.join(QLatin1String(", "));
}

bool scalarEnum(const QJsonArray &values)
{
    return std::all_of(values.begin(), values.end(), [](const QJsonValue &v) { return !v.isArray() && !v.isObject(); });
}

QJsonValue zeroOf(const QString &type)
{
    if (type == QLatin1String("integer") || type == QLatin1String("number"))
        return 0;
    if (type == QLatin1String("boolean"))
        return false;
    if (type == QLatin1String("array"))
        return QJsonArray();
    if (type == QLatin1String("object"))
        return QJsonObject();
    return QString();
}

// The schema of a request body or response: application/json first, then */*, then any JSON.
QJsonObject jsonSchemaOf(const QJsonObject &content, bool *hasJson)
{
    for (const QString &type : {QStringLiteral("application/json"), QStringLiteral("*/*")})
        if (content.contains(type)) {
            *hasJson = true;
            return content.value(type).toObject().value(QLatin1String("schema")).toObject();
        }
    for (auto it = content.begin(); it != content.end(); ++it)
        if (it.key().contains(QLatin1String("json"))) {
            *hasJson = true;
            return it.value().toObject().value(QLatin1String("schema")).toObject();
        }
    *hasJson = false;
    return {};
}

} // namespace

struct OpenApiDocument::Data
{
    QJsonObject root;
    QList<PathEntry> paths;
    QHash<QString, QList<qsizetype>> byFirstSegment; // "tenants" -> entries; "" for a template first
    mutable QMutex mutex;
    mutable QHash<QString, QJsonObject> flattenedRefs;

    QJsonValue pointer(const QString &ref) const
    {
        if (!ref.startsWith(QLatin1String("#/")))
            return {};
        QJsonValue at = root;
        for (QString part : ref.mid(2).split(QLatin1Char('/'))) {
            part.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
            at = at.toObject().value(part);
            if (at.isUndefined())
                return {};
        }
        return at;
    }

    // Follows `$ref`s (OpenAPI 3.0 ignores a reference's siblings) and merges `allOf`.
    QJsonObject flatten(const QJsonObject &schema, int depth = 0) const
    {
        if (depth > maxDepth)
            return {{QStringLiteral("x-unresolved"), QStringLiteral("too deep")}};
        if (schema.contains(QLatin1String("$ref"))) {
            const QString ref = schema.value(QLatin1String("$ref")).toString();
            {
                QMutexLocker lock(&mutex);
                const auto it = flattenedRefs.constFind(ref);
                if (it != flattenedRefs.constEnd())
                    return *it;
            }
            const QJsonValue target = pointer(ref);
            const QJsonObject out = target.isObject() ? flatten(target.toObject(), depth + 1)
                                                      : QJsonObject{{QStringLiteral("x-unresolved"), ref}};
            QMutexLocker lock(&mutex);
            flattenedRefs.insert(ref, out);
            return out;
        }
        if (!schema.contains(QLatin1String("allOf")))
            return schema;
        QJsonObject out = schema;
        out.remove(QLatin1String("allOf"));
        QJsonObject properties = out.value(QLatin1String("properties")).toObject();
        QJsonArray required = out.value(QLatin1String("required")).toArray();
        for (const QJsonValue &part : schema.value(QLatin1String("allOf")).toArray()) {
            const QJsonObject flat = flatten(part.toObject(), depth + 1);
            for (auto it = flat.begin(); it != flat.end(); ++it) {
                if (it.key() == QLatin1String("properties")) {
                    const QJsonObject more = it.value().toObject();
                    for (auto p = more.begin(); p != more.end(); ++p)
                        properties.insert(p.key(), p.value());
                } else if (it.key() == QLatin1String("required")) {
                    for (const QJsonValue &name : it.value().toArray())
                        if (!required.contains(name))
                            required.append(name);
                } else if (!out.contains(it.key())) {
                    out.insert(it.key(), it.value());
                }
            }
        }
        if (!properties.isEmpty())
            out.insert(QLatin1String("properties"), properties);
        if (!required.isEmpty())
            out.insert(QLatin1String("required"), required);
        return out;
    }
};

namespace {

class Checker
{
public:
    Checker(const OpenApiDocument &doc, OpenApiDocument::Strictness strictness) : m_doc(doc), m_strict(strictness) { }

    void check(const QJsonValue &value, const QJsonObject &rawSchema, const QString &path)
    {
        if (errors.size() >= maxErrors)
            return;
        const QJsonObject schema = m_doc.flattened(rawSchema);
        if (schema.contains(QLatin1String("x-unresolved"))) {
            fail(path, QStringLiteral("the schema reference %1 does not resolve").arg(schema.value(QLatin1String("x-unresolved")).toString()));
            return;
        }
        const QString type = schema.value(QLatin1String("type")).toString();
        if (value.isNull()) {
            if (!type.isEmpty() && !schema.value(QLatin1String("nullable")).toBool())
                fail(path, QStringLiteral("expected %1, got null").arg(type));
            return;
        }
        if (!type.isEmpty() && !hasJsonType(value, type)) {
            fail(path, QStringLiteral("expected %1, got %2 %3").arg(type, jsonTypeName(value), shown(value)));
            return;
        }
        checkEnum(value, schema, type, path);
        if (value.isDouble())
            checkRange(value.toDouble(), schema, path);
        if (value.isString())
            checkLength(value.toString(), schema, path);
        if (value.isArray())
            checkArray(value.toArray(), schema, path);
        if (value.isObject())
            checkObject(value.toObject(), schema, path);
    }

    void fail(const QString &path, const QString &message)
    {
        if (errors.size() < maxErrors)
            errors << path + QStringLiteral(": ") + message;
    }

    QStringList errors;

private:
    void checkEnum(const QJsonValue &value, const QJsonObject &schema, const QString &type, const QString &path)
    {
        if (!schema.contains(QLatin1String("enum")))
            return;
        const QJsonArray values = schema.value(QLatin1String("enum")).toArray();
        // Some documents put an enum of the items beside `type: array` (VAST's View.protocols):
        // read it as constraining each item, the only reading an array value can satisfy.
        if (type == QLatin1String("array") && value.isArray() && scalarEnum(values)) {
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i)
                if (!values.contains(items.at(i)))
                    fail(QStringLiteral("%1[%2]").arg(path).arg(i), QStringLiteral("%1 is not one of %2").arg(shown(items.at(i)), enumText(values)));
            return;
        }
        if (!values.contains(value))
            fail(path, QStringLiteral("%1 is not one of %2").arg(shown(value), enumText(values)));
    }

    void checkRange(double n, const QJsonObject &schema, const QString &path)
    {
        if (schema.contains(QLatin1String("minimum"))) {
            const double min = schema.value(QLatin1String("minimum")).toDouble();
            if (n < min || (schema.value(QLatin1String("exclusiveMinimum")).toBool() && n == min))
                fail(path, QStringLiteral("%1 is below the minimum %2").arg(n).arg(min));
        }
        if (schema.contains(QLatin1String("maximum"))) {
            const double max = schema.value(QLatin1String("maximum")).toDouble();
            if (n > max || (schema.value(QLatin1String("exclusiveMaximum")).toBool() && n == max))
                fail(path, QStringLiteral("%1 is above the maximum %2").arg(n).arg(max));
        }
    }

    void checkLength(const QString &text, const QJsonObject &schema, const QString &path)
    {
        if (schema.contains(QLatin1String("maxLength")) && text.size() > schema.value(QLatin1String("maxLength")).toInt())
            fail(path, QStringLiteral("%1 characters is over the maximum length %2").arg(text.size()).arg(schema.value(QLatin1String("maxLength")).toInt()));
        if (schema.contains(QLatin1String("minLength")) && text.size() < schema.value(QLatin1String("minLength")).toInt())
            fail(path, QStringLiteral("%1 characters is under the minimum length %2").arg(text.size()).arg(schema.value(QLatin1String("minLength")).toInt()));
    }

    void checkArray(const QJsonArray &items, const QJsonObject &schema, const QString &path)
    {
        if (schema.contains(QLatin1String("minItems")) && items.size() < schema.value(QLatin1String("minItems")).toInt())
            fail(path, QStringLiteral("needs at least %1 item(s)").arg(schema.value(QLatin1String("minItems")).toInt()));
        if (schema.contains(QLatin1String("maxItems")) && items.size() > schema.value(QLatin1String("maxItems")).toInt())
            fail(path, QStringLiteral("takes at most %1 item(s)").arg(schema.value(QLatin1String("maxItems")).toInt()));
        if (!schema.contains(QLatin1String("items")))
            return;
        const QJsonObject itemSchema = schema.value(QLatin1String("items")).toObject();
        for (qsizetype i = 0; i < items.size(); ++i)
            check(items.at(i), itemSchema, QStringLiteral("%1[%2]").arg(path).arg(i));
    }

    void checkObject(const QJsonObject &object, const QJsonObject &schema, const QString &path)
    {
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (const QJsonValue &name : schema.value(QLatin1String("required")).toArray())
            if (!object.contains(name.toString()))
                fail(path + QLatin1Char('.') + name.toString(), QStringLiteral("is required"));
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        // An object schema that declares nothing is free-form (VAST's `tags`, `info`).
        const bool closed = additional == QJsonValue(false)
            || (m_strict == OpenApiDocument::Strictness::Strict && additional.isUndefined() && !properties.isEmpty());
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString child = path + QLatin1Char('.') + it.key();
            if (properties.contains(it.key()))
                check(it.value(), properties.value(it.key()).toObject(), child);
            else if (additional.isObject())
                check(it.value(), additional.toObject(), child);
            else if (closed)
                fail(child, QStringLiteral("is not a property the schema declares"));
        }
    }

    const OpenApiDocument &m_doc;
    OpenApiDocument::Strictness m_strict;
};

} // namespace

OpenApiDocument::OpenApiDocument(std::shared_ptr<const Data> data)
    : d(std::move(data))
{
}

Result<OpenApiDocument> OpenApiDocument::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::unavailable(QStringLiteral("spec_unreadable"), QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    return parse(file.readAll());
}

Result<OpenApiDocument> OpenApiDocument::parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error::badInput(QStringLiteral("spec_malformed"),
                               QStringLiteral("The OpenAPI document is not a JSON object (%1 at byte %2).").arg(error.errorString()).arg(error.offset));
    auto data = std::make_shared<Data>();
    data->root = doc.object();
    if (!data->root.value(QLatin1String("openapi")).toString().startsWith(QLatin1String("3.")))
        return Error::badInput(QStringLiteral("spec_version"), QStringLiteral("Only OpenAPI 3.x documents are supported."));
    const QJsonObject paths = data->root.value(QLatin1String("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        PathEntry entry{it.key(), it.key().split(QLatin1Char('/')), 0, it.value().toObject()};
        for (const QString &segment : std::as_const(entry.segments))
            entry.literals += isPlaceholder(segment) ? 0 : 1;
        const QString first = entry.segments.value(1);
        data->byFirstSegment[isPlaceholder(first) ? QString() : first].append(data->paths.size());
        data->paths.append(std::move(entry));
    }
    return OpenApiDocument(std::move(data));
}

QString OpenApiDocument::title() const
{
    return d->root.value(QLatin1String("info")).toObject().value(QLatin1String("title")).toString();
}

qsizetype OpenApiDocument::pathCount() const { return d->paths.size(); }

namespace {

// The most specific template matching `path`, or null.
const PathEntry *matchPath(const QList<PathEntry> &paths, const QHash<QString, QList<qsizetype>> &index,
                           const QString &path, QHash<QString, QString> *params)
{
    const QStringList segments = path.split(QLatin1Char('/'));
    const PathEntry *best = nullptr;
    for (const QString &first : {segments.value(1), QString()}) {
        for (qsizetype i : index.value(first)) {
            const PathEntry &entry = paths.at(i);
            if (entry.segments.size() != segments.size() || (best && best->literals >= entry.literals))
                continue;
            QHash<QString, QString> found;
            bool ok = true;
            for (qsizetype s = 0; s < segments.size() && ok; ++s) {
                const QString &want = entry.segments.at(s);
                if (isPlaceholder(want)) {
                    ok = !segments.at(s).isEmpty();
                    found.insert(want.mid(1, want.size() - 2), segments.at(s));
                } else {
                    ok = want == segments.at(s);
                }
            }
            if (ok) {
                best = &entry;
                *params = std::move(found);
            }
        }
    }
    return best;
}

} // namespace

QStringList OpenApiDocument::methods(const QString &path) const
{
    QHash<QString, QString> params;
    const PathEntry *entry = matchPath(d->paths, d->byFirstSegment, path, &params);
    QStringList out;
    if (entry)
        for (const QString &m : httpMethods)
            if (entry->item.contains(m))
                out << m.toUpper();
    return out;
}

Result<OpenApiOperation> OpenApiDocument::operation(const QString &method, const QString &path) const
{
    OpenApiOperation op;
    op.method = method.toLower();
    const PathEntry *entry = matchPath(d->paths, d->byFirstSegment, path, &op.pathParams);
    if (!entry) {
        QString hint;
        const QString other = path.endsWith(QLatin1Char('/')) ? path.chopped(1) : path + QLatin1Char('/');
        if (!methods(other).isEmpty())
            hint = QStringLiteral(" (%1 is)").arg(other);
        return Error::notFound(QStringLiteral("path in %1").arg(title()), path + hint);
    }
    if (!entry->item.contains(op.method) || !httpMethods.contains(op.method))
        return Error{ErrorKind::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                     QStringLiteral("%1 is not an operation of %2; it has %3.")
                         .arg(method.toUpper(), entry->pathTemplate, methods(path).join(QLatin1String(", "))),
                     {}};
    op.pathTemplate = entry->pathTemplate;
    op.definition = entry->item.value(op.method).toObject();
    op.operationId = op.definition.value(QLatin1String("operationId")).toString();
    return op;
}

QJsonObject OpenApiDocument::flattened(const QJsonObject &schema) const { return d->flatten(schema); }

QJsonObject OpenApiDocument::requestSchema(const OpenApiOperation &op) const
{
    const QJsonObject body = d->flatten(op.definition.value(QLatin1String("requestBody")).toObject());
    bool json = false;
    return d->flatten(jsonSchemaOf(body.value(QLatin1String("content")).toObject(), &json));
}

QJsonObject OpenApiDocument::responseSchema(const OpenApiOperation &op, int status) const
{
    const QJsonObject responses = op.definition.value(QLatin1String("responses")).toObject();
    const QJsonValue response = responses.value(QString::number(status));
    const QJsonObject resolved = d->flatten((response.isUndefined() ? responses.value(QLatin1String("default")) : response).toObject());
    bool json = false;
    return d->flatten(jsonSchemaOf(resolved.value(QLatin1String("content")).toObject(), &json));
}

QStringList OpenApiDocument::check(const QJsonValue &value, const QJsonObject &schema, const QString &path, Strictness strictness) const
{
    Checker checker(*this, strictness);
    checker.check(value, schema, path);
    return checker.errors;
}

QStringList OpenApiDocument::checkRequest(const OpenApiOperation &op, const QJsonValue &body, Strictness strictness) const
{
    if (!op.definition.contains(QLatin1String("requestBody")))
        return {};
    const QJsonObject requestBody = d->flatten(op.definition.value(QLatin1String("requestBody")).toObject());
    bool json = false;
    const QJsonObject schema = jsonSchemaOf(requestBody.value(QLatin1String("content")).toObject(), &json);
    if (!json)
        return {};
    if (body.isUndefined()) {
        if (requestBody.value(QLatin1String("required")).toBool())
            return {QStringLiteral("body: %1 %2 needs a request body").arg(op.method.toUpper(), op.pathTemplate)};
        // Like a form with nothing filled in: an object schema's required properties still are.
        if (d->flatten(schema).value(QLatin1String("type")).toString() != QLatin1String("object"))
            return {};
        return check(QJsonObject(), schema, QStringLiteral("body"), strictness);
    }
    return check(body, schema, QStringLiteral("body"), strictness);
}

QStringList OpenApiDocument::checkResponse(const OpenApiOperation &op, int status, const QJsonValue &body, Strictness strictness) const
{
    const QJsonObject responses = op.definition.value(QLatin1String("responses")).toObject();
    QJsonValue response = responses.value(QString::number(status));
    if (response.isUndefined())
        response = responses.value(QLatin1String("default"));
    if (response.isUndefined())
        return {QStringLiteral("response: status %1 is not documented for %2 %3 (documented: %4)")
                    .arg(status)
                    .arg(op.method.toUpper(), op.pathTemplate, responses.keys().join(QLatin1String(", ")))};
    const QJsonObject content = d->flatten(response.toObject()).value(QLatin1String("content")).toObject();
    bool json = false;
    const QJsonObject schema = jsonSchemaOf(content, &json);
    if (content.isEmpty())
        return body.isUndefined() ? QStringList{}
                                  : QStringList{QStringLiteral("response: status %1 of %2 %3 declares no body, got %4")
                                                    .arg(status)
                                                    .arg(op.method.toUpper(), op.pathTemplate, shown(body))};
    if (!json)
        return {};
    if (body.isUndefined())
        return {QStringLiteral("response: status %1 of %2 %3 declares a body, got none").arg(status).arg(op.method.toUpper(), op.pathTemplate)};
    return check(body, schema, QStringLiteral("response"), strictness);
}

QJsonValue OpenApiDocument::withRequiredDefaults(const QJsonValue &value, const QJsonObject &rawSchema) const
{
    const QJsonObject schema = d->flatten(rawSchema);
    if (value.isArray() && schema.contains(QLatin1String("items"))) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(withRequiredDefaults(item, schema.value(QLatin1String("items")).toObject()));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out = value.toObject();
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = out.begin(); it != out.end(); ++it)
        if (properties.contains(it.key()))
            it.value() = withRequiredDefaults(it.value(), properties.value(it.key()).toObject());
    for (const QJsonValue &name : schema.value(QLatin1String("required")).toArray()) {
        if (out.contains(name.toString()))
            continue;
        const QJsonObject property = d->flatten(properties.value(name.toString()).toObject());
        QJsonValue filled = property.value(QLatin1String("default"));
        if (filled.isUndefined() && property.contains(QLatin1String("enum")))
            filled = property.value(QLatin1String("enum")).toArray().first();
        if (filled.isUndefined())
            filled = withRequiredDefaults(zeroOf(property.value(QLatin1String("type")).toString()), property);
        out.insert(name.toString(), filled);
    }
    return out;
}

} // namespace NeoCloud
