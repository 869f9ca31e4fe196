// What keeps a chart honest about its data (issue 6, "trust the gaps" and "compare with previous
// period"), on real Qt Charts widgets under the offscreen platform: the shaded "not yet published"
// window of each cloud, the last good data kept under a fetch error, the "Newest datapoint"
// caption with its zone, the previous-period overlay from the store's shifted keys, and gaps
// left empty. Time comes from a ManualClock; nothing waits on wall-clock time.
#include "charts/chart_palette.h"
#include "charts/chart_renderer.h"
#include "charts/chart_scene.h"
#include "charts/metric_chart_view.h"
#include "charts/series_polyline_item.h"
#include "core/model/compare_offset.h"
#include "core/model/publication_delay.h"
#include "core/store/series_store.h"
#include "support/manual_clock.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTest>

#include <ctime>

using namespace mlwatch;

namespace {

constexpr qint64 kMinuteMs = 60'000;
// ManualClock's default "now": 2026-11-20T12:00:00Z.
const qint64 kNow = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
const TimeRange kLastHour{kNow - 60 * kMinuteMs, kNow};

ChartSpec chartSpec(const QString &cloud) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("/aws/sagemaker/Endpoints");
    q.metricName = QStringLiteral("CPUUtilization");
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn-endpoint")}};
    q.periodSeconds = 60;
    ChartSpec spec;
    spec.id = QStringLiteral("deployment/cpu/churn-endpoint");
    spec.stage = Stage::Deployment;
    spec.title = QStringLiteral("CPU — churn-endpoint");
    spec.cloud = cloud;
    spec.unit = Unit::Percent;
    spec.series = {{q, QStringLiteral("CPU utilisation")}};
    return spec;
}

// One point a minute over [fromMs, toMs), value `value`, leaving out [holeFrom, holeTo).
SeriesData minutes(const QString &key, qint64 fromMs, qint64 toMs, double value, qint64 holeFrom = 0,
                   qint64 holeTo = 0) {
    SeriesData data;
    data.seriesKey = key;
    for (qint64 t = fromMs; t < toMs; t += kMinuteMs) {
        if (t >= holeFrom && t < holeTo)
            continue;
        data.timestampsMs.append(t);
        data.values.append(value);
    }
    return data;
}

QChart *chartOf(MetricChartView &view) {
    auto *chartView = view.findChild<QChartView *>();
    return chartView ? chartView->chart() : nullptr;
}

// The chart's x position of `t` on the view's chart (chart coordinates = widget coordinates:
// the QChartView has no frame and the chart fills it).
double xOf(QChart *chart, const TimeRange &window, qint64 t) {
    const QRectF plot = chart->plotArea();
    return plot.left() + plot.width() * double(t - window.startMs) / double(window.durationMs());
}

// The legend entries (name → visible) of every line series on the chart.
QHash<QString, bool> legendEntries(QChart *chart) {
    QHash<QString, bool> out;
    for (QAbstractSeries *series : chart->series())
        for (QLegendMarker *marker : chart->legend()->markers(series))
            out.insert(series->name(), marker->isVisible());
    return out;
}

QString captionOf(QChart *chart) {
    for (QGraphicsItem *item : chart->childItems())
        if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            return text->text();
    return {};
}

// A shown view over the last hour, on the ManualClock, settled.
struct ViewFixture {
    test::ManualClock clock;
    SeriesStore store;
    std::unique_ptr<MetricChartView> view;

    bool show(const ChartSpec &spec, const TimeRange &window = kLastHour) {
        view = std::make_unique<MetricChartView>(spec, store);
        view->setClock(&clock);
        view->resize(800, 400);
        view->setWindow(window, 60);
        view->setFetchResult(QString());
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            return false;
        settle();
        return true;
    }
    void settle() {
        for (int i = 0; i < 10; ++i)
            QCoreApplication::processEvents();
    }
};

// With MLWATCH_TEST_IMAGES=<folder>, what the screen shows is saved there to look at.
void saveForInspection(MetricChartView &view, const QString &name) {
    if (!qEnvironmentVariableIsEmpty("MLWATCH_TEST_IMAGES"))
        view.grab().save(QDir(qEnvironmentVariable("MLWATCH_TEST_IMAGES")).filePath(name));
}

