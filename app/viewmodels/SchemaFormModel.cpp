#include "SchemaFormModel.h"

#include "TenancyText.h"
#include "services/SchemaValidator.h"

#include <QLocale>

namespace NeoCloud {
namespace {

using Kind = SchemaNode::Kind;

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Root:
        return QStringLiteral("root");
    case Kind::Text:
        return QStringLiteral("text");
    case Kind::Integer:
        return QStringLiteral("integer");
    case Kind::Boolean:
        return QStringLiteral("boolean");
    case Kind::Choice:
        return QStringLiteral("choice");
    case Kind::Choices:
        return QStringLiteral("choices");
    case Kind::List:
        return QStringLiteral("list");
    case Kind::Item:
        return QStringLiteral("item");
    case Kind::Group:
        return QStringLiteral("group");
    }
    return {};
}

// Sizes in bytes are read by people in TB; the schema says bytes by the field's name.
bool countsBytes(const SchemaNode &node)
{
    return node.key.endsWith(QLatin1String("Bytes"));
}

} // namespace

SchemaFormModel::SchemaFormModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int SchemaFormModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

SchemaNode *SchemaFormModel::nodeAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].node : nullptr;
}

QVariant SchemaFormModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const SchemaNode &node = *row.node;
    switch (role) {
    case FieldRole:
        return node.field();
    case DepthRole:
        return row.depth;
    case KindRole:
        return kindName(node.kind);
    case Qt::DisplayRole:
        // What stays with a row when items before it go (its title renumbers).
        return node.isItem() ? (node.kind == Kind::Item ? summary(node) : node.text) : node.key;
    case TitleRole:
        return node.title();
    case HintRole:
        return hint(node);
    case RequiredRole:
        return node.required;
    case TextRole:
        return node.text;
    case CheckedRole:
        return node.checked;
    case OptionsRole:
        return node.options();
    case SelectedRole:
        return node.selected;
    case ErrorRole:
        if (!node.externalError.isEmpty())
            return node.externalError;
        return node.touched || m_showAllErrors ? node.error : QString();
    case ItemCountRole:
        return node.kind == Kind::List ? int(node.children.size()) : 0;
    case CanAddRole:
        return node.kind == Kind::List
            && (!node.maxItems() || int(node.children.size()) < *node.maxItems());
    case CanRemoveRole:
        return node.isItem() && int(node.parent->children.size()) > node.parent->minItems();
    case SummaryRole:
        return summary(node);
    default:
        return {};
    }
}

QHash<int, QByteArray> SchemaFormModel::roleNames() const
{
    return { { FieldRole, "field" },     { DepthRole, "depth" },
             { KindRole, "kind" },       { TitleRole, "title" },
             { HintRole, "hint" },       { RequiredRole, "isRequired" },
             { TextRole, "text" },       { CheckedRole, "checked" },
             { OptionsRole, "options" }, { SelectedRole, "selected" },
             { ErrorRole, "error" },     { ItemCountRole, "itemCount" },
             { CanAddRole, "canAdd" },   { CanRemoveRole, "canRemove" },
             { SummaryRole, "summary" } };
}

QString SchemaFormModel::hint(const SchemaNode &node) const
{
    QStringList parts;
    const QString description = node.schema.value(QLatin1String("description")).toString();
    if (!description.isEmpty())
        parts << description;
    if (node.kind == Kind::Integer) {
        const bool bytes = countsBytes(node);
        auto number = [&](const QJsonValue &v) {
            return bytes ? storageText(v.toDouble()) : QLocale().toString(qint64(v.toDouble()));
        };
        const QJsonValue min = node.schema.value(QLatin1String("minimum"));
        const QJsonValue max = node.schema.value(QLatin1String("maximum"));
        if (min.isDouble() && max.isDouble())
            parts << tr("%1 to %2").arg(number(min), number(max));
        else if (min.isDouble() && min.toDouble() > 0)
            parts << tr("at least %1").arg(number(min));
        else if (max.isDouble())
            parts << tr("at most %1").arg(number(max));
        const QJsonValue fallback = node.schema.value(QLatin1String("default"));
        if (fallback.isDouble() && !(bytes && fallback.toDouble() == 0))
            parts << tr("default %1").arg(number(fallback));
        bool ok = false;
        const double typed = QLocale::c().toDouble(node.text.trimmed(), &ok);
        if (bytes && ok && typed > 0)
            parts << tr("now %1").arg(storageText(typed));
        else if (bytes && ok && typed == 0)
            parts << tr("0 means no limit");
    }
    if (node.kind == Kind::List) {
        if (const auto max = node.maxItems())
            parts << tr("up to %L1").arg(*max);
    }
    return parts.join(QStringLiteral(" · "));
}

QString SchemaFormModel::summary(const SchemaNode &node) const
{
    if (node.kind != Kind::Item)
        return {};
    for (const auto &child : node.children)
        if (child->kind == Kind::Text && !child->text.isEmpty())
            return child->text;
    return {};
}

void SchemaFormModel::flatten(SchemaNode &node, int depth, std::vector<Row> &rows) const
{
    for (const auto &child : node.children) {
        rows.push_back({ child.get(), depth });
        flatten(*child, depth + 1, rows);
    }
}

