// RED derivation: request rate from per-period sums, error percentage with gaps where there is
// nothing to divide by, and recomputation in the SeriesStore when an input changes.
#include "core/store/derived_series.h"
#include "core/store/series_store.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace mlwatch;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kT0 = 1'780'000'000'000; // a minute boundary in 2026

// A series from "minute offset → value" pairs.
SeriesData series(const QList<std::pair<int, double>> &points, const QString &key = QString()) {
    SeriesData s;
    s.seriesKey = key;
    for (const auto &[minute, value] : points) {
        s.timestampsMs.append(kT0 + minute * kMinute);
        s.values.append(value);
    }
    return s;
}

using Points = QList<std::pair<int, double>>;

MetricQuery query(const char *metric) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = QLatin1String(metric);
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn")},
                    {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
    q.stat = QStringLiteral("Sum");
    q.periodSeconds = 60;
    return q;
}

Points pointsOf(const SeriesData &s) {
    Points out;
    for (qsizetype i = 0; i < s.size(); ++i)
        out.append({int((s.timestampsMs.at(i) - kT0) / kMinute), s.values.at(i)});
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Points)
Q_DECLARE_METATYPE(QList<Points>)

class TestDerivedSeries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ratePerSecond_data();
    void ratePerSecond();
    void errorPercent_data();
    void errorPercent();
    void errorInputNotLoadedIsAGap();
    void derivedKeysAreDistinct();
    void fetchQueriesAreTheInputs();
    void recomputesWhenAnInputChanges();
    void rateUsesThePeriodTheDataWasFetchedWith();
    void waitsForItsFirstInput();
};

void TestDerivedSeries::ratePerSecond_data() {
    QTest::addColumn<Points>("sums");
    QTest::addColumn<int>("period");
    QTest::addColumn<Points>("expected");
    QTest::newRow("per-minute sums divided by 60 s")
        << Points{{0, 120}, {1, 30}} << 60 << Points{{0, 2}, {1, 0.5}};
    QTest::newRow("five-minute sums divided by 300 s")
        << Points{{0, 600}, {5, 3}} << 300 << Points{{0, 2}, {5, 0.01}};
    QTest::newRow("a published zero stays zero") << Points{{0, 0}, {1, 60}} << 60 << Points{{0, 0}, {1, 1}};
    QTest::newRow("a missing period stays a gap, not zero")
        << Points{{0, 60}, {3, 120}} << 60 << Points{{0, 1}, {3, 2}};
    QTest::newRow("no data: no points") << Points{} << 60 << Points{};
    QTest::newRow("no period: nothing (never divides by zero)") << Points{{0, 60}} << 0 << Points{};
}

void TestDerivedSeries::ratePerSecond() {
    QFETCH(Points, sums);
    QFETCH(int, period);
    QFETCH(Points, expected);
    const SeriesData out = DerivedSeries::ratePerSecond(series(sums), period);
    QCOMPARE(out.timestampsMs.size(), out.values.size());
    QCOMPARE(pointsOf(out), expected);
}

