// The charts' exactness claim, checked in pixels: a series M4-reduced to W columns and drawn by
// SeriesPolylineItem at W device pixels (antialiasing off) gives exactly the pixels of the full
// line — every segment between consecutive stored points drawn with plain QPainter::drawLine,
// through the item's point mapping (x at its pixel column's centre) — gaps stay gaps, and the
// fast reducer behind the charts (M4Index) returns exactly what m4Downsample() returns.
#include "charts/m4_index.h"
#include "charts/series_polyline_item.h"
#include "core/store/m4_downsampler.h"

#include <QDir>
#include <QGraphicsScene>
#include <QPainter>
#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace mlwatch;
Q_DECLARE_METATYPE(mlwatch::SeriesData)
using Layer = SeriesPolylineItem::Layer;

namespace {

constexpr qint64 kT0 = 1'763'366'400'000; // 2025-11-17T08:00:00Z
constexpr qint64 kSpanMs = 24LL * 3600 * 1000;
constexpr int kPlotHeight = 200;
constexpr int kMargin = 20;
const QColor kLineColour(0x00, 0x72, 0xb2);

using Holes = QList<QPair<double, double>>; // [from, to) as fractions of the data's span

enum class Shape { SineWithNoise, Spikes, Step, RandomWalk, Noise };

// `n` points evenly over [kT0, kT0 + kSpanMs) with the given shape; points whose time falls in
// one of `holes` (as fractions of the span) are left out. Fixed seed.
SeriesData generate(Shape shape, qsizetype n, const Holes &holes = {}) {
    std::mt19937_64 rng(42);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    SeriesData d;
    double walk = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const double f = double(i) / double(n);
        bool inHole = false;
        for (const auto &h : holes)
            inHole = inHole || (f >= h.first && f < h.second);
        double v = 0;
        switch (shape) {
        case Shape::SineWithNoise:
            v = 50 + 30 * std::sin(f * 12.0) + 4 * noise(rng);
            break;
        case Shape::Spikes: {
            const double u = uniform(rng);
            v = u < 0.0025 ? 95.0 : u > 0.9975 ? 5.0 : 50 + 0.5 * noise(rng);
            break;
        }
        case Shape::Step:
            v = (f < 0.3711 ? 20.0 : 80.0) + 0.2 * noise(rng);
            break;
        case Shape::RandomWalk:
            walk += noise(rng);
            v = walk;
            break;
        case Shape::Noise:
            v = noise(rng);
            break;
        }
        if (inHole)
            continue;
        d.timestampsMs.append(kT0 + qint64(double(kSpanMs) * f));
        d.values.append(v);
    }
    return d;
}

// Every stored point, with m4Downsample's NaN marker wherever two neighbours are more than
// `gapMs` apart: "the full line" with the same breaks.
QVector<QPointF> everyPoint(const SeriesData &d, qint64 gapMs) {
    QVector<QPointF> out;
    for (qsizetype i = 0; i < d.size(); ++i) {
        if (i > 0 && gapMs > 0 && d.timestampsMs[i] - d.timestampsMs[i - 1] > gapMs)
            out.append(QPointF(double(d.timestampsMs[i - 1]), std::numeric_limits<double>::quiet_NaN()));
        out.append(QPointF(double(d.timestampsMs[i]), d.values[i]));
    }
    return out;
}

struct Frame {
    QRectF plot;     // logical coordinates
    qreal scale = 1; // device pixels per logical pixel
    int columns = 0; // M4 width = plot width in device pixels
    qint64 xMin = 0, xMax = 0;
    double yMin = 0, yMax = 1;

    QSize imageSize() const {
        return QSize(int(std::ceil((plot.right() + kMargin) * scale)),
                     int(std::ceil((plot.bottom() + kMargin) * scale)));
    }
};

