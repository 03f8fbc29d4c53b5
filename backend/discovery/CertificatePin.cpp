#include "CertificatePin.h"

#include <QRegularExpression>
#include <QStringList>

namespace NeoCloud {

QString normalizedSha256(const QString &fingerprint)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    QString compact = fingerprint.trimmed().toLower();
    compact.remove(QLatin1Char(':'));
    return hex.match(compact).hasMatch() ? compact : QString();
}

QString displayedSha256(const QString &fingerprint)
{
    const QString compact = normalizedSha256(fingerprint);
    if (compact.isEmpty())
        return fingerprint;
    QStringList pairs;
    for (qsizetype i = 0; i < compact.size(); i += 2)
        pairs << compact.mid(i, 2).toUpper();
    return pairs.join(QLatin1Char(':'));
}

CertificateDecision decideCertificate(const std::optional<QString> &pinned, const QString &presented)
{
    const QString seen = normalizedSha256(presented);
    if (seen.isEmpty())
        return CertificateDecision::Refuse;
    if (!pinned)
        return CertificateDecision::Ask;
    // A pin that does not parse matches nothing: refusing is the safe reading of a damaged store.
    return normalizedSha256(*pinned) == seen ? CertificateDecision::Accept : CertificateDecision::Refuse;
}

QString pinKey(const QUrl &url)
{
    return QStringLiteral("%1:%2").arg(url.host()).arg(url.port(443));
}

} // namespace NeoCloud
