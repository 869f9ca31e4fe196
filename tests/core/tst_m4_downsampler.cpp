#include "core/store/m4_downsampler.h"

#include <QMap>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace mlwatch;

namespace {

struct Series {
    QVector<qint64> t;
    QVector<double> v;
};

Series randomWalk(int n, quint32 seed, qint64 stepMs = 1000) {
    Series s;
    QRandomGenerator rng(seed);
    double y = 0;
    for (int i = 0; i < n; ++i) {
        y += rng.generateDouble() - 0.5;
        if (rng.bounded(1000) == 0)
            y += 40 * (rng.generateDouble() - 0.5); // rare spikes, the thing a chart must not lose
        s.t.append(1'700'000'000'000LL + i * stepMs);
        s.v.append(y);
    }
    return s;
}

// Brute-force oracle: first, last, min and max value of every pixel column.
struct ColumnExtent {
    double first = 0, last = 0, min = 1e300, max = -1e300;
    int count = 0;
};

QMap<qint64, ColumnExtent> columnExtents(const QVector<QPointF> &points, qint64 x0, qint64 x1, int width) {
    QMap<qint64, ColumnExtent> columns;
    for (const QPointF &p : points) {
        const qint64 column = qint64(std::floor((p.x() - double(x0)) / double(x1 - x0) * width));
        ColumnExtent &c = columns[column];
        if (c.count++ == 0)
            c.first = p.y();
        c.last = p.y();
        c.min = std::min(c.min, p.y());
        c.max = std::max(c.max, p.y());
    }
    return columns;
}

QVector<QPointF> allPoints(const Series &s) {
    QVector<QPointF> out;
    for (int i = 0; i < s.t.size(); ++i)
        out.append(QPointF(double(s.t[i]), s.v[i]));
    return out;
}

} // namespace

class TestM4Downsampler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void outputIsBoundedByFourPointsPerColumn_data() {
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("width");
        QTest::newRow("1 M points into 1200 px") << 1'000'000 << 1200;
        QTest::newRow("100 k points into 300 px") << 100'000 << 300;
        QTest::newRow("fewer points than pixels keeps every point") << 500 << 1200;
    }
    void outputIsBoundedByFourPointsPerColumn() {
        QFETCH(int, points);
        QFETCH(int, width);
        const Series s = randomWalk(points, 7);
        const auto out =
            m4Downsample(s.t.constData(), s.v.constData(), s.t.size(), s.t.first(), s.t.last() + 1, width);
        QVERIFY(out.size() <= 4 * width + 2);
        if (points < width)
            QCOMPARE(out.size(), points);
        for (int i = 1; i < out.size(); ++i)
            QVERIFY(out[i - 1].x() <= out[i].x());
    }

    void extremesOfEveryColumnSurvive() {
        const Series s = randomWalk(200'000, 11);
        const auto out =
            m4Downsample(s.t.constData(), s.v.constData(), s.t.size(), s.t.first(), s.t.last() + 1, 800);
        const double rawMax = *std::max_element(s.v.cbegin(), s.v.cend());
        const double rawMin = *std::min_element(s.v.cbegin(), s.v.cend());
        double outMax = -1e300, outMin = 1e300;
        for (const QPointF &p : out) {
            outMax = std::max(outMax, p.y());
            outMin = std::min(outMin, p.y());
        }
        QCOMPARE(outMax, rawMax);
        QCOMPARE(outMin, rawMin);
    }

    // M4's exactness: a line chart's pixels in a column depend only on the first, last, lowest and
    // highest point of that column (and the lines into the neighbours), so those must survive.
    void everyColumnKeepsItsFirstLastMinAndMax_data() {
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("width");
        QTest::newRow("300 k points, 640 px") << 300'000 << 640;
        QTest::newRow("50 k points, 1280 px") << 50'000 << 1280;
    }
    void everyColumnKeepsItsFirstLastMinAndMax() {
        QFETCH(int, points);
        QFETCH(int, width);
        const Series s = randomWalk(points, 23);
        const qint64 x0 = s.t.first(), x1 = s.t.last() + 1;
        const auto reduced = m4Downsample(s.t.constData(), s.v.constData(), s.t.size(), x0, x1, width);
        QVERIFY(reduced.size() < points / 10);
        const auto expected = columnExtents(allPoints(s), x0, x1, width);
        const auto actual = columnExtents(reduced, x0, x1, width);
        QCOMPARE(actual.size(), expected.size());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const ColumnExtent &e = it.value();
            const ColumnExtent &a = actual.value(it.key());
            QVERIFY2(a.first == e.first && a.last == e.last && a.min == e.min && a.max == e.max,
                     qPrintable(QStringLiteral("column %1 differs").arg(it.key())));
            QVERIFY(a.count <= 4);
        }
    }

    void zoomedWindowKeepsOneNeighbourOnEachSide() {
        const Series s = randomWalk(10'000, 3);
        const qint64 x0 = s.t[4000], x1 = s.t[5000];
        const auto out = m4Downsample(s.t.constData(), s.v.constData(), s.t.size(), x0 + 500, x1 - 500, 2000);
        QCOMPARE(qint64(out.first().x()), s.t[3999 + 1]); // the last point before x0+500 is t[4000]
        QCOMPARE(qint64(out.last().x()), s.t[5000]);      // the first point after x1-500
    }

    void gapsBecomeNaNBreaks_data() {
        QTest::addColumn<qint64>("gapMs");
        QTest::addColumn<int>("expectedBreaks");
        QTest::newRow("a 10-minute hole in 1-minute data breaks the line") << qint64(150'000) << 1;
        QTest::newRow("gap detection off: no break") << qint64(0) << 0;
        QTest::newRow("threshold wider than the hole: no break") << qint64(900'000) << 0;
    }
    void gapsBecomeNaNBreaks() {
        QFETCH(qint64, gapMs);
        QFETCH(int, expectedBreaks);
        QVector<qint64> t;
        QVector<double> v;
        for (int i = 0; i < 60; ++i) {
            if (i >= 20 && i < 30)
                continue; // ten missing minutes
            t.append(i * 60'000LL);
            v.append(i);
        }
        const auto out = m4Downsample(t.constData(), v.constData(), t.size(), 0, 60 * 60'000LL, 1000, gapMs);
        const int breaks =
            int(std::count_if(out.cbegin(), out.cend(), [](const QPointF &p) { return std::isnan(p.y()); }));
        QCOMPARE(breaks, expectedBreaks);
        if (expectedBreaks) {
            const auto nan =
                std::find_if(out.cbegin(), out.cend(), [](const QPointF &p) { return std::isnan(p.y()); });
            QVERIFY(nan->x() > 19 * 60'000.0 && nan->x() < 30 * 60'000.0);
        }
    }

    void degenerateInputsGiveNothing_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("width");
        QTest::addColumn<qint64>("x0");
        QTest::addColumn<qint64>("x1");
        QTest::newRow("no points") << 0 << 100 << qint64(0) << qint64(10);
        QTest::newRow("zero width") << 5 << 0 << qint64(0) << qint64(10);
        QTest::newRow("empty x range") << 5 << 100 << qint64(10) << qint64(10);
    }
    void degenerateInputsGiveNothing() {
        QFETCH(int, count);
        QFETCH(int, width);
        QFETCH(qint64, x0);
        QFETCH(qint64, x1);
        const qint64 t[5] = {0, 1, 2, 3, 4};
        const double v[5] = {1, 2, 3, 4, 5};
        QVERIFY(m4Downsample(t, v, count, x0, x1, width).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestM4Downsampler)
#include "tst_m4_downsampler.moc"
