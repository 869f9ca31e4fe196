#include "core/fetch/fetch_cost.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/model/compare_offset.h"
#include "core/store/series_store.h"
#include "support/fake_provider.h"
#include "support/manual_clock.h"

#include <QSignalSpy>
#include <QTest>

using namespace mlwatch;
using mlwatch::test::FakeProvider;
using mlwatch::test::ManualClock;

namespace {
MetricQuery query(const QString &metric, int period = 60) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = metric;
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("ep")}};
    q.stat = QStringLiteral("Sum");
    q.periodSeconds = period;
    return q;
}

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kDayS = 24 * 3600;

// Answers request `index` with the given points for every query it asked for.
void answer(FakeProvider &provider, qsizetype index, const QVector<qint64> &timestamps,
            const QVector<double> &values, QList<Error> errors = {}) {
    FakeProvider::Request &r = provider.requests[index];
    FetchReport report;
    for (const MetricQuery &q : r.queries)
        report.series.append(SeriesData{q.seriesKey(), timestamps, values});
    report.errors = std::move(errors);
    std::exchange(r.done, nullptr)(std::move(report));
}

// One point a minute over [startMs, endMs), value = 1.
void answerEveryMinute(FakeProvider &provider, qsizetype index) {
    const TimeRange range = provider.requests[index].range;
    QVector<qint64> t;
    QVector<double> v;
    for (qint64 ms = range.startMs; ms < range.endMs; ms += kMinuteMs) {
        t.append(ms);
        v.append(1.0);
    }
    answer(provider, index, t, v);
}

QStringList metricNames(const QList<MetricQuery> &queries) {
    QStringList names;
    for (const MetricQuery &q : queries)
        names.append(q.metricName);
    return names;
}
} // namespace