// The points drawn by a SeriesPolylineItem in a scene, rendered like ChartRenderer renders a
// chart (QGraphicsScene::render into an RGB32 image), antialiasing off.
QImage render(const QVector<QPointF> &points, const Frame &f) {
    QGraphicsScene scene;
    auto *item = new SeriesPolylineItem; // owned by the scene
    scene.addItem(item);
    item->setPlotArea(f.plot);
    item->setRanges(double(f.xMin), double(f.xMax), f.yMin, f.yMax, f.columns);
    item->setLineCount(Layer::Data, 1);
    QPen pen(kLineColour, 1.0);
    pen.setCosmetic(true);
    item->setPen(Layer::Data, 0, pen);
    item->setPoints(Layer::Data, 0, points, 1.0);

    QImage image(f.imageSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRectF source(QPointF(0, 0), QSizeF(image.size()) / f.scale);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(image.size())), source, Qt::IgnoreAspectRatio);
    return image;
}

// The reference: the full line as plain Qt draws it, every segment on its own (drawLine, 1 px
// cosmetic pen, flat caps), with the item's mapping and clip, no reduction, no item drawing code.
QImage renderEverySegment(const QVector<QPointF> &points, const Frame &f) {
    SeriesPolylineItem mapper; // only for mapX()/mapY(): the contract under test is the drawing
    mapper.setPlotArea(f.plot);
    mapper.setRanges(double(f.xMin), double(f.xMax), f.yMin, f.yMax, f.columns);
    QImage image(f.imageSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.scale(f.scale, f.scale);
    const QTransform toDevice = painter.deviceTransform();
    painter.setClipRect(mapper.clipRect(toDevice));
    QPen pen(kLineColour, 1.0, Qt::SolidLine, Qt::FlatCap);
    pen.setCosmetic(true);
    painter.setPen(pen);
    QPointF previous;
    bool joined = false;
    for (const QPointF &p : points) {
        if (std::isnan(p.y())) {
            joined = false; // a gap: no segment across it
            continue;
        }
        const QPointF mapped(mapper.mapX(p.x(), toDevice), mapper.mapY(p.y()));
        // A zero-length segment is no line (QPainter would draw it as a point, rounded half a
        // pixel away from the line's column).
        if (joined && mapped != previous)
            painter.drawLine(previous, mapped);
        previous = mapped;
        joined = true;
    }
    return image;
}

int countDiffering(const QImage &a, const QImage &b, QPoint *first) {
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (a.pixel(x, y) != b.pixel(x, y) && n++ == 0)
                *first = QPoint(x, y);
    return n;
}

int countLinePixelsInColumns(const QImage &image, int fromX, int toX) {
    int n = 0;
    for (int x = std::max(0, fromX); x < std::min(image.width(), toX); ++x)
        for (int y = 0; y < image.height(); ++y)
            n += QColor(image.pixel(x, y)) == kLineColour ? 1 : 0;
    return n;
}

bool samePoints(const QVector<QPointF> &a, const QVector<QPointF> &b, QString *why) {
    if (a.size() != b.size()) {
        *why = QStringLiteral("%1 points instead of %2").arg(a.size()).arg(b.size());
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        const bool bothGaps = std::isnan(a[i].y()) && std::isnan(b[i].y());
        if (a[i].x() != b[i].x() || (!bothGaps && a[i].y() != b[i].y())) {
            *why = QStringLiteral("point %1 differs").arg(i);
            return false;
        }
    }
    return true;
}

} // namespace

class TestSeriesPolylineExactness : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reducedDrawsTheSamePixelsAsEveryPoint_data();
    void reducedDrawsTheSamePixelsAsEveryPoint();
    void m4IndexMatchesM4Downsample_data();
    void m4IndexMatchesM4Downsample();
    void m4IndexFollowsANewSnapshot();
};

