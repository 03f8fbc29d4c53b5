// Qt Quick Test for the Tenants and Services views and the onboarding wizard (tests/gui/quick):
// the real console window over a real backend whose services go to a small in-memory VMS, driven
// through its buttons, fields and keys. The QML reaches the backend through one `Fixture`
// singleton. With NEOCLOUD_SCREENSHOT_DIR set, Fixture.save() writes the docs' pictures.

#include "ConsoleContext.h"
#include "FakeVms.h"
#include "GuiTestSupport.h"
#include "QuickTestSupport.h"

#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(NeoCloud_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(NeoCloud_ViewModelsPlugin)

using namespace NeoCloud;

// What the QML tests may reach: the console's context and the fake VMS's switches.
class Fixture : public QObject
{
    Q_OBJECT
    Q_PROPERTY(NeoCloud::ConsoleContext *context READ context CONSTANT)
    Q_PROPERTY(QStringList vmsCalls READ vmsCalls)

public:
    Fixture()
    {
        m_backend = Testing::createServiceBackend(m_dir, m_vms.apiRoot());
        if (!m_dir.isValid() || !m_vms.listening() || !m_backend
            || !Testing::addQuotaHardware(m_backend->inventory()))
            qFatal("the fixture's backend cannot be made");
        m_context = std::make_unique<ConsoleContext>(*m_backend);
        for (const QString &name : { QStringLiteral("acme"), QStringLiteral("globex") })
            m_context->tenantEditor()->create(
                { { QStringLiteral("name"), name },
                  { QStringLiteral("displayName"),
                    QString(name.at(0).toUpper() + name.mid(1) + QStringLiteral(" Inc.")) },
                  { QStringLiteral("capacityTB"), QStringLiteral("20") },
                  { QStringLiteral("gpus"), QStringLiteral("2") },
                  { QStringLiteral("maxServices"), QStringLiteral("5") } });
    }
    ~Fixture() override
    {
        // The window goes with its engine before the context; the context before the backend.
        m_context.reset();
        m_backend.reset();
    }

    ConsoleContext *context() { return m_context.get(); }
    QStringList vmsCalls() const { return m_vms.calls; }

    // The next VMS call containing `call` ("POST /views/") is refused; "" refuses none.
    Q_INVOKABLE void failOn(const QString &call) { m_vms.failOn = call; }
    Q_INVOKABLE void setVmsDelay(int ms) { m_vms.setDelayMs(ms); }

    // Saves the window of `item` as `name` in NEOCLOUD_SCREENSHOT_DIR, when that is set.
    Q_INVOKABLE bool save(QQuickItem *item, const QString &name) { return Testing::saveWindowOf(item, name); }

private:
    QTemporaryDir m_dir;
    Testing::FakeVms m_vms;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ConsoleContext> m_context;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_quick_views, Testing::QuickSetup<Fixture>)
#include "tst_quick_views.moc"
