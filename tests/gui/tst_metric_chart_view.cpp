// MetricChartView against a real SeriesStore and real Qt Charts widgets (offscreen): what it
// draws (units, thresholds, gaps, point budget, one legend entry per series in its colour), what
// it says when there is nothing to draw, and how it follows the palette. Data points are drawn
// by the chart's SeriesPolylineItem; each series keeps one empty QLineSeries as its legend entry.
#include "charts/chart_axes.h"
#include "charts/metric_chart_view.h"
#include "charts/series_polyline_item.h"
#include "core/store/series_store.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

#include <ctime>

using namespace mlwatch;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kT0 = 1'763'366'400'000; // 2025-11-17T08:00:00Z, a Monday

MetricQuery query(const QString &metric, int periodSeconds = 60) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = metric;
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn-endpoint")}};
    q.periodSeconds = periodSeconds;
    return q;
}

ChartSpec chartSpec(Unit unit, QList<ThresholdLine> thresholds = {}, int periodSeconds = 60) {
    ChartSpec spec;
    spec.id = QStringLiteral("monitoring/latency/churn-endpoint");
    spec.stage = Stage::Monitoring;
    spec.title = QStringLiteral("Model latency — churn-endpoint");
    spec.resource = QStringLiteral("churn-endpoint");
    spec.unit = unit;
    spec.series = {{query(QStringLiteral("ModelLatency"), periodSeconds), QStringLiteral("Model latency")}};
    spec.thresholds = std::move(thresholds);
    spec.explanation = QStringLiteral("How long the model takes to answer.");
    return spec;
}

// `count` points every `stepMs` from `startMs`, value `value`, leaving out [holeFrom, holeTo).
SeriesData series(const ChartSpec &spec, qint64 startMs, qsizetype count, qint64 stepMs, double value,
                  qint64 holeFrom = 0, qint64 holeTo = 0) {
    SeriesData data;
    data.seriesKey = spec.series.first().query.seriesKey();
    data.timestampsMs.reserve(count);
    data.values.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const qint64 t = startMs + i * stepMs;
        if (t >= holeFrom && t < holeTo)
            continue;
        data.timestampsMs.append(t);
        data.values.append(value + double(i % 7)); // a little movement so M4 has work to do
    }
    return data;
}

QChart *chartOf(MetricChartView &view) {
    auto *chartView = view.findChild<QChartView *>();
    return chartView ? chartView->chart() : nullptr;
}

// The item that draws the chart's data points (a child of the QChart).
SeriesPolylineItem *pointsItem(MetricChartView &view) {
    for (QGraphicsItem *item : chartOf(view)->childItems())
        if (auto *lines = qgraphicsitem_cast<SeriesPolylineItem *>(item))
            return lines;
    return nullptr;
}

// What is drawn for data series `index`: its gap-free runs, in ms and display units.
QList<QPolygonF> dataRuns(MetricChartView &view, qsizetype index = 0) {
    QList<QPolygonF> out;
    const SeriesPolylineItem::Line &line = pointsItem(view)->line(SeriesPolylineItem::Layer::Data, index);
    for (qsizetype r = 0; r < line.runCount(); ++r)
        out.append(line.run(r));
    return out;
}

QColor dataColour(MetricChartView &view, qsizetype index = 0) {
    return pointsItem(view)->line(SeriesPolylineItem::Layer::Data, index).pen.color();
}

// The series that carry the data series' legend entries (solid pens; thresholds are dashed).
QList<QLineSeries *> legendCarriers(MetricChartView &view) {
    QList<QLineSeries *> out;
    for (QAbstractSeries *s : chartOf(view)->series()) {
        auto *line = qobject_cast<QLineSeries *>(s);
        if (line && line->pen().style() == Qt::SolidLine)
            out.append(line);
    }
    return out;
}

QList<QLineSeries *> thresholdLines(MetricChartView &view) {
    QList<QLineSeries *> out;
    for (QAbstractSeries *s : chartOf(view)->series()) {
        auto *line = qobject_cast<QLineSeries *>(s);
        if (line && line->pen().style() != Qt::SolidLine)
            out.append(line);
    }
    return out;
}

