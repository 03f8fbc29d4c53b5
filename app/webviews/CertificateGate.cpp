#include "CertificateGate.h"

#include "BmcCertificateTrust.h"
#include "discovery/CertificatePin.h"

#include <QCryptographicHash>
#include <QSslCertificate>

namespace NeoCloud {

CertificateGate::CertificateGate(QObject *parent) : QObject(parent) { }

CertificateGate::~CertificateGate()
{
    if (m_pending)
        m_pending->rejectCertificate();
}

void CertificateGate::review(const QWebEngineCertificateError &error)
{
    QWebEngineCertificateError answer = error;
    if (m_pending) // a new error replaces a question nobody answered: the old page is gone
        m_pending->rejectCertificate();
    m_pending.reset();
    const QList<QSslCertificate> chain = error.certificateChain();
    m_url = error.url().toString();
    m_host = pinKey(error.url());
    m_presented = chain.isEmpty() ? QString()
                                  : QString::fromLatin1(chain.constFirst().digest(QCryptographicHash::Sha256).toHex());

    if (!error.isOverridable()) {
        m_pinned.clear();
        settle(answer, QStringLiteral("refused"),
               tr("%1 presented a certificate that cannot be accepted: %2").arg(m_host, error.description()));
        return;
    }
    if (!m_expectedSha256.isEmpty()) {
        m_pinned = m_expectedSha256;
        if (decideCertificate(m_expectedSha256, m_presented) == CertificateDecision::Accept)
            settle(answer, QStringLiteral("accepted"), {});
        else
            settle(answer, QStringLiteral("refused"),
                   tr("%1 presented a certificate other than the console's own (expected SHA-256 %2, presented %3); "
                      "the page was not loaded.")
                       .arg(m_host, displayedSha256(m_expectedSha256), displayedSha256(m_presented)));
        return;
    }
    if (!m_trust) {
        m_pinned.clear();
        settle(answer, QStringLiteral("refused"), tr("No trust store to judge the certificate of %1 by.").arg(m_host));
        return;
    }
    m_pinned = m_trust->pinned(m_url);
    const QString decision = m_trust->decide(m_url, m_presented);
    if (decision == QLatin1String("accept")) {
        settle(answer, QStringLiteral("accepted"), {});
    } else if (decision == QLatin1String("ask")) {
        answer.defer();
        m_pending = answer;
        m_state = QStringLiteral("asking");
        m_message = tr("%1 presented a certificate nobody has trusted yet. Compare its SHA-256 with the one its "
                       "administrator gives you (a BMC shows it on its own console) before trusting it.")
                        .arg(m_host);
        Q_EMIT changed();
    } else {
        settle(answer, QStringLiteral("refused"),
               m_pinned.isEmpty()
                   ? tr("The certificate of %1 could not be checked: %2").arg(m_host, m_trust->lastError())
                   : tr("The certificate of %1 is not the pinned one (pinned SHA-256 %2, presented %3); the page was "
                        "not loaded. If the BMC's certificate was replaced on purpose, remove the pin.")
                         .arg(m_host, displayedSha256(m_pinned), displayedSha256(m_presented)));
    }
}

void CertificateGate::trustPresented()
{
    if (!m_pending || !m_trust)
        return;
    QWebEngineCertificateError answer = *m_pending;
    m_pending.reset();
    if (!m_trust->pin(m_url, m_presented)) {
        settle(answer, QStringLiteral("refused"), tr("Could not pin the certificate: %1").arg(m_trust->lastError()));
        return;
    }
    m_pinned = m_presented;
    settle(answer, QStringLiteral("accepted"), {});
}

void CertificateGate::refusePresented()
{
    if (!m_pending)
        return;
    QWebEngineCertificateError answer = *m_pending;
    m_pending.reset();
    settle(answer, QStringLiteral("refused"), tr("You refused the certificate of %1; the page was not loaded.").arg(m_host));
}

void CertificateGate::settle(QWebEngineCertificateError &error, const QString &state, const QString &message)
{
    if (state == QLatin1String("accepted"))
        error.acceptCertificate();
    else
        error.rejectCertificate();
    m_state = state;
    m_message = message;
    Q_EMIT changed();
}

void CertificateGate::setExpectedSha256(const QString &sha256)
{
    if (sha256 == m_expectedSha256)
        return;
    m_expectedSha256 = sha256;
    Q_EMIT changed();
}

void CertificateGate::setTrust(BmcCertificateTrust *trust)
{
    if (trust == m_trust)
        return;
    m_trust = trust;
    Q_EMIT changed();
}

QString CertificateGate::presentedSha256() const { return displayedSha256(m_presented); }
QString CertificateGate::pinnedSha256() const { return m_pinned.isEmpty() ? QString() : displayedSha256(m_pinned); }

} // namespace NeoCloud
