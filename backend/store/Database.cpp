#include "Database.h"

#include "Migrations.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcStore, "neocloud.store")

namespace {

Result<int> readUserVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return Database::toError(query.lastError(), QStringLiteral("read the schema version"));
    return query.value(0).toInt();
}

Status pragma(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return Database::toError(query.lastError(), statement);
    return success();
}

} // namespace

Database::Database(QString connectionName, QString location)
    : m_connectionName(std::move(connectionName))
    , m_location(std::move(location))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const StoreConfig &config)
{
    if (config.location.startsWith(QLatin1String("postgresql:"))
        || config.location.startsWith(QLatin1String("postgres:"))) {
        return Error::unavailable(QStringLiteral("store_unsupported"),
                                  QStringLiteral("PostgreSQL stores are not available in this build; "
                                                 "use a SQLite file path."));
    }
    const QFileInfo file(config.location);
    const QDir folder = file.absoluteDir();
    if (!folder.exists() && !QDir().mkpath(folder.absolutePath())) {
        return Error::unavailable(QStringLiteral("store_unwritable"),
                                  QStringLiteral("Cannot create the folder %1 for the database.")
                                      .arg(folder.absolutePath()));
    }
    // SQLite quietly opens an unwritable file read-only and fails later, on the first write,
    // possibly half-way through a user's change. Refuse up front instead. WAL also needs to
    // create its -wal and -shm files beside the database.
    if (file.exists() && !file.isWritable()) {
        return Error::unavailable(QStringLiteral("store_read_only"),
                                  QStringLiteral("The database file %1 is read-only; the console "
                                                 "needs write access to it.")
                                      .arg(file.absoluteFilePath()));
    }
    if (!QFileInfo(folder.absolutePath()).isWritable()) {
        return Error::unavailable(QStringLiteral("store_read_only"),
                                  QStringLiteral("The folder %1 is read-only; the database needs to "
                                                 "write its journal there.")
                                      .arg(folder.absolutePath()));
    }

    const QString name = QStringLiteral("neocloud-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<Database> database(new Database(name, file.absoluteFilePath()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(file.absoluteFilePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(config.busyTimeoutMs));
    if (!db.open())
        return toError(db.lastError(), QStringLiteral("open the database"));

    // Read the version before anything writes: a database made by a newer build must be left
    // exactly as it is (even switching the journal mode rewrites its header).
    const Result<int> version = readUserVersion(db);
    if (!version) {
        Error error = version.error();
        if (error.message.contains(QLatin1String("not a database")))
            error.message = QStringLiteral("%1 is not a NeoCloud database (not a SQLite file).")
                                .arg(file.absoluteFilePath());
        return error;
    }
    if (*version > latestSchemaVersion()) {
        return Error::unavailable(
            QStringLiteral("store_too_new"),
            QStringLiteral("The database %1 has schema version %2, newer than this build's %3. "
                           "It was left untouched; use a newer NeoCloud Box.")
                .arg(file.absoluteFilePath())
                .arg(*version)
                .arg(latestSchemaVersion()));
    }

    // cache_size: SQLite's default 2 MB page cache is smaller than the devices table at 10,000
    // devices, so every listing read the table again from the OS; 32 MB (taken only as used)
    // keeps a large site's hot tables in memory.
    for (const QString &statement : {QStringLiteral("PRAGMA journal_mode = WAL"),
                                     QStringLiteral("PRAGMA synchronous = NORMAL"),
                                     QStringLiteral("PRAGMA foreign_keys = ON"),
                                     QStringLiteral("PRAGMA cache_size = -32768")}) {
        if (Status s = pragma(db, statement); !s)
            return s.error();
    }
    if (Status s = database->migrate(); !s)
        return s.error();
    return database;
}

QSqlDatabase Database::connection() const { return QSqlDatabase::database(m_connectionName, false); }

Result<std::pair<qint64, qint64>> Database::changeStamp() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT total_changes(), data_version FROM pragma_data_version")) || !query.next())
        return toError(query.lastError(), QStringLiteral("read the change stamp"));
    return std::pair{query.value(0).toLongLong(), query.value(1).toLongLong()};
}

