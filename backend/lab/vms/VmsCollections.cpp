#include "VmsCollections.h"

#include "VmsHardware.h"
#include "VmsTasks.h"
#include "core/Time.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace NeoCloud {
namespace {

const QString kId = QStringLiteral("id");
const QString kTenantId = QStringLiteral("tenant_id");

// Django REST Framework pages a list only when asked, up to this many items a page.
constexpr int maxPageSize = 1000;

QString asText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double n = v.toDouble();
        return n == double(qint64(n)) ? QString::number(qint64(n)) : QString::number(n, 'g', 17);
    }
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QString::fromUtf8(QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    }
}

enum class Match { Exact, IContains, StartsWith };

bool matches(const QJsonValue &field, const QString &wanted, Match mode)
{
    if (field.isArray()) {
        const QJsonArray items = field.toArray();
        return std::any_of(items.begin(), items.end(),
                           [&](const QJsonValue &item) { return matches(item, wanted, mode); });
    }
    const QString text = asText(field);
    switch (mode) {
    case Match::IContains:
        return text.contains(wanted, Qt::CaseInsensitive);
    case Match::StartsWith:
        return text.startsWith(wanted);
    case Match::Exact:
        break;
    }
    if (field.isBool())
        return text.compare(wanted, Qt::CaseInsensitive) == 0
            || (wanted == QLatin1String("1")) == field.toBool();
    return text == wanted;
}

// The item field a query parameter filters on, in Django's spellings ("policy__id" is
// "policy_id", "cluster__name" is "cluster"); empty when it names none.
QString fieldOf(QString param, const QJsonObject &properties, Match *mode)
{
    *mode = Match::Exact;
    if (param.endsWith(QLatin1String("__icontains"))) {
        param.chop(11);
        *mode = Match::IContains;
    } else if (param.endsWith(QLatin1String("__startswith"))) {
        param.chop(12);
        *mode = Match::StartsWith;
    }
    if (properties.contains(param))
        return param;
    for (const auto &[suffix, candidates] :
         { std::pair { QStringLiteral("__id"), QStringList { QStringLiteral("_id") } },
           std::pair { QStringLiteral("__name"),
                       QStringList { QString(), QStringLiteral("_name") } } }) {
        if (!param.endsWith(suffix))
            continue;
        const QString base = param.chopped(suffix.size());
        for (const QString &tail : candidates)
            if (properties.contains(base + tail))
                return base + tail;
    }
    return {};
}

QStringList queryParameters(const OpenApiDocument &spec, const OpenApiOperation &op)
{
    QStringList names;
    for (const QJsonValue &p : op.definition.value(QLatin1String("parameters")).toArray()) {
        const QJsonObject parameter = spec.flattened(p.toObject());
        if (parameter.value(QLatin1String("in")).toString() == QLatin1String("query"))
            names << parameter.value(QLatin1String("name")).toString();
    }
    return names;
}

// A positive page size as DRF reads it: anything else means "not paged".
int pageSize(const QUrlQuery &query)
{
    bool ok = false;
    const int size = query.queryItemValue(QStringLiteral("page_size")).toInt(&ok);
    return ok && size > 0 ? qMin(size, maxPageSize) : 0;
}

} // namespace

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::function<QList<VmsUniqueKey>(const VmsObject &)> uniqueNames(const QString &collection,
                                                                  const QString &label)
{
    return [collection, label](const VmsObject &o) {
        const QString name = o.body.value(QLatin1String("name")).toString();
        return QList<VmsUniqueKey> {
            { collection + QStringLiteral(".name:") + name,
              QStringLiteral("A %1 named '%2' already exists.").arg(label, name) }
        };
    };
}

VmsLabReply specRefusal(const QStringList &errors)
{
    QJsonObject out;
    for (const QString &error : errors) {
        QString sentence = error;
        if (sentence.startsWith(QLatin1String("body.")))
            sentence = sentence.mid(5);
        QString field = QStringLiteral("non_field_errors");
        if (error.startsWith(QLatin1String("body.")) || error.startsWith(QLatin1String("body["))) {
            const qsizetype end = sentence.indexOf(QRegularExpression(QStringLiteral("[.\\[:]")));
            field = sentence.left(end);
        } else if (sentence.startsWith(QLatin1String("body: "))) {
            sentence = sentence.mid(6);
        }
        QJsonArray messages = out.value(field).toArray();
        messages.append(sentence);
        out.insert(field, messages);
    }
    return VmsLabReply::json(out, 400);
}

