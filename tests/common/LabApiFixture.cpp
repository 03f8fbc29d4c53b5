#include "LabApiFixture.h"

#include "discovery/DiscoveryService.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>

namespace NeoCloud::Testing {

bool LabApiFixture::start(BackendConfig config, int scanTimeoutMs)
{
    if (config.labDefinition.isEmpty())
        config.labDefinition = demoLabFile;
    const bool waitForScan = config.initialLabScan;
    return startApi(std::move(config), waitForScan, scanTimeoutMs);
}

bool LabApiFixture::startWithoutLab(BackendConfig config)
{
    config.labDefinition.clear();
    return startApi(std::move(config), false, 0);
}

bool LabApiFixture::startApi(BackendConfig config, bool waitForScan, int scanTimeoutMs)
{
    m_backend = std::make_unique<TestBackend>(std::move(config));
    if (waitForScan) {
        // The scan starts from the event loop, so a spy made now still sees it end.
        QSignalSpy scanned(&backend().discovery(), &DiscoveryService::scanFinished);
        if (!scanned.wait(scanTimeoutMs)) {
            qWarning("fixture: the lab's first scan did not finish within %d ms", scanTimeoutMs);
            return false;
        }
    }
    const Result<quint16> port = backend().listen(QHostAddress::LocalHost, 0);
    if (!port) {
        qWarning("fixture: listen: %s", qPrintable(port.error().message));
        return false;
    }
    m_port = *port;
    m_http = std::make_unique<HttpClient>(m_port);
    m_adminToken = m_http->login(QStringLiteral("admin"), adminPassword);
    if (m_adminToken.isEmpty()) {
        qWarning("fixture: the admin could not sign in");
        return false;
    }
    m_http->setToken(m_adminToken);
    return true;
}

QJsonObject LabApiFixture::standardQuotas()
{
    return {{QStringLiteral("capacityBytes"), 1e12}, {QStringLiteral("gpus"), 0}, {QStringLiteral("maxServices"), 10}};
}

QString LabApiFixture::makeTenant(const QString &name, const QJsonObject &quotas)
{
    return makeTenant(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("quotas"), quotas}});
}

QString LabApiFixture::makeTenant(const QJsonObject &body)
{
    const HttpAnswer made = m_http->post(QStringLiteral("/api/v1/tenants"), json(body));
    if (made.status != 201) {
        qWarning() << "fixture: tenant refused:" << made.status << made.body;
        return {};
    }
    return made.json.value(QLatin1String("id")).toString();
}

bool LabApiFixture::addTenantUser(const QString &tenantId, const QString &username, const QString &password,
                                  const QString &role)
{
    const HttpAnswer added = m_http->post(QStringLiteral("/api/v1/tenants/%1/users").arg(tenantId),
                                          json({{QStringLiteral("username"), username},
                                                {QStringLiteral("password"), password},
                                                {QStringLiteral("role"), role}}));
    if (added.status != 201)
        qWarning() << "fixture: user refused:" << added.status << added.body;
    return added.status == 201;
}

QJsonObject LabApiFixture::enableService(const QString &tenantId, const QString &kind, const QJsonObject &params)
{
    const HttpAnswer started = m_http->post(QStringLiteral("/api/v1/tenants/%1/services").arg(tenantId),
                                            json({{QStringLiteral("kind"), kind}, {QStringLiteral("params"), params}}));
    if (started.status != 202) {
        qWarning() << "fixture:" << kind << "refused:" << started.status << started.body;
        return started.json;
    }
    const QJsonObject done = settle(QStringLiteral("/api/v1/services/") + started.json.value(QLatin1String("id")).toString(),
                                    {QStringLiteral("enabling")});
    if (done.value(QLatin1String("state")).toString() != QLatin1String("active"))
        qWarning() << "fixture:" << kind << "not active:" << done;
    return done;
}

QJsonObject LabApiFixture::settle(const QString &path, const QStringList &passing, int timeoutMs)
{
    QJsonObject last;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        const HttpAnswer answer = m_http->get(path);
        if (answer.status == 404)
            return {{QStringLiteral("state"), QStringLiteral("gone")}};
        last = answer.json;
        if (!passing.contains(last.value(QLatin1String("state")).toString()))
            return last;
        QTest::qWait(50);
    }
    qWarning() << "fixture:" << path << "still" << last.value(QLatin1String("state")).toString() << "after" << timeoutMs << "ms";
    return last;
}

HttpAnswer LabApiFixture::addFault(const QJsonObject &fault)
{
    const HttpAnswer added = m_http->post(QStringLiteral("/api/v1/lab/faults"), json(fault));
    if (added.status != 201)
        qWarning() << "fixture: fault refused:" << added.status << added.body;
    return added;
}

void LabApiFixture::clearFaults()
{
    const QJsonArray faults = m_http->get(QStringLiteral("/api/v1/lab/faults")).json.value(QLatin1String("items")).toArray();
    for (const QJsonValue &f : faults)
        m_http->send("DELETE", QStringLiteral("/api/v1/lab/faults/") + f[QLatin1String("id")].toString());
}

void LabApiFixture::removeAllTenants()
{
    const QJsonArray tenants = m_http->get(QStringLiteral("/api/v1/tenants?limit=1000")).json.value(QLatin1String("items")).toArray();
    for (const QJsonValue &t : tenants) {
        const HttpAnswer removing = m_http->send(
            "DELETE", QStringLiteral("/api/v1/tenants/") + t[QLatin1String("id")].toString() + QStringLiteral("?force=true"));
        if (removing.status == 202)
            settle(QStringLiteral("/api/v1/jobs/") + removing.json.value(QLatin1String("id")).toString());
    }
}

} // namespace NeoCloud::Testing
