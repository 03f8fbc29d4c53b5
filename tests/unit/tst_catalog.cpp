// The service catalog: the contract's seven kinds, each example valid against its own schema, and
// every kind of bad parameter refused with the JSON path of the field.

#include "services/Catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace NeoCloud;

class TestCatalog : public QObject
{
    Q_OBJECT

    Catalog m_catalog = *Catalog::load();

private Q_SLOTS:
    void hasTheContractsKinds()
    {
        QCOMPARE(m_catalog.kindNames(), (QStringList{QStringLiteral("object-storage"), QStringLiteral("file-storage"),
                                                     QStringLiteral("block-storage"), QStringLiteral("event-streaming"),
                                                     QStringLiteral("database"), QStringLiteral("functions"), QStringLiteral("telemetry")}));
    }

    void everyExampleIsValid()
    {
        for (const QJsonValue &k : m_catalog.kinds()) {
            const Status s = m_catalog.validate(k[QLatin1String("kind")].toString(), k[QLatin1String("example")].toObject());
            QVERIFY2(s, s ? "" : qPrintable(s.error().message));
            QVERIFY(!k[QLatin1String("title")].toString().isEmpty());
        }
    }

    void badParamsNameTheField_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("params");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing bucket") << "object-storage" << QByteArray("{}") << "params.bucket";
        QTest::newRow("bad bucket name") << "object-storage" << QByteArray(R"({"bucket":"Bad_Name"})") << "params.bucket";
        QTest::newRow("unknown parameter") << "object-storage" << QByteArray(R"({"bucket":"ok-name","colour":"red"})") << "params.colour";
        QTest::newRow("wrong type") << "object-storage" << QByteArray(R"({"bucket":"ok-name","versioning":"yes"})") << "params.versioning";
        QTest::newRow("no protocol") << "file-storage" << QByteArray(R"({"path":"/x","protocols":[]})") << "params.protocols";
        QTest::newRow("unknown protocol") << "file-storage" << QByteArray(R"({"path":"/x","protocols":["AFP"]})") << "params.protocols[0]";
        QTest::newRow("bad export rule") << "file-storage"
                                         << QByteArray(R"({"path":"/x","protocols":["NFS"],"exportRules":[{"clients":"everyone","access":"rw"}]})")
                                         << "params.exportRules[0].clients";
        QTest::newRow("tiny volume") << "block-storage" << QByteArray(R"({"volumes":[{"name":"v1","sizeBytes":1024}]})") << "params.volumes[0].sizeBytes";
        QTest::newRow("too many partitions") << "event-streaming" << QByteArray(R"({"topics":[{"name":"t","partitions":5000}]})")
                                             << "params.topics[0].partitions";
        QTest::newRow("fractional partitions") << "event-streaming" << QByteArray(R"({"topics":[{"name":"t","partitions":2.5}]})")
                                               << "params.topics[0].partitions";
        QTest::newRow("bad runtime") << "functions"
                                     << QByteArray(R"({"functions":[{"name":"f","runtime":"cobol","trigger":{"kind":"topic","source":"t"}}]})")
                                     << "params.functions[0].runtime";
        QTest::newRow("retention too long") << "telemetry" << QByteArray(R"({"retentionDays":9999})") << "params.retentionDays";
        QTest::newRow("unknown kind") << "quantum" << QByteArray("{}") << "kind";
    }

    void badParamsNameTheField()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, params);
        QFETCH(QString, field);
        const Status s = m_catalog.validate(kind, QJsonDocument::fromJson(params).object());
        QVERIFY(!s);
        QCOMPARE(s.error().field, field);
        QVERIFY(!s.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
