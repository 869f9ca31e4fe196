// Moving through time on real charts (offscreen): drag to zoom, wheel zoom around the cursor,
// Shift/middle drag and arrow keys to pan, the ways back to the whole window, one zoom and one
// crosshair for every chart of a tab (ChartViewSync), the hover tooltip in display units with
// its zone, legend clicks that hide a series, and the UTC / local time toggle. Every gesture is
// a real QMouseEvent / QWheelEvent / QKeyEvent sent to the chart; nothing waits on a timer.
#include "charts/chart_navigation.h"
#include "charts/chart_scene.h"
#include "charts/chart_view_sync.h"
#include "charts/metric_chart_view.h"
#include "charts/series_polyline_item.h"
#include "charts/time_display.h"
#include "core/store/series_store.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QDir>
#include <QGraphicsScene>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <ctime>
#include <memory>

namespace mlwatch {
// QCOMPARE prints ranges readably.
char *toString(const TimeRange &range) {
    return QTest::toString(QStringLiteral("[%1, %2)").arg(range.startMs).arg(range.endMs));
}
} // namespace mlwatch

Q_DECLARE_METATYPE(mlwatch::TimeRange)

using namespace mlwatch;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kT0 = 1'763'366'400'000; // 2025-11-17T08:00:00Z, a Monday
constexpr qint64 kHourMs = 60 * kMinuteMs;
const TimeRange kWindow{kT0, kT0 + kHourMs};

MetricQuery query(const QString &metric) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = metric;
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn-endpoint")}};
    q.periodSeconds = 60;
    return q;
}

// Model latency p50 and p99, stored in µs, shown in ms.
ChartSpec latencySpec(const QString &id) {
    ChartSpec spec;
    spec.id = id;
    spec.stage = Stage::Monitoring;
    spec.title = QStringLiteral("Model latency — churn-endpoint");
    spec.resource = QStringLiteral("churn-endpoint");
    spec.unit = Unit::Microseconds;
    MetricQuery p50 = query(QStringLiteral("ModelLatency"));
    p50.stat = QStringLiteral("p50");
    MetricQuery p99 = query(QStringLiteral("ModelLatency"));
    p99.stat = QStringLiteral("p99");
    spec.series = {{p50, QStringLiteral("p50")}, {p99, QStringLiteral("p99")}};
    return spec;
}

// Training "CPU vs GPU" on `instanceType`: SageMaker sums CPUUtilization over the vCPUs and
// GPUUtilization over the GPUs.
ChartSpec cpuGpuSpec(const QString &instanceType) {
    ChartSpec spec;
    spec.id = QStringLiteral("training/cpu-gpu/job");
    spec.stage = Stage::Training;
    spec.title = QStringLiteral("CPU vs GPU — job");
    spec.resource = QStringLiteral("job/algo-1");
    spec.unit = Unit::Percent;
    spec.instanceType = instanceType;
    for (const char *metric : {"CPUUtilization", "GPUUtilization"}) {
        MetricQuery q = query(QLatin1String(metric));
        q.namespaceName = QStringLiteral("/aws/sagemaker/TrainingJobs");
        q.dimensions = {{QStringLiteral("Host"), QStringLiteral("job/algo-1")}};
        q.stat = QStringLiteral("Average");
        spec.series.append({q, QLatin1String(metric).startsWith(QLatin1Char('C'))
                                   ? QStringLiteral("CPU utilisation")
                                   : QStringLiteral("GPU utilisation")});
    }
    return spec;
}

// One point a minute over the window at `value`, leaving out [holeFrom, holeTo).
SeriesData constant(const QString &key, double value, qint64 holeFrom = 0, qint64 holeTo = 0) {
    SeriesData data;
    data.seriesKey = key;
    for (qint64 t = kWindow.startMs; t < kWindow.endMs; t += kMinuteMs) {
        if (t >= holeFrom && t < holeTo)
            continue;
        data.timestampsMs.append(t);
        data.values.append(value);
    }
    return data;
}

void setTimeZone(const QByteArray &tz) {
    qputenv("TZ", tz);
    tzset();
}

QString axisTitle(MetricChartView &view) {
    auto *chartView = view.findChild<QChartView *>();
    const QList<QAbstractAxis *> axes = chartView->chart()->axes(Qt::Horizontal);
    return axes.isEmpty() ? QString() : axes.first()->titleText();
}

QDateTimeAxis *timeAxis(MetricChartView &view) {
    auto *chartView = view.findChild<QChartView *>();
    return qobject_cast<QDateTimeAxis *>(chartView->chart()->axes(Qt::Horizontal).value(0));
}

