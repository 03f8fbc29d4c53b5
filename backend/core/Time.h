#pragma once
// One textual form for every timestamp we store or send: ISO 8601, UTC, milliseconds, 'Z'.
// Fixed width, so the text sorts in time order in SQL on any engine.

#include <QDateTime>
#include <QString>

namespace NeoCloud {

inline QString toIsoTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"));
}

inline QString nowIso() { return toIsoTime(QDateTime::currentDateTimeUtc()); }

// Accepts any ISO 8601 form a client may send; invalid input gives an invalid QDateTime.
inline QDateTime fromIsoTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.toUTC();
}

} // namespace NeoCloud
