// Qt Quick Test for the Commissioning view (tests/gui/quick_commissioning): the real console
// window over a real backend running commissioning-demo.json, clicked through as an engineer
// would: use the lab's plan, run, pick a finding, click a red mark in the racks, waive, save
// and verify the report. It shares ConsoleHost.qml with tst_quick_views; the QML reaches the
// backend through one `Fixture` singleton. With NEOCLOUD_SCREENSHOT_DIR set, Fixture.save()
// writes the docs' pictures and the report PDF goes there too.

#include "ConsoleContext.h"
#include "GuiTestSupport.h"
#include "QuickTestSupport.h"
#include "PdfReportRenderer.h"

#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(NeoCloud_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(NeoCloud_ViewModelsPlugin)

using namespace NeoCloud;

class Fixture : public QObject
{
    Q_OBJECT
    Q_PROPERTY(NeoCloud::ConsoleContext *context READ context CONSTANT)

public:
    Fixture()
    {
        m_backend = Testing::createLabBackend(m_dir, QStringLiteral("commissioning-demo.json"), std::make_shared<PdfReportRenderer>());
        if (!m_dir.isValid() || !m_backend)
            qFatal("the fixture's backend cannot be made");
        m_context = std::make_unique<ConsoleContext>(*m_backend);
    }
    ~Fixture() override
    {
        m_context.reset();
        m_backend.reset();
    }

    ConsoleContext *context() { return m_context.get(); }

    // Where the test saves its report: the screenshot folder when pictures are taken.
    Q_INVOKABLE QString reportPath(const QString &name) const
    {
        const QString dir = qEnvironmentVariable("NEOCLOUD_SCREENSHOT_DIR");
        return QDir(dir.isEmpty() ? m_dir.path() : dir).filePath(name);
    }

    // Saves the window of `item` as `name` in NEOCLOUD_SCREENSHOT_DIR, when that is set.
    Q_INVOKABLE bool save(QQuickItem *item, const QString &name) { return Testing::saveWindowOf(item, name); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ConsoleContext> m_context;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_quick_commissioning, Testing::QuickSetup<Fixture>)
#include "tst_quick_commissioning.moc"
