#pragma once
// How many days until a capacity is full, from the recorded history of its use: a Theil–Sen
// line (the median of all pairwise slopes) over a sliding window, with Sen's confidence
// interval deciding whether the growth is real. It answers "no number, and why" whenever the
// history cannot support one: too few samples, too short a span, no significant growth.

#include <QList>
#include <QString>

#include <optional>

namespace NeoCloud {

struct SeriesPoint
{
    qint64 timeMs = 0;
    double value = 0;
    int count = 1; // the samples this point stands for (a rollup's mean stands for many)
};

struct RunwayConfig
{
    qint64 windowMs = 30LL * 24 * 3600 * 1000; // history older than this is not fitted
    int minSamples = 12;
    double minSpanHours = 24;
    // The fit runs on at most this many equal-width time bins (median value each), so ten
    // thousand raw samples cost the same as a month of hourly ones and dense stretches of
    // history do not outvote sparse ones. 120 bins over 30 days: one per 6 hours.
    int maxBins = 120;
    double z = 1.96; // two-sided 95 % for the slope's interval
};

struct RunwayEstimate
{
    std::optional<double> runwayDays; // null whenever the history cannot support a number
    QString reason;                   // why runwayDays is null; empty when it is set
    int samples = 0;                  // samples inside the window (the points' counts)
    double spanHours = 0;             // from the oldest to the newest of them
    std::optional<double> growthPerDay;     // the fitted slope, units per day
    std::optional<double> growthLowPerDay;  // its 95 % interval
    std::optional<double> growthHighPerDay;
    std::optional<double> levelNow; // the fitted use at `now`
};

// `points` in any order; `capacity` in the same unit as the values; `nowMs` ends the window.
RunwayEstimate estimateRunway(QList<SeriesPoint> points, double capacity, qint64 nowMs,
                              const RunwayConfig &config = {});

// Days until `capacity` is reached from `level`, growing `perDay`; null unless perDay > 0.
std::optional<double> daysUntilFull(double capacity, double level, double perDay);

} // namespace NeoCloud
