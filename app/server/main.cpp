// neocloud-server: the backend headless, for a commissioning box or a server.

#include "cli/CommandLine.h"
#include "PdfReportRenderer.h"
#include "core/Version.h"

#include <QGuiApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    // A QGuiApplication for the PDF writer of commissioning reports, on the offscreen platform
    // unless QT_QPA_PLATFORM says otherwise: a server has no display.
    NeoCloud::PdfReportRenderer::preferOffscreenPlatform();
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("NeoCloud"));
    QCoreApplication::setApplicationName(QStringLiteral("neocloud-server"));
    QCoreApplication::setApplicationVersion(NeoCloud::productVersion);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("NeoCloud Box server: the console's backend and REST API, headless."));
    NeoCloud::addCommonOptions(parser, NeoCloud::LabDefault::Off);
    parser.process(app);

    auto options = NeoCloud::readCommonOptions(parser, NeoCloud::LabDefault::Off);
    if (!options) {
        std::fprintf(stderr, "neocloud-server: %s\n", qUtf8Printable(options.error().message));
        return 2;
    }
    NeoCloud::CommonOptions config = options.value();
    config.backend.reportRenderer = std::make_shared<NeoCloud::PdfReportRenderer>();
    auto backend = NeoCloud::startBackend(config);
    if (!backend)
        return 1;
    return app.exec();
}
