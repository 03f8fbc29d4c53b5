#include "VmsClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrlQuery>

namespace NeoCloud {
namespace {

constexpr int maxPages = 10000; // a cycle in `next` links must not loop forever

QString describeCall(const QString &method, const QUrl &url) { return method + u' ' + url.path(); }

} // namespace

QString vmsErrorMessage(const QJsonValue &body)
{
    if (body.isString())
        return body.toString();
    if (body.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : body.toArray())
            parts << vmsErrorMessage(item);
        return parts.join(QStringLiteral("; "));
    }
    const QJsonObject object = body.toObject();
    if (object.contains(QStringLiteral("detail")))
        return vmsErrorMessage(object.value(QStringLiteral("detail")));
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it)
        parts << it.key() + QStringLiteral(": ") + vmsErrorMessage(it.value());
    return parts.join(QStringLiteral("; "));
}

VmsClient::VmsClient(VmsConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
{
}

VmsClient::~VmsClient() { abortAll(); }

QUrl VmsClient::urlFor(const QString &pathAndQuery) const
{
    QString root = m_connection.apiRoot.toString();
    while (root.endsWith(u'/'))
        root.chop(1);
    return QUrl(root + pathAndQuery);
}

void VmsClient::send(const QString &method, const QString &path, const QJsonValue &body, ReplyDone done)
{
    request(method, urlFor(path), body, std::move(done));
}

void VmsClient::request(const QString &method, const QUrl &url, const QJsonValue &body, ReplyDone done)
{
    if (!m_connection.apiRoot.isValid() || m_connection.apiRoot.isEmpty()) {
        // Answer on the next turn, like a real reply, so callers never re-enter themselves.
        QTimer::singleShot(0, this, [this, generation = m_generation, done = std::move(done)] {
            if (generation != m_generation)
                return; // aborted meanwhile
            done(Error::unavailable(QStringLiteral("provider_not_configured"),
                                    QStringLiteral("No VAST cluster is configured: start with --vms URL, or with the demo lab.")));
        });
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(m_connection.requestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!m_connection.token.isEmpty()) {
        request.setRawHeader("Authorization", "Api-Token " + m_connection.token.toUtf8());
    } else {
        const QByteArray pair = (m_connection.username + u':' + m_connection.password).toUtf8();
        request.setRawHeader("Authorization", "Basic " + pair.toBase64());
    }
    if (!m_connection.verifyTls && url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = request.sslConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(tls);
    }
    QByteArray payload;
    if (!body.isUndefined()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network.sendCustomRequest(request, method.toLatin1(), payload);
    m_inFlight.append(reply);
    const QString call = describeCall(method, url);
    connect(reply, &QNetworkReply::finished, this, [this, reply, call, done = std::move(done)] {
        m_inFlight.removeAll(reply);
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        if (status == 0) {
            const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
            done(Error::unavailable(QStringLiteral("provider_unreachable"),
                                    timedOut ? QStringLiteral("VAST did not answer %1 within %2 s.")
                                                   .arg(call).arg(m_connection.requestTimeoutMs / 1000.0)
                                             : QStringLiteral("VAST could not be reached for %1: %2")
                                                   .arg(call, reply->errorString())));
            return;
        }
        VmsResponse answer{status, QJsonValue(QJsonValue::Undefined)};
        if (!bytes.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
            if (parseError.error != QJsonParseError::NoError) {
                done(Error::unavailable(QStringLiteral("provider_bad_answer"),
                                        QStringLiteral("VAST answered %1 with HTTP %2 and a body that is not JSON.")
                                            .arg(call).arg(status)));
                return;
            }
            answer.body = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        }
        if (status >= 200 && status < 300) {
            done(answer);
            return;
        }
        const QString said = vmsErrorMessage(answer.body);
        const QString message = QStringLiteral("VAST refused %1 (HTTP %2)%3").arg(call).arg(status)
                                    .arg(said.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + said);
        if (status == 404)
            done(Error{ErrorKind::NotFound, QStringLiteral("provider_not_found"), message, {}});
        else if (status == 409)
            done(Error::conflict(QStringLiteral("provider_conflict"), message));
        else if (status >= 500)
            done(Error::unavailable(QStringLiteral("provider_failed"), message));
        else if (status == 401 || status == 403)
            done(Error::unavailable(QStringLiteral("provider_auth_failed"), message));
        else
            done(Error{ErrorKind::Unprocessable, QStringLiteral("provider_refused"), message, {}});
    });
}

void VmsClient::list(const QString &pathAndQuery, ListDone done)
{
    collect(urlFor(pathAndQuery), {}, 0, std::move(done));
}

void VmsClient::collect(const QUrl &url, QJsonArray soFar, int pages, ListDone done)
{
    request(QStringLiteral("GET"), url, QJsonValue(QJsonValue::Undefined),
            [this, soFar = std::move(soFar), pages, done = std::move(done)](Result<VmsResponse> reply) mutable {
                if (!reply) {
                    done(reply.error());
                    return;
                }
                if (reply->body.isArray()) {
                    for (const QJsonValue &item : reply->body.toArray())
                        soFar.append(item);
                    done(soFar);
                    return;
                }
                const QJsonObject page = reply->body.toObject();
                for (const QJsonValue &item : page.value(QStringLiteral("results")).toArray())
                    soFar.append(item);
                const QString next = page.value(QStringLiteral("next")).toString();
                if (next.isEmpty() || pages + 1 >= maxPages) {
                    done(soFar);
                    return;
                }
                collect(QUrl(next), std::move(soFar), pages + 1, std::move(done));
            });
}

void VmsClient::waitForTask(qint64 taskId, TaskDone done)
{
    poll(taskId, QDateTime::currentMSecsSinceEpoch() + m_connection.taskTimeoutMs, std::move(done));
}

void VmsClient::poll(qint64 taskId, qint64 deadline, TaskDone done)
{
    send(QStringLiteral("GET"), QStringLiteral("/vtasks/%1/").arg(taskId), QJsonValue(QJsonValue::Undefined),
         [this, taskId, deadline, done = std::move(done)](Result<VmsResponse> reply) mutable {
             if (!reply) {
                 done(reply.error());
                 return;
             }
             const QJsonObject task = reply->body.toObject();
             const QString state = task.value(QStringLiteral("state")).toString();
             if (state == QLatin1String("COMPLETED")) {
                 done(success());
                 return;
             }
             if (state != QLatin1String("RUNNING") && !state.isEmpty()) {
                 const QString said = vmsErrorMessage(task.value(QStringLiteral("messages")));
                 done(Error::unavailable(QStringLiteral("provider_task_failed"),
                                         QStringLiteral("VAST task %1 (%2) ended %3%4")
                                             .arg(taskId)
                                             .arg(task.value(QStringLiteral("name")).toString(), state,
                                                  said.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + said)));
                 return;
             }
             if (QDateTime::currentMSecsSinceEpoch() > deadline) {
                 done(Error::unavailable(QStringLiteral("provider_task_timeout"),
                                         QStringLiteral("VAST task %1 was still running after %2 s.")
                                             .arg(taskId).arg(m_connection.taskTimeoutMs / 1000)));
                 return;
             }
             const quint64 generation = m_generation;
             QTimer::singleShot(m_connection.taskPollMs, this,
                                [this, generation, taskId, deadline, done = std::move(done)]() mutable {
                                    if (generation == m_generation)
                                        poll(taskId, deadline, std::move(done));
                                });
         });
}

void VmsClient::abortAll()
{
    ++m_generation;
    const auto replies = std::exchange(m_inFlight, {});
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (!reply)
            continue;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

} // namespace NeoCloud
