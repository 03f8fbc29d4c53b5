// Strict input reading: every malformed body or parameter is refused with a code and a field.

#include "api/RequestInput.h"

#include <QTest>

using namespace NeoCloud;

class TestRequestInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code"); // empty: accepted
        QTest::addColumn<QString>("field");
        QTest::newRow("valid") << QByteArray(R"({"username":"a","password":"b"})") << "" << "";
        QTest::newRow("truncated") << QByteArray(R"({"username":)") << "malformed_json" << "";
        QTest::newRow("empty") << QByteArray() << "malformed_json" << "";
        QTest::newRow("array") << QByteArray("[1,2]") << "expected_object" << "";
        QTest::newRow("unknown field") << QByteArray(R"({"username":"a","admin":true})") << "unknown_field" << "admin";
        QTest::newRow("wrong type") << QByteArray(R"({"username":5,"password":"b"})") << "wrong_type" << "username";
        QTest::newRow("missing") << QByteArray(R"({"password":"b"})") << "missing_field" << "username";
        QTest::newRow("null") << QByteArray(R"({"username":null,"password":"b"})") << "missing_field" << "username";
        QTest::newRow("empty string") << QByteArray(R"({"username":"","password":"b"})") << "empty_field" << "username";
        QTest::newRow("binary") << QByteArray("\xff\xfe\x00{", 4) << "malformed_json" << "";
    }

    void bodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        ApiRequest request;
        request.body = body;
        const auto object = readJsonObject(request, {QStringLiteral("username"), QStringLiteral("password")});
        Error error;
        if (!object) {
            error = object.error();
        } else if (const auto username = requireString(*object, QLatin1String("username")); !username) {
            error = username.error();
        }
        QCOMPARE(error.code, code.isEmpty() ? QStringLiteral("") : code);
        if (!code.isEmpty()) {
            QCOMPARE(error.kind, ErrorKind::BadInput);
            QCOMPARE(error.field, field);
            QVERIFY(!error.message.isEmpty());
        }
    }

    void paging_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("limit"); // -1: refused
        QTest::addColumn<int>("offset");
        QTest::newRow("defaults") << "" << 100 << 0;
        QTest::newRow("set") << "limit=5&offset=10" << 5 << 10;
        QTest::newRow("max") << "limit=1000" << 1000 << 0;
        QTest::newRow("over max") << "limit=1001" << -1 << 0;
        QTest::newRow("zero") << "limit=0" << -1 << 0;
        QTest::newRow("negative offset") << "offset=-1" << -1 << 0;
        QTest::newRow("text") << "limit=ten" << -1 << 0;
    }

    void paging()
    {
        QFETCH(QString, query);
        QFETCH(int, limit);
        QFETCH(int, offset);
        ApiRequest request;
        request.query = QUrlQuery(query);
        const auto paging = readPaging(request);
        if (limit < 0) {
            QVERIFY(!paging);
            QCOMPARE(paging.error().code, QStringLiteral("invalid_paging"));
            return;
        }
        QVERIFY(paging);
        QCOMPARE(paging->limit, limit);
        QCOMPARE(paging->offset, offset);
    }

    void enumFilter()
    {
        ApiRequest request;
        request.query = QUrlQuery(QStringLiteral("kind=gpu-server"));
        auto kind = readEnumFilter<DeviceKind>(request, QStringLiteral("kind"));
        QVERIFY(kind && kind->has_value() && **kind == DeviceKind::GpuServer);
        request.query = QUrlQuery(QStringLiteral("kind=toaster"));
        kind = readEnumFilter<DeviceKind>(request, QStringLiteral("kind"));
        QVERIFY(!kind);
        QVERIFY(kind.error().message.contains(QLatin1String("storage-dbox")));
    }
};

QTEST_GUILESS_MAIN(TestRequestInput)
#include "tst_request_input.moc"
