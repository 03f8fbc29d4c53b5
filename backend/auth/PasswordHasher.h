#pragma once
// Argon2id password hashes (libsodium's encoded form, parameters included) and token hashing.

#include <QByteArray>
#include <QString>

namespace NeoCloud {

class PasswordHasher
{
public:
    // Cost parameters: libsodium's "interactive" limits (64 MiB, 2 passes), about 0.1 s here.
    static QString hash(const QString &password);
    static bool verify(const QString &password, const QString &encodedHash);

    // A random secret of `bytes` bytes, URL-safe base64 without padding.
    static QString randomSecret(int bytes = 32);
    // Tokens are high-entropy random values: a fast SHA-256 is enough to store them safely.
    static QString tokenHash(const QString &token);
};

} // namespace NeoCloud
