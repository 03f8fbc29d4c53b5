#include "PdfReportRenderer.h"

#include <QBuffer>
#include <QFont>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextDocument>
#include <QThread>

namespace NeoCloud {

void PdfReportRenderer::preferOffscreenPlatform()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

Result<QByteArray> PdfReportRenderer::pdfFromHtml(const QString &html, const QString &title)
{
    auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
    if (!app || QThread::currentThread() != app->thread())
        return Error::unavailable(QStringLiteral("pdf_unavailable"),
                                  QStringLiteral("PDF reports need the process's QGuiApplication thread; ask for report.html instead."));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("NeoCloud Box"));
        writer.setResolution(150);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        QTextDocument document;
        document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 7));
        document.setHtml(html);
        document.print(&writer);
    }
    if (buffer.data().size() < 100 || !buffer.data().startsWith("%PDF"))
        return Error::internal(QStringLiteral("The PDF writer produced no document."));
    return buffer.data();
}

} // namespace NeoCloud
