// The form generated from a JSON Schema, over the real service catalog: filled the way a user
// fills it (rows, items, choices) it produces params the catalog accepts for every kind; it
// shows the validator's words on the field they are about; items come and go as a well-behaved
// model.

#include "SchemaFormModel.h"
#include "services/Catalog.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace NeoCloud;

namespace {

QString json(const QJsonValue &v)
{
    return QString::fromUtf8(v.isObject()
                                 ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
}

// `value` with the schema's defaults added where a property is missing: what a form that shows
// every field with its default sends. Written here independently of the form's own code.
QJsonValue withDefaults(const QJsonValue &value, const QJsonObject &schema)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(withDefaults(item, schema.value(QLatin1String("items")).toObject()));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out = value.toObject();
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject property = it.value().toObject();
        if (out.contains(it.key()))
            out.insert(it.key(), withDefaults(out.value(it.key()), property));
        else if (property.contains(QLatin1String("default")))
            out.insert(it.key(), property.value(QLatin1String("default")));
    }
    return out;
}

// Types `value` into the form the way a user would: rows found by the field the backend names,
// list items added with the list's button, choices ticked one by one.
void enter(SchemaFormModel &form, const QString &field, const QJsonValue &value)
{
    const int row = form.rowOfField(field);
    QVERIFY2(row >= 0, qPrintable(QStringLiteral("no row for %1").arg(field)));
    const QModelIndex index = form.index(row);
    const QString kind = index.data(SchemaFormModel::KindRole).toString();
    if (kind == QLatin1String("text") || kind == QLatin1String("choice")) {
        form.setText(row, value.toString());
    } else if (kind == QLatin1String("integer")) {
        form.setText(row, QString::number(qint64(value.toDouble())));
    } else if (kind == QLatin1String("boolean")) {
        form.setChecked(row, value.toBool());
    } else if (kind == QLatin1String("choices")) {
        for (const QString &option : index.data(SchemaFormModel::OptionsRole).toStringList())
            form.setOptionSelected(row, option, value.toArray().contains(option));
    } else if (kind == QLatin1String("list")) {
        const QJsonArray items = value.toArray();
        while (form.index(form.rowOfField(field)).data(SchemaFormModel::ItemCountRole).toInt()
               < items.size())
            form.addItem(form.rowOfField(field));
        for (qsizetype i = 0; i < items.size(); ++i)
            enter(form, QStringLiteral("%1[%2]").arg(field).arg(i), items.at(i));
    } else if (kind == QLatin1String("item") || kind == QLatin1String("group")) {
        if (!value.isObject()) { // a list of strings: the item row is the text field itself
            QFAIL("an object row given a scalar");
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            enter(form, field + QLatin1Char('.') + it.key(), it.value());
    } else {
        QFAIL(qPrintable(QStringLiteral("unknown row kind %1 at %2").arg(kind, field)));
    }
}

} // namespace

class TestSchemaForm : public QObject
{
    Q_OBJECT

    Catalog m_catalog = *Catalog::load();

