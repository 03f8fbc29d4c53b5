#pragma once
// A client of the demo lab's VMS double for tests: real sockets, Api-Token auth, and every answer
// held to the VAST spec as it arrives (a 2xx body to the schema its operation documents for that
// status, a refusal to DRF's {"detail"} or {"<field>": [...]} shapes). What broke the contract
// collects in violations(), for the test to check once it is done.

#include "HttpClient.h"
#include "openapi/OpenApiDocument.h"

#include <QJsonArray>
#include <QUrl>

namespace NeoCloud::Testing {

struct VmsAnswer
{
    int status = 0;
    QJsonValue json; // undefined when the body was empty
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;

    QJsonObject object() const { return json.toObject(); }
    QJsonArray array() const { return json.toArray(); }
    QString detail() const { return object().value(QStringLiteral("detail")).toString(); }
    int id() const { return object().value(QStringLiteral("id")).toInt(); }
};

inline QByteArray compactJson(const QJsonValue &v)
{
    if (v.isUndefined())
        return {};
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

class VmsContractClient
{
public:
    VmsContractClient(const QUrl &apiRoot, const QString &token, OpenApiDocument spec)
        : m_http(apiRoot.toString())
        , m_spec(std::move(spec))
    {
        m_http.setAuthorization("Api-Token " + token.toLatin1());
    }

    void setAuthorization(const QByteArray &value) { m_http.setAuthorization(value); }
    QStringList violations() const { return m_violations; }

    // `path` is below the API root ("/tenants/?page_size=2"); an empty `auth` sends none.
    VmsAnswer call(const QByteArray &method, const QString &path,
                   const QJsonValue &body = QJsonValue(QJsonValue::Undefined),
                   const QString &auth = QStringLiteral("<default>"))
    {
        return check(method, path, m_http.send(method, path, compactJson(body), auth));
    }
    // For bodies that are not JSON values (malformed, oversized).
    VmsAnswer callRaw(const QByteArray &method, const QString &path, const QByteArray &body)
    {
        return check(method, path, m_http.send(method, path, body));
    }
    VmsAnswer get(const QString &path) { return call("GET", path); }
    VmsAnswer post(const QString &path, const QJsonObject &body)
    {
        return call("POST", path, body);
    }
    VmsAnswer patch(const QString &path, const QJsonObject &body)
    {
        return call("PATCH", path, body);
    }
    VmsAnswer remove(const QString &path,
                     const QJsonValue &body = QJsonValue(QJsonValue::Undefined))
    {
        return call("DELETE", path, body);
    }

private:
    VmsAnswer check(const QByteArray &method, const QString &path, const HttpAnswer &raw)
    {
        VmsAnswer a { raw.status, QJsonValue(QJsonValue::Undefined), raw.body, raw.headers };
        if (!raw.body.isEmpty()) {
            const QJsonDocument doc = QJsonDocument::fromJson(raw.body);
            a.json = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        }
        const QString where
            = QString::fromLatin1(method) + QLatin1Char(' ') + path + QStringLiteral(": ");
        if (a.status >= 200 && a.status < 300) {
            const auto op = m_spec.operation(QString::fromLatin1(method),
                                             path.section(QLatin1Char('?'), 0, 0));
            if (!op) {
                m_violations << where + op.error().message;
                return a;
            }
            const bool paged = path.contains(QStringLiteral("page_size="));
            for (const QString &e : m_spec.checkResponse(
                     *op, a.status, paged ? a.object().value(QStringLiteral("results")) : a.json))
                m_violations << where + e;
            if (a.object().contains(QStringLiteral("async_task")))
                for (const QString &e :
                     m_spec.check(a.object().value(QStringLiteral("async_task")),
                                  { { QStringLiteral("$ref"),
                                      QStringLiteral("#/components/schemas/VTask") } }))
                    m_violations << where + e;
        } else if (a.status != 0) {
            const QJsonObject error = a.object();
            bool drf = !error.isEmpty();
            for (auto it = error.begin(); it != error.end(); ++it)
                drf &= it.key() == QStringLiteral("detail")
                    ? it.value().isString()
                    : it.value().isArray() && it.value().toArray().first().isString();
            if (!drf)
                m_violations << where + QStringLiteral("a refusal not in DRF's shape: ")
                        + QString::fromUtf8(raw.body);
        }
        return a;
    }

    HttpClient m_http;
    OpenApiDocument m_spec;
    QStringList m_violations;
};

} // namespace NeoCloud::Testing
