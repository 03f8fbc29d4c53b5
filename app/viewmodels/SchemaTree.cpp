#include "SchemaTree.h"

#include "services/SchemaValidator.h"

#include <QJsonArray>
#include <QLocale>

namespace NeoCloud {
namespace {

const QLatin1String typeKey("type");
const QLatin1String propertiesKey("properties");
const QLatin1String requiredKey("required");
const QLatin1String itemsKey("items");
const QLatin1String enumKey("enum");
const QLatin1String defaultKey("default");

using Kind = SchemaNode::Kind;

Kind kindOf(const QJsonObject &schema, bool inList)
{
    const QString type = schema.value(typeKey).toString();
    if (type == QLatin1String("object"))
        return inList ? Kind::Item : Kind::Group;
    if (type == QLatin1String("array")) {
        const QJsonObject items = schema.value(itemsKey).toObject();
        return items.value(typeKey) == QLatin1String("string") && items.contains(enumKey)
            ? Kind::Choices
            : Kind::List;
    }
    if (type == QLatin1String("integer") || type == QLatin1String("number"))
        return Kind::Integer;
    if (type == QLatin1String("boolean"))
        return Kind::Boolean;
    return schema.contains(enumKey) ? Kind::Choice : Kind::Text;
}

// Required properties first, in the schema's order of `required`, then the rest by name: a
// parsed JSON object keeps no order of its own, and what must be filled in belongs on top.
QStringList propertyOrder(const QJsonObject &schema)
{
    QStringList order;
    for (const QJsonValue &r : schema.value(requiredKey).toArray())
        order << r.toString();
    const QStringList all = schema.value(propertiesKey).toObject().keys();
    for (const QString &key : all)
        if (!order.contains(key))
            order << key;
    return order;
}

QString numberText(const QJsonValue &v)
{
    if (!v.isDouble())
        return v.isUndefined() || v.isNull() ? QString() : v.toVariant().toString();
    const double d = v.toDouble();
    if (d == double(qint64(d)))
        return QString::number(qint64(d));
    return QLocale::c().toString(d, 'g', 17);
}

// Fills `node` from `value`, or from the schema's defaults where value is undefined.
void fill(SchemaNode &node, const QJsonValue &value);

std::unique_ptr<SchemaNode> makeNode(const QJsonObject &schema, const QString &key, bool required,
                                     SchemaNode *parent, const QJsonValue &value)
{
    auto node = std::make_unique<SchemaNode>();
    node->kind = parent ? kindOf(schema, parent->kind == Kind::List) : Kind::Root;
    node->key = key;
    node->schema = schema;
    node->required = required;
    node->parent = parent;
    fill(*node, value);
    return node;
}

void fill(SchemaNode &node, const QJsonValue &value)
{
    const QJsonObject &schema = node.schema;
    const QJsonValue initial = value.isUndefined() ? schema.value(defaultKey) : value;
    node.children.clear();
    switch (node.kind) {
    case Kind::Root:
    case Kind::Item:
    case Kind::Group: {
        const QJsonObject object = value.toObject();
        const QJsonArray required = schema.value(requiredKey).toArray();
        const QJsonObject properties = schema.value(propertiesKey).toObject();
        for (const QString &key : propertyOrder(schema))
            node.children.push_back(makeNode(properties.value(key).toObject(), key,
                                             required.contains(key), &node, object.value(key)));
        break;
    }
    case Kind::List: {
        const QJsonObject items = schema.value(itemsKey).toObject();
        QJsonArray values = initial.toArray();
        // A required list starts with as many blank items as it needs.
        if (value.isUndefined() && node.required)
            while (values.size() < node.minItems())
                values.append(QJsonValue::Undefined);
        for (const QJsonValue &v : values)
            node.children.push_back(makeNode(items, {}, true, &node, v));
        break;
    }
    case Kind::Choices: {
        node.selected.clear();
        for (const QJsonValue &v : initial.toArray())
            node.selected << v.toString();
        if (value.isUndefined() && node.selected.isEmpty() && node.required)
            node.selected = node.options().mid(0, node.minItems());
        break;
    }
    case Kind::Choice:
        node.text = initial.toString();
        if (value.isUndefined() && node.text.isEmpty() && (node.required || node.isItem())
            && !node.options().isEmpty())
            node.text = node.options().constFirst();
        break;
    case Kind::Text:
        node.text = initial.toString();
        break;
    case Kind::Integer:
        node.text = numberText(initial);
        break;
    case Kind::Boolean:
        node.checked = initial.toBool(false);
        break;
    }
}

QJsonValue blankItem(const SchemaNode &item)
{
    return item.kind == Kind::Integer ? QJsonValue(QJsonValue::Null) : QJsonValue(QString());
}

// The JSON of a node, or nothing when the field is left out of the params.
std::optional<QJsonValue> toJson(const SchemaNode &node)
{
    switch (node.kind) {
    case Kind::Root:
    case Kind::Item:
    case Kind::Group: {
        QJsonObject object;
        for (const auto &child : node.children)
            if (const auto v = toJson(*child))
                object.insert(child->key, *v);
        if (object.isEmpty() && node.kind == Kind::Group && !node.required)
            return std::nullopt;
        return object;
    }
    case Kind::List: {
        QJsonArray array;
        for (const auto &child : node.children) {
            // An item left blank stays in place (as "" or null), so the validator names it by
            // its index and the indexes of the others do not shift.
            array.append(toJson(*child).value_or(blankItem(*child)));
        }
        if (array.isEmpty() && !node.required)
            return std::nullopt;
        return array;
    }
    case Kind::Choices: {
        QJsonArray array;
        for (const QString &option : node.options())
            if (node.selected.contains(option))
                array.append(option);
        if (array.isEmpty() && !node.required)
            return std::nullopt;
        return array;
    }
    case Kind::Boolean:
        return QJsonValue(node.checked);
    case Kind::Integer: {
        const QString text = node.text.trimmed();
        if (text.isEmpty())
            return std::nullopt;
        bool ok = false;
        if (const qint64 whole = QLocale::c().toLongLong(text, &ok); ok)
            return QJsonValue(double(whole));
        if (const double number = QLocale::c().toDouble(text, &ok); ok)
            return QJsonValue(number);
        // Not a number: passed on as typed, so the validator's type message reaches the field.
        return QJsonValue(text);
    }
    case Kind::Text:
    case Kind::Choice:
        if (node.text.isEmpty())
            return std::nullopt;
        return QJsonValue(node.text);
    }
    return std::nullopt;
}

QString withoutField(const Error &error, const QString &field)
{
    const QString prefix = field + QStringLiteral(": ");
    return error.message.startsWith(prefix) ? error.message.mid(prefix.size()) : error.message;
}

void validateNode(SchemaNode &node)
{
    node.error.clear();
    const bool container
        = node.kind == Kind::Root || node.kind == Kind::Item || node.kind == Kind::Group;
    if (!container) {
        const QString field = node.field();
        std::optional<QJsonValue> value = toJson(node);
        if (!value && node.isItem())
            value = blankItem(node);
        if (value) {
            const Status s = validateAgainstSchema(*value, node.schema, field);
            // A list's own refusals (too few, too many) belong to it; its items speak for
            // themselves.
            if (!s && s.error().field == field)
                node.error = withoutField(s.error(), field);
        } else if (node.required && node.parent) {
            // The validator's own words for a missing field, asked of the field's parent.
            const QJsonObject requiresIt { { requiredKey, QJsonArray { node.key } } };
            const Status s = validateAgainstSchema(QJsonObject(), requiresIt, node.parent->field());
            if (!s)
                node.error = withoutField(s.error(), field);
        }
    }
    for (const auto &child : node.children)
        validateNode(*child);
}

} // namespace

QString SchemaNode::field() const
{
    if (!parent)
        return QLatin1String(SchemaTree::rootField);
    if (isItem())
        return QStringLiteral("%1[%2]").arg(parent->field()).arg(indexInParent());
    return parent->field() + QLatin1Char('.') + key;
}

QString SchemaNode::title() const
{
    const QString titled = schema.value(QLatin1String("title")).toString();
    if (!titled.isEmpty())
        return titled;
    if (isItem())
        return QStringLiteral("%1 #%2").arg(parent->title()).arg(indexInParent() + 1);
    // "retentionHours" reads "Retention hours".
    QString words;
    for (const QChar c : key) {
        if (c.isUpper() && !words.isEmpty())
            words += QLatin1Char(' ') + c.toLower();
        else
            words += words.isEmpty() ? c.toUpper() : c;
    }
    return words;
}

QStringList SchemaNode::options() const
{
    const QJsonArray values = (kind == Kind::Choices ? schema.value(itemsKey).toObject() : schema)
                                  .value(enumKey)
                                  .toArray();
    QStringList out;
    for (const QJsonValue &v : values)
        out << v.toString();
    return out;
}

int SchemaNode::indexInParent() const
{
    if (!parent)
        return -1;
    for (size_t i = 0; i < parent->children.size(); ++i)
        if (parent->children[i].get() == this)
            return int(i);
    return -1;
}

int SchemaNode::minItems() const
{
    return schema.value(QLatin1String("minItems")).toInt(0);
}

std::optional<int> SchemaNode::maxItems() const
{
    const QJsonValue max = schema.value(QLatin1String("maxItems"));
    return max.isDouble() ? std::optional<int>(max.toInt()) : std::nullopt;
}

SchemaTree::SchemaTree(const QJsonObject &schema)
    : m_schema(schema)
    , m_root(makeNode(schema, {}, true, nullptr, QJsonValue::Undefined))
{
    validate();
}

void SchemaTree::load(const QJsonObject &params)
{
    m_root = makeNode(m_schema, {}, true, nullptr, params);
    validate();
}

QJsonObject SchemaTree::params() const
{
    return toJson(*m_root).value_or(QJsonObject()).toObject();
}

void SchemaTree::validate()
{
    validateNode(*m_root);
}

SchemaNode *SchemaTree::find(const QString &field)
{
    // Walk down by the field's own path: cheap, and it finds nodes whatever their depth.
    std::vector<SchemaNode *> pending { m_root.get() };
    while (!pending.empty()) {
        SchemaNode *node = pending.back();
        pending.pop_back();
        const QString own = node->field();
        if (own == field)
            return node;
        if (field.startsWith(own))
            for (const auto &child : node->children)
                pending.push_back(child.get());
    }
    return nullptr;
}

SchemaNode *SchemaTree::addItem(SchemaNode &list)
{
    list.children.push_back(
        makeNode(list.schema.value(itemsKey).toObject(), {}, true, &list, QJsonValue::Undefined));
    list.touched = true;
    return list.children.back().get();
}

void SchemaTree::removeItem(SchemaNode &item)
{
    SchemaNode *list = item.parent;
    const int index = item.indexInParent();
    if (!list || index < 0)
        return;
    list->touched = true;
    list->children.erase(list->children.begin() + index);
}

} // namespace NeoCloud
