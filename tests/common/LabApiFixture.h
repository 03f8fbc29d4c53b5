#pragma once
// The setting most integration suites share: a backend running the demo lab (BMCs and VMS double)
// after its first scan, its REST API on a loopback port, an admin session, and the few calls that
// build tenants, services and lab faults through that API and wait for their jobs to end.
// Every helper reports a refusal with qWarning (status and body) so a failing suite says why.

#include "HttpClient.h"
#include "TestSupport.h"

#include <QJsonObject>
#include <QStringList>

namespace NeoCloud::Testing {

class LabApiFixture
{
public:
    // Starts the backend with `config` (its labDefinition defaults to the demo lab), waits for
    // the first lab scan unless `config.initialLabScan` is off (quotas are checked against the
    // hardware it finds), listens on loopback and signs the admin in. False, with a warning saying
    // which step failed, when any of it does.
    bool start(BackendConfig config = {}, int scanTimeoutMs = 30000);
    // The same without any lab: only the store and the API.
    bool startWithoutLab(BackendConfig config = {});
    // Closes the admin session, then the backend (otherwise the fixture's destructor does).
    void stop()
    {
        m_http.reset();
        m_backend.reset();
    }

    Backend &backend() { return *m_backend->backend; }
    HttpClient &http() { return *m_http; } // signed in as admin
    quint16 port() const { return m_port; }
    const QString &adminToken() const { return m_adminToken; }

    // A token for `user`, empty when refused.
    QString login(const QString &user, const QString &password) { return m_http->login(user, password); }

    // The quotas most suites give a tenant: a terabyte, no GPUs, ten services.
    static QJsonObject standardQuotas();
    // Creates a tenant and returns its id; empty (and a warning) when refused.
    QString makeTenant(const QString &name, const QJsonObject &quotas = standardQuotas());
    // The same from a whole POST /api/v1/tenants body, for suites that send more than quotas.
    QString makeTenant(const QJsonObject &body);
    // Adds a user to a tenant; false (and a warning) when refused.
    bool addTenantUser(const QString &tenantId, const QString &username, const QString &password,
                       const QString &role);

    // Enables a service and waits until it is no longer enabling: the service as it then is
    // (state "active" or "failed"), or the refusal's body when the API did not answer 202.
    QJsonObject enableService(const QString &tenantId, const QString &kind, const QJsonObject &params);
    // The same for callers that only need it running: whether it became active.
    bool enableActive(const QString &tenantId, const QString &kind, const QJsonObject &params)
    {
        return enableService(tenantId, kind, params).value(QLatin1String("state")) == QLatin1String("active");
    }
    // Polls the object at `path` until its state is none of `passing`; {"state":"gone"} when it
    // answers 404, the last answer when `timeoutMs` runs out.
    QJsonObject settle(const QString &path,
                       const QStringList &passing = {QStringLiteral("enabling"), QStringLiteral("queued"),
                                                     QStringLiteral("running")},
                       int timeoutMs = 30000);

    // Injects a lab fault; the POST's answer (201 with the fault's id when accepted).
    HttpAnswer addFault(const QJsonObject &fault);
    void clearFaults();
    // Removes every tenant (force) and waits for each removal's job.
    void removeAllTenants();

private:
    bool startApi(BackendConfig config, bool waitForScan, int scanTimeoutMs);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<HttpClient> m_http;
    quint16 m_port = 0;
    QString m_adminToken;
};

} // namespace NeoCloud::Testing
