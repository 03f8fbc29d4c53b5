#pragma once
// The numbered schema migrations. Each runs in one transaction; the store records the number of
// the last one applied (PRAGMA user_version on SQLite). Never edit a released migration: add one.

#include <QList>
#include <QString>
#include <QStringList>

namespace NeoCloud {

struct Migration
{
    int version;
    QString description;
    QStringList statements; // portable SQL: SQLite and PostgreSQL both accept it
};

const QList<Migration> &migrations();
int latestSchemaVersion();

} // namespace NeoCloud