template <typename Axis> Axis *axis(MetricChartView &view, Qt::Orientation orientation) {
    const QList<QAbstractAxis *> axes = chartOf(view)->axes(orientation);
    return axes.isEmpty() ? nullptr : qobject_cast<Axis *>(axes.first());
}

void setTimeZone(const QByteArray &tz) {
    qputenv("TZ", tz);
    tzset();
}

} // namespace

class TestMetricChartView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { setTimeZone("UTC"); }

    void valuesAndThresholdsInDisplayUnits_data();
    void valuesAndThresholdsInDisplayUnits();
    void timeAxisStatesZone_data();
    void timeAxisStatesZone();
    void gapsSplitTheLine_data();
    void gapsSplitTheLine();
    void legendMarksSeriesWithoutData();
    void millionPointsReducedToPixelWidth();
    void redrawsAreCoalesced();
    void saysWhyItIsEmpty_data();
    void saysWhyItIsEmpty();
    void paletteChangeUpdatesColours();
    void accessibleNameIsTitle();
    void valueAxisIsRound_data();
    void valueAxisIsRound();
    void timeTicksAreRoundIntervals_data();
    void timeTicksAreRoundIntervals();
};

void TestMetricChartView::valuesAndThresholdsInDisplayUnits_data() {
    QTest::addColumn<int>("unit");
    QTest::addColumn<double>("rawValue");
    QTest::addColumn<double>("shownValue");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("axisTitle");

    QTest::newRow("microseconds shown as milliseconds")
        << int(Unit::Microseconds) << 250'000.0 << 250.0 << 200.0 << QStringLiteral("ms");
    QTest::newRow("percent stays percent")
        << int(Unit::Percent) << 42.0 << 42.0 << 90.0 << QStringLiteral("%");
    QTest::newRow("bytes shown as GiB")
        << int(Unit::Bytes) << 2.0 * 1024 * 1024 * 1024 << 2.0 << 3.5 << QStringLiteral("GiB");
    QTest::newRow("plain value axis still titled")
        << int(Unit::None) << 0.3 << 0.3 << 0.5 << QStringLiteral("value");
}

void TestMetricChartView::valuesAndThresholdsInDisplayUnits() {
    QFETCH(int, unit);
    QFETCH(double, rawValue);
    QFETCH(double, shownValue);
    QFETCH(double, threshold);
    QFETCH(QString, axisTitle);

    const ChartSpec spec = chartSpec(
        Unit(unit), {{threshold, ThresholdLevel::Warning}, {threshold * 2, ThresholdLevel::Critical}});
    SeriesStore store;
    MetricChartView view(spec, store);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    SeriesData data;
    data.seriesKey = spec.series.first().query.seriesKey();
    for (int i = 0; i < 60; ++i) {
        data.timestampsMs.append(kT0 + i * kMinuteMs);
        data.values.append(rawValue);
    }
    QSignalSpy redrawn(&view, &MetricChartView::redrawn);
    view.setWindow({kT0, kT0 + 60 * kMinuteMs}, 60);
    store.replace(data);
    view.setFetchResult(QString());
    QTRY_VERIFY(view.renderStats().points > 0);

    QVERIFY(pointsItem(view));
    const QList<QPolygonF> runs = dataRuns(view);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().first().y(), shownValue);

    const QList<QLineSeries *> thresholds = thresholdLines(view);
    QCOMPARE(thresholds.size(), 2);
    QCOMPARE(thresholds.at(0)->at(0).y(), threshold); // thresholds are stated in display units
    QCOMPARE(thresholds.at(1)->at(0).y(), threshold * 2);
    QVERIFY(thresholds.at(0)->name().contains(QLatin1String("Warning")));
    QVERIFY(thresholds.at(1)->name().contains(QLatin1String("Critical")));
    QVERIFY(thresholds.at(0)->pen().color() != thresholds.at(1)->pen().color());
    // Both lines span the whole window.
    QCOMPARE(thresholds.at(0)->at(0).x(), double(kT0));
    QCOMPARE(thresholds.at(0)->at(1).x(), double(kT0 + 60 * kMinuteMs));

    auto *y = axis<QValueAxis>(view, Qt::Vertical);
    QVERIFY(y);
    QCOMPARE(y->titleText(), axisTitle);
    QVERIFY(y->min() <= shownValue && shownValue <= y->max());
    QVERIFY(y->max() >= threshold * 2); // the critical line is inside the plot
}

