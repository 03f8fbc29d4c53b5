#include "SigV4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <algorithm>

namespace NeoCloud::SigV4 {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

QByteArray canonicalHeaderValue(QByteArray value)
{
    return value.simplified(); // trims and folds runs of spaces, as the canonical form wants
}

QList<QPair<QByteArray, QByteArray>> sortedHeaders(const Request &request)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const auto &[name, value] : request.headers)
        headers.append({name.toLower().trimmed(), canonicalHeaderValue(value)});
    std::stable_sort(headers.begin(), headers.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return headers;
}

} // namespace

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray uriEncode(const QByteArray &value)
{
    return value.toPercentEncoding(); // only A-Z a-z 0-9 - . _ ~ stay, as SigV4 wants
}

QByteArray canonicalQuery(QList<QPair<QByteArray, QByteArray>> query)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    for (const auto &[name, value] : query)
        encoded.append({uriEncode(name), uriEncode(value)});
    std::sort(encoded.begin(), encoded.end());
    QByteArrayList parts;
    for (const auto &[name, value] : encoded)
        parts << name + '=' + value;
    return parts.join('&');
}

QByteArray signedHeaderNames(const Request &request)
{
    QByteArrayList names;
    for (const auto &header : sortedHeaders(request))
        names << header.first;
    return names.join(';');
}

QByteArray canonicalRequest(const Request &request)
{
    QByteArray headers;
    for (const auto &[name, value] : sortedHeaders(request))
        headers += name + ':' + value + '\n';
    return request.method + '\n' + request.path + '\n' + canonicalQuery(request.query) + '\n' + headers + '\n'
        + signedHeaderNames(request) + '\n' + request.payloadSha256Hex;
}

QByteArray stringToSign(const QByteArray &amzDate, const Scope &scope, const QByteArray &canonical)
{
    return "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope.text() + '\n' + sha256Hex(canonical);
}

QByteArray signingKey(const QString &secret, const Scope &scope)
{
    const QByteArray date = hmac("AWS4" + secret.toUtf8(), scope.date);
    const QByteArray region = hmac(date, scope.region);
    const QByteArray service = hmac(region, scope.service);
    return hmac(service, "aws4_request");
}

QByteArray signature(const Credentials &credentials, const QByteArray &amzDate, const Scope &scope,
                     const Request &request)
{
    return hmac(signingKey(credentials.secretAccessKey, scope), stringToSign(amzDate, scope, canonicalRequest(request)))
        .toHex();
}

QByteArray authorization(const Credentials &credentials, const QByteArray &amzDate, const Scope &scope,
                         const Request &request)
{
    return "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId.toUtf8() + '/' + scope.text()
        + ", SignedHeaders=" + signedHeaderNames(request) + ", Signature=" + signature(credentials, amzDate, scope, request);
}

QByteArray amzDate(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

} // namespace NeoCloud::SigV4
