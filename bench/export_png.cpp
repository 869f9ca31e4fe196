// Benchmark export.png_1M (issue 8, performance.md §7.2 row export.png): a 1280×720 PNG of a
// chart holding 1 M points, through the one rendering path every export uses (ChartRenderer:
// M4 to the plot width, SeriesPolylineItem over the Qt Charts frame, then PNG encoding), against the same
// chart holding 1 k points as the baseline. The target is a ratio of about 1: export time follows pixels, not
// stored points. Both sides: render + encode into memory, antialiased, print palette.

#include "charts/chart_renderer.h"
#include "support/ab_runner.h"
#include "support/bench_report.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QJsonObject>
#include <QTextStream>

#include <random>

using namespace mlwatch;
using namespace mlwatch::bench;

namespace {

constexpr int kDefaultPairs = 15;
constexpr qint64 kBigPoints = 1'000'000;
constexpr qint64 kSmallPoints = 1'000;
constexpr qint64 kT0 = 1'763'366'400'000;          // 2025-11-17T08:00:00Z
constexpr qint64 kSpanMs = 7LL * 24 * 3600 * 1000; // one week, as in the weekly review
const QSize kImageSize(1280, 720);

ChartSpec benchSpec() {
    ChartSpec spec;
    spec.id = QStringLiteral("bench/export/latency");
    spec.stage = Stage::Monitoring;
    spec.title = QStringLiteral("Model latency (MLWatch export)");
    spec.unit = Unit::Microseconds;
    ChartSeriesSpec series;
    series.query.namespaceName = QStringLiteral("AWS/SageMaker");
    series.query.metricName = QStringLiteral("ModelLatency");
    series.query.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("bench-endpoint")}};
    series.query.periodSeconds = 1;
    series.legend = QStringLiteral("Model latency");
    spec.series = {series};
    spec.thresholds = {{800, ThresholdLevel::Warning}, {1500, ThresholdLevel::Critical}};
    return spec;
}

// `count` points evenly over the week: a daily wave plus fixed-seed noise, in microseconds.
SeriesData points(qint64 count, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 60'000.0);
    SeriesData d;
    d.timestampsMs.reserve(count);
    d.values.reserve(count);
    for (qint64 i = 0; i < count; ++i) {
        const qint64 t = kT0 + i * kSpanMs / count;
        const double day = double(t - kT0) / (24.0 * 3600 * 1000);
        d.timestampsMs.append(t);
        d.values.append(std::max(0.0, 600'000.0 + 250'000.0 * std::sin(day * 6.2831853) + noise(rng)));
    }
    return d;
}

struct Exported {
    QByteArray png;
    ChartRenderStats stats;
};

Exported exportPng(const ChartRenderRequest &request, const ChartRenderStyle &style) {
    Exported out;
    const QImage image = ChartRenderer::renderImage(request, style, &out.stats);
    QBuffer buffer(&out.png);
    buffer.open(QIODevice::WriteOnly);
    if (!ChartRenderer::writePng(image, buffer)) // the encoder settings every export uses
        qFatal("PNG encoding failed");
    return out;
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

    ChartRenderRequest big;
    big.spec = benchSpec();
    big.series = {points(kBigPoints, 1)};
    big.window = {kT0, kT0 + kSpanMs};
    big.periodSeconds = 1;
    ChartRenderRequest small = big;
    small.series = {points(kSmallPoints, 1)};
    small.periodSeconds = int(kSpanMs / kSmallPoints / 1000);
    ChartRenderStyle style;
    style.size = kImageSize;

    // Checked once before timing: right size, all data drawn, 1 M points reduced to ≤ 4 a column.
    const Exported bigOnce = exportPng(big, style);
    const Exported smallOnce = exportPng(small, style);
    const QImage decoded = QImage::fromData(bigOnce.png, "png");
    if (decoded.size() != kImageSize || QImage::fromData(smallOnce.png, "png").size() != kImageSize) {
        err << "export.png_1M: the PNG does not decode at 1280x720\n";
        return 1;
    }
    if (!bigOnce.stats.hasData || bigOnce.stats.points > 4 * qsizetype(bigOnce.stats.plotWidthPx) + 8 ||
        smallOnce.stats.points != kSmallPoints) {
        err << "export.png_1M: unexpected drawing: 1M chart drew " << bigOnce.stats.points << " points at "
            << bigOnce.stats.plotWidthPx << " px; 1k chart drew " << smallOnce.stats.points << "\n";
        return 1;
    }
    if (const QString dir = qEnvironmentVariable("MLWATCH_BENCH_IMAGES"); !dir.isEmpty()) {
        decoded.save(QDir(dir).filePath(QStringLiteral("export_png_1M.png")));
    }

    qsizetype lastBytes = 0;
    AbRunner runner(QStringLiteral("export.png_1M"), *options);
    runner.setSettle([] { QCoreApplication::processEvents(); });
    const AbResult result = runner.run([&] { lastBytes = exportPng(big, style).png.size(); },
                                       [&] { lastBytes = exportPng(small, style).png.size(); });

    const QJsonObject input{
        {QStringLiteral("image_px"), QStringLiteral("1280x720")},
        {QStringLiteral("ours_points_stored"), kBigPoints},
        {QStringLiteral("baseline_points_stored"), kSmallPoints},
        {QStringLiteral("ours_points_drawn"), qint64(bigOnce.stats.points)},
        {QStringLiteral("plot_width_px"), bigOnce.stats.plotWidthPx},
        {QStringLiteral("ours_png_bytes"), qint64(bigOnce.png.size())},
        {QStringLiteral("baseline_png_bytes"), qint64(smallOnce.png.size())},
        {QStringLiteral("last_png_bytes"), qint64(lastBytes)},
        {QStringLiteral("seed"), 1},
        {QStringLiteral("antialiasing"), true},
        {QStringLiteral("ours"), QStringLiteral("ChartRenderer::renderImage (1 M points, M4) + PNG encode")},
        {QStringLiteral("baseline"), QStringLiteral("the same export of the same chart holding 1 k points")},
        {QStringLiteral("target"),
         QStringLiteral("ratio about 1 (time independent of stored points); <= 50 ms")},
    };
    return BenchReport(result, input).finish(options->jsonPath);
}
