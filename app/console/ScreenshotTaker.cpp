#include "ScreenshotTaker.h"

#include <QImage>
#include <QMetaProperty>

namespace NeoCloud {

namespace {
// The first frame after loading lays out the new bindings; the second is the settled picture.
constexpr int framesAfterLoad = 2;
} // namespace

ScreenshotTaker::ScreenshotTaker(QQuickWindow *window, QObject *viewModel, const QString &path,
                                 int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_viewModel(viewModel)
    , m_path(path)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(false, QStringLiteral("timed out waiting for the view to load and render"));
    });
}

void ScreenshotTaker::start()
{
    if (!m_window || !m_viewModel) {
        finish(false, QStringLiteral("no window or view model to take a screenshot of"));
        return;
    }
    m_timeout.start();
    const QMetaObject *meta = m_viewModel->metaObject();
    const QMetaProperty loaded = meta->property(meta->indexOfProperty("loaded"));
    if (!loaded.isValid() || !loaded.hasNotifySignal()) {
        finish(false, QStringLiteral("the view model has no 'loaded' property"));
        return;
    }
    const int slot = metaObject()->indexOfSlot("checkLoaded()");
    connect(m_viewModel, loaded.notifySignal(), this, metaObject()->method(slot));
    checkLoaded();
}

void ScreenshotTaker::checkLoaded()
{
    if (m_done || m_frameConnection || !m_viewModel->property("loaded").toBool())
        return;
    if (const QString error = m_viewModel->property("lastError").toString(); !error.isEmpty()) {
        finish(false, QStringLiteral("the view could not load its data: ") + error);
        return;
    }
    m_framesToWait = framesAfterLoad;
    // frameSwapped comes from the render thread under the threaded loop; queue it to this one.
    m_frameConnection = connect(m_window, &QQuickWindow::frameSwapped, this,
                                &ScreenshotTaker::onFrameSwapped, Qt::QueuedConnection);
    m_window->update();
}

void ScreenshotTaker::onFrameSwapped()
{
    if (m_done)
        return;
    if (--m_framesToWait > 0) {
        m_window->update();
        return;
    }
    const QImage image = m_window->grabWindow();
    if (image.isNull()) {
        finish(false, QStringLiteral("could not grab the window"));
        return;
    }
    if (!image.save(m_path, "PNG")) {
        finish(false, QStringLiteral("cannot write the screenshot to '%1'").arg(m_path));
        return;
    }
    finish(true, m_path);
}

void ScreenshotTaker::finish(bool ok, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    disconnect(m_frameConnection);
    Q_EMIT finished(ok, message);
}

} // namespace NeoCloud
