// The demo lab's VMS double as a server, over real sockets: where the lab lists it, Api-Token
// and Basic auth, DRF-style refusals of bad input (strict to the VAST spec), lists as arrays or
// page_size envelopes with filters, state that survives a restart on the same database,
// vms-error and vms-slow faults through /api/v1/lab/faults, garbage on every route, and speed.
// Every answer is held to the spec's response schema (VmsContractClient).

#include "../common/VmsLabHarness.h"

#include <QJsonArray>

using namespace NeoCloud;
using namespace NeoCloud::Testing;
using namespace Qt::StringLiterals;

class TestVmsLab : public QObject, public VmsLabHarness
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void labListsTheVmsEndpoint()
    {
        const QUrl url = lab().vmsUrl();
        QCOMPARE(url.scheme(), u"http"_s);
        QCOMPARE(url.host(), u"127.77.250.1"_s);
        QCOMPARE(url.path(), u"/api"_s);
        const QJsonObject vms = m_api->get(u"/api/v1/lab"_s).json.value(u"vms"_s).toObject();
        QCOMPARE(vms.value(u"url"_s).toString(), url.toString());
        QCOMPARE(vms.value(u"token"_s).toString(), lab().vmsToken());
        QCOMPARE(lab().vmsToken().size(), 40);
    }

    void authentication()
    {
        const VmsAnswer none
            = call("GET", u"/tenants/"_s, QJsonValue(QJsonValue::Undefined), QString());
        QCOMPARE(none.status, 401);
        QCOMPARE(none.detail(), u"Authentication credentials were not provided."_s);

        m_vms->setAuthorization("Api-Token not-the-token");
        const VmsAnswer wrong = get(u"/tenants/"_s);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.detail(), u"Invalid token."_s);

        m_vms->setAuthorization("Basic " + QByteArray("admin:neocloud-lab").toBase64());
        QCOMPARE(get(u"/tenants/"_s).status, 200);
        m_vms->setAuthorization("Basic " + QByteArray("admin:guess").toBase64());
        QCOMPARE(get(u"/tenants/"_s).detail(), u"Invalid username/password."_s);

        m_vms->setAuthorization("Api-Token " + lab().vmsToken().toLatin1());
        QCOMPARE(get(u"/tenants/"_s).status, 200);
        QCOMPARE(get(u"/frobnicators/"_s).status, 404);
        QCOMPARE(get(u"/frobnicators/"_s).detail(), u"Not found."_s);
        const VmsAnswer method = call("PUT", u"/tenants/1/"_s, QJsonObject {});
        QCOMPARE(method.status, 405);
        QCOMPARE(method.detail(), u"Method \"PUT\" not allowed."_s);
        QCOMPARE(method.headers.value("allow"), QByteArray("GET, DELETE, PATCH"));
        QCOMPARE(get(u"/clusters/bgp_table/"_s).status,
                 501); // in the spec, not in the lab
    }

    void badRequestsAreRefusedAsDrfDoes()
    {
        const VmsAnswer malformed = m_vms->callRaw("POST", u"/tenants/"_s, "{\"name\": ");
        QCOMPARE(malformed.status, 400);
        QVERIFY2(malformed.detail().startsWith(u"JSON parse error"_s), malformed.body.constData());

        const VmsAnswer unknown
            = post(u"/tenants/"_s, { { u"name"_s, u"t"_s }, { u"colour"_s, u"red"_s } });
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.object().value(u"colour"_s).toArray().first().toString(),
                 u"colour: is not a property the schema declares"_s);

        const VmsAnswer missing = post(u"/tenants/"_s, {});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.object().value(u"name"_s).toArray().first().toString(),
                 u"name: is required"_s);

        const VmsAnswer wrongType = post(u"/tenants/"_s, { { u"name"_s, 12 } });
        QCOMPARE(wrongType.status, 400);
        QVERIFY(wrongType.object().contains(u"name"_s));

        const VmsAnswer badEnum = post(u"/views/"_s,
                                       { { u"path"_s, u"/x"_s },
                                         { u"policy_id"_s, 1 },
                                         { u"protocols"_s, QJsonArray { u"AFP"_s } } });
        QCOMPARE(badEnum.status, 400);
        QVERIFY2(badEnum.object()
                     .value(u"protocols"_s)
                     .toArray()
                     .first()
                     .toString()
                     .contains(u"\"AFP\" is not one of NFS"_s),
                 badEnum.body.constData());

        const VmsAnswer notAnObject = call("POST", u"/tenants/"_s, QJsonArray { u"t"_s });
        QCOMPARE(notAnObject.status, 400);
        QVERIFY(notAnObject.object().contains(u"non_field_errors"_s));

        const QByteArray huge = "{\"name\":\"" + QByteArray(1100 * 1024, 'x') + "\"}";
        const VmsAnswer oversize = m_vms->callRaw("POST", u"/tenants/"_s, huge);
        QCOMPARE(oversize.status, 413);
        QVERIFY(oversize.detail().contains(u"over the limit"_s));

        QCOMPARE(get(u"/tenants/99/"_s).status, 404);
        QCOMPARE(get(u"/tenants/abc/"_s).status, 404);
        QCOMPARE(get(u"/tenants/"_s).array().size(), 0); // nothing refused was stored
    }

    void listsPageAndFilter()
    {
        for (int i = 1; i <= 5; ++i)
            tenant(u"page-%1"_s.arg(i));
        QCOMPARE(get(u"/tenants/"_s).array().size(), 5);
        VmsAnswer page = get(u"/tenants/?page_size=2"_s);
        QCOMPARE(page.object().value(u"count"_s).toInt(), 5);
        QVERIFY(page.object().value(u"previous"_s).isNull());
        const QString vmsUrl = lab().vmsUrl().toString();
        QCOMPARE(page.object().value(u"next"_s).toString(),
                 vmsUrl + u"/tenants/?page_size=2&page=2"_s);
        QStringList names;
        int pages = 0;
        for (;;) {
            ++pages;
            for (const QJsonValue &t : page.object().value(u"results"_s).toArray())
                names << t[u"name"_s].toString();
            const QString next = page.object().value(u"next"_s).toString();
            if (next.isEmpty())
                break;
            QVERIFY(next.startsWith(vmsUrl));
            page = get(next.mid(vmsUrl.size()));
            QCOMPARE(page.status, 200);
        }
        QCOMPARE(pages, 3);
        QCOMPARE(names.size(), 5);
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 5);
        QCOMPARE(page.object().value(u"previous"_s).toString(),
                 vmsUrl + u"/tenants/?page_size=2&page=2"_s);
        QCOMPARE(get(u"/tenants/?page_size=2&page=9"_s).detail(), u"Invalid page."_s);
        QCOMPARE(get(u"/tenants/?page_size=2&page=2&name__icontains=PAGE"_s)
                     .object()
                     .value(u"results"_s)
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(get(u"/tenants/?name=page-3"_s).array().size(), 1);
        QCOMPARE(get(u"/tenants/?name=page-3"_s).array().first()[u"name"_s].toString(),
                 u"page-3"_s);
        QCOMPARE(get(u"/tenants/?name__icontains=GE-4"_s).array().size(), 1);
        const VmsAnswer typo = get(u"/tenants/?nmae=page-3"_s);
        QCOMPARE(typo.status, 400);
        QVERIFY(typo.object().contains(u"nmae"_s));
    }

    void stateSurvivesARestart()
    {
        const auto [t, p] = tenantWithOwner(u"keep"_s);
        const int v = view(u"/keep/data"_s, p, { u"S3"_s }, u"kept"_s, u"keep-owner"_s);
        const QJsonObject before = get(u"/views/%1/"_s.arg(v)).object();
        QCOMPARE(fault({ { u"device"_s, u"vms"_s },
                         { u"kind"_s, u"vms-error"_s },
                         { u"component"_s, u"/quotas/"_s } }),
                 201);
        QCOMPARE(call("DELETE", u"/views/%1/"_s.arg(v)).status,
                 204); // ids are not reused after a delete

        startBackend(labFile()); // the same database file
        QCOMPARE(get(u"/tenants/%1/"_s.arg(t)).object().value(u"name"_s).toString(), u"keep"_s);
        QCOMPARE(get(u"/views/%1/"_s.arg(v)).status, 404);
        const int again = view(u"/keep/data"_s, p, { u"S3"_s }, u"kept"_s, u"keep-owner"_s);
        QCOMPARE(again, v + 1);
        QCOMPARE(get(u"/views/%1/"_s.arg(again)).object().value(u"bucket"_s).toString(),
                 before.value(u"bucket"_s).toString());
        QCOMPARE(get(u"/users/?name=keep-owner"_s).array().size(), 1);
        QCOMPARE(get(u"/quotas/"_s).status, 503); // the fault is stored too
        QCOMPARE(
            post(u"/views/"_s, { { u"path"_s, u"/keep/data"_s }, { u"policy_id"_s, p } }).status,
            409); // and the unique keys
    }

    void vmsErrorFaultFailsMatchingCallsUntilCleared()
    {
        const auto [t, p] = tenantWithOwner(u"flaky"_s);
        const HttpAnswer injected
            = m_api->post(u"/api/v1/lab/faults"_s,
                          compactJson(QJsonObject { { u"device"_s, u"vms"_s },
                                                    { u"kind"_s, u"vms-error"_s },
                                                    { u"component"_s, u"/views/"_s },
                                                    { u"method"_s, u"post"_s },
                                                    { u"status"_s, 503 } }));
        QCOMPARE(injected.status, 201);
        QCOMPARE(injected.json.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(injected.json.value(u"status"_s).toInt(), 503);
        const QJsonObject body { { u"path"_s, u"/flaky"_s },
                                 { u"policy_id"_s, p },
                                 { u"create_dir"_s, true } };
        const VmsAnswer failed = post(u"/views/"_s, body);
        QCOMPARE(failed.status, 503);
        QVERIFY(failed.detail().contains(u"vms-error"_s));
        QCOMPARE(get(u"/views/"_s).status, 200); // another method
        QCOMPARE(get(u"/tenants/%1/"_s.arg(t)).status, 200); // another path
        QCOMPARE(m_api->get(u"/api/v1/lab/faults"_s).json.value(u"total"_s).toInt(), 1);

        const auto refused = [&](const QJsonObject &bad) {
            return m_api->post(u"/api/v1/lab/faults"_s, compactJson(bad)).status;
        };
        const QJsonObject base { { u"device"_s, u"vms"_s }, { u"kind"_s, u"vms-error"_s } };
        QJsonObject bad = base;
        bad.insert(u"status"_s, 200);
        QCOMPARE(refused(bad), 400);
        bad = base;
        bad.insert(u"component"_s, u"views"_s);
        QCOMPARE(refused(bad), 400);
        bad = base;
        bad.insert(u"method"_s, u"FETCH"_s);
        QCOMPARE(refused(bad), 400);
        bad = base;
        bad.insert(u"device"_s, u"cnode-01"_s);
        QCOMPARE(refused(bad), 400);
        QCOMPARE(refused({ { u"device"_s, u"gpu-g01-01"_s },
                           { u"kind"_s, u"gpu-failed"_s },
                           { u"status"_s, 500 } }),
                 400);
        QCOMPARE(
            refused(
                { { u"device"_s, u"vms"_s }, { u"kind"_s, u"vms-slow"_s }, { u"status"_s, 500 } }),
            400);

        const QString id = injected.json.value(u"id"_s).toString();
        QCOMPARE(m_api->send("DELETE", u"/api/v1/lab/faults/"_s + id).status, 204);
        QCOMPARE(post(u"/views/"_s, body).status, 201);

        // vms-slow delays the matching answers.
        QCOMPARE(fault({ { u"device"_s, u"vms"_s },
                         { u"kind"_s, u"vms-slow"_s },
                         { u"component"_s, u"/api/clusters/"_s },
                         { u"latencyMs"_s, 300 } }),
                 201);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(get(u"/clusters/"_s).status, 200);
        QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
        clock.restart();
        QCOMPARE(get(u"/vtasks/"_s).status, 200);
        QVERIFY(clock.elapsed() < 290);
    }

    void garbageIsRefusedNeverFatal()
    {
        const auto [t, p] = tenantWithOwner(u"g"_s);
        const int v = view(u"/g/block"_s, p, { u"BLOCK"_s });
        const QStringList targets { u"/tenants/"_s,
                                    u"/tenants/%1/"_s.arg(t),
                                    u"/tenants/%1/client_metrics/"_s.arg(t),
                                    u"/tenants/%1/revoke_encryption_group/"_s.arg(t),
                                    u"/vippools/"_s,
                                    u"/vippools/1/"_s,
                                    u"/viewpolicies/"_s,
                                    u"/viewpolicies/%1/"_s.arg(p),
                                    u"/views/"_s,
                                    u"/views/%1/"_s.arg(v),
                                    u"/quotas/"_s,
                                    u"/qospolicies/"_s,
                                    u"/users/"_s,
                                    u"/users/1/access_keys/"_s,
                                    u"/topics/"_s,
                                    u"/topics/delete/"_s,
                                    u"/schemas/"_s,
                                    u"/schemas/delete/"_s,
                                    u"/kafkabrokers/"_s,
                                    u"/volumes/"_s,
                                    u"/volumes/1/set_hosts"_s,
                                    u"/blockhosts/"_s,
                                    u"/clusters/"_s,
                                    u"/vtasks/"_s,
                                    u"/tenants/-1/"_s,
                                    u"/tenants/99999999999999999999/"_s,
                                    u"/views/1e3/"_s,
                                    u"/views/%00/"_s,
                                    u"//tenants/"_s };
        QJsonArray deep;
        for (int i = 0; i < 200; ++i)
            deep = QJsonArray { deep };
        const QList<QJsonValue> bodies {
            QJsonValue::Null,
            1,
            u"x"_s,
            QJsonArray(),
            QJsonObject(),
            deep,
            QJsonObject { { u"name"_s, QString() }, { u"tenant_id"_s, -5 } },
            QJsonObject { { u"name"_s, u"n"_s },
                          { u"tenant_id"_s, 2147483648.0 },
                          { u"path"_s, u"/"_s },
                          { u"policy_id"_s, 0 },
                          { u"subnet_cidr"_s, 24 },
                          { u"ip_ranges"_s, QJsonArray { QJsonArray() } } },
            QJsonObject { { u"ids"_s, QJsonArray { -1, 0, 2147483648.0 } },
                          { u"access_key"_s, QString() },
                          { u"enabled"_s, true } },
            QJsonObject { { u"database_name"_s, QString() },
                          { u"name"_s, QString() },
                          { u"schema_name"_s, QString() },
                          { u"topic_partitions"_s, -1 },
                          { u"local_provider_id"_s, 1 },
                          { u"nqn"_s, QString() } },
            QJsonObject { { u"config"_s, QJsonObject { { u"enabled"_s, false } } },
                          { u"user_defined_columns"_s, QJsonArray() } }
        };
        int answered = 0;
        for (const QString &target : targets)
            for (const QByteArray &method :
                 { QByteArrayLiteral("GET"), QByteArrayLiteral("POST"), QByteArrayLiteral("PATCH"),
                   QByteArrayLiteral("DELETE") })
                for (const QJsonValue &body : bodies) {
                    const QByteArray raw = body.isNull() ? QByteArray("null")
                        : body.isDouble()                ? QByteArray("1")
                        : body.isString()                ? QByteArray("\"x\"")
                                                         : compactJson(body);
                    const VmsAnswer a = m_vms->callRaw(method, target, raw);
                    QVERIFY2(a.status >= 200 && a.status != 500 && a.status < 502,
                             qPrintable(u"%1 %2 %3 -> %4 %5"_s
                                            .arg(QString::fromLatin1(method), target,
                                                 QString::fromUtf8(raw.left(80)))
                                            .arg(a.status)
                                            .arg(QString::fromUtf8(a.body))));
                    ++answered;
                }
        QCOMPARE(answered, int(targets.size() * 4 * bodies.size()));
        QCOMPARE(get(u"/tenants/%1/"_s.arg(t)).status, 200); // still serving
    }

    void answersAreQuick()
    {
        const int t = tenant(u"speed"_s);
        for (int i = 0; i < 100; ++i)
            made(post(u"/quotas/"_s,
                      { { u"name"_s, u"q%1"_s.arg(i) },
                        { u"path"_s, u"/speed/%1"_s.arg(i) },
                        { u"tenant_id"_s, t },
                        { u"create_dir"_s, true } }));
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 50; ++i)
            QCOMPARE(get(u"/quotas/"_s).array().size(), 100);
        const double listMs = clock.elapsed() / 50.0;
        clock.restart();
        for (int i = 0; i < 50; ++i)
            QCOMPARE(patch(u"/quotas/%1/"_s.arg(i + 1), { { u"hard_limit"_s, 1000 + i } }).status,
                     200);
        const double patchMs = clock.elapsed() / 50.0;
        qInfo("VMS double over loopback, client included: list of 100 quotas %.1f ms, PATCH "
              "(checked, stored) %.1f ms",
              listMs, patchMs);
        QVERIFY2(listMs < 200 && patchMs < 200, "an answer takes longer than any test can afford");
    }

    void aLabWithoutVms()
    {
        startBackend(labFile({ { u"vms"_s, false } }));
        QVERIFY(!lab().vmsUrl().isValid());
        QVERIFY(m_api->get(u"/api/v1/lab"_s).json.value(u"vms"_s).isNull());
        QCOMPARE(fault({ { u"device"_s, u"vms"_s }, { u"kind"_s, u"vms-error"_s } }), 404);
    }
};

QTEST_GUILESS_MAIN(TestVmsLab)
#include "tst_vms_lab.moc"
