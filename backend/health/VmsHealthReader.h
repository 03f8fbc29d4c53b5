#pragma once
// What the VAST cluster says about itself, for health: the state VMS gives each CNode and DBox,
// and which CNodes serve each VIP pool. Read with the VAST provider's client (VmsClient) on a
// connection of its own, so the service engine aborting its calls never drops a health read.

#include "vast/VmsClient.h"

#include <QHash>
#include <QObject>

namespace NeoCloud {

struct VmsNodeState
{
    QString name;
    QString serial;
    QString state; // ACTIVE, FAILED, INACTIVE...
};

struct VmsView
{
    bool available = false; // the last read reached VMS
    QString problem;
    QList<VmsNodeState> cnodes;
    QList<VmsNodeState> dboxes;
    QHash<QString, QStringList> poolCNodes; // VIP pool name -> the CNode names VMS puts behind it

    bool operator==(const VmsView &other) const;
    bool operator!=(const VmsView &other) const { return !(*this == other); }
};

class VmsHealthReader : public QObject
{
    Q_OBJECT
public:
    explicit VmsHealthReader(VmsConnection connection, QObject *parent = nullptr);

    bool configured() const;
    void read(); // emits finished() once
    const VmsView &view() const { return m_view; }

Q_SIGNALS:
    void finished();

private:
    void collected(const QString &collection, const Result<QJsonArray> &items);

    VmsClient m_client;
    VmsView m_next;
    VmsView m_view;
    int m_pending = 0;
};

} // namespace NeoCloud
