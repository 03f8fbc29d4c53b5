#include "HandoverReport.h"

#include "api/JsonKeys.h"
#include "domain/Enums.h"

#include <QJsonArray>

namespace NeoCloud {
namespace {

QString esc(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble());
    return v.toString().toHtmlEscaped();
}

QString row(const QStringList &cells, const QString &tag = QStringLiteral("td"))
{
    QString out = QStringLiteral("<tr>");
    for (const QString &c : cells)
        out += QLatin1Char('<') + tag + QLatin1Char('>') + c + QStringLiteral("</") + tag + QLatin1Char('>');
    return out + QStringLiteral("</tr>\n");
}

QString table(const QStringList &header, const QString &rows)
{
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n") + row(header, QStringLiteral("th")) + rows
        + QStringLiteral("</table>\n");
}

QString result(const QString &status)
{
    const QString colour = status == QLatin1String("pass") ? QStringLiteral("#1a7f37")
        : status == QLatin1String("waived")                ? QStringLiteral("#9a6700")
                                                           : QStringLiteral("#cf222e");
    return QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>").arg(colour, status.toUpper());
}

QString waiverText(const QJsonValue &w)
{
    if (!w.isObject())
        return {};
    return QStringLiteral("%1 (%2, %3)").arg(esc(w[Key::reason]), esc(w[Key::by]), esc(w[Key::at]));
}

} // namespace

QJsonObject reportData(const ReportInput &in)
{
    int pass = 0, fail = 0, waived = 0, openCritical = 0;
    QJsonArray findings;
    QHash<QString, const Finding *> cablingBySubject;
    for (const Finding &f : in.findings) {
        findings.append(toJson(f));
        pass += f.status == FindingStatus::Pass;
        fail += f.status == FindingStatus::Fail;
        waived += f.status == FindingStatus::Waived;
        openCritical += f.status == FindingStatus::Fail && f.severity == Severity::Critical;
        if (f.check == QLatin1String("cabling"))
            for (const QString &subject : f.subject.split(QStringLiteral(" / ")))
                cablingBySubject.insert(subject, &f);
    }
    const AsBuilt built = asBuiltFromJson(in.run.snapshot);
    QJsonArray inventory;
    for (const BuiltDevice &d : built.devices)
        inventory.append(QJsonObject{{Key::name, d.name},     {Key::kind, d.kind},         {Key::vendor, d.vendor},
                                     {Key::model, d.model},   {Key::serial, d.serial},     {Key::firmware, d.firmware},
                                     {Key::rack, d.rack},     {Key::position, d.position ? QJsonValue(*d.position) : QJsonValue()},
                                     {Key::health, d.health}, {Key::bmcUrl, d.bmcUrl}});
    QJsonArray cabling;
    for (const PlanLink &l : in.plan.links) {
        const QString subject = l.a.text() + QStringLiteral(" \u2194 ") + l.b.text();
        const Finding *f = cablingBySubject.value(subject);
        cabling.append(QJsonObject{{Key::a, l.a.text()},
                                   {Key::b, l.b.text()},
                                   {Key::speedGbps, l.speedGbps ? QJsonValue(*l.speedGbps) : QJsonValue()},
                                   {Key::status, f ? toString(f->status) : QStringLiteral("not checked")},
                                   {Key::found, f ? f->found : QStringLiteral("an end device was not found")}});
    }
    const QString date = in.generatedAt.left(10);
    return {{Key::reportVersion, 1},
            {Key::generatedAt, in.generatedAt},
            {Key::generatedBy, in.generatedBy},
            {Key::site, in.plan.site},
            {Key::plan, QJsonObject{{Key::id, in.plan.id}, {Key::name, in.plan.name}, {Key::format, toString(in.plan.format)},
                                    {Key::sha256, in.plan.sha256}, {Key::createdAt, in.plan.createdAt}, {Key::createdBy, in.plan.createdBy}}},
            {Key::run, QJsonObject{{Key::id, in.job.id}, {Key::state, toString(in.job.state)}, {Key::startedAt, in.job.startedAt},
                                   {Key::finishedAt, in.job.finishedAt}, {Key::previousRunId, in.run.previousRunId},
                                   {Key::scanId, in.run.scanId}, {Key::createdBy, in.run.createdBy}}},
            {Key::summary, QJsonObject{{Key::devicesPlanned, int(in.plan.devices.size())},
                                       {Key::devicesFound, int(built.devices.size())},
                                       {Key::linksPlanned, int(in.plan.links.size())},
                                       {Key::linksFound, int(built.links.size())},
                                       {Key::checks, int(in.findings.size())},
                                       {Key::pass, pass},
                                       {Key::fail, fail},
                                       {Key::waived, waived},
                                       {Key::openCritical, openCritical}}},
            {Key::inventory, inventory},
            {Key::cabling, cabling},
            {Key::findings, findings},
            {Key::changes, in.run.changes},
            {Key::signOff, QJsonObject{{Key::engineer, in.signOff.engineer}, {Key::customer, in.signOff.customer}, {Key::date, date}}}};
}

