#include "LldpParser.h"

#include <QJsonArray>
#include <QJsonObject>

namespace NeoCloud {
namespace {

// json0 wraps every value in a list of objects with "value".
QString json0Value(const QJsonValue &v)
{
    if (v.isArray())
        return json0Value(v.toArray().first());
    if (v.isObject())
        return v.toObject().value(QLatin1String("value")).toString();
    return v.toString();
}

// The neighbour's port: lldpd reports an id (ifname, MAC, local...) and a description; the
// description holds the interface name when the id is a MAC.
QString portName(const QString &idType, const QString &idValue, const QString &descr)
{
    if (idType == QLatin1String("ifname") || idType == QLatin1String("local") || descr.isEmpty())
        return idValue;
    return descr.contains(QLatin1Char(' ')) ? idValue : descr;
}

LldpNeighbour fromJson(const QString &localPort, const QJsonObject &entry)
{
    LldpNeighbour n;
    n.localPort = localPort;
    const QJsonObject chassis = entry.value(QLatin1String("chassis")).toObject();
    // json: {"<system name>": {"id": {...}}}; some versions put "id" directly.
    QJsonObject chassisBody = chassis;
    if (!chassis.contains(QLatin1String("id")) && chassis.size() == 1) {
        n.systemName = chassis.begin().key();
        chassisBody = chassis.begin().value().toObject();
    } else {
        n.systemName = chassis.value(QLatin1String("name")).toString();
    }
    n.chassisId = chassisBody.value(QLatin1String("id")).toObject().value(QLatin1String("value")).toString().toLower();
    const QJsonObject port = entry.value(QLatin1String("port")).toObject();
    const QJsonObject id = port.value(QLatin1String("id")).toObject();
    n.portId = portName(id.value(QLatin1String("type")).toString(), id.value(QLatin1String("value")).toString(),
                        port.value(QLatin1String("descr")).toString());
    return n;
}

LldpNeighbour fromJson0(const QJsonObject &entry)
{
    LldpNeighbour n;
    n.localPort = entry.value(QLatin1String("name")).toString();
    const QJsonObject chassis = entry.value(QLatin1String("chassis")).toArray().first().toObject();
    n.systemName = json0Value(chassis.value(QLatin1String("name")));
    n.chassisId = chassis.value(QLatin1String("id")).toArray().first().toObject().value(QLatin1String("value")).toString().toLower();
    const QJsonObject port = entry.value(QLatin1String("port")).toArray().first().toObject();
    const QJsonObject id = port.value(QLatin1String("id")).toArray().first().toObject();
    n.portId = portName(id.value(QLatin1String("type")).toString(), id.value(QLatin1String("value")).toString(),
                        json0Value(port.value(QLatin1String("descr"))));
    return n;
}

Error notLldp(const QString &why)
{
    return Error::badInput(QStringLiteral("invalid_lldp"),
                           QStringLiteral("The data is not lldpcli JSON output: %1.").arg(why), QStringLiteral("data"));
}

} // namespace

Result<QList<LldpNeighbour>> parseLldpNeighbours(const QJsonValue &document)
{
    QList<LldpNeighbour> out;
    const QJsonValue lldp = document.toObject().value(QLatin1String("lldp"));
    if (lldp.isArray()) { // json0
        const QJsonArray interfaces = lldp.toArray().first().toObject().value(QLatin1String("interface")).toArray();
        for (const QJsonValue &i : interfaces)
            out << fromJson0(i.toObject());
        return out;
    }
    if (!lldp.isObject())
        return notLldp(QStringLiteral("no \"lldp\" object"));
    const QJsonValue interfaces = lldp.toObject().value(QLatin1String("interface"));
    if (interfaces.isUndefined())
        return out; // no neighbours at all
    if (interfaces.isObject()) {
        const QJsonObject one = interfaces.toObject();
        for (auto it = one.begin(); it != one.end(); ++it)
            out << fromJson(it.key(), it.value().toObject());
        return out;
    }
    if (!interfaces.isArray())
        return notLldp(QStringLiteral("\"interface\" is neither an object nor a list"));
    for (const QJsonValue &item : interfaces.toArray()) {
        const QJsonObject wrapper = item.toObject();
        for (auto it = wrapper.begin(); it != wrapper.end(); ++it)
            out << fromJson(it.key(), it.value().toObject());
    }
    return out;
}

} // namespace NeoCloud
