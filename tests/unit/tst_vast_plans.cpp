// The VAST provider's plans against VAST's own published API definition: every call a plan makes
// (the call, the lookup that finds its object again, and its undo) addresses an operation the
// definition has, and every body is valid against that operation's request schema, strictly (no
// field the definition does not declare). Placeholders name only steps that come earlier.

#include "openapi/OpenApiDocument.h"
#include "services/Catalog.h"
#include "vast/VastPlans.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace NeoCloud;

namespace {

Tenant sampleTenant()
{
    Tenant t;
    t.id = QStringLiteral("tnt-1");
    t.name = QStringLiteral("acme");
    t.quotas = {50'000'000'000'000, 8, 10, 2000, 100000};
    t.network = {QStringLiteral("p1"), QStringLiteral("tenant-default"), 2001, QStringLiteral("10.100.1.0/24"),
                 QStringLiteral("10.100.1.10"), QStringLiteral("10.100.1.19"), {QStringLiteral("192.168.10.0/24")}};
    return t;
}

QString withoutQuery(const QString &path) { return path.section(u'?', 0, 0); }

} // namespace

class TestVastPlans : public QObject
{
    Q_OBJECT

    OpenApiDocument m_spec = *OpenApiDocument::load(OpenApiDocument::vastVmsResource());
    Catalog m_catalog = *Catalog::load();

    // Resolves each step in order as the engine would, with made-up ids for what earlier steps
    // "created", and checks every call against the definition. Returns the problems found.
    QStringList check(const QList<ProviderStep> &steps)
    {
        QStringList problems;
        StepRefs refs;
        int nextId = 100;
        auto checkCall = [&](const QString &what, const ProviderCall &call, const StepRefs &with) {
            auto resolved = resolveCall(call, with);
            if (!resolved) {
                problems << what + QStringLiteral(": ") + resolved.error().message;
                return;
            }
            if (resolved->path.contains(QLatin1String("{{")) || resolved->path.contains(QLatin1String("%7B"), Qt::CaseInsensitive))
                problems << what + QStringLiteral(": unresolved placeholder in ") + resolved->path;
            auto op = m_spec.operation(resolved->method, withoutQuery(resolved->path));
            if (!op) {
                problems << what + QStringLiteral(": ") + op.error().message;
                return;
            }
            for (const QString &e : m_spec.checkRequest(*op, resolved->body))
                problems << what + QStringLiteral(" ") + resolved->method + u' ' + resolved->path + QStringLiteral(": ") + e;
        };
        QSet<QString> ids;
        for (const ProviderStep &step : steps) {
            if (ids.contains(step.id))
                problems << QStringLiteral("duplicate step id ") + step.id;
            ids.insert(step.id);
            if (step.title.isEmpty())
                problems << step.id + QStringLiteral(" has no title");
            checkCall(step.id, step.call, refs);
            if (!step.lookup.isEmpty())
                checkCall(step.id + QStringLiteral(" lookup"), {QStringLiteral("GET"), step.lookup, {}}, refs);
            if (step.call.method == QLatin1String("POST") && step.undo.isEmpty())
                problems << step.id + QStringLiteral(" creates something and has no undo");
            QJsonObject made{{QStringLiteral("id"), nextId++}, {QStringLiteral("local_provider_id"), 3},
                             {QStringLiteral("name"), step.id}};
            StepRefs withSelf = refs;
            withSelf.insert(QStringLiteral("self"), made);
            if (!step.undo.isEmpty())
                checkCall(step.id + QStringLiteral(" undo"), step.undo, withSelf);
            refs.insert(step.id, made);
        }
        return problems;
    }

    ProvisionContext contextWithBucket(const QString &bucket)
    {
        Service s3;
        s3.kind = QStringLiteral("object-storage");
        s3.params = {{QStringLiteral("bucket"), bucket}};
        Service events;
        events.kind = QStringLiteral("event-streaming");
        events.params = {{QStringLiteral("topics"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("raw")}}}}};
        return {sampleTenant(), {s3, events}, QStringLiteral("s0.")};
    }