void TestMetricChartView::timeAxisStatesZone_data() {
    QTest::addColumn<QByteArray>("tz");
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<qint64>("endMs");
    QTest::addColumn<QString>("title");

    const qint64 day = 24 * 60 * kMinuteMs;
    QTest::newRow("utc") << QByteArray("UTC") << kT0 << kT0 + day << QStringLiteral("Time (UTC)");
    QTest::newRow("berlin in winter")
        << QByteArray("Europe/Berlin") << kT0 << kT0 + day << QStringLiteral("Time (CET, UTC+01:00)");
    // 2025-07-01T12:00Z
    QTest::newRow("new york in summer")
        << QByteArray("America/New_York") << qint64(1'751'371'200'000) << qint64(1'751'371'200'000) + day
        << QStringLiteral("Time (EDT, UTC-04:00)");
    // 2025-03-29T12:00Z .. 2025-03-31T12:00Z crosses the change to summer time on the 30th.
    QTest::newRow("window across daylight saving names both zones")
        << QByteArray("Europe/Berlin") << qint64(1'743'249'600'000) << qint64(1'743'249'600'000) + 2 * day
        << QStringLiteral("Time (CET/CEST, UTC+01:00/+02:00)");
}

void TestMetricChartView::timeAxisStatesZone() {
    QFETCH(QByteArray, tz);
    QFETCH(qint64, startMs);
    QFETCH(qint64, endMs);
    QFETCH(QString, title);
    setTimeZone(tz);

    const ChartSpec spec = chartSpec(Unit::Microseconds);
    SeriesStore store;
    MetricChartView view(spec, store);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    store.replace(series(spec, startMs, (endMs - startMs) / kMinuteMs, kMinuteMs, 100));
    view.setWindow({startMs, endMs}, 60);
    view.setFetchResult(QString());
    QTRY_VERIFY(view.renderStats().points > 0);

    auto *x = axis<QDateTimeAxis>(view, Qt::Horizontal);
    QVERIFY2(x, "the time axis is a QDateTimeAxis");
    QCOMPARE(x->titleText(), title);
    QCOMPARE(x->min().toMSecsSinceEpoch(), startMs);
    QCOMPARE(x->max().toMSecsSinceEpoch(), endMs);
    QCOMPARE(x->min().timeSpec(), Qt::LocalTime);
}

void TestMetricChartView::gapsSplitTheLine_data() {
    QTest::addColumn<qint64>("holeMinutes");
    QTest::addColumn<int>("segments");

    QTest::newRow("continuous data is one line") << qint64(0) << 1;
    QTest::newRow("one missing period is still joined") << qint64(1) << 1; // 2 periods apart < 2.5
    QTest::newRow("a 30-minute hole breaks the line") << qint64(30) << 2;
}

void TestMetricChartView::gapsSplitTheLine() {
    QFETCH(qint64, holeMinutes);
    QFETCH(int, segments);

    const ChartSpec spec = chartSpec(Unit::Percent);
    SeriesStore store;
    MetricChartView view(spec, store);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const qint64 holeFrom = kT0 + 120 * kMinuteMs;
    store.replace(series(spec, kT0, 240, kMinuteMs, 50, holeFrom, holeFrom + holeMinutes * kMinuteMs));
    view.setWindow({kT0, kT0 + 240 * kMinuteMs}, 60);
    view.setFetchResult(QString());
    QTRY_VERIFY(view.renderStats().points > 0);

    const QList<QPolygonF> runs = dataRuns(view);
    QCOMPARE(runs.size(), segments);
    QCOMPARE(view.renderStats().segments, segments);
    // One metric, one colour however many pieces: its legend entry has the line's colour …
    const QList<QLineSeries *> carriers = legendCarriers(view);
    QCOMPARE(carriers.size(), 1);
    QCOMPARE(carriers.first()->pen().color(), dataColour(view));
    QCOMPARE(carriers.first()->name(), spec.series.first().legend);
    // … and there is one legend entry. (Qt Charts hides the whole legend until its layout has run
    // after a series was added, hence the wait.)
    auto legendEntries = [&] {
        int entries = 0;
        for (QLineSeries *line : carriers)
            for (QLegendMarker *marker : chartOf(view)->legend()->markers(line))
                entries += marker->isVisible() ? 1 : 0;
        return entries;
    };
    QTRY_COMPARE(legendEntries(), 1);
    if (segments == 2) {
        // Nothing is drawn inside the hole: the first piece ends before it, the second starts after.
        QVERIFY(runs.at(0).last().x() < double(holeFrom));
        QVERIFY(runs.at(1).first().x() >= double(holeFrom + holeMinutes * kMinuteMs));
    }
}

