// Benchmark chart.panzoom_10M (performance.md §7.2 rows chart.panzoom_step and
// chart.update_full_view at 10 M): one pan frame over a series with 10 M stored points —
// shift the window by 10 % of its width, re-reduce from the store, repaint into an image —
// antialiasing off. Target: median ≤ 16 ms (one 60 Hz frame).
//   ours:     MetricChartView over a SeriesStore holding the 10 M points: setWindow(shifted) →
//             the coalesced redraw (M4Index re-reduces the store's snapshot: block summaries,
//             O(width · log n), built once) → grab().
//   baseline: the plain Qt way without M4. A QLineSeries cannot hold 10 M points (≈ 3 GB, tens
//             of seconds a frame, performance.md §7.2), so the fair plain frame is: pick every
//             k-th stored point inside the new window so that the same budget M4 draws
//             (4 × plot width) remains, one replace(), set the time axis range, grab(). It draws
//             as many points as ours but not the same picture: striding drops spikes that M4
//             keeps.
// Both 1280×720, antialiasing off, shown with WA_DontShowOnScreen. The window spans 80 % of the
// data and walks 0 → +10 % → +20 % → +10 % → 0 … of its width, so every frame is a new window
// over about 8 M points.

#include "charts/metric_chart_view.h"
#include "core/store/series_store.h"
#include "support/ab_runner.h"
#include "support/bench_report.h"
#include "support/plain_qt_chart.h"

#include <QApplication>
#include <QDir>
#include <QGraphicsView>
#include <QJsonObject>
#include <QPixmap>
#include <QTextStream>

#include <cmath>
#include <random>

using namespace mlwatch;
using namespace mlwatch::bench;

namespace {

constexpr int kDefaultPairs = 21;
constexpr qsizetype kPoints = 10'000'000;
constexpr qint64 kStepMs = 1000; // one point a second: 10 M points ≈ 116 days
constexpr qint64 kT0 = 1'763'366'400'000;
constexpr qint64 kSpanMs = kPoints * kStepMs;
constexpr qint64 kWindowMs = kSpanMs * 4 / 5;
const QSize kWidgetSize(1280, 720);

ChartSpec benchSpec() {
    ChartSpec spec;
    spec.id = QStringLiteral("bench/panzoom/latency");
    spec.stage = Stage::Monitoring;
    spec.title = QStringLiteral("Model latency (MLWatch)");
    spec.unit = Unit::Milliseconds;
    ChartSeriesSpec series;
    series.query.namespaceName = QStringLiteral("AWS/SageMaker");
    series.query.metricName = QStringLiteral("ModelLatency");
    series.query.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("bench-endpoint")}};
    series.query.periodSeconds = 1;
    series.legend = QStringLiteral("Model latency");
    spec.series = {series};
    return spec;
}

