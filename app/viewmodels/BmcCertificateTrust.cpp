#include "BmcCertificateTrust.h"

#include "activity/EventLog.h"
#include "discovery/CertificatePin.h"
#include "discovery/PinnedCertificates.h"
#include "domain/Activity.h"
#include "store/BmcTrustRepository.h"

#include <QUrl>

namespace NeoCloud {

BmcCertificateTrust::BmcCertificateTrust(BmcTrustRepository &pins, PinnedCertificates &registry, EventLog &events,
                                         QObject *parent)
    : QObject(parent)
    , m_pins(pins)
    , m_registry(registry)
    , m_events(events)
{
    connect(&registry, &PinnedCertificates::changed, this, &BmcCertificateTrust::pinsChanged);
}

QString BmcCertificateTrust::decide(const QString &url, const QString &sha256)
{
    const auto pinned = m_pins.pinnedCertificate(pinKey(QUrl(url)));
    if (!pinned) {
        setLastError(pinned.error().message);
        return QStringLiteral("refuse");
    }
    setLastError({});
    switch (decideCertificate(*pinned, sha256)) {
    case CertificateDecision::Accept:
        return QStringLiteral("accept");
    case CertificateDecision::Ask:
        return QStringLiteral("ask");
    case CertificateDecision::Refuse:
        break;
    }
    return QStringLiteral("refuse");
}

QString BmcCertificateTrust::pinned(const QString &url)
{
    const auto pinned = m_pins.pinnedCertificate(pinKey(QUrl(url)));
    if (!pinned) {
        setLastError(pinned.error().message);
        return {};
    }
    return pinned->value_or(QString());
}

bool BmcCertificateTrust::pin(const QString &url, const QString &sha256)
{
    const QString key = pinKey(QUrl(url));
    const QString fingerprint = normalizedSha256(sha256);
    if (fingerprint.isEmpty()) {
        setLastError(tr("'%1' is not a SHA-256 fingerprint.").arg(sha256));
        return false;
    }
    const auto existing = m_pins.pinnedCertificate(key);
    if (!existing || *existing) {
        setLastError(existing ? tr("%1 has a pinned certificate already.").arg(key) : existing.error().message);
        return false;
    }
    if (Status s = m_registry.pin(key, fingerprint); !s) {
        setLastError(s.error().message);
        return false;
    }
    m_events.record(Severity::Info, QStringLiteral("console"),
                    tr("Pinned the certificate of %1 (SHA-256 %2) after an operator trusted it in a console web view.")
                        .arg(key, fingerprint));
    setLastError({});
    return true;
}

QString BmcCertificateTrust::pinnedDisplay(const QString &url)
{
    const QString sha256 = pinned(url);
    return sha256.isEmpty() ? QString() : displayedSha256(sha256);
}

QString BmcCertificateTrust::pinAddress(const QString &url) const
{
    return pinKey(QUrl(url));
}

bool BmcCertificateTrust::forget(const QString &url)
{
    // The console acts for whoever runs it, as its other changes do.
    const auto forgotten = m_registry.forget(pinKey(QUrl(url)), QStringLiteral("console"));
    setLastError(forgotten ? QString() : forgotten.error().message);
    return bool(forgotten);
}

void BmcCertificateTrust::setLastError(const QString &message)
{
    if (message == m_lastError)
        return;
    m_lastError = message;
    Q_EMIT lastErrorChanged();
}

} // namespace NeoCloud
