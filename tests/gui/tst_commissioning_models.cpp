// The Commissioning view's models over a real backend running commissioning-demo.json (the demo
// site as built with five known differences): a refused plan lists its problems, the lab's plan
// imports and runs, the findings list exactly those five as failing, a waiver is kept in the
// database and across a re-run, and the report is saved as HTML and PDF and verified.

#include "CommissioningController.h"
#include "GuiTestSupport.h"
#include "PdfReportRenderer.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace NeoCloud;

namespace {

// commissioning-demo.json's asBuilt block, as check:problem:what (docs/commissioning.md).
const QSet<QString> knownDifferences{
    QStringLiteral("cabling:swapped:gpu-g01-03:eth1 \u2194 leaf-g01:swp6 / gpu-g01-04:eth1 \u2194 leaf-g01:swp8"),
    QStringLiteral("device-location:wrong-position:gpu-g02-04"),
    QStringLiteral("device-present:missing:gpu-g03-04"),
    QStringLiteral("firmware:mismatch:gpu-g04-02"),
    QStringLiteral("part-health:unhealthy:dbox-02 SSD7"),
};

QString role(const FindingListModel &model, int row, const QByteArray &name)
{
    return model.data(model.index(row), model.roleNames().key(name)).toString();
}

QSet<QString> differencesShown(const FindingListModel &model)
{
    QSet<QString> out;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString check = role(model, row, "check");
        const bool bySubject = check == QLatin1String("cabling") || check == QLatin1String("part-health");
        out << check + u':' + role(model, row, "problem") + u':' + role(model, row, bySubject ? "subject" : "device");
    }
    return out;
}

