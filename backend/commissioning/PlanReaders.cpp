#include "PlanReaders.h"

#include "CsvReader.h"
#include "PlanFields.h"
#include "api/JsonKeys.h"
#include "domain/Enums.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace NeoCloud {
namespace {

const QStringList rackKeys{Key::name, Key::units};
const QStringList deviceKeys{Key::name,  Key::rack,     Key::position, Key::heightU, Key::kind,
                             Key::vendor, Key::model,   Key::serial,   Key::assetTag, Key::bmcUrl,
                             Key::firmware, Key::expected};
const QStringList linkKeys{Key::a, Key::b, Key::speedGbps};

QString kindSpellings() { return enumSpellings<DeviceKind>().join(QLatin1String(", ")); }

PlanLinkEnd readEnd(PlanFields &link, QLatin1String key, const JsonLocator &locator, const QString &file,
                    QList<PlanIssue> &issues)
{
    const QJsonValue v = link.object().value(key);
    if (!v.isObject()) {
        link.problem(key, QStringLiteral("%1 must be an object {\"device\", \"port\"}.").arg(link.where(key)));
        return {};
    }
    PlanFields end(v.toObject(), locator, file, link.where(key), issues);
    return {end.text(Key::device, true), end.text(Key::port, true)};
}

} // namespace

std::optional<DeviceKind> deviceKindFrom(const QString &text)
{
    return parseEnum<DeviceKind>(text.trimmed().toLower());
}

bool isBmcUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && !url.host().isEmpty();
}

