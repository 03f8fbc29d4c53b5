#include "VmsTasks.h"

#include "core/Time.h"

#include <QLoggingCategory>
#include <QTimer>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcVmsTasks, "neocloud.lab.vms")

VmsTasks::VmsTasks(VmsStore &store, int completionMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_completionMs(completionMs)
{ }

void VmsTasks::setPerformer(const QString &op, Performer performer)
{
    m_performers.insert(op, std::move(performer));
}

Result<QJsonObject> VmsTasks::start(const QString &name, const QJsonObject &action)
{
    VmsObject task;
    task.id = m_store.nextId(collection);
    task.body = { { QStringLiteral("id"), task.id },
                  { QStringLiteral("name"), name },
                  { QStringLiteral("state"), QStringLiteral("RUNNING") },
                  { QStringLiteral("start_time"), nowIso() },
                  { QStringLiteral("timeout_in_seconds"), 300 },
                  { QStringLiteral("messages"), QJsonObject() },
                  { QStringLiteral("info"), QJsonObject() } };
    task.hidden = { { QStringLiteral("action"), action } };
    if (Status s = m_store.put(collection, task); !s)
        return s.error();
    QTimer::singleShot(m_completionMs, this, [this, id = task.id] { finish(id); });
    return task.body;
}

void VmsTasks::resume()
{
    for (const VmsObject &task : m_store.all(collection))
        if (task.body.value(QLatin1String("state")).toString() == QLatin1String("RUNNING"))
            QTimer::singleShot(m_completionMs, this, [this, id = task.id] { finish(id); });
}

void VmsTasks::finish(int id)
{
    std::optional<VmsObject> task = m_store.find(collection, id);
    if (!task || task->body.value(QLatin1String("state")).toString() != QLatin1String("RUNNING"))
        return;
    const QJsonObject action = task->hidden.value(QLatin1String("action")).toObject();
    const Performer performer = m_performers.value(action.value(QLatin1String("op")).toString());
    const QString failure = performer ? performer(action)
                                      : QStringLiteral("The lab cannot perform '%1'.")
                                            .arg(action.value(QLatin1String("op")).toString());
    const QDateTime started = fromIsoTime(task->body.value(QLatin1String("start_time")).toString());
    const QDateTime ended = QDateTime::currentDateTimeUtc();
    const QString state
        = failure.isEmpty() ? QStringLiteral("COMPLETED") : QStringLiteral("FAILED");
    task->body.insert(QLatin1String("state"), state);
    task->body.insert(QLatin1String("end_time"), toIsoTime(ended));
    task->body.insert(QLatin1String("execution_time"), int(started.secsTo(ended)));
    if (!failure.isEmpty())
        task->body.insert(QLatin1String("messages"),
                          QJsonObject { { QStringLiteral("error"), failure } });
    if (Status s = m_store.put(collection, *task); !s)
        qCWarning(lcVmsTasks, "task %d: %s", id, qPrintable(s.error().message));
    Q_EMIT taskFinished(id, state);
}

} // namespace NeoCloud