void TestDerivedSeries::errorPercent_data() {
    QTest::addColumn<Points>("requests");
    QTest::addColumn<QList<Points>>("errors");
    QTest::addColumn<Points>("expected");
    QTest::newRow("errors over requests, in percent")
        << Points{{0, 200}, {1, 50}} << QList<Points>{{{0, 2}, {1, 5}}} << Points{{0, 1}, {1, 10}};
    QTest::newRow("zero-request period is a gap, not a division by zero")
        << Points{{0, 100}, {1, 0}, {2, 100}} << QList<Points>{{{0, 1}, {1, 0}, {2, 3}}}
        << Points{{0, 1}, {2, 3}};
    QTest::newRow("zero requests with errors reported is still a gap")
        << Points{{0, 0}} << QList<Points>{{{0, 4}}} << Points{};
    QTest::newRow("missing requests is a gap even when errors have a point")
        << Points{{0, 100}, {2, 100}} << QList<Points>{{{0, 1}, {1, 7}, {2, 2}}} << Points{{0, 1}, {2, 2}};
    QTest::newRow("no error point next to requests counts as no errors (clouds omit zero counts)")
        << Points{{0, 100}, {1, 100}} << QList<Points>{{{1, 5}}} << Points{{0, 0}, {1, 5}};
    QTest::newRow("several error inputs are summed (4XX + 5XX)")
        << Points{{0, 100}} << QList<Points>{{{0, 3}}, {{0, 2}}} << Points{{0, 5}};
    QTest::newRow("an error input without data that minute adds nothing")
        << Points{{0, 100}, {1, 100}} << QList<Points>{{{0, 3}, {1, 1}}, {{1, 1}}} << Points{{0, 3}, {1, 2}};
    QTest::newRow("empty requests: empty result") << Points{} << QList<Points>{{{0, 3}}} << Points{};
}

void TestDerivedSeries::errorPercent() {
    QFETCH(Points, requests);
    QFETCH(QList<Points>, errors);
    QFETCH(Points, expected);
    QList<SeriesData> errorSeries;
    for (const Points &e : errors)
        errorSeries.append(series(e));
    QList<const SeriesData *> pointers;
    for (const SeriesData &e : errorSeries)
        pointers.append(&e);
    const SeriesData out = DerivedSeries::errorPercent(series(requests), pointers);
    QCOMPARE(pointsOf(out), expected);
    for (double v : out.values)
        QVERIFY(std::isfinite(v));
}

void TestDerivedSeries::errorInputNotLoadedIsAGap() {
    // A failed or not yet answered fetch of the errors must not read as 0 % errors.
    const SeriesData out = DerivedSeries::errorPercent(series({{0, 100}, {1, 100}}), {nullptr});
    QCOMPARE(out.size(), 0);
}

void TestDerivedSeries::derivedKeysAreDistinct() {
    const MetricQuery inv = query("Invocations");
    const ChartSeriesSpec rate = DerivedSeries::rate(inv, QStringLiteral("Requests"));
    const ChartSeriesSpec all = DerivedSeries::errorPercent(
        inv, {query("Invocation4XXErrors"), query("Invocation5XXErrors")}, QStringLiteral("All"));
    const ChartSeriesSpec server =
        DerivedSeries::errorPercent(inv, {query("Invocation5XXErrors")}, QString());
    const QSet<QString> keys{inv.seriesKey(), rate.query.seriesKey(), all.query.seriesKey(),
                             server.query.seriesKey(), query("Invocation5XXErrors").seriesKey()};
    QCOMPARE(keys.size(), 5);
    QCOMPARE(rate.query.metricName, QStringLiteral("rate(Invocations)"));
    QCOMPARE(server.query.metricName, QStringLiteral("errorPercent(Invocation5XXErrors/Invocations)"));
    QCOMPARE(rate.query.dimensions, inv.dimensions);
    QCOMPARE(rate.query.periodSeconds, 60);

    // Azure: the 4xx and 5xx shares differ only by the errors' filter.
    MetricQuery requests = inv;
    requests.metricName = QStringLiteral("RequestsPerMinute");
    MetricQuery e5 = requests;
    e5.dimensions.append({QStringLiteral("statusCodeClass"), QStringLiteral("5xx")});
    MetricQuery e4 = requests;
    e4.dimensions.append({QStringLiteral("statusCodeClass"), QStringLiteral("4xx")});
    QVERIFY(DerivedSeries::errorPercent(requests, {e5}, {}).query.seriesKey() !=
            DerivedSeries::errorPercent(requests, {e4}, {}).query.seriesKey());
}