// Two charts of one tab, synchronised, showing p50 = 250 ms and p99 = 1.5 ms (stored in µs).
struct Tab {
    SeriesStore store;
    QWidget host;
    MetricChartView *a = nullptr;
    MetricChartView *b = nullptr;
    ChartViewSync sync;

    Tab(qint64 holeFrom = 0, qint64 holeTo = 0) {
        const ChartSpec specA = latencySpec(QStringLiteral("a"));
        const ChartSpec specB = latencySpec(QStringLiteral("b"));
        store.replace(constant(specA.series.at(0).query.seriesKey(), 250'000, holeFrom, holeTo));
        store.replace(constant(specA.series.at(1).query.seriesKey(), 1'500));
        auto *layout = new QVBoxLayout(&host);
        a = new MetricChartView(specA, store);
        b = new MetricChartView(specB, store);
        layout->addWidget(a);
        layout->addWidget(b);
        host.resize(760, 840);
        sync.setCharts({a, b});
    }

    bool start() {
        host.show();
        if (!QTest::qWaitForWindowExposed(&host))
            return false;
        for (MetricChartView *view : {a, b}) {
            view->setWindow(kWindow, 60);
            view->setFetchResult(QString());
        }
        return QTest::qWaitFor([this] { return a->renderStats().points > 0 && b->renderStats().points > 0; });
    }
};

// Positions over chart `view`'s plot, in the coordinates of the widget that gets its mouse events.
QPoint at(MetricChartView &view, double fractionX, double fractionY = 0.5) {
    const QRect plot = view.plotRect();
    const QPoint inView(plot.left() + int(std::lround(fractionX * plot.width())),
                        plot.top() + int(std::lround(fractionY * plot.height())));
    return view.mouseArea()->mapFrom(&view, inView);
}

// The time at a mouse-area x on `view`'s plot as the view maps it.
qint64 timeAtX(MetricChartView &view, int xInMouseArea) {
    const QRect plot = view.plotRect();
    const int left = view.mouseArea()->mapFrom(&view, plot.topLeft()).x();
    return ChartNavigation::timeAt(xInMouseArea, left, plot.width(), view.viewRange());
}

// One pixel's worth of time on `view`'s plot now (and a little for rounding of the plot edge).
qint64 pixelMs(MetricChartView &view) {
    return qint64(1.5 * double(view.viewRange().durationMs()) / view.plotRect().width()) + 1;
}

void wheel(MetricChartView &view, const QPoint &pos, int angleY,
           Qt::KeyboardModifiers modifiers = Qt::ControlModifier) {
    QWheelEvent event(pos, view.mouseArea()->mapToGlobal(pos), QPoint(), QPoint(0, angleY), Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.mouseArea(), &event);
}

#define VERIFY_NEAR(actual, expected, tolerance)                                                             \
    QVERIFY2(                                                                                                \
        std::abs(qint64(actual) - qint64(expected)) <= qint64(tolerance),                                    \
        qPrintable(QStringLiteral("%1 is not within %2 of %3").arg(actual).arg(tolerance).arg(expected)))

} // namespace

class TestChartNavigation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { setTimeZone("UTC"); }
    void cleanup() { setTimeZone("UTC"); }

    void navigationStaysInsideTheWindow_data();
    void navigationStaysInsideTheWindow();
    void dragZoomNarrowsToTheDraggedSpan_data();
    void dragZoomNarrowsToTheDraggedSpan();
    void shortDragIsAClickNotAZoom();
    void wheelZoomKeepsTheTimeUnderTheCursor();
    void plainWheelZoomsOnlyAfterAClickOnThePlot();
    void dragPansByTheDraggedTime_data();
    void dragPansByTheDraggedTime();
    void arrowKeysPanTheFocusedChart();
    void resetShowsTheWholeWindow_data();
    void resetShowsTheWholeWindow();
    void zoomAppliesToEveryChartOfTheTab();
    void hoverDrawsTheCrosshairOnEveryChartOfTheTab();
    void tooltipListsValuesInDisplayUnitsAndNamesTheZone_data();
    void tooltipListsValuesInDisplayUnitsAndNamesTheZone();
    void perDeviceValuesOnOneChart_data();
    void perDeviceValuesOnOneChart();
    void legendClickHidesAndShowsASeries();
    void utcToggleChangesTheAxis();
    void exportsShowTheZoomedRange();
    void newWindowKeepsOrResetsTheZoom_data();
    void newWindowKeepsOrResetsTheZoom();
};

// The arithmetic under every gesture (ChartNavigation), minute units over a 60-minute window.
void TestChartNavigation::navigationStaysInsideTheWindow_data() {
    QTest::addColumn<QString>("op");
    QTest::addColumn<TimeRange>("range");
    QTest::addColumn<double>("arg");
    QTest::addColumn<TimeRange>("expected");
    const auto m = [](qint64 from, qint64 to) {
        return TimeRange{kT0 + from * kMinuteMs, kT0 + to * kMinuteMs};
    };
    QTest::newRow("clamp: inside stays") << QStringLiteral("clamp") << m(10, 20) << 0.0 << m(10, 20);
    QTest::newRow("clamp: sticking out moves in, span kept")
        << QStringLiteral("clamp") << m(50, 70) << 0.0 << m(40, 60);
    QTest::newRow("clamp: longer than the window is the window")
        << QStringLiteral("clamp") << m(-10, 70) << 0.0 << m(0, 60);
    QTest::newRow("clamp: below the minimum widens around the middle")
        << QStringLiteral("clamp") << TimeRange{kT0 + 30 * kMinuteMs, kT0 + 30 * kMinuteMs + 1000} << 0.0
        << TimeRange{kT0 + 29 * kMinuteMs + 500, kT0 + 31 * kMinuteMs + 500};
    QTest::newRow("zoom in around the start keeps the start")
        << QStringLiteral("zoom") << m(0, 60) << 0.5 << m(0, 30);
    QTest::newRow("zoom out at an end stops at the window")
        << QStringLiteral("zoom") << m(40, 60) << 1.5 << m(30, 60);
    QTest::newRow("pan later") << QStringLiteral("pan") << m(10, 20) << 5.0 << m(15, 25);
    QTest::newRow("pan past the end stops there") << QStringLiteral("pan") << m(10, 20) << 100.0 << m(50, 60);
    QTest::newRow("pan past the start stops there")
        << QStringLiteral("pan") << m(10, 20) << -100.0 << m(0, 10);
}

void TestChartNavigation::navigationStaysInsideTheWindow() {
    QFETCH(QString, op);
    QFETCH(TimeRange, range);
    QFETCH(double, arg);
    QFETCH(TimeRange, expected);
    const qint64 minSpan = ChartNavigation::minimumSpanMs(60);
    QCOMPARE(minSpan, 2 * kMinuteMs);
    TimeRange result;
    if (op == QLatin1String("clamp"))
        result = ChartNavigation::clamped(range, kWindow, minSpan);
    else if (op ==
             QLatin1String("zoom")) // anchored at the range's start when it is the window's, else its end
        result = ChartNavigation::zoomed(
            range, range.startMs == kWindow.startMs ? range.startMs : range.endMs, arg, kWindow, minSpan);
    else
        result = ChartNavigation::panned(range, qint64(arg) * kMinuteMs, kWindow);
    QCOMPARE(result, expected);
}

void TestChartNavigation::dragZoomNarrowsToTheDraggedSpan_data() {
    QTest::addColumn<double>("fromX");
    QTest::addColumn<double>("toX");
    QTest::newRow("left to right") << 0.25 << 0.75;
    QTest::newRow("right to left") << 0.8 << 0.4;
    QTest::newRow("past the plot's edge stops at it") << 0.5 << 1.2;
}

void TestChartNavigation::dragZoomNarrowsToTheDraggedSpan() {
    QFETCH(double, fromX);
    QFETCH(double, toX);
    Tab tab;
    QVERIFY(tab.start());
    MetricChartView &view = *tab.a;
    const QPoint from = at(view, fromX);
    const QPoint to = at(view, std::min(toX, 1.0));
    const QPoint release = at(view, toX);
    const qint64 expectedStart = timeAtX(view, std::min(from.x(), to.x()));
    const qint64 expectedEnd = timeAtX(view, std::max(from.x(), to.x()));
    const qint64 tolerance = pixelMs(view);
    QSignalSpy changed(&view, &MetricChartView::viewRangeChanged);
    const int redraws = view.renderStats().redraws;

    QTest::mousePress(view.mouseArea(), Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(view.mouseArea(), release);
    QTest::mouseRelease(view.mouseArea(), Qt::LeftButton, Qt::NoModifier, release);

    QVERIFY(view.isZoomed());
    QCOMPARE(changed.size(), 1);
    VERIFY_NEAR(view.viewRange().startMs, expectedStart, tolerance);
    VERIFY_NEAR(view.viewRange().endMs, std::min(expectedEnd, kWindow.endMs), tolerance);
    QCOMPARE(view.window(), kWindow); // the fetched window stays what it was
    auto *indicator = view.findChild<QToolButton *>(QStringLiteral("zoomIndicator"));
    QVERIFY(indicator && indicator->isVisible());
    QVERIFY2(indicator->text().startsWith(QStringLiteral("Zoomed: ")), qPrintable(indicator->text()));
    QVERIFY2(indicator->text().contains(QStringLiteral("UTC")), "the indicator names the zone");
    // The redraw reduces the data to the zoomed span: one point a minute, no more.
    QCOMPARE(view.renderRequest().window, view.viewRange()); // what the redraw and exports show
    QTRY_VERIFY(view.renderStats().redraws > redraws);
    QVERIFY(view.renderStats().points <= 2 * (view.viewRange().durationMs() / kMinuteMs + 4));
}

void TestChartNavigation::shortDragIsAClickNotAZoom() {
    Tab tab;
    QVERIFY(tab.start());
    const QPoint p = at(*tab.a, 0.5);
    QTest::mousePress(tab.a->mouseArea(), Qt::LeftButton, Qt::NoModifier, p);
    QTest::mouseMove(tab.a->mouseArea(), p + QPoint(2, 0));
    QTest::mouseRelease(tab.a->mouseArea(), Qt::LeftButton, Qt::NoModifier, p + QPoint(2, 0));
    QVERIFY(!tab.a->isZoomed());
}

void TestChartNavigation::wheelZoomKeepsTheTimeUnderTheCursor() {
    Tab tab;
    QVERIFY(tab.start());
    MetricChartView &view = *tab.a;
    const QPoint cursor = at(view, 0.3);
    const qint64 anchor = timeAtX(view, cursor.x());

    wheel(view, cursor, 120); // in: 80 % of the span
    QVERIFY(view.isZoomed());
    QCOMPARE(view.viewRange().durationMs(), qint64(0.8 * double(kHourMs)));
    VERIFY_NEAR(timeAtX(view, cursor.x()), anchor, pixelMs(view));

    wheel(view, cursor, 240); // two notches in: 64 % of that
    QCOMPARE(view.viewRange().durationMs(), qint64(0.8 * 0.8 * 0.8 * double(kHourMs)));
    VERIFY_NEAR(timeAtX(view, cursor.x()), anchor, pixelMs(view));

    wheel(view, cursor, -120); // out again
    VERIFY_NEAR(view.viewRange().durationMs(), qint64(0.8 * 0.8 * double(kHourMs)), 2);
    VERIFY_NEAR(timeAtX(view, cursor.x()), anchor, pixelMs(view));

    for (int i = 0; i < 5; ++i)
        wheel(view, cursor, -120); // out past the window: the whole window, not more
    QVERIFY(!view.isZoomed());
    QCOMPARE(view.viewRange(), kWindow);

    for (int i = 0; i < 40; ++i)
        wheel(view, cursor, 120); // in as far as it goes: two periods, never less than a minute
    QCOMPARE(view.viewRange().durationMs(), ChartNavigation::minimumSpanMs(60));
}

void TestChartNavigation::plainWheelZoomsOnlyAfterAClickOnThePlot() {
    Tab tab;
    QVERIFY(tab.start());
    MetricChartView &view = *tab.a;
    wheel(view, at(view, 0.5), 120, Qt::NoModifier); // on the way down the page: not a zoom
    QVERIFY(!view.isZoomed());
    QTest::mouseClick(view.mouseArea(), Qt::LeftButton, Qt::NoModifier, at(view, 0.5)); // "this one"
    wheel(view, at(view, 0.5), 120, Qt::NoModifier);
    QVERIFY(view.isZoomed());
    view.resetZoom();
    QEvent leave(QEvent::Leave); // gone and back: scrolling the page again
    QApplication::sendEvent(view.mouseArea(), &leave);
    wheel(view, at(view, 0.5), 120, Qt::NoModifier);
    QVERIFY(!view.isZoomed());
}

void TestChartNavigation::dragPansByTheDraggedTime_data() {
    QTest::addColumn<Qt::MouseButton>("button");
    QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
    QTest::newRow("shift drag") << Qt::LeftButton << Qt::KeyboardModifiers(Qt::ShiftModifier);
    QTest::newRow("middle button drag") << Qt::MiddleButton << Qt::KeyboardModifiers();
}

void TestChartNavigation::dragPansByTheDraggedTime() {
    QFETCH(Qt::MouseButton, button);
    QFETCH(Qt::KeyboardModifiers, modifiers);
    Tab tab;
    QVERIFY(tab.start());
    MetricChartView &view = *tab.a;
    const TimeRange zoomed{kT0 + 20 * kMinuteMs, kT0 + 40 * kMinuteMs};
    view.setViewRange(zoomed);
    QCOMPARE(view.viewRange(), zoomed);

    const QPoint from = at(view, 0.5);
    const QPoint to = from + QPoint(100, 0); // the data follows the mouse: earlier times come in
    const qint64 draggedMs = timeAtX(view, to.x()) - timeAtX(view, from.x());
    QTest::mousePress(view.mouseArea(), button, modifiers, from);
    QTest::mouseMove(view.mouseArea(), to);
    QTest::mouseRelease(view.mouseArea(), button, modifiers, to);

    QVERIFY(view.isZoomed());
    QCOMPARE(view.viewRange().durationMs(), zoomed.durationMs());
    VERIFY_NEAR(view.viewRange().startMs, zoomed.startMs - draggedMs, pixelMs(view));

    // Far past the window's start: it stops there, span kept.
    QTest::mousePress(view.mouseArea(), button, modifiers, at(view, 0.1));
    QTest::mouseMove(view.mouseArea(), at(view, 0.1) + QPoint(2000, 0));
    QTest::mouseRelease(view.mouseArea(), button, modifiers, at(view, 0.1) + QPoint(2000, 0));
    QCOMPARE(view.viewRange(), (TimeRange{kWindow.startMs, kWindow.startMs + zoomed.durationMs()}));
}

void TestChartNavigation::arrowKeysPanTheFocusedChart() {
    Tab tab;
    QVERIFY(tab.start());
    MetricChartView &view = *tab.a;
    const TimeRange zoomed{kT0 + 20 * kMinuteMs, kT0 + 40 * kMinuteMs};
    view.setViewRange(zoomed);
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.viewRange(), (TimeRange{zoomed.startMs + 2 * kMinuteMs, zoomed.endMs + 2 * kMinuteMs}));
    QTest::keyClick(&view, Qt::Key_Left);
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.viewRange(), (TimeRange{zoomed.startMs - 2 * kMinuteMs, zoomed.endMs - 2 * kMinuteMs}));
    QCOMPARE(tab.b->viewRange(), view.viewRange()); // keys move the tab together too
}

void TestChartNavigation::resetShowsTheWholeWindow_data() {
    QTest::addColumn<QString>("how");
    QTest::newRow("escape") << QStringLiteral("escape");
    QTest::newRow("ctrl+0") << QStringLiteral("ctrl0");
    QTest::newRow("double-click") << QStringLiteral("dblclick");
    QTest::newRow("zoom indicator") << QStringLiteral("indicator");
    QTest::newRow("reset zoom action") << QStringLiteral("action");
}

void TestChartNavigation::resetShowsTheWholeWindow() {
    QFETCH(QString, how);
    Tab tab;
    QVERIFY(tab.start());
    MetricChartView &view = *tab.a;
    view.setViewRange({kT0 + 10 * kMinuteMs, kT0 + 20 * kMinuteMs});
    QVERIFY(view.isZoomed());
    QVERIFY(tab.b->isZoomed());
    auto *indicator = view.findChild<QToolButton *>(QStringLiteral("zoomIndicator"));
    QVERIFY(indicator && indicator->isVisible());

    if (how == QLatin1String("escape"))
        QTest::keyClick(&view, Qt::Key_Escape);
    else if (how == QLatin1String("ctrl0"))
        QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    else if (how == QLatin1String("dblclick"))
        QTest::mouseDClick(view.mouseArea(), Qt::LeftButton, Qt::NoModifier, at(view, 0.5));
    else if (how == QLatin1String("indicator"))
        QTest::mouseClick(indicator, Qt::LeftButton);
    else
        view.findChild<QAction *>(QStringLiteral("resetZoomAction"))->trigger();

    QVERIFY(!view.isZoomed());
    QCOMPARE(view.viewRange(), kWindow);
    QVERIFY(!indicator->isVisible());
    QVERIFY(!tab.b->isZoomed()); // the whole tab
}

void TestChartNavigation::zoomAppliesToEveryChartOfTheTab() {
    Tab tab;
    QVERIFY(tab.start());
    QTest::mousePress(tab.a->mouseArea(), Qt::LeftButton, Qt::NoModifier, at(*tab.a, 0.2));
    QTest::mouseMove(tab.a->mouseArea(), at(*tab.a, 0.6));
    QTest::mouseRelease(tab.a->mouseArea(), Qt::LeftButton, Qt::NoModifier, at(*tab.a, 0.6));
    QVERIFY(tab.a->isZoomed());
    QCOMPARE(tab.b->viewRange(), tab.a->viewRange());
    QTRY_VERIFY(tab.b->renderRequest().window == tab.a->viewRange());

    wheel(*tab.b, at(*tab.b, 0.5), 120); // and back from the other chart
    QCOMPARE(tab.a->viewRange(), tab.b->viewRange());

    // A chart outside the sync keeps its own range.
    tab.sync.setCharts({tab.a});
    tab.a->resetZoom();
    QVERIFY(tab.b->isZoomed());
}

void TestChartNavigation::hoverDrawsTheCrosshairOnEveryChartOfTheTab() {
    Tab tab;
    QVERIFY(tab.start());
    const QPoint p = at(*tab.a, 0.4);
    const qint64 expected = timeAtX(*tab.a, p.x());
    QTest::mouseMove(tab.a->mouseArea(), p);

    QVERIFY(tab.a->hasCrosshair());
    QVERIFY(tab.b->hasCrosshair());
    VERIFY_NEAR(tab.a->crosshairTimeMs(), expected, pixelMs(*tab.a));
    QCOMPARE(tab.b->crosshairTimeMs(), tab.a->crosshairTimeMs()); // the same time, not the same pixel
    QVERIFY(!tab.a->hoverText().isEmpty());
    QVERIFY2(tab.b->hoverText().isEmpty(), "only the hovered chart shows the tooltip");
    if (!qEnvironmentVariableIsEmpty("MLWATCH_TEST_IMAGES")) { // to look at it
        tab.a->setViewRange({kT0 + 10 * kMinuteMs, kT0 + 50 * kMinuteMs});
        QTRY_COMPARE(tab.b->renderStats().plotWidthPx > 0, true);
        QTest::mouseMove(tab.a->mouseArea(), p);
        tab.host.grab().save(
            QDir(qEnvironmentVariable("MLWATCH_TEST_IMAGES")).filePath(QStringLiteral("hover.png")));
        tab.a->resetZoom();
        QTest::mouseMove(tab.a->mouseArea(), p);
    }

    // Off the plot (over the legend): the crosshair goes from every chart.
    const QRect legend = tab.a->legendEntryRect(0);
    QVERIFY(!legend.isEmpty());
    QTest::mouseMove(tab.a->mouseArea(), tab.a->mouseArea()->mapFrom(tab.a, legend.center()));
    QVERIFY(!tab.a->hasCrosshair());
    QVERIFY(!tab.b->hasCrosshair());
    QVERIFY(tab.a->hoverText().isEmpty());
}

void TestChartNavigation::tooltipListsValuesInDisplayUnitsAndNamesTheZone_data() {
    QTest::addColumn<QByteArray>("tz");
    QTest::addColumn<bool>("utc");
    QTest::addColumn<bool>("hole");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("p50");
    QTest::newRow("local time in Berlin") << QByteArray("Europe/Berlin") << false << false
                                          << QStringLiteral("(CET, UTC+01:00)") << QStringLiteral("250");
    QTest::newRow("utc while in Berlin")
        << QByteArray("Europe/Berlin") << true << false << QStringLiteral("(UTC)") << QStringLiteral("250");
    QTest::newRow("a gap says no data, not zero")
        << QByteArray("UTC") << false << true << QStringLiteral("(UTC)") << QStringLiteral("no data");
}

void TestChartNavigation::tooltipListsValuesInDisplayUnitsAndNamesTheZone() {
    QFETCH(QByteArray, tz);
    QFETCH(bool, utc);
    QFETCH(bool, hole);
    QFETCH(QString, zone);
    QFETCH(QString, p50);
    setTimeZone(tz);
    auto owner =
        hole ? std::make_unique<Tab>(kT0 + 25 * kMinuteMs, kT0 + 35 * kMinuteMs) : std::make_unique<Tab>();
    Tab &tab = *owner;
    QVERIFY(tab.start());
    tab.a->setTimeZoneMode(utc ? TimeZoneMode::Utc : TimeZoneMode::Local);
    QTest::mouseMove(tab.a->mouseArea(), at(*tab.a, 0.5)); // 08:30 UTC, in the hole when there is one

    const QString text = tab.a->hoverText();
    const QStringList lines = text.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3); // the time, then p50 and p99
    QVERIFY2(lines.at(0).endsWith(zone), qPrintable(text));
    QVERIFY2(lines.at(0).contains(utc || tz == "UTC" ? QStringLiteral("08:") : QStringLiteral("09:")),
             qPrintable(text));
    const QChar nnbsp(0x202F);
    const QString expectedP50 = p50 == QLatin1String("no data")
                                    ? p50
                                    : QLocale().toString(250.0, 'f', 0) + nnbsp + QStringLiteral("ms");
    QCOMPARE(lines.at(1), QStringLiteral("p50: ") + expectedP50); // µs shown in ms
    QCOMPARE(lines.at(2),
             QStringLiteral("p99: ") + QLocale().toString(1.5, 'f', 2) + nnbsp + QStringLiteral("ms"));

