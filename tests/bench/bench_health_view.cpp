// Benchmark for the Health view at 500 tenants x 7 kinds (3,500 active services) over the demo
// lab: load-to-first-frame of the console on the Health view, frame times while the matrix
// scrolls, the time from a CNode powered off to the frame showing 3,500 changed cells, the time
// to explain a clicked cell (reason, path, history), and the overview's miniature. Tenants are
// made through TenantService and their services written straight to the store as active, as in
// bench_health. Prints figures; asserts nothing about time.

#include "BenchFrames.h"
#include "BenchSupport.h"
#include "ConsoleContext.h"
#include "discovery/DiscoveryService.h"
#include "health/HealthService.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(NeoCloud_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(NeoCloud_ViewModelsPlugin)

using namespace NeoCloud;
using namespace Qt::StringLiterals;

namespace {

constexpr int tenantCount = 500;

// Runs the event loop until `done` or the timeout; false on timeout.
template<typename Done> bool waitFor(Done done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

bool fillTenants(Backend &backend)
{
    const Result<QStringList> ids = Bench::addTenants(backend, tenantCount);
    const Status services = ids ? Bench::addActiveServices(backend, *ids) : Status(ids.error());
    if (!services)
        std::fprintf(stderr, "tenants: %s\n", qUtf8Printable(services.error().message));
    return services.ok();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(u"Basic"_s);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    BackendConfig config;
    config.databasePath = dir.filePath(u"bench.db"_s);
    config.adminPassword = u"bench-password-1234"_s;
    config.labDefinition = QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/labs/demo.json");
    config.healthPollMs = 1000;
    config.healthPollTimeoutMs = 2000;
    config.telemetryIntervalSeconds = 0;
    auto created = Backend::create(config);
    if (!created) {
        std::fprintf(stderr, "backend: %s\n", qUtf8Printable(created.error().message));
        return 1;
    }
    Backend &backend = *created.value();
    bool scanned = false;
    QObject::connect(&backend.discovery(), &DiscoveryService::scanFinished,
                     [&] { scanned = true; });
    if (!waitFor([&] { return scanned; }, 60000) || !fillTenants(backend))
        return 1;
    backend.health().recompute();
    const int cells = int(backend.health().matrix().cells.size());
    std::printf("BENCH setup: %d tenants, %d cells\n", tenantCount, cells);

    ConsoleContext context(backend);
    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    engine.setInitialProperties(
        { { u"context"_s, QVariant::fromValue(&context) }, { u"currentView"_s, u"health"_s } });
    QElapsedTimer clock;
    clock.start();
    engine.load(QUrl(u"qrc:/qt/qml/NeoCloud/Console/Main.qml"_s));
    auto *window = engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    window->resize(1600, 1000);
    const double loadMs = double(clock.nsecsElapsed()) / 1e6;
    Bench::frame(window);
    const double firstFrameMs = double(clock.nsecsElapsed()) / 1e6;
    auto *table = window->findChild<QQuickItem *>(u"healthTable"_s);
    if (!table) {
        std::fprintf(stderr, "no TableView named healthTable\n");
        return 1;
    }
    std::printf(
        "BENCH Main.qml on Health: load() %.1f ms, first frame with %d rows after %.1f ms\n",
        loadMs, context.healthMatrix()->rowCount(), firstFrameMs);
    auto *content = table->property("contentItem").value<QQuickItem *>();
    std::printf("BENCH delegates alive for %d cells: %lld\n", cells,
                content ? static_cast<long long>(content->childItems().size()) : -1LL);

    // Scrolling: a little over three rows per frame, like a fast wheel, for two seconds.
    const qreal end = table->property("contentHeight").toReal() - table->height();
    QList<double> frames;
    clock.restart();
    qreal y = 0;
    while (clock.elapsed() < 2000) {
        y += 3 * 30 + 7;
        if (y > end)
            y = 0;
        table->setProperty("contentY", y);
        if (const double ms = Bench::frame(window); ms >= 0)
            frames << ms;
    }
    Bench::reportFrames("Health matrix scrolling (500 x 7)", frames);
    table->setProperty("contentY", 0);
    Bench::frame(window);

    // A CNode powered off: every tenant's pool uses all four, so every cell turns degraded.
    const auto degraded = [&] {
        return context.healthMatrix()->statusAt(tenantCount - 1, 0) == QLatin1String("degraded");
    };
    clock.restart();
    qint64 changedAtMs = -1;
    const auto onChange = QObject::connect(&backend.health(), &HealthService::matrixChanged, [&] {
        if (changedAtMs < 0)
            changedAtMs = clock.elapsed();
    });
    if (const QString error = context.lab()->addFault(u"cnode-02"_s, u"cnode-down"_s, {}, 0);
        !error.isEmpty()) {
        std::fprintf(stderr, "fault: %s\n", qUtf8Printable(error));
        return 1;
    }
    if (!waitFor(degraded, 30000)) {
        std::fprintf(stderr, "the matrix did not turn degraded\n");
        return 1;
    }
    const qint64 modelMs = clock.elapsed();
    const double updateFrameMs = Bench::frame(window);
    std::printf(
        "BENCH CNode off -> matrix recomputed %lld ms (poll included), model updated %lld ms, "
        "next frame %.1f ms, recompute itself %lld ms\n",
        static_cast<long long>(changedAtMs), static_cast<long long>(modelMs), updateFrameMs,
        static_cast<long long>(backend.health().lastRecomputeMs()));
    QObject::disconnect(onChange);

    // A cell clicked: explanation, path and history read, and the panel and racks drawn.
    QList<double> explain;
    QList<double> explainFrames;
    for (int row = 0; row < 20; ++row) {
        clock.restart();
        context.healthCell()->select(context.healthMatrix()->tenantIdAt(row * 25),
                                     context.healthMatrix()->kindAt(row % 7));
        explain << double(clock.nsecsElapsed()) / 1e6;
        explainFrames << Bench::frame(window);
    }
    Bench::reportFrames("Cell selected: explain (model only)", explain);
    Bench::reportFrames("Cell selected: next frame", explainFrames);
    std::printf("BENCH the last cell: %s, %d path steps, %d transitions\n",
                qUtf8Printable(context.healthCell()->status()),
                context.healthCell()->path()->rowCount(),
                context.healthCell()->history()->rowCount());

    clock.restart();
    window->setProperty("currentView", u"overview"_s);
    std::printf("BENCH switch to Overview (miniature of %d cells), first frame %.1f ms\n", cells,
                Bench::frame(window));
    return 0;
}