VmsLabReply invalidPk(const QString &field, const QJsonValue &id)
{
    return VmsLabReply::field(
        field, QStringLiteral("Invalid pk \"%1\" - object does not exist.").arg(asText(id)));
}

VmsRefusal requireRef(const VmsCollections &c, const VmsDraft &draft, const QString &field,
                      const QString &collection)
{
    if (!draft.has(field) || c.find(collection, draft.body.value(field).toInt()))
        return std::nullopt;
    return invalidPk(field, draft.body.value(field));
}

VmsLabReply documentedReply(const OpenApiDocument &spec, const VmsLabRequest &request,
                            const QJsonValue &body)
{
    const QJsonObject responses
        = request.operation.definition.value(QLatin1String("responses")).toObject();
    for (auto it = responses.begin(); it != responses.end(); ++it) {
        const int status = it.key().toInt();
        if (status < 200 || status > 299)
            continue;
        if (!spec.flattened(it.value().toObject()).contains(QLatin1String("content")))
            return VmsLabReply::empty(status);
        const bool array
            = spec.responseSchema(request.operation, status).value(QLatin1String("type")).toString()
            == QLatin1String("array");
        return VmsLabReply::json(array && body.isObject() ? QJsonValue(QJsonArray { body }) : body,
                                 status);
    }
    return VmsLabReply::json(body, 200);
}

