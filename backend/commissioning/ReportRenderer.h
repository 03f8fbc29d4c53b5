#pragma once
// Turns a report's HTML into a PDF. The backend links no Qt Gui, so the PDF writer lives in the
// `neocloud_reports` library (reports/PdfReportRenderer, QTextDocument + QPdfWriter) and reaches
// the backend through this interface, handed to Backend::create() by each executable.

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace NeoCloud {

class ReportRenderer
{
public:
    virtual ~ReportRenderer() = default;
    virtual Result<QByteArray> pdfFromHtml(const QString &html, const QString &title) = 0;
};

} // namespace NeoCloud
