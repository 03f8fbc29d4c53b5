#pragma once
// The overview page's numbers: inventory, tenant and open-alert counts read from the services,
// kept fresh by their change signals.

#include <QObject>
#include <QTimer>
#include <QtQmlIntegration>

namespace NeoCloud {

class EventLog;
class InventoryService;
class TenantService;

class OverviewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("OverviewModel is provided by ConsoleContext.")

    Q_PROPERTY(int sites READ sites NOTIFY countsChanged)
    Q_PROPERTY(int racks READ racks NOTIFY countsChanged)
    Q_PROPERTY(int devices READ devices NOTIFY countsChanged)
    Q_PROPERTY(int gpuServers READ gpuServers NOTIFY countsChanged)
    Q_PROPERTY(int storageCNodes READ storageCNodes NOTIFY countsChanged)
    Q_PROPERTY(int storageDBoxes READ storageDBoxes NOTIFY countsChanged)
    Q_PROPERTY(int switches READ switches NOTIFY countsChanged)
    Q_PROPERTY(int pdus READ pdus NOTIFY countsChanged)
    Q_PROPERTY(int otherDevices READ otherDevices NOTIFY countsChanged)
    Q_PROPERTY(int tenants READ tenants NOTIFY countsChanged)
    Q_PROPERTY(int openAlerts READ openAlerts NOTIFY countsChanged)
    // True once the first read finished, even a failed one (lastError then says why).
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    OverviewModel(InventoryService &inventory, TenantService &tenants, EventLog &events,
                  QObject *parent = nullptr);

    int sites() const { return m_counts.sites; }
    int racks() const { return m_counts.racks; }
    int devices() const { return m_counts.devices; }
    int gpuServers() const { return m_counts.gpuServers; }
    int storageCNodes() const { return m_counts.storageCNodes; }
    int storageDBoxes() const { return m_counts.storageDBoxes; }
    int switches() const { return m_counts.switches; }
    int pdus() const { return m_counts.pdus; }
    int otherDevices() const { return m_counts.otherDevices; }
    int tenants() const { return m_counts.tenants; }
    int openAlerts() const { return m_counts.openAlerts; }
    bool loaded() const { return m_loaded; }
    QString lastError() const { return m_lastError; }

    // Reads every count now; the signal handlers go through the coalescing timer instead.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void countsChanged();
    void loadedChanged();
    void lastErrorChanged();

private:
    struct Counts
    {
        int sites = 0;
        int racks = 0;
        int devices = 0;
        int gpuServers = 0;
        int storageCNodes = 0;
        int storageDBoxes = 0;
        int switches = 0;
        int pdus = 0;
        int otherDevices = 0;
        int tenants = 0;
        int openAlerts = 0;
        bool operator==(const Counts &) const = default;
    };

    void scheduleRefresh();
    void setLastError(const QString &error);
    void markLoaded();

    InventoryService &m_inventory;
    TenantService &m_tenants;
    EventLog &m_events;
    QTimer m_refreshTimer;
    Counts m_counts;
    bool m_loaded = false;
    QString m_lastError;
};

} // namespace NeoCloud