    QJsonObject kind(const QString &name) const
    {
        for (const QJsonValue &k : m_catalog.kinds())
            if (k[QLatin1String("kind")].toString() == name)
                return k.toObject();
        return {};
    }

private Q_SLOTS:
    void everyKindFilledByHandIsAccepted_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString &name : m_catalog.kindNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void everyKindFilledByHandIsAccepted()
    {
        QFETCH(QString, kind);
        const QJsonObject entry = this->kind(kind);
        const QJsonObject schema = entry.value(QLatin1String("schema")).toObject();
        const QJsonObject example = entry.value(QLatin1String("example")).toObject();
        SchemaFormModel form;
        QAbstractItemModelTester tester(&form,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        form.setSchema(schema);
        QVERIFY(form.count() > 0);
        for (auto it = example.begin(); it != example.end(); ++it) {
            enter(form, QStringLiteral("params.") + it.key(), it.value());
            if (QTest::currentTestFailed())
                return;
        }
        const QJsonObject params = form.params();
        const Status accepted = m_catalog.validate(kind, params);
        QVERIFY2(accepted,
                 qPrintable(accepted ? QString()
                                     : accepted.error().message + QStringLiteral(" in ")
                                    + json(params)));
        QVERIFY2(form.valid(), qPrintable(form.firstError()));
        QCOMPARE(json(params), json(withDefaults(example, schema)));
    }

    void loadingAnExampleGivesItBack_data() { everyKindFilledByHandIsAccepted_data(); }

    void loadingAnExampleGivesItBack()
    {
        QFETCH(QString, kind);
        const QJsonObject entry = this->kind(kind);
        const QJsonObject schema = entry.value(QLatin1String("schema")).toObject();
        const QJsonObject example = entry.value(QLatin1String("example")).toObject();
        SchemaFormModel form;
        form.setSchema(schema);
        form.load(example);
        QCOMPARE(json(form.params()), json(withDefaults(example, schema)));
        QVERIFY(form.valid());
    }

    void aBlankFormStartsFromTheSchemasDefaults()
    {
        SchemaFormModel form;
        form.setSchema(
            kind(QStringLiteral("event-streaming")).value(QLatin1String("schema")).toObject());
        // The required list starts with its one required item, whose fields carry their defaults.
        QCOMPARE(form.count(), 5);
        auto at = [&](int row, int role) { return form.index(row).data(role); };
        QCOMPARE(at(0, SchemaFormModel::KindRole).toString(), QStringLiteral("list"));
        QCOMPARE(at(0, SchemaFormModel::TitleRole).toString(), QStringLiteral("Topics"));
        QCOMPARE(at(1, SchemaFormModel::KindRole).toString(), QStringLiteral("item"));
        QCOMPARE(at(1, SchemaFormModel::TitleRole).toString(), QStringLiteral("Topics #1"));
        QCOMPARE(at(1, SchemaFormModel::CanRemoveRole).toBool(), false); // minItems 1
        QCOMPARE(at(2, SchemaFormModel::FieldRole).toString(),
                 QStringLiteral("params.topics[0].name"));
        QCOMPARE(at(2, SchemaFormModel::DepthRole).toInt(), 2);
        QCOMPARE(at(3, SchemaFormModel::TitleRole).toString(), QStringLiteral("Partitions"));
        QCOMPARE(at(3, SchemaFormModel::TextRole).toString(), QStringLiteral("8"));
        QVERIFY(at(3, SchemaFormModel::HintRole).toString().contains(QStringLiteral("1 to 1,024")));
        QCOMPARE(at(4, SchemaFormModel::TextRole).toString(), QStringLiteral("168"));
        QVERIFY(!form.valid());
        QCOMPARE(form.firstError(), QStringLiteral("params.topics[0].name: is required"));
        // Untouched fields keep quiet until a submit asks for every message.
        QCOMPARE(at(2, SchemaFormModel::ErrorRole).toString(), QString());
        form.setShowAllErrors(true);
        QCOMPARE(at(2, SchemaFormModel::ErrorRole).toString(), QStringLiteral("is required"));
    }

    void messagesAreTheValidatorsAndSitOnTheirField()
    {
        SchemaFormModel form;
        form.setSchema(
            kind(QStringLiteral("object-storage")).value(QLatin1String("schema")).toObject());
        const int bucket = form.rowOfField(QStringLiteral("params.bucket"));
        const int quota = form.rowOfField(QStringLiteral("params.quotaBytes"));
        QVERIFY(bucket >= 0 && quota >= 0);
        form.setText(bucket, QStringLiteral("Bad_Name"));
        QVERIFY(form.index(bucket)
                    .data(SchemaFormModel::ErrorRole)
                    .toString()
                    .contains(QStringLiteral("does not match")));
        QCOMPARE(form.index(quota).data(SchemaFormModel::ErrorRole).toString(), QString());
        form.setText(quota, QStringLiteral("ten"));
        QCOMPARE(form.index(quota).data(SchemaFormModel::ErrorRole).toString(),
                 QStringLiteral("expected integer, got string"));
        form.setText(quota, QStringLiteral("2500000000000"));
        QCOMPARE(form.index(quota).data(SchemaFormModel::ErrorRole).toString(), QString());
        QVERIFY(form.index(quota)
                    .data(SchemaFormModel::HintRole)
                    .toString()
                    .contains(QStringLiteral("2.5 TB")));
        form.setText(bucket, QStringLiteral("good-name"));
        QVERIFY2(form.valid(), qPrintable(form.firstError()));
        QCOMPARE(form.params().value(QLatin1String("quotaBytes")).toDouble(), 2.5e12);

        // A refusal from the backend lands on the field it names, until that field is edited.
        QVERIFY(form.showFieldError(QStringLiteral("params.bucket"),
                                    QStringLiteral("params.bucket: bucket exists on the cluster")));
        QCOMPARE(form.index(bucket).data(SchemaFormModel::ErrorRole).toString(),
                 QStringLiteral("bucket exists on the cluster"));
        form.setText(bucket, QStringLiteral("other-name"));
        QCOMPARE(form.index(bucket).data(SchemaFormModel::ErrorRole).toString(), QString());
        QVERIFY(!form.showFieldError(QStringLiteral("params.nosuch"), QStringLiteral("x")));
    }

    void itemsComeAndGoAndRenumber()
    {
        SchemaFormModel form;
        QAbstractItemModelTester tester(&form,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        form.setSchema(kind(QStringLiteral("functions")).value(QLatin1String("schema")).toObject());
        // functions[0]: item, name, runtime, trigger (group), trigger.kind, trigger.source.
        QCOMPARE(form.count(), 7);
        const int list = form.rowOfField(QStringLiteral("params.functions"));
        QSignalSpy inserted(&form, &QAbstractItemModel::rowsInserted);
        form.addItem(list);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 7);
        QCOMPARE(form.count(), 13);
        QCOMPARE(form.index(7).data(SchemaFormModel::FieldRole).toString(),
                 QStringLiteral("params.functions[1]"));
        QCOMPARE(form.index(1).data(SchemaFormModel::CanRemoveRole).toBool(), true);
        // A required choice starts on its first option; nested objects have their own rows.
        QCOMPARE(form.index(form.rowOfField(QStringLiteral("params.functions[1].runtime")))
                     .data(SchemaFormModel::TextRole)
                     .toString(),
                 QStringLiteral("python3.11"));
        const int trigger = form.rowOfField(QStringLiteral("params.functions[1].trigger"));
        QCOMPARE(form.index(trigger).data(SchemaFormModel::KindRole).toString(),
                 QStringLiteral("group"));
        form.setText(form.rowOfField(QStringLiteral("params.functions[1].name")),
                     QStringLiteral("second"));
        QCOMPARE(form.index(7).data(SchemaFormModel::SummaryRole).toString(),
                 QStringLiteral("second"));

        form.removeItem(form.rowOfField(QStringLiteral("params.functions[0]")));
        QCOMPARE(form.count(), 7);
        QCOMPARE(form.index(form.rowOfField(QStringLiteral("params.functions[0].name")))
                     .data(SchemaFormModel::TextRole)
                     .toString(),
                 QStringLiteral("second"));
        QCOMPARE(form.index(1).data(SchemaFormModel::TitleRole).toString(),
                 QStringLiteral("Functions #1"));
        QCOMPARE(form.index(1).data(SchemaFormModel::CanRemoveRole).toBool(), false);
    }

    void scalarListsAndMultipleChoices()
    {
        SchemaFormModel form;
        form.setSchema(
            kind(QStringLiteral("file-storage")).value(QLatin1String("schema")).toObject());
        const int protocols = form.rowOfField(QStringLiteral("params.protocols"));
        QCOMPARE(form.index(protocols).data(SchemaFormModel::KindRole).toString(),
                 QStringLiteral("choices"));
        QCOMPARE(form.index(protocols).data(SchemaFormModel::OptionsRole).toStringList(),
                 (QStringList { QStringLiteral("NFS"), QStringLiteral("SMB") }));
        form.setOptionSelected(protocols, QStringLiteral("NFS"), false);
        QCOMPARE(form.index(protocols).data(SchemaFormModel::ErrorRole).toString(),
                 QStringLiteral("needs at least 1 item(s)"));
        form.setOptionSelected(protocols, QStringLiteral("SMB"), true);
        form.setOptionSelected(protocols, QStringLiteral("NFS"), true);
        // Sent in the schema's order, whatever order they were ticked in.
        QCOMPARE(json(form.params().value(QLatin1String("protocols"))),
                 QStringLiteral("[\"NFS\",\"SMB\"]"));

        SchemaFormModel block;
        block.setSchema(
            kind(QStringLiteral("block-storage")).value(QLatin1String("schema")).toObject());
        const int nqns = block.rowOfField(QStringLiteral("params.hostNqns"));
        QCOMPARE(block.index(nqns).data(SchemaFormModel::ItemCountRole).toInt(),
                 0); // optional: none yet
        QVERIFY(!block.params().contains(QLatin1String("hostNqns")));
        block.addItem(nqns);
        const int item = block.rowOfField(QStringLiteral("params.hostNqns[0]"));
        QCOMPARE(block.index(item).data(SchemaFormModel::KindRole).toString(),
                 QStringLiteral("text"));
        block.setText(item, QStringLiteral("not-an-nqn"));
        QVERIFY(block.index(item)
                    .data(SchemaFormModel::ErrorRole)
                    .toString()
                    .contains(QStringLiteral("does not match")));
        QCOMPARE(block.rowOfField(block.firstError().section(QLatin1Char(':'), 0, 0)) >= 0, true);
    }
};

QTEST_MAIN(TestSchemaForm)
#include "tst_schema_form.moc"
