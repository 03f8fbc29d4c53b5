#pragma once
// A failure a caller can act on: what kind it is, a human sentence and, for bad input, the field.

#include <QString>

namespace NeoCloud {

enum class ErrorKind {
    BadInput,       // malformed or wrongly typed input
    Unauthorized,   // no, bad or expired credentials
    Forbidden,      // known caller, not allowed
    NotFound,       // unknown id
    MethodNotAllowed,
    Conflict,       // duplicate, quota, state
    TooLarge,       // body over the limit
    Unprocessable,  // valid JSON that breaks a rule
    TooManyRequests,
    Unavailable,    // store locked or read-only, dependency down
    Internal,
};

struct Error
{
    ErrorKind kind = ErrorKind::Internal;
    QString code;    // snake_case, stable, for programs
    QString message; // a sentence, for people
    QString field;   // optional JSON path of the offending input

    static Error badInput(const QString &code, const QString &message, const QString &field = {})
    {
        return {ErrorKind::BadInput, code, message, field};
    }
    static Error notFound(const QString &what, const QString &id)
    {
        return {ErrorKind::NotFound, QStringLiteral("not_found"),
                QStringLiteral("No %1 with id '%2'.").arg(what, id), {}};
    }
    static Error conflict(const QString &code, const QString &message, const QString &field = {})
    {
        return {ErrorKind::Conflict, code, message, field};
    }
    static Error unavailable(const QString &code, const QString &message)
    {
        return {ErrorKind::Unavailable, code, message, {}};
    }
    static Error internal(const QString &message)
    {
        return {ErrorKind::Internal, QStringLiteral("internal_error"), message, {}};
    }
};

} // namespace NeoCloud