void TestMetricChartView::legendMarksSeriesWithoutData() {
    // Two series, one with points in the window: each has its legend entry in its line's colour,
    // and the empty one says so.
    ChartSpec spec = chartSpec(Unit::Percent);
    spec.series.append({query(QStringLiteral("OverheadLatency")), QStringLiteral("Overhead latency")});
    SeriesStore store;
    MetricChartView view(spec, store);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    store.replace(series(spec, kT0, 60, kMinuteMs, 50));
    view.setWindow({kT0, kT0 + 60 * kMinuteMs}, 60);
    view.setFetchResult(QString());
    QTRY_VERIFY(view.renderStats().points > 0);

    const QList<QLineSeries *> carriers = legendCarriers(view);
    QCOMPARE(carriers.size(), 2);
    QCOMPARE(carriers.at(0)->name(), QStringLiteral("Model latency"));
    QVERIFY2(carriers.at(1)->name().startsWith(QLatin1String("Overhead latency (")),
             qPrintable(carriers.at(1)->name()));
    QCOMPARE(view.renderStats().seriesWithData, 1);
    for (qsizetype i = 0; i < 2; ++i)
        QCOMPARE(carriers.at(i)->pen().color(), dataColour(view, i));
    QVERIFY(dataColour(view, 0) != dataColour(view, 1));
    QCOMPARE(dataRuns(view, 1).size(), 0); // nothing drawn for it
}