PlanRead readJsonPlan(const PlanFile &file)
{
    PlanRead out;
    out.plan.format = PlanFormat::Json;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.data, &error);
    const JsonLocator locator(file.data);
    if (error.error != QJsonParseError::NoError) {
        const SourceSpot spot = locator.spotOf(error.offset);
        out.issues << PlanIssue{file.name, spot.line, spot.column, QStringLiteral("Not valid JSON: %1.").arg(error.errorString())};
        return out;
    }
    if (!doc.isObject()) {
        out.issues << PlanIssue{file.name, 1, 1, QStringLiteral("A site plan is a JSON object with site, racks, devices and links.")};
        return out;
    }
    PlanFields root(doc.object(), locator, file.name, QString(), out.issues);
    out.plan.site = root.text(Key::site, true);
    out.plan.name = root.text(Key::name);
    out.plan.extra = root.extras({Key::site, Key::name, Key::racks, Key::devices, Key::links});

    auto list = [&](QLatin1String key, bool required) {
        const QJsonValue v = doc.object().value(key);
        if (v.isArray())
            return v.toArray();
        if (!v.isUndefined() || required)
            root.problem(key, QStringLiteral("%1 must be a list.").arg(key));
        return QJsonArray();
    };
    auto element = [&](const QJsonArray &array, QLatin1String key, qsizetype i) -> std::optional<QJsonObject> {
        if (array.at(i).isObject())
            return array.at(i).toObject();
        const SourceSpot spot = locator.at(QStringLiteral("%1[%2]").arg(key).arg(i));
        out.issues << PlanIssue{file.name, spot.line, spot.column, QStringLiteral("%1[%2] must be an object.").arg(key).arg(i)};
        return std::nullopt;
    };

    const QJsonArray racks = list(Key::racks, false);
    for (qsizetype i = 0; i < racks.size(); ++i) {
        const auto o = element(racks, Key::racks, i);
        if (!o)
            continue;
        PlanFields f(*o, locator, file.name, QStringLiteral("racks[%1]").arg(i), out.issues);
        PlanRack rack;
        rack.name = f.text(Key::name, true);
        rack.units = f.integer(Key::units, 1, 60).value_or(42);
        rack.origin = f.origin();
        out.plan.racks << rack;
    }

    const QJsonArray devices = list(Key::devices, true);
    for (qsizetype i = 0; i < devices.size(); ++i) {
        const auto o = element(devices, Key::devices, i);
        if (!o)
            continue;
        PlanFields f(*o, locator, file.name, QStringLiteral("devices[%1]").arg(i), out.issues);
        PlanDevice d;
        d.name = f.text(Key::name, true);
        d.rack = f.text(Key::rack);
        d.position = f.integer(Key::position, 1, 60);
        d.heightU = f.integer(Key::heightU, 1, 20).value_or(1);
        if (const QString kind = f.text(Key::kind); !kind.isEmpty()) {
            if (const auto k = deviceKindFrom(kind))
                d.kind = *k;
            else
                f.problem(Key::kind, QStringLiteral("kind '%1' is not one of %2.").arg(kind, kindSpellings()));
        }
        d.vendor = f.text(Key::vendor);
        d.model = f.text(Key::model);
        d.serial = f.text(Key::serial);
        d.assetTag = f.text(Key::assetTag);
        d.bmcUrl = f.text(Key::bmcUrl);
        d.firmware = f.text(Key::firmware);
        const QJsonValue expected = o->value(Key::expected);
        if (expected.isObject()) {
            PlanFields e(expected.toObject(), locator, file.name, f.where(Key::expected), out.issues);
            d.expected.gpus = e.integer(Key::gpus, 0, 1024);
            d.expected.drives = e.integer(Key::drives, 0, 1024);
            d.expected.memory = e.integer(Key::memory, 0, 4096);
        } else if (!expected.isUndefined() && !expected.isNull()) {
            f.problem(Key::expected, QStringLiteral("expected must be an object {\"gpus\", \"drives\", \"memory\"}."));
        }
        d.extra = f.extras(deviceKeys);
        d.origin = f.origin();
        out.plan.devices << d;
    }

    const QJsonArray links = list(Key::links, false);
    for (qsizetype i = 0; i < links.size(); ++i) {
        const auto o = element(links, Key::links, i);
        if (!o)
            continue;
        PlanFields f(*o, locator, file.name, QStringLiteral("links[%1]").arg(i), out.issues);
        PlanLink link;
        link.a = readEnd(f, Key::a, locator, file.name, out.issues);
        link.b = readEnd(f, Key::b, locator, file.name, out.issues);
        link.speedGbps = f.positive(Key::speedGbps);
        link.extra = f.extras(linkKeys);
        link.origin = f.origin();
        // The ends' own spots, for messages about a device or port.
        link.origin.fields.insert(QStringLiteral("a.device"), locator.at(f.where(QStringLiteral("a.device"))));
        link.origin.fields.insert(QStringLiteral("a.port"), locator.at(f.where(QStringLiteral("a.port"))));
        link.origin.fields.insert(QStringLiteral("b.device"), locator.at(f.where(QStringLiteral("b.device"))));
        link.origin.fields.insert(QStringLiteral("b.port"), locator.at(f.where(QStringLiteral("b.port"))));
        out.plan.links << link;
    }
    return out;
}

namespace {

// Reads typed cells of a CSV row, each bad one an issue at (line, column).
struct CsvCells
{
    const CsvTable &table;
    const CsvRow &row;
    QList<PlanIssue> &issues;

    SourceSpot spot(const QString &column) const
    {
        return {row.line, table.columnOf.value(column, 0) + 1};
    }
    void problem(const QString &column, const QString &message) const
    {
        const SourceSpot s = spot(column);
        issues << PlanIssue{table.file, s.line, s.column, message};
    }
    QString text(const QString &column, bool required = false) const
    {
        const QString v = table.value(row, column);
        if (v.isEmpty() && required)
            problem(column, QStringLiteral("%1 is required.").arg(header(column)));
        return v;
    }
    std::optional<int> integer(const QString &column, int min, int max) const
    {
        const QString v = text(column);
        if (v.isEmpty())
            return std::nullopt;
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < min || n > max) {
            problem(column, QStringLiteral("%1 must be a whole number from %2 to %3; got '%4'.").arg(header(column)).arg(min).arg(max).arg(v));
            return std::nullopt;
        }
        return n;
    }
    std::optional<double> positive(const QString &column) const
    {
        const QString v = text(column);
        if (v.isEmpty())
            return std::nullopt;
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!ok || d <= 0) {
            problem(column, QStringLiteral("%1 must be a positive number; got '%2'.").arg(header(column), v));
            return std::nullopt;
        }
        return d;
    }
    QString header(const QString &column) const
    {
        const int i = table.columnOf.value(column, -1);
        return i >= 0 ? table.header.at(i) : column;
    }
    // Columns the format does not define, kept as strings.
    QJsonObject extras(const QStringList &known) const
    {
        QJsonObject out;
        for (auto it = table.columnOf.begin(); it != table.columnOf.end(); ++it)
            if (!known.contains(it.key()) && it.value() < row.fields.size() && !row.fields.at(it.value()).trimmed().isEmpty())
                out.insert(table.header.at(it.value()), row.fields.at(it.value()).trimmed());
        return out;
    }
};

