// The NetBox form of a plan: what NetBox's REST API answers for /api/dcim/devices/,
// /api/dcim/interfaces/, /api/dcim/cables/ and (optionally) /api/dcim/racks/, saved as they
// come (a list response {"count", "results"} or a bare array). Both cable shapes are read:
// a_terminations/b_terminations (NetBox 3.3 and later) and termination_a/termination_b.

#include "PlanFields.h"
#include "PlanReaders.h"
#include "api/JsonKeys.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace NeoCloud {
namespace {

struct Source
{
    QString file;
    std::shared_ptr<JsonLocator> locator;
    QString path; // of the items list within the file
    QJsonArray items;
    bool present = false;
};

QString str(const QJsonValue &v) { return v.isString() ? v.toString().trimmed() : QString(); }

DeviceKind kindFromRole(const QString &slug)
{
    const QString s = slug.toLower();
    if (const auto exact = deviceKindFrom(s))
        return *exact;
    if (s.contains(QLatin1String("gpu")))
        return DeviceKind::GpuServer;
    if (s.contains(QLatin1String("cnode")))
        return DeviceKind::StorageCNode;
    if (s.contains(QLatin1String("dbox")))
        return DeviceKind::StorageDBox;
    if (s.contains(QLatin1String("switch")) || s.contains(QLatin1String("leaf")) || s.contains(QLatin1String("spine")))
        return DeviceKind::Switch;
    if (s.contains(QLatin1String("pdu")))
        return DeviceKind::Pdu;
    return DeviceKind::Other;
}

// "400gbase-x-osfp" -> 400; NetBox's interface types name the speed when `speed` is empty.
std::optional<double> speedFromType(const QString &type)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+(?:\\.\\d+)?)gbase"));
    const auto m = re.match(type);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toDouble();
}

// A file's items: the list response's "results", or the file itself when it is an array.
Source source(const QString &file, const QString &basePath, const QJsonValue &value,
              QList<PlanIssue> &issues, std::shared_ptr<JsonLocator> locator)
{
    Source s;
    s.file = file;
    s.locator = std::move(locator);
    s.present = true;
    if (value.isArray()) {
        s.items = value.toArray();
        s.path = basePath;
    } else if (value.isObject() && value.toObject().value(QLatin1String("results")).isArray()) {
        s.items = value.toObject().value(QLatin1String("results")).toArray();
        s.path = basePath.isEmpty() ? QStringLiteral("results") : basePath + QStringLiteral(".results");
        const QJsonValue next = value.toObject().value(QLatin1String("next"));
        if (next.isString() && !next.toString().isEmpty()) {
            const SourceSpot spot = s.locator->at(basePath.isEmpty() ? QStringLiteral("next") : basePath + QStringLiteral(".next"));
            issues << PlanIssue{file, spot.line, spot.column,
                                QStringLiteral("This is one page of a longer list; export it whole (?limit=0 or ?brief=false&limit=1000).")};
        }
    } else {
        const SourceSpot spot = s.locator->at(basePath);
        issues << PlanIssue{file, spot.line, spot.column, QStringLiteral("Expected NetBox's list answer {\"results\": [...]} or an array.")};
    }
    return s;
}

std::optional<QJsonValue> parseFile(const PlanFile &f, QList<PlanIssue> &issues, std::shared_ptr<JsonLocator> &locator)
{
    locator = std::make_shared<JsonLocator>(f.data);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.data, &error);
    if (error.error != QJsonParseError::NoError) {
        const SourceSpot spot = locator->spotOf(error.offset);
        issues << PlanIssue{f.name, spot.line, spot.column, QStringLiteral("Not valid JSON: %1.").arg(error.errorString())};
        return std::nullopt;
    }
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// One end of a cable: the interface's device and name, from the nested object or by id.
struct End
{
    QString device;
    QString port;
    bool isInterface = false;
};

