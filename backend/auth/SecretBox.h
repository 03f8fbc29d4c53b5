#pragma once
// Encrypts secrets the console must keep (BMC passwords) with a key that lives beside the
// database, readable only by its owner: a stolen database file alone reveals no password.
// libsodium's secretbox (XSalsa20-Poly1305): tampering is detected, not just hidden.

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace NeoCloud {

class SecretBox
{
public:
    // Reads the key file, creating it (mode 0600) when missing.
    static Result<SecretBox> open(const QString &keyFile);

    QString seal(const QString &plaintext) const;                   // base64(nonce | ciphertext)
    Result<QString> unseal(const QString &sealed) const;

private:
    explicit SecretBox(QByteArray key) : m_key(std::move(key)) { }
    QByteArray m_key;
};

} // namespace NeoCloud
