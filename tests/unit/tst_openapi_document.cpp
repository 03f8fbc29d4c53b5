// The OpenAPI checker on the real VAST Management API document: every kind of violation is caught
// on real operations (so each check can fail), valid bodies pass, responses are held to their
// documented status and schema, and concrete paths find their templates.

#include "openapi/OpenApiDocument.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace NeoCloud;

namespace {

QJsonValue json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

} // namespace

class TestOpenApiDocument : public QObject
{
    Q_OBJECT

    OpenApiDocument m_vms = [] {
        QElapsedTimer clock;
        clock.start();
        auto loaded = OpenApiDocument::load(OpenApiDocument::vastVmsResource());
        if (!loaded)
            qFatal("spec: %s", qPrintable(loaded.error().message));
        qInfo("parsed the VAST VMS document in %lld ms", clock.elapsed());
        return std::move(loaded).value();
    }();

    OpenApiOperation op(const char *method, const char *path)
    {
        const auto found = m_vms.operation(QString::fromLatin1(method), QString::fromLatin1(path));
        if (!found)
            qFatal("no operation %s %s: %s", method, path, qPrintable(found.error().message));
        return *found;
    }

private Q_SLOTS:
    void loadsTheVastDocument()
    {
        QCOMPARE(m_vms.title(), QStringLiteral("VAST API Swagger Schema"));
        QCOMPARE(m_vms.pathCount(), 531);
    }

