// neocloud-server: the backend headless, for a commissioning box or a server.

#include "cli/CommandLine.h"
#include "core/Version.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("NeoCloud"));
    QCoreApplication::setApplicationName(QStringLiteral("neocloud-server"));
    QCoreApplication::setApplicationVersion(NeoCloud::productVersion);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("NeoCloud Box server: the console's backend and REST API, headless."));
    NeoCloud::addCommonOptions(parser, NeoCloud::LabDefault::Off);
    parser.process(app);

    const auto options = NeoCloud::readCommonOptions(parser, NeoCloud::LabDefault::Off);
    if (!options) {
        std::fprintf(stderr, "neocloud-server: %s\n", qUtf8Printable(options.error().message));
        return 2;
    }
    auto backend = NeoCloud::startBackend(*options);
    if (!backend)
        return 1;
    return app.exec();
}
