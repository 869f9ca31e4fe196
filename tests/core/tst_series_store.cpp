#include "core/store/series_store.h"

#include <QSignalSpy>
#include <QTest>

using namespace mlwatch;

namespace {
const QString kKey = QStringLiteral("AWS/SageMaker|Invocations|EndpointName=ep|Sum");

SeriesData series(const QVector<qint64> &t, const QVector<double> &v) {
    return SeriesData{kKey, t, v};
}
} // namespace

// SeriesStore::merge(): the incremental refresh's fold of a fetched tail into what is stored.
class TestSeriesStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void merge_data() {
        QTest::addColumn<QVector<qint64>>("storedT");
        QTest::addColumn<QVector<double>>("storedV");
        QTest::addColumn<QVector<qint64>>("newT");
        QTest::addColumn<QVector<double>>("newV");
        QTest::addColumn<qint64>("keepFrom");
        QTest::addColumn<QVector<qint64>>("expectedT");
        QTest::addColumn<QVector<double>>("expectedV");
        const qint64 none = std::numeric_limits<qint64>::min();
        QTest::newRow("newer points are appended")
            << QVector<qint64>{1, 2, 3} << QVector<double>{1, 2, 3} << QVector<qint64>{4, 5}
            << QVector<double>{4, 5} << none << QVector<qint64>{1, 2, 3, 4, 5}
            << QVector<double>{1, 2, 3, 4, 5};
        QTest::newRow("the partial last bucket is replaced, not duplicated")
            << QVector<qint64>{1, 2, 3} << QVector<double>{1, 2, 3} << QVector<qint64>{3, 4}
            << QVector<double>{30, 4} << none << QVector<qint64>{1, 2, 3, 4} << QVector<double>{1, 2, 30, 4};
        QTest::newRow("a bucket missing from the new tail is dropped (gap stays a gap)")
            << QVector<qint64>{1, 2, 3, 4} << QVector<double>{1, 2, 3, 4} << QVector<qint64>{2, 4}
            << QVector<double>{20, 40} << none << QVector<qint64>{1, 2, 4} << QVector<double>{1, 20, 40};
        QTest::newRow("points older than the window are dropped")
            << QVector<qint64>{1, 2, 3} << QVector<double>{1, 2, 3} << QVector<qint64>{4}
            << QVector<double>{4} << qint64(3) << QVector<qint64>{3, 4} << QVector<double>{3, 4};
        QTest::newRow("an empty tail keeps what is stored, trimmed")
            << QVector<qint64>{1, 2, 3} << QVector<double>{1, 2, 3} << QVector<qint64>{} << QVector<double>{}
            << qint64(2) << QVector<qint64>{2, 3} << QVector<double>{2, 3};
        QTest::newRow("stored points newer than the tail are kept")
            << QVector<qint64>{1, 5} << QVector<double>{1, 5} << QVector<qint64>{2, 3}
            << QVector<double>{2, 3} << none << QVector<qint64>{1, 2, 3, 5} << QVector<double>{1, 2, 3, 5};
        QTest::newRow("an unknown series is stored as given")
            << QVector<qint64>{} << QVector<double>{} << QVector<qint64>{7, 8} << QVector<double>{7, 8}
            << qint64(8) << QVector<qint64>{8} << QVector<double>{8};
    }
    void merge() {
        QFETCH(QVector<qint64>, storedT);
        QFETCH(QVector<double>, storedV);
        QFETCH(QVector<qint64>, newT);
        QFETCH(QVector<double>, newV);
        QFETCH(qint64, keepFrom);
        QFETCH(QVector<qint64>, expectedT);
        QFETCH(QVector<double>, expectedV);
        SeriesStore store;
        if (!storedT.isEmpty())
            store.replace(series(storedT, storedV));
        QSignalSpy changed(&store, &SeriesStore::seriesChanged);
        store.merge(series(newT, newV), keepFrom);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toString(), kKey);
        const SeriesData merged = store.series(kKey);
        QCOMPARE(merged.timestampsMs, expectedT);
        QCOMPARE(merged.values, expectedV);
        // Kept without growth slack: 16 bytes a point (store.bytes_per_point).
        QCOMPARE(merged.timestampsMs.capacity(), merged.timestampsMs.size());
        QCOMPARE(merged.values.capacity(), merged.values.size());
    }

    void mergeLeavesSnapshotsHandedOutBeforeAlone() {
        SeriesStore store;
        store.replace(series({1, 2}, {1, 2}));
        const SeriesData before = store.series(kKey);
        store.merge(series({2, 3}, {20, 3}));
        QCOMPARE(before.values, (QVector<double>{1, 2}));
        QCOMPARE(store.series(kKey).values, (QVector<double>{1, 20, 3}));
    }

    void mergeOfAThousandRefreshesStaysAtSixteenBytesAPoint() {
        SeriesStore store;
        QVector<qint64> t;
        QVector<double> v;
        for (qint64 i = 0; i < 1440; ++i) {
            t.append(i * 60'000);
            v.append(double(i));
        }
        store.replace(series(t, v));
        for (qint64 r = 1; r <= 1000; ++r) {
            const qint64 end = (1440 + r) * 60'000;
            store.merge(series({end - 120'000, end - 60'000}, {1, 2}), end - 1440 * 60'000);
        }
        const SeriesData held = store.series(kKey);
        QCOMPARE(held.size(), 1440);
        const double bytesPerPoint =
            double(held.timestampsMs.capacity() * sizeof(qint64) + held.values.capacity() * sizeof(double)) /
            double(held.size());
        QCOMPARE(bytesPerPoint, 16.0);
    }
};

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "tst_series_store.moc"
