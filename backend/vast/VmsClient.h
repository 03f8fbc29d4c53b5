#pragma once
// Talks to a VAST management server (VMS) over its REST API: Api-Token or Basic
// authentication, JSON in and out, list pagination followed to the end, and asynchronous tasks
// (/vtasks/) waited for. Errors carry the server's own words (DRF `detail` or field messages),
// so a failed step says what VAST said, not "error 400".

#include "core/Result.h"

#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkReply;

namespace NeoCloud {

struct VmsConnection
{
    QUrl apiRoot; // e.g. https://vms.example/api (paths such as /views/ are appended)
    QString token; // Api-Token; when empty, Basic with username/password
    QString username;
    QString password;
    bool verifyTls = true;
    int requestTimeoutMs = 15000;
    int taskTimeoutMs = 120000; // how long an asynchronous task may run
    int taskPollMs = 250;
};

struct VmsResponse
{
    int status = 0;
    QJsonValue body; // Undefined when the server sent none
};

class VmsClient : public QObject
{
    Q_OBJECT
public:
    explicit VmsClient(VmsConnection connection, QObject *parent = nullptr);
    ~VmsClient() override;

    const VmsConnection &connection() const { return m_connection; }

    using ReplyDone = std::function<void(Result<VmsResponse>)>;
    using ListDone = std::function<void(Result<QJsonArray>)>;
    using TaskDone = std::function<void(Status)>;

    // One request; 2xx is success, anything else an Error with the server's message.
    void send(const QString &method, const QString &path, const QJsonValue &body, ReplyDone done);
    // A list GET: a plain array, or DRF pages ({"results", "next"}) followed to the last.
    void list(const QString &pathAndQuery, ListDone done);
    // Polls /vtasks/{id}/ until COMPLETED (success) or FAILED/TIMEOUT/UNKNOWN (error).
    void waitForTask(qint64 taskId, TaskDone done);

    // Drops every request in flight; their callbacks are not called.
    void abortAll();

private:
    void request(const QString &method, const QUrl &url, const QJsonValue &body, ReplyDone done);
    void collect(const QUrl &url, QJsonArray soFar, int pages, ListDone done);
    void poll(qint64 taskId, qint64 deadline, TaskDone done);
    QUrl urlFor(const QString &pathAndQuery) const;

    VmsConnection m_connection;
    QNetworkAccessManager m_network;
    QList<QPointer<QNetworkReply>> m_inFlight;
    quint64 m_generation = 0; // bumped by abortAll so late timers drop their work
};

// The server's message in a DRF error body: {"detail": "..."} or {"field": ["..."]}.
QString vmsErrorMessage(const QJsonValue &body);

} // namespace NeoCloud
