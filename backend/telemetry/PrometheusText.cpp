#include "PrometheusText.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace NeoCloud {
namespace {

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

// A cursor over one line of the exposition.
struct Cursor
{
    const QByteArray &line;
    qsizetype pos = 0;

    bool atEnd() const { return pos >= line.size(); }
    char peek() const { return atEnd() ? '\0' : line.at(pos); }
    void skipSpaces()
    {
        while (!atEnd() && (line.at(pos) == ' ' || line.at(pos) == '\t'))
            ++pos;
    }
    QString name(bool allowColon = true)
    {
        const qsizetype start = pos;
        if (atEnd() || !isNameStart(line.at(pos)) || (!allowColon && line.at(pos) == ':'))
            return {};
        while (!atEnd() && isNameChar(line.at(pos)) && (allowColon || line.at(pos) != ':'))
            ++pos;
        return QString::fromLatin1(line.mid(start, pos - start));
    }
    QString word()
    {
        const qsizetype start = pos;
        while (!atEnd() && line.at(pos) != ' ' && line.at(pos) != '\t')
            ++pos;
        return QString::fromLatin1(line.mid(start, pos - start));
    }
};

std::optional<double> parseNumber(const QString &text)
{
    if (text == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    if (text == QLatin1String("+Inf") || text == QLatin1String("Inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-Inf"))
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

// HELP text escapes only backslash and newline; label values also the double quote.
QString unescape(const QByteArray &text, bool *ok)
{
    QByteArray out;
    out.reserve(text.size());
    *ok = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c != '\\' || i + 1 == text.size()) {
            out += c;
            continue;
        }
        const char next = text.at(++i);
        if (next == 'n')
            out += '\n';
        else if (next == '\\' || next == '"')
            out += next;
        else {
            out += '\\';
            out += next;
        }
    }
    return QString::fromUtf8(out);
}

QByteArray escaped(const QString &text, bool quote)
{
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size());
    for (char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (quote && c == '"')
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

// The family a sample belongs to: histograms and summaries serve _bucket, _sum and _count.
QString familyOf(const QString &sample, const QHash<QString, qsizetype> &known, const QList<PromFamily> &families)
{
    if (known.contains(sample))
        return sample;
    for (QLatin1String suffix : {QLatin1String("_bucket"), QLatin1String("_sum"), QLatin1String("_count")}) {
        if (!sample.endsWith(suffix))
            continue;
        const QString base = sample.chopped(suffix.size());
        const auto it = known.find(base);
        if (it != known.end()) {
            const QString &type = families.at(*it).type;
            if (type == QLatin1String("histogram") || type == QLatin1String("summary"))
                return base;
        }
    }
    return sample;
}

} // namespace

QString PromSample::label(const QString &key) const
{
    for (const auto &[k, v] : labels)
        if (k == key)
            return v;
    return {};
}

const PromFamily *PromParseResult::family(const QString &name) const
{
    for (const PromFamily &f : families)
        if (f.name == name)
            return &f;
    return nullptr;
}

PromParseResult parsePrometheusText(const QByteArray &text)
{
    PromParseResult result;
    QHash<QString, qsizetype> index; // family name -> position in result.families
    auto familyNamed = [&](const QString &name) -> PromFamily & {
        auto it = index.find(name);
        if (it == index.end()) {
            result.families.append(PromFamily{name, QStringLiteral("untyped"), {}, {}});
            it = index.insert(name, result.families.size() - 1);
        }
        return result.families[*it];
    };

    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QByteArray line = lines.at(n);
        if (line.endsWith('\r'))
            line.chop(1);
        auto fail = [&](const QString &why) { result.errors << QStringLiteral("line %1: %2").arg(n + 1).arg(why); };
        Cursor c{line};
        c.skipSpaces();
        if (c.atEnd())
            continue;
        if (c.peek() == '#') {
            ++c.pos;
            c.skipSpaces();
            const QString keyword = c.word();
            if (keyword != QLatin1String("HELP") && keyword != QLatin1String("TYPE"))
                continue; // a plain comment
            c.skipSpaces();
            const QString name = c.name();
            if (name.isEmpty()) {
                fail(QStringLiteral("%1 without a metric name").arg(keyword));
                continue;
            }
            c.skipSpaces();
            const QByteArray rest = line.mid(c.pos);
            if (keyword == QLatin1String("HELP")) {
                bool ok = true;
                familyNamed(name).help = unescape(rest, &ok);
            } else {
                const QString type = QString::fromLatin1(rest.trimmed());
                static const QStringList types{QStringLiteral("counter"), QStringLiteral("gauge"), QStringLiteral("histogram"),
                                               QStringLiteral("summary"), QStringLiteral("untyped")};
                if (!types.contains(type)) {
                    fail(QStringLiteral("unknown type '%1' for %2").arg(type, name));
                    continue;
                }
                familyNamed(name).type = type;
            }
            continue;
        }

        PromSample sample;
        sample.name = c.name();
        if (sample.name.isEmpty()) {
            fail(QStringLiteral("a sample must start with a metric name"));
            continue;
        }
        c.skipSpaces();
        bool bad = false;
        if (c.peek() == '{') {
            ++c.pos;
            for (;;) {
                c.skipSpaces();
                if (c.peek() == '}') {
                    ++c.pos;
                    break;
                }
                const QString key = c.name(false);
                c.skipSpaces();
                if (key.isEmpty() || c.peek() != '=') {
                    fail(QStringLiteral("a label needs a name and '='"));
                    bad = true;
                    break;
                }
                ++c.pos;
                c.skipSpaces();
                if (c.peek() != '"') {
                    fail(QStringLiteral("the value of label %1 must be quoted").arg(key));
                    bad = true;
                    break;
                }
                const qsizetype start = ++c.pos;
                while (!c.atEnd() && c.peek() != '"') {
                    if (c.peek() == '\\')
                        ++c.pos;
                    ++c.pos;
                }
                if (c.atEnd()) {
                    fail(QStringLiteral("the value of label %1 is not closed").arg(key));
                    bad = true;
                    break;
                }
                bool ok = true;
                sample.labels.append({key, unescape(line.mid(start, c.pos - start), &ok)});
                ++c.pos; // the closing quote
                c.skipSpaces();
                if (c.peek() == ',')
                    ++c.pos;
                else if (c.peek() != '}') {
                    fail(QStringLiteral("expected ',' or '}' after label %1").arg(key));
                    bad = true;
                    break;
                }
            }
        }
        if (bad)
            continue;
        c.skipSpaces();
        const std::optional<double> value = parseNumber(c.word());
        if (!value) {
            fail(QStringLiteral("%1 has no valid value").arg(sample.name));
            continue;
        }
        sample.value = *value;
        c.skipSpaces();
        if (!c.atEnd()) {
            bool ok = false;
            const qint64 timestamp = c.word().toLongLong(&ok);
            c.skipSpaces();
            if (!ok || !c.atEnd()) {
                fail(QStringLiteral("%1 has trailing text after its value").arg(sample.name));
                continue;
            }
            sample.timestampMs = timestamp;
        }
        familyNamed(familyOf(sample.name, index, result.families)).samples.append(std::move(sample));
    }
    return result;
}

