#pragma once
// Typed reads of one JSON object of an imported plan: each bad value becomes a PlanIssue at the
// value's place in the file, and reading goes on. Used by the JSON and NetBox readers.

#include "JsonLocator.h"

#include <QJsonObject>

namespace NeoCloud {

class PlanFields
{
public:
    PlanFields(const QJsonObject &object, const JsonLocator &locator, const QString &file, const QString &path,
               QList<PlanIssue> &issues)
        : m_object(object), m_locator(locator), m_file(file), m_path(path), m_issues(issues)
    {
    }

    PlanOrigin origin() const { return m_locator.origin(m_file, m_path); }
    QString where(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }

    void problem(const QString &key, const QString &message)
    {
        const SourceSpot spot = m_locator.at(where(key));
        m_issues << PlanIssue{m_file, spot.line, spot.column, message};
    }

    // A string; null and absent are "", other types an issue.
    QString text(QLatin1String key, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isString() && !v.toString().trimmed().isEmpty())
            return v.toString().trimmed();
        if (v.isString() || v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, QStringLiteral("%1 is required.").arg(where(key)));
            return {};
        }
        problem(key, QStringLiteral("%1 must be a string.").arg(where(key)));
        return {};
    }

    std::optional<int> integer(QLatin1String key, int min, int max, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, QStringLiteral("%1 is required.").arg(where(key)));
            return std::nullopt;
        }
        const double d = v.toDouble(-1e18);
        if (!v.isDouble() || d != double(qint64(d)) || d < min || d > max) {
            problem(key, QStringLiteral("%1 must be a whole number from %2 to %3.").arg(where(key)).arg(min).arg(max));
            return std::nullopt;
        }
        return int(d);
    }

    std::optional<double> positive(QLatin1String key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble() || v.toDouble() <= 0) {
            problem(key, QStringLiteral("%1 must be a positive number.").arg(where(key)));
            return std::nullopt;
        }
        return v.toDouble();
    }

    // Members not in `known`, kept as they came.
    QJsonObject extras(const QStringList &known) const
    {
        QJsonObject out;
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!known.contains(it.key()))
                out.insert(it.key(), it.value());
        return out;
    }

    const QJsonObject &object() const { return m_object; }

private:
    QJsonObject m_object;
    const JsonLocator &m_locator;
    QString m_file;
    QString m_path;
    QList<PlanIssue> &m_issues;
};

} // namespace NeoCloud
