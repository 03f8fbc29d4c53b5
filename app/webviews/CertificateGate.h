#pragma once
// Decides a web view's certificate errors explicitly instead of letting anyone click through:
// either the one certificate expected (the console's own API) or trust on first use against
// discovery's BMC pins (accept a match, ask about an unpinned one, refuse a different one).

#include "BmcCertificateTrust.h" // complete: moc needs a QObject-pointer property's type

#include <QObject>
#include <QWebEngineCertificateError>
#include <QtQmlIntegration>

#include <optional>

namespace NeoCloud {

class CertificateGate : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    // Set: only the certificate with this SHA-256 is accepted, nothing is asked.
    Q_PROPERTY(QString expectedSha256 READ expectedSha256 WRITE setExpectedSha256 NOTIFY changed)
    // Used when no certificate is expected: the pins discovery keeps.
    Q_PROPERTY(NeoCloud::BmcCertificateTrust *trust READ trust WRITE setTrust NOTIFY changed)
    // "" (no certificate error yet), "accepted", "asking" (waiting for trustPresented() or
    // refusePresented()) or "refused".
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString host READ host NOTIFY changed)                       // host:port
    Q_PROPERTY(QString presentedSha256 READ presentedSha256 NOTIFY changed) // "AB:CD:…"
    Q_PROPERTY(QString pinnedSha256 READ pinnedSha256 NOTIFY changed)       // "AB:CD:…" or ""
    Q_PROPERTY(QString message READ message NOTIFY changed)

public:
    explicit CertificateGate(QObject *parent = nullptr);
    ~CertificateGate() override; // refuses a question left unanswered

    // Called from WebEngineView.onCertificateError with its error; answers it at once or defers
    // it while a person is asked.
    Q_INVOKABLE void review(const QWebEngineCertificateError &error);
    // The person's answer to "asking": trust pins the certificate (as discovery would) and lets
    // the page load; refuse stops it.
    Q_INVOKABLE void trustPresented();
    Q_INVOKABLE void refusePresented();

    QString expectedSha256() const { return m_expectedSha256; }
    void setExpectedSha256(const QString &sha256);
    BmcCertificateTrust *trust() const { return m_trust; }
    void setTrust(BmcCertificateTrust *trust);
    QString state() const { return m_state; }
    QString host() const { return m_host; }
    QString presentedSha256() const;
    QString pinnedSha256() const;
    QString message() const { return m_message; }

Q_SIGNALS:
    void changed();

private:
    void settle(QWebEngineCertificateError &error, const QString &state, const QString &message);

    QString m_expectedSha256;
    BmcCertificateTrust *m_trust = nullptr;
    QString m_state;
    QString m_url;
    QString m_host;
    QString m_presented;
    QString m_pinned;
    QString m_message;
    std::optional<QWebEngineCertificateError> m_pending;
};

} // namespace NeoCloud