VmsLabReply listReply(const OpenApiDocument &spec, const VmsLabRequest &request,
                      QList<QJsonObject> items, const QJsonObject &itemSchema)
{
    const QJsonObject properties
        = spec.flattened(itemSchema).value(QLatin1String("properties")).toObject();
    const QStringList declared = queryParameters(spec, request.operation);
    for (const auto &[param, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (param == QLatin1String("page") || param == QLatin1String("page_size"))
            continue;
        Match mode;
        const QString field = fieldOf(param, properties, &mode);
        if (field.isEmpty()) {
            // A parameter the operation declares but no field carries (count_only, force...)
            // changes nothing here; anything else is a typo the real VMS would silently ignore.
            if (declared.contains(param))
                continue;
            return VmsLabReply::field(param,
                                      QStringLiteral("Unknown filter: neither a field of the "
                                                     "listed objects nor a parameter of %1 %2.")
                                          .arg(request.method, request.operation.pathTemplate));
        }
        items.removeIf([&](const QJsonObject &item) {
            return !item.contains(field) || !matches(item.value(field), value, mode);
        });
    }
    const int size = pageSize(request.query);
    if (!size) {
        QJsonArray all;
        for (const QJsonObject &item : std::as_const(items))
            all.append(item);
        return VmsLabReply::json(all);
    }
    bool ok = true;
    const QString pageText = request.query.queryItemValue(QStringLiteral("page"));
    const int page = pageText.isEmpty() ? 1 : pageText.toInt(&ok);
    const int pages = qMax(1, int((items.size() + size - 1) / size));
    if (!ok || page < 1 || page > pages)
        return VmsLabReply::detail(404, QStringLiteral("Invalid page."));
    const auto link = [&](int target) -> QJsonValue {
        if (target < 1 || target > pages)
            return QJsonValue::Null;
        QUrlQuery query = request.query;
        query.removeAllQueryItems(QStringLiteral("page"));
        if (target > 1)
            query.addQueryItem(QStringLiteral("page"), QString::number(target));
        const QString text = query.toString(QUrl::FullyEncoded);
        return text.isEmpty() ? request.pageUrl : request.pageUrl + QLatin1Char('?') + text;
    };
    QJsonArray results;
    for (qsizetype i = qsizetype(page - 1) * size; i < qMin(items.size(), qsizetype(page) * size);
         ++i)
        results.append(items.at(i));
    return VmsLabReply::json(QJsonObject { { QStringLiteral("count"), int(items.size()) },
                                           { QStringLiteral("next"), link(page + 1) },
                                           { QStringLiteral("previous"), link(page - 1) },
                                           { QStringLiteral("results"), results } });
}

VmsCollections::VmsCollections(VmsContext &context, VmsRoutes &routes)
    : m_ctx(context)
    , m_routes(routes)
{
    m_ctx.tasks.setPerformer(QStringLiteral("delete"), [this](const QJsonObject &action) {
        const QString name = action.value(QLatin1String("collection")).toString();
        const int id = action.value(QLatin1String("id")).toInt();
        const std::optional<VmsObject> object = find(name, id);
        if (!object)
            return QString(); // gone already: deleting twice is done
        const VmsCollection &c = collection(name);
        if (c.beforeDelete)
            if (VmsRefusal refused = c.beforeDelete(m_ctx, *object))
                return refused->body.toObject().value(QLatin1String("detail")).toString();
        const Status removed = m_ctx.store.remove(name, id);
        return removed ? QString() : removed.error().message;
    });
}

void VmsCollections::add(VmsCollection c)
{
    const QString name = c.name;
    const QString items = QLatin1Char('/') + name + QLatin1Char('/');
    const QString item = items + QStringLiteral("{id}/");
    const auto serve = [&](const char *method, const QString &path, VmsHandler handler) {
        // Only what the spec has: the double never invents an operation.
        if (m_ctx.spec.operation(QLatin1String(method),
                                 QString(path).replace(QLatin1String("{id}"), QLatin1String("1"))))
            m_routes.insert(routeKey(QLatin1String(method), path), std::move(handler));
    };
    serve("GET", items, [this, name](const VmsLabRequest &r) { return list(name, r); });
    serve("GET", item, [this, name](const VmsLabRequest &r) { return get(name, r); });
    if (!c.readOnly) {
        serve("POST", items, [this, name](const VmsLabRequest &r) { return create(name, r); });
        serve("PATCH", item, [this, name](const VmsLabRequest &r) { return update(name, r); });
        serve("DELETE", item, [this, name](const VmsLabRequest &r) { return remove(name, r); });
    }
    m_collections.insert(name, std::move(c));
}

const VmsCollection &VmsCollections::collection(const QString &name) const
{
    const auto it = m_collections.constFind(name);
    Q_ASSERT_X(it != m_collections.constEnd(), "VmsCollections", "unknown collection");
    return *it;
}

QJsonObject VmsCollections::schema(const QString &name) const
{
    return m_ctx.spec.schema(collection(name).schemaRef);
}

QJsonObject VmsCollections::render(const QString &name, const VmsObject &object) const
{
    const VmsCollection &c = collection(name);
    const QJsonObject properties = schema(name).value(QLatin1String("properties")).toObject();
    QJsonObject out = object.body;
    if (properties.contains(QLatin1String("url")))
        out.insert(QLatin1String("url"),
                   QStringLiteral("%1/%2/%3").arg(m_ctx.baseUrl, name).arg(object.id));
    if (properties.contains(QLatin1String("title")) && out.contains(QLatin1String("name")))
        out.insert(QLatin1String("title"), out.value(QLatin1String("name")));
    if (properties.contains(QLatin1String("tenant_name")) && out.value(kTenantId).isDouble())
        if (const auto tenant = find(QStringLiteral("tenants"), out.value(kTenantId).toInt()))
            out.insert(QLatin1String("tenant_name"), tenant->body.value(QLatin1String("name")));
    if (c.derive)
        c.derive(m_ctx, object, out);
    return out;
}

QList<VmsObject> VmsCollections::where(const QString &name, const QString &field,
                                       const QJsonValue &value) const
{
    QList<VmsObject> out = m_ctx.store.all(name);
    out.removeIf([&](const VmsObject &o) { return o.body.value(field) != value; });
    return out;
}

QList<QJsonObject> VmsCollections::renderAll(const QString &name) const
{
    QList<QJsonObject> out;
    for (const VmsObject &o : m_ctx.store.all(name))
        out << render(name, o);
    return out;
}

VmsLabReply VmsCollections::list(const QString &name, const VmsLabRequest &request) const
{
    return listReply(m_ctx.spec, request, renderAll(name), schema(name));
}

VmsLabReply VmsCollections::get(const QString &name, const VmsLabRequest &request) const
{
    const std::optional<VmsObject> object = find(name, request.id());
    return object ? VmsLabReply::json(render(name, *object)) : VmsLabReply::notFound();
}

std::variant<VmsObject, VmsLabReply> VmsCollections::save(const QString &name, VmsDraft draft)
{
    const VmsCollection &c = collection(name);
    const QJsonObject itemSchema = schema(name);
    const QJsonObject properties = itemSchema.value(QLatin1String("properties")).toObject();
    if (!draft.id)
        draft.id = m_ctx.store.nextId(name);
    if (!draft.existing) {
        // What VMS stamps on every new object, where the answer declares it.
        const QList<std::pair<QString, QJsonValue>> stamps {
            { kId, draft.id },
            { QStringLiteral("guid"), newGuid() },
            { QStringLiteral("created"), nowIso() },
            { QStringLiteral("cluster"), m_ctx.hardware.clusterName },
            { QStringLiteral("cluster_id"), 1 }
        };
        for (const auto &[key, value] : stamps)
            if (properties.contains(key) && !draft.body.contains(key))
                draft.body.insert(key, value);
    }
    if (c.prepare)
        if (VmsRefusal refused = c.prepare(m_ctx, draft))
            return *refused;
    draft.body = m_ctx.spec.withRequiredDefaults(draft.body, itemSchema).toObject();
    // The lab never stores what it could not answer: a value the answer schema refuses (a view
    // policy's protocol the request schema leaves open, say) is refused now.
    if (const QStringList errors = m_ctx.spec.check(draft.body, itemSchema); !errors.isEmpty())
        return specRefusal(errors);
    const VmsObject object { draft.id, draft.body, draft.hidden };
    const Status stored = put(name, object);
    if (!stored)
        return VmsLabReply::detail(stored.error().kind == ErrorKind::Conflict ? 409 : 503,
                                   stored.error().message);
    return object;
}

Status VmsCollections::put(const QString &name, const VmsObject &object)
{
    const VmsCollection &c = collection(name);
    return m_ctx.store.put(name, object,
                           c.uniqueKeys ? c.uniqueKeys(object) : QList<VmsUniqueKey> {});
}

VmsLabReply VmsCollections::create(const QString &name, const VmsLabRequest &request)
{
    VmsDraft draft;
    draft.input = request.input();
    return saveAndAnswer(name, request, std::move(draft));
}

VmsLabReply VmsCollections::update(const QString &name, const VmsLabRequest &request)
{
    const std::optional<VmsObject> existing = find(name, request.id());
    if (!existing)
        return VmsLabReply::notFound();
    return saveAndAnswer(
        name, request,
        { request.input(), existing->body, existing->hidden, existing, existing->id });
}

VmsLabReply VmsCollections::saveAndAnswer(const QString &name, const VmsLabRequest &request,
                                          VmsDraft draft)
{
    // The request's fields the answer declares are stored; the others only the rules see.
    const QJsonObject properties = schema(name).value(QLatin1String("properties")).toObject();
    for (auto it = draft.input.begin(); it != draft.input.end(); ++it)
        if (properties.contains(it.key()))
            draft.body.insert(it.key(), it.value());
    auto saved = save(name, std::move(draft));
    if (auto *refusal = std::get_if<VmsLabReply>(&saved))
        return *refusal;
    return documentedReply(m_ctx.spec, request, render(name, std::get<VmsObject>(saved)));
}

VmsLabReply VmsCollections::remove(const QString &name, const VmsLabRequest &request)
{
    const VmsCollection &c = collection(name);
    const std::optional<VmsObject> object = find(name, request.id());
    if (!object)
        return VmsLabReply::notFound();
    if (c.beforeDelete)
        if (VmsRefusal refused = c.beforeDelete(m_ctx, *object))
            return *refused;
    if (c.asyncDelete) {
        const Result<QJsonObject> task
            = m_ctx.tasks.start(QStringLiteral("Delete %1 %2")
                                    .arg(c.label,
                                         object->body.value(QLatin1String("name"))
                                             .toString(QString::number(object->id))),
                                { { QStringLiteral("op"), QStringLiteral("delete") },
                                  { QStringLiteral("collection"), name },
                                  { kId, object->id } });
        if (!task)
            return VmsLabReply::detail(503, task.error().message);
        return VmsLabReply::json(QJsonObject { { QStringLiteral("async_task"), *task } });
    }
    if (Status s = m_ctx.store.remove(name, object->id); !s)
        return VmsLabReply::detail(503, s.error().message);
    return documentedReply(m_ctx.spec, request, QJsonValue(QJsonValue::Undefined));
}

} // namespace NeoCloud
