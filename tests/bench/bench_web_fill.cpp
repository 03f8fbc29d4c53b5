// bench_web_fill DB PASSWORD: writes the 10,000-device site (BenchInventory.h) into a new SQLite
// database with an admin whose password is PASSWORD, for bench_web.sh to start neocloud-server on.
// Filling the store directly takes seconds; scanning a 10,000-BMC lab would be the discovery
// benchmark, not the web one.

#include "BenchInventory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

using namespace NeoCloud;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: bench_web_fill DB PASSWORD\n");
        return 2;
    }
    if (QFileInfo::exists(args.at(1))) {
        std::fprintf(stderr, "bench_web_fill: %s exists; it writes a new database only\n", qUtf8Printable(args.at(1)));
        return 2;
    }
    BackendConfig config;
    config.databasePath = args.at(1);
    config.adminPassword = args.at(2);
    config.healthPoll = false;
    config.serviceProbes = false;
    config.telemetryIntervalSeconds = 0;
    auto backend = Backend::create(config);
    if (!backend) {
        std::fprintf(stderr, "bench_web_fill: %s\n", qUtf8Printable(backend.error().message));
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    if (!Bench::fillInventory(*backend.value()))
        return 1;
    const Result<InventoryCounts> counts = backend.value()->inventory().counts();
    if (!counts || counts->devices < Bench::rackCount * (Bench::nodesPerRack + 1)) {
        std::fprintf(stderr, "bench_web_fill: the store holds %d devices\n", counts ? counts->devices : -1);
        return 1;
    }
    std::printf("BENCH web setup: %d devices in %d racks stored in %lld ms\n", counts->devices, counts->racks,
                static_cast<long long>(clock.elapsed()));
    return 0;
}