    tab.a->setSeriesHidden(1, true); // hidden series are not listed
    QTest::mouseMove(tab.a->mouseArea(), at(*tab.a, 0.5) + QPoint(1, 0));
    QCOMPARE(tab.a->hoverText().split(QLatin1Char('\n')).size(), 2);
}

void TestChartNavigation::perDeviceValuesOnOneChart_data() {
    QTest::addColumn<QString>("instanceType");
    QTest::addColumn<double>("cpu"); // as shown
    QTest::addColumn<double>("gpu");
    QTest::addColumn<QString>("axisTitle");
    // Stored: CPU 760 % (summed over 8 vCPUs), GPU 24 % (one GPU).
    QTest::newRow("ml.g5.2xlarge: CPU per vCPU next to GPU per GPU")
        << QStringLiteral("ml.g5.2xlarge") << 95.0 << 24.0 << QStringLiteral("%");
    QTest::newRow("unknown instance type: both summed, the axis says so")
        << QString() << 760.0 << 24.0 << QStringLiteral("% (sum of devices)");
}

void TestChartNavigation::perDeviceValuesOnOneChart() {
    QFETCH(QString, instanceType);
    QFETCH(double, cpu);
    QFETCH(double, gpu);
    QFETCH(QString, axisTitle);
    const ChartSpec spec = cpuGpuSpec(instanceType);
    SeriesStore store;
    store.replace(constant(spec.series.at(0).query.seriesKey(), 760));
    store.replace(constant(spec.series.at(1).query.seriesKey(), 24));
    MetricChartView view(spec, store);
    view.resize(760, 420);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setWindow(kWindow, 60);
    view.setFetchResult(QString());
    QTRY_VERIFY(view.renderStats().points > 0);

    // The tooltip: each series in its own per-device scale. Two moves: a move to where the
    // cursor already is (the previous row's) is no move.
    QTest::mouseMove(view.mouseArea(), at(view, 0.3));
    QTest::mouseMove(view.mouseArea(), at(view, 0.5));
    const QStringList lines = view.hoverText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    const QChar nnbsp(0x202F);
    const auto shown = [&](double v) -> QString {
        return QLocale().toString(v, 'f', v >= 100 ? 0 : 1) + nnbsp + QStringLiteral("%");
    };
    QCOMPARE(lines.at(1), QStringLiteral("CPU utilisation: ") + shown(cpu));
    QCOMPARE(lines.at(2), QStringLiteral("GPU utilisation: ") + shown(gpu));
    auto *y =
        qobject_cast<QValueAxis *>(view.findChild<QChartView *>()->chart()->axes(Qt::Vertical).value(0));
    QVERIFY(y);
    QCOMPARE(y->titleText(), axisTitle);
    QVERIFY2(y->max() >= cpu, qPrintable(QString::number(y->max())));

    // The drawn points (shared with exports): the same per-series values.
    ChartScene scene(spec);
    QGraphicsScene graphics;
    graphics.addItem(scene.chart());
    scene.chart()->resize(760, 420);
    scene.layOut(true);
    ChartRenderRequest request;
    request.spec = spec;
    request.window = kWindow;
    request.series = {store.series(spec.series.at(0).query.seriesKey()),
                      store.series(spec.series.at(1).query.seriesKey())};
    scene.update(request, 600, true);
    using Layer = SeriesPolylineItem::Layer;
    QCOMPARE(scene.polylineItem()->line(Layer::Data, 0).max, cpu);
    QCOMPARE(scene.polylineItem()->line(Layer::Data, 0).min, cpu);
    QCOMPARE(scene.polylineItem()->line(Layer::Data, 1).max, gpu);
}

