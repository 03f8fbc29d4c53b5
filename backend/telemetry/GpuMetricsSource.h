#pragma once
// GPU utilisation and power from an operator's Prometheus text endpoint that serves NVIDIA DCGM
// exporter names (a dcgm-exporter's own /metrics, or a Prometheus /federate selecting them).
// Optional: without a URL the console simply has no utilisation or power figures.

#include "PrometheusText.h"
#include "core/Result.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkReply;

namespace NeoCloud {

struct GpuMetrics
{
    int gpus = 0; // distinct GPUs that reported either figure
    std::optional<double> utilizationPercent; // mean of DCGM_FI_DEV_GPU_UTIL over those GPUs
    std::optional<double> powerWatts;          // sum of DCGM_FI_DEV_POWER_USAGE
    qint64 readAtMs = 0;
};

// DCGM_FI_DEV_GPU_UTIL (percent) and DCGM_FI_DEV_POWER_USAGE (watts) summed up over GPUs. A GPU
// is its UUID label, else Hostname (or instance) with gpu. DCGM's "blank" sentinels (values near
// 2^63) and utilisation outside 0..100 are left out rather than averaged in.
GpuMetrics summariseDcgm(const PromParseResult &parsed);

class GpuMetricsSource : public QObject
{
    Q_OBJECT
public:
    explicit GpuMetricsSource(QUrl url, int timeoutMs = 10000, QObject *parent = nullptr);
    ~GpuMetricsSource() override;

    bool configured() const { return m_url.isValid() && !m_url.isEmpty(); }
    QUrl url() const { return m_url; }

    using Done = std::function<void(Result<GpuMetrics>)>;
    // One scrape; `done` runs on the next turn of the event loop at the earliest.
    void read(Done done);

private:
    QUrl m_url;
    int m_timeoutMs;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_inFlight;
};

} // namespace NeoCloud