class TestFetchScheduler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstTickFetchesEverythingInOneProviderCall() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setQueries({query(QStringLiteral("Invocations")), query(QStringLiteral("ModelLatency"))});
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 1);
        QCOMPARE(provider.requests[0].queries.size(), 2);
    }

    void tickWhileBusyDoesNotFetchAgain() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setQueries({query(QStringLiteral("Invocations"))});
        scheduler.tick();
        clock.advanceSeconds(3600);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 1);
        QVERIFY(scheduler.isBusy());
    }

    void refreshBecomesDueOnlyAfterTheInterval_data() {
        QTest::addColumn<int>("advanceSeconds");
        QTest::addColumn<int>("expectedRequests");
        QTest::newRow("just before the interval: nothing") << 299 << 1;
        QTest::newRow("at the interval: fetch again") << 300 << 2;
        QTest::newRow("long after: one fetch, not a backlog") << 3600 << 2;
    }
    void refreshBecomesDueOnlyAfterTheInterval() {
        QFETCH(int, advanceSeconds);
        QFETCH(int, expectedRequests);
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setRefreshIntervalSeconds(300);
        scheduler.setQueries({query(QStringLiteral("Invocations"))});
        scheduler.tick();
        provider.answerNext();
        clock.advanceSeconds(advanceSeconds);
        scheduler.tick();
        scheduler.tick();
        QCOMPARE(provider.requests.size(), expectedRequests);
    }

    void answerLandsInTheStoreAndIsAnnounced() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        const MetricQuery q = query(QStringLiteral("Invocations"));
        scheduler.setQueries({q});
        QSignalSpy changed(&store, &SeriesStore::seriesChanged);
        QSignalSpy finished(&scheduler, &FetchScheduler::fetchFinished);
        scheduler.tick();
        clock.advanceSeconds(2);
        provider.answerNext();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toString(), q.seriesKey());
        QCOMPARE(store.series(q.seriesKey()).size(), 1);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(scheduler.lastRefreshUtc(), clock.nowUtc());
        QVERIFY(!scheduler.isBusy());
    }

    void errorsAreReportedAndDataThatArrivedIsKept() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        const MetricQuery q = query(QStringLiteral("Invocations"));
        scheduler.setQueries({q});
        QSignalSpy finished(&scheduler, &FetchScheduler::fetchFinished);
        scheduler.tick();
        provider.answerNext({Error{ErrorCode::Throttled, QStringLiteral("throttled"), {}}});
        QCOMPARE(finished.size(), 1);
        const auto errors = finished[0][1].value<QList<Error>>();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].code, ErrorCode::Throttled);
        QVERIFY(store.contains(q.seriesKey()));
    }

    void windowChangeWhileBusyCancelsAndRefetchesTheNewWindow() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setQueries({query(QStringLiteral("Invocations"))});
        QSignalSpy finished(&scheduler, &FetchScheduler::fetchFinished);
        scheduler.tick();
        scheduler.setWindowSeconds(7 * 24 * 3600);
        QCOMPARE(provider.cancelCount, 1);
        QCOMPARE(provider.requests.size(), 2);
        QCOMPARE(provider.requests[1].range.durationMs(), 7LL * 24 * 3600 * 1000);
        QCOMPARE(finished.size(), 0); // the cancelled answer is not reported as a refresh
        provider.answerNext();
        QCOMPARE(finished.size(), 1);
    }

    void windowEndsOnAWholeMinuteAndPeriodFollowsTheWindow_data() {
        QTest::addColumn<qint64>("windowSeconds");
        QTest::addColumn<int>("expectedPeriod");
        QTest::newRow("1 hour: 1-minute points") << qint64(3600) << 60;
        QTest::newRow("24 hours: 1-minute points") << qint64(86400) << 60;
        QTest::newRow("7 days: 15-minute points") << qint64(7 * 86400) << 900;
        QTest::newRow("30 days: hourly points") << qint64(30 * 86400) << 3600;
    }
    void windowEndsOnAWholeMinuteAndPeriodFollowsTheWindow() {
        QFETCH(qint64, windowSeconds);
        QFETCH(int, expectedPeriod);
        ManualClock clock(QDateTime(QDate(2026, 11, 20), QTime(12, 0, 42), Qt::UTC));
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setWindowSeconds(windowSeconds);
        scheduler.setQueries(
            {query(QStringLiteral("Invocations")), query(QStringLiteral("BucketSizeBytes"), 86400)});
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 1);
        const auto &request = provider.requests[0];
        QCOMPARE(request.range.endMs % 60000, 0);
        QVERIFY(request.range.endMs <= clock.nowMs());
        QCOMPARE(request.range.durationMs(), windowSeconds * 1000);
        QCOMPARE(request.queries[0].periodSeconds, expectedPeriod);
        QCOMPARE(request.queries[1].periodSeconds, 86400); // a daily metric keeps its floor
        QCOMPARE(scheduler.currentPeriodSeconds(), expectedPeriod);
    }

    // --- incremental refreshes (performance.md §4.2) -----------------------------------------

    void secondRefreshAsksOnlyForTheNewestBuckets_data() {
        QTest::addColumn<qint64>("windowSeconds");
        QTest::addColumn<int>("period");
        QTest::newRow("24 hours at 1 minute: from the last minute fetched") << kDayS << 60;
        QTest::newRow("1 hour at 1 minute") << qint64(3600) << 60;
        QTest::newRow("7 days at 15 minutes: from the last 15-minute bucket") << 7 * kDayS << 900;
    }
    void secondRefreshAsksOnlyForTheNewestBuckets() {
        QFETCH(qint64, windowSeconds);
        QFETCH(int, period);
        ManualClock clock(QDateTime(QDate(2026, 11, 20), QTime(12, 7, 42), Qt::UTC));
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setWindowSeconds(windowSeconds);
        scheduler.setQueries({query(QStringLiteral("Invocations")), query(QStringLiteral("ModelLatency"))});
        scheduler.tick();
        provider.answerNext();
        const TimeRange first = provider.requests[0].range;
        clock.advanceSeconds(300);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 2);
        const FakeProvider::Request &second = provider.requests[1];
        QCOMPARE(second.queries.size(), 2); // still one call for every series
        const qint64 periodMs = qint64(period) * 1000;
        const qint64 lastBucket = (first.endMs - periodMs) / periodMs * periodMs;
        QCOMPARE(second.range.startMs, lastBucket);
        QCOMPARE(second.range.endMs, first.endMs + 300'000);
        QVERIFY(second.range.durationMs() <= 300'000 + 2 * periodMs);
        // The charts still show the whole window.
        QCOMPARE(scheduler.currentRange().durationMs(), windowSeconds * 1000);
        QCOMPARE(scheduler.currentRange().endMs, second.range.endMs);
    }

    void mergeReplacesThePartialLastBucketAndDropsWhatLeftTheWindow() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setWindowSeconds(3600);
        const MetricQuery q = query(QStringLiteral("Invocations"));
        scheduler.setQueries({q});
        scheduler.tick();
        answerEveryMinute(provider, 0); // 60 points, the last one (end − 1 min) still partial
        const TimeRange first = provider.requests[0].range;
        QCOMPARE(store.series(q.seriesKey()).size(), 60);

        clock.advanceSeconds(120);
        scheduler.refreshNow(); // F5 before the interval: incremental too
        QCOMPARE(provider.requests.size(), 2);
        const qint64 partial = first.endMs - kMinuteMs;
        QCOMPARE(provider.requests[1].range.startMs, partial);
        // The cloud now has the complete last bucket and two new ones.
        answer(provider, 1, {partial, partial + kMinuteMs, partial + 2 * kMinuteMs}, {9.0, 2.0, 3.0});

        const SeriesData stored = store.series(q.seriesKey());
        QCOMPARE(stored.timestampsMs.first(), first.startMs + 2 * kMinuteMs); // slid out: dropped
        QCOMPARE(stored.timestampsMs.last(), partial + 2 * kMinuteMs);
        QCOMPARE(stored.size(), 60);
        QVERIFY(std::is_sorted(stored.timestampsMs.cbegin(), stored.timestampsMs.cend()));
        const qsizetype at = stored.timestampsMs.indexOf(partial);
        QCOMPARE(stored.values.at(at), 9.0); // replaced, not duplicated
        QCOMPARE(stored.timestampsMs.count(partial), 1);
    }

    void newQueryIsFetchedAloneAndInFull() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setQueries({query(QStringLiteral("Invocations"))});
        scheduler.tick();
        provider.answerNext();
        clock.advanceSeconds(60);
        scheduler.setQueries({query(QStringLiteral("Invocations")), query(QStringLiteral("ModelLatency"))});
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 2);
        QCOMPARE(metricNames(provider.requests[1].queries), QStringList{QStringLiteral("ModelLatency")});
        QCOMPARE(provider.requests[1].range.durationMs(), kDayS * 1000);
        provider.answerNext();
        scheduler.tick(); // nothing new, nothing due
        QCOMPARE(provider.requests.size(), 2);
    }

    void queryAddedDuringAPassIsFetchedWhenItEnds() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setQueries({query(QStringLiteral("Invocations"))});
        scheduler.tick();
        scheduler.setQueries({query(QStringLiteral("Invocations")), query(QStringLiteral("ModelLatency"))});
        scheduler.tick(); // busy: nothing yet
        QCOMPARE(provider.requests.size(), 1);
        provider.answerNext();
        QCOMPARE(provider.requests.size(), 2);
        QCOMPARE(metricNames(provider.requests[1].queries), QStringList{QStringLiteral("ModelLatency")});
    }

    void dailyMetricIsRefreshedOncePerDayNotInACallOfItsOwnEachTime() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setQueries(
            {query(QStringLiteral("Invocations")), query(QStringLiteral("BucketSizeBytes"), 86400)});
        scheduler.tick();
        provider.answerNext();
        clock.advanceSeconds(300);
        scheduler.tick();
        // The refresh: one call, the minute metric only (the daily one would need a range, so a
        // call, of its own).
        QCOMPARE(provider.requests.size(), 2);
        QCOMPARE(metricNames(provider.requests[1].queries), QStringList{QStringLiteral("Invocations")});
        provider.answerNext();
        clock.advanceSeconds(kDayS);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 3); // a day later the daily one is asked again
        QVERIFY(metricNames(provider.requests[2].queries).contains(QStringLiteral("BucketSizeBytes")));
    }

    void windowChangeFetchesEverythingInFull() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setQueries({query(QStringLiteral("Invocations")), query(QStringLiteral("ModelLatency"))});
        scheduler.tick();
        provider.answerNext();
        clock.advanceSeconds(30);
        scheduler.setWindowSeconds(6 * 3600);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 2);
        QCOMPARE(provider.requests[1].queries.size(), 2);
        QCOMPARE(provider.requests[1].range.durationMs(), 6 * 3600 * 1000LL);
        provider.answerNext();
        // Back to 24 hours: the old window's data is not trusted as loaded any more.
        scheduler.setWindowSeconds(kDayS);
        scheduler.tick();
        QCOMPARE(provider.requests[2].range.durationMs(), kDayS * 1000);
    }

    void seriesThatFailedIsAskedAgainFromItsOwnEnd() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setWindowSeconds(3600);
        scheduler.setQueries({query(QStringLiteral("Invocations"))});
        scheduler.tick();
        provider.answerNext();
        const TimeRange first = provider.requests[0].range;
        clock.advanceSeconds(300);
        scheduler.tick();
        // The refresh failed: the provider leaves the series out of the report.
        std::exchange(provider.requests[1].done, nullptr)(
            FetchReport{{}, {Error{ErrorCode::Throttled, QStringLiteral("throttled"), {}}}});
        clock.advanceSeconds(300);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 3);
        QCOMPARE(provider.requests[2].range.startMs, first.endMs - kMinuteMs); // fills the gap
    }

    void incrementalOffFetchesTheWholeWindowEveryTime() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setIncremental(false);
        scheduler.setQueries({query(QStringLiteral("Invocations"))});
        scheduler.tick();
        provider.answerNext();
        clock.advanceSeconds(300);
        scheduler.tick();
        QCOMPARE(provider.requests[1].range.durationMs(), kDayS * 1000);
    }

    void autoRefreshOffFetchesOnlyWhenAsked() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setRefreshIntervalSeconds(0);
        QVERIFY(!scheduler.autoRefreshes());
        scheduler.setQueries({query(QStringLiteral("Invocations"))});
        scheduler.tick();
        provider.answerNext();
        clock.advanceSeconds(10 * 3600);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 1);
        scheduler.refreshNow();
        QCOMPARE(provider.requests.size(), 2);
    }

    void absoluteRangeIsFetchedOnceInFullAndNotRefreshed() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        const qint64 end = clock.nowMs() - 3 * kDayS * 1000;
        const TimeRange range{end - 6 * 3600 * 1000, end};
        scheduler.setAbsoluteRange(range);
        QVERIFY(scheduler.isAbsolute());
        QVERIFY(!scheduler.autoRefreshes());
        scheduler.setQueries({query(QStringLiteral("Invocations"))});
        scheduler.tick();
        QCOMPARE(provider.requests[0].range, range);
        provider.answerNext();
        QCOMPARE(scheduler.currentRange(), range);
        clock.advanceSeconds(3600);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 1);
        scheduler.refreshNow(); // asked for: the whole range again
        QCOMPARE(provider.requests[1].range, range);
        provider.answerNext();
        scheduler.setWindowSeconds(3600); // back to "the last hour"
        QVERIFY(!scheduler.isAbsolute());
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 3);
        QCOMPARE(provider.requests[2].range.durationMs(), 3600 * 1000LL);
    }

    // --- progress and cancel ------------------------------------------------------------------

    void progressCountsSeriesAsEachCallAnswers() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        MetricQuery other = query(QStringLiteral("CPUUtilization"));
        other.account = QStringLiteral("azure-1"); // another account: its own call
        scheduler.setQueries(
            {query(QStringLiteral("Invocations")), query(QStringLiteral("ModelLatency")), other});
        QSignalSpy progress(&scheduler, &FetchScheduler::progressChanged);
        QSignalSpy points(&scheduler, &FetchScheduler::datapointsReceivedChanged);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 2);
        QCOMPARE(progress.size(), 1);
        QCOMPARE(progress[0][0].toInt(), 0);
        QCOMPARE(progress[0][1].toInt(), 3);
        provider.answerNext();
        QCOMPARE(progress.last()[0].toInt(), 2);
        QVERIFY(scheduler.isBusy());
        provider.answerNext();
        QCOMPARE(progress.last()[0].toInt(), 3);
        QCOMPARE(scheduler.seriesArrived(), scheduler.seriesPlanned());
        QVERIFY(!scheduler.isBusy());
        QCOMPARE(scheduler.datapointsReceived(), quint64(3)); // one point per series
        QCOMPARE(points.last()[0].value<quint64>(), quint64(3));
    }

    void cancelKeepsWhatArrivedAndSaysCancelled() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        MetricQuery other = query(QStringLiteral("CPUUtilization"));
        other.account = QStringLiteral("azure-1");
        const MetricQuery q = query(QStringLiteral("Invocations"));
        scheduler.setQueries({q, other});
        scheduler.tick();
        provider.answerNext(); // the first account answered
        QSignalSpy cancelled(&scheduler, &FetchScheduler::fetchCancelled);
        QSignalSpy finished(&scheduler, &FetchScheduler::fetchFinished);
        scheduler.cancel();
        QCOMPARE(provider.cancelCount, 1);
        QVERIFY(!scheduler.isBusy());
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(finished.size(), 1);
        const auto errors = finished[0][1].value<QList<Error>>();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].code, ErrorCode::Cancelled);
        QCOMPARE(errors[0].message, QStringLiteral("Cancelled"));
        QVERIFY(store.contains(q.seriesKey()));
        QVERIFY(!store.contains(other.seriesKey()));
        // The person said stop: the next tick does not start it again…
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 2);
        // …a refresh does, and the cancelled series is loaded in full.
        scheduler.refreshNow();
        QCOMPARE(provider.requests.size(), 4);
        QCOMPARE(provider.requests[3].queries.first().account, other.account);
        QCOMPARE(provider.requests[3].range.durationMs(), kDayS * 1000);
        scheduler.cancel();
        scheduler.cancel(); // idle: nothing happens
        QCOMPARE(cancelled.size(), 2);
    }

    // --- compare with previous period ---------------------------------------------------------

    void compareFetchesEachQueryOverTheEarlierWindow_data() {
        QTest::addColumn<qint64>("offsetSeconds");
        QTest::newRow("1 day earlier") << kDayS;
        QTest::newRow("1 week earlier") << 7 * kDayS;
    }
    void compareFetchesEachQueryOverTheEarlierWindow() {
        QFETCH(qint64, offsetSeconds);
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setCompareOffsetSeconds(offsetSeconds);
        const MetricQuery q = query(QStringLiteral("Invocations"));
        scheduler.setQueries({q});
        QCOMPARE(scheduler.metricsPerRefresh(), 2);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 2);
        const TimeRange window = provider.requests[0].range;
        const TimeRange earlier = provider.requests[1].range;
        QCOMPARE(earlier.startMs, window.startMs - offsetSeconds * 1000);
        QCOMPARE(earlier.endMs, window.endMs - offsetSeconds * 1000);
        provider.answerNext();
        provider.answerNext();
        const QString key = CompareOffset::seriesKey(q.seriesKey(), offsetSeconds);
        QCOMPARE(key, q.seriesKey() + QStringLiteral("@-%1s").arg(offsetSeconds));
        QVERIFY(store.contains(key));
        QCOMPARE(store.series(key).timestampsMs.first(), earlier.startMs); // stored unshifted
        QCOMPARE(store.series(q.seriesKey()).timestampsMs.first(), window.startMs);

        // Refreshes are incremental for the earlier copy too.
        clock.advanceSeconds(300);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 4);
        QCOMPARE(provider.requests[3].range.endMs, provider.requests[2].range.endMs - offsetSeconds * 1000);
        QVERIFY(provider.requests[3].range.durationMs() < 3600 * 1000);
    }

    void turningCompareOnFetchesOnlyTheEarlierCopies() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setQueries({query(QStringLiteral("Invocations")), query(QStringLiteral("ModelLatency"))});
        scheduler.tick();
        provider.answerNext();
        scheduler.setCompareOffsetSeconds(7 * kDayS);
        scheduler.tick();
        QCOMPARE(provider.requests.size(), 2);
        QCOMPARE(provider.requests[1].queries.size(), 2);
        QCOMPARE(provider.requests[1].range.endMs, provider.requests[0].range.endMs - 7 * kDayS * 1000);
    }

    void autoRefreshCostPerHour_data() {
        QTest::addColumn<int>("metrics");
        QTest::addColumn<int>("intervalSeconds");
        QTest::addColumn<double>("usdPerHour");
        // performance.md §4.2: 1 000 series every minute ≈ $432 per 30 days = $0.60 per hour.
        QTest::newRow("1000 metrics every minute") << 1000 << 60 << 0.6;
        QTest::newRow("100 metrics every 5 minutes") << 100 << 300 << 0.012;
        QTest::newRow("auto-refresh off costs nothing") << 1000 << 0 << 0.0;
    }
    void autoRefreshCostPerHour() {
        QFETCH(int, metrics);
        QFETCH(int, intervalSeconds);
        QFETCH(double, usdPerHour);
        QVERIFY(qAbs(cloudWatchUsdPerHour(metrics, intervalSeconds) - usdPerHour) < 1e-9);
    }

    void noQueriesNoFetch() {
        ManualClock clock;
        FakeProvider provider;
        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.tick();
        QVERIFY(provider.requests.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFetchScheduler)
#include "tst_fetch_scheduler.moc"
