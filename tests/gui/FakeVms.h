#pragma once
// A small in-memory VAST management server for the GUI tests: objects POSTed to a collection
// are kept with an id, lists filter by their query, PATCH merges and DELETE removes. A call
// whose "METHOD /path" contains `failOn` is refused with 400 and a DRF detail, and `delayMs`
// holds each answer back so a running job can be watched. Every call is logged in order.

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTimer>
#include <QUrlQuery>
#include <memory>

namespace NeoCloud::Testing {

class FakeVms
{
public:
    FakeVms()
    {
        m_server.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                const Reply reply = answer(request);
                if (m_delayMs <= 0) {
                    respond(responder, reply);
                    return;
                }
                auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
                QTimer::singleShot(m_delayMs, [held, reply] { respond(*held, reply); });
            });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    bool listening() const { return m_port != 0; }
    QString apiRoot() const { return QStringLiteral("http://127.0.0.1:%1/api").arg(m_port); }

    QString failOn;
    QString failure = QStringLiteral("Quota exceeds the view's capacity");
    void setDelayMs(int ms) { m_delayMs = ms; }
    QStringList calls; // "POST /views/", in order
    int count(const QString &collection) const { return int(m_objects.value(collection).size()); }

private:
    struct Reply
    {
        int status = 200;
        QByteArray json; // empty: no body
    };

    static Reply json(int status, const QJsonValue &value)
    {
        return { status,
                 value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact) };
    }
    static Reply notFound()
    {
        return json(404,
                    QJsonObject { { QStringLiteral("detail"), QStringLiteral("Not found.") } });
    }

    Reply answer(const QHttpServerRequest &request)
    {
        static const QMap<QHttpServerRequest::Method, QString> names {
            { QHttpServerRequest::Method::Get, QStringLiteral("GET") },
            { QHttpServerRequest::Method::Post, QStringLiteral("POST") },
            { QHttpServerRequest::Method::Patch, QStringLiteral("PATCH") },
            { QHttpServerRequest::Method::Put, QStringLiteral("PUT") },
            { QHttpServerRequest::Method::Delete, QStringLiteral("DELETE") }
        };
        const QString method = names.value(request.method());
        QString path = request.url().path();
        path.remove(0, path.indexOf(QLatin1String("/api")) + 4);
        const QString call = method + u' ' + path;
        calls << call;
        if (!failOn.isEmpty() && call.contains(failOn))
            return json(400, QJsonObject { { QStringLiteral("detail"), failure } });
        // "/views/" is a collection; "/views/7/" one object of it.
        const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
        const QString collection = parts.value(0);
        const int id = parts.value(1).toInt();
        QJsonArray &objects = m_objects[collection];
        const QJsonObject sent = QJsonDocument::fromJson(request.body()).object();
        if (method == QLatin1String("GET")) {
            if (id) {
                for (const QJsonValue &o : std::as_const(objects))
                    if (o[QLatin1String("id")].toInt() == id)
                        return json(200, o);
                return notFound();
            }
            QJsonArray matches;
            const QUrlQuery query(request.url());
            for (const QJsonValue &o : std::as_const(objects)) {
                bool all = true;
                for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
                    all = all && o.toObject().value(key).toVariant().toString() == value;
                if (all)
                    matches.append(o);
            }
            return json(200, matches);
        }
        if (method == QLatin1String("DELETE")) {
            for (qsizetype i = 0; i < objects.size(); ++i)
                if (objects.at(i)[QLatin1String("id")].toInt() == id)
                    objects.removeAt(i);
            return { 204, {} };
        }
        if (id) { // PATCH or PUT
            for (qsizetype i = 0; i < objects.size(); ++i) {
                QJsonObject o = objects.at(i).toObject();
                if (o.value(QLatin1String("id")).toInt() != id)
                    continue;
                for (auto it = sent.begin(); it != sent.end(); ++it)
                    o.insert(it.key(), it.value());
                objects.replace(i, o);
                return json(200, o);
            }
            return notFound();
        }
        QJsonObject made = sent;
        made.insert(QStringLiteral("id"), ++m_nextId);
        // Fields VMS assigns itself that plans refer to.
        if (collection == QLatin1String("tenants"))
            made.insert(QStringLiteral("local_provider_id"), m_nextId);
        objects.append(made);
        return json(201, made);
    }

    static void respond(QHttpServerResponder &responder, const Reply &reply)
    {
        const auto status = static_cast<QHttpServerResponder::StatusCode>(reply.status);
        if (reply.json.isEmpty())
            responder.write(status);
        else
            responder.write(reply.json, "application/json", status);
    }

    QHttpServer m_server;
    quint16 m_port = 0;
    int m_delayMs = 0;
    int m_nextId = 0;
    QHash<QString, QJsonArray> m_objects;
};

} // namespace NeoCloud::Testing