void TestSeriesPolylineExactness::reducedDrawsTheSamePixelsAsEveryPoint_data() {
    QTest::addColumn<int>("shape");
    QTest::addColumn<double>("pointsPerColumn");
    QTest::addColumn<int>("width");         // logical plot width
    QTest::addColumn<qreal>("plotLeft");    // fractional = not on the pixel grid
    QTest::addColumn<qreal>("scale");       // device pixel ratio of the image
    QTest::addColumn<double>("windowFrom"); // window as fractions of the data's span
    QTest::addColumn<double>("windowTo");
    QTest::addColumn<Holes>("holes");

    const Holes none;
    QTest::newRow("sine with noise, 10 points a column")
        << int(Shape::SineWithNoise) << 10.0 << 400 << 20.0 << 1.0 << 0.0 << 1.0 << none;
    QTest::newRow("single-point spikes survive")
        << int(Shape::Spikes) << 50.0 << 400 << 20.0 << 1.0 << 0.0 << 1.0 << none;
    QTest::newRow("a step inside a column")
        << int(Shape::Step) << 20.0 << 400 << 20.0 << 1.0 << 0.0 << 1.0 << none;
    // A hole of many columns, and one shorter than a column (the column is cut in two runs).
    QTest::newRow("gaps stay gaps") << int(Shape::SineWithNoise) << 30.0 << 400 << 20.0 << 1.0 << 0.0 << 1.0
                                    << Holes{{0.20, 0.25}, {0.6001, 0.6006}};
    QTest::newRow("one point a column")
        << int(Shape::RandomWalk) << 1.0 << 400 << 20.0 << 1.0 << 0.0 << 1.0 << none;
    QTest::newRow("a hundred points a column")
        << int(Shape::Noise) << 100.0 << 400 << 20.0 << 1.0 << 0.0 << 1.0 << none;
    QTest::newRow("window inside the data: lines run out of the plot")
        << int(Shape::SineWithNoise) << 20.0 << 400 << 20.0 << 1.0 << 0.1 << 0.7 << none;
    QTest::newRow("plot off the pixel grid")
        << int(Shape::SineWithNoise) << 10.0 << 401 << 20.37 << 1.0 << 0.0 << 1.0 << none;
    QTest::newRow("2x image: a column per device pixel")
        << int(Shape::Spikes) << 20.0 << 300 << 20.0 << 2.0 << 0.0 << 1.0 << none;
}

void TestSeriesPolylineExactness::reducedDrawsTheSamePixelsAsEveryPoint() {
    QFETCH(int, shape);
    QFETCH(double, pointsPerColumn);
    QFETCH(int, width);
    QFETCH(qreal, plotLeft);
    QFETCH(qreal, scale);
    QFETCH(double, windowFrom);
    QFETCH(double, windowTo);
    QFETCH(Holes, holes);

    Frame f;
    f.plot = QRectF(plotLeft, kMargin, width, kPlotHeight);
    f.scale = scale;
    f.columns = int(std::lround(width * scale));
    f.xMin = kT0 + qint64(double(kSpanMs) * windowFrom);
    f.xMax = kT0 + qint64(double(kSpanMs) * windowTo);
    const qsizetype n = qsizetype(pointsPerColumn * f.columns / (windowTo - windowFrom));
    const SeriesData data = generate(Shape(shape), n, holes);
    const qint64 gapMs = qint64(2.5 * double(kSpanMs) / double(n)); // 2.5 periods, as the charts do
    double lo = data.values.first(), hi = lo;
    for (double v : data.values) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    // Inside the plot with a margin, except where the window cuts the data (lines leave the plot).
    f.yMin = lo - 0.05 * (hi - lo);
    f.yMax = hi + 0.05 * (hi - lo);

    M4Index index;
    const QVector<QPointF> reduced = index.reduce(data, f.xMin, f.xMax, f.columns, gapMs);
    QVERIFY(index.usedBlocks());
    QString why;
    QVERIFY2(samePoints(reduced,
                        m4Downsample(data.timestampsMs.constData(), data.values.constData(), data.size(),
                                     f.xMin, f.xMax, f.columns, gapMs),
                        &why),
             qPrintable(why));
    const QVector<QPointF> full = everyPoint(data, gapMs);
    QVERIFY(reduced.size() <= 4 * f.columns + 4 * (holes.size() + 2));
    if (pointsPerColumn >= 10)
        QVERIFY2(reduced.size() * 2 < full.size(), "the reduction reduced");

    const QImage fromReduced = render(reduced, f);
    const QImage fullLine = renderEverySegment(full, f);
    QPoint first;
    const int differing = countDiffering(fromReduced, fullLine, &first);
    if (differing != 0 && !qEnvironmentVariableIsEmpty("MLWATCH_TEST_IMAGES")) {
        const QDir out(qEnvironmentVariable("MLWATCH_TEST_IMAGES"));
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        fromReduced.save(out.filePath(tag + QStringLiteral("-reduced.png")));
        fullLine.save(out.filePath(tag + QStringLiteral("-full.png")));
    }
    QVERIFY2(differing == 0, qPrintable(QStringLiteral("%1 pixels differ, first at %2,%3 (%4 → %5 points)")
                                            .arg(differing)
                                            .arg(first.x())
                                            .arg(first.y())
                                            .arg(full.size())
                                            .arg(reduced.size())));
    // The item draws the unreduced series the same way too (its column drawing is the union).
    QCOMPARE(countDiffering(render(full, f), fullLine, &first), 0);
    const int drawn = countLinePixelsInColumns(fromReduced, 0, fromReduced.width());
    QVERIFY2(drawn > f.columns / 2, qPrintable(QString::number(drawn)));

    // Gaps stay gaps: nothing is drawn strictly between the points either side of a hole.
    SeriesPolylineItem mapper;
    mapper.setPlotArea(f.plot);
    mapper.setRanges(double(f.xMin), double(f.xMax), f.yMin, f.yMax, f.columns);
    const QTransform toDevice = QTransform::fromScale(scale, scale);
    for (const auto &hole : holes) {
        const qint64 from = kT0 + qint64(double(kSpanMs) * hole.first);
        const qint64 to = kT0 + qint64(double(kSpanMs) * hole.second);
        const auto after = std::lower_bound(data.timestampsMs.cbegin(), data.timestampsMs.cend(), to);
        QVERIFY(after != data.timestampsMs.cbegin() && after != data.timestampsMs.cend());
        const int left = int(std::floor(mapper.mapX(double(*(after - 1)), toDevice) * scale));
        const int right = int(std::floor(mapper.mapX(double(*after), toDevice) * scale));
        QVERIFY(*after - *(after - 1) > gapMs);
        QCOMPARE(countLinePixelsInColumns(fromReduced, left + 1, right), 0);
        if (to - from > 3 * kSpanMs / f.columns)
            QVERIFY2(right - left > 3, "a hole of several columns shows as one");
    }
    if (!holes.isEmpty()) {
        int markers = 0;
        for (const QPointF &p : reduced)
            markers += std::isnan(p.y()) ? 1 : 0;
        QCOMPARE(markers, holes.size()); // even a hole inside one pixel column breaks the line
    }
}

