#pragma once
// What the Qt Quick Test executables share: saving the docs' pictures when asked, and the set-up
// that makes a test's Fixture once the application exists and gives it to QML as the
// NeoCloud.Testing singleton `Fixture`.

#include <QDir>
#include <QObject>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>

#include <memory>

namespace NeoCloud::Testing {

// Saves the window of `item` as `name` in NEOCLOUD_SCREENSHOT_DIR; true without that variable.
inline bool saveWindowOf(QQuickItem *item, const QString &name)
{
    const QString dir = qEnvironmentVariable("NEOCLOUD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return true;
    if (!item || !item->window())
        return false;
    return item->window()->grabWindow().save(QDir(dir).filePath(name));
}

// QUICK_TEST_MAIN_WITH_SETUP calls these slots by name; QuickSetup<Fixture> names the fixture.
class QuickSetupBase : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_fixture = makeFixture();
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        qmlRegisterSingletonInstance("NeoCloud.Testing", 1, 0, "Fixture", m_fixture.get());
    }

    void cleanupTestCase() { m_fixture.reset(); }

protected:
    virtual std::unique_ptr<QObject> makeFixture() = 0;

private:
    std::unique_ptr<QObject> m_fixture;
};

template<typename Fixture> class QuickSetup : public QuickSetupBase
{
protected:
    std::unique_ptr<QObject> makeFixture() override { return std::make_unique<Fixture>(); }
};

} // namespace NeoCloud::Testing
