#pragma once
// Renders a report's HTML to PDF with QTextDocument and QPdfWriter: A4 landscape, paginated,
// the report's title in the PDF's metadata. Needs a QGuiApplication (any platform, offscreen
// included) and runs on its thread.

#include "commissioning/ReportRenderer.h"

namespace NeoCloud {

class PdfReportRenderer : public ReportRenderer
{
public:
    Result<QByteArray> pdfFromHtml(const QString &html, const QString &title) override;

    // For executables: makes the offscreen platform the default when none is chosen, so a
    // QGuiApplication can start on a server without a display. Call before creating the app.
    static void preferOffscreenPlatform();
};

} // namespace NeoCloud