SeriesData generate(const QString &key) {
    std::mt19937_64 rng(10);
    std::normal_distribution<double> noise(0.0, 20.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    SeriesData d;
    d.seriesKey = key;
    d.timestampsMs.reserve(kPoints);
    d.values.reserve(kPoints);
    for (qsizetype i = 0; i < kPoints; ++i) {
        const double day = double(i * kStepMs) / (24.0 * 3600 * 1000);
        double v = 300 + 120 * std::sin(day * 6.2831853) + noise(rng);
        if (uniform(rng) < 2e-5)
            v += 900; // rare spikes: what striding loses and M4 keeps
        d.timestampsMs.append(kT0 + i * kStepMs);
        d.values.append(std::max(0.0, v));
    }
    return d;
}

// Frame k's window: the walk 0, 1, 2, 1, 0, 1, 2 … in steps of 10 % of the window's width.
TimeRange windowFor(int frame) {
    static constexpr int kWalk[4] = {0, 1, 2, 1};
    const qint64 start = kT0 + qint64(kWalk[frame % 4]) * (kWindowMs / 10);
    return {start, start + kWindowMs};
}

// Every k-th stored point inside `window`, k chosen so that at most `budget` remain.
QList<QPointF> strided(const SeriesData &d, const TimeRange &window, qsizetype budget) {
    const auto begin = d.timestampsMs.cbegin();
    const qsizetype lo = std::lower_bound(begin, d.timestampsMs.cend(), window.startMs) - begin;
    const qsizetype hi = std::upper_bound(begin, d.timestampsMs.cend(), window.endMs) - begin;
    const qsizetype stride = std::max<qsizetype>(1, (hi - lo + budget - 1) / budget);
    QList<QPointF> out;
    out.reserve(budget + 1);
    for (qsizetype i = lo; i < hi; i += stride)
        out.append(QPointF(double(d.timestampsMs[i]), d.values[i]));
    return out;
}

void drainEvents() {
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    int exitCode = 0;
    const std::optional<BenchOptions> options =
        BenchOptions::fromArguments(app.arguments(), kDefaultPairs, exitCode);
    if (!options)
        return exitCode;
    QTextStream err(stderr);

    const ChartSpec spec = benchSpec();
    SeriesStore store;
    store.replace(generate(spec.series.first().query.seriesKey()));
    const SeriesData data = store.series(spec.series.first().query.seriesKey()); // shared, no copy

    MetricChartView view(spec, store);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(kWidgetSize);
    view.setWindow(windowFor(0), 1);
    view.setFetchResult(QString());
    view.show();
    // The view antialiases on screen; this benchmark measures the aliased frame (§7.2).
    auto *graphicsView = view.findChild<QGraphicsView *>();
    if (!graphicsView) {
        err << "chart.panzoom_10M: the chart view has no QGraphicsView\n";
        return 1;
    }
    graphicsView->setRenderHint(QPainter::Antialiasing, false);

    PlainQtChart plain(1, windowFor(0).startMs, windowFor(0).endMs, 0.0, 1400.0);
    plain.setAntialiasing(false);
    plain.widget()->setAttribute(Qt::WA_DontShowOnScreen);
    plain.widget()->resize(kWidgetSize);
    plain.widget()->show();
    drainEvents();
    const qsizetype budget = 4 * qsizetype(kWidgetSize.width() - 90); // M4's budget for the plot width

    int oursFrames = 0, baselineFrames = 0, missedRedraws = 0;
    QPixmap oursPixels, baselinePixels;
    const auto ours = [&] {
        const int before = view.renderStats().redraws;
        view.setWindow(windowFor(++oursFrames), 1);
        drainEvents();
        missedRedraws += view.renderStats().redraws == before ? 1 : 0;
        oursPixels = view.grab();
    };
    const auto baseline = [&] {
        const TimeRange w = windowFor(++baselineFrames);
        plain.setPoints(0, strided(data, w, budget));
        plain.setXRange(w.startMs, w.endMs);
        drainEvents();
        baselinePixels = plain.widget()->grab();
    };

    // One checked round before timing (ours also builds its block summary here).
    ours();
    drainEvents();
    baseline();
    drainEvents();
    const MetricChartView::RenderStats stats = view.renderStats();
    if (const QString dir = qEnvironmentVariable("MLWATCH_BENCH_IMAGES"); !dir.isEmpty()) {
        oursPixels.save(QDir(dir).filePath(QStringLiteral("chart_panzoom_10M_ours.png")));
        baselinePixels.save(QDir(dir).filePath(QStringLiteral("chart_panzoom_10M_baseline.png")));
    }
    if (oursPixels.size() != kWidgetSize || baselinePixels.size() != kWidgetSize) {
        err << "chart.panzoom_10M: grab() is not 1280x720 (set QT_SCALE_FACTOR=1)\n";
        return 1;
    }
    if (!stats.hasData || stats.points > 4 * qsizetype(stats.plotWidthPx) + 8 ||
        stats.points < stats.plotWidthPx || missedRedraws > 0 || plain.pointCount() > budget + 1 ||
        plain.pointCount() < budget / 2) {
        err << "chart.panzoom_10M: unexpected drawing: ours " << stats.points << " points at "
            << stats.plotWidthPx << " px, " << missedRedraws << " missed redraws; baseline "
            << plain.pointCount() << " points\n";
        return 1;
    }

    AbRunner runner(QStringLiteral("chart.panzoom_10M"), *options);
    runner.setSettle(drainEvents);
    const AbResult result = runner.run(ours, baseline);
    if (missedRedraws > 0) {
        err << "chart.panzoom_10M: " << missedRedraws << " timed frames did not redraw\n";
        return 1;
    }

    const QJsonObject input{
        {QStringLiteral("points_stored"), kPoints},
        {QStringLiteral("points_in_window"), kWindowMs / kStepMs},
        {QStringLiteral("widget_px"), QStringLiteral("1280x720")},
        {QStringLiteral("antialiasing"), false},
        {QStringLiteral("frame"), QStringLiteral("window shifted by 10 % of its width (walk 0,1,2,1,…)")},
        {QStringLiteral("ours_plot_width_px"), view.renderStats().plotWidthPx},
        {QStringLiteral("ours_points_drawn"), qint64(view.renderStats().points)},
        {QStringLiteral("baseline_points_drawn"), qint64(plain.pointCount())},
        {QStringLiteral("ours"),
         QStringLiteral("MetricChartView::setWindow + coalesced redraw (M4Index over the "
                        "store's snapshot, SeriesPolylineItem) + grab()")},
        {QStringLiteral("baseline"), QStringLiteral("every k-th point in the window (same point budget) + "
                                                    "QLineSeries::replace + axis setRange + grab()")},
        {QStringLiteral("target"), QStringLiteral("median <= 16 ms")},
    };
    return BenchReport(result, input).finish(options->jsonPath);
}
