#include "VmsStore.h"

#include "store/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace NeoCloud {
namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parsed(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

VmsStore::VmsStore(Database &database, QString lab)
    : m_db(database)
    , m_lab(std::move(lab))
{ }

Status VmsStore::load()
{
    m_objects.clear();
    m_lastIds.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT collection, id, body, hidden FROM lab_vms_objects WHERE lab = ?"));
    q.addBindValue(text(m_lab));
    if (Status s = exec(q, QStringLiteral("read the lab's VMS objects")); !s)
        return s;
    while (q.next()) {
        const VmsObject object { q.value(1).toInt(), parsed(q.value(2).toString()),
                                 parsed(q.value(3).toString()) };
        m_objects[q.value(0).toString()].insert(object.id, object);
    }
    q.prepare(QStringLiteral("SELECT collection, last_id FROM lab_vms_sequences WHERE lab = ?"));
    q.addBindValue(text(m_lab));
    if (Status s = exec(q, QStringLiteral("read the lab's VMS ids")); !s)
        return s;
    while (q.next())
        m_lastIds.insert(q.value(0).toString(), q.value(1).toInt());
    return success();
}

QList<VmsObject> VmsStore::all(const QString &collection) const
{
    return m_objects.value(collection).values();
}

std::optional<VmsObject> VmsStore::find(const QString &collection, int id) const
{
    const auto objects = m_objects.constFind(collection);
    if (objects == m_objects.constEnd())
        return std::nullopt;
    const auto it = objects->constFind(id);
    if (it == objects->constEnd())
        return std::nullopt;
    return *it;
}

int VmsStore::nextId(const QString &collection) const
{
    const QMap<int, VmsObject> objects = m_objects.value(collection);
    const int highest = objects.isEmpty() ? 0 : objects.lastKey();
    return qMax(highest, m_lastIds.value(collection)) + 1;
}

Status VmsStore::put(const QString &collection, const VmsObject &object,
                     const QList<VmsUniqueKey> &keys)
{
    const Status stored = m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral(
            "DELETE FROM lab_vms_unique WHERE lab = ? AND collection = ? AND id = ?"));
        for (const QVariant &v : { text(m_lab), text(collection), QVariant(object.id) })
            q.addBindValue(v);
        if (Status s = exec(q, QStringLiteral("release a VMS object's unique values")); !s)
            return s;
        q.prepare(QStringLiteral("UPDATE lab_vms_objects SET body = ?, hidden = ? WHERE lab = ? "
                                 "AND collection = ? AND id = ?"));
        for (const QVariant &v : { QVariant(compact(object.body)), QVariant(compact(object.hidden)),
                                   text(m_lab), text(collection), QVariant(object.id) })
            q.addBindValue(v);
        if (Status s = exec(q, QStringLiteral("update a VMS object")); !s)
            return s;
        if (q.numRowsAffected() == 0) {
            q.prepare(QStringLiteral("INSERT INTO lab_vms_objects (lab, collection, id, body, "
                                     "hidden) VALUES (?, ?, ?, ?, ?)"));
            for (const QVariant &v :
                 { text(m_lab), text(collection), QVariant(object.id),
                   QVariant(compact(object.body)), QVariant(compact(object.hidden)) })
                q.addBindValue(v);
            if (Status s = exec(q, QStringLiteral("store a VMS object")); !s)
                return s;
        }
        for (const VmsUniqueKey &key : keys) {
            q.prepare(QStringLiteral("INSERT INTO lab_vms_unique (lab, unique_key, collection, id) "
                                     "VALUES (?, ?, ?, ?)"));
            for (const QVariant &v :
                 { text(m_lab), text(key.key), text(collection), QVariant(object.id) })
                q.addBindValue(v);
            if (Status s = exec(q, QStringLiteral("claim a unique value")); !s)
                return s.error().kind == ErrorKind::Conflict
                    ? Status(Error::conflict(QStringLiteral("duplicate"), key.message))
                    : s;
        }
        q.prepare(QStringLiteral(
            "INSERT INTO lab_vms_sequences (lab, collection, last_id) VALUES (?, ?, ?) "
            "ON CONFLICT (lab, collection) DO UPDATE SET last_id = excluded.last_id "
            "WHERE excluded.last_id > lab_vms_sequences.last_id"));
        for (const QVariant &v : { text(m_lab), text(collection), QVariant(object.id) })
            q.addBindValue(v);
        return exec(q, QStringLiteral("advance a VMS id"));
    });
    if (!stored)
        return stored;
    m_objects[collection].insert(object.id, object);
    m_lastIds[collection] = qMax(m_lastIds.value(collection), object.id);
    return success();
}

Status VmsStore::remove(const QString &collection, int id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("DELETE FROM lab_vms_objects WHERE lab = ? AND collection = ? AND id = ?"));
    for (const QVariant &v : { text(m_lab), text(collection), QVariant(id) })
        q.addBindValue(v);
    if (Status s = exec(q, QStringLiteral("delete a VMS object")); !s)
        return s;
    m_objects[collection].remove(id);
    return success();
}

} // namespace NeoCloud
