#pragma once
// The store's connection: opens the file (or refuses it with a reason), sets the pragmas the
// rest of the code relies on, and brings the schema up to date one migration at a time.

#include "core/Result.h"

#include <QSqlDatabase>
#include <QVariant>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

class QSqlError;
class QSqlQuery;

namespace NeoCloud {

struct StoreConfig
{
    QString location;         // a SQLite file path; "postgresql://..." is reserved for later
    int busyTimeoutMs = 5000; // how long a write waits for another writer before failing
};

class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static Result<std::unique_ptr<Database>> open(const StoreConfig &config);

    QSqlDatabase connection() const;
    QString engine() const { return QStringLiteral("sqlite"); }
    QString location() const { return m_location; }
    int schemaVersion() const;

    // Runs work in one transaction; commits when it succeeds, rolls back when it fails.
    Status transaction(const std::function<Status()> &work);

    // Differs whenever a row may have changed since it was last taken: {this connection's own
    // writes (total_changes()), commits through any other connection or process
    // (data_version)}. Lets a reader keep an answer until the store changes.
    Result<std::pair<qint64, qint64>> changeStamp() const;
    // Inside transaction(): what is read may still be rolled back.
    bool inTransaction() const { return m_transactionDepth > 0; }

    // Maps a driver error to an Error the API can answer with (conflict, locked, read-only...).
    static Error toError(const QSqlError &error, const QString &what);

private:
    Database(QString connectionName, QString location);
    Status migrate();

    QString m_connectionName;
    QString m_location;
    int m_transactionDepth = 0;
};

// A null QString binds as SQL NULL; text columns are NOT NULL, so bind "" instead.
inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

// An optional reference or time: empty binds as SQL NULL.
inline QVariant nullable(const QString &value) { return value.isEmpty() ? QVariant() : QVariant(value); }

// Runs a prepared statement; on failure returns the mapped Error.
Status exec(QSqlQuery &query, const QString &what);

} // namespace NeoCloud