void TestChartNavigation::legendClickHidesAndShowsASeries() {
    Tab tab;
    QVERIFY(tab.start());
    MetricChartView &view = *tab.a;
    const MetricChartView::RenderStats before = view.renderStats();
    QCOMPARE(before.hiddenSeries, 0);
    const QRect entry = view.legendEntryRect(1);
    QVERIFY2(!entry.isEmpty(), "the p99 legend entry is on screen");
    auto *action = view.findChild<QAction *>(QStringLiteral("showSeriesAction1"));
    QVERIFY(action && action->isChecked());
    const int redraws = before.redraws;

    QTest::mouseClick(view.mouseArea(), Qt::LeftButton, Qt::NoModifier,
                      view.mouseArea()->mapFrom(&view, entry.center()));
    QVERIFY(view.isSeriesHidden(1));
    QVERIFY(!view.isSeriesHidden(0));
    QVERIFY(!action->isChecked()); // the accessible twin says the same
    QTRY_VERIFY(view.renderStats().redraws > redraws);
    QCOMPARE(view.renderStats().hiddenSeries, 1);
    QVERIFY(view.renderStats().points < before.points);                      // fewer series drawn
    QCOMPARE(view.renderRequest().hiddenSeries, (QList<bool>{false, true})); // exports too
    QVERIFY(!tab.b->isSeriesHidden(1));                                      // per chart
    if (!qEnvironmentVariableIsEmpty("MLWATCH_TEST_IMAGES"))                 // to look at it
        view.grab().save(
            QDir(qEnvironmentVariable("MLWATCH_TEST_IMAGES")).filePath(QStringLiteral("hidden.png")));

    // A second click brings it back; so does the action.
    QTest::mouseClick(view.mouseArea(), Qt::LeftButton, Qt::NoModifier,
                      view.mouseArea()->mapFrom(&view, view.legendEntryRect(1).center()));
    QVERIFY(!view.isSeriesHidden(1));
    action->trigger();
    QVERIFY(view.isSeriesHidden(1));
    action->trigger();
    QTRY_COMPARE(view.renderStats().hiddenSeries, 0);
    QCOMPARE(view.renderStats().points, before.points);
}

