#include "SettingsRepository.h"

#include "Database.h"

#include <QSqlQuery>

namespace NeoCloud {

Result<std::optional<QString>> SettingsRepository::value(const QString &key) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(text(key));
    if (Status s = exec(q, QStringLiteral("read a setting")); !s)
        return s.error();
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

Status SettingsRepository::setValue(const QString &key, const QString &value)
{
    QSqlQuery q(m_db.connection());
    // Portable upsert: SQLite 3.24+ and PostgreSQL 9.5+ both take ON CONFLICT.
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(text(key));
    q.addBindValue(text(value));
    return exec(q, QStringLiteral("save a setting"));
}

} // namespace NeoCloud
