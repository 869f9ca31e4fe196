// Benchmark e2e.page_to_pixels (performance.md §0, §7.2): one full GetMetricData page (100 800
// points, AWS JSON 1.0) from response bytes to the pixels of a 1280×720 chart.
//   ours:     parseGetMetricDataResponse → SeriesStore::replace per query → MetricChartView's
//             coalesced redraw (M4 to the plot width, drawn by SeriesPolylineItem) → grab()
//   baseline: QJsonDocument + walk → every point into one QLineSeries per query via replace()
//             → QChartView grab()
// Both widgets are antialiased, 1280×720, shown with WA_DontShowOnScreen (visible to Qt, so
// MetricChartView draws, but never painted by the platform behind the benchmark's back). Two
// pages with different seeds alternate so every update really changes the data. Posted events
// are drained inside each timed step (that is where our coalesced redraw runs) and again,
// untimed, after it.

#include "charts/metric_chart_view.h"
#include "core/providers/aws/cloudwatch_response.h"
#include "core/store/series_store.h"
#include "support/ab_runner.h"
#include "support/bench_report.h"
#include "support/cloudwatch_page_generator.h"
#include "support/plain_qt_chart.h"
#include "support/plain_qt_cloudwatch_parser.h"

#include <QApplication>
#include <QDir>
#include <QHash>
#include <QJsonObject>
#include <QPixmap>
#include <QTextStream>

#include <array>

using namespace mlwatch;
using namespace mlwatch::bench;

