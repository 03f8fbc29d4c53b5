#include "RedfishTree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace NeoCloud {
namespace {

// The properties an inventory needs to follow. Everything else a BMC links to (log entries,
// schemas, registries, accounts, sessions, sub-processors) is skipped: a full crawl of a real BMC
// costs thousands of requests for nothing an operator asked for.
const QSet<QString> &followedProperties()
{
    static const QSet<QString> names{
        QStringLiteral("Systems"),         QStringLiteral("Chassis"),
        QStringLiteral("Managers"),        QStringLiteral("PowerEquipment"),
        QStringLiteral("RackPDUs"),        QStringLiteral("FloorPDUs"),
        QStringLiteral("Fabrics"),         QStringLiteral("Switches"),
        QStringLiteral("Members"),         QStringLiteral("Processors"),
        QStringLiteral("Memory"),          QStringLiteral("Storage"),
        QStringLiteral("Drives"),          QStringLiteral("EthernetInterfaces"),
        QStringLiteral("NetworkAdapters"), QStringLiteral("Ports"),
        QStringLiteral("NetworkPorts"),    QStringLiteral("PCIeDevices"),
        QStringLiteral("PCIeFunctions"),   QStringLiteral("PowerSubsystem"),
        QStringLiteral("PowerSupplies"),   QStringLiteral("ThermalSubsystem"),
        QStringLiteral("Fans"),            QStringLiteral("Power"),
        QStringLiteral("Thermal"),
    };
    return names;
}

void collectLinks(const QJsonValue &value, QStringList &out)
{
    if (value.isObject()) {
        const QString id = value.toObject().value(QLatin1String("@odata.id")).toString();
        if (!id.isEmpty())
            out.append(id);
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            const QString id = item.toObject().value(QLatin1String("@odata.id")).toString();
            if (!id.isEmpty())
                out.append(id);
        }
    }
}

} // namespace

QString RedfishTree::normalise(const QString &path)
{
    // Called for every lookup and link: kept free of regular expressions and copies where the
    // path is already clean, which is nearly always.
    qsizetype cut = path.size();
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('?') || c == QLatin1Char('#')) {
            cut = i;
            break;
        }
    }
    if (cut == path.size() && !path.endsWith(QLatin1Char('/')) && !path.contains(QLatin1String("//")))
        return path;
    QString p = path.left(cut);
    // Some BMCs put absolute URLs in @odata.id; keep the path.
    if (p.startsWith(QLatin1String("http"))) {
        const qsizetype slash = p.indexOf(QLatin1Char('/'), p.indexOf(QLatin1String("//")) + 2);
        p = slash >= 0 ? p.mid(slash) : QStringLiteral("/");
    }
    while (p.contains(QLatin1String("//")))
        p.replace(QLatin1String("//"), QLatin1String("/"));
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p;
}

void RedfishTree::insert(const QString &path, const QJsonObject &resource)
{
    m_resources.insert(normalise(path), resource);
}

const QJsonObject *RedfishTree::find(const QString &path) const
{
    const auto it = m_resources.constFind(normalise(path));
    return it == m_resources.constEnd() ? nullptr : &it.value();
}

QJsonObject RedfishTree::value(const QString &path) const
{
    const QJsonObject *found = find(path);
    return found ? *found : QJsonObject();
}

Result<RedfishTree> RedfishTree::loadFolder(const QString &folder)
{
    QDir root(folder);
    if (!root.exists())
        return Error::badInput(QStringLiteral("no_such_folder"),
                               QStringLiteral("No Redfish tree at %1.").arg(folder));
    const bool fullForm = root.exists(QStringLiteral("redfish/v1/index.json"));
    RedfishTree tree;
    QDirIterator it(folder, {QStringLiteral("index.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QString relative = root.relativeFilePath(QFileInfo(file).absolutePath());
        if (relative == QLatin1String("."))
            relative.clear();
        const QString path = fullForm ? QString(QLatin1Char('/') + relative)
                                      : QString(QStringLiteral("/redfish/v1/") + relative);
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(f.readAll());
        if (document.isObject())
            tree.insert(path, document.object());
    }
    if (!tree.contains(QStringLiteral("/redfish/v1")))
        return Error::badInput(QStringLiteral("no_service_root"),
                               QStringLiteral("%1 holds no Redfish service root.").arg(folder));
    return tree;
}

QStringList RedfishTree::childLinks(const QJsonObject &resource)
{
    QStringList links;
    const QSet<QString> &follow = followedProperties();
    for (auto it = resource.begin(); it != resource.end(); ++it) {
        if (follow.contains(it.key()))
            collectLinks(it.value(), links);
    }
    const QJsonObject related = resource.value(QLatin1String("Links")).toObject();
    for (const QString &name : {QStringLiteral("Drives"), QStringLiteral("PCIeDevices"), QStringLiteral("Contains")})
        collectLinks(related.value(name), links);
    return links;
}

} // namespace NeoCloud
