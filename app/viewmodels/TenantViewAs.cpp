#include "TenantViewAs.h"

#include "Backend.h"
#include "auth/AuthService.h"
#include "tenancy/TenantService.h"

#include <QDateTime>

namespace NeoCloud {

TenantViewAs::TenantViewAs(const Backend &backend, AuthService &auth, const TenantService &tenants, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_auth(auth)
    , m_tenants(tenants)
{
}

TenantViewAs::~TenantViewAs()
{
    const QStringList open = m_live.keys();
    for (const QString &session : open)
        end(session);
}

bool TenantViewAs::open(const QString &tenantId)
{
    const QUrl api = m_backend.apiUrl();
    if (api.isEmpty())
        return fail(tr("The API is not listening, so there is no web console to open."));
    const Result<Tenant> tenant = m_tenants.get(tenantId);
    if (!tenant)
        return fail(tenant.error().message);
    const Result<User> console = m_auth.operatorAccount(operatorUsername);
    if (!console)
        return fail(console.error().message);
    const Result<LoginSession> session = m_auth.viewAsTenant(*console, tenant->id);
    if (!session)
        return fail(session.error().message);

    m_url = api;
    m_url.setPath(QStringLiteral("/")); // the tenant portal's home, as the tenant's users land on it
    // A fragment never reaches the server or its logs; the page drops it once it has the token.
    m_url.setFragment(QStringLiteral("viewToken=") + session->token);
    m_tenantId = tenant->id;
    m_tenantName = tenant->displayName.isEmpty() ? tenant->name : tenant->displayName;
    m_expiresAt = session->expiresAt;
    m_certificateSha256 = m_backend.apiCertificateSha256();
    m_session = QStringLiteral("view-%1").arg(++m_sessionsOpened);
    m_live.insert(m_session, Live{session->token, tenant->id});
    m_lastError.clear();
    Q_EMIT changed();
    return true;
}

bool TenantViewAs::end(const QString &session)
{
    const auto live = m_live.constFind(session);
    if (live == m_live.cend())
        return false;
    const Live ending = *live;
    m_live.erase(live);
    const Result<User> console = m_auth.operatorAccount(operatorUsername);
    if (!console)
        return false;
    // An already expired token fails to revoke, and is as good as ended: it signs no one in.
    m_auth.endViewAs(ending.token, *console, ending.tenantId);
    return true;
}

QString TenantViewAs::expiresClock() const
{
    const QDateTime at = QDateTime::fromString(m_expiresAt, Qt::ISODate);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

QString TenantViewAs::banner() const
{
    if (m_tenantName.isEmpty())
        return {};
    return tr("Viewing as %1 \u2014 read-only, expires %2").arg(m_tenantName, expiresClock());
}

bool TenantViewAs::fail(const QString &message)
{
    m_url.clear();
    m_tenantId.clear();
    m_tenantName.clear();
    m_expiresAt.clear();
    m_certificateSha256.clear();
    m_session.clear();
    m_lastError = message;
    Q_EMIT changed();
    return false;
}

} // namespace NeoCloud
