// The Prometheus text format both ways: parsing real exporter output (node_exporter's end-to-end
// fixture; DCGM exporter's names, types and help from its default counter list), summing DCGM's
// utilisation and power the way the sampler stores them, and writing text that parses back.

#include "telemetry/GpuMetricsSource.h"
#include "telemetry/PrometheusText.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace NeoCloud;

namespace {

const QString fixtures = QStringLiteral(NEOCLOUD_SOURCE_DIR "/tests/fixtures/prom/");

QByteArray read(const QString &name)
{
    QFile file(fixtures + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

const PromSample *find(const PromFamily *family, const QList<QPair<QString, QString>> &labels)
{
    if (!family)
        return nullptr;
    for (const PromSample &s : family->samples) {
        bool all = true;
        for (const auto &[k, v] : labels)
            all = all && s.label(k) == v;
        if (all)
            return &s;
    }
    return nullptr;
}

// The exposition dcgm-exporter serves for the counters in its CSV: "# HELP", "# TYPE", and a
// sample per GPU, labelled the way dcgm-exporter labels them (CSV rows of type "label" become
// labels, not metrics).
QByteArray exposition(const QByteArray &csv, int gpus, const std::function<double(const QString &, int)> &value)
{
    QByteArray out;
    for (const QByteArray &raw : csv.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.split(',');
        const QByteArray name = fields.value(0).trimmed();
        const QByteArray type = fields.value(1).trimmed();
        const QByteArray help = line.mid(line.indexOf(',', line.indexOf(',') + 1) + 1).trimmed();
        if (type == "label")
            continue; // added as a label to every sample, not served as a metric of its own
        out += "# HELP " + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
        for (int g = 0; g < gpus; ++g)
            out += name + "{gpu=\"" + QByteArray::number(g) + "\",UUID=\"GPU-0000000" + QByteArray::number(g)
                 + "\",device=\"nvidia" + QByteArray::number(g) + "\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"gpu-01\"} "
                 + QByteArray::number(value(QString::fromLatin1(name), g), 'f', 6) + '\n';
    }
    return out;
}

} // namespace

class TestPrometheusText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesNodeExporterOutput()
    {
        const QByteArray text = read(QStringLiteral("node_exporter-e2e-output.txt"));
        const PromParseResult parsed = parsePrometheusText(text);
        QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
        int samples = 0;
        for (const PromFamily &f : parsed.families)
            samples += int(f.samples.size());
        // Every line that is neither blank nor a comment is one sample.
        int expected = 0;
        for (const QByteArray &line : text.split('\n'))
            if (!line.trimmed().isEmpty() && !line.startsWith('#'))
                ++expected;
        QCOMPARE(samples, expected);

        const PromFamily *arp = parsed.family(QStringLiteral("node_arp_entries"));
        QVERIFY(arp);
        QCOMPARE(arp->type, QStringLiteral("gauge"));
        QCOMPARE(arp->help, QStringLiteral("ARP entries by device"));
        QCOMPARE(find(arp, {{QStringLiteral("device"), QStringLiteral("eth0")}})->value, 3.0);

        // A summary keeps its quantiles, _sum and _count together.
        const PromFamily *gc = parsed.family(QStringLiteral("go_gc_duration_seconds"));
        QVERIFY(gc);
        QCOMPARE(gc->type, QStringLiteral("summary"));

        // Exponents and label values with punctuation.
        const PromFamily *dirty = parsed.family(QStringLiteral("node_bcache_dirty_target_bytes"));
        QVERIFY(dirty);
        QCOMPARE(dirty->samples.first().value, 2.189426688e+10);
        QCOMPARE(dirty->samples.first().label(QStringLiteral("uuid")), QStringLiteral("deaddd54-c735-46d5-868e-f331c5fd7c74"));
    }

    void parsesDcgmExporterCountersAndSumsThem()
    {
        const QByteArray csv = read(QStringLiteral("dcgm-exporter-default-counters.csv"));
        const QByteArray text = exposition(csv, 8, [](const QString &name, int gpu) {
            if (name == QLatin1String("DCGM_FI_DEV_GPU_UTIL"))
                return 10.0 * gpu; // 0..70, mean 35
            if (name == QLatin1String("DCGM_FI_DEV_POWER_USAGE"))
                return 100.5 + gpu; // sum 832
            return 1.0;
        });
        const PromParseResult parsed = parsePrometheusText(text);
        QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
        const PromFamily *util = parsed.family(QStringLiteral("DCGM_FI_DEV_GPU_UTIL"));
        QVERIFY(util);
        QCOMPARE(util->help, QStringLiteral("GPU utilization (in %)."));
        QCOMPARE(util->samples.size(), 8);
        QCOMPARE(parsed.family(QStringLiteral("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION"))->type, QStringLiteral("counter"));
        // "DCGM_FI_DEV_DEC_UTIL ," in the CSV: the exporter trims the name, and so do we.
        QVERIFY(parsed.family(QStringLiteral("DCGM_FI_DEV_DEC_UTIL")));

        const GpuMetrics m = summariseDcgm(parsed);
        QCOMPARE(m.gpus, 8);
        QCOMPARE(*m.utilizationPercent, 35.0);
        QCOMPARE(*m.powerWatts, 832.0);
    }

    void dcgmQuirks()
    {
        // Spaces after commas, "%f" numbers and DCGM's blank sentinel, as dcgm-exporter 2.x served them.
        const PromParseResult parsed = parsePrometheusText(read(QStringLiteral("dcgm-exporter-shape-sample.txt")));
        QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
        const PromFamily *power = parsed.family(QStringLiteral("DCGM_FI_DEV_POWER_USAGE"));
        QVERIFY(power);
        QCOMPARE(power->samples.size(), 4);
        QCOMPARE(power->samples.first().label(QStringLiteral("UUID")), QStringLiteral("GPU-11111111-2222-3333-4444-555555555501"));
        QCOMPARE(power->samples.first().value, 612.25);
        QCOMPARE(parsed.family(QStringLiteral("DCGM_FI_DEV_MEMORY_TEMP"))->samples.first().value, 9223372036854775794.0);

        const GpuMetrics m = summariseDcgm(parsed);
        QCOMPARE(m.gpus, 4);
        QCOMPARE(*m.utilizationPercent, 49.0);
        QCOMPARE(*m.powerWatts, 1340.0);
    }

    void blankSentinelsAndOutOfRangeUtilisationAreLeftOut()
    {
        const PromParseResult parsed = parsePrometheusText(
            "DCGM_FI_DEV_GPU_UTIL{gpu=\"0\",Hostname=\"a\"} 50\n"
            "DCGM_FI_DEV_GPU_UTIL{gpu=\"1\",Hostname=\"a\"} 9223372036854775794\n"
            "DCGM_FI_DEV_GPU_UTIL{gpu=\"0\",Hostname=\"b\"} 140\n"
            "DCGM_FI_DEV_POWER_USAGE{gpu=\"0\",Hostname=\"a\"} 300\n"
            "DCGM_FI_DEV_POWER_USAGE{gpu=\"0\",Hostname=\"b\"} NaN\n");
        QVERIFY(parsed.errors.isEmpty());
        const GpuMetrics m = summariseDcgm(parsed);
        QCOMPARE(m.gpus, 1); // a/0 only: the others reported nothing usable
        QCOMPARE(*m.utilizationPercent, 50.0);
        QCOMPARE(*m.powerWatts, 300.0);

        const GpuMetrics none = summariseDcgm(parsePrometheusText("node_load1 0.5\n"));
        QCOMPARE(none.gpus, 0);
        QVERIFY(!none.utilizationPercent && !none.powerWatts);
    }

    void badLinesAreReportedAndSkipped_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("why");
        QTest::newRow("no value") << QByteArray("foo{a=\"1\"}") << QStringLiteral("no valid value");
        QTest::newRow("unquoted label") << QByteArray("foo{a=1} 2") << QStringLiteral("must be quoted");
        QTest::newRow("unclosed label") << QByteArray("foo{a=\"1} 2") << QStringLiteral("not closed");
        QTest::newRow("trailing text") << QByteArray("foo 1 2 3") << QStringLiteral("trailing text");
        QTest::newRow("bad type") << QByteArray("# TYPE foo meter") << QStringLiteral("unknown type");
        QTest::newRow("digit first") << QByteArray("1foo 2") << QStringLiteral("must start with a metric name");
    }

