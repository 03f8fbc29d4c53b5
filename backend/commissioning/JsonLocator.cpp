#include "JsonLocator.h"

#include <algorithm>

namespace NeoCloud {

JsonLocator::JsonLocator(const QByteArray &text)
    : m_text(text)
{
    m_lineStarts << 0;
    for (qsizetype i = 0; i < m_text.size(); ++i)
        if (m_text.at(i) == '\n')
            m_lineStarts << i + 1;
    if (m_text.startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
    skipSpace();
    value(QString());
}

void JsonLocator::skipSpace()
{
    while (m_pos < m_text.size() && (m_text.at(m_pos) == ' ' || m_text.at(m_pos) == '\n' || m_text.at(m_pos) == '\r'
                                     || m_text.at(m_pos) == '\t'))
        ++m_pos;
}

QString JsonLocator::string()
{
    // At the opening quote; returns the text with the usual escapes undone (enough for keys).
    QByteArray out;
    ++m_pos;
    while (m_pos < m_text.size() && m_text.at(m_pos) != '"') {
        if (m_text.at(m_pos) == '\\' && m_pos + 1 < m_text.size()) {
            const char c = m_text.at(++m_pos);
            out.append(c == 'n' ? '\n' : c == 't' ? '\t' : c);
        } else {
            out.append(m_text.at(m_pos));
        }
        ++m_pos;
    }
    ++m_pos;
    return QString::fromUtf8(out);
}

void JsonLocator::value(const QString &path)
{
    if (m_pos >= m_text.size())
        return;
    m_offsets.insert(path, m_pos);
    const char c = m_text.at(m_pos);
    if (c == '{') {
        ++m_pos;
        QStringList keys;
        for (skipSpace(); m_pos < m_text.size() && m_text.at(m_pos) != '}'; skipSpace()) {
            if (m_text.at(m_pos) == ',') {
                ++m_pos;
                continue;
            }
            if (m_text.at(m_pos) != '"')
                return; // not JSON after all: stop quietly, spots fall back to parents
            const QString key = string();
            keys << key;
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == ':')
                ++m_pos;
            skipSpace();
            value(path.isEmpty() ? key : path + QLatin1Char('.') + key);
        }
        m_members.insert(path, keys);
        ++m_pos;
    } else if (c == '[') {
        ++m_pos;
        int index = 0;
        for (skipSpace(); m_pos < m_text.size() && m_text.at(m_pos) != ']'; skipSpace()) {
            if (m_text.at(m_pos) == ',') {
                ++m_pos;
                continue;
            }
            const qsizetype before = m_pos;
            value(path + QStringLiteral("[%1]").arg(index++));
            if (m_pos == before)
                return;
        }
        ++m_pos;
    } else if (c == '"') {
        string();
    } else {
        while (m_pos < m_text.size() && !QByteArrayView(",]} \t\r\n").contains(m_text.at(m_pos)))
            ++m_pos;
    }
}

SourceSpot JsonLocator::spotOf(qsizetype offset) const
{
    offset = qBound(qsizetype(0), offset, m_text.size());
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const qsizetype lineStart = *(next - 1);
    const int column = int(QString::fromUtf8(m_text.mid(lineStart, offset - lineStart)).size()) + 1;
    return {int(next - m_lineStarts.begin()), column};
}

SourceSpot JsonLocator::at(const QString &path) const
{
    QString p = path;
    while (true) {
        const auto it = m_offsets.constFind(p);
        if (it != m_offsets.constEnd())
            return spotOf(*it);
        if (p.isEmpty())
            return {1, 1};
        const qsizetype cut = std::max(p.lastIndexOf(QLatin1Char('.')), p.lastIndexOf(QLatin1Char('[')));
        p = cut > 0 ? p.left(cut) : QString();
    }
}

PlanOrigin JsonLocator::origin(const QString &file, const QString &path) const
{
    PlanOrigin o;
    o.file = file;
    o.at = at(path);
    for (const QString &key : m_members.value(path))
        o.fields.insert(key, at(path.isEmpty() ? key : path + QLatin1Char('.') + key));
    return o;
}

} // namespace NeoCloud
