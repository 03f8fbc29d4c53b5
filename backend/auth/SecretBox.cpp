#include "SecretBox.h"

#include <QFile>

#include <sodium.h>

namespace NeoCloud {

Result<SecretBox> SecretBox::open(const QString &keyFile)
{
    if (sodium_init() < 0)
        return Error::internal(QStringLiteral("libsodium could not be initialised"));
    QFile file(keyFile);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error::unavailable(QStringLiteral("key_unreadable"), QStringLiteral("Cannot read the key file %1.").arg(keyFile));
        const QByteArray key = file.readAll();
        if (key.size() != crypto_secretbox_KEYBYTES)
            return Error::unavailable(QStringLiteral("key_corrupt"),
                                      QStringLiteral("The key file %1 is not a NeoCloud key (%2 bytes).").arg(keyFile).arg(key.size()));
        return SecretBox(key);
    }
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_secretbox_keygen(reinterpret_cast<unsigned char *>(key.data()));
    // Create it private from the first byte: no window where others could read it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) || file.write(key) != key.size())
        return Error::unavailable(QStringLiteral("key_unwritable"), QStringLiteral("Cannot create the key file %1.").arg(keyFile));
    return SecretBox(key);
}

QString SecretBox::seal(const QString &plaintext) const
{
    const QByteArray message = plaintext.toUtf8();
    QByteArray out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + message.size(), Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char *>(message.constData()),
                          static_cast<unsigned long long>(message.size()), nonce,
                          reinterpret_cast<const unsigned char *>(m_key.constData()));
    return QString::fromLatin1(out.toBase64());
}

Result<QString> SecretBox::unseal(const QString &sealed) const
{
    const QByteArray in = QByteArray::fromBase64(sealed.toLatin1());
    if (in.size() < int(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES))
        return Error::unavailable(QStringLiteral("secret_corrupt"), QStringLiteral("A stored secret is damaged."));
    const auto *nonce = reinterpret_cast<const unsigned char *>(in.constData());
    QByteArray out(in.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, Qt::Uninitialized);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(out.data()), nonce + crypto_secretbox_NONCEBYTES,
                                   static_cast<unsigned long long>(in.size() - crypto_secretbox_NONCEBYTES), nonce,
                                   reinterpret_cast<const unsigned char *>(m_key.constData()))
        != 0)
        return Error::unavailable(QStringLiteral("secret_corrupt"),
                                  QStringLiteral("A stored secret does not open with this box's key (was the key file replaced?)."));
    return QString::fromUtf8(out);
}

} // namespace NeoCloud
