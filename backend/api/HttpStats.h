#pragma once
// Counts of the REST API's answers by method and status, and a histogram of how long they took
// to build, for /metrics. Bounded by design: no paths or ids, so a scan of every device cannot
// grow it.

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <array>

namespace NeoCloud {

class HttpStats
{
public:
    // Upper bounds of the duration histogram, in seconds (+Inf is implicit).
    static constexpr std::array<double, 12> bounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

    void record(const QString &method, int status, double seconds)
    {
        ++m_requests[qMakePair(method, status)];
        for (size_t i = 0; i < bounds.size(); ++i)
            if (seconds <= bounds[i])
                ++m_buckets[i]; // cumulative, as Prometheus histograms are
        ++m_count;
        m_sum += seconds;
    }

    const QHash<QPair<QString, int>, quint64> &requests() const { return m_requests; }
    const std::array<quint64, bounds.size()> &buckets() const { return m_buckets; }
    quint64 count() const { return m_count; }
    double sum() const { return m_sum; }

private:
    QHash<QPair<QString, int>, quint64> m_requests;
    std::array<quint64, bounds.size()> m_buckets{};
    quint64 m_count = 0;
    double m_sum = 0;
};

} // namespace NeoCloud