QString reportTitle(const QJsonObject &data)
{
    return QStringLiteral("Commissioning report: %1").arg(data.value(Key::site).toString());
}

QString reportHtml(const QJsonObject &data, const QString &sha256)
{
    const QJsonObject plan = data.value(Key::plan).toObject(), run = data.value(Key::run).toObject();
    const QJsonObject summary = data.value(Key::summary).toObject(), signOff = data.value(Key::signOff).toObject();
    const QJsonArray findings = data.value(Key::findings).toArray();
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>") + reportTitle(data).toHtmlEscaped()
        + QStringLiteral("</title>\n<style>body{font-family:sans-serif;font-size:9pt} th{background:#eaeef2;text-align:left} "
                         "h1{font-size:16pt} h2{font-size:12pt;margin-top:14pt} code{font-family:monospace}</style></head>\n<body>\n");
    h += QStringLiteral("<h1>%1</h1>\n").arg(reportTitle(data).toHtmlEscaped());
    h += QStringLiteral("<p>Plan <b>%1</b> (%2, imported as %3 on %4 by %5; plan SHA-256 <code>%6</code>)<br>\n")
             .arg(esc(plan[Key::name]).isEmpty() ? esc(plan[Key::id]) : esc(plan[Key::name]), esc(plan[Key::id]), esc(plan[Key::format]),
                  esc(plan[Key::createdAt]), esc(plan[Key::createdBy]), esc(plan[Key::sha256]));
    h += QStringLiteral("Run <b>%1</b>: %2, %3 to %4, started by %5.<br>\n")
             .arg(esc(run[Key::id]), esc(run[Key::state]), esc(run[Key::startedAt]), esc(run[Key::finishedAt]), esc(run[Key::createdBy]));
    h += QStringLiteral("Report generated %1 by %2. Content SHA-256: <code>%3</code></p>\n")
             .arg(esc(data[Key::generatedAt]), esc(data[Key::generatedBy]), sha256.toHtmlEscaped());

    const int fail = summary[Key::fail].toInt();
    h += QStringLiteral("<h2>Site summary</h2>\n");
    QString rows;
    rows += row({QStringLiteral("Result"), fail == 0 ? QStringLiteral("<b>Ready for handover</b>: no open items")
                                                     : QStringLiteral("<b>Not ready</b>: %1 open item(s), %2 critical").arg(fail).arg(summary[Key::openCritical].toInt())});
    rows += row({QStringLiteral("Devices"), QStringLiteral("%1 planned, %2 found").arg(summary[Key::devicesPlanned].toInt()).arg(summary[Key::devicesFound].toInt())});
    rows += row({QStringLiteral("Links"), QStringLiteral("%1 planned, %2 heard by LLDP").arg(summary[Key::linksPlanned].toInt()).arg(summary[Key::linksFound].toInt())});
    rows += row({QStringLiteral("Checks"), QStringLiteral("%1: %2 pass, %3 fail, %4 waived")
                                               .arg(summary[Key::checks].toInt()).arg(summary[Key::pass].toInt()).arg(fail).arg(summary[Key::waived].toInt())});
    h += table({QStringLiteral("Item"), QStringLiteral("Value")}, rows);

    h += QStringLiteral("<h2>Open items</h2>\n");
    rows.clear();
    for (const QJsonValue &f : findings)
        if (f[Key::status].toString() == QLatin1String("fail"))
            rows += row({esc(f[Key::check]), esc(f[Key::severity]), esc(f[Key::subject]), esc(f[Key::problem]), esc(f[Key::expected]),
                         esc(f[Key::found]) + (f[Key::message].isString() ? QStringLiteral("<br><i>%1</i>").arg(esc(f[Key::message])) : QString())});
    h += rows.isEmpty() ? QStringLiteral("<p>None.</p>\n")
                        : table({QStringLiteral("Check"), QStringLiteral("Severity"), QStringLiteral("Subject"), QStringLiteral("Problem"),
                                 QStringLiteral("Expected"), QStringLiteral("Found")},
                                rows);

    h += QStringLiteral("<h2>Every check</h2>\n");
    rows.clear();
    int n = 0;
    for (const QJsonValue &f : findings)
        rows += row({QString::number(++n), esc(f[Key::check]), esc(f[Key::subject]), result(f[Key::status].toString()), esc(f[Key::expected]),
                     esc(f[Key::found]), waiverText(f[Key::waiver])});
    h += table({QStringLiteral("#"), QStringLiteral("Check"), QStringLiteral("Subject"), QStringLiteral("Result"), QStringLiteral("Expected"),
                QStringLiteral("Found"), QStringLiteral("Waiver")},
               rows);

    h += QStringLiteral("<h2>Inventory as built</h2>\n");
    rows.clear();
    for (const QJsonValue &d : data.value(Key::inventory).toArray())
        rows += row({esc(d[Key::name]), esc(d[Key::kind]), esc(d[Key::vendor]) + QLatin1Char(' ') + esc(d[Key::model]), esc(d[Key::serial]),
                     esc(d[Key::firmware]), esc(d[Key::rack]), d[Key::position].isDouble() ? QString::number(d[Key::position].toInt()) : QString(),
                     esc(d[Key::health])});
    h += table({QStringLiteral("Device"), QStringLiteral("Kind"), QStringLiteral("Model"), QStringLiteral("Serial"), QStringLiteral("Firmware"),
                QStringLiteral("Rack"), QStringLiteral("U"), QStringLiteral("Health")},
               rows);

    h += QStringLiteral("<h2>Cabling</h2>\n");
    rows.clear();
    for (const QJsonValue &c : data.value(Key::cabling).toArray())
        rows += row({esc(c[Key::a]), esc(c[Key::b]), c[Key::speedGbps].isDouble() ? QStringLiteral("%1 Gb/s").arg(c[Key::speedGbps].toDouble()) : QString(),
                     c[Key::status].toString() == QLatin1String("not checked") ? esc(c[Key::status]) : result(c[Key::status].toString()),
                     esc(c[Key::found])});
    h += rows.isEmpty() ? QStringLiteral("<p>The plan has no cabling.</p>\n")
                        : table({QStringLiteral("End A"), QStringLiteral("End B"), QStringLiteral("Speed"), QStringLiteral("Result"), QStringLiteral("Found")},
                                rows);

    const QJsonArray changes = data.value(Key::changes).toArray();
    if (!run[Key::previousRunId].toString().isEmpty()) {
        h += QStringLiteral("<h2>Changes since run %1</h2>\n").arg(esc(run[Key::previousRunId]));
        rows.clear();
        for (const QJsonValue &c : changes)
            rows += row({esc(c[Key::change]), esc(c[Key::check]), esc(c[Key::subject]),
                         c[Key::before].isObject() ? esc(c[Key::before][Key::status]) + QStringLiteral(": ") + esc(c[Key::before][Key::found]) : QString(),
                         c[Key::after].isObject() ? esc(c[Key::after][Key::status]) + QStringLiteral(": ") + esc(c[Key::after][Key::found]) : QString()});
        h += rows.isEmpty() ? QStringLiteral("<p>No changes.</p>\n")
                            : table({QStringLiteral("Change"), QStringLiteral("Check"), QStringLiteral("Subject"), QStringLiteral("Before"), QStringLiteral("After")},
                                    rows);
    }

    h += QStringLiteral("<h2>Sign-off</h2>\n<p>By signing, the customer accepts the site as described above, with the open items listed.</p>\n");
    const QString blank = QStringLiteral("&nbsp;");
    rows = row({QStringLiteral("Commissioning engineer"), esc(signOff[Key::engineer]), esc(signOff[Key::date]), blank});
    rows += row({QStringLiteral("Customer representative"), signOff[Key::customer].toString().isEmpty() ? blank : esc(signOff[Key::customer]), blank, blank});
    h += table({QStringLiteral("Role"), QStringLiteral("Name"), QStringLiteral("Date"), QStringLiteral("Signature")}, rows);
    h += QStringLiteral("<p><small>Reproduce and verify: GET /api/v1/commissioning/reports/{id} or POST /api/v1/commissioning/reports/verify "
                        "with SHA-256 %1.</small></p>\n</body></html>\n")
             .arg(sha256.toHtmlEscaped());
    return h;
}

} // namespace NeoCloud
