#pragma once
// What a VMS double handler takes and gives, without sockets: the request already matched to its
// operation in the spec and checked against it, and a reply in Django REST Framework's shapes
// ({"detail": ...} or {"<field>": ["..."]}) as real VMS answers.

#include "openapi/OpenApiDocument.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>
#include <functional>

namespace NeoCloud {

struct VmsLabRequest
{
    QString method; // upper case
    OpenApiOperation operation;
    QJsonValue body; // undefined when none was sent
    QUrlQuery query;
    QString pageUrl; // the absolute URL of this request without its query, for `next` links

    // The {id} of the path as a number; 0 (found nowhere) when it is not one.
    int id() const { return operation.pathParams.value(QStringLiteral("id")).toInt(); }
    QJsonObject input() const { return body.toObject(); }
};

struct VmsLabReply
{
    int status = 200;
    QJsonValue body; // undefined: no body

    static VmsLabReply json(const QJsonValue &body, int status = 200) { return { status, body }; }
    static VmsLabReply empty(int status = 204)
    {
        return { status, QJsonValue(QJsonValue::Undefined) };
    }
    static VmsLabReply detail(int status, const QString &message)
    {
        return { status, QJsonObject { { QStringLiteral("detail"), message } } };
    }
    static VmsLabReply field(const QString &field, const QString &message, int status = 400)
    {
        return { status, QJsonObject { { field, QJsonArray { message } } } };
    }
    static VmsLabReply notFound() { return detail(404, QStringLiteral("Not found.")); }
};

// Handlers by "METHOD /path/template/" as the spec writes it ("DELETE /tenants/{id}/").
using VmsHandler = std::function<VmsLabReply(const VmsLabRequest &)>;
using VmsRoutes = QHash<QString, VmsHandler>;

inline QString routeKey(const QString &method, const QString &pathTemplate)
{
    return method.toUpper() + QLatin1Char(' ') + pathTemplate;
}

} // namespace NeoCloud