QString findingOf(const FindingListModel &model, const QString &check)
{
    for (const Finding &f : model.all())
        if (f.check == check && f.status != FindingStatus::Pass)
            return f.id;
    return {};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestCommissioningModels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<CommissioningController> m_controller;

    bool runToTheEnd()
    {
        QSignalSpy finished(m_controller.get(), &CommissioningController::runFinished);
        if (!m_controller->startRun())
            return false;
        return m_controller->running() && finished.wait(90000) && !m_controller->running();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_backend = Testing::createLabBackend(m_dir, QStringLiteral("commissioning-demo.json"), std::make_shared<PdfReportRenderer>());
        QVERIFY(m_backend);
        m_controller = std::make_unique<CommissioningController>(m_backend->commissioning(), m_backend->discovery(), m_backend->lab());
        new QAbstractItemModelTester(m_controller->findings(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    }

    void startsWithoutAPlan()
    {
        QVERIFY(m_controller->loaded());
        QVERIFY(m_controller->planId().isEmpty());
        QVERIFY(m_controller->labAvailable());
        QCOMPARE(m_controller->labSite(), QStringLiteral("ams1-commissioning"));
        QVERIFY(!m_controller->startRun());
        QVERIFY(!m_controller->lastError().isEmpty());
        QVERIFY(!m_controller->saveReport(m_dir.filePath(QStringLiteral("early.html"))));
    }

    void brokenPlansAreRefusedWithEveryProblem()
    {
        // A JSON plan with an unknown rack and a device overlapping another.
        const QString json = m_dir.filePath(QStringLiteral("broken-plan.json"));
        QVERIFY(writeFile(json, R"({"site": "dc9", "racks": [{"name": "R01", "units": 42}],
 "devices": [{"name": "a", "rack": "R01", "position": 1, "heightU": 4},
             {"name": "b", "rack": "R01", "position": 3},
             {"name": "c", "rack": "R09", "position": 1}]})"));
        QVERIFY(!m_controller->importPlan(QStringLiteral("json"), {QUrl::fromLocalFile(json).toString()}));
        QVERIFY(m_controller->planIssues().size() >= 2);
        for (const QString &issue : m_controller->planIssues())
            QVERIFY2(issue.startsWith(QStringLiteral("broken-plan.json:")), qPrintable(issue));
        QVERIFY(m_controller->planId().isEmpty());

        // A CSV set given as its folder, without the site it needs and with a bad U.
        QDir(m_dir.path()).mkdir(QStringLiteral("csv"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("csv/devices.csv")), "name,rack,position\ngpu-1,,x\n"));
        QVERIFY(!m_controller->importPlan(QStringLiteral("csv"), {m_dir.filePath(QStringLiteral("csv"))}));
        QVERIFY2(m_controller->planIssues().join(u'\n').contains(QStringLiteral("devices.csv:2:3")),
                 qPrintable(m_controller->planIssues().join(u'\n')));
        QVERIFY(!m_controller->importPlan(QStringLiteral("yaml"), {json}));
        QVERIFY(!m_controller->importPlan(QStringLiteral("json"), {m_dir.filePath(QStringLiteral("no-such-file.json"))}));
        QVERIFY(m_controller->lastError().contains(QStringLiteral("no-such-file.json")));
    }

    void labPlanRunsAndFindsTheKnownDifferences()
    {
        QVERIFY2(m_controller->importLabPlan(), qPrintable(m_controller->lastError()));
        QVERIFY(m_controller->planIssues().isEmpty());
        QCOMPARE(m_controller->planSite(), QStringLiteral("ams1-commissioning"));
        QVERIFY(m_controller->planDevices() > 20);
        QVERIFY2(runToTheEnd(), qPrintable(m_controller->lastError() + m_controller->runError()));
        QCOMPARE(m_controller->runState(), QStringLiteral("succeeded"));
        QCOMPARE(m_controller->changeCount(), -1); // a first run

        FindingListModel &findings = *m_controller->findings();
        QCOMPARE(findings.filter(), QStringLiteral("fail"));
        QCOMPARE(differencesShown(findings), knownDifferences);
        QCOMPARE(findings.failCount(), 5);
        QVERIFY(findings.passCount() > 50);
        QCOMPARE(findings.waivedCount(), 0);

        // Grouped by rack: rows of one rack are neighbours, the moved server is in G02.
        findings.setFilter(QStringLiteral("all"));
        QCOMPARE(findings.rowCount(), findings.totalCount());
        QSet<QString> closed;
        QString current;
        for (int row = 0; row < findings.rowCount(); ++row) {
            const QString rack = role(findings, row, "rack");
            if (rack != current) {
                QVERIFY2(!closed.contains(rack), qPrintable(rack + QStringLiteral(" comes back after another rack")));
                closed << current;
                current = rack;
            }
            if (role(findings, row, "device") == QLatin1String("gpu-g02-04"))
                QCOMPARE(rack, QStringLiteral("G02"));
        }
        findings.setFilter(QStringLiteral("fail"));

        // The racks mark the failing devices (both ends of the swapped cables) and draw the
        // missing server where the plan puts it.
        const QVariantMap marks = m_controller->marks();
        for (const char *device : {"gpu-g01-03", "gpu-g01-04", "gpu-g02-04", "gpu-g04-02", "dbox-02"})
            QVERIFY2(marks.contains(QLatin1String(device)), device);
        QVERIFY(!marks.contains(QStringLiteral("gpu-g01-01")));
        QCOMPARE(m_controller->ghosts().size(), 1);
        const QVariantMap ghost = m_controller->ghosts().constFirst().toMap();
        QCOMPARE(ghost.value(QStringLiteral("name")).toString(), QStringLiteral("gpu-g03-04"));
        QCOMPARE(ghost.value(QStringLiteral("rack")).toString(), QStringLiteral("G03"));
        QCOMPARE(ghost.value(QStringLiteral("findingId")).toString(), findingOf(findings, QStringLiteral("device-present")));
    }

    void detailShowsPlanAgainstFound()
    {
        FindingDetail &detail = *m_controller->selected();
        detail.setFindingId(findingOf(*m_controller->findings(), QStringLiteral("device-location")));
        QVERIFY(detail.isFound());
        QCOMPARE(detail.device(), QStringLiteral("gpu-g02-04"));
        QCOMPARE(detail.status(), QStringLiteral("fail"));
        QVERIFY2(detail.expected().contains(QStringLiteral("27")), qPrintable(detail.expected()));
        QVERIFY2(detail.foundValue().contains(QStringLiteral("28")), qPrintable(detail.foundValue()));
        QCOMPARE(detail.history().size(), 1);
        detail.setFindingId(QStringLiteral("fnd-not-there"));
        QVERIFY(!detail.isFound());
    }

    void waiverIsStoredAndKeptByARerun()
    {
        FindingDetail &detail = *m_controller->selected();
        const QString firmware = findingOf(*m_controller->findings(), QStringLiteral("firmware"));
        detail.setFindingId(firmware);
        QVERIFY(!detail.waive(QStringLiteral("   ")));
        QVERIFY(!detail.lastError().isEmpty());
        QVERIFY2(detail.waive(QStringLiteral("BIOS update booked for the next window")), qPrintable(detail.lastError()));
        QVERIFY(detail.waived());
        QCOMPARE(detail.status(), QStringLiteral("waived"));
        QCOMPARE(detail.waiverBy(), QStringLiteral("console"));
        QVERIFY(detail.waiverAt().isValid());
        QCOMPARE(m_controller->findings()->failCount(), 4);
        QCOMPARE(m_controller->findings()->waivedCount(), 1);
        QCOMPARE(m_controller->findings()->rowOf(firmware), -1); // it left the "fail" filter
        QVERIFY(!m_controller->marks().contains(QStringLiteral("gpu-g04-02")));

        // Stored: a controller made afresh (the console restarted) reads it back.
        {
            CommissioningController fresh(m_backend->commissioning(), m_backend->discovery(), m_backend->lab());
            QCOMPARE(fresh.runId(), m_controller->runId());
            QCOMPARE(fresh.findings()->waivedCount(), 1);
            fresh.selected()->setFindingId(firmware);
            QCOMPARE(fresh.selected()->waiverReason(), QStringLiteral("BIOS update booked for the next window"));
        }

        // A re-run keeps it while the firmware found is the same.
        const QString firstRun = m_controller->runId();
        QVERIFY2(runToTheEnd(), qPrintable(m_controller->lastError() + m_controller->runError()));
        QVERIFY(m_controller->runId() != firstRun);
        QCOMPARE(m_controller->changeCount(), 0);
        FindingListModel &findings = *m_controller->findings();
        QCOMPARE(findings.failCount(), 4);
        QCOMPARE(findings.waivedCount(), 1);
        findings.setFilter(QStringLiteral("waived"));
        QCOMPARE(findings.rowCount(), 1);
        QCOMPARE(role(findings, 0, "device"), QStringLiteral("gpu-g04-02"));
        detail.setFindingId(findings.findingIdAt(0));
        QCOMPARE(detail.waiverReason(), QStringLiteral("BIOS update booked for the next window"));
        QCOMPARE(detail.history().size(), 2);
        QCOMPARE(detail.change(), QStringLiteral("unchanged"));

        // Taken back, it fails again.
        QVERIFY2(detail.unwaive(), qPrintable(detail.lastError()));
        QCOMPARE(detail.status(), QStringLiteral("fail"));
        QCOMPARE(findings.rowCount(), 0);
        QCOMPARE(findings.failCount(), 5);
        QVERIFY(!detail.unwaive());
        findings.setFilter(QStringLiteral("fail"));
    }

    void reportIsSavedAndVerified()
    {
        const QString html = m_dir.filePath(QStringLiteral("handover.html"));
        QVERIFY2(m_controller->saveReport(QUrl::fromLocalFile(html).toString(), QStringLiteral("Ada Field"), QStringLiteral("Acme DC")),
                 qPrintable(m_controller->lastError()));
        QCOMPARE(m_controller->reportPath(), html);
        QCOMPARE(m_controller->reportSha256().size(), 64);
        QFile saved(html);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray bytes = saved.readAll();
        QVERIFY(bytes.contains(m_controller->reportSha256().toLatin1()));
        QVERIFY(bytes.contains("Ada Field"));
        QVERIFY(m_controller->verifyReport(html));
        QCOMPARE(m_controller->verification(), QStringLiteral("verified"));
        // Saved again unchanged: the same report, not a second one.
        const QString firstReport = m_controller->reportId();
        const QString again = m_dir.filePath(QStringLiteral("handover-again.html"));
        QVERIFY(m_controller->saveReport(again, QStringLiteral("Ada Field"), QStringLiteral("Acme DC")));
        QCOMPARE(m_controller->reportId(), firstReport);
        QFile againFile(again);
        QVERIFY(againFile.open(QIODevice::ReadOnly));
        QCOMPARE(againFile.readAll(), bytes);

        // One byte changed and the file no longer matches any report.
        QVERIFY(writeFile(html, QByteArray(bytes).replace("Ada Field", "Ada Fielt")));
        QVERIFY(!m_controller->verifyReport(html));
        QCOMPARE(m_controller->verification(), QStringLiteral("altered"));

        const QString pdf = m_dir.filePath(QStringLiteral("handover.pdf"));
        QVERIFY2(m_controller->saveReport(pdf), qPrintable(m_controller->lastError()));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.readAll().startsWith("%PDF"));
        QVERIFY(m_controller->verifyReport(pdf));
        QVERIFY(!m_controller->saveReport(m_dir.filePath(QStringLiteral("no-such-dir/report.html"))));
        QVERIFY(m_controller->suggestedReportPath(QStringLiteral("html")).endsWith(QStringLiteral(".html")));
    }

    void cleanupTestCase()
    {
        m_controller.reset();
        m_backend.reset();
    }
};

QTEST_MAIN(TestCommissioningModels)
#include "tst_commissioning_models.moc"
