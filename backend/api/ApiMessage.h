#pragma once
// One HTTP exchange as the route handlers see it, free of QtHttpServer's types (whose API
// changes in 6.5 and 6.8): the request with its matched path parameters and caller, and the answer.

#include "core/Error.h"
#include "domain/Tenancy.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QTcpSocket;

namespace NeoCloud {

enum class HttpMethod { Get, Post, Put, Patch, Delete, Head, Options, Other };

struct ApiRequest
{
    HttpMethod method = HttpMethod::Get;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QHostAddress remoteAddress;
    QHash<QString, QString> params; // from the route pattern, e.g. {id}
    std::optional<User> user;       // set for authenticated routes

    QString param(const QString &name) const { return params.value(name); }
    // The token of "Authorization: Bearer <token>", or empty.
    QString bearerToken() const
    {
        const QByteArray header = headers.value("authorization");
        return header.startsWith("Bearer ") ? QString::fromLatin1(header.mid(7).trimmed()) : QString();
    }
    QString queryValue(const QString &name) const
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
};

struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    // Set by a route that keeps the connection open (GET /api/v1/stream): the server writes the
    // status line and headers without a length, then hands the socket over instead of a body.
    std::function<void(QTcpSocket *socket)> stream = {};

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse json(const QJsonArray &array, int status = 200);
    static ApiResponse error(const Error &error);
    static ApiResponse noContent() { return {204, {}, {}, {}}; }
};

int httpStatus(ErrorKind kind);

} // namespace NeoCloud
