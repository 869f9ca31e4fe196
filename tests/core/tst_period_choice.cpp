#include "core/fetch/period_choice.h"

#include <QTest>

using namespace mlwatch;

class TestPeriodChoice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void periodKeepsPointsBelowTheCapAndWithinCloudWatchRetention_data() {
        QTest::addColumn<qint64>("windowHours");
        QTest::addColumn<qint64>("ageOfStartHours");
        QTest::addColumn<int>("expected");
        QTest::newRow("last hour: 1 minute") << qint64(1) << qint64(1) << 60;
        QTest::newRow("last 24 h: 1 minute (1440 points)") << qint64(24) << qint64(24) << 60;
        QTest::newRow("last 7 days: 15 minutes (2016 at 5 min is over the cap)")
            << qint64(168) << qint64(168) << 900;
        QTest::newRow("last 30 days: 1 hour") << qint64(720) << qint64(720) << 3600;
        QTest::newRow("1 h that started 20 days ago: 5 minutes, else no data")
            << qint64(1) << qint64(480) << 300;
        QTest::newRow("1 h that started 90 days ago: 1 hour, else no data")
            << qint64(1) << qint64(2160) << 3600;
    }
    void periodKeepsPointsBelowTheCapAndWithinCloudWatchRetention() {
        QFETCH(qint64, windowHours);
        QFETCH(qint64, ageOfStartHours);
        QFETCH(int, expected);
        const qint64 now = 1'800'000'000'000LL;
        const qint64 start = now - ageOfStartHours * 3'600'000;
        const TimeRange range{start, start + windowHours * 3'600'000};
        QCOMPARE(choosePeriodSeconds(range, now), expected);
    }
};

QTEST_GUILESS_MAIN(TestPeriodChoice)
#include "tst_period_choice.moc"
