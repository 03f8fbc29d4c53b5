#pragma once
// VMS's asynchronous tasks (VTasks): an operation answers {"async_task": {...}} at once and its
// work is done a moment later, as real VMS does when it deletes a tenant. The pending action is
// stored with the task, so a task a restart interrupted still completes.

#include "VmsStore.h"

#include <QObject>
#include <functional>

namespace NeoCloud {

class VmsTasks : public QObject
{
    Q_OBJECT
public:
    static inline const QString collection = QStringLiteral("vtasks");

    // Does a task's action; returns an empty string on success, else why it failed.
    using Performer = std::function<QString(const QJsonObject &action)>;

    VmsTasks(VmsStore &store, int completionMs, QObject *parent = nullptr);

    // The action's "op" picks its performer.
    void setPerformer(const QString &op, Performer performer);
    // Stores a RUNNING task named `name` for `action` and finishes it after the completion delay.
    Result<QJsonObject> start(const QString &name, const QJsonObject &action);
    // Schedules every task a restart found RUNNING.
    void resume();

Q_SIGNALS:
    void taskFinished(int id, const QString &state);

private:
    void finish(int id);

    VmsStore &m_store;
    int m_completionMs;
    QHash<QString, Performer> m_performers;
};

} // namespace NeoCloud
