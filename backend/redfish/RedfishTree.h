#pragma once
// A Redfish service as a map from resource path to its JSON: what a crawl of a BMC collects, what
// a fixture folder holds, and what a lab BMC serves. Paths are normalised so "/redfish/v1/Systems/"
// and "/redfish/v1/Systems" are one resource.

#include "core/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace NeoCloud {

class RedfishTree
{
public:
    static QString normalise(const QString &path);

    void insert(const QString &path, const QJsonObject &resource);
    const QJsonObject *find(const QString &path) const;
    QJsonObject value(const QString &path) const;
    bool contains(const QString &path) const { return m_resources.contains(normalise(path)); }
    QStringList paths() const { return m_resources.keys(); }
    qsizetype size() const { return m_resources.size(); }

    // Reads a folder of `index.json` files: either the tree below /redfish/v1 ("short form") or a
    // folder that starts with redfish/v1 ("full form").
    static Result<RedfishTree> loadFolder(const QString &folder);

    // The @odata.id of every link a resource holds (its members and the known child properties).
    static QStringList childLinks(const QJsonObject &resource);

private:
    QHash<QString, QJsonObject> m_resources;
};

} // namespace NeoCloud
