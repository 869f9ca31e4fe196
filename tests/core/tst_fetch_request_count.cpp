// Request counts against the simulated CloudWatch (DemoCloud: real HTTP on loopback, SigV4
// checked, real paging): a first load and a refresh of N series cost exactly the formula minimum
// of performance.md §4.2, R = max(⌈N/500⌉, ⌈N·P/100 800⌉), P the points per series asked; a
// refresh asks only for the newest buckets. (bench fetch.requests_per_refresh reports the same
// counts against the full-window refresh.)
#include "../support/manual_clock.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/net/http_client.h"
#include "core/providers/aws/cloudwatch_provider.h"
#include "core/store/series_store.h"
#include "demo/demo_cloud.h"

#include <QSignalSpy>
#include <QTest>

using namespace mlwatch;

namespace {

constexpr int kWaitMs = 120'000;
constexpr int kIntervalS = 300;

qint64 minimum(qint64 series, qint64 points) {
    const auto ceilDiv = [](qint64 a, qint64 b) { return (a + b - 1) / b; };
    return std::max(ceilDiv(series, 500), ceilDiv(series * points, 100'800));
}

} // namespace

class TestFetchRequestCount : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstLoadAndRefreshCostTheFormulaMinimum_data() {
        QTest::addColumn<int>("series");
        QTest::addColumn<qint64>("windowSeconds");
        QTest::addColumn<int>("firstLoad");
        QTest::addColumn<int>("refresh");
        QTest::addColumn<int>("fullRefresh");
        QTest::newRow("1000 series × 24 h: 15 calls, then 2") << 1000 << qint64(86400) << 15 << 2 << 15;
        QTest::newRow("1000 series × 7 d (15-min points): 7 calls, then 2")
            << 1000 << qint64(7 * 86400) << 7 << 2 << 7;
        QTest::newRow("100 series × 24 h: 2 calls, then 1") << 100 << qint64(86400) << 2 << 1 << 2;
        QTest::newRow("10 series × 1 h: 1 call, then 1") << 10 << qint64(3600) << 1 << 1 << 1;
    }
    void firstLoadAndRefreshCostTheFormulaMinimum() {
        QFETCH(int, series);
        QFETCH(qint64, windowSeconds);
        QFETCH(int, firstLoad);
        QFETCH(int, refresh);
        QFETCH(int, fullRefresh);

        test::ManualClock clock(QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC));
        demo::DemoCloud cloud;
        // Data up to an hour past the test clock, server clock set back to match it.
        QVERIFY(cloud.start(clock.nowUtc().addSecs(3600)));
        cloud.setClockOffsetSeconds(-3600);
        HttpClient http;
        const aws::AwsResolved resolved = cloud.resolved();
        aws::CloudWatchProvider provider(http, clock, resolved.credentials, resolved.endpoint,
                                         QStringLiteral("Demo"));

        // The demo's metrics times statistics: N distinct series, all with data.
        QList<MetricDescriptor> metrics;
        bool listed = false;
        provider.discover({QStringLiteral("AWS/SageMaker"), QStringLiteral("/aws/sagemaker/Endpoints"),
                           QStringLiteral("/aws/sagemaker/TrainingJobs")},
                          [&](Result<QList<MetricDescriptor>> found) {
                              listed = true;
                              if (found)
                                  metrics = *found;
                          });
        QTRY_VERIFY_WITH_TIMEOUT(listed, kWaitMs);
        QVERIFY(!metrics.isEmpty());
        QList<MetricQuery> queries;
        for (int p = 1; queries.size() < series && p <= 99; ++p)
            for (const MetricDescriptor &m : std::as_const(metrics)) {
                if (queries.size() == series)
                    break;
                MetricQuery q;
                q.namespaceName = m.namespaceName;
                q.metricName = m.metricName;
                q.dimensions = m.dimensions;
                q.stat = QStringLiteral("p%1").arg(p);
                queries.append(q);
            }
        QCOMPARE(queries.size(), series);

        const auto pass = [&](FetchScheduler &scheduler, bool refreshNow) -> qint64 {
            const quint64 before = cloud.requestCount();
            QSignalSpy finished(&scheduler, &FetchScheduler::fetchFinished);
            refreshNow ? scheduler.refreshNow() : scheduler.tick();
            if (finished.isEmpty() && !finished.wait(kWaitMs))
                return -1;
            if (!finished.first().at(1).value<QList<Error>>().isEmpty())
                return -2;
            return qint64(cloud.requestCount() - before);
        };

        SeriesStore store;
        FetchScheduler scheduler(clock, provider, store);
        scheduler.setRefreshIntervalSeconds(kIntervalS);
        scheduler.setWindowSeconds(windowSeconds);
        scheduler.setQueries(queries);
        QCOMPARE(pass(scheduler, false), qint64(firstLoad));
        const int period = scheduler.currentPeriodSeconds();
        QCOMPARE(qint64(firstLoad), minimum(series, windowSeconds / period));

        clock.advanceSeconds(kIntervalS);
        cloud.setClockOffsetSeconds(-3600 + kIntervalS);
        QCOMPARE(pass(scheduler, false), qint64(refresh));
        // The refresh asked from the last bucket of the first load: ≤ interval/period + 2 points.
        QCOMPARE(qint64(refresh), minimum(series, kIntervalS / period + 2));

        // The whole window again costs what the first load cost.
        SeriesStore fullStore;
        FetchScheduler full(clock, provider, fullStore);
        full.setIncremental(false);
        full.setWindowSeconds(windowSeconds);
        full.setQueries(queries);
        QCOMPARE(pass(full, false), qint64(fullRefresh));
        QCOMPARE(pass(full, true), qint64(fullRefresh));
    }
};

QTEST_GUILESS_MAIN(TestFetchRequestCount)
#include "tst_fetch_request_count.moc"
