// Tenant isolation, enforced by the backend and checked route by route: every registered route ×
// every role × the caller's own and another tenant's objects, over real sockets. Two tenants
// (acme, globex) each with a live service, keys and users; acme's admin and viewer, an operator
// viewer and no token at all call every route. Another tenant's objects are 404, a viewer's
// changes 403, operator routes 403 to tenants, and no answer to an acme user (lists, errors,
// matrices) carries a word of globex. A route without a row in the table fails the test, so a
// new route cannot skip this review.

#include "../common/LabApiFixture.h"

#include "api/HttpApi.h"
#include "auth/PasswordHasher.h"
#include "store/UserRepository.h"

#include <QJsonArray>
#include <QTest>

using namespace NeoCloud;
using namespace NeoCloud::Testing;

namespace {

// How a route treats tenants.
enum class Scope {
    Public,      // no token needed; must leak nothing to anyone
    Operators,   // Access::Operator or OperatorAdmin: tenant roles get 403
    Tenant,      // Access::Authenticated, objects of the tenant named by the path
    CallerOwn,   // Access::Authenticated, answers about the caller (lists filtered to its tenant)
    Stream,      // Access::Authenticated, never-ending: what each role receives is checked in
                 // tst_web_console (a tenant's stream carries only its own jobs, events and cells)
};

struct RouteCase
{
    QByteArray method;
    QString pattern;
    Scope scope;
    QByteArray body;  // a valid body for writes, so a refusal is about who, not what
    QString query;    // e.g. ?dryRun=true, so an allowed write changes nothing
};

// Every route the backend registers. Public and operator routes need no real ids: the answer is
// decided before the path is looked at. Tenant routes get the caller's or the other tenant's.
const QList<RouteCase> &table()
{
    static const QByteArray service = R"({"kind":"object-storage","params":{"bucket":"probe-bucket","quotaBytes":1000000000}})";
    static const QList<RouteCase> cases{
        {"GET", QStringLiteral("/api/v1/health"), Scope::Public, {}, {}},
        {"GET", QStringLiteral("/api/v1/version"), Scope::Public, {}, {}},
        {"GET", QStringLiteral("/api/v1/openapi.json"), Scope::Public, {}, {}},
        {"POST", QStringLiteral("/api/v1/auth/login"), Scope::Public, R"({"username":"acme-viewer","password":"acme-viewer-long-password"})", {}},
        {"GET", QStringLiteral("/metrics"), Scope::Public, {}, {}},
        {"POST", QStringLiteral("/api/v1/auth/logout"), Scope::CallerOwn, {}, {}},
        {"GET", QStringLiteral("/api/v1/auth/me"), Scope::CallerOwn, {}, {}},
        {"GET", QStringLiteral("/api/v1/catalog"), Scope::CallerOwn, {}, {}},
        {"GET", QStringLiteral("/api/v1/tenants"), Scope::CallerOwn, {}, {}},
        {"GET", QStringLiteral("/api/v1/health/matrix"), Scope::CallerOwn, {}, {}},
        {"GET", QStringLiteral("/api/v1/events"), Scope::CallerOwn, {}, {}},
        {"GET", QStringLiteral("/api/v1/stream"), Scope::Stream, {}, {}},
        {"GET", QStringLiteral("/api/v1/tenants/{id}"), Scope::Tenant, {}, {}},
        {"GET", QStringLiteral("/api/v1/tenants/{id}/services"), Scope::Tenant, {}, {}},
        {"GET", QStringLiteral("/api/v1/tenants/{id}/usage"), Scope::Tenant, {}, {}},
        {"POST", QStringLiteral("/api/v1/tenants/{id}/services"), Scope::Tenant, service, QStringLiteral("?dryRun=true")},
        {"GET", QStringLiteral("/api/v1/tenants/{id}/users"), Scope::Tenant, {}, {}},
        {"POST", QStringLiteral("/api/v1/tenants/{id}/users"), Scope::Tenant,
         R"({"username":"intruder","password":"intruder-long-password","role":"tenant-viewer"})", {}},
        {"GET", QStringLiteral("/api/v1/tenants/{id}/keys"), Scope::Tenant, {}, {}},
        {"POST", QStringLiteral("/api/v1/tenants/{id}/keys"), Scope::Tenant, R"({"username":"$user"})", {}},
        {"DELETE", QStringLiteral("/api/v1/tenants/{id}/keys/{keyId}"), Scope::Tenant, {}, {}},
        {"POST", QStringLiteral("/api/v1/tenants/{id}/keys/{keyId}/rotate"), Scope::Tenant, {}, {}},
        {"POST", QStringLiteral("/api/v1/tenants/{id}/encryption/rotate"), Scope::Tenant, {}, QStringLiteral("?dryRun=true")},
        {"POST", QStringLiteral("/api/v1/tenants/{id}/encryption/revoke"), Scope::Tenant, R"({"confirm":"$name"})",
         QStringLiteral("?dryRun=true")},
        {"GET", QStringLiteral("/api/v1/services/{id}"), Scope::Tenant, {}, {}},
        {"DELETE", QStringLiteral("/api/v1/services/{id}"), Scope::Tenant, {}, QStringLiteral("?dryRun=true")},
        {"GET", QStringLiteral("/api/v1/jobs/{id}"), Scope::Tenant, {}, {}},
        // Operators only.
        {"POST", QStringLiteral("/api/v1/tenants"), Scope::Operators, R"({"name":"intruder"})", {}},
        {"POST", QStringLiteral("/api/v1/tenants/{id}/view-token"), Scope::Operators, {}, {}},
        {"PATCH", QStringLiteral("/api/v1/tenants/{id}"), Scope::Operators, R"({"displayName":"owned"})", {}},
        {"DELETE", QStringLiteral("/api/v1/tenants/{id}"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/tenancy/settings"), Scope::Operators, {}, {}},
        {"PATCH", QStringLiteral("/api/v1/tenancy/settings"), Scope::Operators, R"({})", {}},
        {"GET", QStringLiteral("/api/v1/network/pools"), Scope::Operators, {}, {}},
        {"POST", QStringLiteral("/api/v1/network/pools"), Scope::Operators, R"({})", {}},
        {"POST", QStringLiteral("/api/v1/onboardings"), Scope::Operators, R"({})", {}},
        {"GET", QStringLiteral("/api/v1/onboardings/{id}"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/sites"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/racks"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/devices"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/devices/{id}"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/devices/{id}/impact"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/links"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/topology"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/audit"), Scope::Operators, {}, {}},
        {"POST", QStringLiteral("/api/v1/discovery/scans"), Scope::Operators, R"({"targets":[]})", {}},
        {"GET", QStringLiteral("/api/v1/discovery/scans/{id}"), Scope::Operators, {}, {}},
        {"POST", QStringLiteral("/api/v1/discovery/scans/{id}/cancel"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/lab"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/lab/plan"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/lab/faults"), Scope::Operators, {}, {}},
        {"POST", QStringLiteral("/api/v1/lab/faults"), Scope::Operators, R"({})", {}},
        {"DELETE", QStringLiteral("/api/v1/lab/faults/{id}"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/health/webhooks"), Scope::Operators, {}, {}},
        {"POST", QStringLiteral("/api/v1/health/webhooks"), Scope::Operators, R"({"url":"http://127.0.0.1:9/hook"})", {}},
        {"DELETE", QStringLiteral("/api/v1/health/webhooks/{id}"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/alert-rules"), Scope::Operators, {}, {}},
        {"PATCH", QStringLiteral("/api/v1/alert-rules/{id}"), Scope::Operators, R"({"enabled":false})", {}},
        {"GET", QStringLiteral("/api/v1/bmc-certificates"), Scope::Operators, {}, {}},
        {"DELETE", QStringLiteral("/api/v1/bmc-certificates/{host}"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/settings/dashboards"), Scope::Operators, {}, {}},
        {"PUT", QStringLiteral("/api/v1/settings/dashboards"), Scope::Operators, R"({"items":[]})", {}},
        {"POST", QStringLiteral("/api/v1/alerts/{id}/ack"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/capacity"), Scope::Operators, {}, {}},
        {"POST", QStringLiteral("/api/v1/capacity/what-if"), Scope::Operators, R"({})", {}},
        {"GET", QStringLiteral("/api/v1/commissioning/plans"), Scope::Operators, {}, {}},
        {"POST", QStringLiteral("/api/v1/commissioning/plans"), Scope::Operators, R"({})", {}},
        {"GET", QStringLiteral("/api/v1/commissioning/plans/{id}"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/commissioning/runs"), Scope::Operators, {}, {}},
        {"POST", QStringLiteral("/api/v1/commissioning/runs"), Scope::Operators, R"({})", {}},
        {"GET", QStringLiteral("/api/v1/commissioning/runs/{id}"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/commissioning/runs/{id}/report.html"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/commissioning/runs/{id}/report.pdf"), Scope::Operators, {}, {}},
        {"POST", QStringLiteral("/api/v1/commissioning/runs/{id}/findings/{findingId}/waiver"), Scope::Operators, R"({"reason":"x"})", {}},
        {"DELETE", QStringLiteral("/api/v1/commissioning/runs/{id}/findings/{findingId}/waiver"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/commissioning/reports/{id}"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/commissioning/reports/{id}/report.html"), Scope::Operators, {}, {}},
        {"GET", QStringLiteral("/api/v1/commissioning/reports/{id}/report.pdf"), Scope::Operators, {}, {}},
        {"POST", QStringLiteral("/api/v1/commissioning/reports/verify"), Scope::Operators, R"({"sha256":"00"})", {}},
        {"GET", QStringLiteral("/api/v1/commissioning/export"), Scope::Operators, {}, {}},
    };
    return cases;
}

// What one tenant owns, by id and by name.
struct TenantFixture
{
    QString id;
    QString name;
    QString admin;
    QString service;
    QString job;
    QString key;
    QString accessKey;
    QString bucket;
};

} // namespace

class TestRouteIsolation : public QObject
{
    Q_OBJECT

    LabApiFixture m_lab;
    quint16 m_port = 0;
    HttpClient *m_admin = nullptr; // the lab's admin session
    TenantFixture m_acme;
    TenantFixture m_globex;
    QString m_acmeAdminToken;
    QString m_acmeViewerToken;
    QString m_nocToken;
    QString m_viewAsAcmeToken;

    bool makeTenant(TenantFixture &t, const QString &name)
    {
        t.name = name;
        t.bucket = name + QStringLiteral("-bucket");
        t.id = m_lab.makeTenant(name, {{QStringLiteral("capacityBytes"), 1e13}, {QStringLiteral("gpus"), 4},
                                       {QStringLiteral("maxServices"), 10}});
        t.admin = name + QStringLiteral("-admin");
        if (t.id.isEmpty()
            || !m_lab.addTenantUser(t.id, t.admin, t.admin + QStringLiteral("-long-password"), QStringLiteral("tenant-admin")))
            return false;
        const QJsonObject service = m_lab.enableService(
            t.id, QStringLiteral("object-storage"),
            {{QStringLiteral("bucket"), t.bucket}, {QStringLiteral("quotaBytes"), 1000000000}});
        t.service = service.value(QLatin1String("id")).toString();
        t.job = service.value(QLatin1String("jobId")).toString();
        const HttpAnswer key = m_admin->post(QStringLiteral("/api/v1/tenants/%1/keys").arg(t.id),
                                             QStringLiteral(R"({"username":"%1"})").arg(t.admin).toUtf8());
        t.key = key.json.value(QLatin1String("id")).toString();
        t.accessKey = key.json.value(QLatin1String("accessKey")).toString();
        return service.value(QLatin1String("state")) == QLatin1String("active") && !t.service.isEmpty() && !t.job.isEmpty()
            && key.status == 201;
    }

    // The path of a tenant route for `owner`'s objects.
    static QString pathFor(const RouteCase &c, const TenantFixture &owner)
    {
        QString path = c.pattern;
        if (path.startsWith(QLatin1String("/api/v1/services/")))
            path.replace(QStringLiteral("{id}"), owner.service);
        else if (path.startsWith(QLatin1String("/api/v1/jobs/")))
            path.replace(QStringLiteral("{id}"), owner.job);
        else
            path.replace(QStringLiteral("{id}"), owner.id);
        return path.replace(QStringLiteral("{keyId}"), owner.key) + c.query;
    }

    static QByteArray bodyFor(const RouteCase &c, const TenantFixture &owner)
    {
        QByteArray body = c.body;
        return body.replace("$user", owner.admin.toUtf8()).replace("$name", owner.name.toUtf8());
    }

    // Everything of globex an acme user must never read.
    QList<QByteArray> globexWords() const
    {
        return {m_globex.id.toUtf8(), m_globex.name.toUtf8(), m_globex.service.toUtf8(), m_globex.job.toUtf8(),
                m_globex.key.toUtf8(), m_globex.accessKey.toUtf8(), m_globex.bucket.toUtf8(), m_globex.admin.toUtf8()};
    }

    // The first word of globex in the answer, other than ids the caller itself sent in the path
    // (an error may repeat those; whether they exist is checked by comparing with made-up ids).
    QString leak(const HttpAnswer &answer, const QString &path = {}) const
    {
        for (const QByteArray &word : globexWords())
            if (!word.isEmpty() && !path.contains(QString::fromUtf8(word)) && answer.body.contains(word))
                return QString::fromUtf8(word);
        return {};
    }

    // globex's ids swapped for ids of the same shape that exist nowhere.
    TenantFixture nobody() const
    {
        TenantFixture n = m_globex;
        const auto fake = [](const QString &id) -> QString { return id.left(id.indexOf(u'-') + 1) + QStringLiteral("0000000000000000"); };
        n.id = fake(m_globex.id);
        n.service = fake(m_globex.service);
        n.job = fake(m_globex.job);
        n.key = fake(m_globex.key);
        return n;
    }

    // globex as an operator sees it; compared before and after acme's users tried everything.
    QByteArray globexState()
    {
        QByteArray state;
        for (const QString &path : {QStringLiteral("/api/v1/tenants/%1"), QStringLiteral("/api/v1/tenants/%1/users"),
                                    QStringLiteral("/api/v1/tenants/%1/keys"), QStringLiteral("/api/v1/tenants/%1/services")}) {
            QJsonDocument doc = QJsonDocument::fromJson(m_admin->get(path.arg(m_globex.id)).body);
            state += doc.toJson(QJsonDocument::Compact);
        }
        return state;
    }

private Q_SLOTS:
    void initTestCase()
    {
        BackendConfig config;
        config.healthPoll = false;
        config.telemetryIntervalSeconds = 0;
        config.loginThrottle.failuresPerAddress = 1000; // this test logs in many times from one address
        QVERIFY(m_lab.start(config)); // quotas are checked against discovered hardware
        m_port = m_lab.port();
        m_admin = &m_lab.http();
        QVERIFY(makeTenant(m_acme, QStringLiteral("acme")));
        QVERIFY(makeTenant(m_globex, QStringLiteral("globex")));
        QCOMPARE(m_admin->post(QStringLiteral("/api/v1/tenants/%1/users").arg(m_acme.id),
                               R"({"username":"acme-viewer","password":"acme-viewer-long-password","role":"tenant-viewer"})").status,
                 201);
        // Operator accounts beyond admin have no route yet; the store makes one.
        UserRepository users(m_lab.backend().database());
        User noc;
        noc.id = QStringLiteral("user-noc");
        noc.username = QStringLiteral("noc");
        noc.role = Role::OperatorViewer;
        noc.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        QVERIFY(users.insertUser(noc, PasswordHasher::hash(QStringLiteral("noc-long-password"))));
        m_acmeAdminToken = m_lab.login(m_acme.admin, QStringLiteral("acme-admin-long-password"));
        m_acmeViewerToken = m_lab.login(QStringLiteral("acme-viewer"), QStringLiteral("acme-viewer-long-password"));
        m_nocToken = m_lab.login(QStringLiteral("noc"), QStringLiteral("noc-long-password"));
        // An operator viewer looks at acme through its viewers' eyes.
        HttpClient operatorViewer(m_port);
        operatorViewer.setToken(m_nocToken);
        const HttpAnswer viewAs = operatorViewer.post(QStringLiteral("/api/v1/tenants/%1/view-token").arg(m_acme.id), {});
        QCOMPARE(viewAs.status, 201);
        m_viewAsAcmeToken = viewAs.json.value(QLatin1String("token")).toString();
        QVERIFY(!m_acmeAdminToken.isEmpty() && !m_acmeViewerToken.isEmpty() && !m_nocToken.isEmpty() && !m_viewAsAcmeToken.isEmpty());
    }

    // The portal's events: acme's own, in acme's words; an operator sees the same events as
    // recorded, with the tenant's words beside them.
    void tenantUsersGetTheirOwnEventsInTheirOwnWords()
    {
        HttpClient acme(m_port);
        acme.setToken(m_acmeViewerToken);
        const QJsonArray items = acme.get(QStringLiteral("/api/v1/events?limit=1000")).json.value(QLatin1String("items")).toArray();
        QVERIFY(!items.isEmpty());
        QStringList messages;
        for (const QJsonValue &v : items) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(QLatin1String("tenant")).toString(), m_acme.id);
            QVERIFY(e.value(QLatin1String("device")).isNull());
            QVERIFY(e.value(QLatin1String("acknowledgedBy")).isNull());
            QCOMPARE(e.value(QLatin1String("message")), e.value(QLatin1String("tenantMessage")));
            messages << e.value(QLatin1String("message")).toString();
        }
        const QString all = messages.join(u'\n');
        QVERIFY2(all.contains(QLatin1String("Welcome: your tenant acme was created")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("Your object-storage is ready to use.")), qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("VLAN")), qPrintable(all)); // the operator's wording stays with operators

        const QJsonArray recorded = m_admin->get(QStringLiteral("/api/v1/events?limit=1000")).json.value(QLatin1String("items")).toArray();
        int operatorWorded = 0;
        for (const QJsonValue &v : recorded) {
            const QJsonObject e = v.toObject();
            if (e.value(QLatin1String("tenant")).toString() == m_acme.id && !e.value(QLatin1String("tenantMessage")).isNull())
                operatorWorded += e.value(QLatin1String("message")) != e.value(QLatin1String("tenantMessage"));
        }
        QCOMPARE(operatorWorded, items.size());
    }

    // Usage against quota, for the portal: the tenant's own row of the capacity report.
    void tenantUsersReadTheirUsageAgainstQuota()
    {
        HttpClient acme(m_port);
        acme.setToken(m_acmeViewerToken);
        const HttpAnswer usage = acme.get(QStringLiteral("/api/v1/tenants/%1/usage").arg(m_acme.id));
        QCOMPARE(usage.status, 200);
        QCOMPARE(usage.json.value(QLatin1String("tenant")).toString(), m_acme.id);
        QCOMPARE(usage.json.value(QLatin1String("quotaBytes")).toDouble(), 1e13);
        QCOMPARE(usage.json.value(QLatin1String("gpus")).toInt(), 4);
        QCOMPARE(usage.json.value(QLatin1String("maxServices")).toInt(), 10);
        QCOMPARE(usage.json.value(QLatin1String("servicesEnabled")).toInt(), 1);
        QVERIFY(usage.json.contains(QLatin1String("usedBytes")));
    }

    void everyRouteHasARowAndEveryRowARoute()
    {
        QStringList missing;
        QSet<QString> registered;
        for (const Route &route : m_lab.backend().api().router().routes()) {
            const QString name = methodName(route.method) + u' ' + route.pattern;
            registered.insert(name);
            const auto row = std::find_if(table().begin(), table().end(), [&](const RouteCase &c) {
                return c.method == methodName(route.method).toLatin1() && c.pattern == route.pattern;
            });
            if (row == table().end()) {
                missing << name;
                continue;
            }
            // The row's scope must agree with how the router guards the route.
            const bool operatorRoute = route.access == Access::Operator || route.access == Access::OperatorAdmin;
            QVERIFY2(operatorRoute == (row->scope == Scope::Operators), qPrintable(name + QStringLiteral(": scope differs from access")));
            QVERIFY2((route.access == Access::Public) == (row->scope == Scope::Public), qPrintable(name));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("routes without an isolation row: ") + missing.join(QStringLiteral(", "))));
        for (const RouteCase &c : table())
            QVERIFY2(registered.contains(QString::fromLatin1(c.method) + u' ' + c.pattern),
                     qPrintable(QStringLiteral("a row for a route that no longer exists: ") + c.pattern));
    }

    void withoutATokenOnlyPublicRoutesAnswer()
    {
        HttpClient anonymous(m_port);
        for (const RouteCase &c : table()) {
            const HttpAnswer answer = anonymous.send(c.method, pathFor(c, m_acme), bodyFor(c, m_acme), QString());
            const QString name = QString::fromLatin1(c.method) + u' ' + c.pattern;
            if (c.scope == Scope::Public)
                QVERIFY2(answer.status != 401 && answer.status != 403, qPrintable(name));
            else
                QVERIFY2(answer.status == 401, qPrintable(name + QStringLiteral(" -> %1").arg(answer.status)));
        }
    }

    void tenantUsersReachOnlyTheirOwnTenant_data()
    {
        QTest::addColumn<QString>("who");
        QTest::newRow("tenant-admin") << QStringLiteral("admin");
        QTest::newRow("tenant-viewer") << QStringLiteral("viewer");
        QTest::newRow("operator viewing as the tenant") << QStringLiteral("view-as");
    }

    void tenantUsersReachOnlyTheirOwnTenant()
    {
        QFETCH(QString, who);
        const bool viewer = who != QLatin1String("admin");
        HttpClient acme(m_port);
        acme.setToken(who == QLatin1String("admin") ? m_acmeAdminToken : who == QLatin1String("viewer") ? m_acmeViewerToken : m_viewAsAcmeToken);
        const QByteArray before = globexState();
        for (const RouteCase &c : table()) {
            if (c.pattern == QLatin1String("/api/v1/auth/logout") || c.scope == Scope::Stream)
                continue; // logout would end this session (checked below with a token of its own)
            const QString name = QString::fromLatin1(c.method) + u' ' + c.pattern;
            const bool write = c.method != "GET";
            switch (c.scope) {
            case Scope::Stream:
                break;
            case Scope::Public:
            case Scope::CallerOwn: {
                const HttpAnswer answer = acme.send(c.method, pathFor(c, m_acme), bodyFor(c, m_acme));
                if (c.pattern == QLatin1String("/metrics"))
                    QVERIFY2(answer.status == 403, qPrintable(name + QStringLiteral(": a tenant's token reads no metrics")));
                else if (c.scope == Scope::CallerOwn)
                    QVERIFY2(answer.status == 200, qPrintable(name + QStringLiteral(" -> %1").arg(answer.status)));
                QVERIFY2(leak(answer).isEmpty(), qPrintable(name + QStringLiteral(" shows globex's ") + leak(answer)));
                break;
            }
            case Scope::Operators: {
                const HttpAnswer answer = acme.send(c.method, pathFor(c, m_globex), bodyFor(c, m_globex));
                QVERIFY2(answer.status == 403, qPrintable(name + QStringLiteral(" -> %1").arg(answer.status)));
                QVERIFY2(leak(answer).isEmpty(), qPrintable(name + QStringLiteral(" shows globex's ") + leak(answer)));
                break;
            }
            case Scope::Tenant: {
                // globex's objects do not exist for acme: 404, answered exactly as for ids that
                // exist nowhere, so not even their existence shows.
                const QString otherPath = pathFor(c, m_globex);
                const HttpAnswer other = acme.send(c.method, otherPath, bodyFor(c, m_globex));
                QVERIFY2(other.status == 404, qPrintable(name + QStringLiteral(" on globex -> %1 %2").arg(other.status).arg(QString::fromUtf8(other.body))));
                QVERIFY2(leak(other, otherPath).isEmpty(), qPrintable(name + QStringLiteral(" shows globex's ") + leak(other, otherPath)));
                const TenantFixture made = nobody();
                const HttpAnswer none = acme.send(c.method, pathFor(c, made), bodyFor(c, made));
                QByteArray normalised = other.body;
                for (const auto &[real, fake] : {std::pair{m_globex.id, made.id}, std::pair{m_globex.service, made.service},
                                                 std::pair{m_globex.job, made.job}, std::pair{m_globex.key, made.key}})
                    normalised.replace(real.toUtf8(), fake.toUtf8());
                QVERIFY2(none.status == other.status && none.body == normalised,
                         qPrintable(name + QStringLiteral(": globex's answer differs from a made-up id's: ") +
                                    QString::fromUtf8(normalised) + QStringLiteral(" vs ") + QString::fromUtf8(none.body)));
                // acme's own: readable; a viewer may not change them.
                if (!write) {
                    const HttpAnswer own = acme.send(c.method, pathFor(c, m_acme));
                    QVERIFY2(own.status == 200, qPrintable(name + QStringLiteral(" on acme -> %1").arg(own.status)));
                    QVERIFY2(leak(own).isEmpty(), qPrintable(name + QStringLiteral(" shows globex's ") + leak(own)));
                } else if (viewer) {
                    const HttpAnswer own = acme.send(c.method, pathFor(c, m_acme), bodyFor(c, m_acme));
                    QVERIFY2(own.status == 403, qPrintable(name + QStringLiteral(" by a viewer -> %1").arg(own.status)));
                }
                break;
            }
            }
        }
        QCOMPARE(globexState(), before);
    }

    void anOperatorViewerReadsButChangesNothing()
    {
        HttpClient noc(m_port);
        noc.setToken(m_nocToken);
        const QByteArray before = globexState();
        for (const RouteCase &c : table()) {
            if (c.scope == Scope::Public || c.scope == Scope::Stream || c.pattern == QLatin1String("/api/v1/auth/logout"))
                continue;
            const QString name = QString::fromLatin1(c.method) + u' ' + c.pattern;
            const HttpAnswer answer = noc.send(c.method, pathFor(c, m_globex), bodyFor(c, m_globex));
            const auto route = m_lab.backend().api().router().match(
                c.method == "GET" ? HttpMethod::Get : c.method == "POST" ? HttpMethod::Post
                    : c.method == "PATCH" ? HttpMethod::Patch
                    : c.method == "PUT"   ? HttpMethod::Put : HttpMethod::Delete,
                c.pattern);
            const bool adminOnly = route.route && route.route->access == Access::OperatorAdmin;
            const bool tenantWrite = c.scope == Scope::Tenant && c.method != "GET";
            if (adminOnly || tenantWrite)
                QVERIFY2(answer.status == 403, qPrintable(name + QStringLiteral(" -> %1").arg(answer.status)));
            else
                QVERIFY2(answer.status != 401 && answer.status != 403, qPrintable(name + QStringLiteral(" -> %1").arg(answer.status)));
        }
        QCOMPARE(globexState(), before);
    }

    void eventsAndErrorsNameNoOtherTenant()
    {
        // Something happens to globex (a key rotated by its admin), then acme's admin looks at
        // everything it may read, including a deliberate error on a globex id.
        HttpClient globex(m_port);
        globex.setToken(m_lab.login(m_globex.admin, QStringLiteral("globex-admin-long-password")));
        QCOMPARE(globex.post(QStringLiteral("/api/v1/tenants/%1/keys/%2/rotate").arg(m_globex.id, m_globex.key), {}).status, 200);
        HttpClient acme(m_port);
        acme.setToken(m_acmeAdminToken);
        for (const QString &path : {QStringLiteral("/api/v1/tenants"), QStringLiteral("/api/v1/health/matrix"),
                                    QStringLiteral("/api/v1/tenants/%1/services").arg(m_acme.id),
                                    QStringLiteral("/api/v1/jobs/%1").arg(m_globex.job),
                                    QStringLiteral("/api/v1/services/%1").arg(m_globex.service)}) {
            const HttpAnswer answer = acme.get(path);
            QVERIFY2(leak(answer, path).isEmpty(), qPrintable(path + QStringLiteral(" shows globex's ") + leak(answer, path)));
        }
        QCOMPARE(acme.get(QStringLiteral("/api/v1/tenants")).json.value(QLatin1String("total")).toInt(), 1);
        QCOMPARE(acme.get(QStringLiteral("/api/v1/health/matrix")).json.value(QLatin1String("tenants")).toArray().size(), 1);
    }

    void viewingAsATenantIsATenantViewersSession()
    {
        HttpClient viewAs(m_port);
        viewAs.setToken(m_viewAsAcmeToken);
        const QJsonObject me = viewAs.get(QStringLiteral("/api/v1/auth/me")).json;
        QCOMPARE(me.value(QLatin1String("role")).toString(), QStringLiteral("tenant-viewer"));
        QCOMPARE(me.value(QLatin1String("tenantId")).toString(), m_acme.id);
        QCOMPARE(me.value(QLatin1String("username")).toString(), QStringLiteral("noc")); // audited as the operator
        QVERIFY(me.value(QLatin1String("viewingAs")).toBool());
        // It cannot be widened: no view token from a view token, no operator route.
        QCOMPARE(viewAs.post(QStringLiteral("/api/v1/tenants/%1/view-token").arg(m_acme.id), {}).status, 403);
        QCOMPARE(viewAs.get(QStringLiteral("/api/v1/devices")).status, 403);
        // Short-lived: it expires long before a login session does.
        HttpClient noc(m_port);
        noc.setToken(m_nocToken);
        const HttpAnswer issued = noc.post(QStringLiteral("/api/v1/tenants/%1/view-token").arg(m_acme.id), {});
        const QDateTime expires = QDateTime::fromString(issued.json.value(QLatin1String("expiresAt")).toString(), Qt::ISODate);
        QVERIFY(expires.isValid());
        QVERIFY(expires <= QDateTime::currentDateTimeUtc().addSecs(15 * 60 + 5));
        // Unknown tenants get none; a tenant's own users get none either.
        QCOMPARE(noc.post(QStringLiteral("/api/v1/tenants/tnt-0000000000000000/view-token"), {}).status, 404);
        HttpClient acme(m_port);
        acme.setToken(m_acmeAdminToken);
        QCOMPARE(acme.post(QStringLiteral("/api/v1/tenants/%1/view-token").arg(m_acme.id), {}).status, 403);
    }

    void logoutEndsOnlyThatSession()
    {
        const QString spare = m_lab.login(m_acme.admin, QStringLiteral("acme-admin-long-password"));
        HttpClient acme(m_port);
        acme.setToken(spare);
        QCOMPARE(acme.post(QStringLiteral("/api/v1/auth/logout"), {}).status, 204);
        QCOMPARE(acme.get(QStringLiteral("/api/v1/auth/me")).status, 401);
        acme.setToken(m_acmeAdminToken);
        QCOMPARE(acme.get(QStringLiteral("/api/v1/auth/me")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestRouteIsolation)
#include "tst_route_isolation.moc"
