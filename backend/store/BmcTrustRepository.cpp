#include "BmcTrustRepository.h"

#include "Database.h"
#include "core/Time.h"

#include <QSqlQuery>

namespace NeoCloud {

Status BmcTrustRepository::saveCredentials(const QString &url, const BmcCredentials &c)
{
    QSqlQuery q(m_db.connection());
    // Portable upsert: SQLite 3.24+ and PostgreSQL 9.5+ both take ON CONFLICT.
    q.prepare(QStringLiteral("INSERT INTO bmc_credentials (url, username, secret, updated_at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (url) DO UPDATE SET username = excluded.username, "
                             "secret = excluded.secret, updated_at = excluded.updated_at"));
    q.addBindValue(text(url));
    q.addBindValue(text(c.username));
    q.addBindValue(m_box.seal(c.password));
    q.addBindValue(nowIso());
    return exec(q, QStringLiteral("store BMC credentials"));
}

Result<std::optional<BmcCredentials>> BmcTrustRepository::credentials(const QString &url) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT username, secret FROM bmc_credentials WHERE url = ?"));
    q.addBindValue(text(url));
    if (Status s = exec(q, QStringLiteral("read BMC credentials")); !s)
        return s.error();
    if (!q.next())
        return std::optional<BmcCredentials>();
    const Result<QString> password = m_box.unseal(q.value(1).toString());
    if (!password)
        return password.error();
    return std::optional<BmcCredentials>(BmcCredentials{q.value(0).toString(), *password});
}

Result<std::optional<QString>> BmcTrustRepository::pinnedCertificate(const QString &hostPort) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT sha256 FROM bmc_certificates WHERE host = ?"));
    q.addBindValue(text(hostPort));
    if (Status s = exec(q, QStringLiteral("read a pinned certificate")); !s)
        return s.error();
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

Status BmcTrustRepository::pinCertificate(const QString &hostPort, const QString &sha256)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO bmc_certificates (host, sha256, pinned_at) VALUES (?, ?, ?)"));
    q.addBindValue(text(hostPort));
    q.addBindValue(text(sha256));
    q.addBindValue(nowIso());
    return exec(q, QStringLiteral("pin a certificate"));
}

Result<QList<PinnedCertificate>> BmcTrustRepository::pinnedCertificates(const QString &host) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT host, sha256, pinned_at FROM bmc_certificates WHERE (? = '' OR host = ?) ORDER BY host"));
    q.addBindValue(text(host));
    q.addBindValue(text(host));
    if (Status s = exec(q, QStringLiteral("list pinned certificates")); !s)
        return s.error();
    QList<PinnedCertificate> pins;
    while (q.next())
        pins.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return pins;
}

Result<PinnedCertificate> BmcTrustRepository::forgetCertificate(const QString &hostPort)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT host, sha256, pinned_at FROM bmc_certificates WHERE host = ?"));
    q.addBindValue(text(hostPort));
    if (Status s = exec(q, QStringLiteral("read a pinned certificate")); !s)
        return s.error();
    if (!q.next())
        return Error{ErrorKind::NotFound, QStringLiteral("not_found"),
                     QStringLiteral("No certificate is pinned for '%1'.").arg(hostPort), {}};
    const PinnedCertificate pin{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
    QSqlQuery del(m_db.connection());
    del.prepare(QStringLiteral("DELETE FROM bmc_certificates WHERE host = ?"));
    del.addBindValue(text(hostPort));
    if (Status s = exec(del, QStringLiteral("remove a pinned certificate")); !s)
        return s.error();
    return pin;
}

} // namespace NeoCloud
