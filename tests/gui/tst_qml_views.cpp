// Creates every QML file of the NeoCloud.Console module against a real backend and fails on any
// QML warning. The files are enumerated from the module's resources, so new ones are covered
// without touching this test.

#include "store/BmcTrustRepository.h"
#include "ConsoleContext.h"
#include "GuiTestSupport.h"
#include "settings/DashboardService.h"

#include <QDirIterator>
#include <QMetaProperty>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

Q_IMPORT_QML_PLUGIN(NeoCloud_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(NeoCloud_ViewModelsPlugin)

using namespace NeoCloud;

namespace {

const QString moduleDir = QStringLiteral(":/qt/qml/NeoCloud/Console");

QStringList g_warnings;
QtMessageHandler g_previousHandler = nullptr;

void recordWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_warnings << message;
    g_previousHandler(type, context, message);
}

} // namespace

class TestQmlViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        QVERIFY(m_dir.isValid());
        m_backend = Testing::createBackend(m_dir);
        QVERIFY(m_backend);
        QVERIFY(Testing::addQuotaHardware(m_backend->inventory())); // a DBox too, for capacity and what-if
        QVERIFY(Testing::addSampleEvents(m_backend->events()));
        // No demo lab here: every file must also explain itself without one.
        m_context = std::make_unique<ConsoleContext>(*m_backend);
        QTRY_VERIFY(m_context->overview()->loaded() && m_context->events()->loaded()
                    && m_context->devices()->loaded() && m_context->topology()->loaded());
        // A selected device, so the detail panel's parts and ports delegates are created too.
        m_context->selectedDevice()->setDeviceId(m_context->devices()->devices().constFirst().id);
        QVERIFY(m_context->selectedDevice()->found());
        // A tenant with a user and a key, a service form filled and its plan made (a dry run needs
        // no VMS), and an onboarding planned, so the tenant and service delegates are created too.
        const QVariantMap made = m_context->tenantEditor()->create(
            {{QStringLiteral("name"), QStringLiteral("acme")}, {QStringLiteral("maxServices"), QStringLiteral("5")}});
        QVERIFY2(made.value(QStringLiteral("ok")).toBool(), qPrintable(made.value(QStringLiteral("message")).toString()));
        TenantDetail &tenant = *m_context->selectedTenant();
        tenant.setTenantId(made.value(QStringLiteral("tenantId")).toString());
        QCOMPARE(tenant.users()->addUser(QStringLiteral("alice"), QStringLiteral("long enough secret"), QStringLiteral("tenant-admin")),
                 QVariantMap());
        QVERIFY(tenant.keys()->createKey(QStringLiteral("alice")).value(QStringLiteral("ok")).toBool());
        ServiceController &services = *m_context->services();
        services.setTenantId(tenant.tenantId());
        services.setKind(QStringLiteral("functions"));
        services.form()->load(m_context->catalog()->exampleOf(QStringLiteral("functions")));
        services.setKind(QStringLiteral("object-storage"));
        services.form()->load(m_context->catalog()->exampleOf(QStringLiteral("object-storage")));
        QVERIFY2(services.review(), qPrintable(services.error()));
        OnboardingController &onboarding = *m_context->onboarding();
        onboarding.setTenantFields({{QStringLiteral("name"), QStringLiteral("globex")}});
        onboarding.users()->add();
        onboarding.setKindChosen(QStringLiteral("event-streaming"), true);
        onboarding.formFor(QStringLiteral("event-streaming"))->load(m_context->catalog()->exampleOf(QStringLiteral("event-streaming")));
        QVERIFY2(onboarding.review(), qPrintable(onboarding.error()));

        // A health cell picked and a what-if answered, so the panel and the result grid show.
        QTRY_VERIFY(m_context->healthMatrix()->tenantCount() >= 1);
        m_context->healthCell()->select(m_context->healthMatrix()->tenantIdAt(0), m_context->healthMatrix()->kindAt(0));
        QVERIFY(m_context->healthCell()->selected());
        m_context->whatIf()->setProperty("addDboxes", 1);
        QVERIFY2(m_context->whatIf()->calculate(), qPrintable(m_context->whatIf()->error()));

        // Two dashboards, so Settings' rows and the device panel's buttons are created too.
        QVERIFY(m_backend->dashboards().replace({{QStringLiteral("Grafana"), QStringLiteral("https://g.example/d/node?var-host={name}")},
                                                 {QStringLiteral("NetBox"), QStringLiteral("https://nb.example/?serial={serial}")}},
                                                QStringLiteral("test")));
        // And a pinned certificate, so Settings' certificate rows are created.
        QVERIFY(m_backend->bmcTrust().pinCertificate(QStringLiteral("10.0.0.9:443"), QString(64, QLatin1Char('a'))));
        m_context->certificates()->reload();

        m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        g_previousHandler = qInstallMessageHandler(recordWarnings);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void init() { g_warnings.clear(); }

    void createsWithoutWarnings_data()
    {
        QTest::addColumn<QString>("file");
        QDirIterator files(moduleDir, {QStringLiteral("*.qml")}, QDir::Files);
        QStringList names;
        while (files.hasNext())
            names << QFileInfo(files.next()).fileName();
        names.sort();
        QVERIFY2(names.contains(QStringLiteral("Main.qml")), "the module's resources are missing");
        for (const QString &name : std::as_const(names)) {
            // A singleton cannot be instantiated by a component; every other file loads it.
            if (name != QLatin1String("Theme.qml"))
                QTest::newRow(qPrintable(name)) << name;
        }
    }

    void createsWithoutWarnings()
    {
        QFETCH(QString, file);
        QQmlComponent component(&m_engine, QUrl(QStringLiteral("qrc") + moduleDir + u'/' + file));
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));

        QObject *object = component.beginCreate(m_engine.rootContext());
        QVERIFY2(object, qPrintable(component.errorString()));
        const QVariantMap properties = requiredProperties(file);
        if (QTest::currentTestFailed())
            return;
        component.setInitialProperties(object, properties);
        component.completeCreate();
        std::unique_ptr<QObject> owner(object);
        QVERIFY2(!component.isError(), qPrintable(component.errorString()));

        std::unique_ptr<QQuickWindow> host;
        auto *window = qobject_cast<QQuickWindow *>(object);
        // Dialogs are popups, not items: give them a window and open them.
        if (!window && object->inherits("QQuickPopup")) {
            host = std::make_unique<QQuickWindow>();
            host->resize(1280, 800);
            QVERIFY(object->setProperty("parent", QVariant::fromValue(host->contentItem())));
            QVERIFY(QMetaObject::invokeMethod(object, "open"));
            window = host.get();
        } else if (!window && !qobject_cast<QQuickItem *>(object)) {
            // A non-visual helper (WebPages): nothing to draw; creating it cleanly is the check.
            QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
            return;
        } else if (!window) {
            auto *item = qobject_cast<QQuickItem *>(object);
            QVERIFY2(item, "every console QML file is an Item, a popup, a window or a non-visual helper");
            host = std::make_unique<QQuickWindow>();
            host->resize(1280, 800);
            item->setParentItem(host->contentItem());
            item->setSize(host->size());
            window = host.get();
        }
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        renderFrame(window);

        // Both themes, and for the main window every shipped view.
        setDarkTheme(true);
        renderFrame(window);
        if (file == QLatin1String("Main.qml")) {
            for (const QString &view : ConsoleContext::availableViews()) {
                QVERIFY(object->setProperty("currentView", view));
                renderFrame(window);
            }
        }
        // The topology view's second mode, the network graph.
        if (file == QLatin1String("TopologyView.qml")) {
            QVERIFY(object->setProperty("mode", QStringLiteral("network")));
            renderFrame(window);
        }
        setDarkTheme(false);
        renderFrame(window);

        // A live event and an inventory change while the views show; delegates must take them
        // without complaint.
        QVERIFY(m_backend->events().record(Severity::Warning, QStringLiteral("tst_qml_views"),
                                           QStringLiteral("Recorded while %1 shows").arg(file)));
        Device added;
        added.siteId = m_context->devices()->devices().constFirst().siteId;
        added.name = QStringLiteral("added-while-%1").arg(file);
        added.kind = DeviceKind::StorageDBox;
        QVERIFY(m_backend->inventory().addDevice(added));
        QSignalSpy reloaded(m_context->devices(), &DeviceTableModel::reloaded);
        QVERIFY(reloaded.wait(5000));
        renderFrame(window);

        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
    }

    // Settings' dashboard form: a bad URL is refused on its field and nothing is added; a good one
    // is added to the list the backend keeps; Edit loads a row into the form and saves it back.
    void settingsFormEditsDashboards()
    {
        QQmlComponent component(&m_engine, QUrl(QStringLiteral("qrc") + moduleDir + QStringLiteral("/DashboardsSection.qml")));
        std::unique_ptr<QObject> object(component.createWithInitialProperties({{QStringLiteral("dashboards"), QVariant::fromValue(m_context->dashboards())}}));
        QVERIFY2(object, qPrintable(component.errorString()));
        QQuickWindow host;
        host.resize(900, 900);
        auto *section = qobject_cast<QQuickItem *>(object.get());
        section->setParentItem(host.contentItem());
        section->setWidth(880);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        const int before = m_context->dashboards()->count();
        auto *name = section->findChild<QQuickItem *>(QStringLiteral("dashboardName"));
        auto *url = section->findChild<QQuickItem *>(QStringLiteral("dashboardUrl"));
        auto *save = section->findChild<QQuickItem *>(QStringLiteral("saveDashboard"));
        QVERIFY(name && url && save);
        QVERIFY(!save->isEnabled()); // nothing typed yet

        name->setProperty("text", QStringLiteral("Files"));
        url->setProperty("text", QStringLiteral("ftp://files.example/{name}"));
        QVERIFY(save->isEnabled());
        QVERIFY(QMetaObject::invokeMethod(save, "clicked"));
        QVERIFY2(url->property("error").toString().contains(QStringLiteral("ftp://")), qPrintable(url->property("error").toString()));
        QCOMPARE(name->property("error").toString(), QString());
        QCOMPARE(m_context->dashboards()->count(), before);

        url->setProperty("text", QStringLiteral("https://files.example/{name}"));
        QVERIFY(QMetaObject::invokeMethod(save, "clicked"));
        QCOMPARE(m_context->dashboards()->count(), before + 1);
        QCOMPARE(m_backend->dashboards().links().value().constLast().urlTemplate, QStringLiteral("https://files.example/{name}"));
        QCOMPARE(name->property("text").toString(), QString()); // the form is clear for the next one

        // Edit the new row: the form takes it, Save writes it back in place.
        QVERIFY(QMetaObject::invokeMethod(section, "startEditing", Q_ARG(QVariant, before), Q_ARG(QVariant, QStringLiteral("Files")),
                                          Q_ARG(QVariant, QStringLiteral("https://files.example/{name}"))));
        QCOMPARE(save->property("text").toString(), QStringLiteral("Save changes"));
        name->setProperty("text", QStringLiteral("File browser"));
        QVERIFY(QMetaObject::invokeMethod(save, "clicked"));
        QCOMPARE(m_context->dashboards()->count(), before + 1);
        QCOMPARE(m_backend->dashboards().links().value().constLast().name, QStringLiteral("File browser"));
        QCOMPARE(section->property("editing").toInt(), -1);
        QVERIFY(m_context->dashboards()->remove(before).isEmpty());
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
    }

