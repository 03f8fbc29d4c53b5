#pragma once
// AWS Signature Version 4 for one request: the canonical request, the string to sign, the
// signature and the Authorization header. Written here (QCryptographicHash and
// QMessageAuthenticationCode) because the S3 probe needs only this much of an AWS SDK; checked
// against AWS's published test-suite values in tests/unit/tst_probe_codecs.cpp.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace NeoCloud::SigV4 {

struct Credentials
{
    QString accessKeyId;
    QString secretAccessKey;
};

struct Request
{
    QByteArray method = "GET";
    QByteArray path = "/"; // already URI-encoded, as sent
    QList<QPair<QByteArray, QByteArray>> query; // decoded names and values
    QList<QPair<QByteArray, QByteArray>> headers; // every header to sign, host and x-amz-date included
    QByteArray payloadSha256Hex; // hex SHA-256 of the body
};

struct Scope
{
    QByteArray date; // 20150830
    QByteArray region; // us-east-1
    QByteArray service; // s3
    QByteArray text() const { return date + '/' + region + '/' + service + "/aws4_request"; }
};

QByteArray sha256Hex(const QByteArray &data);
// RFC 3986 unreserved characters stay, everything else is %XX (upper case), as SigV4 requires.
QByteArray uriEncode(const QByteArray &value);
QByteArray canonicalQuery(QList<QPair<QByteArray, QByteArray>> query);
QByteArray signedHeaderNames(const Request &request); // "host;x-amz-date"
QByteArray canonicalRequest(const Request &request);
QByteArray stringToSign(const QByteArray &amzDate, const Scope &scope, const QByteArray &canonical);
QByteArray signingKey(const QString &secret, const Scope &scope);
QByteArray signature(const Credentials &credentials, const QByteArray &amzDate, const Scope &scope,
                     const Request &request); // hex
QByteArray authorization(const Credentials &credentials, const QByteArray &amzDate, const Scope &scope,
                         const Request &request);
QByteArray amzDate(const QDateTime &utc); // 20150830T123600Z

} // namespace NeoCloud::SigV4
