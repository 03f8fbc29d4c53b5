#pragma once
// The state of a form generated from a JSON Schema (the subset the service catalog uses): one
// node per field, array item and nested object, holding what the user typed. It builds itself
// from a schema (with defaults) or from existing params, writes the params JSON, and asks the
// backend's own validator (services/SchemaValidator.h) what is wrong with each field, so the form
// never restates a rule.

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace NeoCloud {

struct SchemaNode
{
    enum class Kind {
        Root, // the params object itself; not a row
        Text, // string
        Integer, // integer or number
        Boolean,
        Choice, // string with enum
        Choices, // array of strings with enum: pick several
        List, // any other array: items are added and removed
        Item, // an object in a List
        Group, // a nested object, e.g. a function's trigger
    };

    Kind kind = Kind::Root;
    QString key; // property name; empty for an item of a List
    QJsonObject schema;
    bool required = false;
    SchemaNode *parent = nullptr;
    std::vector<std::unique_ptr<SchemaNode>> children; // properties, or a List's items

    QString text; // Text, Integer (as typed), Choice
    bool checked = false; // Boolean
    QStringList selected; // Choices
    bool touched = false;
    QString error; // the validator's word on this field's value, "" when fine
    QString externalError; // a refusal from the backend naming this field, until it is edited

    // "params.topics[0].name": the backend's name for the field, as in its refusals.
    QString field() const;
    QString title() const;
    QStringList options() const; // a Choice's or Choices' enum
    int indexInParent() const;
    bool isItem() const { return parent && parent->kind == Kind::List; }
    int minItems() const;
    std::optional<int> maxItems() const;
};

class SchemaTree
{
public:
    static constexpr auto rootField = "params";

    // A blank form: defaults where the schema has them, the first option of a required choice,
    // and the minimum number of items of a required list.
    explicit SchemaTree(const QJsonObject &schema = {});

    // The form filled from `params`; fields params lacks get their defaults.
    void load(const QJsonObject &params);

    SchemaNode &root() { return *m_root; }
    const QJsonObject &schema() const { return m_schema; }

    QJsonObject params() const;
    // Re-checks every field against its part of the schema.
    void validate();
    // The node the backend means by `field` ("params.topics[0].name"), or null.
    SchemaNode *find(const QString &field);

    // A new item of `list`, filled with defaults; returns it.
    SchemaNode *addItem(SchemaNode &list);
    void removeItem(SchemaNode &item);

private:
    QJsonObject m_schema;
    std::unique_ptr<SchemaNode> m_root;
};

} // namespace NeoCloud
