// Reading site plans (CSV, JSON, NetBox) with every bad value reported by file, line and column,
// the rules across rows, and the comparison of a plan with a site as built: each check, the
// swapped-cable pairing, waivers, and what changed since the previous run.

#include "commissioning/CsvReader.h"
#include "commissioning/PlanReaders.h"
#include "commissioning/SiteComparison.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace NeoCloud;

namespace {

PlanUpload csv(const QByteArray &racks, const QByteArray &devices, const QByteArray &links = {})
{
    PlanUpload u;
    u.format = PlanFormat::Csv;
    u.site = QStringLiteral("dc1");
    if (!racks.isEmpty())
        u.files << PlanFile{QStringLiteral("racks.csv"), racks};
    if (!devices.isEmpty())
        u.files << PlanFile{QStringLiteral("devices.csv"), devices};
    if (!links.isEmpty())
        u.files << PlanFile{QStringLiteral("links.csv"), links};
    return u;
}

QList<PlanIssue> allIssues(const PlanUpload &upload)
{
    const PlanRead read = readPlan(upload);
    return read.issues + validatePlan(read.plan);
}

bool hasIssue(const QList<PlanIssue> &issues, const QString &file, int line, int column, const QString &text)
{
    for (const PlanIssue &i : issues)
        if (i.file == file && i.line == line && i.column == column && i.message.contains(text))
            return true;
    return false;
}

QString dump(const QList<PlanIssue> &issues)
{
    QStringList out;
    for (const PlanIssue &i : issues)
        out << QStringLiteral("%1:%2:%3 %4").arg(i.file).arg(i.line).arg(i.column).arg(i.message);
    return out.join(QLatin1Char('\n'));
}

const QByteArray goodRacks = "name,units\nR01,42\nR02,42\n";
const QByteArray goodDevices =
    "name,rack,position,heightU,kind,model,serial,bmcUrl,gpus\n"
    "gpu-01,R01,1,4,gpu-server,HGX H100,SN1,https://10.0.0.11,8\n"
    "gpu-02,R01,5,4,gpu-server,HGX H100,SN2,https://10.0.0.12,8\n"
    "leaf-01,R01,42,1,switch,SN5600,SN3,https://10.0.0.13,\n";
const QByteArray goodLinks = "aDevice,aPort,bDevice,bPort,speedGbps\nleaf-01,swp1,gpu-01,eth0,400\nleaf-01,swp2,gpu-02,eth0,400\n";

// A small site that matches the CSV plan above, for the comparison tests.
AsBuilt matchingSite()
{
    AsBuilt site;
    site.site = QStringLiteral("dc1");
    auto device = [](const QString &name, const QString &model, const QString &serial, int position, int gpus) {
        BuiltDevice d;
        d.name = name;
        d.model = model;
        d.serial = serial;
        d.rack = QStringLiteral("R01");
        d.position = position;
        d.firmware = QStringLiteral("1.0");
        d.bmcUrl = QStringLiteral("https://10.0.0.%1").arg(10 + position);
        d.counts.insert(QStringLiteral("gpu"), gpus);
        d.counts.insert(QStringLiteral("psu"), 2);
        d.healthyPsus = 2;
        return d;
    };
    site.devices << device(QStringLiteral("gpu-01"), QStringLiteral("HGX H100"), QStringLiteral("SN1"), 1, 8)
                 << device(QStringLiteral("gpu-02"), QStringLiteral("HGX H100"), QStringLiteral("SN2"), 5, 8)
                 << device(QStringLiteral("leaf-01"), QStringLiteral("SN5600"), QStringLiteral("SN3"), 42, 0);
    site.links << BuiltLink{{QStringLiteral("leaf-01"), QStringLiteral("swp1")}, {QStringLiteral("gpu-01"), QStringLiteral("eth0")}, 400}
               << BuiltLink{{QStringLiteral("gpu-02"), QStringLiteral("eth0")}, {QStringLiteral("leaf-01"), QStringLiteral("swp2")}, 400};
    return site;
}

SitePlan goodPlan()
{
    PlanRead read = readPlan(csv(goodRacks, goodDevices, goodLinks));
    if (!read.issues.isEmpty())
        qFatal("plan: %s", qPrintable(dump(read.issues)));
    return read.plan;
}

QStringList failing(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        if (f.status == FindingStatus::Fail)
            out << f.check + QLatin1Char(':') + f.problem + QLatin1Char(':') + f.subject;
    out.sort();
    return out;
}

} // namespace