void TestDerivedSeries::fetchQueriesAreTheInputs() {
    const MetricQuery inv = query("Invocations");
    const ChartSeriesSpec server =
        DerivedSeries::errorPercent(inv, {query("Invocation5XXErrors")}, QString());
    QCOMPARE(DerivedSeries::fetchQueries(server), (QList<MetricQuery>{inv, query("Invocation5XXErrors")}));
    const ChartSeriesSpec plain{.query = inv, .legend = QString()};
    QCOMPARE(DerivedSeries::fetchQueries(plain), QList<MetricQuery>{inv});
}

void TestDerivedSeries::recomputesWhenAnInputChanges() {
    SeriesStore store;
    DerivedSeries derived(store);
    const MetricQuery inv = query("Invocations");
    const MetricQuery err = query("Invocation5XXErrors");
    const ChartSeriesSpec rate = DerivedSeries::rate(inv, QString());
    const ChartSeriesSpec percent = DerivedSeries::errorPercent(inv, {err}, QString());
    derived.setSeries({rate, percent, ChartSeriesSpec{.query = err, .legend = QString()}});
    QSignalSpy changed(&store, &SeriesStore::seriesChanged);

    store.replace(series({{0, 120}, {1, 60}}, inv.seriesKey()));
    QCOMPARE(pointsOf(store.series(rate.query.seriesKey())), (Points{{0, 2}, {1, 1}}));
    // The errors have not arrived: the percentage is a gap, not 0 %.
    QVERIFY(store.contains(percent.query.seriesKey()));
    QCOMPARE(store.series(percent.query.seriesKey()).size(), 0);

    store.replace(series({{0, 6}, {1, 0}}, err.seriesKey()));
    QCOMPARE(pointsOf(store.series(percent.query.seriesKey())), (Points{{0, 5}, {1, 0}}));

    // A refresh with a zero-request minute: the rate reads 0, the percentage has a gap.
    store.replace(series({{0, 120}, {1, 0}}, inv.seriesKey()));
    QCOMPARE(pointsOf(store.series(rate.query.seriesKey())), (Points{{0, 2}, {1, 0}}));
    QCOMPARE(pointsOf(store.series(percent.query.seriesKey())), (Points{{0, 5}}));

    // Charts and alerts hear about the derived keys like any other.
    QStringList keys;
    for (const QList<QVariant> &args : std::as_const(changed))
        keys.append(args.at(0).toString());
    QVERIFY(keys.contains(rate.query.seriesKey()));
    QVERIFY(keys.contains(percent.query.seriesKey()));

    // A series no longer listed is not recomputed.
    derived.setSeries({});
    store.replace(series({{0, 600}}, inv.seriesKey()));
    QCOMPARE(pointsOf(store.series(rate.query.seriesKey())), (Points{{0, 2}, {1, 0}}));
}

void TestDerivedSeries::rateUsesThePeriodTheDataWasFetchedWith() {
    SeriesStore store;
    DerivedSeries derived(store);
    int fetchedPeriod = 300; // the scheduler widened the period for a long window
    derived.setPeriodSource(
        [&fetchedPeriod](const MetricQuery &q) { return std::max(fetchedPeriod, q.periodSeconds); });
    const MetricQuery inv = query("Invocations");
    const ChartSeriesSpec rate = DerivedSeries::rate(inv, QString());
    derived.setSeries({rate});
    store.replace(series({{0, 600}}, inv.seriesKey()));
    QCOMPARE(pointsOf(store.series(rate.query.seriesKey())), (Points{{0, 2}}));
}

void TestDerivedSeries::waitsForItsFirstInput() {
    SeriesStore store;
    DerivedSeries derived(store);
    const MetricQuery inv = query("Invocations");
    QSignalSpy changed(&store, &SeriesStore::seriesChanged);
    derived.setSeries({DerivedSeries::rate(inv, QString())});
    // Nothing loaded yet: no empty series that would make a chart look "loaded, no data".
    QCOMPARE(changed.count(), 0);
    QVERIFY(!store.contains(DerivedSeries::rate(inv, QString()).query.seriesKey()));
}

QTEST_GUILESS_MAIN(TestDerivedSeries)
#include "tst_derived_series.moc"
