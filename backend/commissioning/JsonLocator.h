#pragma once
// Finds where each value of a JSON text starts (line and column), by path ("devices[3].position"),
// so a rule broken by a parsed value can be reported at its place in the file. QJsonDocument
// keeps no positions; this scans the text once more, after it parsed.

#include "SitePlan.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace NeoCloud {

class JsonLocator
{
public:
    explicit JsonLocator(const QByteArray &text);

    // The spot of the value at `path`, else of its nearest enclosing value that was found.
    SourceSpot at(const QString &path) const;
    // The spot of a byte offset (for QJsonParseError::offset).
    SourceSpot spotOf(qsizetype offset) const;
    // An origin for the object at `path`, with a spot for each of its members.
    PlanOrigin origin(const QString &file, const QString &path) const;

private:
    void value(const QString &path);
    QString string();
    void skipSpace();

    QByteArray m_text;
    qsizetype m_pos = 0;
    QList<qsizetype> m_lineStarts;
    QHash<QString, qsizetype> m_offsets;
    QHash<QString, QStringList> m_members; // object path -> its keys
};

} // namespace NeoCloud
