#include "GpuMetricsSource.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QSet>
#include <QTimer>

#include <cmath>

namespace NeoCloud {
namespace {

// DCGM reports a field it could not read as a value just under 2^63 (DCGM_INT64_BLANK and
// friends); no real utilisation or power comes anywhere near.
constexpr double dcgmBlankFloor = 1e15;

QString gpuKey(const PromSample &s)
{
    const QString uuid = s.label(QStringLiteral("UUID"));
    if (!uuid.isEmpty())
        return uuid;
    QString host = s.label(QStringLiteral("Hostname"));
    if (host.isEmpty())
        host = s.label(QStringLiteral("instance"));
    return host + u'/' + s.label(QStringLiteral("gpu"));
}

} // namespace

GpuMetrics summariseDcgm(const PromParseResult &parsed)
{
    GpuMetrics out;
    QSet<QString> gpus;
    auto usable = [](double v) { return std::isfinite(v) && v >= 0 && v < dcgmBlankFloor; };
    if (const PromFamily *util = parsed.family(QStringLiteral("DCGM_FI_DEV_GPU_UTIL"))) {
        double total = 0;
        int counted = 0;
        for (const PromSample &s : util->samples) {
            if (!usable(s.value) || s.value > 100)
                continue;
            total += s.value;
            ++counted;
            gpus.insert(gpuKey(s));
        }
        if (counted)
            out.utilizationPercent = total / counted;
    }
    if (const PromFamily *power = parsed.family(QStringLiteral("DCGM_FI_DEV_POWER_USAGE"))) {
        double total = 0;
        int counted = 0;
        for (const PromSample &s : power->samples) {
            if (!usable(s.value))
                continue;
            total += s.value;
            ++counted;
            gpus.insert(gpuKey(s));
        }
        if (counted)
            out.powerWatts = total;
    }
    out.gpus = int(gpus.size());
    return out;
}

GpuMetricsSource::GpuMetricsSource(QUrl url, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_timeoutMs(timeoutMs)
{
}

GpuMetricsSource::~GpuMetricsSource()
{
    if (m_inFlight) {
        m_inFlight->disconnect(this);
        m_inFlight->abort();
    }
}

void GpuMetricsSource::read(Done done)
{
    if (!configured()) {
        QTimer::singleShot(0, this, [done = std::move(done)] {
            done(Error::unavailable(QStringLiteral("gpu_metrics_not_configured"),
                                    QStringLiteral("No GPU metrics endpoint is configured.")));
        });
        return;
    }
    QNetworkRequest request(m_url);
    request.setTransferTimeout(m_timeoutMs);
    // Exporters answer the text format to this; a Prometheus server would otherwise pick protobuf.
    request.setRawHeader("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1");
    QNetworkReply *reply = m_network.get(request);
    m_inFlight = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            done(Error::unavailable(QStringLiteral("gpu_metrics_unreachable"),
                                    QStringLiteral("The GPU metrics endpoint %1 answered %2: %3")
                                        .arg(m_url.toDisplayString())
                                        .arg(status)
                                        .arg(reply->errorString())));
            return;
        }
        const PromParseResult parsed = parsePrometheusText(reply->readAll());
        GpuMetrics metrics = summariseDcgm(parsed);
        metrics.readAtMs = QDateTime::currentMSecsSinceEpoch();
        if (metrics.gpus == 0 && !parsed.errors.isEmpty()) {
            done(Error::unavailable(QStringLiteral("gpu_metrics_unreadable"),
                                    QStringLiteral("The GPU metrics endpoint %1 served no DCGM figures (%2).")
                                        .arg(m_url.toDisplayString(), parsed.errors.constFirst())));
            return;
        }
        done(metrics);
    });
}

} // namespace NeoCloud
