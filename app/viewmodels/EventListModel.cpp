#include "EventListModel.h"

#include "activity/EventLog.h"
#include "core/Time.h"
#include "domain/Enums.h"

#include <QTimer>

namespace NeoCloud {

EventListModel::EventListModel(EventLog &events, int maxRows, QObject *parent)
    : QAbstractListModel(parent)
    , m_events(events)
    , m_maxRows(qMax(1, maxRows))
{
    connect(&m_events, &EventLog::eventRecorded, this, &EventListModel::prepend);
    // Deferred like the overview: the window shows first, then the store is read.
    QTimer::singleShot(0, this, &EventListModel::reload);
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole:
        return event.message;
    case IdRole:
        return event.id;
    case TimeRole:
        // Local time for display; the store keeps UTC.
        return fromIsoTime(event.time).toLocalTime();
    case SeverityRole:
        return toString(event.severity);
    case SourceRole:
        return event.source;
    case TenantRole:
        return event.tenantId;
    case DeviceRole:
        return event.deviceId;
    case AlertRole:
        return event.alert;
    default:
        return {};
    }
}

QHash<int, QByteArray> EventListModel::roleNames() const
{
    // "id" cannot be a QML property name, hence "eventId".
    return {
        {IdRole, "eventId"},      {TimeRole, "time"},       {SeverityRole, "severity"},
        {SourceRole, "source"},   {MessageRole, "message"}, {TenantRole, "tenantId"},
        {DeviceRole, "deviceId"}, {AlertRole, "alert"},
    };
}

void EventListModel::reload()
{
    EventQuery query;
    query.limit = qMin(initialRows, m_maxRows);
    const Result<Page<Event>> page = m_events.find(query);
    if (!page) {
        setLastError(page.error().message);
    } else {
        setLastError({});
        beginResetModel();
        m_rows = page->items;
        endResetModel();
        Q_EMIT countChanged();
    }
    if (!m_loaded) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
}

void EventListModel::prepend(const Event &event)
{
    // Before the first read the store already holds this event; reload() will bring it.
    if (!m_loaded)
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(event);
    endInsertRows();
    if (m_rows.size() > m_maxRows) {
        const int first = m_maxRows;
        beginRemoveRows({}, first, int(m_rows.size()) - 1);
        m_rows.resize(m_maxRows);
        endRemoveRows();
    }
    Q_EMIT countChanged();
}

void EventListModel::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

} // namespace NeoCloud
