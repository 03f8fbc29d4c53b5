// The runway estimator on synthetic histories whose answer is known: steady growth, growth with
// noise and with outliers, flat and shrinking use, and histories too thin to say anything.
// Never an invented number: every null comes with the reason.

#include "capacity/RunwayEstimator.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace NeoCloud;

namespace {

constexpr qint64 hour = 3600LL * 1000;
constexpr qint64 day = 24 * hour;
constexpr double tb = 1e12;
const qint64 now = 1767225600000; // 2026-01-01T00:00:00Z

// `days` of samples every `step`, ending at `now`: start + perDay * t + noise(t).
QList<SeriesPoint> series(double days, qint64 step, double start, double perDay,
                          const std::function<double(int)> &noise = {})
{
    QList<SeriesPoint> points;
    const qint64 first = now - qint64(days * double(day));
    int i = 0;
    for (qint64 t = first; t <= now; t += step, ++i)
        points.append({t, start + perDay * double(t - first) / double(day) + (noise ? noise(i) : 0.0)});
    return points;
}

} // namespace

class TestRunway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void steadyGrowthGivesTheExactRunway()
    {
        // 2 TB a day on a 100 TB system, 40 TB used now: 30 days left.
        const auto e = estimateRunway(series(10, hour, 20 * tb, 2 * tb), 100 * tb, now);
        QVERIFY2(e.runwayDays, qPrintable(e.reason));
        QCOMPARE(qRound(*e.runwayDays * 10), 300);
        QVERIFY(e.reason.isEmpty());
        QCOMPARE(qRound64(*e.growthPerDay / 1e9), qint64(2000));
        QVERIFY(*e.growthLowPerDay <= *e.growthPerDay && *e.growthPerDay <= *e.growthHighPerDay);
        QCOMPARE(qRound64(*e.levelNow / 1e9), qint64(40000));
        QCOMPARE(e.samples, 241);
        QCOMPARE(e.spanHours, 240.0);
    }

    void noiseDoesNotMoveItFar()
    {
        // +/- 1 TB of noise on 2 TB/day: the fit stays within a few percent.
        QRandomGenerator rng(42);
        const auto e = estimateRunway(series(14, hour, 20 * tb, 2 * tb, [&](int) { return (rng.generateDouble() - 0.5) * 2 * tb; }),
                                      150 * tb, now);
        QVERIFY2(e.runwayDays, qPrintable(e.reason));
        // Truth: 48 TB used now, 102 TB free, 51 days.
        QVERIFY2(std::abs(*e.runwayDays - 51.0) < 2.0, qPrintable(QString::number(*e.runwayDays)));
    }

    void outliersAreIgnored()
    {
        // One sample in ten reads 80 TB too high (a mis-read), and a burst of zeros (a provider
        // answering with an empty cluster): least squares would be dragged, the median is not.
        auto points = series(10, hour, 20 * tb, 2 * tb, [](int i) { return i % 10 == 3 ? 80 * tb : 0.0; });
        for (int i = 100; i < 110; ++i)
            points[i].value = 0;
        const auto e = estimateRunway(points, 100 * tb, now);
        QVERIFY2(e.runwayDays, qPrintable(e.reason));
        QVERIFY2(std::abs(*e.runwayDays - 30.0) < 1.0, qPrintable(QString::number(*e.runwayDays)));
    }

    void flatUseHasNoRunway()
    {
        const auto exact = estimateRunway(series(7, hour, 50 * tb, 0), 100 * tb, now);
        QVERIFY(!exact.runwayDays);
        QCOMPARE(exact.reason, QStringLiteral("use is not growing"));

        // Noise around a flat line: whatever tiny slope the median finds is not significant.
        QRandomGenerator rng(7);
        const auto noisy = estimateRunway(series(7, hour, 50 * tb, 0, [&](int) { return (rng.generateDouble() - 0.5) * tb; }),
                                          100 * tb, now);
        QVERIFY2(!noisy.runwayDays, qPrintable(QString::number(noisy.runwayDays.value_or(-1))));
        QVERIFY2(noisy.reason.startsWith(QLatin1String("no significant growth")) || noisy.reason.startsWith(QLatin1String("use is")),
                 qPrintable(noisy.reason));
    }

    void shrinkingUseHasNoRunway()
    {
        const auto e = estimateRunway(series(7, hour, 80 * tb, -1 * tb), 100 * tb, now);
        QVERIFY(!e.runwayDays);
        QVERIFY2(e.reason.startsWith(QLatin1String("use is shrinking")), qPrintable(e.reason));
        QVERIFY(*e.growthPerDay < 0);
    }

    void tooFewSamplesOrTooShortASpan_data()
    {
        QTest::addColumn<double>("days");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QString>("reason");
        QTest::newRow("none") << 0.0 << hour << QStringLiteral("not enough data (1 samples over 0.0 hours");
        QTest::newRow("5 samples over 4 days") << 4.0 << day << QStringLiteral("not enough data (5 samples over 96.0 hours");
        QTest::newRow("many samples over 2 hours") << 2.0 / 24 << qint64(60000)
                                                   << QStringLiteral("not enough data (121 samples over 2.0 hours");
    }

    void tooFewSamplesOrTooShortASpan()
    {
        QFETCH(double, days);
        QFETCH(qint64, step);
        QFETCH(QString, reason);
        const auto e = estimateRunway(series(days, step, 20 * tb, 5 * tb), 100 * tb, now);
        QVERIFY(!e.runwayDays);
        QVERIFY2(e.reason.startsWith(reason), qPrintable(e.reason));
        QVERIFY(!e.growthPerDay); // no fit at all, not a fit nobody should read
    }

    void emptyHistorySaysSo()
    {
        const auto e = estimateRunway({}, 100 * tb, now);
        QVERIFY(!e.runwayDays);
        QVERIFY(e.reason.startsWith(QLatin1String("not enough data (0 samples over 0.0 hours")));
    }

    void historyOutsideTheWindowIsNotUsed()
    {
        // 60 days of growth, then 20 days flat: a 14-day window sees only the flat part.
        auto points = series(80, hour, 0, 1 * tb);
        for (SeriesPoint &p : points)
            if (p.timeMs > now - 20 * day)
                p.value = 60 * tb;
        RunwayConfig config;
        config.windowMs = 14 * day;
        const auto e = estimateRunway(points, 100 * tb, now, config);
        QVERIFY(!e.runwayDays);
        QCOMPARE(e.reason, QStringLiteral("use is not growing"));
        QCOMPARE(e.samples, 14 * 24 + 1);
    }

    void alreadyFullIsZeroDays()
    {
        const auto e = estimateRunway(series(5, hour, 95 * tb, 2 * tb), 100 * tb, now);
        QVERIFY(e.runwayDays);
        QCOMPARE(*e.runwayDays, 0.0);
    }

    void noCapacityMeansNoRunway()
    {
        const auto e = estimateRunway(series(5, hour, 1 * tb, 1 * tb), 0, now);
        QVERIFY(!e.runwayDays);
        QCOMPARE(e.reason, QStringLiteral("no capacity to fill"));
        QVERIFY(e.growthPerDay); // the growth itself is still known
    }

    void denseHistoryIsBinned()
    {
        // A month of one-minute samples (43,201 points) costs no more than 120 bins and agrees
        // with the hourly answer.
        const auto dense = estimateRunway(series(30, 60000, 10 * tb, 1 * tb), 100 * tb, now);
        const auto hourly = estimateRunway(series(30, hour, 10 * tb, 1 * tb), 100 * tb, now);
        QVERIFY(dense.runwayDays && hourly.runwayDays);
        QCOMPARE(dense.samples, 43201);
        QCOMPARE(qRound(*dense.runwayDays), qRound(*hourly.runwayDays));
        QCOMPARE(qRound(*dense.runwayDays), 60);
    }

    void unevenSamplingIsNotBiasedByDenseStretches()
    {
        // Sparse samples over 20 days of 1 TB/day, then a day sampled every minute that sits on
        // the same line: the dense day must not dominate the slope.
        QList<SeriesPoint> points = series(20, 6 * hour, 0, 1 * tb);
        for (qint64 t = now - day + 60000; t < now; t += 60000)
            points.append({t, 20 * tb - double(now - t) / double(day) * tb});
        const auto e = estimateRunway(points, 50 * tb, now);
        QVERIFY2(e.runwayDays, qPrintable(e.reason));
        QVERIFY2(std::abs(*e.runwayDays - 30.0) < 0.5, qPrintable(QString::number(*e.runwayDays)));
    }

    void daysUntilFullNeedsGrowth()
    {
        QCOMPARE(daysUntilFull(100, 40, 2), std::optional<double>(30));
        QCOMPARE(daysUntilFull(100, 120, 2), std::optional<double>(0));
        QVERIFY(!daysUntilFull(100, 40, 0));
        QVERIFY(!daysUntilFull(100, 40, -1));
    }
};

QTEST_GUILESS_MAIN(TestRunway)
#include "tst_runway.moc"