void setTimeZone(const QByteArray &tz) {
    qputenv("TZ", tz);
    tzset();
}

} // namespace

class TestChartDecorations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { setTimeZone("UTC"); }

    void unpublishedWindowIsShaded_data();
    void unpublishedWindowIsShaded();
    void noShadeForAWindowInThePast();
    void errorAfterDataKeepsTheLine();
    void newestDatapointCaption_data();
    void newestDatapointCaption();
    void compareOverlayFromTheStore();
    void compareOverlayIsM4Reduced();
    void gapLeavesBackgroundPixels();
};

void TestChartDecorations::unpublishedWindowIsShaded_data() {
    QTest::addColumn<QString>("cloud");
    QTest::addColumn<int>("delaySeconds");
    QTest::addColumn<QString>("legend");
    QTest::newRow("CloudWatch shades the last 2 minutes")
        << "aws" << 120 << "Not yet published (CloudWatch, ~2 min)";
    QTest::newRow("Azure Monitor shades the last 5 minutes")
        << "azure" << 300 << "Not yet published (Azure Monitor, ~5 min)";
    QTest::newRow("Cloud Monitoring shades the last 6 minutes")
        << "gcp" << 360 << "Not yet published (Cloud Monitoring, ~6 min)";
}

void TestChartDecorations::unpublishedWindowIsShaded() {
    QFETCH(QString, cloud);
    QFETCH(int, delaySeconds);
    QFETCH(QString, legend);
    QCOMPARE(PublicationDelay::seconds(cloud, 60), delaySeconds);

    // Data over the first half of the hour only: the second half is empty plot, so the band is
    // the only thing that can colour it.
    const ChartSpec spec = chartSpec(cloud);
    ViewFixture f;
    f.store.replace(minutes(spec.series.first().query.seriesKey(), kLastHour.startMs,
                            kLastHour.startMs + 30 * kMinuteMs, 40));
    QVERIFY(f.show(spec));
    QTRY_VERIFY(f.view->renderStats().points > 0);
    QChart *chart = chartOf(*f.view);
    QTRY_COMPARE(legendEntries(chart).value(legend), true);

    const QImage screen = f.view->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QImage exported = f.view->renderImage().convertToFormat(QImage::Format_RGB32);
    saveForInspection(*f.view, cloud + QStringLiteral("-band.png"));
    const QRgb plotBackground = f.view->renderStyle().palette.plotBackground.rgb();
    const QRectF plot = chart->plotArea();
    const int bandFrom = int(std::ceil(xOf(chart, kLastHour, kNow - delaySeconds * 1000LL))) + 1;
    const int bandTo = int(std::floor(xOf(chart, kLastHour, kNow))) - 2;
    const int emptyFrom = int(std::ceil(xOf(chart, kLastHour, kLastHour.startMs + 35 * kMinuteMs)));
    const int emptyTo = bandFrom - 3;
    QVERIFY(bandTo - bandFrom >= 5);
    for (const QImage &image : {screen, exported}) {
        int inBand = 0, backgroundInBand = 0, inEmpty = 0, backgroundInEmpty = 0;
        for (int y = int(plot.top()) + 3; y < int(plot.bottom()) - 3; ++y) {
            for (int x = bandFrom; x <= bandTo; ++x, ++inBand)
                backgroundInBand += image.pixel(x, y) == plotBackground ? 1 : 0;
            for (int x = emptyFrom; x <= emptyTo; ++x, ++inEmpty)
                backgroundInEmpty += image.pixel(x, y) == plotBackground ? 1 : 0;
        }
        // Every pixel of the band differs from the plot background; the empty plot beside it
        // is background except for grid lines.
        QCOMPARE(backgroundInBand, 0);
        QVERIFY2(backgroundInEmpty > inEmpty * 8 / 10,
                 qPrintable(QStringLiteral("%1 of %2").arg(backgroundInEmpty).arg(inEmpty)));
    }

    // The clock moves on past the window's end + the delay: everything in it is published now.
    f.clock.advanceSeconds(delaySeconds + 60);
    f.view->resize(810, 400); // a redraw
    QTRY_COMPARE(legendEntries(chart).value(legend), false);
}

