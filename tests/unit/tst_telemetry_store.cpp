// Telemetry storage: a batch is one transaction, every sample lands in its hour's rollup exactly
// once, raw samples go after a day and rollups after a year, and a series for fitting is read
// from the rollups in bins of whole hours.

#include "store/Database.h"
#include "store/TelemetryRepository.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace NeoCloud;

namespace {

constexpr qint64 minute = 60LL * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
const qint64 midnight = 1767225600000; // 2026-01-01T00:00:00Z

} // namespace

class TestTelemetryStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TelemetryRepository> m_repo;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_repo.reset();
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("t.db")));
        auto db = Database::open({m_dir.filePath(QStringLiteral("t.db"))});
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        m_db = std::move(db).value();
        m_repo = std::make_unique<TelemetryRepository>(*m_db);
    }

    void rollsEachSampleIntoItsHour()
    {
        QList<TelemetrySample> batch;
        // 10:00-11:59 every 5 minutes: 1, 2, ... 24; plus another scope and series alongside.
        for (int i = 0; i < 24; ++i) {
            batch.append({QStringLiteral("storage.used_bytes"), {}, midnight + 10 * hour + i * 5 * minute, double(i + 1)});
            batch.append({QStringLiteral("tenant.used_bytes"), QStringLiteral("tnt-a"), midnight + 10 * hour + i * 5 * minute, 7});
        }
        const auto stored = m_repo->write(batch);
        QVERIFY(stored);
        QCOMPARE(*stored, 48);

        const auto hours = m_repo->hourly(QStringLiteral("storage.used_bytes"), {}, 0);
        QVERIFY(hours);
        QCOMPARE(hours->size(), 2);
        QCOMPARE(hours->at(0).hourMs, midnight + 10 * hour);
        QCOMPARE(hours->at(0).samples, 12);
        QCOMPARE(hours->at(0).mean, 6.5);
        QCOMPARE(hours->at(0).min, 1.0);
        QCOMPARE(hours->at(0).max, 12.0);
        QCOMPARE(hours->at(0).last, 12.0);
        QCOMPARE(hours->at(1).mean, 18.5);
        QCOMPARE(m_repo->hourly(QStringLiteral("tenant.used_bytes"), QStringLiteral("tnt-a"), 0)->size(), 2);
        QCOMPARE(m_repo->hourly(QStringLiteral("tenant.used_bytes"), QStringLiteral("tnt-b"), 0)->size(), 0);
    }

    void aRepeatedSampleIsStoredOnce()
    {
        const TelemetrySample s{QStringLiteral("gpu.total"), {}, midnight, 8};
        QCOMPARE(*m_repo->write({s, s}), 1);
        QCOMPARE(*m_repo->write({s}), 0);
        const auto hours = m_repo->hourly(QStringLiteral("gpu.total"), {}, 0);
        QCOMPARE(hours->first().samples, 1);
        QCOMPARE(m_repo->raw(QStringLiteral("gpu.total"), {}, 0)->size(), 1);
    }

    void outOfOrderSamplesKeepTheNewestAsLast()
    {
        QVERIFY(m_repo->write({{QStringLiteral("x"), {}, midnight + 30 * minute, 3}}));
        QVERIFY(m_repo->write({{QStringLiteral("x"), {}, midnight + 10 * minute, 1}}));
        const auto hours = m_repo->hourly(QStringLiteral("x"), {}, 0);
        QCOMPARE(hours->first().last, 3.0);
        QCOMPARE(hours->first().min, 1.0);
    }

    void aFailedBatchLeavesNothing()
    {
        // The second sample breaks a constraint (NaN is skipped, so force one with SQL): the
        // whole batch rolls back, raw and hourly alike.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON telemetry_samples "
                                      "WHEN NEW.series = 'poison' BEGIN SELECT RAISE(ABORT, 'refused'); END")));
        const auto stored = m_repo->write({{QStringLiteral("ok"), {}, midnight, 1}, {QStringLiteral("poison"), {}, midnight, 2}});
        QVERIFY(!stored);
        QCOMPARE(m_repo->counts()->raw, 0);
        QCOMPARE(m_repo->counts()->hourly, 0);
    }

    void prunesRawAfterADayAndHoursAfterAYear()
    {
        const qint64 now = midnight + 400 * day;
        QList<TelemetrySample> batch;
        for (qint64 t : {now - 370 * day, now - 300 * day, now - 2 * day, now - 23 * hour, now - minute})
            batch.append({QStringLiteral("storage.used_bytes"), {}, t, 1});
        QCOMPARE(*m_repo->write(batch), 5);
        const auto deleted = m_repo->prune(now);
        QVERIFY(deleted);
        QCOMPARE(*deleted, 3 + 1); // three raw samples older than a day, one hour older than a year
        QCOMPARE(m_repo->counts()->raw, 2);
        QCOMPARE(m_repo->counts()->hourly, 4);
    }

    void binnedSeriesComesFromTheRollupsAndSurvivesPruning()
    {
        // Three days of a sample every 10 minutes, then the raw ones older than a day pruned:
        // the fit reads the same history either way.
        const qint64 now = midnight + 3 * day;
        QList<TelemetrySample> batch;
        for (qint64 t = midnight; t < now; t += 10 * minute)
            batch.append({QStringLiteral("storage.used_bytes"), {}, t, double(t - midnight) / double(hour)});
        QCOMPARE(*m_repo->write(batch), 3 * 24 * 6);
        const auto before = m_repo->binned(QStringLiteral("storage.used_bytes"), {}, 0, 200);
        QVERIFY(m_repo->prune(now));
        const auto points = m_repo->binned(QStringLiteral("storage.used_bytes"), {}, 0, 200);
        QVERIFY(points && before);
        QCOMPARE(points->size(), before->size());

        // 72 hours fit in 200 points: one per hour, at the samples' mean time, their mean value.
        QCOMPARE(points->size(), 72);
        QCOMPARE(points->first().timeMs, midnight + 25 * minute);
        QCOMPARE(points->first().value, 25.0 / 60.0);
        QCOMPARE(points->first().count, 6);
        QCOMPARE(points->last().timeMs, midnight + 71 * hour + 25 * minute);

        // Fewer points than hours: whole-hour bins (here 4 hours each), every sample counted once.
        const auto coarse = m_repo->binned(QStringLiteral("storage.used_bytes"), {}, 0, 20);
        QVERIFY(coarse);
        QCOMPARE(coarse->size(), 18);
        int samples = 0;
        for (const SeriesPoint &p : *coarse)
            samples += p.count;
        QCOMPARE(samples, 3 * 24 * 6);
        QCOMPARE(coarse->first().timeMs, midnight + 2 * hour - 5 * minute);

        // A window starting later, and another scope, see only their own.
        QCOMPARE(m_repo->binned(QStringLiteral("storage.used_bytes"), {}, now - day, 200)->size(), 24);
        QVERIFY(m_repo->binned(QStringLiteral("storage.used_bytes"), QStringLiteral("tnt-x"), 0, 200)->isEmpty());
    }

    void theCurrentHourIsPartOfTheSeries()
    {
        // Two samples five minutes into an hour: the point sits between them, not at mid-hour.
        QVERIFY(m_repo->write({{QStringLiteral("x"), {}, midnight + 2 * minute, 10}, {QStringLiteral("x"), {}, midnight + 6 * minute, 20}}));
        const auto points = m_repo->binned(QStringLiteral("x"), {}, 0, 200);
        QCOMPARE(points->size(), 1);
        QCOMPARE(points->first().timeMs, midnight + 4 * minute);
        QCOMPARE(points->first().value, 15.0);
        QCOMPARE(points->first().count, 2);
    }
};

QTEST_GUILESS_MAIN(TestTelemetryStore)
#include "tst_telemetry_store.moc"
