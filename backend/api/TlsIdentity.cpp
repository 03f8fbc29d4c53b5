#include "TlsIdentity.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSslKey>

namespace NeoCloud {
namespace {

Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("tls_file_unreadable"),
                               QStringLiteral("Cannot read the TLS %1 %2: %3.").arg(what, path, file.errorString()));
    return file.readAll();
}

} // namespace

QString sha256Fingerprint(const QSslCertificate &certificate)
{
    const QByteArray hex = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs << QString::fromLatin1(hex.mid(i, 2));
    return pairs.join(QLatin1Char(':'));
}

Result<TlsIdentity> loadTlsIdentity(const QString &certificatePath, const QString &keyPath)
{
    const Result<QByteArray> certPem = readFile(certificatePath, QStringLiteral("certificate"));
    if (!certPem)
        return certPem.error();
    const Result<QByteArray> keyPem = readFile(keyPath, QStringLiteral("key"));
    if (!keyPem)
        return keyPem.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        return Error::badInput(QStringLiteral("tls_certificate_invalid"),
                               QStringLiteral("%1 holds no PEM certificate.").arg(certificatePath));
    QSslKey key(*keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        return Error::badInput(QStringLiteral("tls_key_invalid"),
                               QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key.").arg(keyPath));
    if (chain.constFirst().expiryDate() < QDateTime::currentDateTimeUtc())
        return Error::badInput(QStringLiteral("tls_certificate_expired"),
                               QStringLiteral("The certificate in %1 expired on %2.")
                                   .arg(certificatePath, chain.constFirst().expiryDate().toString(Qt::ISODate)));

    TlsIdentity identity;
    identity.configuration = QSslConfiguration::defaultConfiguration();
    identity.configuration.setLocalCertificateChain(chain);
    identity.configuration.setPrivateKey(key);
    identity.configuration.setProtocol(QSsl::TlsV1_2OrLater);
    identity.configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    identity.certificatePath = certificatePath;
    identity.fingerprint = sha256Fingerprint(chain.constFirst());
    return identity;
}

Result<TlsIdentity> ensureTlsIdentity(const QString &dir, const QStringList &names)
{
    const QString certPath = QDir(dir).filePath(QStringLiteral("server.crt"));
    const QString keyPath = QDir(dir).filePath(QStringLiteral("server.key"));
    bool generated = false;
    if (!QFile::exists(certPath) || !QFile::exists(keyPath)) {
        if (!QDir().mkpath(dir))
            return Error::unavailable(QStringLiteral("tls_generate_failed"),
                                      QStringLiteral("Cannot create %1 for the generated certificate.").arg(dir));
        QStringList san;
        for (const QString &name : names) {
            const QHostAddress address(name);
            san << (address.isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + name;
        }
        // The key is written to a temporary name and renamed last, so a start killed half-way
        // leaves no certificate without its key.
        const QString keyTmp = keyPath + QStringLiteral(".new");
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("825"), QStringLiteral("-subj"),
                       QStringLiteral("/O=NeoCloud Box/CN=") + (names.isEmpty() ? QStringLiteral("localhost") : names.constFirst()),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + san.join(QLatin1Char(',')),
                       QStringLiteral("-keyout"), keyTmp, QStringLiteral("-out"), certPath});
        if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
            QFile::remove(keyTmp);
            QFile::remove(certPath);
            const QString said = openssl.error() == QProcess::FailedToStart
                ? QStringLiteral("the openssl tool is not installed")
                : QString::fromLocal8Bit(openssl.readAllStandardError()).trimmed();
            return Error::unavailable(QStringLiteral("tls_generate_failed"),
                                      QStringLiteral("Cannot make a TLS certificate in %1: %2. Give one with "
                                                     "--tls-cert and --tls-key.").arg(dir, said));
        }
        QFile::setPermissions(keyTmp, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QFile::remove(keyPath);
        if (!QFile::rename(keyTmp, keyPath))
            return Error::unavailable(QStringLiteral("tls_generate_failed"),
                                      QStringLiteral("Cannot move the new TLS key to %1.").arg(keyPath));
        generated = true;
    }
    Result<TlsIdentity> loaded = loadTlsIdentity(certPath, keyPath);
    if (!loaded)
        return loaded.error();
    TlsIdentity identity = *loaded;
    identity.generated = generated;
    return identity;
}

} // namespace NeoCloud