End endFrom(const QJsonObject &cable, const char *side, const QHash<qint64, End> &interfaces)
{
    const QString s = QString::fromLatin1(side);
    const QJsonValue terminations = cable.value(s + QStringLiteral("_terminations"));
    QJsonObject object;
    QString type;
    qint64 id = 0;
    if (terminations.isArray()) {
        const QJsonObject first = terminations.toArray().first().toObject();
        type = str(first.value(QLatin1String("object_type")));
        object = first.value(QLatin1String("object")).toObject();
        id = qint64(first.value(QLatin1String("object_id")).toDouble());
    } else {
        type = str(cable.value(QStringLiteral("termination_") + s + QStringLiteral("_type")));
        object = cable.value(QStringLiteral("termination_") + s).toObject();
        id = qint64(cable.value(QStringLiteral("termination_") + s + QStringLiteral("_id")).toDouble());
    }
    End end;
    end.isInterface = type == QLatin1String("dcim.interface");
    end.device = str(object.value(QLatin1String("device")).toObject().value(QLatin1String("name")));
    end.port = str(object.value(QLatin1String("name")));
    if ((end.device.isEmpty() || end.port.isEmpty()) && id == 0)
        id = qint64(object.value(QLatin1String("id")).toDouble());
    if ((end.device.isEmpty() || end.port.isEmpty()) && interfaces.contains(id)) {
        end.device = interfaces.value(id).device;
        end.port = interfaces.value(id).port;
    }
    return end;
}

} // namespace

