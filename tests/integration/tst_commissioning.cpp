// Commissioning through the REST API: plans imported as CSV (a broken one refused with file,
// line and column, and nothing stored), JSON and NetBox; the demo lab built with five known
// differences from its design, found exactly by a run; waivers, re-runs and their history;
// the handover report as HTML and as a PDF that pdftoppm renders and pdftotext reads; report
// verification; the export of the site as a plan in both forms; and neocloud-server rendering
// the PDF with no display.

#include "../common/LabApiFixture.h"
#include "PdfReportRenderer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace NeoCloud;
using namespace NeoCloud::Testing;

namespace {

const QString scenarioLab = QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/labs/commissioning-demo.json");
const QString server = QStringLiteral(NEOCLOUD_BIN_DIR "/neocloud-server");

struct Part
{
    QString name;
    QString fileName;
    QByteArray body;
};

QByteArray multipart(const QList<Part> &parts, const QByteArray &boundary)
{
    QByteArray out;
    for (const Part &p : parts) {
        out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name.toUtf8() + '"';
        if (!p.fileName.isEmpty())
            out += "; filename=\"" + p.fileName.toUtf8() + "\"\r\nContent-Type: text/csv";
        out += "\r\n\r\n" + p.body + "\r\n";
    }
    return out + "--" + boundary + "--\r\n";
}

// Polls a run until it ends.
QJsonObject waitForRun(HttpClient &http, const QString &id)
{
    QJsonObject run;
    QElapsedTimer clock;
    clock.start();
    do {
        QTest::qWait(50);
        run = http.get(QStringLiteral("/api/v1/commissioning/runs/") + id).json;
    } while (run.value(QLatin1String("state")).toString() == QLatin1String("running") && clock.elapsed() < 90000);
    return run;
}

QStringList failing(const QJsonObject &run, const QString &status = QStringLiteral("fail"))
{
    QStringList out;
    for (const QJsonValue &f : run.value(QLatin1String("findings")).toArray())
        if (f[QLatin1String("status")].toString() == status)
            out << f[QLatin1String("check")].toString() + QLatin1Char(':') + f[QLatin1String("problem")].toString() + QLatin1Char(':')
                    + f[QLatin1String("subject")].toString();
    out.sort();
    return out;
}

QJsonObject findingOf(const QJsonObject &run, const QString &key)
{
    for (const QJsonValue &f : run.value(QLatin1String("findings")).toArray())
        if (f[QLatin1String("key")].toString() == key)
            return f.toObject();
    return {};
}

struct Harness
{
    LabApiFixture api;
    HttpClient *http = nullptr; // the admin session

    // `lab` empty: no lab at all.
    explicit Harness(const QString &lab)
    {
        BackendConfig config;
        config.labDefinition = lab;
        config.initialLabScan = false;
        config.crawlTimeoutMs = 3000;
        config.reportRenderer = std::make_shared<PdfReportRenderer>();
        if (!(lab.isEmpty() ? api.startWithoutLab(config) : api.start(config)))
            qFatal("the commissioning harness did not start");
        http = &api.http();
    }
    HttpAnswer upload(const QList<Part> &parts, const QString &query = {})
    {
        const QByteArray boundary = "----neocloud-test-boundary";
        return http->send("POST", QStringLiteral("/api/v1/commissioning/plans") + query, multipart(parts, boundary), QStringLiteral("<default>"),
                          "multipart/form-data; boundary=" + boundary);
    }
    QString importJson(const QJsonObject &plan, const QString &query = {})
    {
        const HttpAnswer answer = http->post(QStringLiteral("/api/v1/commissioning/plans") + query, QJsonDocument(plan).toJson());
        if (answer.status != 201)
            qFatal("plan refused: %s", answer.body.constData());
        return answer.json.value(QLatin1String("id")).toString();
    }
    QJsonObject run(const QString &planId)
    {
        const HttpAnswer started = http->post(QStringLiteral("/api/v1/commissioning/runs"),
                                              QJsonDocument(QJsonObject{{QStringLiteral("planId"), planId}}).toJson());
        if (started.status != 202)
            qFatal("run refused: %s", started.body.constData());
        return waitForRun(*http, started.json.value(QLatin1String("id")).toString());
    }
};

const QByteArray racksCsv = "name,units\nR01,42\n";
const QByteArray devicesCsv = "name,rack,position,heightU,kind,model,serial,bmcUrl\n"
                              "gpu-01,R01,1,4,gpu-server,HGX H100,SN1,https://10.0.0.11\n"
                              "leaf-01,R01,42,1,switch,SN5600,SN3,https://10.0.0.13\n";
const QByteArray linksCsv = "aDevice,aPort,bDevice,bPort,speedGbps\nleaf-01,swp1,gpu-01,eth0,400\n";

// The five differences commissioning-demo.json builds into the lab (its asBuilt block).
const QStringList scenarioDifferences{
    QStringLiteral("cabling:swapped:gpu-g01-03:eth1 \u2194 leaf-g01:swp6 / gpu-g01-04:eth1 \u2194 leaf-g01:swp8"),
    QStringLiteral("device-location:wrong-position:gpu-g02-04"),
    QStringLiteral("device-present:missing:gpu-g03-04"),
    QStringLiteral("firmware:mismatch:gpu-g04-02"),
    QStringLiteral("part-health:unhealthy:dbox-02 SSD7"),
};

} // namespace

