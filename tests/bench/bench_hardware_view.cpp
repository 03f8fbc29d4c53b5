// Benchmark for the Hardware and Topology views at 10,000 devices: load-to-first-frame of the
// console with the Hardware view selected, frame times while the table scrolls, and frame times
// of the network graph zoomed out (racks collapsed) and in. Prints figures; asserts nothing.

#include "BenchFrames.h"
#include "BenchInventory.h"
#include "Backend.h"
#include "ConsoleContext.h"
#include "NetworkGraphItem.h"
#include "inventory/InventoryService.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <numeric>

Q_IMPORT_QML_PLUGIN(NeoCloud_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(NeoCloud_ViewModelsPlugin)

using namespace NeoCloud;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    BackendConfig config;
    config.databasePath = dir.filePath(QStringLiteral("bench.db"));
    config.adminPassword = QStringLiteral("bench-password-1234");
    auto backend = Backend::create(config);
    if (!backend) {
        std::fprintf(stderr, "backend: %s\n", qUtf8Printable(backend.error().message));
        return 1;
    }

    QElapsedTimer clock;
    clock.start();
    if (!Bench::fillInventory(*backend.value()))
        return 1;
    const Result<InventoryCounts> counts = backend.value()->inventory().counts();
    std::printf("stored %d devices in %d racks in %lld ms\n", counts ? counts->devices : -1,
                counts ? counts->racks : -1, static_cast<long long>(clock.elapsed()));

    ConsoleContext context(*backend.value());
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("context"), QVariant::fromValue(&context)},
                                 {QStringLiteral("currentView"), QStringLiteral("hardware")}});
    clock.restart();
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/NeoCloud/Console/Main.qml")));
    auto *window = engine.rootObjects().isEmpty()
        ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    const double loadMs = clock.nsecsElapsed() / 1e6;
    Bench::frame(window);
    const double firstFrameMs = clock.nsecsElapsed() / 1e6;
    while (!context.devices()->loaded() || !context.topology()->loaded())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double loadedMs = clock.nsecsElapsed() / 1e6;
    Bench::frame(window);
    const double dataFrameMs = clock.nsecsElapsed() / 1e6;
    std::printf("Main.qml load() returned after            %8.1f ms\n", loadMs);
    std::printf("first frameSwapped after load started     %8.1f ms\n", firstFrameMs);
    std::printf("%d devices read (table + topology) after %8.1f ms\n",
                context.devices()->count(), loadedMs);
    std::printf("first frame showing the rows after        %8.1f ms\n", dataFrameMs);
    std::fflush(stdout);

    auto *table = window->findChild<QQuickItem *>(QStringLiteral("deviceTable"));
    if (!table) {
        std::fprintf(stderr, "no TableView named deviceTable\n");
        return 1;
    }
    const qreal end = table->property("contentHeight").toReal() - table->height();
    QList<double> frames;
    clock.restart();
    qreal y = 0;
    while (clock.elapsed() < 2000) {
        y += 3 * 38 + 7; // a little over three rows per frame, like a fast wheel
        if (y > end)
            y = 0;
        table->setProperty("contentY", y);
        if (const double ms = Bench::frame(window); ms >= 0)
            frames << ms;
    }
    Bench::reportFrames("Hardware table scrolling (contentY steps)", frames);

    // Topology: switch views, then the network graph zoomed out and in.
    clock.restart();
    window->setProperty("currentView", QStringLiteral("topology"));
    std::printf("switch to Topology, first frame after     %8.1f ms\n", Bench::frame(window));
    auto *graph = window->findChild<NetworkGraphItem *>();
    QQuickItem *view = graph;
    while (view && !view->property("mode").isValid())
        view = view->parentItem();
    if (!graph || !view)
        return 1;
    view->setProperty("mode", QStringLiteral("network"));
    Bench::frame(window);
    graph->fitToView();
    const QPointF centre(graph->width() / 2, graph->height() / 2);
    for (const bool detailed : {false, true}) {
        if (detailed)
            graph->zoomTo(graph->collapseBelowZoom() * 1.5);
        frames.clear();
        for (int i = 0; i < 60; ++i) {
            graph->zoomBy(i % 2 ? 1 / 1.02 : 1.02, centre);
            if (const double ms = Bench::frame(window); ms >= 0)
                frames << ms;
        }
        const QByteArray what = QStringLiteral("Network graph, %1 (%2 nodes)")
                                    .arg(detailed ? QStringLiteral("devices") : QStringLiteral("racks collapsed"))
                                    .arg(graph->visibleNodeCount()).toUtf8();
        Bench::reportFrames(what.constData(), frames);
    }
    return 0;
}