void TestChartNavigation::utcToggleChangesTheAxis() {
    setTimeZone("Europe/Berlin");
    Tab tab;
    TimeDisplay display;
    tab.sync.setTimeDisplay(&display);
    QVERIFY(tab.start());
    QTRY_COMPARE(axisTitle(*tab.a), QStringLiteral("Time (CET, UTC+01:00)"));
    QCOMPARE(timeAxis(*tab.a)->min().toString(QStringLiteral("HH:mm")), QStringLiteral("09:00"));

    display.setMode(TimeZoneMode::Utc);
    QCOMPARE(tab.a->timeZoneMode(), TimeZoneMode::Utc);
    QTRY_COMPARE(axisTitle(*tab.a), QStringLiteral("Time (UTC)"));
    QTRY_COMPARE(axisTitle(*tab.b), QStringLiteral("Time (UTC)"));
    // The labels read UTC wall-clock time: the window starts at 08:00 UTC.
    QCOMPARE(timeAxis(*tab.a)->min().toString(QStringLiteral("HH:mm")), QStringLiteral("08:00"));
    QCOMPARE(timeAxis(*tab.a)->max().toString(QStringLiteral("HH:mm")), QStringLiteral("09:00"));

    display.setMode(TimeZoneMode::Local);
    QTRY_COMPARE(axisTitle(*tab.b), QStringLiteral("Time (CET, UTC+01:00)"));

    QCOMPARE(TimeDisplay::modeFromSettingsValue(TimeDisplay::settingsValue(TimeZoneMode::Utc)),
             TimeZoneMode::Utc);
    QCOMPARE(TimeDisplay::modeFromSettingsValue(QStringLiteral("bogus")), TimeZoneMode::Local);
}

