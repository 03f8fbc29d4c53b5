// neocloud-console: the backend with its REST API plus the Qt Quick console window on top.

#include "ConsoleContext.h"
#include "PdfReportRenderer.h"
#include "ScreenshotTaker.h"
#include "discovery/DiscoveryService.h"
#include "cli/CommandLine.h"
#include "core/Version.h"

#include <QDir>
#include <QTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>

#include <cstdio>

#ifdef NEOCLOUD_WITH_WEBENGINE
#include <QtWebEngineQuick/qtwebenginequickglobal.h>
#include <unistd.h>
#endif

Q_IMPORT_QML_PLUGIN(NeoCloud_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(NeoCloud_ViewModelsPlugin)
#ifdef NEOCLOUD_WITH_WEBENGINE
Q_IMPORT_QML_PLUGIN(NeoCloud_WebPlugin)
#endif

namespace {

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "neocloud-console: %s\n", qUtf8Printable(message));
    return code;
}

// Checked before the backend starts, so a typo costs no database work and no window.
QString checkView(const QString &view)
{
    using NeoCloud::ConsoleContext;
    if (!ConsoleContext::viewNames().contains(view))
        return QStringLiteral("unknown view '%1' (known: %2)")
            .arg(view, ConsoleContext::viewNames().join(QStringLiteral(", ")));
    if (!ConsoleContext::availableViews().contains(view))
        return QStringLiteral("the %1 view is not in this release (available: %2)")
            .arg(view, ConsoleContext::availableViews().join(QStringLiteral(", ")));
    return {};
}

QString checkWritable(const QString &path)
{
    const QFileInfo file(path);
    const QFileInfo dir(file.absolutePath());
    if (!dir.isDir() || !dir.isWritable() || (file.exists() && !file.isWritable()))
        return QStringLiteral("cannot write the screenshot to '%1'").arg(path);
    return {};
}

#ifdef NEOCLOUD_WITH_WEBENGINE
// Chromium's sandbox refuses to start as root, and the console runs as root on commissioning
// laptops and in containers. Only then, and only when the user has not chosen either way, turn
// it off; a user who set the variable keeps their choice.
void allowWebEngineAsRoot()
{
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
}
#endif

} // namespace

int main(int argc, char *argv[])
{
#ifdef NEOCLOUD_WITH_WEBENGINE
    allowWebEngineAsRoot();
    // Must run before the application object exists: it sets up the shared OpenGL context.
    QtWebEngineQuick::initialize();
#endif
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("NeoCloud"));
    QCoreApplication::setApplicationName(QStringLiteral("neocloud-console"));
    QCoreApplication::setApplicationVersion(NeoCloud::productVersion);
    // Our QML styles every control itself; Basic is the one style that allows that everywhere.
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("NeoCloud Box console: the backend and its REST API with a desktop window."));
    NeoCloud::addCommonOptions(parser, NeoCloud::LabDefault::On);
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Render the view once, save it as a PNG and exit."), QStringLiteral("FILE.png"));
    const QCommandLineOption viewOption(
        QStringLiteral("view"),
        QStringLiteral("View to open: %1.").arg(NeoCloud::ConsoleContext::viewNames().join(
            QStringLiteral(", "))),
        QStringLiteral("NAME"), QStringLiteral("overview"));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         QStringLiteral("Start in the light or the dark theme."),
                                         QStringLiteral("light|dark"), QStringLiteral("light"));
    parser.addOption(screenshotOption);
    parser.addOption(viewOption);
    parser.addOption(themeOption);
    parser.process(app);

    const QString view = parser.value(viewOption);
    if (const QString problem = checkView(view); !problem.isEmpty())
        return fail(2, problem);
    const QString theme = parser.value(themeOption);
    if (theme != QLatin1String("light") && theme != QLatin1String("dark"))
        return fail(2, QStringLiteral("--theme expects light or dark; got '%1'").arg(theme));
    const QString screenshot = parser.value(screenshotOption);
    if (!screenshot.isEmpty()) {
        if (const QString problem = checkWritable(screenshot); !problem.isEmpty())
            return fail(2, problem);
    }
    auto options = NeoCloud::readCommonOptions(parser, NeoCloud::LabDefault::On);
    if (!options)
        return fail(2, options.error().message);

    NeoCloud::CommonOptions config = options.value();
    config.backend.reportRenderer = std::make_shared<NeoCloud::PdfReportRenderer>();
    auto backend = NeoCloud::startBackend(config);
    if (!backend)
        return 1;
    NeoCloud::Backend &services = *backend.value();
    NeoCloud::ConsoleContext context(services);
#ifdef NEOCLOUD_WITH_WEBENGINE
    context.setWebEngineAvailable(true);
#endif

    QQmlApplicationEngine engine;
    // Qt 6.4 does not search the /qt/qml resource prefix by itself.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("context"), QVariant::fromValue(&context)},
                                 {QStringLiteral("currentView"), view},
                                 {QStringLiteral("startDark"), theme == QLatin1String("dark")}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/NeoCloud/Console/Main.qml")));
    auto *window = engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return fail(1, QStringLiteral("the console window failed to load (see the QML errors above)"));

    if (screenshot.isEmpty())
        return app.exec();

    // The model whose "loaded" says the view has its data.
    QObject *viewModel = context.overview();
    if (view == QLatin1String("events"))
        viewModel = context.events();
    else if (view == QLatin1String("hardware"))
        viewModel = context.devices();
    else if (view == QLatin1String("topology"))
        viewModel = context.topology();
    else if (view == QLatin1String("tenants") || view == QLatin1String("services"))
        viewModel = context.tenants();
    else if (view == QLatin1String("commissioning"))
        viewModel = context.commissioning();
    else if (view == QLatin1String("capacity"))
        viewModel = context.capacity();
    else if (view == QLatin1String("health"))
        viewModel = context.healthMatrix();
    NeoCloud::ScreenshotTaker taker(window, viewModel, QDir::cleanPath(screenshot));
    int exitCode = 0;
    QObject::connect(&taker, &NeoCloud::ScreenshotTaker::finished, &app,
                     [&](bool ok, const QString &message) {
                         if (!ok)
                             exitCode = fail(1, message);
                         QCoreApplication::exit(exitCode);
                     });
    // With the demo lab, the first discovery runs as the window opens: picture the cluster it
    // finds, not the empty inventory before it.
    if (services.discovery().isScanning()) {
        QObject::connect(&services.discovery(), &NeoCloud::DiscoveryService::scanFinished, &taker,
                         [&taker] { QTimer::singleShot(150, &taker, &NeoCloud::ScreenshotTaker::start); },
                         Qt::SingleShotConnection);
    } else {
        taker.start();
    }
    const int loopCode = app.exec();
    return exitCode != 0 ? exitCode : loopCode;
}