PlanRead readNetBoxPlan(const PlanUpload &upload)
{
    PlanRead out;
    out.plan.format = PlanFormat::NetBox;
    out.plan.name = upload.name.trimmed();
    Source devices, interfaces, cables, racks;
    const QStringList known{QStringLiteral("devices"), QStringLiteral("interfaces"), QStringLiteral("cables"), QStringLiteral("racks")};
    for (const PlanFile &f : upload.files) {
        std::shared_ptr<JsonLocator> locator;
        const auto value = parseFile(f, out.issues, locator);
        if (!value)
            continue;
        const QString base = f.name.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0).toLower();
        if (known.contains(base)) {
            Source &target = base == known.at(0) ? devices : base == known.at(1) ? interfaces : base == known.at(2) ? cables : racks;
            target = source(f.name, QString(), *value, out.issues, locator);
        } else if (value->isObject() && value->toObject().contains(QLatin1String("devices"))) {
            // One JSON body holding all four: {"devices": ..., "interfaces": ..., "cables": ..., "racks": ...}
            const QJsonObject bundle = value->toObject();
            for (const QString &key : known)
                if (bundle.contains(key)) {
                    Source &target = key == known.at(0) ? devices : key == known.at(1) ? interfaces : key == known.at(2) ? cables : racks;
                    target = source(f.name, key, bundle.value(key), out.issues, locator);
                }
        } else {
            out.issues << PlanIssue{f.name, 0, 0,
                                    QStringLiteral("Unknown file '%1'; a NetBox plan is devices.json, interfaces.json, cables.json and racks.json.").arg(f.name)};
        }
    }
    if (!devices.present) {
        out.issues << PlanIssue{QStringLiteral("devices.json"), 0, 0, QStringLiteral("A NetBox plan needs the devices list (devices.json).")};
        return out;
    }
    auto fields = [&](const Source &s, qsizetype i) {
        return PlanFields(s.items.at(i).toObject(), *s.locator, s.file, QStringLiteral("%1[%2]").arg(s.path).arg(i), out.issues);
    };
    auto spotOf = [](const Source &s, qsizetype i) { return s.locator->at(QStringLiteral("%1[%2]").arg(s.path).arg(i)); };

    // Sites: one, or the one asked for.
    QString site = upload.site.trimmed();
    QStringList sites;
    for (const QJsonValue &d : std::as_const(devices.items)) {
        const QJsonObject s = d.toObject().value(QLatin1String("site")).toObject();
        const QString name = str(s.value(QLatin1String("name")));
        if (!name.isEmpty() && !sites.contains(name))
            sites << name;
    }
    auto atSite = [&](const QJsonObject &o) {
        const QJsonObject s = o.value(QLatin1String("site")).toObject();
        return site.isEmpty() || str(s.value(QLatin1String("name"))) == site || str(s.value(QLatin1String("slug"))) == site;
    };
    if (site.isEmpty()) {
        if (sites.size() == 1)
            site = sites.constFirst();
        else if (sites.size() > 1)
            out.issues << PlanIssue{devices.file, 0, 0, QStringLiteral("The export holds devices of sites %1; pick one with ?site=.").arg(sites.join(QLatin1String(", ")))};
        else
            out.issues << PlanIssue{devices.file, 0, 0, QStringLiteral("The devices name no site; give it with ?site=.")};
    }
    out.plan.site = site;

    for (qsizetype i = 0; i < racks.items.size(); ++i) {
        if (!racks.items.at(i).isObject() || !atSite(racks.items.at(i).toObject()))
            continue;
        PlanFields f = fields(racks, i);
        PlanRack rack;
        rack.name = f.text(Key::name, true);
        rack.units = f.integer(QLatin1String("u_height"), 1, 60).value_or(42);
        rack.origin = f.origin();
        rack.origin.fields.insert(Key::units, rack.origin.of(QStringLiteral("u_height")));
        out.plan.racks << rack;
    }
    QHash<QString, int> derivedUnits; // racks only devices name: tall enough for what they hold
    for (qsizetype i = 0; i < devices.items.size(); ++i) {
        if (!devices.items.at(i).isObject()) {
            const SourceSpot spot = spotOf(devices, i);
            out.issues << PlanIssue{devices.file, spot.line, spot.column, QStringLiteral("Each device must be an object.")};
            continue;
        }
        const QJsonObject o = devices.items.at(i).toObject();
        if (!atSite(o))
            continue;
        PlanFields f = fields(devices, i);
        PlanDevice d;
        d.name = f.text(Key::name);
        if (d.name.isEmpty())
            f.problem(Key::name, QStringLiteral("Device %1 has no name; commissioning matches devices by name.").arg(qint64(o.value(Key::id).toDouble())));
        d.rack = str(o.value(Key::rack).toObject().value(Key::name));
        const QJsonValue position = o.value(Key::position);
        if (position.isDouble()) {
            if (position.toDouble() != double(int(position.toDouble())) || position.toDouble() < 1)
                f.problem(Key::position, QStringLiteral("position %1 is not a whole U from 1.").arg(position.toDouble()));
            else
                d.position = int(position.toDouble());
        }
        const QJsonObject type = o.value(QLatin1String("device_type")).toObject();
        d.model = str(type.value(Key::model));
        d.vendor = str(type.value(QLatin1String("manufacturer")).toObject().value(Key::name));
        const double height = type.value(QLatin1String("u_height")).toDouble(1);
        d.heightU = qBound(1, int(std::ceil(height)), 20);
        const QJsonObject role = o.value(Key::role).isObject() ? o.value(Key::role).toObject() : o.value(QLatin1String("device_role")).toObject();
        d.kind = kindFromRole(str(role.value(QLatin1String("slug"))).isEmpty() ? str(role.value(Key::name)) : str(role.value(QLatin1String("slug"))));
        d.serial = str(o.value(Key::serial));
        d.assetTag = str(o.value(QLatin1String("asset_tag")));
        const QJsonObject custom = o.value(QLatin1String("custom_fields")).toObject();
        d.bmcUrl = str(custom.value(QLatin1String("bmc_url")));
        if (d.bmcUrl.isEmpty()) {
            const QString address = str(o.value(QLatin1String("oob_ip")).toObject().value(QLatin1String("address"))).section(QLatin1Char('/'), 0, 0);
            if (!QHostAddress(address).isNull())
                d.bmcUrl = QStringLiteral("https://") + address;
        }
        d.firmware = str(custom.value(Key::firmware));
        auto count = [&](const char *key) -> std::optional<int> {
            const QJsonValue v = custom.value(QLatin1String(key));
            return v.isDouble() && v.toDouble() >= 0 ? std::optional<int>(int(v.toDouble())) : std::nullopt;
        };
        d.expected = {count("gpus"), count("drives"), count("memory")};
        d.origin = f.origin();
        d.origin.fields.insert(Key::serial, d.origin.of(Key::serial));
        d.origin.fields.insert(Key::assetTag, d.origin.of(QStringLiteral("asset_tag")));
        d.origin.fields.insert(Key::bmcUrl, d.origin.of(QStringLiteral("custom_fields")));
        d.origin.fields.insert(Key::heightU, d.origin.of(QStringLiteral("device_type")));
        if (!d.rack.isEmpty() && d.position)
            derivedUnits[d.rack] = qMax(derivedUnits.value(d.rack, 42), *d.position + d.heightU - 1);
        out.plan.devices << d;
    }
    for (auto it = derivedUnits.begin(); it != derivedUnits.end(); ++it) {
        const bool listed = std::any_of(out.plan.racks.begin(), out.plan.racks.end(), [&](const PlanRack &r) { return r.name == it.key(); });
        if (!listed && !racks.present)
            out.plan.racks << PlanRack{it.key(), qMin(it.value(), 60), {}};
    }
    std::sort(out.plan.racks.begin(), out.plan.racks.end(), [](const PlanRack &a, const PlanRack &b) { return a.name < b.name; });
    QHash<qint64, End> interfaceById;
    QHash<QString, double> speeds; // "device:port" -> Gbps
    for (qsizetype i = 0; i < interfaces.items.size(); ++i) {
        const QJsonObject o = interfaces.items.at(i).toObject();
        End end{str(o.value(Key::device).toObject().value(Key::name)), str(o.value(Key::name)), true};
        interfaceById.insert(qint64(o.value(Key::id).toDouble()), end);
        const QJsonValue kbps = o.value(QLatin1String("speed"));
        std::optional<double> gbps;
        if (kbps.isDouble() && kbps.toDouble() > 0)
            gbps = kbps.toDouble() / 1e6;
        else
            gbps = speedFromType(str(o.value(QLatin1String("type")).toObject().value(QLatin1String("value"))));
        if (gbps)
            speeds.insert(end.device + QLatin1Char(':') + end.port, *gbps);
    }
    QSet<QString> names;
    for (const PlanDevice &d : std::as_const(out.plan.devices))
        names.insert(d.name);
    for (qsizetype i = 0; i < cables.items.size(); ++i) {
        const QJsonObject o = cables.items.at(i).toObject();
        const End a = endFrom(o, "a", interfaceById), b = endFrom(o, "b", interfaceById);
        if (!a.isInterface || !b.isInterface)
            continue; // power and console cables are not part of the cabling check
        if (!names.contains(a.device) && !names.contains(b.device))
            continue; // another site's cable
        PlanFields f = fields(cables, i);
        PlanLink link;
        link.a = {a.device, a.port};
        link.b = {b.device, b.port};
        if (a.device.isEmpty() || a.port.isEmpty() || b.device.isEmpty() || b.port.isEmpty()) {
            f.problem(QStringLiteral("a_terminations"), QStringLiteral("Cable %1: an end names no device or interface, and interfaces.json does not know its id.")
                                                           .arg(qint64(o.value(Key::id).toDouble())));
            continue;
        }
        const QString aKey = a.device + QLatin1Char(':') + a.port, bKey = b.device + QLatin1Char(':') + b.port;
        if (speeds.contains(aKey) || speeds.contains(bKey))
            link.speedGbps = qMin(speeds.value(aKey, 1e9), speeds.value(bKey, 1e9));
        link.origin = f.origin();
        out.plan.links << link;
    }
    return out;
}

} // namespace NeoCloud
