#pragma once
// The VMS double's state: objects by collection and id, each a JSON body the double answers and
// a hidden part it keeps but never answers, held in memory and written through to the backend's
// database (migration 8) so a restarted backend serves the same objects.

#include "core/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <optional>

namespace NeoCloud {

class Database;

struct VmsObject
{
    int id = 0;
    QJsonObject body; // what the double answers (the spec's fields only)
    QJsonObject hidden; // what it keeps but never answers (a topic's partitions, pending actions)
};

// A value no two objects may hold at once ("views.bucket:photos"), and the sentence a clash
// answers.
struct VmsUniqueKey
{
    QString key;
    QString message;
};

class VmsStore
{
public:
    VmsStore(Database &database, QString lab);

    Status load();

    QList<VmsObject> all(const QString &collection) const; // by id
    std::optional<VmsObject> find(const QString &collection, int id) const;
    // The id the next object of the collection gets; ids are never reused, even after a delete.
    int nextId(const QString &collection) const;

    // Inserts or replaces the object and its unique keys, all or nothing. A key another object
    // holds fails as a Conflict whose message is that key's sentence.
    Status put(const QString &collection, const VmsObject &object,
               const QList<VmsUniqueKey> &keys = {});
    Status remove(const QString &collection, int id);

private:
    Database &m_db;
    QString m_lab;
    QHash<QString, QMap<int, VmsObject>> m_objects;
    QHash<QString, int> m_lastIds;
};

} // namespace NeoCloud