class TestCommissioningPlans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvReaderKeepsLinesAndQuotes()
    {
        const CsvTable t = readCsv("\xEF\xBB\xBF" "Name,\"A Device\",note\r\n# a comment\r\nx,\"quoted, with comma\",\"two\nlines\"\r\n\r\ny,2,3\r\n",
                                   QStringLiteral("f.csv"));
        QVERIFY2(t.issues.isEmpty(), qPrintable(dump(t.issues)));
        QCOMPARE(t.header, (QStringList{QStringLiteral("Name"), QStringLiteral("A Device"), QStringLiteral("note")}));
        QVERIFY(t.has(QStringLiteral("adevice")));
        QCOMPARE(t.rows.size(), 2);
        QCOMPARE(t.rows.at(0).line, 3);
        QCOMPARE(t.value(t.rows.at(0), QStringLiteral("adevice")), QStringLiteral("quoted, with comma"));
        QCOMPARE(t.rows.at(0).fields.at(2), QStringLiteral("two\nlines"));
        QCOMPARE(t.rows.at(1).line, 6); // the quoted line break counts
    }

    void csvReaderReportsBrokenText()
    {
        const CsvTable t = readCsv("name,units\nR01,42,extra\nR02,\"open\n", QStringLiteral("racks.csv"));
        QVERIFY(hasIssue(t.issues, QStringLiteral("racks.csv"), 2, 3, QStringLiteral("3 fields")));
        QVERIFY(hasIssue(t.issues, QStringLiteral("racks.csv"), 3, 2, QStringLiteral("never closed")));
    }

    void goodCsvPlanReads()
    {
        const QList<PlanIssue> issues = allIssues(csv(goodRacks, goodDevices, goodLinks));
        QVERIFY2(issues.isEmpty(), qPrintable(dump(issues)));
        const SitePlan plan = goodPlan();
        QCOMPARE(plan.devices.size(), 3);
        QCOMPARE(plan.devices.at(0).expected.gpus, std::optional<int>(8));
        QCOMPARE(plan.devices.at(2).kind, DeviceKind::Switch);
        QCOMPARE(plan.links.at(0).speedGbps, std::optional<double>(400));
    }

    void brokenCsvReportsEveryRow()
    {
        const QByteArray devices =
            "name,rack,position,heightU,kind,model,serial,bmcUrl\n"
            "gpu-01,R01,1,4,gpu-server,HGX,SN1,https://10.0.0.11\n"
            "gpu-02,R09,5,4,gpu-server,HGX,SN2,https://10.0.0.12\n"   // line 3: unknown rack (column 2)
            "gpu-03,R01,three,4,gpu-server,HGX,SN3,https://10.0.0.13\n" // line 4: position not a number (column 3)
            "gpu-04,R01,3,4,toaster,HGX,SN1,ftp://x\n"                   // line 5: kind, serial twice, bmcUrl
            "gpu-05,R01,41,4,gpu-server,HGX,SN5,\n"                      // line 6: does not fit
            ",R01,20,1,other,,,\n";                                       // line 7: no name
        const QByteArray links = "aDevice,aPort,bDevice,bPort,speedGbps\ngpu-01,eth0,ghost,swp1,400\ngpu-01,eth0,gpu-05,eth0,-4\n";
        const QList<PlanIssue> issues = allIssues(csv(goodRacks, devices, links));
        const QString d = QStringLiteral("devices.csv"), l = QStringLiteral("links.csv");
        QVERIFY2(hasIssue(issues, d, 3, 2, QStringLiteral("rack R09")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, d, 4, 3, QStringLiteral("'three'")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, d, 5, 5, QStringLiteral("toaster")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, d, 5, 7, QStringLiteral("SN1")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, d, 5, 8, QStringLiteral("ftp://x")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, d, 5, 3, QStringLiteral("overlaps gpu-01")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, d, 6, 3, QStringLiteral("does not fit")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, d, 7, 1, QStringLiteral("name is required")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, l, 2, 3, QStringLiteral("ghost")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, l, 3, 2, QStringLiteral("already cabled")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, l, 3, 5, QStringLiteral("positive")), qPrintable(dump(issues)));
    }

    void csvPlanNeedsItsFilesAndSite()
    {
        PlanUpload upload = csv({}, goodDevices);
        upload.site.clear();
        upload.files << PlanFile{QStringLiteral("notes.txt"), "hello"};
        const QList<PlanIssue> issues = allIssues(upload);
        QVERIFY2(hasIssue(issues, QStringLiteral("site"), 0, 0, QStringLiteral("site")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, QStringLiteral("notes.txt"), 0, 0, QStringLiteral("Unknown file")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, QStringLiteral("devices.csv"), 2, 2, QStringLiteral("rack R01")), qPrintable(dump(issues)));
        QVERIFY(!allIssues(csv("units\n42\n", goodDevices)).isEmpty());
    }

    void jsonPlanReportsLineAndColumn()
    {
        const QByteArray json = "{\"site\": \"dc1\",\n"
                                " \"racks\": [{\"name\": \"R01\", \"units\": 42}],\n"
                                " \"devices\": [\n"
                                "   {\"name\": \"a\", \"rack\": \"R01\", \"position\": 1, \"custom\": {\"x\": 1}},\n"
                                "   {\"name\": \"b\", \"rack\": \"R01\", \"position\": \"two\"},\n"
                                "   {\"name\": 7}\n"
                                " ],\n"
                                " \"links\": [{\"a\": {\"device\": \"a\", \"port\": \"p\"}, \"b\": {\"device\": \"zz\", \"port\": \"q\"}}]}\n";
        const PlanRead read = readJsonPlan({QStringLiteral("plan.json"), json});
        const QList<PlanIssue> issues = read.issues + validatePlan(read.plan);
        QVERIFY2(hasIssue(issues, QStringLiteral("plan.json"), 5, 45, QStringLiteral("devices[1].position")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, QStringLiteral("plan.json"), 6, 13, QStringLiteral("devices[2].name")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, QStringLiteral("plan.json"), 8, 64, QStringLiteral("zz")), qPrintable(dump(issues)));
        QCOMPARE(read.plan.devices.at(0).extra.value(QLatin1String("custom")).toObject().value(QLatin1String("x")).toInt(), 1);

        const PlanRead broken = readJsonPlan({QStringLiteral("plan.json"), "{\"site\": \"x\",\n \"devices\": [}"});
        QCOMPARE(broken.issues.size(), 1);
        QCOMPARE(broken.issues.first().line, 2);
    }

    void netBoxExportReads_data()
    {
        QTest::addColumn<bool>("legacyCables");
        QTest::newRow("a_terminations (3.3+)") << false;
        QTest::newRow("termination_a (before 3.3)") << true;
    }

    void netBoxExportReads()
    {
        QFETCH(bool, legacyCables);
        const QByteArray devices = R"({"count": 3, "next": null, "previous": null, "results": [
          {"id": 1, "name": "gpu-01", "device_type": {"model": "HGX H100", "manufacturer": {"name": "Supermicro"}},
           "role": {"slug": "gpu-node"}, "site": {"name": "dc1", "slug": "dc1"}, "rack": {"id": 4, "name": "R01"},
           "position": 1.0, "serial": "SN1", "asset_tag": "A-1", "oob_ip": {"address": "10.0.0.11/24"}, "custom_fields": {}},
          {"id": 2, "name": "leaf-01", "device_type": {"model": "SN5600", "manufacturer": {"name": "NVIDIA"}},
           "device_role": {"slug": "leaf"}, "site": {"name": "dc1"}, "rack": {"id": 4, "name": "R01"}, "position": 42,
           "serial": "SN3", "custom_fields": {"bmc_url": )"
                                   "\"https://10.0.0.13\""  // a plain literal: moc 6.4 misreads // in raw strings
                                   R"(}},
          {"id": 3, "name": "other-site", "site": {"name": "dc2"}, "rack": null, "position": null}
        ]})";
        const QByteArray interfaces = R"({"results": [
          {"id": 10, "device": {"id": 1, "name": "gpu-01"}, "name": "eth0", "type": {"value": "400gbase-x-osfp"}, "speed": null},
          {"id": 11, "device": {"id": 2, "name": "leaf-01"}, "name": "swp1", "type": {"value": "other"}, "speed": 400000000}]})";
        const QByteArray cables = legacyCables
            ? QByteArray(R"([{"id": 5, "termination_a_type": "dcim.interface", "termination_a": {"id": 11, "device": {"name": "leaf-01"}, "name": "swp1"},
                              "termination_b_type": "dcim.interface", "termination_b": {"id": 10, "device": {"name": "gpu-01"}, "name": "eth0"}},
                             {"id": 6, "termination_a_type": "dcim.powerport", "termination_a": {}, "termination_b_type": "dcim.poweroutlet", "termination_b": {}}])")
            : QByteArray(R"({"results": [{"id": 5, "a_terminations": [{"object_type": "dcim.interface", "object_id": 11}],
                                          "b_terminations": [{"object_type": "dcim.interface", "object_id": 10,
                                                              "object": {"id": 10, "device": {"name": "gpu-01"}, "name": "eth0"}}]}]})");
        PlanUpload upload;
        upload.format = PlanFormat::NetBox;
        upload.site = QStringLiteral("dc1");
        upload.files << PlanFile{QStringLiteral("devices.json"), devices} << PlanFile{QStringLiteral("interfaces.json"), interfaces}
                     << PlanFile{QStringLiteral("cables.json"), cables};
        const PlanRead read = readPlan(upload);
        const QList<PlanIssue> issues = read.issues + validatePlan(read.plan);
        QVERIFY2(issues.isEmpty(), qPrintable(dump(issues)));
        QCOMPARE(read.plan.site, QStringLiteral("dc1"));
        QCOMPARE(read.plan.devices.size(), 2);
        const PlanDevice &gpu = read.plan.devices.at(0);
        QCOMPARE(gpu.kind, DeviceKind::GpuServer);
        QCOMPARE(gpu.position, std::optional<int>(1));
        QCOMPARE(gpu.bmcUrl, QStringLiteral("https://10.0.0.11"));
        QCOMPARE(gpu.assetTag, QStringLiteral("A-1"));
        QCOMPARE(read.plan.devices.at(1).kind, DeviceKind::Switch);
        QCOMPARE(read.plan.devices.at(1).bmcUrl, QStringLiteral("https://10.0.0.13"));
        QCOMPARE(read.plan.racks.size(), 1);
        QCOMPARE(read.plan.racks.first().units, 42);
        QCOMPARE(read.plan.links.size(), 1);
        QCOMPARE(read.plan.links.first().a.text(), QStringLiteral("leaf-01:swp1"));
        QCOMPARE(read.plan.links.first().speedGbps, std::optional<double>(400));
    }

    void netBoxProblemsHaveSpots()
    {
        PlanUpload upload;
        upload.format = PlanFormat::NetBox;
        upload.files << PlanFile{QStringLiteral("devices.json"),
                                 "[\n {\"id\": 1, \"name\": \"a\", \"site\": {\"name\": \"dc1\"}},\n {\"id\": 2, \"name\": null, \"site\": {\"name\": \"dc1\"}, \"position\": 2.5}\n]"};
        const QList<PlanIssue> issues = allIssues(upload);
        QVERIFY2(hasIssue(issues, QStringLiteral("devices.json"), 3, 20, QStringLiteral("no name")), qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, QStringLiteral("devices.json"), 3, 63, QStringLiteral("2.5")), qPrintable(dump(issues)));
    }

    void matchingSitePassesEveryCheck()
    {
        const QList<Finding> findings = compareSite(goodPlan(), matchingSite());
        QVERIFY2(failing(findings).isEmpty(), qPrintable(failing(findings).join(QLatin1Char('\n'))));
        QStringList checks;
        for (const Finding &f : findings)
            if (!checks.contains(f.check))
                checks << f.check;
        checks.sort();
        QCOMPARE(checks, (QStringList{QStringLiteral("cabling"), QStringLiteral("device-location"), QStringLiteral("device-model"),
                                      QStringLiteral("device-present"), QStringLiteral("device-serial"), QStringLiteral("firmware"),
                                      QStringLiteral("link-speed"), QStringLiteral("part-count"), QStringLiteral("part-health"),
                                      QStringLiteral("psu-redundancy")}));
    }

    void everyDifferenceIsOneFinding()
    {
        AsBuilt site = matchingSite();
        site.devices[0].position = 2;                          // one U off
        site.devices[0].counts[QStringLiteral("gpu")] = 7;     // a GPU short of the plan
        site.devices[1].serial = QStringLiteral("SN9");        // another unit than planned
        site.devices[1].firmware = QStringLiteral("0.9");      // outlier among HGX H100
        site.devices[1].unhealthy << BuiltPart{QStringLiteral("Disk3"), QStringLiteral("drive"), QStringLiteral("critical")};
        site.devices[1].healthyPsus = 1;                       // one PSU left
        site.devices[2].model = QStringLiteral("SN4600");      // wrong switch
        site.links[1].speedGbps = 200;                          // slow link
        BuiltDevice stranger = site.devices[0];
        stranger.name = QStringLiteral("mystery");
        stranger.serial = QStringLiteral("SNX");
        stranger.bmcUrl = QStringLiteral("https://10.0.0.99");
        site.devices << stranger;
        // Majority firmware needs a third H100 voice: the stranger has 1.0 too.
        const QStringList found = failing(compareSite(goodPlan(), site));
        QCOMPARE(found, (QStringList{QStringLiteral("device-location:wrong-position:gpu-01"), QStringLiteral("device-model:wrong-model:leaf-01"),
                                     QStringLiteral("device-serial:serial-mismatch:gpu-02"), QStringLiteral("device-unexpected:unexpected:mystery"),
                                     QStringLiteral("firmware:drift:gpu-02"), QStringLiteral("link-speed:wrong-speed:leaf-01:swp2 \u2194 gpu-02:eth0"),
                                     QStringLiteral("part-count:short:gpu-01 gpu"), QStringLiteral("part-health:unhealthy:gpu-02 Disk3"),
                                     QStringLiteral("psu-redundancy:not-redundant:gpu-02")}));
    }

    void missingDeviceHidesItsLinks()
    {
        AsBuilt site = matchingSite();
        site.devices.removeAt(1);
        site.links.removeAt(1);
        site.unreachable << QStringLiteral("https://10.0.0.12");
        const QList<Finding> findings = compareSite(goodPlan(), site);
        QCOMPARE(failing(findings), QStringList{QStringLiteral("device-present:missing:gpu-02")});
        for (const Finding &f : findings)
            if (f.status == FindingStatus::Fail) {
                QCOMPARE(f.found, QStringLiteral("BMC https://10.0.0.12 does not answer"));
                QVERIFY(f.message.contains(QLatin1String("1 planned link")));
            }
    }

    void swappedCablesAreOneFinding()
    {
        AsBuilt site = matchingSite();
        site.links[0].b = {QStringLiteral("gpu-02"), QStringLiteral("eth0")};
        site.links[1].a = {QStringLiteral("gpu-01"), QStringLiteral("eth0")};
        const QList<Finding> findings = compareSite(goodPlan(), site);
        QCOMPARE(failing(findings), QStringList{QStringLiteral("cabling:swapped:leaf-01:swp1 \u2194 gpu-01:eth0 / leaf-01:swp2 \u2194 gpu-02:eth0")});

        // One cable moved to a free port is miscabled, and the port left dark is a missing link.
        site = matchingSite();
        site.links[1].b = {QStringLiteral("leaf-01"), QStringLiteral("swp9")};
        QCOMPARE(failing(compareSite(goodPlan(), site)), QStringList{QStringLiteral("cabling:miscabled:leaf-01:swp2 \u2194 gpu-02:eth0")});
        site.links.removeAt(1);
        QCOMPARE(failing(compareSite(goodPlan(), site)), QStringList{QStringLiteral("cabling:missing:leaf-01:swp2 \u2194 gpu-02:eth0")});
    }

    void waiversCarryOverWhileTheFindingStaysTheSame()
    {
        AsBuilt site = matchingSite();
        site.devices[0].position = 2;
        QList<Finding> findings = compareSite(goodPlan(), site);
        const QString key = QStringLiteral("device-location|gpu-01");
        QHash<QString, Waiver> waivers{{key, Waiver{QStringLiteral("rails"), QStringLiteral("ann"), QStringLiteral("t"), QStringLiteral("R01 U2")}}};
        applyWaivers(findings, waivers);
        QVERIFY(failing(findings).isEmpty());
        site.devices[0].position = 3; // moved again: the waiver no longer covers it
        findings = compareSite(goodPlan(), site);
        applyWaivers(findings, waivers);
        QCOMPARE(failing(findings), QStringList{QStringLiteral("device-location:wrong-position:gpu-01")});
    }

    void historySaysWhatChanged()
    {
        AsBuilt before = matchingSite();
        before.devices[0].position = 2;
        before.devices[1].unhealthy << BuiltPart{QStringLiteral("PSU1"), QStringLiteral("psu"), QStringLiteral("critical")};
        const QList<Finding> previous = compareSite(goodPlan(), before);
        AsBuilt after = matchingSite();
        after.devices[2].model = QStringLiteral("other");
        QList<Finding> now = compareSite(goodPlan(), after);
        const QJsonArray changes = compareWithPrevious(now, previous);
        QStringList seen;
        for (const QJsonValue &c : changes)
            seen << c[QLatin1String("change")].toString() + QLatin1Char(':') + c[QLatin1String("key")].toString();
        seen.sort();
        QCOMPARE(seen, (QStringList{QStringLiteral("fixed:device-location|gpu-01"), QStringLiteral("fixed:part-health|gpu-02 PSU1"),
                                    QStringLiteral("regressed:device-model|leaf-01")}));
        for (const Finding &f : now)
            if (f.key == QLatin1String("device-present|gpu-01"))
                QCOMPARE(f.change, QStringLiteral("unchanged"));
    }
};

QTEST_GUILESS_MAIN(TestCommissioningPlans)
#include "tst_commissioning_plans.moc"
