#include "CsvReader.h"

namespace NeoCloud {

QString looseColumnName(const QString &name)
{
    QString out;
    for (const QChar c : name.trimmed())
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    return out;
}

QString CsvTable::value(const CsvRow &row, const QString &looseName) const
{
    const int i = columnOf.value(looseName, -1);
    return i >= 0 && i < row.fields.size() ? row.fields.at(i).trimmed() : QString();
}

PlanOrigin CsvTable::origin(const CsvRow &row) const
{
    PlanOrigin o;
    o.file = file;
    o.at = {row.line, 1};
    for (auto it = columnOf.begin(); it != columnOf.end(); ++it)
        o.fields.insert(it.key(), {row.line, it.value() + 1});
    return o;
}

CsvTable readCsv(const QByteArray &data, const QString &file)
{
    CsvTable table;
    table.file = file;
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    QList<CsvRow> records;
    CsvRow current;
    QString field;
    bool quoted = false, fieldStarted = false;
    int line = 1, quoteLine = 0;
    current.line = 1;
    auto endField = [&] {
        current.fields << field;
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = current.fields.size() == 1 && current.fields.first().trimmed().isEmpty();
        const bool comment = !current.fields.isEmpty() && current.fields.first().trimmed().startsWith(QLatin1Char('#'));
        if (!blank && !comment)
            records << current;
        current = CsvRow{line + 1, {}};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted && field.trimmed().isEmpty()) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
            field.clear();
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            // CRLF or a lone CR: the LF (if any) ends the record.
            if (i + 1 >= text.size() || text.at(i + 1) != QLatin1Char('\n')) {
                endRecord();
                ++line;
            }
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
        } else {
            field.append(c);
            fieldStarted = fieldStarted || !c.isSpace();
        }
    }
    if (quoted)
        table.issues << PlanIssue{file, quoteLine, int(current.fields.size()) + 1,
                                  QStringLiteral("A quoted field opened here is never closed.")};
    else if (!field.isEmpty() || !current.fields.isEmpty())
        endRecord();

    if (records.isEmpty()) {
        table.issues << PlanIssue{file, 1, 1, QStringLiteral("The file is empty; it needs a header row.")};
        return table;
    }
    const CsvRow header = records.takeFirst();
    table.headerLine = header.line;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed();
        table.header << name;
        const QString loose = looseColumnName(name);
        if (loose.isEmpty())
            table.issues << PlanIssue{file, header.line, i + 1, QStringLiteral("Column %1 has no name.").arg(i + 1)};
        else if (table.columnOf.contains(loose))
            table.issues << PlanIssue{file, header.line, i + 1, QStringLiteral("Column '%1' appears twice.").arg(name)};
        else
            table.columnOf.insert(loose, i);
    }
    for (const CsvRow &row : std::as_const(records)) {
        if (row.fields.size() > header.fields.size())
            table.issues << PlanIssue{file, row.line, int(header.fields.size()) + 1,
                                      QStringLiteral("The row has %1 fields; the header names %2.")
                                          .arg(row.fields.size())
                                          .arg(header.fields.size())};
        table.rows << row;
    }
    return table;
}

} // namespace NeoCloud
