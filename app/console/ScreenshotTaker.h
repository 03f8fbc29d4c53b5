#pragma once
// Takes the --screenshot picture: waits until the view's model has loaded and a frame showing it
// was rendered, then grabs the window into a PNG. Used by docs and the GUI smoke test.

#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QTimer>

namespace NeoCloud {

class ScreenshotTaker : public QObject
{
    Q_OBJECT
public:
    // viewModel follows our view-model convention: a bool "loaded" with a NOTIFY signal and a
    // string "lastError".
    ScreenshotTaker(QQuickWindow *window, QObject *viewModel, const QString &path,
                    int timeoutMs = 20000, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    // ok is false when the view failed to load, timed out or the file could not be written;
    // message is then one line for the user.
    void finished(bool ok, const QString &message);

private Q_SLOTS:
    void checkLoaded();

private:
    void onFrameSwapped();
    void finish(bool ok, const QString &message);

    QPointer<QQuickWindow> m_window;
    QPointer<QObject> m_viewModel;
    QString m_path;
    QTimer m_timeout;
    QMetaObject::Connection m_frameConnection;
    int m_framesToWait = 0;
    bool m_done = false;
};

} // namespace NeoCloud
