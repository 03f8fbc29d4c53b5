#include "HttpProbes.h"

#include "StreamProbes.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QXmlStreamReader>

namespace NeoCloud {

namespace {

struct HttpOutcome
{
    bool connected = false;
    bool timedOut = false;
    QString socketError;
    int status = 0;
    QByteArray body;
    qint64 elapsedMs = 0;
};

// Sends one request with a deadline and reports its status and body, or why there is none.
void exchange(QNetworkAccessManager &network, const QByteArray &method, QNetworkRequest request, int timeoutMs,
              std::function<void(HttpOutcome)> done)
{
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QNetworkReply *reply = network.sendCustomRequest(request, method);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, clock, done] {
        reply->deleteLater();
        HttpOutcome o;
        o.elapsedMs = clock->elapsed();
        o.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        o.body = reply->readAll();
        o.connected = o.status != 0;
        if (!o.connected) {
            switch (reply->error()) {
            case QNetworkReply::OperationCanceledError:
            case QNetworkReply::TimeoutError: o.timedOut = true; break;
            case QNetworkReply::ConnectionRefusedError: o.socketError = QStringLiteral("connection refused"); break;
            case QNetworkReply::RemoteHostClosedError: o.socketError = QStringLiteral("closed the connection without an answer"); break;
            default: o.socketError = reply->errorString();
            }
        }
        done(o);
    });
}

QUrl urlOf(const ProbeTarget &t, const QString &path)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(t.host);
    url.setPort(t.port);
    url.setPath(path.isEmpty() ? QStringLiteral("/") : path);
    return url;
}

} // namespace

QString s3ErrorCode(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("Error"))
            continue; // descend
        if (xml.name() == QLatin1String("Code"))
            return xml.readElementText().trimmed();
        xml.skipCurrentElement();
    }
    return {};
}

void S3Probe::run(const ProbeTarget &target, int timeoutMs, Done done)
{
    // ListObjectsV2 for at most one key: needs the right to read the bucket, moves no data.
    const QByteArray path = '/' + SigV4::uriEncode(target.bucket.toUtf8());
    const QList<QPair<QByteArray, QByteArray>> query {{"list-type", "2"}, {"max-keys", "1"}};
    QUrl url = urlOf(target, QString::fromUtf8(path));
    url.setQuery(QString::fromLatin1(SigV4::canonicalQuery(query)));
    QNetworkRequest request(url);
    const QByteArray hostHeader = target.host.toUtf8() + (target.port == 80 ? QByteArray() : ':' + QByteArray::number(target.port));
    if (target.s3Key) {
        const QByteArray date = SigV4::amzDate(QDateTime::currentDateTimeUtc());
        const QByteArray payload = SigV4::sha256Hex({});
        SigV4::Request signedRequest {"GET", path, query, {{"host", hostHeader}, {"x-amz-content-sha256", payload}, {"x-amz-date", date}}, payload};
        const SigV4::Scope scope {date.left(8), target.region.toUtf8(), "s3"};
        request.setRawHeader("Host", hostHeader);
        request.setRawHeader("x-amz-content-sha256", payload);
        request.setRawHeader("x-amz-date", date);
        request.setRawHeader("Authorization", SigV4::authorization(*target.s3Key, date, scope, signedRequest));
    }
    const QString keyId = target.s3Key ? target.s3Key->accessKeyId : QString();
    exchange(m_network, "GET", request, timeoutMs, [target, timeoutMs, keyId, done](const HttpOutcome &o) {
        QString problem;
        QString tenantProblem;
        if (o.connected && o.status != 200) {
            const QString code = s3ErrorCode(o.body);
            const QString what = code.isEmpty() ? QStringLiteral("HTTP %1").arg(o.status) : code;
            if (o.status == 403 || code == QLatin1String("InvalidAccessKeyId") || code == QLatin1String("SignatureDoesNotMatch")) {
                problem = QStringLiteral("refused the tenant's key %1: %2").arg(keyId, what);
                tenantProblem = QStringLiteral("refused your access key: %1").arg(what);
            } else if (code == QLatin1String("NoSuchBucket")) {
                problem = QStringLiteral("has no bucket %1 (NoSuchBucket)").arg(target.bucket);
                tenantProblem = QStringLiteral("does not find your bucket %1 (NoSuchBucket)").arg(target.bucket);
            } else {
                problem = QStringLiteral("answered listing bucket %1 with %2").arg(target.bucket, what);
            }
        }
        done(probeResult(target, o.connected, o.timedOut, o.socketError, problem, tenantProblem, o.elapsedMs, timeoutMs));
    });
}

void HttpProbe::run(const ProbeTarget &target, int timeoutMs, Done done)
{
    exchange(m_network, "GET", QNetworkRequest(urlOf(target, target.path)), timeoutMs, [target, timeoutMs, done](const HttpOutcome &o) {
        const QString problem = o.connected && o.status >= 500 ? QStringLiteral("answered HTTP %1").arg(o.status) : QString();
        done(probeResult(target, o.connected, o.timedOut, o.socketError, problem, {}, o.elapsedMs, timeoutMs));
    });
}

} // namespace NeoCloud
