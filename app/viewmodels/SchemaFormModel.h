#pragma once
// A form generated from a JSON Schema, as a flat list of rows for a QML Repeater: one row per
// field, list, list item and nested object, each with its depth, kind, title, value and the
// validator's message. Nothing here knows a service kind; the catalog's schemas drive it all.
// Edits go through the invokables; `params` is the JSON to send and `valid` says whether the
// backend's validator accepts it.

#include "SchemaTree.h"

#include <QAbstractListModel>
#include <QVariantMap>
#include <QtQmlIntegration>
#include <functional>

namespace NeoCloud {

class SchemaFormModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QVariantMap schema READ schemaMap WRITE setSchemaMap NOTIFY schemaChanged)
    Q_PROPERTY(QVariantMap params READ paramsMap NOTIFY paramsChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY paramsChanged)
    // The validator's first complaint about the whole params ("params.topics[0].name: ..."), or "".
    Q_PROPERTY(QString firstError READ firstError NOTIFY paramsChanged)
    // Messages show on fields the user has touched; after a refused submit, on every field.
    Q_PROPERTY(
        bool showAllErrors READ showAllErrors WRITE setShowAllErrors NOTIFY showAllErrorsChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        FieldRole = Qt::UserRole + 1, // params.topics[0].name, as the backend names it
        DepthRole, // 0 for the params' own fields
        KindRole, // text, integer, boolean, choice, choices, list, item, group
        TitleRole,
        HintRole, // the schema's description, range and default, a size in words
        RequiredRole,
        TextRole, // text, integer (as typed) and choice
        CheckedRole, // boolean
        OptionsRole, // choice and choices: the enum
        SelectedRole, // choices
        ErrorRole, // the message to show now, "" for none
        ItemCountRole, // list
        CanAddRole, // list below its maxItems
        CanRemoveRole, // item of a list above its minItems
        SummaryRole, // item: its first text field's value, to tell items apart
    };
    Q_ENUM(Roles)

    explicit SchemaFormModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QJsonObject schema() const { return m_tree.schema(); }
    void setSchema(const QJsonObject &schema);
    QVariantMap schemaMap() const { return schema().toVariantMap(); }
    void setSchemaMap(const QVariantMap &schema) { setSchema(QJsonObject::fromVariantMap(schema)); }
    QJsonObject params() const { return m_tree.params(); }
    QVariantMap paramsMap() const { return params().toVariantMap(); }
    bool valid() const { return m_firstError.isEmpty(); }
    QString firstError() const { return m_firstError; }
    bool showAllErrors() const { return m_showAllErrors; }
    void setShowAllErrors(bool show);
    int count() const { return int(m_rows.size()); }

    // Fills the form from existing params (an example, a service's current params).
    Q_INVOKABLE void load(const QVariantMap &params);
    void load(const QJsonObject &params);
    // Back to a blank form with the schema's defaults.
    Q_INVOKABLE void clear();

    Q_INVOKABLE void setText(int row, const QString &text);
    Q_INVOKABLE void setChecked(int row, bool checked);
    Q_INVOKABLE void setOptionSelected(int row, const QString &option, bool selected);
    Q_INVOKABLE void addItem(int row);
    Q_INVOKABLE void removeItem(int row);

    // Shows a backend refusal on the field it names (e.g. the plan's 422 "params.trigger...");
    // false when no row has that field.
    Q_INVOKABLE bool showFieldError(const QString &field, const QString &message);
    // -1 when no row has that field.
    Q_INVOKABLE int rowOfField(const QString &field) const;

Q_SIGNALS:
    void schemaChanged();
    void paramsChanged();
    void showAllErrorsChanged();
    void countChanged();

private:
    struct Row
    {
        SchemaNode *node = nullptr;
        int depth = 0;
    };

    SchemaNode *nodeAt(int row) const;
    QString hint(const SchemaNode &node) const;
    QString summary(const SchemaNode &node) const;
    void flatten(SchemaNode &node, int depth, std::vector<Row> &rows) const;
    std::vector<Row> flattened();
    int subtreeRows(int row) const;
    void reset(const std::function<void()> &change);
    // After a value changed: every row's message and the params may have moved.
    void revalidate(int changedRow);

    SchemaTree m_tree;
    std::vector<Row> m_rows;
    QString m_firstError;
    bool m_showAllErrors = false;
};

} // namespace NeoCloud
