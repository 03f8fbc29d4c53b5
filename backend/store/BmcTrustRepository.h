#pragma once
// What the console remembers about each BMC between scans: its credentials (sealed by a
// SecretBox, never returned by the API) and the certificate it presented first (TLS pinning).

#include "auth/SecretBox.h"
#include "core/Result.h"

#include <QList>

#include <optional>

namespace NeoCloud {

class Database;

struct PinnedCertificate
{
    QString host;     // host:port, as pinKey() makes it
    QString sha256;   // lowercase hex
    QString pinnedAt; // ISO 8601, UTC
};

struct BmcCredentials
{
    QString username;
    QString password;
};

class BmcTrustRepository
{
public:
    BmcTrustRepository(Database &database, SecretBox box) : m_db(database), m_box(std::move(box)) { }

    Status saveCredentials(const QString &url, const BmcCredentials &credentials);
    Result<std::optional<BmcCredentials>> credentials(const QString &url) const;

    // The pinned SHA-256 of host:port's certificate, if any.
    Result<std::optional<QString>> pinnedCertificate(const QString &hostPort) const;
    Status pinCertificate(const QString &hostPort, const QString &sha256);
    // Every pin by host, or only `host`'s when given.
    Result<QList<PinnedCertificate>> pinnedCertificates(const QString &host = {}) const;
    // Removes host:port's pin, so the next certificate it presents is pinned anew. NotFound when
    // there is none.
    Result<PinnedCertificate> forgetCertificate(const QString &hostPort);

private:
    Database &m_db;
    SecretBox m_box;
};

} // namespace NeoCloud