void TestChartDecorations::noShadeForAWindowInThePast() {
    // A window that ended an hour ago has nothing unpublished: no band, no legend entry.
    const ChartSpec spec = chartSpec(QStringLiteral("aws"));
    ViewFixture f;
    const TimeRange past{kNow - 120 * kMinuteMs, kNow - 60 * kMinuteMs};
    f.store.replace(minutes(spec.series.first().query.seriesKey(), past.startMs, past.endMs, 40));
    QVERIFY(f.show(spec, past));
    QTRY_VERIFY(f.view->renderStats().points > 0);
    const QHash<QString, bool> entries = legendEntries(chartOf(*f.view));
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        QVERIFY2(!it.key().startsWith(QLatin1String("Not yet published")) || !it.value(),
                 qPrintable(it.key()));

    // And the scene says so directly.
    ChartScene scene(spec);
    QGraphicsScene graphics;
    graphics.addItem(scene.chart());
    scene.chart()->resize(800, 400);
    scene.layOut(true);
    ChartRenderRequest request;
    request.spec = spec;
    request.window = past;
    request.nowMs = kNow;
    scene.update(request, 700, true);
    QVERIFY(!scene.unpublishedRange().isValid());
    request.window = kLastHour;
    scene.update(request, 700, true);
    QCOMPARE(scene.unpublishedRange(), (TimeRange{kNow - 120'000, kNow}));
    request.nowMs = 0; // a report that does not know now: no band
    scene.update(request, 700, true);
    QVERIFY(!scene.unpublishedRange().isValid());
}

void TestChartDecorations::errorAfterDataKeepsTheLine() {
    const ChartSpec spec = chartSpec(QStringLiteral("aws"));
    ViewFixture f;
    f.store.replace(
        minutes(spec.series.first().query.seriesKey(), kLastHour.startMs, kNow - 2 * kMinuteMs, 40));
    QVERIFY(f.show(spec));
    QTRY_VERIFY(f.view->renderStats().points > 0);
    const qsizetype pointsBefore = f.view->renderStats().points;
    const int redraws = f.view->renderStats().redraws;

    // The next fetch is throttled: the store keeps the last good data (providers do not report
    // failed series), the chart keeps drawing it and says what went wrong over it.
    f.view->setFetchResult(QStringLiteral("Rate exceeded (throttled by CloudWatch)"));
    QTRY_VERIFY(f.view->renderStats().redraws > redraws);
    QCOMPARE(f.view->state(), MetricChartView::State::Error);
    QCOMPARE(f.view->renderStats().points, pointsBefore);
    QVERIFY(f.view->renderStats().segments > 0);
    saveForInspection(*f.view, QStringLiteral("error-over-data.png"));
    QVERIFY(f.view->statusText().contains(QLatin1String("Rate exceeded")));
    QLabel *label = nullptr;
    for (QLabel *candidate : f.view->findChildren<QLabel *>())
        if (candidate->text() == f.view->statusText())
            label = candidate;
    QVERIFY(label);
    QVERIFY(label->isVisible());
    // Over the data the message sits near the top, not over the middle of the plot.
    QVERIFY(label->geometry().center().y() < chartOf(*f.view)->plotArea().center().y());

    // An export of the chart shows the same: the line and the message.
    ChartRenderStats stats;
    ChartRenderer::renderImage(f.view->renderRequest(), f.view->renderStyle(), &stats);
    QCOMPARE(stats.points, pointsBefore);
    QVERIFY(stats.statusText.contains(QLatin1String("Rate exceeded")));
    QVERIFY(f.view->renderRequest().statusIsError);

    // The next good fetch clears the message; the data never went away.
    f.view->setFetchResult(QString());
    QCOMPARE(f.view->state(), MetricChartView::State::Data);
    QVERIFY(f.view->statusText().isEmpty());
}

void TestChartDecorations::newestDatapointCaption_data() {
    QTest::addColumn<QByteArray>("tz");
    QTest::addColumn<int>("mode");
    QTest::addColumn<qint64>("newestMs");
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<QStringList>("mentions");
    QTest::addColumn<QStringList>("absent");

    const int utc = int(TimeZoneMode::Utc);
    const int local = int(TimeZoneMode::Local);
    QTest::newRow("minutes ago, in UTC")
        << QByteArray("UTC") << utc << kNow - 3 * kMinuteMs << kNow
        << QStringList{QStringLiteral("Newest datapoint: 11:57 UTC (3 min ago)")} << QStringList{};
    QTest::newRow("UTC mode on a Berlin desktop still says UTC")
        << QByteArray("Europe/Berlin") << utc << kNow - 3 * kMinuteMs << kNow
        << QStringList{QStringLiteral("Newest datapoint: 11:57 UTC (3 min ago)")} << QStringList{};
    QTest::newRow("local mode names the local zone")
        << QByteArray("Europe/Berlin") << local << kNow - 3 * kMinuteMs << kNow
        << QStringList{QStringLiteral("Newest datapoint: 12:57 CET, UTC+01:00 (3 min ago)")} << QStringList{};
    QTest::newRow("yesterday's datapoint shows its date and hours")
        << QByteArray("UTC") << utc << kNow - 26 * 60 * kMinuteMs << kNow
        << QStringList{QStringLiteral("Newest datapoint: "), QStringLiteral("10:00 UTC"),
                       QStringLiteral("(26 h ago)"), QStringLiteral("19")}
        << QStringList{};
    QTest::newRow("days ago") << QByteArray("UTC") << utc << kNow - 9 * 24 * 60 * kMinuteMs << kNow
                              << QStringList{QStringLiteral("(9 days ago)")} << QStringList{};
    QTest::newRow("under a minute is just now") << QByteArray("UTC") << utc << kNow - 20'000 << kNow
                                                << QStringList{QStringLiteral("(just now)")} << QStringList{};
    QTest::newRow("unknown now: time and zone, no age")
        << QByteArray("UTC") << utc << kNow - 3 * kMinuteMs << qint64(0)
        << QStringList{QStringLiteral("Newest datapoint: "), QStringLiteral("11:57 UTC")}
        << QStringList{QStringLiteral("ago")};
}

void TestChartDecorations::newestDatapointCaption() {
    QFETCH(QByteArray, tz);
    QFETCH(int, mode);
    QFETCH(qint64, newestMs);
    QFETCH(qint64, nowMs);
    QFETCH(QStringList, mentions);
    QFETCH(QStringList, absent);
    setTimeZone(tz);

    const ChartSpec spec = chartSpec(QStringLiteral("aws"));
    ChartScene scene(spec);
    QGraphicsScene graphics;
    graphics.addItem(scene.chart());
    scene.chart()->resize(800, 400);
    scene.applyStyle(ChartPalette::print(), QFont());
    scene.layOut(true);
    ChartRenderRequest request;
    request.spec = spec;
    request.window = {newestMs - 60 * kMinuteMs, newestMs + 5 * kMinuteMs};
    request.series = {
        minutes(spec.series.first().query.seriesKey(), newestMs - 30 * kMinuteMs, newestMs + 1, 40)};
    request.nowMs = nowMs;
    request.timeZone = TimeZoneMode(mode);
    scene.update(request, 700, true);

    const QString caption = scene.captionText();
    for (const QString &m : mentions)
        QVERIFY2(caption.contains(m), qPrintable(caption + QStringLiteral(" lacks ") + m));
    for (const QString &a : absent)
        QVERIFY2(!caption.contains(a), qPrintable(caption + QStringLiteral(" has ") + a));
    QCOMPARE(captionOf(scene.chart()), caption); // what is drawn

    // The caption sits in its own strip: under the legend, inside the chart, clear of the plot.
    QGraphicsSimpleTextItem *item = nullptr;
    for (QGraphicsItem *child : scene.chart()->childItems())
        if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(child))
            item = text;
    QVERIFY(item);
    const QRectF at = item->mapRectToParent(item->boundingRect());
    QVERIFY(at.top() > scene.chart()->plotArea().bottom());
    QVERIFY(at.bottom() <= scene.chart()->size().height());
    QVERIFY(at.left() >= 0);

    // No datapoint, no caption.
    request.series = {SeriesData()};
    scene.update(request, 700, true);
    QVERIFY(scene.captionText().isEmpty());
}

void TestChartDecorations::compareOverlayFromTheStore() {
    const ChartSpec spec = chartSpec(QStringLiteral("aws"));
    const QString key = spec.series.first().query.seriesKey();
    const qint64 week = CompareOffset::kWeekSeconds;
    const QString legend = QStringLiteral("CPU utilisation (1 week earlier)");
    ViewFixture f;
    f.store.replace(minutes(key, kLastHour.startMs, kNow - 2 * kMinuteMs, 40));
    QVERIFY(f.show(spec));
    QTRY_VERIFY(f.view->renderStats().points > 0);
    QChart *chart = chartOf(*f.view);

    // Offset set, but the fetch side has not stored the earlier week yet: nothing extra.
    f.view->setCompareOffset(week);
    QCOMPARE(f.view->compareOffset(), week);
    f.settle();
    QCOMPARE(f.view->renderStats().overlayPoints, qsizetype(0));
    QVERIFY(!legendEntries(chart).value(legend));

    // The earlier week arrives under its shifted key: drawn under this week, with its entry.
    const TimeRange earlier = CompareOffset::fetchRange(kLastHour, week);
    SeriesData previous = minutes(CompareOffset::seriesKey(key, week), earlier.startMs, earlier.endMs, 70);
    f.store.replace(previous);
    QTRY_VERIFY(f.view->renderStats().overlayPoints > 0);
    QTRY_COMPARE(legendEntries(chart).value(legend), true);
    const ChartRenderRequest request = f.view->renderRequest();
    QCOMPARE(request.overlayLegend, legend);
    QCOMPARE(request.overlayShiftMs, week * 1000);
    saveForInspection(*f.view, QStringLiteral("compare.png"));
    // Lined up: the overlay's drawn points lie inside this window.
    SeriesPolylineItem *lines = nullptr;
    for (QGraphicsItem *item : chart->childItems())
        if (auto *candidate = qgraphicsitem_cast<SeriesPolylineItem *>(item))
            lines = candidate;
    QVERIFY(lines);
    const SeriesPolylineItem::Line &overlay = lines->line(SeriesPolylineItem::Layer::Overlay, 0);
    QVERIFY(!overlay.points.isEmpty());
    for (qsizetype r = 0; r < overlay.runCount(); ++r)
        for (const QPointF &p : overlay.run(r))
            QVERIFY(p.x() >= double(kLastHour.startMs - kMinuteMs) &&
                    p.x() <= double(kLastHour.endMs + kMinuteMs));
    // Exports draw it too.
    ChartRenderStats stats;
    ChartRenderer::renderImage(request, f.view->renderStyle(), &stats);
    QVERIFY(stats.overlayPoints > 0);

    // Offset 0 turns it off although the data stays in the store.
    f.view->setCompareOffset(0);
    QTRY_COMPARE(f.view->renderStats().overlayPoints, qsizetype(0));
    QTRY_VERIFY(!legendEntries(chart).value(legend));
    QVERIFY(f.view->renderRequest().overlay.isEmpty());
}

void TestChartDecorations::compareOverlayIsM4Reduced() {
    // A million points of last week reach the screen as at most 4 per pixel column, like data.
    const ChartSpec spec = chartSpec(QStringLiteral("aws"));
    const QString key = spec.series.first().query.seriesKey();
    const qint64 day = CompareOffset::kDaySeconds;
    const TimeRange window{kNow - 1'000'000'000, kNow}; // 1 M seconds ≈ 11.6 days
    ViewFixture f;
    f.store.replace(minutes(key, window.startMs, window.endMs, 40));
    SeriesData previous;
    previous.seriesKey = CompareOffset::seriesKey(key, day);
    const TimeRange earlier = CompareOffset::fetchRange(window, day);
    previous.timestampsMs.reserve(1'000'000);
    previous.values.reserve(1'000'000);
    for (qint64 i = 0; i < 1'000'000; ++i) {
        previous.timestampsMs.append(earlier.startMs + i * 1000);
        previous.values.append(double((i * 7919) % 1000) / 10.0);
    }
    f.store.replace(previous);
    QVERIFY(f.show(spec, window));
    f.view->setCompareOffset(day);
    QTRY_VERIFY(f.view->renderStats().overlayPoints > 0);
    const ChartRenderStats stats = f.view->renderStats();
    QVERIFY2(
        stats.overlayPoints <= 4 * qsizetype(stats.plotWidthPx) + 8,
        qPrintable(QStringLiteral("%1 points for %2 px").arg(stats.overlayPoints).arg(stats.plotWidthPx)));
}

void TestChartDecorations::gapLeavesBackgroundPixels() {
    // A flat line at 50 % with a 20-minute hole: inside the hole the line's row is plot
    // background (a gap, not a zero and not a joined line); outside it the line is drawn.
    const ChartSpec spec = chartSpec(QStringLiteral("aws"));
    ViewFixture f;
    const TimeRange past{kNow - 180 * kMinuteMs, kNow - 120 * kMinuteMs}; // no band here
    const qint64 holeFrom = past.startMs + 20 * kMinuteMs;
    const qint64 holeTo = holeFrom + 20 * kMinuteMs;
    f.store.replace(minutes(spec.series.first().query.seriesKey(), past.startMs, past.endMs + kMinuteMs, 50,
                            holeFrom, holeTo));
    QVERIFY(f.show(spec, past));
    QTRY_COMPARE(f.view->renderStats().segments, 2);
    QChart *chart = chartOf(*f.view);
    const QRectF plot = chart->plotArea();
    const int lineY = int(std::lround(plot.top() + plot.height() * 0.5)); // 50 on a 0–100 axis
    const QRgb background = f.view->renderStyle().palette.plotBackground.rgb();

    for (const QImage &image : {f.view->grab().toImage().convertToFormat(QImage::Format_RGB32),
                                f.view->renderImage().convertToFormat(QImage::Format_RGB32)}) {
        // The hole's columns (the last point before it is joined to nothing after it).
        const int from = int(std::ceil(xOf(chart, past, holeFrom))) + 1;
        const int to = int(std::floor(xOf(chart, past, holeTo - kMinuteMs))) - 1;
        QVERIFY(to - from > 20);
        int lineInHole = 0, columns = 0;
        for (int x = from; x <= to; ++x, ++columns) {
            bool drawn = false;
            for (int y = lineY - 2; y <= lineY + 2; ++y)
                drawn = drawn || image.pixel(x, y) != background;
            lineInHole += drawn ? 1 : 0;
        }
        // Vertical grid lines may cross the hole: a few columns at most.
        QVERIFY2(lineInHole <= 3,
                 qPrintable(QStringLiteral("%1 of %2 hole columns drawn").arg(lineInHole).arg(columns)));
        // Outside the hole the line is there in every column.
        int drawnOutside = 0, outside = 0;
        const int dataFrom = int(std::ceil(xOf(chart, past, past.startMs + 2 * kMinuteMs)));
        const int dataTo = int(std::floor(xOf(chart, past, holeFrom - 2 * kMinuteMs)));
        for (int x = dataFrom; x <= dataTo; ++x, ++outside) {
            bool drawn = false;
            for (int y = lineY - 2; y <= lineY + 2; ++y)
                drawn = drawn || image.pixel(x, y) != background;
            drawnOutside += drawn ? 1 : 0;
        }
        QCOMPARE(drawnOutside, outside);
        // Nothing is drawn at zero either (a gap is not a zero): the row just above the x axis
        // is background in the hole's columns, grid lines aside.
        int atZero = 0;
        for (int x = from; x <= to; ++x)
            atZero += image.pixel(x, int(plot.bottom()) - 3) != background ? 1 : 0;
        QVERIFY2(atZero <= 3, qPrintable(QString::number(atZero)));
    }
}

QTEST_MAIN(TestChartDecorations)
#include "tst_chart_decorations.moc"