std::vector<SchemaFormModel::Row> SchemaFormModel::flattened()
{
    std::vector<Row> rows;
    flatten(m_tree.root(), 0, rows);
    return rows;
}

int SchemaFormModel::subtreeRows(int row) const
{
    const int depth = m_rows[size_t(row)].depth;
    int end = row + 1;
    while (end < int(m_rows.size()) && m_rows[size_t(end)].depth > depth)
        ++end;
    return end - row;
}

void SchemaFormModel::reset(const std::function<void()> &change)
{
    const int before = count();
    beginResetModel();
    change();
    m_rows = flattened();
    endResetModel();
    if (count() != before)
        Q_EMIT countChanged();
    revalidate(-1);
}

void SchemaFormModel::setSchema(const QJsonObject &schema)
{
    if (schema == m_tree.schema())
        return;
    reset([&] { m_tree = SchemaTree(schema); });
    setShowAllErrors(false);
    Q_EMIT schemaChanged();
}

void SchemaFormModel::setShowAllErrors(bool show)
{
    if (show == m_showAllErrors)
        return;
    m_showAllErrors = show;
    Q_EMIT showAllErrorsChanged();
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(count() - 1), { ErrorRole });
}

void SchemaFormModel::load(const QVariantMap &params)
{
    load(QJsonObject::fromVariantMap(params));
}

void SchemaFormModel::load(const QJsonObject &params)
{
    reset([&] { m_tree.load(params); });
}

void SchemaFormModel::clear()
{
    reset([&] { m_tree = SchemaTree(m_tree.schema()); });
    setShowAllErrors(false);
}

void SchemaFormModel::setText(int row, const QString &text)
{
    SchemaNode *node = nodeAt(row);
    if (!node
        || !(node->kind == Kind::Text || node->kind == Kind::Integer || node->kind == Kind::Choice))
        return;
    if (node->text == text && node->touched)
        return;
    node->text = text;
    node->touched = true;
    node->externalError.clear();
    revalidate(row);
}

void SchemaFormModel::setChecked(int row, bool checked)
{
    SchemaNode *node = nodeAt(row);
    if (!node || node->kind != Kind::Boolean)
        return;
    node->checked = checked;
    node->touched = true;
    node->externalError.clear();
    revalidate(row);
}

void SchemaFormModel::setOptionSelected(int row, const QString &option, bool selected)
{
    SchemaNode *node = nodeAt(row);
    if (!node || node->kind != Kind::Choices || !node->options().contains(option))
        return;
    node->selected.removeAll(option);
    if (selected)
        node->selected << option;
    node->touched = true;
    node->externalError.clear();
    revalidate(row);
}

void SchemaFormModel::addItem(int row)
{
    SchemaNode *list = nodeAt(row);
    if (!list || !data(index(row), CanAddRole).toBool())
        return;
    // The new item's rows go right after the list's last row.
    const int first = row + subtreeRows(row);
    const int before = count();
    SchemaNode *item = m_tree.addItem(*list);
    std::vector<Row> rows;
    rows.push_back({ item, m_rows[size_t(row)].depth + 1 });
    flatten(*item, m_rows[size_t(row)].depth + 2, rows);
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows = flattened();
    endInsertRows();
    Q_ASSERT(count() == before + int(rows.size()));
    Q_EMIT countChanged();
    revalidate(row);
}

void SchemaFormModel::removeItem(int row)
{
    SchemaNode *item = nodeAt(row);
    if (!item || !data(index(row), CanRemoveRole).toBool())
        return;
    const int rows = subtreeRows(row);
    beginRemoveRows({}, row, row + rows - 1);
    m_tree.removeItem(*item); // item is gone from here on
    m_rows = flattened();
    endRemoveRows();
    Q_EMIT countChanged();
    revalidate(-1);
}

bool SchemaFormModel::showFieldError(const QString &field, const QString &message)
{
    const int row = rowOfField(field);
    if (row < 0)
        return false;
    const QString prefix = field + QStringLiteral(": ");
    m_rows[size_t(row)].node->externalError
        = message.startsWith(prefix) ? message.mid(prefix.size()) : message;
    Q_EMIT dataChanged(index(row), index(row), { ErrorRole });
    return true;
}

int SchemaFormModel::rowOfField(const QString &field) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].node->field() == field)
            return int(i);
    return -1;
}

void SchemaFormModel::revalidate(int changedRow)
{
    m_tree.validate();
    const Status whole = validateAgainstSchema(m_tree.params(), m_tree.schema(),
                                               QLatin1String(SchemaTree::rootField));
    m_firstError = whole ? QString() : whole.error().message;
    if (!m_rows.empty()) {
        // Indexes in titles and fields shift when items go; messages and sizes follow values.
        Q_EMIT dataChanged(index(0), index(count() - 1),
                           { FieldRole, TitleRole, HintRole, ErrorRole, ItemCountRole, CanAddRole,
                             CanRemoveRole, SummaryRole });
        if (changedRow >= 0)
            Q_EMIT dataChanged(index(changedRow), index(changedRow));
    }
    Q_EMIT paramsChanged();
}

} // namespace NeoCloud
