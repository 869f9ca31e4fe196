// Benchmark chart.redraw_1M (performance.md §7.2 rows chart.update_full_view and
// chart.panzoom_step): a chart whose series holds 1 M stored points; the time from a range
// change to the chart's pixels in an image.
//   ours:     MetricChartView over a SeriesStore holding the 1 M points: setWindow(next window)
//             → the view's coalesced redraw (M4Index re-reduces the store's snapshot to the plot
//             width, SeriesPolylineItem draws it) → grab()
//   baseline: plain Qt Charts: a QChartView whose QLineSeries holds all 1 M points (handed over
//             once, untimed, with one replace()); per step the time axis gets the next range →
//             grab(). Qt Charts re-maps and re-strokes every point on a range change.
// The baseline is never charged for handing the points over, which keeps the ratio
// conservative. Both 1280×720, antialiased, shown with WA_DontShowOnScreen. The window moves
// through five positions (80 % of the data, shifted by 5 % each step), so every step changes it.

#include "charts/metric_chart_view.h"
#include "core/store/series_store.h"
#include "support/ab_runner.h"
#include "support/bench_report.h"
#include "support/plain_qt_chart.h"

#include <QApplication>
#include <QDir>
#include <QJsonObject>
#include <QPixmap>
#include <QTextStream>

#include <cmath>
#include <random>

using namespace mlwatch;
using namespace mlwatch::bench;

namespace {

constexpr int kDefaultPairs = 7; // a baseline step costs more than a second
constexpr qsizetype kPoints = 1'000'000;
constexpr qint64 kStepMs = 1000; // one point a second: 1 M points ≈ 11.6 days
constexpr qint64 kT0 = 1'763'366'400'000;
constexpr qint64 kSpanMs = kPoints * kStepMs;
const QSize kWidgetSize(1280, 720);

ChartSpec benchSpec() {
    ChartSpec spec;
    spec.id = QStringLiteral("bench/redraw/cpu");
    spec.stage = Stage::Deployment;
    spec.title = QStringLiteral("Endpoint CPU (MLWatch)");
    spec.unit = Unit::Percent;
    ChartSeriesSpec series;
    series.query.namespaceName = QStringLiteral("/aws/sagemaker/Endpoints");
    series.query.metricName = QStringLiteral("CPUUtilization");
    series.query.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("bench-endpoint")}};
    series.query.periodSeconds = 1;
    series.legend = QStringLiteral("CPU");
    spec.series = {series};
    return spec;
}

// A daily wave with noise and a few spikes, in percent; fixed seed.
SeriesData generate(const QString &key) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise(0.0, 4.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    SeriesData d;
    d.seriesKey = key;
    d.timestampsMs.reserve(kPoints);
    d.values.reserve(kPoints);
    for (qsizetype i = 0; i < kPoints; ++i) {
        const double day = double(i * kStepMs) / (24.0 * 3600 * 1000);
        double v = 45 + 25 * std::sin(day * 6.2831853) + noise(rng);
        if (uniform(rng) < 1e-4)
            v = 99;
        d.timestampsMs.append(kT0 + i * kStepMs);
        d.values.append(std::clamp(v, 0.0, 100.0));
    }
    return d;
}

TimeRange windowFor(int step) {
    const qint64 start = kT0 + qint64(step % 5) * (kSpanMs / 20);
    return {start, start + kSpanMs * 4 / 5};
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
    const SeriesData data = store.series(spec.series.first().query.seriesKey());

    MetricChartView view(spec, store);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(kWidgetSize);
    view.setWindow({kT0, kT0 + kSpanMs}, 1);
    view.setFetchResult(QString());
    view.show();

    PlainQtChart plain(1, kT0, kT0 + kSpanMs, 0.0, 100.0);
    plain.widget()->setAttribute(Qt::WA_DontShowOnScreen);
    plain.widget()->resize(kWidgetSize);
    plain.widget()->show();
    plain.setData({PlainQtSeries{QStringLiteral("cpu"), data.timestampsMs, data.values}}); // untimed
    drainEvents();

    int oursSteps = 0, baselineSteps = 0, missedRedraws = 0;
    QPixmap oursPixels, baselinePixels;
    const auto ours = [&] {
        const int before = view.renderStats().redraws;
        view.setWindow(windowFor(++oursSteps), 1);
        drainEvents(); // the one coalesced redraw: re-reduce + item update
        missedRedraws += view.renderStats().redraws == before ? 1 : 0;
        oursPixels = view.grab();
    };
    const auto baseline = [&] {
        const TimeRange w = windowFor(++baselineSteps);
        plain.setXRange(w.startMs, w.endMs);
        drainEvents();
        baselinePixels = plain.widget()->grab();
    };

    // One checked round before timing.
    ours();
    drainEvents();
    baseline();
    drainEvents();
    const MetricChartView::RenderStats stats = view.renderStats();
    if (const QString dir = qEnvironmentVariable("MLWATCH_BENCH_IMAGES"); !dir.isEmpty()) {
        oursPixels.save(QDir(dir).filePath(QStringLiteral("chart_redraw_1M_ours.png")));
        baselinePixels.save(QDir(dir).filePath(QStringLiteral("chart_redraw_1M_baseline.png")));
    }
    if (oursPixels.size() != kWidgetSize || baselinePixels.size() != kWidgetSize) {
        err << "chart.redraw_1M: grab() is not 1280x720 (set QT_SCALE_FACTOR=1)\n";
        return 1;
    }
    if (!stats.hasData || stats.points > 4 * qsizetype(stats.plotWidthPx) + 8 ||
        stats.points < stats.plotWidthPx || missedRedraws > 0 || plain.pointCount() != kPoints) {
        err << "chart.redraw_1M: unexpected drawing: ours " << stats.points << " points at "
            << stats.plotWidthPx << " px, " << missedRedraws << " missed redraws; baseline "
            << plain.pointCount() << " points\n";
        return 1;
    }

    AbRunner runner(QStringLiteral("chart.redraw_1M"), *options);
    runner.setSettle(drainEvents);
    const AbResult result = runner.run(ours, baseline);
    if (missedRedraws > 0) {
        err << "chart.redraw_1M: " << missedRedraws << " timed steps did not redraw\n";
        return 1;
    }

    const QJsonObject input{
        {QStringLiteral("points_stored"), kPoints},
        {QStringLiteral("widget_px"), QStringLiteral("1280x720")},
        {QStringLiteral("antialiasing"), true},
        {QStringLiteral("window"), QStringLiteral("80 % of the data, 5 positions 5 % apart, cycled")},
        {QStringLiteral("ours_plot_width_px"), view.renderStats().plotWidthPx},
        {QStringLiteral("ours_points_drawn"), qint64(view.renderStats().points)},
        {QStringLiteral("baseline_points_in_qlineseries"), qint64(plain.pointCount())},
        {QStringLiteral("ours"),
         QStringLiteral(
             "MetricChartView::setWindow + coalesced redraw (M4Index, SeriesPolylineItem) + grab()")},
        {QStringLiteral("baseline"),
         QStringLiteral(
             "QLineSeries holding all points (handed over once, untimed) + axis setRange + grab()")},
        {QStringLiteral("target"), QStringLiteral("ratio >= 50")},
    };
    return BenchReport(result, input).finish(options->jsonPath);
}
