// Runs the real neocloud-console binary with --screenshot, the way docs and users do, and checks
// the picture is a real rendering of the requested view; bad arguments must fail loudly.

#include "GuiTestSupport.h"
#include "tenancy/TenantService.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestConsoleScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersTheView_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("theme");
        QTest::addColumn<bool>("withInventory");
        QTest::newRow("overview") << QStringLiteral("overview") << QStringLiteral("light") << false;
        QTest::newRow("events") << QStringLiteral("events") << QStringLiteral("light") << false;
        QTest::newRow("overview, dark") << QStringLiteral("overview") << QStringLiteral("dark") << false;
        QTest::newRow("hardware, empty") << QStringLiteral("hardware") << QStringLiteral("light") << false;
        QTest::newRow("hardware") << QStringLiteral("hardware") << QStringLiteral("light") << true;
        QTest::newRow("hardware, dark") << QStringLiteral("hardware") << QStringLiteral("dark") << true;
        QTest::newRow("topology") << QStringLiteral("topology") << QStringLiteral("light") << true;
        QTest::newRow("topology, dark") << QStringLiteral("topology") << QStringLiteral("dark") << true;
        QTest::newRow("tenants, empty") << QStringLiteral("tenants") << QStringLiteral("light") << false;
        QTest::newRow("tenants") << QStringLiteral("tenants") << QStringLiteral("light") << true;
        QTest::newRow("services, dark") << QStringLiteral("services") << QStringLiteral("dark") << true;
        QTest::newRow("capacity") << QStringLiteral("capacity") << QStringLiteral("light") << true;
        QTest::newRow("capacity, dark") << QStringLiteral("capacity") << QStringLiteral("dark") << false;
        QTest::newRow("health, empty") << QStringLiteral("health") << QStringLiteral("light") << false;
        QTest::newRow("health, dark") << QStringLiteral("health") << QStringLiteral("dark") << true;
        QTest::newRow("commissioning, empty") << QStringLiteral("commissioning") << QStringLiteral("light") << false;
        // The lab page explains itself when the console runs without one.
        QTest::newRow("settings, no lab") << QStringLiteral("settings") << QStringLiteral("light") << false;
    }

    void rendersTheView()
    {
        QFETCH(QString, view);
        QFETCH(QString, theme);
        QFETCH(bool, withInventory);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (withInventory) {
            // Written before the console opens the same database file.
            auto backend = NeoCloud::Testing::createBackend(dir, QStringLiteral("c.db"));
            QVERIFY(backend);
            QVERIFY(NeoCloud::Testing::addSampleInventory(backend->inventory()));
            NeoCloud::TenantDraft tenant;
            tenant.name = QStringLiteral("acme");
            tenant.quotas.maxServices = 5;
            QVERIFY(backend->tenants().create(tenant, QStringLiteral("test")));
        }
        const QString png = dir.filePath(QStringLiteral("o.png"));
        const Run run = console(dir, {QStringLiteral("--screenshot"), png,
                                      QStringLiteral("--view"), view,
                                      QStringLiteral("--theme"), theme});
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));

        const QImage image(png);
        QVERIFY2(!image.isNull(), "no readable PNG was written");
        QCOMPARE(image.size(), QSize(1440, 900));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        // Text, cards and the rail give hundreds; a blank or failed window gives one or two.
        QVERIFY2(colours.size() > 50, qPrintable(QStringLiteral("only %1 distinct colours")
                                                     .arg(colours.size())));
    }

    void refusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown view") << QStringList{QStringLiteral("--view"), QStringLiteral("nosuch")}
                                      << QStringLiteral("unknown view 'nosuch'");
        QTest::newRow("unwritable file")
            << QStringList{QStringLiteral("--screenshot"),
                           QStringLiteral("/nonexistent-neocloud-dir/o.png")}
            << QStringLiteral("cannot write the screenshot");
        QTest::newRow("unknown theme")
            << QStringList{QStringLiteral("--theme"), QStringLiteral("purple")}
            << QStringLiteral("--theme expects light or dark");
    }

    void refusesBadArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (!arguments.contains(QStringLiteral("--screenshot")))
            arguments << QStringLiteral("--screenshot") << dir.filePath(QStringLiteral("o.png"));
        const Run run = console(dir, arguments);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.stderrText.contains(expected), qPrintable(run.stderrText));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("o.png"))));
    }

private:
    struct Run
    {
        int exitCode = -1;
        QString stderrText;
    };

    static Run console(const QTemporaryDir &dir, const QStringList &extra)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("NEOCLOUD_ADMIN_PASSWORD"), QStringLiteral("screenshot-test-1234"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(NEOCLOUD_BIN_DIR "/neocloud-console"),
                      // No demo lab: its discovery would change the inventory mid-picture.
                      QStringList{QStringLiteral("--no-lab"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:0"),
                                  QStringLiteral("--db"), dir.filePath(QStringLiteral("c.db"))}
                          + extra);
        Run run;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            run.stderrText = QStringLiteral("neocloud-console did not finish: ")
                + process.errorString();
            return run;
        }
        run.stderrText = QString::fromUtf8(process.readAllStandardError());
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return run;
    }
};

QTEST_GUILESS_MAIN(TestConsoleScreenshot)
#include "tst_console_screenshot.moc"
