#pragma once
// The certificate the API serves TLS with: one the operator provides, or one made on first start
// and kept beside the data so its fingerprint stays the same across restarts (users pin it the
// way discovery pins BMCs, trust on first use). Qt cannot make certificates, so the first start
// asks the openssl tool for a self-signed P-256 one.

#include "core/Result.h"

#include <QSslConfiguration>
#include <QStringList>

namespace NeoCloud {

struct TlsIdentity
{
    QSslConfiguration configuration; // server side: certificate, key, TLS 1.2 or newer
    QString certificatePath;
    QString fingerprint; // SHA-256 of the certificate (DER), colon-separated hex
    bool generated = false; // made by this start
};

// Reads a PEM certificate (chain) and its PEM private key (RSA or EC).
Result<TlsIdentity> loadTlsIdentity(const QString &certificatePath, const QString &keyPath);

// Loads `dir`/server.crt and server.key, making them first when absent, for the given names
// (DNS names and IP addresses, for subjectAltName). The key file is readable by its owner only.
Result<TlsIdentity> ensureTlsIdentity(const QString &dir, const QStringList &names);

QString sha256Fingerprint(const QSslCertificate &certificate);

} // namespace NeoCloud
