#include "PasswordHasher.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace NeoCloud {
namespace {

void ensureSodium()
{
    // Thread-safe and idempotent per libsodium's documentation.
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
}

} // namespace

QString PasswordHasher::hash(const QString &password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        qFatal("out of memory while hashing a password");
    }
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &password, const QString &encodedHash)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    const QByteArray stored = encodedHash.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size()))
        == 0;
}

QString PasswordHasher::randomSecret(int bytes)
{
    ensureSodium();
    QByteArray buffer(bytes, Qt::Uninitialized);
    randombytes_buf(buffer.data(), static_cast<size_t>(buffer.size()));
    return QString::fromLatin1(
        buffer.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString PasswordHasher::tokenHash(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace NeoCloud