void TestMetricChartView::millionPointsReducedToPixelWidth() {
    const ChartSpec spec = chartSpec(Unit::Microseconds);
    SeriesStore store;
    MetricChartView view(spec, store);
    view.resize(1280, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    constexpr qsizetype kPoints = 1'000'000;
    constexpr qint64 kStepMs = 1000; // 1 M one-second points ≈ 11.6 days
    store.replace(series(spec, kT0, kPoints, kStepMs, 1000));
    QElapsedTimer timer;
    timer.start();
    view.setWindow({kT0, kT0 + kPoints * kStepMs}, 1);
    view.setFetchResult(QString());
    QTRY_VERIFY(view.renderStats().points > 0);
    const qint64 firstRedrawMs = timer.elapsed();

    qsizetype drawn = 0;
    for (const QPolygonF &run : dataRuns(view))
        drawn += run.size();
    QCOMPARE(drawn, view.renderStats().points);
    QVERIFY2(drawn <= 4 * view.width(),
             qPrintable(QStringLiteral("%1 points for a %2 px wide view").arg(drawn).arg(view.width())));
    QVERIFY(drawn >= view.renderStats().plotWidthPx); // and not reduced to nothing
    // Qt Charts holds none of them: the legend carrier stays empty.
    for (QLineSeries *carrier : legendCarriers(view))
        QCOMPARE(carrier->count(), 0);
    qInfo("1,000,000 points -> %lld drawn (plot %d px); first redraw %lld ms", qlonglong(drawn),
          view.renderStats().plotWidthPx, qlonglong(firstRedrawMs));
}

void TestMetricChartView::redrawsAreCoalesced() {
    const ChartSpec spec = chartSpec(Unit::Percent);
    SeriesStore store;
    MetricChartView view(spec, store);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const SeriesData data = series(spec, kT0, 120, kMinuteMs, 50);
    store.replace(data);
    view.setWindow({kT0, kT0 + 120 * kMinuteMs}, 60);
    view.setFetchResult(QString());
    QTRY_VERIFY(view.renderStats().redraws > 0);
    // Let the first layout settle (the plot area changes once axis labels are known).
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
    const int before = view.renderStats().redraws;

    for (int i = 0; i < 10; ++i)
        store.replace(data); // ten announcements within one event-loop turn
    SeriesData unrelated;
    unrelated.seriesKey = QStringLiteral("AWS/SageMaker|Other|x=y|Average");
    store.replace(unrelated);                     // not this chart's: ignored
    QCOMPARE(view.renderStats().redraws, before); // nothing drawn synchronously
    QTRY_COMPARE(view.renderStats().redraws, before + 1);
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(view.renderStats().redraws, before + 1);
}

void TestMetricChartView::saysWhyItIsEmpty_data() {
    QTest::addColumn<int>("periodSeconds");
    QTest::addColumn<QString>("errorMessage");
    QTest::addColumn<int>("state");
    QTest::addColumn<QStringList>("mentions");

    // Window 2025-11-17 08:00 .. 09:00 UTC; the short date format of C.UTF-8 is yyyy-MM-dd HH:mm
    // or d/M/yy … — the test only relies on the clock time, which every format shows.
    QTest::newRow("minute metric without points names the window")
        << 60 << QString() << int(MetricChartView::State::NoData)
        << QStringList{QStringLiteral("No data in this window"), QStringLiteral("08:00"),
                       QStringLiteral("09:00"), QStringLiteral("UTC")};
    QTest::newRow("daily metric says it is daily")
        << 86400 << QString() << int(MetricChartView::State::NoData)
        << QStringList{QStringLiteral("No data in this window"), QStringLiteral("once a day"),
                       QStringLiteral("longer time range")};
    QTest::newRow("failed fetch shows the error")
        << 60 << QStringLiteral("Rate exceeded (throttled by CloudWatch)")
        << int(MetricChartView::State::Error)
        << QStringList{QStringLiteral("Could not load"), QStringLiteral("Rate exceeded")};
}

void TestMetricChartView::saysWhyItIsEmpty() {
    QFETCH(int, periodSeconds);
    QFETCH(QString, errorMessage);
    QFETCH(int, state);
    QFETCH(QStringList, mentions);

    const ChartSpec spec = chartSpec(Unit::Bytes, {}, periodSeconds);
    SeriesStore store;
    MetricChartView view(spec, store);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // Before any fetch answers the chart says it is loading, never shows a bare frame.
    QCOMPARE(view.state(), MetricChartView::State::Loading);
    auto *label = view.findChild<QLabel *>();
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QLatin1String("Loading")));

    QSignalSpy changed(&view, &MetricChartView::stateChanged);
    SeriesData empty;
    empty.seriesKey = spec.series.first().query.seriesKey();
    // Points exist, but all before the window: still "no data in this window".
    empty.timestampsMs = {kT0 - 10 * 24 * 60 * kMinuteMs};
    empty.values = {1.0};
    store.replace(empty);
    view.setWindow({kT0, kT0 + 60 * kMinuteMs}, 60);
    view.setFetchResult(errorMessage);

    QCOMPARE(int(view.state()), state);
    QVERIFY(!changed.isEmpty());
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), view.statusText());
    for (const QString &m : mentions)
        QVERIFY2(view.statusText().contains(m),
                 qPrintable(view.statusText() + QStringLiteral(" lacks ") + m));
    if (!errorMessage.isEmpty())
        QCOMPARE(label->toolTip(), errorMessage); // the full text is one hover away

    // Data arriving for the window clears the text.
    view.setFetchResult(QString());
    store.replace(series(spec, kT0, 60, kMinuteMs, 5e9));
    QCOMPARE(view.state(), MetricChartView::State::Data);
    QVERIFY(view.statusText().isEmpty());
    QVERIFY(!label->isVisible());
}

