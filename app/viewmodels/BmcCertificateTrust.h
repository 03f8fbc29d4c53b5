#pragma once
// The console's side of trust on first use for BMC web pages: the same pins discovery keeps, so
// a certificate a scan pinned is the one the BMC's web interface must present, and one a person
// trusts here is the one the next scan expects.

#include <QObject>
#include <QtQmlIntegration>

namespace NeoCloud {

class BmcTrustRepository;
class EventLog;
class PinnedCertificates;

class BmcCertificateTrust : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("BmcCertificateTrust is provided by ConsoleContext.")

    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    BmcCertificateTrust(BmcTrustRepository &pins, PinnedCertificates &registry, EventLog &events, QObject *parent = nullptr);

    // "accept", "ask" or "refuse" for the certificate `sha256` (hex, colons optional) presented by
    // the server of `url`; "refuse" too when the pin cannot be read.
    Q_INVOKABLE QString decide(const QString &url, const QString &sha256);
    // The fingerprint pinned for `url`'s host:port, or "" when none is.
    Q_INVOKABLE QString pinned(const QString &url);
    // Pins `sha256` for `url`'s host:port after a person trusted it; false (with lastError) when
    // a pin exists already (a different certificate is refused, never re-pinned from here).
    Q_INVOKABLE bool pin(const QString &url, const QString &sha256);
    // The pin of `url`'s host:port as people compare it ("AB:CD:…"), or "" when none is.
    Q_INVOKABLE QString pinnedDisplay(const QString &url);
    // `url`'s host:port, the address the pin belongs to.
    Q_INVOKABLE QString pinAddress(const QString &url) const;
    // Forgets the pin of `url`'s host:port (its certificate was replaced on purpose), audited and
    // recorded as the REST route does; false with lastError when nothing is pinned there.
    Q_INVOKABLE bool forget(const QString &url);

    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void lastErrorChanged();
    // A pin was added or removed here, or removed through the API (not pinned by a scan).
    void pinsChanged();

private:
    void setLastError(const QString &message);

    BmcTrustRepository &m_pins;
    PinnedCertificates &m_registry;
    EventLog &m_events;
    QString m_lastError;
};

} // namespace NeoCloud
