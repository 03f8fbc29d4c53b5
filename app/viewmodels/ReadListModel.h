#pragma once
// A list model whose rows are read whole from a service and replaced in one reset: the small
// lists of a tenant (users, keys, services) that change by a click, not by the thousand. Gives
// QML `count` and `lastError` (the service's reason the last read failed). Subclasses name it
// `NeoCloud::ReadListModel` in full: qmltyperegistrar 6.4 finds a prototype only by that name.

#include "core/Result.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>
#include <algorithm>

namespace NeoCloud {

class ReadListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS

    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    int count() const { return rowCount(); }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void countChanged();
    void lastErrorChanged();

protected:
    // Replaces `rows` with what was read; a failed read empties the list and says why.
    template<typename T> void replaceRows(QList<T> &rows, Result<QList<T>> read)
    {
        const qsizetype before = rows.size();
        beginResetModel();
        rows = read ? std::move(read).value() : QList<T>();
        endResetModel();
        if (rows.size() != before)
            Q_EMIT countChanged();
        setLastError(read ? QString() : read.error().message);
    }

    // The same, but rows whose keys are unchanged and in order are updated in place (delegates
    // keep their state, such as an expanded section, while a job changes a row every second).
    template<typename T, typename Key>
    void replaceRows(QList<T> &rows, Result<QList<T>> read, Key key)
    {
        if (read && read->size() == rows.size() && !rows.isEmpty()
            && std::equal(rows.begin(), rows.end(), read->begin(),
                          [&](const T &a, const T &b) { return key(a) == key(b); })) {
            rows = std::move(read).value();
            Q_EMIT dataChanged(index(0), index(int(rows.size()) - 1));
            setLastError(QString());
            return;
        }
        replaceRows(rows, std::move(read));
    }

    void setLastError(const QString &error)
    {
        if (error == m_lastError)
            return;
        m_lastError = error;
        Q_EMIT lastErrorChanged();
    }

private:
    QString m_lastError;
};

} // namespace NeoCloud
