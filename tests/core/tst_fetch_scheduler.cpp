#include "core/fetch/fetch_scheduler.h"
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