namespace {

constexpr int kDefaultPairs = 15; // a pair costs ~0.2 s here, mostly the baseline
const QSize kWidgetSize(1280, 720);

ChartSpec benchChartSpec(const QStringList &ids) {
    ChartSpec spec;
    spec.id = QStringLiteral("bench/e2e/utilisation");
    spec.stage = Stage::Training;
    spec.title = QStringLiteral("Utilisation (MLWatch)");
    spec.resource = QStringLiteral("bench-train/algo-1");
    spec.unit = Unit::Percent;
    for (const QString &id : ids) {
        ChartSeriesSpec series;
        series.query.namespaceName = QStringLiteral("/aws/sagemaker/TrainingJobs");
        series.query.metricName = QStringLiteral("Utilization_") + id;
        series.query.dimensions = {{QStringLiteral("Host"), QStringLiteral("bench-train/algo-1")}};
        series.query.periodSeconds = 60;
        series.legend = id;
        spec.series.append(series);
    }
    return spec;
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

    CloudWatchPageSpec pageSpec;
    std::array<CloudWatchPage, 2> pages;
    for (size_t i = 0; i < pages.size(); ++i) {
        pageSpec.seed = i + 1;
        pages[i] = CloudWatchPageGenerator::generate(pageSpec);
    }
    const CloudWatchPage &first = pages[0];
    const TimeRange window{first.firstMs, first.lastMs + pageSpec.periodSeconds * 1000};

    // ---- ours: the app's own chart over the app's own store --------------------------------
    SeriesStore store;
    const ChartSpec spec = benchChartSpec(first.ids);
    QHash<QString, QString> keyOfId; // MetricDataResults Id → SeriesStore key
    for (qsizetype i = 0; i < first.ids.size(); ++i)
        keyOfId.insert(first.ids.at(i), spec.series.at(i).query.seriesKey());

    MetricChartView view(spec, store);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(kWidgetSize);
    view.setWindow(window, pageSpec.periodSeconds);
    view.setFetchResult(QString());
    view.show();

    // ---- baseline: plain Qt Charts ----------------------------------------------------------
    PlainQtChart plain(first.ids.size(), window.startMs, window.endMs, 0.0, 100.0);
    plain.widget()->setAttribute(Qt::WA_DontShowOnScreen);
    plain.widget()->resize(kWidgetSize);
    plain.widget()->show();
    drainEvents();

    int oursRuns = 0, baselineRuns = 0;
    int missedRedraws = 0;              // timed steps that drew nothing: the number would be meaningless
    int redrawsInSteps = 0;             // > steps when a relayout forced a second redraw (billed to ours)
    QPixmap oursPixels, baselinePixels; // the latest frames, kept for the checks below
    const auto ours = [&] {
        const CloudWatchPage &page = pages[size_t(oursRuns++ % 2)];
        Result<aws::GetMetricDataPage> parsed =
            aws::parseGetMetricDataResponse(aws::CloudWatchProtocol::Json, page.body);
        if (!parsed)
            qFatal("our parser failed during timing");
        const int redrawsBefore = view.renderStats().redraws;
        for (aws::MetricDataResult &r : parsed->results)
            store.replace(SeriesData{keyOfId.value(r.id), std::move(r.timestampsMs), std::move(r.values)});
        drainEvents(); // runs the view's one coalesced redraw: M4 per series, one item update
        const int redraws = view.renderStats().redraws - redrawsBefore;
        redrawsInSteps += redraws;
        if (redraws == 0)
            ++missedRedraws;
        oursPixels = view.grab();
    };
    const auto baseline = [&] {
        const CloudWatchPage &page = pages[size_t(baselineRuns++ % 2)];
        plain.setData(PlainQtCloudWatchParser::parse(page.body));
        drainEvents();
        baselinePixels = plain.widget()->grab();
    };

    // One checked round before timing: both sides must draw all the data at the full size.
    ours();
    drainEvents();
    baseline();
    drainEvents();
    const MetricChartView::RenderStats stats = view.renderStats();
    const int redrawsBeforeRun = stats.redraws;
    const int stepsBeforeRun = oursRuns;
    redrawsInSteps = 0;
    // MLWATCH_BENCH_IMAGES=<dir> keeps the two frames, to see what was measured.
    if (const QString dir = qEnvironmentVariable("MLWATCH_BENCH_IMAGES"); !dir.isEmpty()) {
        oursPixels.save(QDir(dir).filePath(QStringLiteral("e2e_page_to_pixels_ours.png")));
        baselinePixels.save(QDir(dir).filePath(QStringLiteral("e2e_page_to_pixels_baseline.png")));
    }
    if (oursPixels.size() != kWidgetSize || baselinePixels.size() != kWidgetSize) {
        err << "e2e.page_to_pixels: grab() gave " << oursPixels.width() << 'x' << oursPixels.height() << " / "
            << baselinePixels.width() << 'x' << baselinePixels.height()
            << ", not 1280x720 (set QT_SCALE_FACTOR=1)\n";
        return 1;
    }
    if (stats.seriesWithData != spec.series.size() || stats.points <= 0 || missedRedraws > 0 ||
        plain.pointCount() != first.points) {
        err << "e2e.page_to_pixels: not all data drawn: ours " << stats.seriesWithData << " series, "
            << stats.points << " points, " << missedRedraws << " missed redraws; baseline "
            << plain.pointCount() << " points\n";
        return 1;
    }

    AbRunner runner(QStringLiteral("e2e.page_to_pixels"), *options);
    runner.setSettle(drainEvents);
    const AbResult result = runner.run(ours, baseline);
    if (missedRedraws > 0) {
        err << "e2e.page_to_pixels: " << missedRedraws << " timed steps did not redraw\n";
        return 1;
    }

    const MetricChartView::RenderStats last = view.renderStats();
    const QJsonObject input{
        {QStringLiteral("format"), QStringLiteral("AWS JSON 1.0 GetMetricData response")},
        {QStringLiteral("queries"), pageSpec.queries},
        {QStringLiteral("points_per_query"), pageSpec.pointsPerQuery},
        {QStringLiteral("points"), first.points},
        {QStringLiteral("bytes"), first.body.size()},
        {QStringLiteral("seeds"), QStringLiteral("1,2 (pages alternate)")},
        {QStringLiteral("widget_px"), QStringLiteral("1280x720")},
        {QStringLiteral("antialiasing"), true},
        {QStringLiteral("ours_plot_width_px"), last.plotWidthPx},
        {QStringLiteral("ours_points_drawn"), qint64(last.points)},
        {QStringLiteral("baseline_points_to_qt_charts"), qint64(plain.pointCount())},
        {QStringLiteral("ours_timed_steps"), oursRuns - stepsBeforeRun},
        {QStringLiteral("ours_redraws_in_timed_steps"), redrawsInSteps},
        // Redraws the untimed drain caught (a late plot-area relayout); 0 expected.
        {QStringLiteral("ours_redraws_outside_timed_steps"),
         last.redraws - redrawsBeforeRun - redrawsInSteps},
        {QStringLiteral("ours"),
         QStringLiteral("parseGetMetricDataResponse + SeriesStore + MetricChartView (M4, "
                        "SeriesPolylineItem) + grab()")},
        {QStringLiteral("baseline"), QStringLiteral("QJsonDocument + QLineSeries::replace(all points) + "
                                                    "QChartView::grab()")},
    };
    return BenchReport(result, input).finish(options->jsonPath);
}