void TestChartNavigation::exportsShowTheZoomedRange() {
    Tab tab;
    QVERIFY(tab.start());
    const TimeRange zoomed{kT0 + 5 * kMinuteMs, kT0 + 25 * kMinuteMs};
    tab.a->setViewRange(zoomed);
    QCOMPARE(tab.a->renderRequest().window, zoomed);
    QCOMPARE(tab.a->window(), kWindow);
    tab.a->setTimeZoneMode(TimeZoneMode::Utc);
    QCOMPARE(tab.a->renderRequest().timeZone, TimeZoneMode::Utc);
}

void TestChartNavigation::newWindowKeepsOrResetsTheZoom_data() {
    QTest::addColumn<qint64>("newStart");
    QTest::addColumn<qint64>("newLength");
    QTest::addColumn<bool>("keeps");
    QTest::newRow("refresh slides the window: zoom kept") << kT0 + kMinuteMs << kHourMs << true;
    QTest::newRow("another preset: whole new window") << kT0 - 5 * kHourMs << 6 * kHourMs << false;
}

void TestChartNavigation::newWindowKeepsOrResetsTheZoom() {
    QFETCH(qint64, newStart);
    QFETCH(qint64, newLength);
    QFETCH(bool, keeps);
    Tab tab;
    QVERIFY(tab.start());
    const TimeRange zoomed{kT0 + 20 * kMinuteMs, kT0 + 30 * kMinuteMs};
    tab.a->setViewRange(zoomed);
    QSignalSpy changed(tab.a, &MetricChartView::viewRangeChanged);
    tab.a->setWindow({newStart, newStart + newLength}, 60);
    QCOMPARE(tab.a->isZoomed(), keeps);
    QCOMPARE(tab.a->viewRange(), (keeps ? zoomed : TimeRange{newStart, newStart + newLength}));
    QCOMPARE(changed.size(), 0); // a new window is not a user's zoom: nothing to share
}

QTEST_MAIN(TestChartNavigation)
#include "tst_chart_navigation.moc"
