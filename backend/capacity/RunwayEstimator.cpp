#include "RunwayEstimator.h"

#include <algorithm>
#include <cmath>

namespace NeoCloud {
namespace {

constexpr double msPerDay = 86400000.0;

double medianOf(QList<double> &values)
{
    const qsizetype mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + mid, values.end());
    const double upper = values.at(mid);
    if (values.size() % 2)
        return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + mid);
    return (lower + upper) / 2;
}

// Equal-width time bins, each the mean of its times and the median of its values; the input is
// sorted by time and longer than `bins`.
QList<SeriesPoint> binned(const QList<SeriesPoint> &points, int bins)
{
    const qint64 first = points.constFirst().timeMs;
    const double width = double(points.constLast().timeMs - first) / bins;
    QList<SeriesPoint> out;
    QList<double> values;
    double timeSum = 0;
    int count = 0;
    int current = -1;
    auto flush = [&] {
        if (values.isEmpty())
            return;
        const qint64 time = qint64(std::llround(timeSum / double(values.size())));
        out.append({time, medianOf(values), count});
        values.clear();
        timeSum = 0;
        count = 0;
    };
    for (const SeriesPoint &p : points) {
        const int bin = width > 0 ? std::min(bins - 1, int(double(p.timeMs - first) / width)) : 0;
        if (bin != current) {
            flush();
            current = bin;
        }
        values.append(p.value);
        timeSum += double(p.timeMs);
        count += p.count;
    }
    flush();
    return out;
}

QString perDay(double value)
{
    return QString::number(value, 'g', 4);
}

} // namespace

std::optional<double> daysUntilFull(double capacity, double level, double perDay)
{
    if (!(perDay > 0))
        return std::nullopt;
    if (level >= capacity)
        return 0.0;
    return (capacity - level) / perDay;
}

RunwayEstimate estimateRunway(QList<SeriesPoint> points, double capacity, qint64 nowMs, const RunwayConfig &config)
{
    RunwayEstimate e;
    const qint64 from = nowMs - config.windowMs;
    points.removeIf([&](const SeriesPoint &p) { return p.timeMs < from || p.timeMs > nowMs || !std::isfinite(p.value); });
    std::sort(points.begin(), points.end(), [](const SeriesPoint &a, const SeriesPoint &b) { return a.timeMs < b.timeMs; });
    for (const SeriesPoint &p : points)
        e.samples += p.count;
    e.spanHours = points.size() > 1 ? double(points.constLast().timeMs - points.constFirst().timeMs) / 3.6e6 : 0.0;
    if (e.samples < config.minSamples || e.spanHours < config.minSpanHours) {
        e.reason = QStringLiteral("not enough data (%1 samples over %2 hours; the fit needs %3 over %4 hours)")
                       .arg(e.samples)
                       .arg(e.spanHours, 0, 'f', 1)
                       .arg(config.minSamples)
                       .arg(config.minSpanHours, 0, 'f', 0);
        return e;
    }

    const QList<SeriesPoint> fit = points.size() > config.maxBins ? binned(points, config.maxBins) : points;
    const qint64 last = fit.constLast().timeMs;
    QList<double> slopes; // per millisecond
    slopes.reserve(fit.size() * (fit.size() - 1) / 2);
    for (qsizetype i = 0; i < fit.size(); ++i)
        for (qsizetype j = i + 1; j < fit.size(); ++j)
            if (fit.at(j).timeMs > fit.at(i).timeMs)
                slopes.append((fit.at(j).value - fit.at(i).value) / double(fit.at(j).timeMs - fit.at(i).timeMs));
    if (slopes.size() < 2) {
        e.reason = QStringLiteral("not enough data (%1 samples at fewer than three distinct times)").arg(e.samples);
        return e;
    }

    // Median slope, then Sen's interval: ranks (N -/+ C)/2 around it, C = z * sqrt(Var S) with
    // Var S = n(n-1)(2n+5)/18 for n points (Gilbert 1987, 16.5). The partition after the median
    // leaves the lower ranks before it and the upper ones after it.
    const qsizetype count = slopes.size();
    const double slope = medianOf(slopes);
    const qsizetype mid = count / 2;
    const double n = double(fit.size());
    const double c = config.z * std::sqrt(n * (n - 1) * (2 * n + 5) / 18.0);
    const qsizetype lowIndex = std::clamp<qsizetype>(qsizetype(std::floor((double(count) - c) / 2)) - 1, 0, count - 1);
    const qsizetype highIndex = std::clamp<qsizetype>(qsizetype(std::ceil((double(count) + c) / 2)), 0, count - 1);
    if (lowIndex < mid)
        std::nth_element(slopes.begin(), slopes.begin() + lowIndex, slopes.begin() + mid);
    if (highIndex > mid)
        std::nth_element(slopes.begin() + mid + 1, slopes.begin() + highIndex, slopes.end());
    const double low = slopes.at(std::min(lowIndex, mid));
    const double high = slopes.at(std::max(highIndex, mid));

    QList<double> offsets; // the level at the newest point, seen from each point
    offsets.reserve(fit.size());
    for (const SeriesPoint &p : fit)
        offsets.append(p.value - slope * double(p.timeMs - last));
    const double levelAtLast = medianOf(offsets);

    e.growthPerDay = slope * msPerDay;
    e.growthLowPerDay = low * msPerDay;
    e.growthHighPerDay = high * msPerDay;
    e.levelNow = levelAtLast + slope * double(nowMs - last);

    if (!(capacity > 0)) {
        e.reason = QStringLiteral("no capacity to fill");
        return e;
    }
    if (*e.levelNow >= capacity) {
        e.runwayDays = 0.0;
        return e;
    }
    if (high < 0) {
        e.reason = QStringLiteral("use is shrinking (%1 per day)").arg(perDay(*e.growthPerDay));
        return e;
    }
    if (!(slope > 0)) {
        e.reason = QStringLiteral("use is not growing");
        return e;
    }
    if (!(low > 0)) {
        e.reason = QStringLiteral("no significant growth (%1 per day, 95 % interval %2 to %3)")
                       .arg(perDay(*e.growthPerDay), perDay(*e.growthLowPerDay), perDay(*e.growthHighPerDay));
        return e;
    }
    e.runwayDays = daysUntilFull(capacity, *e.levelNow, *e.growthPerDay);
    return e;
}

} // namespace NeoCloud