private:
    // Fills each property the file's root object declares as required from a fixed set of
    // sample values; a required property without a sample fails the test, so the table grows
    // with the QML. QMetaProperty::isRequired() does not report QML-declared properties on 6.4,
    // hence the source is read: root members are indented by exactly four spaces (.qmlformat).
    QVariantMap requiredProperties(const QString &file)
    {
        const QVariantMap samples{
            {QStringLiteral("context"), QVariant::fromValue(m_context.get())},
            {QStringLiteral("overview"), QVariant::fromValue(m_context->overview())},
            {QStringLiteral("events"), QVariant::fromValue(m_context->events())},
            {QStringLiteral("devices"), QVariant::fromValue(m_context->devices())},
            {QStringLiteral("filter"), QVariant::fromValue(m_context->deviceFilter())},
            {QStringLiteral("detail"), QVariant::fromValue(m_context->selectedDevice())},
            {QStringLiteral("topology"), QVariant::fromValue(m_context->topology())},
            {QStringLiteral("discovery"), QVariant::fromValue(m_context->discovery())},
            {QStringLiteral("lab"), QVariant::fromValue(m_context->lab())},
            {QStringLiteral("version"), m_context->version()},
            {QStringLiteral("label"), QStringLiteral("Sample")},
            {QStringLiteral("glyph"), QStringLiteral("\u25a3")},
            {QStringLiteral("number"), 1},
            {QStringLiteral("severity"), QStringLiteral("critical")},
            {QStringLiteral("time"), QDateTime::currentDateTime()},
            {QStringLiteral("source"), QStringLiteral("leaf-01")},
            {QStringLiteral("message"), QStringLiteral("Port swp12 is down")},
            {QStringLiteral("alert"), true},
            // Tenants and services
            {QStringLiteral("tenants"), QVariant::fromValue(m_context->tenants())},
            {QStringLiteral("tenantFilter"), QVariant::fromValue(m_context->tenantFilter())},
            {QStringLiteral("tenant"), QVariant::fromValue(m_context->selectedTenant())},
            {QStringLiteral("editor"), QVariant::fromValue(m_context->tenantEditor())},
            {QStringLiteral("quotas"), QVariant::fromValue(m_context->selectedTenant()->quotas())},
            {QStringLiteral("users"), QVariant::fromValue(m_context->selectedTenant()->users())},
            {QStringLiteral("keys"), QVariant::fromValue(m_context->selectedTenant()->keys())},
            {QStringLiteral("services"), QVariant::fromValue(m_context->selectedTenant()->services())},
            {QStringLiteral("catalog"), QVariant::fromValue(m_context->catalog())},
            {QStringLiteral("controller"), QVariant::fromValue(m_context->services())},
            {QStringLiteral("onboarding"), QVariant::fromValue(m_context->onboarding())},
            {QStringLiteral("job"), QVariant::fromValue(m_context->services()->job())},
            {QStringLiteral("plan"), QVariant::fromValue(m_context->services()->plan())},
            {QStringLiteral("schemaForm"), QVariant::fromValue(m_context->services()->form())},
            // Commissioning: the controller, its findings and the selected one.
            {QStringLiteral("commissioning"), QVariant::fromValue(m_context->commissioning())},
            {QStringLiteral("findings"), QVariant::fromValue(m_context->commissioning()->findings())},
            {QStringLiteral("finding"), QVariant::fromValue(m_context->commissioning()->selected())},
            // One row of a generated form: a bucket name that breaks its pattern.
            {QStringLiteral("index"), 0},
            {QStringLiteral("depth"), 1},
            {QStringLiteral("kind"), QStringLiteral("text")},
            {QStringLiteral("field"), QStringLiteral("params.bucket")},
            {QStringLiteral("title"), QStringLiteral("Bucket name")},
            {QStringLiteral("hint"), QStringLiteral("DNS-compatible, unique in the cluster")},
            {QStringLiteral("isRequired"), true},
            {QStringLiteral("text"), QStringLiteral("Bad_Name")},
            {QStringLiteral("checked"), false},
            {QStringLiteral("options"), QStringList{QStringLiteral("NFS"), QStringLiteral("SMB")}},
            {QStringLiteral("selected"), QStringList{QStringLiteral("NFS")}},
            {QStringLiteral("error"), QStringLiteral("'Bad_Name' does not match ^[a-z0-9]$")},
            {QStringLiteral("itemCount"), 0},
            {QStringLiteral("canAdd"), false},
            {QStringLiteral("canRemove"), true},
            {QStringLiteral("summary"), QString()},
            // One service card: a failed enable with its steps.
            {QStringLiteral("serviceId"), QStringLiteral("svc-1")},
            {QStringLiteral("kindTitle"), QStringLiteral("Object storage (S3)")},
            {QStringLiteral("state"), QStringLiteral("failed")},
            {QStringLiteral("healthTone"), QStringLiteral("critical")},
            {QStringLiteral("busy"), false},
            {QStringLiteral("endpoints"), QVariantList{QVariantMap{{QStringLiteral("name"), QStringLiteral("s3")},
                                                                   {QStringLiteral("value"), QStringLiteral("http://10.100.0.10")}}}},
            {QStringLiteral("steps"), QVariantList{QVariantMap{{QStringLiteral("title"), QStringLiteral("Create S3 view")},
                                                               {QStringLiteral("state"), QStringLiteral("failed")},
                                                               {QStringLiteral("error"), QStringLiteral("Quota exceeds the view")}}}},
            {QStringLiteral("stepsDone"), 0},
            {QStringLiteral("jobDone"), 0},
            {QStringLiteral("jobTotal"), 0},
            // Health and capacity
            {QStringLiteral("healthMatrix"), QVariant::fromValue(m_context->healthMatrix())},
            {QStringLiteral("cell"), QVariant::fromValue(m_context->healthCell())},
            {QStringLiteral("capacity"), QVariant::fromValue(m_context->capacity())},
            {QStringLiteral("calculator"), QVariant::fromValue(m_context->whatIf())},
            {QStringLiteral("usage"), QVariant::fromValue(m_context->capacity()->tenants())},
            // Settings: the operator's dashboards.
            {QStringLiteral("dashboards"), QVariant::fromValue(m_context->dashboards())},
            // Settings: the pinned BMC certificates.
            {QStringLiteral("certificates"), QVariant::fromValue(m_context->certificates())},
        };
        QFile source(moduleDir + u'/' + file);
        if (!source.open(QIODevice::ReadOnly)) {
            QTest::qFail("cannot read the QML source", __FILE__, __LINE__);
            return {};
        }
        static const QRegularExpression required(
            QStringLiteral("^    required property [\\w.<>]+ (\\w+)"),
            QRegularExpression::MultilineOption);
        QVariantMap values;
        auto matches = required.globalMatch(QString::fromUtf8(source.readAll()));
        while (matches.hasNext()) {
            const QString name = matches.next().captured(1);
            if (!samples.contains(name)) {
                QTest::qFail(qPrintable(QStringLiteral("no sample value for required property '%1'")
                                            .arg(name)),
                             __FILE__, __LINE__);
                return {};
            }
            values.insert(name, samples.value(name));
        }
        return values;
    }

    // The Theme singleton, reached the way QML reaches it: through the module import.
    QObject *theme()
    {
        if (!m_theme) {
            QQmlComponent probe(&m_engine);
            probe.setData("import QtQml\nimport NeoCloud.Console\n"
                          "QtObject { readonly property QtObject theme: Theme }",
                          QUrl(QStringLiteral("qrc:/tst_qml_views/ThemeProbe.qml")));
            m_themeProbe.reset(probe.create());
            if (m_themeProbe)
                m_theme = m_themeProbe->property("theme").value<QObject *>();
        }
        return m_theme;
    }

    void setDarkTheme(bool dark)
    {
        QObject *singleton = theme();
        QVERIFY2(singleton, "the Theme singleton cannot be reached");
        QVERIFY(singleton->setProperty("dark", dark));
    }

    static void renderFrame(QQuickWindow *window)
    {
        QSignalSpy swapped(window, &QQuickWindow::frameSwapped);
        window->update();
        QVERIFY2(swapped.wait(5000), "no frame was rendered");
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ConsoleContext> m_context;
    QQmlEngine m_engine;
    std::unique_ptr<QObject> m_themeProbe;
    QObject *m_theme = nullptr;
};

QTEST_MAIN(TestQmlViews)
#include "tst_qml_views.moc"