void TestSeriesPolylineExactness::m4IndexMatchesM4Downsample_data() {
    QTest::addColumn<SeriesData>("data");
    QTest::addColumn<qint64>("xMin");
    QTest::addColumn<qint64>("xMax");
    QTest::addColumn<int>("width");
    QTest::addColumn<qint64>("gapMs");

    const SeriesData noisy = generate(Shape::Noise, 100'000);
    const qint64 end = kT0 + kSpanMs;
    QTest::newRow("whole range") << noisy << kT0 << end << 1200 << qint64(0);
    QTest::newRow("part of the range, odd width")
        << noisy << kT0 + 12'345'678 << kT0 + 40'000'000 << 777 << qint64(0);
    QTest::newRow("one column") << noisy << kT0 << end << 1 << qint64(0);
    QTest::newRow("more columns than points in the window")
        << noisy << kT0 + 1'000'000 << kT0 + 1'100'000 << 2000 << qint64(0);
    QTest::newRow("window before the data") << noisy << kT0 - 10'000'000 << kT0 - 1 << 500 << qint64(0);
    QTest::newRow("window after the data") << noisy << end + 1 << end + 10'000'000 << 500 << qint64(0);
    QTest::newRow("window overlapping the start")
        << noisy << kT0 - 5'000'000 << kT0 + 5'000'000 << 600 << qint64(0);

    SeriesData holes = generate(Shape::SineWithNoise, 200'000, {{0.1, 0.1003}, {0.5, 0.7}, {0.9, 0.9000001}});
    QTest::newRow("gaps") << holes << kT0 << end << 1000 << qint64(2.5 * double(kSpanMs) / 200'000.0);

    SeriesData sparse = generate(Shape::RandomWalk, 5'000);
    QTest::newRow("every step is a gap") << sparse << kT0 << end << 640 << qint64(1);

    SeriesData withNaN = generate(Shape::Noise, 50'000);
    for (qsizetype i = 0; i < withNaN.size(); i += 997)
        withNaN.values[i] = std::numeric_limits<double>::quiet_NaN();
    withNaN.values[5000] = std::numeric_limits<double>::infinity();
    withNaN.values[7000] = -std::numeric_limits<double>::infinity();
    QTest::newRow("NaN and infinite values") << withNaN << kT0 << end << 300 << qint64(0);

    SeriesData fewNaN = generate(Shape::SineWithNoise, 300'000);
    fewNaN.values[123'456] = std::numeric_limits<double>::quiet_NaN();
    fewNaN.values[200'001] = -std::numeric_limits<double>::infinity();
    QTest::newRow("a few non-finite values in a long series")
        << fewNaN << kT0 + 1'000'000 << end - 2'000'000 << 900 << qint64(0);
    QTest::newRow("columns of many blocks, non-finite values among them")
        << fewNaN << kT0 + 1'000'000 << end - 2'000'000 << 7 << qint64(0);

    SeriesData ties = generate(Shape::Noise, 30'000);
    for (qsizetype i = 0; i < ties.size(); ++i)
        ties.values[i] =
            double(qint64(ties.values[i] * 2)) + (i % 3 == 0 ? -0.0 : 0.0); // many equal values, ±0
    QTest::newRow("ties keep the first occurrence") << ties << kT0 << end << 250 << qint64(0);
    QTest::newRow("ties across groups of blocks") << ties << kT0 << end << 3 << qint64(0);

    QTest::newRow("short series (no blocks)") << generate(Shape::Noise, 100) << kT0 << end << 50 << qint64(0);
}

void TestSeriesPolylineExactness::m4IndexMatchesM4Downsample() {
    QFETCH(SeriesData, data);
    QFETCH(qint64, xMin);
    QFETCH(qint64, xMax);
    QFETCH(int, width);
    QFETCH(qint64, gapMs);

    M4Index index;
    const QVector<QPointF> expected = m4Downsample(data.timestampsMs.constData(), data.values.constData(),
                                                   data.size(), xMin, xMax, width, gapMs);
    QString why;
    QVERIFY2(samePoints(index.reduce(data, xMin, xMax, width, gapMs), expected, &why), qPrintable(why));
    QCOMPARE(index.usedBlocks(), data.size() >= M4Index::kMinPointsForBlocks);
    // Again on the built index (the second call reads the summaries, not the data).
    QVERIFY2(samePoints(index.reduce(data, xMin, xMax, width, gapMs), expected, &why), qPrintable(why));

    // extent(): the finite min and max of the slice M4 reads.
    const auto begin = data.timestampsMs.cbegin();
    qsizetype lo =
        std::max<qsizetype>(0, (std::lower_bound(begin, data.timestampsMs.cend(), xMin) - begin) - 1);
    qsizetype hi = std::min<qsizetype>(data.size(),
                                       (std::upper_bound(begin, data.timestampsMs.cend(), xMax) - begin) + 1);
    double wantMin = 0, wantMax = 0;
    bool any = false;
    for (qsizetype i = lo; i < hi; ++i) {
        const double v = data.values[i];
        if (!std::isfinite(v))
            continue;
        wantMin = any ? std::min(wantMin, v) : v;
        wantMax = any ? std::max(wantMax, v) : v;
        any = true;
    }
    double min = 0, max = 0;
    QCOMPARE(index.extent(data, xMin, xMax, &min, &max), any);
    if (any) {
        QCOMPARE(min, wantMin);
        QCOMPARE(max, wantMax);
    }
}

void TestSeriesPolylineExactness::m4IndexFollowsANewSnapshot() {
    // The store replaces arrays wholesale; an index built for the old ones must not be reused.
    M4Index index;
    SeriesData first = generate(Shape::Noise, 20'000);
    const QVector<QPointF> before = index.reduce(first, kT0, kT0 + kSpanMs, 400);
    SeriesData second = first;
    second.values[10'000] = 1e9; // a detached copy, same size: only the content tells them apart
    const QVector<QPointF> after = index.reduce(second, kT0, kT0 + kSpanMs, 400);
    double max = 0;
    for (const QPointF &p : after)
        max = std::max(max, p.y());
    QCOMPARE(max, 1e9);
    QString why;
    QVERIFY2(samePoints(index.reduce(first, kT0, kT0 + kSpanMs, 400), before, &why), qPrintable(why));
}

QTEST_MAIN(TestSeriesPolylineExactness)
#include "tst_series_polyline_exactness.moc"