    void concretePathsFindTheirTemplates_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("pathTemplate");
        QTest::addColumn<QString>("params");
        QTest::newRow("collection") << "GET" << "/tenants/" << "/tenants/" << "";
        QTest::newRow("item") << "get" << "/tenants/12/" << "/tenants/{id}/" << "id=12";
        QTest::newRow("nested action") << "POST" << "/users/3/access_keys/" << "/users/{id}/access_keys/" << "id=3";
        QTest::newRow("literal beats template") << "GET" << "/tenants/configured_idp/" << "/tenants/configured_idp/" << "";
        QTest::newRow("two placeholders") << "GET" << "/tenants/7/metric_label_values/9/"
                                          << "/tenants/{tenant_id}/metric_label_values/{id}/" << "id=9,tenant_id=7";
        QTest::newRow("no trailing slash in the document") << "PATCH" << "/volumes/4/set_hosts" << "/volumes/{id}/set_hosts" << "id=4";
        QTest::newRow("action on a collection") << "DELETE" << "/topics/delete/" << "/topics/delete/" << "";
    }
    void concretePathsFindTheirTemplates()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, pathTemplate);
        QFETCH(QString, params);
        const auto found = m_vms.operation(method, path);
        QVERIFY2(found, found ? "" : qPrintable(found.error().message));
        QCOMPARE(found->pathTemplate, pathTemplate);
        QCOMPARE(found->method, method.toLower());
        QStringList pairs;
        for (auto it = found->pathParams.begin(); it != found->pathParams.end(); ++it)
            pairs << it.key() + QLatin1Char('=') + it.value();
        pairs.sort();
        QCOMPARE(pairs.join(QLatin1Char(',')), params);
    }

    void unknownPathsAndMethodsAreTheirOwnErrors()
    {
        const auto unknown = m_vms.operation(QStringLiteral("GET"), QStringLiteral("/frobnicators/"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);

        const auto slash = m_vms.operation(QStringLiteral("GET"), QStringLiteral("/tenants/12"));
        QVERIFY(!slash);
        QCOMPARE(slash.error().kind, ErrorKind::NotFound);
        QVERIFY2(slash.error().message.contains(QLatin1String("/tenants/12/")), qPrintable(slash.error().message));

        const auto method = m_vms.operation(QStringLiteral("PUT"), QStringLiteral("/tenants/5/"));
        QVERIFY(!method);
        QCOMPARE(method.error().kind, ErrorKind::MethodNotAllowed);
        QVERIFY2(method.error().message.contains(QLatin1String("GET, DELETE, PATCH")), qPrintable(method.error().message));
        QCOMPARE(m_vms.methods(QStringLiteral("/tenants/5/")), (QStringList{QStringLiteral("GET"), QStringLiteral("DELETE"), QStringLiteral("PATCH")}));
        QVERIFY(m_vms.methods(QStringLiteral("/nothing/")).isEmpty());
    }

    void requestViolationsAreCaught_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown field") << "POST" << "/views/" << QByteArray(R"({"path":"/a","policy_id":1,"colour":"red"})")
                                       << "body.colour: is not a property the schema declares";
        QTest::newRow("unknown nested field") << "POST" << "/views/"
                                              << QByteArray(R"({"path":"/a","policy_id":1,"user_impersonation":{"enabled":true,"bogus":1}})")
                                              << "body.user_impersonation.bogus: is not a property the schema declares";
        QTest::newRow("wrong type") << "POST" << "/views/" << QByteArray(R"({"path":5,"policy_id":1})")
                                    << "body.path: expected string, got number 5";
        QTest::newRow("number for integer") << "POST" << "/views/" << QByteArray(R"({"path":"/a","policy_id":1.5})")
                                            << "body.policy_id: expected integer, got number 1.5";
        QTest::newRow("null for integer") << "POST" << "/views/" << QByteArray(R"({"path":"/a","policy_id":null})")
                                          << "body.policy_id: expected integer, got null";
        QTest::newRow("bad enum in protocols") << "POST" << "/views/" << QByteArray(R"({"path":"/a","policy_id":1,"protocols":["NFS","FOO"]})")
                                               << R"(body.protocols[1]: "FOO" is not one of NFS, SMB, NFS4, S3, ENDPOINT, DATABASE, KAFKA, BLOCK)";
        QTest::newRow("missing required policy_id") << "POST" << "/views/" << QByteArray(R"({"path":"/a"})") << "body.policy_id: is required";
        QTest::newRow("allOf: database_name") << "POST" << "/topics/" << QByteArray(R"({"name":"t","topic_partitions":3})")
                                              << "body.database_name: is required";
        QTest::newRow("allOf: name") << "POST" << "/topics/" << QByteArray(R"({"database_name":"db","topic_partitions":3})")
                                     << "body.name: is required";
        QTest::newRow("allOf: topic_partitions") << "POST" << "/topics/" << QByteArray(R"({"database_name":"db","name":"t"})")
                                                 << "body.topic_partitions: is required";
        QTest::newRow("allOf: undeclared") << "POST" << "/topics/" << QByteArray(R"({"database_name":"db","name":"t","topic_partitions":3,"replicas":2})")
                                           << "body.replicas: is not a property the schema declares";
        QTest::newRow("minimum") << "POST" << "/qospolicies/" << QByteArray(R"({"name":"q","static_limits":{"max_reads_iops":-1}})")
                                 << "body.static_limits.max_reads_iops: -1 is below the minimum 0";
        QTest::newRow("maximum") << "POST" << "/computeclusters/"
                                 << QByteArray(R"({"name":"c","cnodes":[],"static_ip_ranges":[],"netmask":"24","vlan":5000})")
                                 << "body.vlan: 5000 is above the maximum 4095";
        QTest::newRow("maxLength") << "POST" << "/tenants/metric_labels/" << QByteArray(R"({"key":"a-key-that-is-longer-than-thirty-two-chars"})")
                                   << "body.key: 42 characters is over the maximum length 32";
        QTest::newRow("item type") << "POST" << "/tenants/" << QByteArray(R"({"name":"t","client_ip_ranges":[["10.0.0.1",2]]})")
                                   << "body.client_ip_ranges[0][1]: expected string, got number 2";
        QTest::newRow("body of the wrong kind") << "POST" << "/tenants/" << QByteArray(R"(["t"])") << R"(body: expected object, got array ["t"])";
    }
    void requestViolationsAreCaught()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const auto found = m_vms.operation(method, path);
        QVERIFY(found);
        const QStringList errors = m_vms.checkRequest(*found, json(body.constData()));
        QVERIFY2(errors.contains(expected), qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void validRequestsPass_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("view") << "POST" << "/views/"
                              << QByteArray(R"({"path":"/s3/b1","policy_id":1,"protocols":["S3","NFS"],"bucket":"b1","bucket_owner":"u1",)"
                                            R"("create_dir":true,"tenant_id":2,"share_acl":{"enabled":false,"acl":[]}})");
        QTest::newRow("tenant") << "POST" << "/tenants/" << QByteArray(R"({"name":"t1","client_ip_ranges":[["10.0.0.1","10.0.0.9"]],"encryption_group":"eg1"})");
        QTest::newRow("topic (allOf)") << "POST" << "/topics/" << QByteArray(R"({"database_name":"db","name":"t","topic_partitions":3,"retention_ms":1000})");
        QTest::newRow("partial update") << "PATCH" << "/views/7/" << QByteArray(R"({"protocols":["NFS4"]})");
        QTest::newRow("no request schema") << "POST" << "/tenants/3/revoke_encryption_group/" << QByteArray(R"({"anything":[1,2]})");
    }
    void validRequestsPass()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const auto found = m_vms.operation(method, path);
        QVERIFY(found);
        const QStringList errors = m_vms.checkRequest(*found, json(body.constData()));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void everyViolationIsListed()
    {
        const QStringList errors = m_vms.checkRequest(op("POST", "/views/"), json(R"({"protocols":["FOO"],"bogus":1})"));
        QCOMPARE(errors.size(), 4); // path and policy_id missing, FOO, bogus
    }

    void requiredBodyMissing()
    {
        const QStringList errors = m_vms.checkRequest(op("POST", "/topics/"), QJsonValue(QJsonValue::Undefined));
        QVERIFY2(errors.contains(QStringLiteral("body.topic_partitions: is required")), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(m_vms.checkRequest(op("PATCH", "/views/1/"), QJsonValue(QJsonValue::Undefined)).isEmpty());
        QVERIFY(m_vms.checkRequest(op("GET", "/topics/"), QJsonValue(QJsonValue::Undefined)).isEmpty());
    }

    void responsesAreCheckedAgainstTheirStatus()
    {
        const OpenApiOperation vtask = op("GET", "/vtasks/5/");
        const QJsonValue good = json(R"({"id":5,"name":"delete tenant","state":"COMPLETED","start_time":"2024-01-01T00:00:00Z","info":{"any":"thing"}})");
        QVERIFY(m_vms.checkResponse(vtask, 200, good).isEmpty());
        QCOMPARE(m_vms.checkResponse(vtask, 200, json(R"({"id":5,"state":"DONE"})")),
                 QStringList{QStringLiteral(R"(response.state: "DONE" is not one of RUNNING, COMPLETED, FAILED, UNKNOWN, TIMEOUT, PARTIALLY_COMPLETED)")});
        QCOMPARE(m_vms.checkResponse(vtask, 200, json(R"({"id":"5"})")), QStringList{QStringLiteral(R"(response.id: expected integer, got string "5")")});
        QCOMPARE(m_vms.checkResponse(vtask, 200, json(R"({"id":5,"progress":10})")),
                 QStringList{QStringLiteral("response.progress: is not a property the schema declares")});
        QVERIFY(m_vms.checkResponse(vtask, 200, json(R"({"id":5,"progress":10})"), OpenApiDocument::Strictness::Lenient).isEmpty());
        QVERIFY(!m_vms.checkResponse(vtask, 404, good).isEmpty()); // not documented

        const OpenApiOperation list = op("GET", "/vtasks/");
        QVERIFY(m_vms.checkResponse(list, 200, QJsonArray{good}).isEmpty());
        QCOMPARE(m_vms.checkResponse(list, 200, json(R"([{"id":1},{"id":2,"state":"?"}])")).size(), 1);
        QVERIFY(!m_vms.checkResponse(list, 200, good).isEmpty()); // an object where an array is documented

        const OpenApiOperation remove = op("DELETE", "/views/3/");
        QVERIFY(m_vms.checkResponse(remove, 204, QJsonValue(QJsonValue::Undefined)).isEmpty());
        QVERIFY(!m_vms.checkResponse(remove, 204, json("{}")).isEmpty());
        QVERIFY(!m_vms.checkResponse(op("GET", "/views/3/"), 200, QJsonValue(QJsonValue::Undefined)).isEmpty());
    }

    void anEnumBesideAnArrayConstrainsItsItems()
    {
        // View.protocols in the response schema carries its enum on the array itself.
        const OpenApiOperation view = op("GET", "/views/3/");
        QVERIFY(m_vms.checkResponse(view, 200, json(R"({"path":"/a","policy_id":1,"protocols":["NFS","S3"]})")).isEmpty());
        QCOMPARE(m_vms.checkResponse(view, 200, json(R"({"path":"/a","policy_id":1,"protocols":["NFS","AFP"]})")).value(0),
                 QStringLiteral(R"(response.protocols[1]: "AFP" is not one of NFS, SMB, NFS4, S3, ENDPOINT, DATABASE, KAFKA, BLOCK)"));
    }

    void namedSchemasAndDefaults()
    {
        const QJsonObject vtask = m_vms.schema(QStringLiteral("#/components/schemas/VTask"));
        QVERIFY(vtask.value(QLatin1String("properties")).toObject().contains(QLatin1String("state")));
        const QJsonObject topic = m_vms.schema(QStringLiteral("#/components/schemas/TopicCreateParams"));
        QCOMPARE(topic.value(QLatin1String("required")).toArray().size(), 3);
        QVERIFY(m_vms.schema(QStringLiteral("#/components/schemas/NoSuchThing")).contains(QLatin1String("x-unresolved")));
        QVERIFY(!m_vms.check(QJsonObject{}, {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/NoSuchThing")}}).isEmpty());

        // QOSPolicy's static_limits requires every limit in answers; requests may name a few.
        const OpenApiOperation get = op("GET", "/qospolicies/1/");
        const QJsonObject partial{{QStringLiteral("id"), 1}, {QStringLiteral("name"), QStringLiteral("q")},
                                  {QStringLiteral("static_limits"), QJsonObject{{QStringLiteral("max_reads_iops"), 100}}}};
        QVERIFY(!m_vms.checkResponse(get, 200, partial).isEmpty());
        const QJsonValue completed = m_vms.withRequiredDefaults(partial, m_vms.responseSchema(get, 200));
        QVERIFY2(m_vms.checkResponse(get, 200, completed).isEmpty(), qPrintable(m_vms.checkResponse(get, 200, completed).join(QLatin1Char('\n'))));
        QCOMPARE(completed[QLatin1String("static_limits")][QLatin1String("max_reads_iops")].toInt(), 100);
        QCOMPARE(completed[QLatin1String("static_limits")][QLatin1String("min_reads_iops")].toInt(), 0);
    }

    void keywordsTheVastDocumentDoesNotUse()
    {
        const auto doc = OpenApiDocument::parse(R"({"openapi":"3.0.3","info":{"title":"t"},"paths":{},
            "components":{"schemas":{
              "N":{"type":"object","properties":{"a":{"type":"string","nullable":true},"b":{"type":"integer"}}},
              "Closed":{"type":"object","additionalProperties":false},
              "Map":{"type":"object","additionalProperties":{"type":"integer"}}}}})");
        QVERIFY(doc);
        const auto ref = [](const char *name) { return QJsonObject{{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + QLatin1String(name))}}; };
        QVERIFY(doc->check(json(R"({"a":null})"), ref("N")).isEmpty());
        QCOMPARE(doc->check(json(R"({"b":null})"), ref("N")), QStringList{QStringLiteral("body.b: expected integer, got null")});
        QVERIFY(!doc->check(json(R"({"x":1})"), ref("Closed"), QStringLiteral("body"), OpenApiDocument::Strictness::Lenient).isEmpty());
        QVERIFY(doc->check(json(R"({"x":1,"y":2})"), ref("Map")).isEmpty());
        QCOMPARE(doc->check(json(R"({"x":"1"})"), ref("Map")), QStringList{QStringLiteral(R"(body.x: expected integer, got string "1")")});
        QVERIFY(!OpenApiDocument::parse(R"({"swagger":"2.0"})"));
        QVERIFY(!OpenApiDocument::parse("not json"));
    }

    void checkingIsFast()
    {
        // The lab checks every request and the tests every answer: a View (80 properties) must
        // cost microseconds, not milliseconds, once its schema is resolved.
        const OpenApiOperation view = op("GET", "/views/3/");
        const QJsonValue body = json(R"({"path":"/a","policy_id":1,"protocols":["NFS","S3"],"name":"v","bucket":"b","tenant_id":1,
                                        "share_acl":{"enabled":false,"acl":[]},"user_impersonation":{"enabled":false}})");
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 1000; ++i)
            QVERIFY(m_vms.checkResponse(view, 200, body).isEmpty());
        qInfo("1000 View checks: %lld ms", clock.elapsed());
        QElapsedTimer match;
        match.start();
        for (int i = 0; i < 10000; ++i)
            QVERIFY(m_vms.operation(QStringLiteral("PATCH"), QStringLiteral("/views/%1/").arg(i)));
        qInfo("10000 path matches: %lld ms", match.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestOpenApiDocument)
#include "tst_openapi_document.moc"