void requireColumns(const CsvTable &table, const QStringList &required, QList<PlanIssue> &issues)
{
    for (const QString &column : required)
        if (!table.has(column))
            issues << PlanIssue{table.file, table.headerLine ? table.headerLine : 1, int(table.header.size()) + 1,
                                QStringLiteral("The header lacks the required column '%1'.").arg(column)};
}

const PlanFile *fileNamed(const QList<PlanFile> &files, const QString &name)
{
    for (const PlanFile &f : files)
        if (f.name.section(QLatin1Char('/'), -1).compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    return nullptr;
}

} // namespace

PlanRead readCsvPlan(const PlanUpload &upload)
{
    PlanRead out;
    out.plan.format = PlanFormat::Csv;
    out.plan.site = upload.site.trimmed();
    out.plan.name = upload.name.trimmed();
    const QStringList known{QStringLiteral("racks.csv"), QStringLiteral("devices.csv"), QStringLiteral("links.csv")};
    for (const PlanFile &f : upload.files)
        if (!known.contains(f.name.section(QLatin1Char('/'), -1).toLower()))
            out.issues << PlanIssue{f.name, 0, 0, QStringLiteral("Unknown file '%1'; a CSV plan is racks.csv, devices.csv and links.csv.").arg(f.name)};
    if (out.plan.site.isEmpty())
        out.issues << PlanIssue{QStringLiteral("site"), 0, 0, QStringLiteral("A CSV plan needs the site's name: a form field 'site' or ?site=.")};

    if (const PlanFile *file = fileNamed(upload.files, QStringLiteral("racks.csv"))) {
        const CsvTable table = readCsv(file->data, file->name);
        out.issues << table.issues;
        requireColumns(table, {QStringLiteral("name"), QStringLiteral("units")}, out.issues);
        for (const CsvRow &row : table.rows) {
            CsvCells c{table, row, out.issues};
            PlanRack rack;
            rack.name = c.text(QStringLiteral("name"), true);
            rack.units = c.integer(QStringLiteral("units"), 1, 60).value_or(42);
            rack.origin = table.origin(row);
            out.plan.racks << rack;
        }
    }

    const PlanFile *devicesFile = fileNamed(upload.files, QStringLiteral("devices.csv"));
    if (!devicesFile) {
        out.issues << PlanIssue{QStringLiteral("devices.csv"), 0, 0, QStringLiteral("A CSV plan needs devices.csv.")};
    } else {
        const CsvTable table = readCsv(devicesFile->data, devicesFile->name);
        out.issues << table.issues;
        requireColumns(table, {QStringLiteral("name")}, out.issues);
        const QStringList columns{QStringLiteral("name"),   QStringLiteral("rack"),     QStringLiteral("position"),
                                  QStringLiteral("heightu"), QStringLiteral("kind"),    QStringLiteral("vendor"),
                                  QStringLiteral("model"),  QStringLiteral("serial"),   QStringLiteral("assettag"),
                                  QStringLiteral("bmcurl"), QStringLiteral("firmware"), QStringLiteral("gpus"),
                                  QStringLiteral("drives"), QStringLiteral("memory")};
        for (const CsvRow &row : table.rows) {
            CsvCells c{table, row, out.issues};
            PlanDevice d;
            d.name = c.text(QStringLiteral("name"), true);
            d.rack = c.text(QStringLiteral("rack"));
            d.position = c.integer(QStringLiteral("position"), 1, 60);
            d.heightU = c.integer(QStringLiteral("heightu"), 1, 20).value_or(1);
            if (const QString kind = c.text(QStringLiteral("kind")); !kind.isEmpty()) {
                if (const auto k = deviceKindFrom(kind))
                    d.kind = *k;
                else
                    c.problem(QStringLiteral("kind"), QStringLiteral("kind '%1' is not one of %2.").arg(kind, kindSpellings()));
            }
            d.vendor = c.text(QStringLiteral("vendor"));
            d.model = c.text(QStringLiteral("model"));
            d.serial = c.text(QStringLiteral("serial"));
            d.assetTag = c.text(QStringLiteral("assettag"));
            d.bmcUrl = c.text(QStringLiteral("bmcurl"));
            d.firmware = c.text(QStringLiteral("firmware"));
            d.expected.gpus = c.integer(QStringLiteral("gpus"), 0, 1024);
            d.expected.drives = c.integer(QStringLiteral("drives"), 0, 1024);
            d.expected.memory = c.integer(QStringLiteral("memory"), 0, 4096);
            d.extra = c.extras(columns);
            d.origin = table.origin(row);
            out.plan.devices << d;
        }
    }

    if (const PlanFile *file = fileNamed(upload.files, QStringLiteral("links.csv"))) {
        const CsvTable table = readCsv(file->data, file->name);
        out.issues << table.issues;
        const QStringList columns{QStringLiteral("adevice"), QStringLiteral("aport"), QStringLiteral("bdevice"),
                                  QStringLiteral("bport"), QStringLiteral("speedgbps")};
        requireColumns(table, columns.mid(0, 4), out.issues);
        for (const CsvRow &row : table.rows) {
            CsvCells c{table, row, out.issues};
            PlanLink link;
            link.a = {c.text(QStringLiteral("adevice"), true), c.text(QStringLiteral("aport"), true)};
            link.b = {c.text(QStringLiteral("bdevice"), true), c.text(QStringLiteral("bport"), true)};
            link.speedGbps = c.positive(QStringLiteral("speedgbps"));
            link.extra = c.extras(columns);
            link.origin = table.origin(row);
            link.origin.fields.insert(QStringLiteral("a.device"), c.spot(QStringLiteral("adevice")));
            link.origin.fields.insert(QStringLiteral("a.port"), c.spot(QStringLiteral("aport")));
            link.origin.fields.insert(QStringLiteral("b.device"), c.spot(QStringLiteral("bdevice")));
            link.origin.fields.insert(QStringLiteral("b.port"), c.spot(QStringLiteral("bport")));
            out.plan.links << link;
        }
    }
    // Plan-level rules name these columns; CSV and JSON spell them differently.
    for (PlanDevice &d : out.plan.devices) {
        d.origin.fields.insert(Key::heightU, d.origin.of(QStringLiteral("heightu")));
        d.origin.fields.insert(Key::bmcUrl, d.origin.of(QStringLiteral("bmcurl")));
        d.origin.fields.insert(Key::assetTag, d.origin.of(QStringLiteral("assettag")));
    }
    return out;
}

PlanRead readPlan(const PlanUpload &upload)
{
    switch (upload.format) {
    case PlanFormat::Csv: return readCsvPlan(upload);
    case PlanFormat::NetBox: return readNetBoxPlan(upload);
    case PlanFormat::Json: break;
    }
    if (upload.files.size() != 1) {
        PlanRead out;
        out.issues << PlanIssue{QStringLiteral("plan.json"), 0, 0, QStringLiteral("A JSON plan is one document.")};
        return out;
    }
    PlanRead out = readJsonPlan(upload.files.constFirst());
    if (!upload.name.isEmpty())
        out.plan.name = upload.name;
    return out;
}

} // namespace NeoCloud