    void badLinesAreReportedAndSkipped()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, why);
        const PromParseResult parsed = parsePrometheusText("good 1\n" + line + "\nalso_good{x=\"y\"} 2 1700000000000\n");
        QCOMPARE(parsed.errors.size(), 1);
        QVERIFY2(parsed.errors.first().startsWith(QLatin1String("line 2: ")) && parsed.errors.first().contains(why),
                 qPrintable(parsed.errors.first()));
        QCOMPARE(parsed.family(QStringLiteral("good"))->samples.first().value, 1.0);
        const PromSample &timed = parsed.family(QStringLiteral("also_good"))->samples.first();
        QCOMPARE(*timed.timestampMs, 1700000000000LL);
    }

    void writerEscapesAndParsesBack()
    {
        PromWriter w;
        w.family(QLatin1String("neocloud_test_bytes"), QLatin1String("gauge"), QStringLiteral("Help with a \\ and a\nnewline."));
        w.sample(QLatin1String("neocloud_test_bytes"), 1.5e12, {{QLatin1String("tenant"), QStringLiteral("say \"hi\"\\\n")}});
        w.sample(QLatin1String("neocloud_test_bytes"), qint64(42));
        w.sample(QLatin1String("neocloud_test_bytes"), std::nan(""));
        QCOMPARE(w.bytes(),
                 QByteArray("# HELP neocloud_test_bytes Help with a \\\\ and a\\nnewline.\n"
                            "# TYPE neocloud_test_bytes gauge\n"
                            "neocloud_test_bytes{tenant=\"say \\\"hi\\\"\\\\\\n\"} 1500000000000\n"
                            "neocloud_test_bytes 42\n"
                            "neocloud_test_bytes NaN\n"));
        const PromParseResult parsed = parsePrometheusText(w.bytes());
        QVERIFY(parsed.errors.isEmpty());
        const PromFamily *f = parsed.family(QStringLiteral("neocloud_test_bytes"));
        QCOMPARE(f->help, QStringLiteral("Help with a \\ and a\nnewline."));
        QCOMPARE(f->samples.first().label(QStringLiteral("tenant")), QStringLiteral("say \"hi\"\\\n"));
        QCOMPARE(f->samples.at(1).value, 42.0);
        QVERIFY(std::isnan(f->samples.at(2).value));
    }

    void numbers()
    {
        QCOMPARE(promNumber(0), QByteArray("0"));
        QCOMPARE(promNumber(-3), QByteArray("-3"));
        QCOMPARE(promNumber(0.25), QByteArray("0.25"));
        QCOMPARE(promNumber(1e300), QByteArray("1e+300"));
        QCOMPARE(promNumber(0.0025), QByteArray("0.0025"));
        QCOMPARE(promNumber(0.1 + 0.2), QByteArray("0.30000000000000004")); // exact, not rounded
        QCOMPARE(promNumber(INFINITY), QByteArray("+Inf"));
        QCOMPARE(promNumber(-INFINITY), QByteArray("-Inf"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusText)
#include "tst_prometheus_text.moc"
