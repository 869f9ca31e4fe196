// The insights strip of a StageTab (real widgets, offscreen): with charts and data in the store
// it shows a chip per finding (title as text, the evidence as tooltip and accessible
// description), clicking the chip or pressing Enter on it scrolls the tab to the chart and
// focuses it, new data recomputes the strip (once per event-loop turn), and a tab without
// findings says so.
#include "charts/metric_chart_view.h"
#include "core/insights/insight_engine.h"
#include "core/store/series_store.h"
#include "gui/insights_strip.h"
#include "gui/stage_tab.h"
#include "support/manual_clock.h"

#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace mlwatch;

namespace {

const QDateTime kNow(QDate(2026, 11, 27), QTime(9, 0), QTimeZone::utc());
const TimeRange kWindow{kNow.toMSecsSinceEpoch() - 24 * 3600'000LL, kNow.toMSecsSinceEpoch()};

ChartSpec chart(const QString &id, const QString &metric, Unit unit) {
    ChartSpec spec;
    spec.id = id;
    spec.stage = Stage::Monitoring;
    spec.title = id;
    spec.resource = QStringLiteral("endpoint-") + id;
    spec.unit = unit;
    ChartSeriesSpec series;
    series.query.namespaceName = QStringLiteral("ns");
    series.query.metricName = metric;
    series.query.dimensions = {{QStringLiteral("EndpointName"), spec.resource}};
    series.legend = QStringLiteral("Latency (average)");
    spec.series = {series};
    return spec;
}

// Hourly values over the window.
SeriesData hourly(const ChartSpec &spec, double value) {
    SeriesData d;
    d.seriesKey = spec.series.first().query.seriesKey();
    for (int i = 0; i < 24; ++i) {
        d.timestampsMs.append(kWindow.startMs + i * 3600'000LL);
        d.values.append(value);
    }
    return d;
}

// A monitoring tab with eight filler charts and, last (far down the page), a latency chart.
struct Fixture {
    Fixture()
        : tab(Stage::Monitoring, store) {
        tab.insightsStrip()->setClock(&clock);
        tab.insightsStrip()->setTimeZone(QTimeZone::utc());
        QList<ChartSpec> specs;
        for (int i = 0; i < 8; ++i)
            specs.append(chart(QStringLiteral("filler-%1").arg(i), QStringLiteral("Filler"), Unit::Count));
        latencySpec = chart(QStringLiteral("latency"), QStringLiteral("RequestLatency"), Unit::Milliseconds);
        specs.append(latencySpec);
        tab.resize(700, 500); // one column: the latency chart is out of sight
        tab.show();
        views = tab.setCharts(specs);
        for (MetricChartView *view : views) {
            view->setWindow(kWindow, 3600);
            if (view->spec().id == QLatin1String("latency"))
                latency = view;
        }
        if (!QTest::qWaitForWindowExposed(&tab))
            qFatal("the tab is not shown");
        // Every filler has data too, so the grid (charts with data first) keeps the latency
        // chart last.
        for (const ChartSpec &spec : std::as_const(specs))
            if (spec.id != QLatin1String("latency"))
                store.replace(hourly(spec, 5));
        QCoreApplication::sendPostedEvents(); // the tab's reorder and the strip's refresh
    }
    // Whether any of `chart` shows in the tab's scrolling viewport.
    bool inSight(const MetricChartView *chart) const {
        const QWidget *viewport = tab.findChild<QScrollArea *>()->viewport();
        const QRect rect(chart->mapTo(viewport, QPoint(0, 0)), chart->size());
        return chart->isVisible() && rect.intersects(viewport->rect());
    }
    test::ManualClock clock{kNow};
    SeriesStore store;
    StageTab tab;
    ChartSpec latencySpec;
    QList<MetricChartView *> views;
    MetricChartView *latency = nullptr;
};

} // namespace

class TestInsightsStrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noFindingsSaysSo();
    void findingShowsAChipWithItsEvidence();
    void recomputesOncePerTurn();
    void clickingTheChipRevealsTheChart();
    void enterOnTheChipRevealsTheChart();
    void findingsPastFourGoToTheMoreMenu();
};

void TestInsightsStrip::noFindingsSaysSo() {
    Fixture f;
    InsightsStrip *strip = f.tab.insightsStrip();
    QSignalSpy refreshed(strip, &InsightsStrip::refreshed);
    f.store.replace(hourly(f.latencySpec, 300));
    QVERIFY(refreshed.wait(5000));
    QVERIFY(strip->isVisible());
    QVERIFY(strip->chips().isEmpty());
    QCOMPARE(strip->emptyText(), QStringLiteral("No findings for this window"));
    auto *empty = strip->findChild<QLabel *>(QStringLiteral("insightsEmpty"));
    QVERIFY(empty && empty->isVisible());
}

void TestInsightsStrip::findingShowsAChipWithItsEvidence() {
    Fixture f;
    f.store.replace(hourly(f.latencySpec, 1500));
    InsightsStrip *strip = f.tab.insightsStrip();
    QTRY_COMPARE_WITH_TIMEOUT(strip->chips().size(), 1, 5000);
    QToolButton *chip = strip->chips().first();
    QVERIFY(chip->isVisible());
    QCOMPARE(chip->text(), QStringLiteral("Latency above 1 s — endpoint-latency"));
    QCOMPARE(chip->accessibleName(), chip->text());
    QVERIFY2(chip->toolTip().startsWith(QStringLiteral("Latency (average) averaged ")),
             qPrintable(chip->toolTip()));
    QVERIFY(chip->toolTip().contains(QStringLiteral("UTC")));
    QCOMPARE(chip->accessibleDescription(), chip->toolTip());
    QCOMPARE(strip->insights().first().chartId, QStringLiteral("latency"));
    QVERIFY(strip->emptyText().isEmpty());
    QVERIFY(!strip->findChild<QLabel *>(QStringLiteral("insightsEmpty"))->isVisible());

    // The latency recovers: the chip goes, and the strip says there is nothing to report.
    f.store.replace(hourly(f.latencySpec, 200));
    QTRY_VERIFY_WITH_TIMEOUT(strip->chips().isEmpty(), 5000);
    QCOMPARE(strip->emptyText(), QStringLiteral("No findings for this window"));
}

void TestInsightsStrip::recomputesOncePerTurn() {
    Fixture f;
    InsightsStrip *strip = f.tab.insightsStrip();
    QSignalSpy refreshed(strip, &InsightsStrip::refreshed);
    // A fetch replaces the series several times in one turn: one recomputation.
    for (int i = 0; i < 5; ++i)
        f.store.replace(hourly(f.latencySpec, 1500 + i));
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(strip->chips().size(), 1);
    // A series of another tab does not recompute this one.
    f.store.replace(SeriesData{QStringLiteral("other|key"), {kWindow.startMs}, {1.0}});
    QCoreApplication::sendPostedEvents(); // what a queued recomputation would need to run
    QCOMPARE(refreshed.size(), 1);
}

void TestInsightsStrip::clickingTheChipRevealsTheChart() {
    Fixture f;
    QVERIFY(f.latency);
    QVERIFY(!f.inSight(f.latency)); // far down, out of sight
    f.store.replace(hourly(f.latencySpec, 1500));
    InsightsStrip *strip = f.tab.insightsStrip();
    QTRY_COMPARE_WITH_TIMEOUT(strip->chips().size(), 1, 5000);
    QTest::mouseClick(strip->chips().first(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(f.inSight(f.latency), 5000);
    QCOMPARE(f.tab.focusWidget(), f.latency);
}

void TestInsightsStrip::enterOnTheChipRevealsTheChart() {
    Fixture f;
    f.store.replace(hourly(f.latencySpec, 1500));
    InsightsStrip *strip = f.tab.insightsStrip();
    QTRY_COMPARE_WITH_TIMEOUT(strip->chips().size(), 1, 5000);
    QToolButton *chip = strip->chips().first();
    chip->setFocus();
    QTest::keyClick(chip, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.inSight(f.latency), 5000);
    QCOMPARE(f.tab.focusWidget(), f.latency);
}

void TestInsightsStrip::findingsPastFourGoToTheMoreMenu() {
    test::ManualClock clock{kNow};
    SeriesStore store;
    StageTab tab(Stage::Monitoring, store);
    tab.insightsStrip()->setClock(&clock);
    QList<ChartSpec> specs;
    for (int i = 0; i < 6; ++i)
        specs.append(
            chart(QStringLiteral("latency-%1").arg(i), QStringLiteral("RequestLatency"), Unit::Milliseconds));
    tab.resize(700, 500);
    tab.show();
    const QList<MetricChartView *> views = tab.setCharts(specs);
    for (MetricChartView *view : views)
        view->setWindow(kWindow, 3600);
    for (const ChartSpec &spec : std::as_const(specs))
        store.replace(hourly(spec, 1500));

    InsightsStrip *strip = tab.insightsStrip();
    QTRY_COMPARE_WITH_TIMEOUT(strip->insights().size(), 6, 5000);
    QCOMPARE(strip->chips().size(), InsightsStrip::kMaxChips);
    QToolButton *more = strip->moreButton();
    QVERIFY(more->isVisible());
    QCOMPARE(more->text(), QStringLiteral("2 more"));
    const QList<QAction *> actions = more->menu()->actions();
    QCOMPARE(actions.size(), 2);
    const Insight last = strip->insights().last();
    QCOMPARE(actions.last()->toolTip(), last.evidence);
    QCOMPARE(actions.last()->text(), QStringLiteral("Latency above 1 s — endpoint-latency-5"));

    QSignalSpy requested(strip, &InsightsStrip::chartRequested);
    actions.last()->trigger();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), last.chartId);
    QCOMPARE(tab.focusWidget()->objectName(), QStringLiteral("chart-") + last.chartId);
}

QTEST_MAIN(TestInsightsStrip)
#include "tst_insights_strip.moc"