QByteArray promNumber(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    if (value == std::floor(value) && std::fabs(value) < 9.0e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest); // the shortest text that reads back exactly
}

void PromWriter::family(QLatin1String name, QLatin1String type, const QString &help)
{
    m_out += "# HELP ";
    m_out += QByteArray(name.data(), name.size());
    m_out += ' ';
    m_out += escaped(help, false);
    m_out += "\n# TYPE ";
    m_out += QByteArray(name.data(), name.size());
    m_out += ' ';
    m_out += QByteArray(type.data(), type.size());
    m_out += '\n';
}

void PromWriter::sample(QLatin1String name, double value, const QList<QPair<QLatin1String, QString>> &labels)
{
    m_out += QByteArray(name.data(), name.size());
    labelsAndValue(labels, promNumber(value));
}

void PromWriter::sample(QLatin1String name, qint64 value, const QList<QPair<QLatin1String, QString>> &labels)
{
    m_out += QByteArray(name.data(), name.size());
    labelsAndValue(labels, QByteArray::number(value));
}

void PromWriter::labelsAndValue(const QList<QPair<QLatin1String, QString>> &labels, const QByteArray &value)
{
    if (!labels.isEmpty()) {
        m_out += '{';
        bool first = true;
        for (const auto &[key, text] : labels) {
            if (!first)
                m_out += ',';
            first = false;
            m_out += QByteArray(key.data(), key.size());
            m_out += "=\"";
            m_out += escaped(text, true);
            m_out += '"';
        }
        m_out += '}';
    }
    m_out += ' ';
    m_out += value;
    m_out += '\n';
}

} // namespace NeoCloud
