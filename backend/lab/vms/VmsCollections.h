#pragma once
// The generic part of the VMS double: collections of objects served the way VMS serves them
// (list, create, get, update, delete) with each collection's own rules plugged in, and VMS's list
// conventions (filters on fields, `page_size` envelopes). What an object may hold is the spec's
// answer schema for it: the lab stores only declared fields and refuses what it could not answer.

#include "VmsHttp.h"
#include "VmsStore.h"

#include <QSet>
#include <optional>
#include <variant>

namespace NeoCloud {

class VmsTasks;
struct VmsHardware;

// What every collection's rules may consult.
struct VmsContext
{
    VmsStore &store;
    const OpenApiDocument &spec;
    VmsTasks &tasks;
    const VmsHardware &hardware;
    QString baseUrl; // "http://127.77.250.1:16625/api", for objects' `url`
    QSet<QString> downNodes; // lab devices a fault has powered off
};

// A create or an update on its way to the store.
struct VmsDraft
{
    QJsonObject input; // the request body as sent (it passed the spec's request schema)
    QJsonObject body; // what the lab will store and answer
    QJsonObject hidden; // what it keeps but never answers
    std::optional<VmsObject> existing; // set on update
    int id = 0;

    bool has(const QString &key) const { return body.contains(key) && !body.value(key).isNull(); }
};

// Set when a rule refuses: the reply to send instead.
using VmsRefusal = std::optional<VmsLabReply>;

struct VmsCollection
{
    QString name; // served at /<name>/, stored under this name
    QString schemaRef; // an item as answered: "#/components/schemas/View"
    QString label; // "view", for sentences
    bool readOnly = false; // only GETs
    bool asyncDelete
        = false; // DELETE answers an AsyncTaskInResponse; the object goes when the task completes
    // Checks a draft against the collection's rules and fills what the lab computes.
    std::function<VmsRefusal(VmsContext &, VmsDraft &)> prepare;
    // The values no two objects may share (409 on a clash), enforced by the store.
    std::function<QList<VmsUniqueKey>(const VmsObject &)> uniqueKeys;
    // Fields that come from other objects, added when answering (a tenant's VIP pools).
    std::function<void(const VmsContext &, const VmsObject &, QJsonObject &)> derive;
    // Refuses a delete (409) while others depend on the object.
    std::function<VmsRefusal(const VmsContext &, const VmsObject &)> beforeDelete;
};

class VmsCollections
{
public:
    VmsCollections(VmsContext &context, VmsRoutes &routes);

    VmsContext &context() { return m_ctx; }
    const VmsContext &context() const { return m_ctx; }
    VmsRoutes &routes() { return m_routes; }

    // Serves the collection's list, create, get, update and delete where the spec has them.
    void add(VmsCollection collection);
    const VmsCollection &collection(const QString &name) const;

    // An object as answered: its body, derived fields, and `url`, `title`, `tenant_name` where
    // the schema declares them.
    QJsonObject render(const QString &name, const VmsObject &object) const;
    QList<QJsonObject> renderAll(const QString &name) const;
    std::optional<VmsObject> find(const QString &name, int id) const
    {
        return m_ctx.store.find(name, id);
    }
    // The objects of a collection whose body holds `value` at `field`.
    QList<VmsObject> where(const QString &name, const QString &field,
                           const QJsonValue &value) const;
    QJsonObject schema(const QString &name) const;

    VmsLabReply list(const QString &name, const VmsLabRequest &request) const;
    VmsLabReply get(const QString &name, const VmsLabRequest &request) const;
    VmsLabReply create(const QString &name, const VmsLabRequest &request);
    VmsLabReply update(const QString &name, const VmsLabRequest &request);
    VmsLabReply remove(const QString &name, const VmsLabRequest &request);
    // Stores a draft after the collection's rules, defaults and the answer schema have had
    // their say; returns the stored object or the refusal.
    std::variant<VmsObject, VmsLabReply> save(const QString &name, VmsDraft draft);
    // Stores an object as it is, for changes the rules make themselves (a task's outcome, a
    // revoked group), with the collection's unique keys kept.
    Status put(const QString &name, const VmsObject &object);

private:
    VmsLabReply saveAndAnswer(const QString &name, const VmsLabRequest &request, VmsDraft draft);

    VmsContext &m_ctx;
    VmsRoutes &m_routes;
    QHash<QString, VmsCollection> m_collections;
};

// Filters `items` by the request's query (fields of the item schema, with Django's __icontains,
// __startswith and __id/__name spellings) and pages them: a JSON array without `page_size`, the
// {"count", "next", "previous", "results"} envelope with it.
VmsLabReply listReply(const OpenApiDocument &spec, const VmsLabRequest &request,
                      QList<QJsonObject> items, const QJsonObject &itemSchema);
// What the spec documents for the operation's success: its first 2xx status, with `body` where
// that status has content (wrapped in an array where the spec says one: POST /kafkabrokers/)
// and without where it has none.
VmsLabReply documentedReply(const OpenApiDocument &spec, const VmsLabRequest &request,
                            const QJsonValue &body);
// OpenApiDocument's sentences as a DRF 400: {"<top-level field>": ["sentence", ...]}.
VmsLabReply specRefusal(const QStringList &errors);
// DRF's answer for a related id that names nothing.
VmsLabReply invalidPk(const QString &field, const QJsonValue &id);
// Refuses when `field` of the draft holds an id that names no object of `collection`.
VmsRefusal requireRef(const VmsCollections &c, const VmsDraft &draft, const QString &field,
                      const QString &collection);
QString newGuid();
// uniqueKeys for a collection whose objects' names are unique on the cluster.
std::function<QList<VmsUniqueKey>(const VmsObject &)> uniqueNames(const QString &collection,
                                                                  const QString &label);

} // namespace NeoCloud