void TestMetricChartView::paletteChangeUpdatesColours() {
    const ChartSpec spec = chartSpec(Unit::Percent, {{80, ThresholdLevel::Warning}});
    SeriesStore store;
    MetricChartView view(spec, store);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    store.replace(series(spec, kT0, 60, kMinuteMs, 50));
    view.setWindow({kT0, kT0 + 60 * kMinuteMs}, 60);
    view.setFetchResult(QString());
    QTRY_VERIFY(view.renderStats().points > 0);
    const QColor lightSeries = dataColour(view);

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    dark.setColor(QPalette::Base, QColor(0x16, 0x18, 0x1b));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    view.setPalette(dark); // delivers QEvent::PaletteChange

    QChart *chart = chartOf(view);
    QCOMPARE(chart->backgroundBrush().color(), dark.color(QPalette::Window));
    QCOMPARE(chart->plotAreaBackgroundBrush().color(), dark.color(QPalette::Base));
    QCOMPARE(chart->titleBrush().color(), dark.color(QPalette::WindowText));
    QCOMPARE(axis<QValueAxis>(view, Qt::Vertical)->labelsColor(), dark.color(QPalette::WindowText));
    QCOMPARE(axis<QDateTimeAxis>(view, Qt::Horizontal)->titleBrush().color(),
             dark.color(QPalette::WindowText));
    QCOMPARE(chart->legend()->labelColor(), dark.color(QPalette::WindowText));
    // Series colours switch to the variants made for dark backgrounds, line and legend alike.
    const QColor darkSeries = dataColour(view);
    QVERIFY(darkSeries != lightSeries);
    QVERIFY(darkSeries.lightness() > lightSeries.lightness());
    QCOMPARE(legendCarriers(view).first()->pen().color(), darkSeries);
}

void TestMetricChartView::accessibleNameIsTitle() {
    const ChartSpec spec = chartSpec(Unit::Percent);
    SeriesStore store;
    MetricChartView view(spec, store);
    QCOMPARE(view.accessibleName(), spec.title);
    QCOMPARE(view.accessibleDescription(), spec.explanation);
    QCOMPARE(chartOf(view)->title(), spec.title);
}

void TestMetricChartView::valueAxisIsRound_data() {
    QTest::addColumn<QList<double>>("input"); // data min, data max, threshold min, threshold max
    QTest::addColumn<double>("naturalMax");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("ticks");
    QTest::addColumn<int>("decimals");

    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("utilisation reads on 0-100")
        << QList<double>{3, 98, 80, 90} << 100.0 << 0.0 << 100.0 << 6 << 0;
    QTest::newRow("percent above 100 is not cut off")
        << QList<double>{0, 180, 80, 90} << 100.0 << 0.0 << 200.0 << 5 << 0;
    QTest::newRow("critical line above the data stays inside")
        << QList<double>{0, 250, 200, 400} << nan << 0.0 << 500.0 << 6 << 0;
    QTest::newRow("thresholds alone set the scale when there is no data")
        << QList<double>{nan, nan, 80, 90} << nan << 0.0 << 100.0 << 6 << 0;
    QTest::newRow("negative values get room below")
        << QList<double>{-3, 5, nan, nan} << nan << -4.0 << 6.0 << 6 << 0;
    QTest::newRow("fractions get decimals") << QList<double>{0, 0.3, nan, nan} << nan << 0.0 << 0.4 << 5 << 1;
}

void TestMetricChartView::valueAxisIsRound() {
    QFETCH(QList<double>, input);
    QFETCH(double, naturalMax);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(int, ticks);
    QFETCH(int, decimals);

    const ValueRange r = valueAxisRange(input.at(0), input.at(1), input.at(2), input.at(3), naturalMax);
    QCOMPARE(r.min, min);
    QCOMPARE(r.max, max);
    QCOMPARE(r.tickCount, ticks);
    QCOMPARE(r.decimals, decimals);
}

void TestMetricChartView::timeTicksAreRoundIntervals_data() {
    QTest::addColumn<qint64>("hours");
    QTest::addColumn<int>("widthPx");
    QTest::addColumn<int>("ticks");

    QTest::newRow("a day on a narrow chart: every 6 h") << qint64(24) << 576 << 5;
    QTest::newRow("a day on a wide chart: every 3 h") << qint64(24) << 1188 << 9;
    QTest::newRow("an hour: every 15 min") << qint64(1) << 576 << 5;
    QTest::newRow("a week on a wide chart: every day") << qint64(7 * 24) << 1188 << 8;
    QTest::newRow("30 days: every 10 days") << qint64(30 * 24) << 576 << 4;
}

void TestMetricChartView::timeTicksAreRoundIntervals() {
    QFETCH(qint64, hours);
    QFETCH(int, widthPx);
    QFETCH(int, ticks);
    QCOMPARE(timeAxisTickCount(hours * 3600 * 1000, widthPx), ticks);
}

QTEST_MAIN(TestMetricChartView)
#include "tst_metric_chart_view.moc"
