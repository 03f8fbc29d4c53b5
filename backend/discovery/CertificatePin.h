#pragma once
// Trust on first use, one rule for discovery and the console's web views: a BMC's certificate is
// judged by its SHA-256 against the one pinned for that host:port.

#include <QString>
#include <QUrl>

#include <optional>

namespace NeoCloud {

enum class CertificateDecision {
    Accept, // the presented certificate is the pinned one
    Ask,    // nothing pinned yet: the first use decides (discovery pins, a person is asked)
    Refuse, // a different certificate than the pinned one, or none to judge
};

// Lowercase hex without separators, so "AB:CD:…" (openssl, the API's TLS log) and "abcd…"
// (discovery's pins) compare equal; empty when the text is not a SHA-256 in either form.
QString normalizedSha256(const QString &fingerprint);

// "AB:CD:…" for people to compare with what openssl or a BMC's own page shows; the text as
// given when it is not a SHA-256.
QString displayedSha256(const QString &fingerprint);

CertificateDecision decideCertificate(const std::optional<QString> &pinned, const QString &presented);

// The key pins are stored under: "host:port", the port defaulting to 443.
QString pinKey(const QUrl &url);

} // namespace NeoCloud