private Q_SLOTS:
    void foundationFollowsTheDefinition()
    {
        auto steps = Vast::planFoundation({sampleTenant(), {}, {}});
        QVERIFY(steps);
        QCOMPARE(steps->size(), 4); // tenant, VIP pool, bucket owner, QoS
        const QStringList problems = check(*steps);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(steps->first().call.body[QLatin1String("client_ip_ranges")].toArray().first().toArray(),
                 (QJsonArray{QStringLiteral("192.168.10.0"), QStringLiteral("192.168.10.255")}));
        for (const ProviderStep &s : *steps)
            QVERIFY2(s.shared, qPrintable(s.id));
    }

    void noQosPolicyWithoutLimits()
    {
        Tenant t = sampleTenant();
        t.quotas.bandwidthMBps = 0;
        t.quotas.iops = 0;
        auto steps = Vast::planFoundation({t, {}, {}});
        QVERIFY(steps);
        for (const ProviderStep &s : *steps)
            QVERIFY(s.id != QLatin1String("qos"));
    }

    void everyKindsExampleFollowsTheDefinition_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QJsonObject>("params");
        for (const QJsonValue &k : m_catalog.kinds())
            QTest::newRow(qPrintable(k[QLatin1String("kind")].toString()))
                << k[QLatin1String("kind")].toString() << k[QLatin1String("example")].toObject();
        QTest::newRow("file-storage nfs+smb")
            << "file-storage"
            << QJsonDocument::fromJson(R"({"path": "/shared", "protocols": ["NFS", "SMB"],
                   "exportRules": [{"clients": "10.1.0.0/16", "access": "ro", "rootSquash": false}]})").object();
        QTest::newRow("block two volumes, two hosts")
            << "block-storage"
            << QJsonDocument::fromJson(R"({"volumes": [{"name": "a", "sizeBytes": 2147483648}, {"name": "b", "sizeBytes": 2147483648}],
                   "hostNqns": ["nqn.2014-08.org.nvmexpress:uuid:1", "nqn.2014-08.org.nvmexpress:uuid:2"]})").object();
        QTest::newRow("functions on a topic")
            << "functions"
            << QJsonDocument::fromJson(R"({"functions": [{"name": "f", "runtime": "node20", "trigger": {"kind": "topic", "source": "raw"}}]})").object();
    }

    void everyKindsExampleFollowsTheDefinition()
    {
        QFETCH(QString, kind);
        QFETCH(QJsonObject, params);
        QVERIFY(m_catalog.validate(kind, params));
        ProvisionContext context = contextWithBucket(QStringLiteral("training-data"));
        if (kind == QLatin1String("event-streaming"))
            context.services.removeLast(); // one event-streaming service per tenant
        auto foundation = Vast::planFoundation(context);
        auto steps = Vast::planKind(context, kind, params);
        QVERIFY2(steps, steps ? "" : qPrintable(steps.error().message));
        QVERIFY(!steps->isEmpty());
        for (const ProviderStep &s : *steps)
            QVERIFY2(s.id.startsWith(QLatin1String("s0.")), qPrintable(s.id));
        const QStringList problems = check(*foundation + *steps);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(!Vast::endpointsFor(context, kind, params).isEmpty());
    }

    void aCheckThatCanFail()
    {
        // The checker itself: a body with a field VAST does not know is caught.
        ProviderStep bad;
        bad.id = QStringLiteral("bad");
        bad.title = QStringLiteral("bad");
        bad.call = {QStringLiteral("POST"), QStringLiteral("/views/"),
                    QJsonObject{{QStringLiteral("path"), QStringLiteral("/x")}, {QStringLiteral("policy_id"), 1},
                                {QStringLiteral("protocol"), QStringLiteral("S3")}}};
        bad.undo = {QStringLiteral("DELETE"), QStringLiteral("/views/{{self.id}}/"), {}};
        QCOMPARE(check({bad}).size(), 1);
        bad.call.path = QStringLiteral("/viewz/");
        QCOMPARE(check({bad}).size(), 1);
    }

    void triggersMustNameTheTenantsOwnBucketsAndTopics()
    {
        const ProvisionContext context = contextWithBucket(QStringLiteral("training-data"));
        auto onBucket = Vast::planKind(context, QStringLiteral("functions"),
                                       QJsonDocument::fromJson(R"({"functions": [{"name": "f", "runtime": "node20",
                                           "trigger": {"kind": "bucket", "source": "elsewhere"}}]})").object());
        QVERIFY(!onBucket);
        QCOMPARE(onBucket.error().kind, ErrorKind::Unprocessable);
        QCOMPARE(onBucket.error().field, QStringLiteral("params.functions[0].trigger.source"));
        auto onTopic = Vast::planKind(context, QStringLiteral("functions"),
                                      QJsonDocument::fromJson(R"({"functions": [{"name": "f", "runtime": "node20",
                                          "trigger": {"kind": "topic", "source": "nope"}}]})").object());
        QVERIFY(!onTopic);
    }

    void oneEventStreamingServicePerTenant()
    {
        ProvisionContext context = contextWithBucket(QStringLiteral("b"));
        auto second = Vast::planKind(context, QStringLiteral("event-streaming"),
                                     QJsonDocument::fromJson(R"({"topics": [{"name": "t"}]})").object());
        QVERIFY(!second);
        QCOMPARE(second.error().kind, ErrorKind::Conflict);
    }

    void placeholdersKeepTheirType()
    {
        StepRefs refs{{QStringLiteral("view"), QJsonObject{{QStringLiteral("id"), 42}}}};
        auto call = resolveCall({QStringLiteral("PATCH"), QStringLiteral("/views/{{view.id}}/"),
                                 QJsonObject{{QStringLiteral("ids"), QJsonArray{QStringLiteral("{{view.id}}")}},
                                             {QStringLiteral("note"), QStringLiteral("view {{view.id}}")}}},
                                refs);
        QVERIFY(call);
        QCOMPARE(call->path, QStringLiteral("/views/42/"));
        QCOMPARE(call->body[QLatin1String("ids")].toArray().first(), QJsonValue(42));
        QCOMPARE(call->body[QLatin1String("note")].toString(), QStringLiteral("view 42"));
        QVERIFY(!resolveCall({QStringLiteral("GET"), QStringLiteral("/x/{{nope.id}}/"), {}}, refs));
    }
};

QTEST_GUILESS_MAIN(TestVastPlans)
#include "tst_vast_plans.moc"
