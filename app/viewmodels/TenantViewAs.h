#pragma once
// "View as tenant": a short-lived, read-only tenant-viewer token for one tenant and the address of
// this process's web console that signs in with it, for the console's web view to open.

#include <QHash>
#include <QObject>
#include <QUrl>
#include <QtQmlIntegration>

namespace NeoCloud {

class AuthService;
class Backend;
class TenantService;

class TenantViewAs : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TenantViewAs is provided by ConsoleContext.")

    // The web console's home (the tenant portal for this token), carrying it in its fragment (#viewToken=…),
    // which the page adopts and then removes from the address and history.
    Q_PROPERTY(QUrl url READ url NOTIFY changed)
    Q_PROPERTY(QString tenantId READ tenantId NOTIFY changed)
    Q_PROPERTY(QString tenantName READ tenantName NOTIFY changed)
    Q_PROPERTY(QString expiresAt READ expiresAt NOTIFY changed)       // ISO 8601, UTC
    Q_PROPERTY(QString expiresClock READ expiresClock NOTIFY changed) // "HH:MM", local time
    // "Viewing as <tenant> — read-only, expires HH:MM", for the web view's banner.
    Q_PROPERTY(QString banner READ banner NOTIFY changed)
    // The API's own certificate (lowercase hex SHA-256) when it serves HTTPS: the web view trusts
    // exactly this one. Empty for plain HTTP.
    Q_PROPERTY(QString certificateSha256 READ certificateSha256 NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    // The handle of the token `open` minted last, for `end` when its window closes.
    Q_PROPERTY(QString session READ session NOTIFY changed)

public:
    // The console acts for this operator account (created on a new store): view-as tokens must
    // belong to a real user, and the audit log names it.
    static inline const QString operatorUsername = QStringLiteral("admin");

    // Reads the API's address from `backend` when a view is opened: it is known only once the
    // API listens.
    TenantViewAs(const Backend &backend, AuthService &auth, const TenantService &tenants, QObject *parent = nullptr);
    // Quitting the console ends the tokens of windows still open: none outlives the console.
    ~TenantViewAs() override;

    // Mints a token for `tenantId` and fills the properties; false with lastError when the tenant
    // is unknown, the API is not listening or the token is refused.
    Q_INVOKABLE bool open(const QString &tenantId);
    // Revokes the token `open` minted under `session` (its window was closed), so the address
    // cannot be reused for the rest of its 15 minutes. False for an unknown or ended session.
    Q_INVOKABLE bool end(const QString &session);

    QUrl url() const { return m_url; }
    QString tenantId() const { return m_tenantId; }
    QString tenantName() const { return m_tenantName; }
    QString expiresAt() const { return m_expiresAt; }
    QString expiresClock() const;
    QString banner() const;
    QString certificateSha256() const { return m_certificateSha256; }
    QString lastError() const { return m_lastError; }
    QString session() const { return m_session; }
    int liveSessions() const { return int(m_live.size()); }

Q_SIGNALS:
    void changed();

private:
    bool fail(const QString &message);

    const Backend &m_backend;
    AuthService &m_auth;
    const TenantService &m_tenants;
    QUrl m_url;
    QString m_tenantId;
    QString m_tenantName;
    QString m_expiresAt;
    QString m_certificateSha256;
    QString m_lastError;
    QString m_session;
    struct Live
    {
        QString token;
        QString tenantId;
    };
    QHash<QString, Live> m_live; // session handle -> its token, until ended
    quint64 m_sessionsOpened = 0;
};

} // namespace NeoCloud
