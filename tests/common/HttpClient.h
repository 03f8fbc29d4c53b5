#pragma once
// A synchronous HTTP client over QNetworkAccessManager for API tests: real sockets, one call at a
// time, every answer parsed once.

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

namespace NeoCloud::Testing {

// A request body from a JSON object, as the API tests send them.
inline QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString networkError;
};

class HttpClient
{
public:
    explicit HttpClient(quint16 port) : m_base(QStringLiteral("http://127.0.0.1:%1").arg(port)) { }
    // For other servers than the API (the lab's VMS): paths are appended to `baseUrl`.
    explicit HttpClient(const QString &baseUrl) : m_base(baseUrl) { }

    void setToken(const QString &token) { m_token = token; }
    // For https bases: trust exactly this certificate (a self-signed server's own), hostname
    // checked as usual.
    void trustOnly(const QSslCertificate &certificate) { m_trusted = {certificate}; }
    // Sent as the Authorization header instead of "Bearer <token>" ("Api-Token ...", "Basic ...").
    void setAuthorization(const QByteArray &value) { m_authorization = value; }

    HttpAnswer send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QString &token = QStringLiteral("<default>"),
                    const QByteArray &contentType = QByteArrayLiteral("application/json"))
    {
        QNetworkRequest request(QUrl(m_base + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!m_trusted.isEmpty()) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(m_trusted);
            request.setSslConfiguration(tls);
        }
        const QString bearer = token == QLatin1String("<default>") ? m_token : token;
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        else if (!m_authorization.isEmpty() && token == QLatin1String("<default>"))
            request.setRawHeader("Authorization", m_authorization);
        // A custom "HEAD" verb would make QNAM wait for the announced body; head() knows better.
        QNetworkReply *reply = method == "HEAD" ? m_manager.head(request)
                                                : m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.json = QJsonDocument::fromJson(answer.body).object();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            answer.headers.insert(name.toLower(), value);
        if (reply->error() != QNetworkReply::NoError && answer.status == 0)
            answer.networkError = reply->errorString();
        reply->deleteLater();
        return answer;
    }

    HttpAnswer get(const QString &path) { return send("GET", path); }

    // Signs in and returns the token (empty when refused); does not change this client's token.
    QString login(const QString &username, const QString &password)
    {
        const QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
        return send("POST", QStringLiteral("/api/v1/auth/login"), QJsonDocument(body).toJson(QJsonDocument::Compact), QString())
            .json.value(QLatin1String("token"))
            .toString();
    }
    HttpAnswer post(const QString &path, const QByteArray &body) { return send("POST", path, body); }

private:
    QString m_base;
    QString m_token;
    QList<QSslCertificate> m_trusted;
    QByteArray m_authorization;
    QNetworkAccessManager m_manager;
};

} // namespace NeoCloud::Testing
