#pragma once
// For tests of the demo lab's VMS double: a backend running the demo lab on a database file
// that survives restarts, an admin session on the REST API, a VmsContractClient on the double,
// and fixtures (a tenant, a view policy, a bucket owner, a view) that must work for a test to
// mean anything. Test classes inherit it beside QObject and call setUp()/tearDown() from their
// init()/cleanup() slots; tearDown() returns what broke the VAST contract meanwhile.

#include "TestSupport.h"
#include "VmsContractClient.h"
#include "lab/LabService.h"
#include "lab/vms/VmsServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>

namespace NeoCloud::Testing {

inline QJsonObject readJsonFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

class VmsLabHarness
{
protected:
    OpenApiDocument m_spec = *OpenApiDocument::load(OpenApiDocument::vastVmsResource());
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<HttpClient> m_api;
    std::unique_ptr<VmsContractClient> m_vms;
    QStringList m_contract; // what answers broke the spec

    void setUp()
    {
        m_contract.clear();
        m_dir = std::make_unique<QTemporaryDir>();
        startBackend(labFile());
    }
    // Everything that broke the contract since setUp(), the double's own count included.
    QStringList tearDown()
    {
        if (m_vms)
            m_contract << m_vms->violations();
        if (m_backend && lab().vms() && lab().vms()->contractViolations())
            m_contract << QStringLiteral("the double logged %1 answer(s) outside the spec")
                              .arg(lab().vms()->contractViolations());
        m_vms.reset();
        m_api.reset();
        m_backend.reset();
        return m_contract;
    }

    // The demo lab with `changes` merged in, its BMCs and VMS on free ports: other tests run the
    // demo lab at the same time, and BMCs that fall back one by one from a taken port scatter.
    QString labFile(const QJsonObject &changes = {})
    {
        QJsonObject definition = readJsonFile(demoLabFile);
        QJsonObject bmc = definition.value(QLatin1String("bmc")).toObject();
        bmc.insert(QStringLiteral("port"), 0);
        definition.insert(QStringLiteral("bmc"), bmc);
        definition.insert(QStringLiteral("vms"), QJsonObject { { QStringLiteral("port"), 0 } });
        for (auto it = changes.begin(); it != changes.end(); ++it)
            definition.insert(it.key(), it.value());
        const QString path = m_dir->filePath(
            QStringLiteral("lab-%1.json").arg(QString::number(qHash(compactJson(definition)), 16)));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(compactJson(definition)) < 0)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // Starts (or restarts) the backend on the same database file.
    void startBackend(const QString &labFile)
    {
        if (m_vms)
            m_contract << m_vms->violations();
        m_vms.reset();
        m_api.reset();
        m_backend.reset();
        BackendConfig config;
        config.labDefinition = labFile;
        config.initialLabScan = false;
        config.databasePath = m_dir->filePath(QStringLiteral("vms.db"));
        m_backend = std::make_unique<TestBackend>(config);
        m_api = std::make_unique<HttpClient>(*(*m_backend)->listen(QHostAddress::LocalHost, 0));
        const QJsonObject credentials { { QStringLiteral("username"), QStringLiteral("admin") },
                                        { QStringLiteral("password"), adminPassword } };
        m_api->setToken(m_api->post(QStringLiteral("/api/v1/auth/login"), compactJson(credentials))
                            .json.value(QLatin1String("token"))
                            .toString());
        if (lab().vmsUrl().isValid())
            m_vms = std::make_unique<VmsContractClient>(lab().vmsUrl(), lab().vmsToken(), m_spec);
    }
    LabService &lab() { return *(*m_backend)->lab(); }

    VmsAnswer call(const QByteArray &method, const QString &path,
                   const QJsonValue &body = QJsonValue(QJsonValue::Undefined),
                   const QString &auth = QStringLiteral("<default>"))
    {
        return m_vms->call(method, path, body, auth);
    }
    VmsAnswer get(const QString &path) { return call("GET", path); }
    VmsAnswer post(const QString &path, const QJsonObject &body)
    {
        return call("POST", path, body);
    }
    VmsAnswer patch(const QString &path, const QJsonObject &body)
    {
        return call("PATCH", path, body);
    }
    int fault(const QJsonObject &body)
    {
        return m_api->post(QStringLiteral("/api/v1/lab/faults"), compactJson(body)).status;
    }

    // Fixtures: a refusal stops the run with the double's words.
    static int made(const VmsAnswer &a)
    {
        if (a.status != 201)
            qFatal("fixture refused (%d): %s", a.status, a.body.constData());
        return a.id();
    }
    int tenant(const QString &name, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("name"), name);
        return made(post(QStringLiteral("/tenants/"), extra));
    }
    int providerOf(int tenantId)
    {
        return get(QStringLiteral("/tenants/%1/").arg(tenantId))
            .object()
            .value(QLatin1String("local_provider_id"))
            .toInt();
    }
    int policy(const QString &name, int tenantId)
    {
        return made(
            post(QStringLiteral("/viewpolicies/"),
                 { { QStringLiteral("name"), name }, { QStringLiteral("tenant_id"), tenantId } }));
    }
    int user(const QString &name, int providerId)
    {
        return made(post(QStringLiteral("/users/"),
                         { { QStringLiteral("name"), name },
                           { QStringLiteral("local_provider_id"), providerId } }));
    }
    int view(const QString &path, int policyId, const QJsonArray &protocols,
             const QString &bucket = {}, const QString &owner = {})
    {
        QJsonObject body { { QStringLiteral("path"), path },
                           { QStringLiteral("policy_id"), policyId },
                           { QStringLiteral("protocols"), protocols },
                           { QStringLiteral("create_dir"), true } };
        if (!bucket.isEmpty())
            body.insert(QStringLiteral("bucket"), bucket);
        if (!owner.isEmpty())
            body.insert(QStringLiteral("bucket_owner"), owner);
        return made(post(QStringLiteral("/views/"), body));
    }
    // A tenant with a view policy and a user "<name>-owner" who may own buckets.
    std::pair<int, int> tenantWithOwner(const QString &name)
    {
        const int t = tenant(name);
        user(name + QStringLiteral("-owner"), providerOf(t));
        return { t, policy(name + QStringLiteral("-policy"), t) };
    }
    QJsonObject waitForTask(int id)
    {
        QJsonObject task;
        QElapsedTimer clock;
        clock.start();
        do {
            QTest::qWait(20);
            task = get(QStringLiteral("/vtasks/%1/").arg(id)).object();
        } while (task.value(QLatin1String("state")).toString() == QLatin1String("RUNNING")
                 && clock.elapsed() < 5000);
        return task;
    }
};

} // namespace NeoCloud::Testing
