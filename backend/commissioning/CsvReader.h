#pragma once
// Reads one CSV file of a plan (RFC 4180: commas, double quotes, quoted line breaks, CRLF or LF,
// an optional UTF-8 BOM; blank lines and lines starting with '#' are skipped) into rows that
// remember their line, and a header whose names are compared loosely ("A Device", "a_device"
// and "aDevice" are one column).

#include "SitePlan.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace NeoCloud {

struct CsvRow
{
    int line = 0; // where the row starts
    QStringList fields;
};

struct CsvTable
{
    QString file;
    int headerLine = 0;
    QStringList header;             // as written
    QHash<QString, int> columnOf;   // loose name -> 0-based index
    QList<CsvRow> rows;
    QList<PlanIssue> issues;        // malformed text: unterminated quotes, ragged rows, no header

    // The value of a loose column name in a row ("" when the column is absent or the row short).
    QString value(const CsvRow &row, const QString &looseName) const;
    bool has(const QString &looseName) const { return columnOf.contains(looseName); }
    // An origin whose field spots are the row's line and each column's number.
    PlanOrigin origin(const CsvRow &row) const;
};

QString looseColumnName(const QString &name);
CsvTable readCsv(const QByteArray &data, const QString &file);

} // namespace NeoCloud
