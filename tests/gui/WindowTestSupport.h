#pragma once
// What the tests that drive the whole console window share: a recorder that fails them on any
// QML warning, a rendered frame to wait for, the Theme singleton reached the way QML reaches it,
// and the docs' pictures saved when NEOCLOUD_SCREENSHOT_DIR is set.

#include <QDir>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace NeoCloud::Testing {

// Installs itself as the message handler for its lifetime; warnings() holds every message that
// is not debug or info.
class WarningRecorder
{
public:
    WarningRecorder() { s_previous = qInstallMessageHandler(record); }
    ~WarningRecorder() { qInstallMessageHandler(s_previous); }
    WarningRecorder(const WarningRecorder &) = delete;
    WarningRecorder &operator=(const WarningRecorder &) = delete;

    static QStringList &warnings()
    {
        static QStringList list;
        return list;
    }

private:
    static void record(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type != QtDebugMsg && type != QtInfoMsg)
            warnings() << message;
        s_previous(type, context, message);
    }
    static inline QtMessageHandler s_previous = nullptr;
};

// Waits for one frame, then lets the delegates that frame created settle into one more.
inline void renderFrame(QQuickWindow *window)
{
    QSignalSpy swapped(window, &QQuickWindow::frameSwapped);
    window->update();
    QVERIFY2(swapped.wait(5000), "no frame was rendered");
    window->update();
    swapped.wait(1000);
}

// Saves the window as `name` in $NEOCLOUD_SCREENSHOT_DIR; does nothing when it is not set.
inline void saveScreenshot(QQuickWindow *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("NEOCLOUD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(window->grabWindow().save(QDir(dir).filePath(name)));
}

// Reaches the console's Theme singleton through the module import, so a test can switch themes
// on a live window.
class ThemeProbe
{
public:
    explicit ThemeProbe(QQmlEngine &engine)
        : m_engine(engine)
    { }

    void setDark(bool dark)
    {
        if (!m_probe) {
            QQmlComponent probe(&m_engine);
            probe.setData("import QtQml\nimport NeoCloud.Console\n"
                          "QtObject { readonly property QtObject theme: Theme }",
                          QUrl(QStringLiteral("qrc:/tests/ThemeProbe.qml")));
            m_probe.reset(probe.create());
        }
        QObject *theme = m_probe ? m_probe->property("theme").value<QObject *>() : nullptr;
        QVERIFY2(theme, "the Theme singleton cannot be reached");
        QVERIFY(theme->setProperty("dark", dark));
    }

private:
    QQmlEngine &m_engine;
    std::unique_ptr<QObject> m_probe;
};

} // namespace NeoCloud::Testing
