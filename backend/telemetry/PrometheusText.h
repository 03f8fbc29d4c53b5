#pragma once
// The Prometheus text exposition format (0.0.4), both ways: a parser for what exporters serve
// (DCGM exporter, node exporter, an operator's federation endpoint) and a writer that escapes
// help text and label values the way promtool expects, so /metrics never needs a client library.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>
#include <utility>

namespace NeoCloud {

struct PromSample
{
    QString name; // the sample's own name (histograms: foo_bucket, foo_sum, foo_count)
    QList<QPair<QString, QString>> labels; // in the order served, values unescaped
    double value = 0;
    std::optional<qint64> timestampMs;

    QString label(const QString &key) const;
};

struct PromFamily
{
    QString name;
    QString type = QStringLiteral("untyped"); // counter, gauge, histogram, summary, untyped
    QString help;
    QList<PromSample> samples;
};

struct PromParseResult
{
    QList<PromFamily> families; // in the order first seen
    QStringList errors;         // "line N: why"; lines in error are skipped, the rest is kept

    const PromFamily *family(const QString &name) const;
};

// Parses a whole exposition. Lenient where real exporters are (blank lines, a space after the
// comma between labels, "%f" numbers, NaN/+Inf), strict where the format is (quoted label
// values, escapes, one value per sample); a bad line is reported and skipped, never fatal.
PromParseResult parsePrometheusText(const QByteArray &text);

// Writes families in the exposition format: "# HELP", "# TYPE", then one line per sample.
class PromWriter
{
public:
    // Starts a family. `help` is escaped; `type` is counter, gauge, histogram, summary or untyped.
    void family(QLatin1String name, QLatin1String type, const QString &help);
    // One sample of the current family (or of a histogram's _bucket/_sum/_count).
    void sample(QLatin1String name, double value, const QList<QPair<QLatin1String, QString>> &labels = {});
    void sample(QLatin1String name, qint64 value, const QList<QPair<QLatin1String, QString>> &labels = {});
    void sample(QLatin1String name, int value, const QList<QPair<QLatin1String, QString>> &labels = {})
    {
        sample(name, qint64(value), labels);
    }

    // Appends text already in the format (a cached part of a page).
    void raw(const QByteArray &text) { m_out += text; }

    const QByteArray &bytes() const { return m_out; }
    QByteArray take() { return std::exchange(m_out, {}); }

private:
    void labelsAndValue(const QList<QPair<QLatin1String, QString>> &labels, const QByteArray &value);
    QByteArray m_out;
};

// Number text as Prometheus reads it: integers without a fraction, NaN, +Inf, -Inf.
QByteArray promNumber(double value);

} // namespace NeoCloud
