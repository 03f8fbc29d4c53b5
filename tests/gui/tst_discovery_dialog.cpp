// The console window with the demo lab, driven by keyboard the way a user would: open the
// discovery dialog, start a lab scan with Enter, read its outcome, break hardware on the Settings
// page and see the rescan report it; Esc closes. No QML warning may appear. With
// NEOCLOUD_SCREENSHOT_DIR set it also saves the pictures the docs use.

#include "ConsoleContext.h"
#include "GuiTestSupport.h"
#include "WindowTestSupport.h"
#include "lab/LabService.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

Q_IMPORT_QML_PLUGIN(NeoCloud_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(NeoCloud_ViewModelsPlugin)

using namespace NeoCloud;

namespace {

constexpr int scanTimeoutMs = 60000;

QStringList &g_warnings = Testing::WarningRecorder::warnings();

QString firstLabDevice(LabService &lab, DeviceKind kind)
{
    for (const LabDevice &d : lab.definition().devices)
        if (d.tmpl->kind == kind)
            return d.name;
    return {};
}

} // namespace

class TestDiscoveryDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        QVERIFY(m_dir.isValid());
        m_backend = Testing::createLabBackend(m_dir);
        QVERIFY(m_backend);
        m_context = std::make_unique<ConsoleContext>(*m_backend);
        m_recorder = std::make_unique<Testing::WarningRecorder>();
        m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_engine.setInitialProperties({{QStringLiteral("context"), QVariant::fromValue(m_context.get())},
                                       {QStringLiteral("currentView"), QStringLiteral("hardware")}});
        m_engine.load(QUrl(QStringLiteral("qrc:/qt/qml/NeoCloud/Console/Main.qml")));
        QVERIFY(!m_engine.rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_dialog = m_window->findChild<QObject *>(QStringLiteral("discoveryDialog"));
        QVERIFY(m_dialog);
    }

    // Members go in reverse order: the window (engine) before the context its bindings read.
    void cleanupTestCase() { m_recorder.reset(); }

    void enterStartsALabScan()
    {
        QVERIFY(QMetaObject::invokeMethod(m_dialog, "open"));
        QTRY_VERIFY(m_dialog->property("opened").toBool());
        // The first field has focus: Enter starts the scan the form shows (the lab).
        QVERIFY(m_window->activeFocusItem());
        ScanController &scan = *m_context->discovery();
        QTest::keyClick(m_window, Qt::Key_Return);
        QVERIFY2(scan.running(), qPrintable(scan.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(scan.finished(), scanTimeoutMs);
        QCOMPARE(scan.foundAdded(), int(m_backend->lab()->definition().devices.size()));
        QTRY_VERIFY(m_context->devices()->count() > 0);
        frame();
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
    }

    void escapeCloses()
    {
        QVERIFY(m_dialog->property("opened").toBool());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!m_dialog->property("visible").toBool());
    }

    void brokenHardwareShowsInTheRescan()
    {
        LabService &lab = *m_backend->lab();
        LabFaultModel &faults = *m_context->lab();
        const QString gpuServer = firstLabDevice(lab, DeviceKind::GpuServer);
        const QString dbox = firstLabDevice(lab, DeviceKind::StorageDBox);
        const QString pdu = firstLabDevice(lab, DeviceKind::Pdu);
        QCOMPARE(faults.addFault(gpuServer, QStringLiteral("gpu-failed"), QStringLiteral("GPU3"), 0), QString());
        QCOMPARE(faults.addFault(dbox, QStringLiteral("drive-failed"), QStringLiteral("SSD7"), 0), QString());
        QCOMPARE(faults.addFault(gpuServer, QStringLiteral("psu-failed"), QStringLiteral("PSU2"), 0), QString());
        QCOMPARE(faults.addFault(pdu, QStringLiteral("bmc-down"), {}, 0), QString());

        // One more through the page's own form, as a presenter would: a GPU of another server.
        QVERIFY(m_window->setProperty("currentView", QStringLiteral("settings")));
        frame();
        const QString secondServer = QStringLiteral("gpu-g02-01");
        QObject *form = m_window->findChild<QObject *>(QStringLiteral("labFaultForm"));
        QObject *deviceBox = m_window->findChild<QObject *>(QStringLiteral("faultDevice"));
        QObject *kindBox = m_window->findChild<QObject *>(QStringLiteral("faultKind"));
        QVERIFY(form && deviceBox && kindBox);
        QVERIFY(deviceBox->setProperty("currentIndex", faults.devices()->indexOf(secondServer)));
        frame();
        int gpuKind = -1;
        QVERIFY(QMetaObject::invokeMethod(kindBox, "find", Q_RETURN_ARG(int, gpuKind),
                                          Q_ARG(QString, QStringLiteral("GPU failed"))));
        QVERIFY(gpuKind >= 0);
        QVERIFY(kindBox->setProperty("currentIndex", gpuKind));
        frame();
        QObject *component = m_window->findChild<QObject *>(QStringLiteral("faultComponent"));
        QVERIFY(component);
        QVERIFY(component->property("hint").toString().contains(QLatin1String("GPU1 to GPU8")));
        QVERIFY(component->setProperty("text", QStringLiteral("GPU5")));
        QVERIFY(QMetaObject::invokeMethod(form, "inject"));
        QCOMPARE(form->property("error").toString(), QString());
        QCOMPARE(faults.rowCount(), 5);
        QCOMPARE(faults.index(4).data(LabFaultModel::ComponentRole).toString(), QStringLiteral("GPU5"));

        // The lab page lists them, both themes.
        frame();
        save(QStringLiteral("console-lab.png"));
        setDark(true);
        frame();
        save(QStringLiteral("console-lab-dark.png"));
        setDark(false);

        // "Rescan now" opens the dialog on a running lab scan.
        QVERIFY(QMetaObject::invokeMethod(m_dialog, "rescanLab"));
        ScanController &scan = *m_context->discovery();
        QVERIFY2(scan.running(), qPrintable(scan.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(scan.finished(), scanTimeoutMs);
        QCOMPARE(scan.foundChanged(), 3);
        QCOMPARE(scan.foundUnreachable(), 1);
        QCOMPARE(scan.changes()->rowCount(), 4);
        frame();
        save(QStringLiteral("console-discovery.png"));
        setDark(true);
        frame();
        save(QStringLiteral("console-discovery-dark.png"));
        setDark(false);
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
    }

    void progressShowsWhileRunningAndCancelStops()
    {
        // Two slow BMCs keep the scan running long enough to see it. The service reports progress
        // as crawls finish (at most every 250 ms), so the first slow one brings the count to all
        // but one while the second still runs.
        LabFaultModel &faults = *m_context->lab();
        QCOMPARE(faults.addFault(QStringLiteral("cnode-01"), QStringLiteral("bmc-slow"), {}, 1000), QString());
        QCOMPARE(faults.addFault(QStringLiteral("cnode-02"), QStringLiteral("bmc-slow"), {}, 4000), QString());
        ScanController &scan = *m_context->discovery();
        QVERIFY(QMetaObject::invokeMethod(m_dialog, "rescanLab"));
        QVERIFY(scan.running());
        QTRY_VERIFY_WITH_TIMEOUT(scan.progressDone() >= scan.progressTotal() - 1, scanTimeoutMs);
        QVERIFY(scan.running());
        frame();
        save(QStringLiteral("console-discovery-running.png"));
        QVERIFY(scan.cancel());
        QTRY_VERIFY_WITH_TIMEOUT(!scan.running(), scanTimeoutMs);
        QCOMPARE(scan.state(), QStringLiteral("cancelled"));
        frame();
        for (int i = 0; i < 2; ++i)
            QCOMPARE(faults.clearFault(faults.index(faults.rowCount() - 1).data(LabFaultModel::IdRole).toString()), QString());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!m_dialog->property("visible").toBool());
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
    }

    void refusalShowsTheBackendsMessage()
    {
        // The single-BMC form, refused: the backend's own sentence shows in the dialog.
        QVERIFY(QMetaObject::invokeMethod(m_dialog, "open"));
        QObject *form = m_dialog->findChild<QObject *>(QStringLiteral("scanTargetForm"));
        QVERIFY(form);
        QVERIFY(form->setProperty("kind", QStringLiteral("redfish")));
        ScanController &scan = *m_context->discovery();
        QVERIFY(!scan.scanRedfish(QStringLiteral("nonsense"), {}, {}, true));
        frame();
        QVERIFY(scan.lastError().contains(QLatin1String("targets[0].url")));
        save(QStringLiteral("console-discovery-refused.png"));
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!m_dialog->property("visible").toBool());
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
    }

private:
    void frame() { Testing::renderFrame(m_window); }
    void setDark(bool dark) { m_theme.setDark(dark); }
    void save(const QString &name) { Testing::saveScreenshot(m_window, name); }

    QTemporaryDir m_dir;
    std::unique_ptr<Testing::WarningRecorder> m_recorder;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ConsoleContext> m_context;
    QQmlApplicationEngine m_engine;
    Testing::ThemeProbe m_theme{m_engine};
    QQuickWindow *m_window = nullptr;
    QObject *m_dialog = nullptr;
};

QTEST_MAIN(TestDiscoveryDialog)
#include "tst_discovery_dialog.moc"
