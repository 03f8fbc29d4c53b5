#pragma once
// Frame timing for the benchmarks that drive the console window, and its one-line summary.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QQuickWindow>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <numeric>

namespace NeoCloud::Bench {

// One line: how many frames, mean, median, 95th percentile and worst, in milliseconds.
inline void reportFrames(const char *what, QList<double> ms)
{
    if (ms.isEmpty()) {
        std::printf("BENCH %-44s no frames\n", what);
        return;
    }
    std::sort(ms.begin(), ms.end());
    const double mean = std::accumulate(ms.cbegin(), ms.cend(), 0.0) / double(ms.size());
    const double p95 = ms.at(qMin(ms.size() - 1, qsizetype(double(ms.size()) * 0.95)));
    std::printf(
        "BENCH %-44s frames %4lld  mean %6.1f ms  median %6.1f ms  p95 %6.1f ms  max %6.1f ms\n",
        what, static_cast<long long>(ms.size()), mean, ms.at(ms.size() / 2), p95, ms.last());
    std::fflush(stdout);
}

// Requests a frame and waits until it is on screen; returns the milliseconds it took, or -1.
inline double frame(QQuickWindow *window)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&loop] { loop.exit(1); });
    const auto swapped = QObject::connect(window, &QQuickWindow::frameSwapped, &loop,
                                          &QEventLoop::quit, Qt::QueuedConnection);
    timeout.start(10000);
    window->update();
    const int rc = loop.exec();
    QObject::disconnect(swapped);
    return rc == 0 ? double(clock.nsecsElapsed()) / 1e6 : -1;
}

} // namespace NeoCloud::Bench
