#include "ApiMessage.h"

#include "JsonKeys.h"

#include <QJsonDocument>

namespace NeoCloud {

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", {}};
}

ApiResponse ApiResponse::json(const QJsonArray &array, int status)
{
    return {status, QJsonDocument(array).toJson(QJsonDocument::Compact), "application/json", {}};
}

ApiResponse ApiResponse::error(const Error &error)
{
    QJsonObject body{{Key::code, error.code}, {Key::message, error.message}};
    if (!error.field.isEmpty())
        body.insert(Key::field, error.field);
    ApiResponse response = json(QJsonObject{{Key::error, body}}, httpStatus(error.kind));
    if (error.kind == ErrorKind::Unauthorized)
        response.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"neocloud\"")));
    return response;
}

int httpStatus(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::BadInput: return 400;
    case ErrorKind::Unauthorized: return 401;
    case ErrorKind::Forbidden: return 403;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::MethodNotAllowed: return 405;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::TooLarge: return 413;
    case ErrorKind::Unprocessable: return 422;
    case ErrorKind::TooManyRequests: return 429;
    case ErrorKind::Unavailable: return 503;
    case ErrorKind::Internal: return 500;
    }
    return 500;
}

} // namespace NeoCloud
