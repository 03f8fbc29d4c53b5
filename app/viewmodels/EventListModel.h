#pragma once
// The event feed as a list model: the newest events from the store, with live ones prepended as
// the EventLog records them.

#include "domain/Activity.h"

#include <QAbstractListModel>
#include <QList>
#include <QtQmlIntegration>

namespace NeoCloud {

class EventLog;

class EventListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EventListModel is provided by ConsoleContext.")

    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // True once the first read finished, even a failed one (lastError then says why).
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TimeRole,
        SeverityRole,
        SourceRole,
        MessageRole,
        TenantRole,
        DeviceRole,
        AlertRole,
    };
    Q_ENUM(Roles)

    static constexpr int initialRows = 200;
    static constexpr int defaultMaxRows = 500;

    explicit EventListModel(EventLog &events, int maxRows = defaultMaxRows,
                            QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loaded() const { return m_loaded; }
    QString lastError() const { return m_lastError; }
    int maxRows() const { return m_maxRows; }

    // Replaces the rows with the newest events from the store.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void countChanged();
    void loadedChanged();
    void lastErrorChanged();

private:
    void prepend(const NeoCloud::Event &event);
    void setLastError(const QString &error);

    EventLog &m_events;
    int m_maxRows;
    QList<Event> m_rows; // newest first
    bool m_loaded = false;
    QString m_lastError;
};

} // namespace NeoCloud
