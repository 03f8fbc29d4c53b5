#pragma once
// The Capacity view's and the overview's figures: storage (raw, usable, used, data reduction),
// GPUs, the cluster runway, per-tenant use and the recorded history for the charts, read from
// CapacityService and TelemetryRepository and re-read (coalesced) when capacity, the inventory,
// the tenants or the telemetry change.

#include "TenantCapacityModel.h"

#include <QObject>
#include <QPointF>
#include <QTimer>
#include <QtQmlIntegration>

namespace NeoCloud {

class CapacityService;
class InventoryService;
class TelemetryRepository;
class TelemetrySampler;
class TenantService;

class CapacityModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CapacityModel is provided by ConsoleContext.")

    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)

    // Storage, bytes as doubles (QML numbers).
    Q_PROPERTY(double rawBytes READ rawBytes NOTIFY changed)
    Q_PROPERTY(double usableBytes READ usableBytes NOTIFY changed)
    Q_PROPERTY(double usedBytes READ usedBytes NOTIFY changed)
    Q_PROPERTY(double freeBytes READ freeBytes NOTIFY changed)
    Q_PROPERTY(double usedFraction READ usedFraction NOTIFY changed)
    // -1 when no source reports it.
    Q_PROPERTY(double dataReductionRatio READ dataReductionRatio NOTIFY changed)
    Q_PROPERTY(double logicalUsedBytes READ logicalUsedBytes NOTIFY changed)
    Q_PROPERTY(double physicalUsedBytes READ physicalUsedBytes NOTIFY changed)
    Q_PROPERTY(int dboxes READ dboxes NOTIFY changed)
    Q_PROPERTY(int cnodes READ cnodes NOTIFY changed)
    Q_PROPERTY(int ssds READ ssds NOTIFY changed)
    // Where the figures came from: "vast", "inventory" or "none".
    Q_PROPERTY(QString usableSource READ usableSource NOTIFY changed)
    Q_PROPERTY(QString usedSource READ usedSource NOTIFY changed)
    Q_PROPERTY(QString providerState READ providerState NOTIFY changed)
    Q_PROPERTY(QString providerError READ providerError NOTIFY changed)

    // The cluster's runway: hasRunway false means "not enough data", and runwayText says why.
    Q_PROPERTY(bool hasRunway READ hasRunway NOTIFY changed)
    Q_PROPERTY(double runwayDays READ runwayDays NOTIFY changed)
    Q_PROPERTY(QString runwayText READ runwayText NOTIFY changed)
    Q_PROPERTY(QString growthText READ growthText NOTIFY changed)

    Q_PROPERTY(int gpuTotal READ gpuTotal NOTIFY changed)
    Q_PROPERTY(int gpuAllocated READ gpuAllocated NOTIFY changed)
    Q_PROPERTY(int gpuHealthy READ gpuHealthy NOTIFY changed)
    Q_PROPERTY(int gpuUnhealthy READ gpuUnhealthy NOTIFY changed)
    Q_PROPERTY(double gpuOvercommit READ gpuOvercommit NOTIFY changed)

    Q_PROPERTY(NeoCloud::TenantCapacityModel *tenants READ tenants CONSTANT)

    // The recorded history (hourly means, oldest first) over historyDays, as points
    // (x: ms since the epoch, y: the value), for the charts.
    Q_PROPERTY(int historyDays READ historyDays WRITE setHistoryDays NOTIFY historyChanged)
    Q_PROPERTY(QVariantList usedHistory READ usedHistory NOTIFY historyChanged)
    Q_PROPERTY(QVariantList usableHistory READ usableHistory NOTIFY historyChanged)
    Q_PROPERTY(QVariantList gpuAllocatedHistory READ gpuAllocatedHistory NOTIFY historyChanged)
    Q_PROPERTY(QVariantList gpuTotalHistory READ gpuTotalHistory NOTIFY historyChanged)

public:
    CapacityModel(CapacityService &capacity, InventoryService &inventory, TenantService &tenants,
                  TelemetryRepository &telemetry, TelemetrySampler *sampler,
                  QObject *parent = nullptr);

    bool loaded() const { return m_loaded; }
    QString lastError() const { return m_lastError; }
    double rawBytes() const { return double(m_report.storage.rawBytes); }
    double usableBytes() const { return double(m_report.storage.usableBytes); }
    double usedBytes() const { return double(m_report.storage.usedBytes); }
    double freeBytes() const { return double(m_report.storage.freeBytes); }
    double usedFraction() const;
    double dataReductionRatio() const { return m_report.storage.dataReductionRatio.value_or(-1.0); }
    double logicalUsedBytes() const
    {
        return double(m_report.storage.logicalUsedBytes.value_or(0));
    }
    double physicalUsedBytes() const
    {
        return double(m_report.storage.physicalUsedBytes.value_or(0));
    }
    int dboxes() const { return m_report.storage.dboxes; }
    int cnodes() const { return m_report.storage.cnodes; }
    int ssds() const { return m_report.storage.ssds; }
    QString usableSource() const { return m_report.storage.usableSource; }
    QString usedSource() const { return m_report.storage.usedSource; }
    QString providerState() const { return m_report.provider.state; }
    QString providerError() const { return m_report.provider.error; }
    bool hasRunway() const { return m_report.runway.runwayDays.has_value(); }
    double runwayDays() const { return m_report.runway.runwayDays.value_or(-1.0); }
    QString runwayText() const { return NeoCloud::runwayText(m_report.runway); }
    QString growthText() const;
    int gpuTotal() const { return m_report.gpus.total; }
    int gpuAllocated() const { return m_report.gpus.allocated; }
    int gpuHealthy() const { return m_report.gpus.healthy; }
    int gpuUnhealthy() const { return m_report.gpus.unhealthy; }
    double gpuOvercommit() const { return m_report.gpus.overcommitRatio; }
    TenantCapacityModel *tenants() { return &m_tenants; }
    int historyDays() const { return m_historyDays; }
    void setHistoryDays(int days);
    QVariantList usedHistory() const { return m_usedHistory; }
    QVariantList usableHistory() const { return m_usableHistory; }
    QVariantList gpuAllocatedHistory() const { return m_gpuAllocatedHistory; }
    QVariantList gpuTotalHistory() const { return m_gpuTotalHistory; }

    // Decimal units for QML: "138.2 TB".
    Q_INVOKABLE QString bytesText(double bytes) const;

    // Reads everything now; the change signals go through the coalescing timer instead.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void loadedChanged();
    void changed();
    void historyChanged();

private:
    void scheduleRefresh();
    QVariantList readSeries(const QString &series, qint64 fromMs, QString &error) const;

    CapacityService &m_capacity;
    TelemetryRepository &m_telemetry;
    QTimer m_refreshTimer;
    CapacityReport m_report;
    TenantCapacityModel m_tenants;
    bool m_loaded = false;
    QString m_lastError;
    int m_historyDays = 30;
    QVariantList m_usedHistory;
    QVariantList m_usableHistory;
    QVariantList m_gpuAllocatedHistory;
    QVariantList m_gpuTotalHistory;
};

} // namespace NeoCloud