int Database::schemaVersion() const
{
    QSqlDatabase db = connection();
    const Result<int> version = readUserVersion(db);
    return version ? *version : -1;
}

Status Database::migrate()
{
    QSqlDatabase db = connection();
    const Result<int> current = readUserVersion(db);
    if (!current)
        return current.error();
    for (const Migration &migration : migrations()) {
        if (migration.version <= *current)
            continue;
        qCInfo(lcStore, "applying migration %d: %s", migration.version,
               qUtf8Printable(migration.description));
        const Status applied = transaction([&]() -> Status {
            QSqlQuery query(db);
            for (const QString &statement : migration.statements) {
                if (!query.exec(statement))
                    return toError(query.lastError(),
                                   QStringLiteral("apply migration %1").arg(migration.version));
            }
            // PRAGMA takes no bound parameters; the number is ours, not input.
            if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)))
                return toError(query.lastError(), QStringLiteral("record the schema version"));
            return success();
        });
        if (!applied)
            return applied;
    }
    return success();
}

Status Database::transaction(const std::function<Status()> &work)
{
    // Nested calls join the outer transaction, so a service can compose repository calls
    // that each ask for atomicity.
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status result = work();
        --m_transactionDepth;
        return result;
    }
    QSqlDatabase db = connection();
    if (!db.transaction())
        return toError(db.lastError(), QStringLiteral("start a transaction"));
    ++m_transactionDepth;
    Status result = work();
    --m_transactionDepth;
    if (!result) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        const Error error = toError(db.lastError(), QStringLiteral("commit"));
        db.rollback();
        return error;
    }
    return result;
}

Error Database::toError(const QSqlError &error, const QString &what)
{
    const QString text = error.text();
    const QString native = error.nativeErrorCode();
    // SQLite extended codes (2067 unique, 1555 primary key, 787 foreign key, 275 check) and
    // PostgreSQL SQLSTATEs (23xxx) both mean the data broke a constraint.
    if (text.contains(QLatin1String("UNIQUE constraint")) || native == QLatin1String("2067")
        || native == QLatin1String("1555") || native == QLatin1String("23505")) {
        return Error::conflict(QStringLiteral("duplicate"),
                               QStringLiteral("Could not %1: an object with that name or id already "
                                              "exists.")
                                   .arg(what));
    }
    if (text.contains(QLatin1String("FOREIGN KEY")) || native == QLatin1String("787")
        || native == QLatin1String("23503")) {
        return Error::conflict(QStringLiteral("reference_violation"),
                               QStringLiteral("Could not %1: it refers to an object that does not "
                                              "exist, or others still refer to it.")
                                   .arg(what));
    }
    if (text.contains(QLatin1String("CHECK constraint")) || native == QLatin1String("275")
        || native == QLatin1String("23514")) {
        return {ErrorKind::Unprocessable, QStringLiteral("constraint_violation"),
                QStringLiteral("Could not %1: a value is outside what the store accepts (%2).")
                    .arg(what, error.databaseText()),
                {}};
    }
    if (text.contains(QLatin1String("locked")) || text.contains(QLatin1String("busy"))) {
        return Error::unavailable(QStringLiteral("store_locked"),
                                  QStringLiteral("Could not %1: the database is locked by another "
                                                 "process. Nothing was changed; try again.")
                                      .arg(what));
    }
    if (text.contains(QLatin1String("readonly")) || text.contains(QLatin1String("read-only"))) {
        return Error::unavailable(QStringLiteral("store_read_only"),
                                  QStringLiteral("Could not %1: the database is read-only.").arg(what));
    }
    return Error::internal(QStringLiteral("Could not %1: %2").arg(what, text));
}

Status exec(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return Database::toError(query.lastError(), what);
    return success();
}

} // namespace NeoCloud