class TestCommissioning : public QObject
{
    Q_OBJECT

    std::unique_ptr<Harness> m_lab; // the scenario lab, shared by the tests that follow it in order
    QString m_planId;
    QJsonObject m_firstRun;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void brokenCsvIsRefusedWithFileLineAndColumn()
    {
        Harness h({});
        const QByteArray devices = "name,rack,position,heightU,kind,model,serial,bmcUrl\n"
                                   "gpu-01,R01,1,4,gpu-server,HGX H100,SN1,https://10.0.0.11\n"
                                   "gpu-02,R07,5,4,gpu-server,HGX H100,SN2,https://10.0.0.12\n"
                                   "gpu-03,R01,x,4,gpu-server,HGX H100,SN3,https://10.0.0.13\n";
        const HttpAnswer answer = h.upload({{QStringLiteral("site"), {}, "dc1"},
                                            {QStringLiteral("racks"), QStringLiteral("racks.csv"), racksCsv},
                                            {QStringLiteral("devices"), QStringLiteral("devices.csv"), devices},
                                            {QStringLiteral("links"), QStringLiteral("links.csv"), "aDevice,aPort,bDevice,bPort\ngpu-01,eth0,gpu-09,eth0\n"}});
        QCOMPARE(answer.status, 422);
        const QJsonObject error = answer.json.value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("invalid_plan"));
        QSet<QString> spots;
        for (const QJsonValue &d : error.value(QLatin1String("details")).toArray())
            spots.insert(QStringLiteral("%1:%2:%3").arg(d[QLatin1String("file")].toString()).arg(d[QLatin1String("line")].toInt()).arg(d[QLatin1String("column")].toInt()));
        QVERIFY2(spots.contains(QStringLiteral("devices.csv:3:2")), answer.body.constData()); // rack R07 unknown
        QVERIFY2(spots.contains(QStringLiteral("devices.csv:4:3")), answer.body.constData()); // position x
        QVERIFY2(spots.contains(QStringLiteral("links.csv:2:3")), answer.body.constData());   // gpu-09 unknown
        QCOMPARE(spots.size(), 3);
        // Nothing half-imported.
        QCOMPARE(h.http->get(QStringLiteral("/api/v1/commissioning/plans")).json.value(QLatin1String("total")).toInt(), 0);
        // The refusal is audited.
        QVERIFY(h.http->get(QStringLiteral("/api/v1/audit")).body.contains("commissioning.plan.import"));
    }

    void plansImportInEveryForm()
    {
        Harness h({});
        const HttpAnswer fromCsv = h.upload({{QStringLiteral("racks"), QStringLiteral("racks.csv"), racksCsv},
                                             {QStringLiteral("devices"), QStringLiteral("devices.csv"), devicesCsv},
                                             {QStringLiteral("links"), QStringLiteral("links.csv"), linksCsv}},
                                            QStringLiteral("?site=dc1&name=phase1"));
        QCOMPARE(fromCsv.status, 201);
        QCOMPARE(fromCsv.json.value(QLatin1String("format")).toString(), QStringLiteral("csv"));
        QCOMPARE(fromCsv.json.value(QLatin1String("counts")).toObject().value(QLatin1String("devices")).toInt(), 2);
        QCOMPARE(fromCsv.json.value(QLatin1String("sha256")).toString().size(), 64);

        const QJsonObject stored = h.http->get(QStringLiteral("/api/v1/commissioning/plans/") + fromCsv.json.value(QLatin1String("id")).toString()).json;
        QCOMPARE(stored.value(QLatin1String("site")).toString(), QStringLiteral("dc1"));
        QCOMPARE(stored.value(QLatin1String("devices")).toArray().at(0)[QLatin1String("serial")].toString(), QStringLiteral("SN1"));
        QCOMPARE(stored.value(QLatin1String("links")).toArray().at(0)[QLatin1String("speedGbps")].toDouble(), 400.0);

        // The stored plan, as JSON, imports again; extra keys are kept.
        QJsonObject again = stored;
        again.insert(QStringLiteral("customer"), QStringLiteral("Acme"));
        const QString jsonId = h.importJson(again);
        QCOMPARE(h.http->get(QStringLiteral("/api/v1/commissioning/plans/") + jsonId).json.value(QLatin1String("customer")).toString(),
                 QStringLiteral("Acme"));

        // A NetBox export, as the four list answers in one body.
        const QByteArray netbox = R"({"devices": {"results": [
            {"id": 1, "name": "gpu-01", "site": {"name": "dc1"}, "rack": {"name": "R01"}, "position": 1,
             "device_type": {"model": "HGX H100", "u_height": 4, "manufacturer": {"name": "Supermicro"}}, "role": {"slug": "gpu-server"}, "serial": "SN1"}]},
            "racks": {"results": [{"id": 1, "name": "R01", "u_height": 48, "site": {"name": "dc1"}}]},
            "interfaces": {"results": []}, "cables": {"results": []}})";
        const HttpAnswer fromNetBox = h.http->post(QStringLiteral("/api/v1/commissioning/plans?format=netbox"), netbox);
        QCOMPARE(fromNetBox.status, 201);
        QCOMPARE(fromNetBox.json.value(QLatin1String("format")).toString(), QStringLiteral("netbox"));
        QCOMPARE(h.http->get(QStringLiteral("/api/v1/commissioning/plans")).json.value(QLatin1String("total")).toInt(), 3);
        const QJsonObject page = h.http->get(QStringLiteral("/api/v1/commissioning/plans?limit=1&offset=2")).json;
        QCOMPARE(page.value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(page.value(QLatin1String("total")).toInt(), 3);
        QCOMPARE(h.http->get(QStringLiteral("/api/v1/commissioning/plans?limit=0")).status, 400);

        // Refusals that are not about rows.
        QCOMPARE(h.http->send("POST", QStringLiteral("/api/v1/commissioning/plans"), devicesCsv, QStringLiteral("<default>"), "text/csv").status, 400);
        QCOMPARE(h.http->post(QStringLiteral("/api/v1/commissioning/plans"), "{\"site\": ").status, 422);
        QCOMPARE(h.http->post(QStringLiteral("/api/v1/commissioning/plans?format=yaml"), "{}").status, 400);
        QCOMPARE(h.http->post(QStringLiteral("/api/v1/commissioning/runs"), R"({"planId": "plan-nope"})").status, 404);
        QCOMPARE(h.http->post(QStringLiteral("/api/v1/commissioning/runs"), R"({"plan": "x"})").status, 400);
    }

    void runFindsExactlyTheLabsKnownDifferences()
    {
        m_lab = std::make_unique<Harness>(scenarioLab);
        const HttpAnswer design = m_lab->http->get(QStringLiteral("/api/v1/lab/plan"));
        QCOMPARE(design.status, 200);
        QCOMPARE(design.json.value(QLatin1String("site")).toString(), QStringLiteral("ams1-commissioning"));
        m_planId = m_lab->importJson(design.json);

        m_firstRun = m_lab->run(m_planId);
        QCOMPARE(m_firstRun.value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(failing(m_firstRun), scenarioDifferences);
        const QJsonObject summary = m_firstRun.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("fail")).toInt(), 5);
        QVERIFY(summary.value(QLatin1String("pass")).toInt() > 100);
        QVERIFY(m_firstRun.value(QLatin1String("previousRunId")).isNull());
        // The missing node's cables are named with it rather than failing on their own.
        const QJsonObject missing = findingOf(m_firstRun, QStringLiteral("device-present|gpu-g03-04"));
        QVERIFY2(missing.value(QLatin1String("message")).toString().contains(QLatin1String("2 planned link")), qPrintable(missing.value(QLatin1String("message")).toString()));
        QCOMPARE(findingOf(m_firstRun, QStringLiteral("device-location|gpu-g02-04")).value(QLatin1String("found")).toString(), QStringLiteral("G02 U28"));
    }

    void waiversAreAuditedAndCarriedOverAndHistoryShowsChanges()
    {
        QVERIFY(m_lab);
        const QJsonObject firmware = findingOf(m_firstRun, QStringLiteral("firmware|gpu-g04-02"));
        const QString path = QStringLiteral("/api/v1/commissioning/runs/%1/findings/%2/waiver")
                                 .arg(m_firstRun.value(QLatin1String("id")).toString(), firmware.value(QLatin1String("id")).toString());
        QCOMPARE(m_lab->http->post(path, R"({})").status, 400);
        const HttpAnswer waived = m_lab->http->post(path, R"({"reason": "Vendor update scheduled for week 12"})");
        QCOMPARE(waived.status, 200);
        QCOMPARE(waived.json.value(QLatin1String("status")).toString(), QStringLiteral("waived"));
        QCOMPARE(waived.json.value(QLatin1String("waiver")).toObject().value(QLatin1String("by")).toString(), QStringLiteral("admin"));
        QVERIFY(m_lab->http->get(QStringLiteral("/api/v1/audit")).body.contains("commissioning.waive"));
        const QJsonObject passing = findingOf(m_firstRun, QStringLiteral("device-present|gpu-g01-01"));
        QCOMPARE(m_lab->http->post(QStringLiteral("/api/v1/commissioning/runs/%1/findings/%2/waiver")
                                       .arg(m_firstRun.value(QLatin1String("id")).toString(), passing.value(QLatin1String("id")).toString()),
                                   R"({"reason": "x"})").status,
                 409);

        // Something breaks on site; the re-run says so and keeps the waiver.
        QCOMPARE(m_lab->http->post(QStringLiteral("/api/v1/lab/faults"), R"({"device": "gpu-g01-01", "kind": "gpu-failed", "component": "GPU3"})").status, 201);
        const QJsonObject second = m_lab->run(m_planId);
        QCOMPARE(second.value(QLatin1String("previousRunId")).toString(), m_firstRun.value(QLatin1String("id")).toString());
        QStringList expected = scenarioDifferences;
        expected.removeAll(QStringLiteral("firmware:mismatch:gpu-g04-02"));
        expected << QStringLiteral("part-health:unhealthy:gpu-g01-01 GPU3");
        expected.sort();
        QCOMPARE(failing(second), expected);
        QCOMPARE(failing(second, QStringLiteral("waived")), QStringList{QStringLiteral("firmware:mismatch:gpu-g04-02")});
        QCOMPARE(findingOf(second, QStringLiteral("part-health|gpu-g01-01 GPU3")).value(QLatin1String("change")).toString(), QStringLiteral("new"));
        QCOMPARE(findingOf(second, QStringLiteral("device-present|gpu-g03-04")).value(QLatin1String("change")).toString(), QStringLiteral("unchanged"));

        // Fixed on site: the third run lists it as fixed.
        const QJsonArray faults = m_lab->http->get(QStringLiteral("/api/v1/lab/faults")).json.value(QLatin1String("items")).toArray();
        QCOMPARE(m_lab->http->send("DELETE", QStringLiteral("/api/v1/lab/faults/") + faults.first()[QLatin1String("id")].toString()).status, 204);
        const QJsonObject third = m_lab->run(m_planId);
        QStringList changes;
        for (const QJsonValue &c : third.value(QLatin1String("changes")).toArray())
            changes << c[QLatin1String("change")].toString() + QLatin1Char(':') + c[QLatin1String("key")].toString();
        QCOMPARE(changes, QStringList{QStringLiteral("fixed:part-health|gpu-g01-01 GPU3")});

        // The history lists every run, newest first; only the latest takes waivers.
        const QJsonArray history = m_lab->http->get(QStringLiteral("/api/v1/commissioning/runs?planId=") + m_planId).json.value(QLatin1String("items")).toArray();
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.first()[QLatin1String("id")].toString(), third.value(QLatin1String("id")).toString());
        QCOMPARE(m_lab->http->post(path, R"({"reason": "late"})").status, 409);
        m_firstRun = third;
    }

    void reportRendersAndVerifies()
    {
        QVERIFY(m_lab);
        const QString runId = m_firstRun.value(QLatin1String("id")).toString();
        const HttpAnswer html = m_lab->http->get(QStringLiteral("/api/v1/commissioning/runs/%1/report.html?customer=Jane%20Doe").arg(runId));
        QCOMPARE(html.status, 200);
        QVERIFY(html.headers.value("content-type").startsWith("text/html"));
        const QByteArray sha = html.headers.value("x-report-sha256");
        QCOMPARE(sha.size(), 64);
        for (const char *text : {"Site summary", "Open items", "Every check", "Inventory as built", "Cabling", "Sign-off", "Jane Doe",
                                 "gpu-g03-04", "Vendor update scheduled", "Changes since run"})
            QVERIFY2(html.body.contains(text), text);
        QVERIFY(html.body.contains(sha));

        const QString reportId = QString::fromLatin1(html.headers.value("x-report-id"));
        const HttpAnswer stored = m_lab->http->get(QStringLiteral("/api/v1/commissioning/reports/") + reportId);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.json.value(QLatin1String("verified")).toBool(), true);
        QCOMPARE(stored.json.value(QLatin1String("sha256")).toString().toLatin1(), sha);
        QCOMPARE(stored.json.value(QLatin1String("data")).toObject().value(QLatin1String("findings")).toArray().size(),
                 m_firstRun.value(QLatin1String("findings")).toArray().size());
        // Reproduced byte for byte from the stored data.
        QCOMPARE(m_lab->http->get(QStringLiteral("/api/v1/commissioning/reports/%1/report.html").arg(reportId)).body, html.body);
        // Asked again with nothing changed, the same report answers instead of one more record.
        const HttpAnswer again = m_lab->http->get(QStringLiteral("/api/v1/commissioning/runs/%1/report.html?customer=Jane%20Doe").arg(runId));
        QCOMPARE(QString::fromLatin1(again.headers.value("x-report-id")), reportId);
        QCOMPARE(again.body, html.body);
        // Another sign-off is another report.
        const HttpAnswer other = m_lab->http->get(QStringLiteral("/api/v1/commissioning/runs/%1/report.html?customer=Max%20Muster").arg(runId));
        QCOMPARE(other.status, 200);
        QVERIFY(QString::fromLatin1(other.headers.value("x-report-id")) != reportId);
        // The document as handed over verifies; one changed byte does not.
        const HttpAnswer verified = m_lab->http->send("POST", QStringLiteral("/api/v1/commissioning/reports/verify"), html.body, QStringLiteral("<default>"), "text/html");
        QCOMPARE(verified.json.value(QLatin1String("verified")).toBool(), true);
        QCOMPARE(verified.json.value(QLatin1String("report")).toObject().value(QLatin1String("id")).toString(), reportId);
        QByteArray tampered = html.body;
        tampered.replace("Jane Doe", "John Doe");
        QCOMPARE(m_lab->http->send("POST", QStringLiteral("/api/v1/commissioning/reports/verify"), tampered, QStringLiteral("<default>"), "text/html")
                     .json.value(QLatin1String("verified")).toBool(),
                 false);
        QCOMPARE(m_lab->http->post(QStringLiteral("/api/v1/commissioning/reports/verify"), "{\"sha256\": \"" + sha + "\"}").json.value(QLatin1String("verified")).toBool(), true);

        const HttpAnswer pdf = m_lab->http->get(QStringLiteral("/api/v1/commissioning/runs/%1/report.pdf").arg(runId));
        QCOMPARE(pdf.status, 200);
        QCOMPARE(pdf.headers.value("content-type"), QByteArray("application/pdf"));
        QVERIFY(pdf.body.startsWith("%PDF"));
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("report.pdf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf.body);
        file.close();
        QProcess render;
        render.start(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-f"),
                                                   QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), file.fileName(),
                                                   dir.filePath(QStringLiteral("page"))});
        QVERIFY2(render.waitForFinished(60000) && render.exitCode() == 0, render.readAllStandardError().constData());
        const QStringList pages = QDir(dir.path()).entryList({QStringLiteral("page*.png")});
        QCOMPARE(pages.size(), 1);
        QVERIFY(QFileInfo(dir.filePath(pages.first())).size() > 1000);
        QProcess text;
        // In content order, each table cell's lines stay together; a name wrapped at a hyphen
        // is joined again.
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), file.fileName(), QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000) && text.exitCode() == 0);
        const QString words = QString::fromUtf8(text.readAllStandardOutput()).replace(QStringLiteral("-\n"), QStringLiteral("-")).simplified();
        for (const QString &expected : {QStringLiteral("gpu-g03-04"), QStringLiteral("gpu-g02-04"), QStringLiteral("SSD7"), QStringLiteral("gpu-g04-02"),
                                        QStringLiteral("swapped"), QStringLiteral("missing"), QStringLiteral("wrong-position"),
                                        QStringLiteral("Vendor update scheduled"), QStringLiteral("Customer representative"), QStringLiteral("SHA-256")})
            QVERIFY2(words.contains(expected), qPrintable(expected));
    }

    void siteExportsAsAPlanInBothForms()
    {
        QVERIFY(m_lab);
        const HttpAnswer exported = m_lab->http->get(QStringLiteral("/api/v1/commissioning/export?site=ams1-commissioning"));
        QCOMPARE(exported.status, 200);
        const QJsonArray devices = exported.json.value(QLatin1String("devices")).toArray();
        const QJsonArray design = m_lab->http->get(QStringLiteral("/api/v1/lab/plan")).json.value(QLatin1String("devices")).toArray();
        QCOMPARE(devices.size(), design.size() - 1); // the node that was never delivered
        // Planned as built: only what no plan can promise (a failed part) still fails.
        const QString asBuilt = m_lab->importJson(exported.json);
        QCOMPARE(failing(m_lab->run(asBuilt)), QStringList{QStringLiteral("part-health:unhealthy:dbox-02 SSD7")});

        const HttpAnswer netbox = m_lab->http->get(QStringLiteral("/api/v1/commissioning/export?site=ams1-commissioning&format=netbox"));
        QCOMPARE(netbox.status, 200);
        QCOMPARE(netbox.json.value(QLatin1String("devices")).toObject().value(QLatin1String("count")).toInt(), int(devices.size()));
        const HttpAnswer reimported = m_lab->http->post(QStringLiteral("/api/v1/commissioning/plans?format=netbox"), netbox.body);
        QCOMPARE(reimported.status, 201);
        const QJsonObject counts = reimported.json.value(QLatin1String("counts")).toObject();
        QCOMPARE(counts.value(QLatin1String("devices")).toInt(), int(devices.size()));
        QCOMPARE(counts.value(QLatin1String("links")).toInt(), int(exported.json.value(QLatin1String("links")).toArray().size()));

        QCOMPARE(m_lab->http->get(QStringLiteral("/api/v1/commissioning/export?site=nowhere")).status, 404);
        QCOMPARE(m_lab->http->get(QStringLiteral("/api/v1/commissioning/export?site=ams1-commissioning&format=xml")).status, 400);
        m_lab.reset();
    }

    void serverRendersThePdfWithoutADisplay()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("NEOCLOUD_ADMIN_PASSWORD"), QStringLiteral("pdf-test-password"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(server, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), dir.filePath(QStringLiteral("s.db")),
                               QStringLiteral("--lab"), scenarioLab});
        QVERIFY(process.waitForStarted());
        static const QRegularExpression served(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/api/v1"));
        QString log;
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT((log += QString::fromUtf8(process.readAll()), match = served.match(log)).hasMatch(), 20000);
        HttpClient http(match.captured(1).toUShort());
        http.setToken(http.login(QStringLiteral("admin"), QStringLiteral("pdf-test-password")));
        const HttpAnswer plan = http.post(QStringLiteral("/api/v1/commissioning/plans"), http.get(QStringLiteral("/api/v1/lab/plan")).body);
        QCOMPARE(plan.status, 201);
        const HttpAnswer started = http.post(QStringLiteral("/api/v1/commissioning/runs"),
                                             QJsonDocument(QJsonObject{{QStringLiteral("planId"), plan.json.value(QLatin1String("id"))}}).toJson());
        QCOMPARE(started.status, 202);
        const QJsonObject run = waitForRun(http, started.json.value(QLatin1String("id")).toString());
        QCOMPARE(failing(run), scenarioDifferences);
        const HttpAnswer pdf = http.get(QStringLiteral("/api/v1/commissioning/runs/%1/report.pdf").arg(run.value(QLatin1String("id")).toString()));
        QVERIFY2(pdf.status == 200 && pdf.body.startsWith("%PDF"), pdf.body.left(300).constData());
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
    }
};

QTEST_MAIN(TestCommissioning)
#include "tst_commissioning.moc"
