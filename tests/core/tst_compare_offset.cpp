// Pins how "compare with previous period" series are keyed in the store and lined up for
// drawing (compare_offset.h): the contract between the fetch side and the charts.
#include "core/model/compare_offset.h"
#include "core/model/metric_query.h"

#include <QTest>

using namespace mlwatch;

namespace {
constexpr qint64 kWeek = CompareOffset::kWeekSeconds;
constexpr qint64 kDay = CompareOffset::kDaySeconds;
constexpr qint64 kT0 = 1'763'366'400'000; // 2025-11-17T08:00:00Z
} // namespace

class TestCompareOffset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keyDerivation_data();
    void keyDerivation();
    void parseRoundTrips_data();
    void parseRoundTrips();
    void notAComparisonKey_data();
    void notAComparisonKey();
    void fetchRangeAndDrawShiftLineUp_data();
    void fetchRangeAndDrawShiftLineUp();
    void legendNamesTheOffset_data();
    void legendNamesTheOffset();
};

void TestCompareOffset::keyDerivation_data() {
    QTest::addColumn<QString>("base");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("key");
    QTest::newRow("a week earlier") << "AWS/SageMaker|Invocations|EndpointName=e|Sum" << kWeek
                                    << "AWS/SageMaker|Invocations|EndpointName=e|Sum@-604800s";
    QTest::newRow("a day earlier") << "k" << kDay << "k@-86400s";
    QTest::newRow("offset 0 is the series itself") << "k" << qint64(0) << "k";
    QTest::newRow("a negative offset is off too") << "k" << qint64(-60) << "k";
}

void TestCompareOffset::keyDerivation() {
    QFETCH(QString, base);
    QFETCH(qint64, offset);
    QFETCH(QString, key);
    QCOMPARE(CompareOffset::seriesKey(base, offset), key);
}

void TestCompareOffset::parseRoundTrips_data() {
    QTest::addColumn<QString>("base");
    QTest::addColumn<qint64>("offset");
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = QStringLiteral("ModelLatency");
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn")}};
    QTest::newRow("CloudWatch key, a week") << q.seriesKey() << kWeek;
    q.account = QStringLiteral("acct@example.com"); // an '@' inside the base key stays in it
    q.resource = QStringLiteral("projects/p/locations/us-central1/endpoints/1");
    QTest::newRow("key with an @ inside, a day") << q.seriesKey() << kDay;
    QTest::newRow("odd offset") << QStringLiteral("x") << qint64(5400);
}

void TestCompareOffset::parseRoundTrips() {
    QFETCH(QString, base);
    QFETCH(qint64, offset);
    QString parsedBase;
    qint64 parsedOffset = 0;
    QVERIFY(CompareOffset::parse(CompareOffset::seriesKey(base, offset), &parsedBase, &parsedOffset));
    QCOMPARE(parsedBase, base);
    QCOMPARE(parsedOffset, offset);
}

void TestCompareOffset::notAComparisonKey_data() {
    QTest::addColumn<QString>("key");
    QTest::newRow("plain key") << "AWS/SageMaker|Invocations|EndpointName=e|Sum";
    QTest::newRow("marker without digits") << "k@-s";
    QTest::newRow("digits without the s") << "k@-60";
    QTest::newRow("not a number") << "k@-6x0s";
    QTest::newRow("zero offset") << "k@-0s";
    QTest::newRow("an @ in a resource id") << "acct|user@host|ns|m||Average";
}

void TestCompareOffset::notAComparisonKey() {
    QFETCH(QString, key);
    QVERIFY(!CompareOffset::parse(key));
}

void TestCompareOffset::fetchRangeAndDrawShiftLineUp_data() {
    QTest::addColumn<qint64>("offset");
    QTest::newRow("a week") << kWeek;
    QTest::newRow("a day") << kDay;
}

void TestCompareOffset::fetchRangeAndDrawShiftLineUp() {
    QFETCH(qint64, offset);
    const TimeRange window{kT0, kT0 + 3600'000};
    const TimeRange fetch = CompareOffset::fetchRange(window, offset);
    // The same length, `offset` earlier …
    QCOMPARE(fetch.durationMs(), window.durationMs());
    QCOMPARE(fetch.startMs, window.startMs - offset * 1000);
    // … and a point fetched there is drawn at the same place in the window.
    const qint64 fetchedAt = fetch.startMs + 25 * 60'000;
    QCOMPARE(fetchedAt + CompareOffset::drawShiftMs(offset), window.startMs + 25 * 60'000);
    QCOMPARE(CompareOffset::drawShiftMs(0), qint64(0));
}

void TestCompareOffset::legendNamesTheOffset_data() {
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("legend");
    QTest::newRow("one week") << kWeek << "Model latency (1 week earlier)";
    QTest::newRow("one day") << kDay << "Model latency (1 day earlier)";
    QTest::newRow("two weeks") << 2 * kWeek << "Model latency (2 weeks earlier)";
    QTest::newRow("three hours") << qint64(3 * 3600) << "Model latency (3 hours earlier)";
}

void TestCompareOffset::legendNamesTheOffset() {
    QFETCH(qint64, offset);
    QFETCH(QString, legend);
    QCOMPARE(CompareOffset::legend(QStringLiteral("Model latency"), offset), legend);
}

QTEST_GUILESS_MAIN(TestCompareOffset)
#include "tst_compare_offset.moc"
