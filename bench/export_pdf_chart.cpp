// Benchmark export.pdf_chart (issue 8, performance.md §7.2 row export.pdf): one chart onto one
// QPdfWriter page, as the weekly review lays it out (A4 landscape at 72 dpi, a 770 × 210 pt slot,
// vector output), for a chart holding 100 800 points (2 series × 50 400, one week).
//   ours:     ChartRenderer::render — the one rendering path of every export: M4 to the layout
//             width (≤ 4 points a column), drawn by SeriesPolylineItem over the Qt Charts
//             frame, painted onto the PDF page;
//   baseline: the same chart the plain Qt Charts way: every point in a QLineSeries (one
//             replace() per series), the QChartView rendered onto the page — no reduction.
// Measures milliseconds per PDF (interleaved A/B) and the PDF's size in KB. Target: ≤ 50 ms and
// ≤ 300 KB per chart. Prints two lines: the time ("export.pdf_chart") and the size
// ("export.pdf_chart.size").

#include "charts/chart_palette.h"
#include "charts/chart_renderer.h"
#include "support/ab_runner.h"
#include "support/bench_report.h"
#include "support/plain_qt_chart.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextStream>
#include <QWidget>

#include <random>

using namespace mlwatch;
using namespace mlwatch::bench;

namespace {

constexpr int kDefaultPairs = 9; // a pair costs ~1 s here, nearly all of it the baseline
constexpr int kSeries = 2;
constexpr qint64 kPointsPerSeries = 50'400;
constexpr qint64 kT0 = 1'763'366'400'000;          // 2025-11-17T08:00:00Z
constexpr qint64 kSpanMs = 7LL * 24 * 3600 * 1000; // one week, as in the weekly review
const QRectF kSlot(36, 100, 770, 210);             // a chart's slot on a report page (points)
const QSize kLayout(1050, 286);                    // the report's chart layout for that slot

ChartSpec benchSpec() {
    ChartSpec spec;
    spec.id = QStringLiteral("bench/export/cpu");
    spec.stage = Stage::Deployment;
    spec.title = QStringLiteral("Endpoint CPU (MLWatch PDF export)");
    spec.unit = Unit::Percent;
    for (const char *stat : {"Average", "Maximum"}) {
        ChartSeriesSpec series;
        series.query.namespaceName = QStringLiteral("/aws/sagemaker/Endpoints");
        series.query.metricName = QStringLiteral("CPUUtilization");
        series.query.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("bench-endpoint")}};
        series.query.stat = QString::fromLatin1(stat);
        series.query.periodSeconds = 12;
        series.legend = QStringLiteral("CPU (%1)").arg(series.query.stat);
        spec.series.append(series);
    }
    spec.thresholds = {{70, ThresholdLevel::Warning}, {90, ThresholdLevel::Critical}};
    return spec;
}

// A daily wave plus fixed-seed noise, in percent.
SeriesData points(unsigned seed, double offset) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 4.0);
    SeriesData d;
    d.timestampsMs.reserve(kPointsPerSeries);
    d.values.reserve(kPointsPerSeries);
    for (qint64 i = 0; i < kPointsPerSeries; ++i) {
        const qint64 t = kT0 + i * kSpanMs / kPointsPerSeries;
        const double day = double(t - kT0) / (24.0 * 3600 * 1000);
        d.timestampsMs.append(t);
        d.values.append(
            std::clamp(offset + 30.0 + 20.0 * std::sin(day * 6.2831853) + noise(rng), 0.0, 100.0));
    }
    return d;
}

// One A4 landscape page at 72 dpi into memory; `paint` draws the chart.
QByteArray pdfPage(const std::function<void(QPainter &)> &paint) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(72);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF()));
        QPainter painter(&pdf);
        paint(painter);
    }
    return bytes;
}

QString kb(qsizetype bytes) {
    return QString::number(double(bytes) / 1024.0, 'f', 1);
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
    QTextStream out(stdout);

    // ---- ours: the report's request and style ---------------------------------------------
    ChartRenderRequest request;
    request.spec = benchSpec();
    request.series = {points(1, 0), points(2, 8)};
    request.window = {kT0, kT0 + kSpanMs};
    request.periodSeconds = int(kSpanMs / kPointsPerSeries / 1000);
    ChartRenderStyle style;
    style.size = kLayout;
    style.palette = ChartPalette::print();
    ChartRenderStats oursStats;
    const auto ours = [&] {
        return pdfPage([&](QPainter &p) { oursStats = ChartRenderer::render(p, kSlot, request, style); });
    };

    // ---- baseline: plain Qt Charts with every point ----------------------------------------
    PlainQtChart plain(kSeries, kT0, kT0 + kSpanMs, 0.0, 100.0);
    QList<PlainQtSeries> plainData;
    for (const SeriesData &s : std::as_const(request.series))
        plainData.append(PlainQtSeries{QStringLiteral("s"), s.timestampsMs, s.values});
    plain.setData(plainData);
    QWidget *view = plain.widget();
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->resize(kLayout);
    view->show();
    QCoreApplication::processEvents();
    const auto baseline = [&] {
        return pdfPage([&](QPainter &p) {
            // The same slot: laid out at kLayout, scaled into it (as the renderer does).
            const qreal scale = std::min(kSlot.width() / kLayout.width(), kSlot.height() / kLayout.height());
            p.translate(kSlot.topLeft());
            p.scale(scale, scale);
            view->render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
        });
    };

    // Checked once before timing: both are PDFs, ours drew every series reduced to ≤ 4 points
    // a column, the baseline holds every point.
    const QByteArray oursOnce = ours();
    const QByteArray baselineOnce = baseline();
    if (!oursOnce.startsWith("%PDF") || !baselineOnce.startsWith("%PDF")) {
        err << "export.pdf_chart: not a PDF\n";
        return 1;
    }
    if (oursStats.seriesWithData != kSeries ||
        oursStats.points > kSeries * (4 * qsizetype(oursStats.plotWidthPx) + 8) ||
        plain.pointCount() != kSeries * kPointsPerSeries) {
        err << "export.pdf_chart: unexpected drawing: ours " << oursStats.seriesWithData << " series, "
            << oursStats.points << " points at " << oursStats.plotWidthPx << " px; baseline "
            << plain.pointCount() << " points\n";
        return 1;
    }
    if (const QString dir = qEnvironmentVariable("MLWATCH_BENCH_IMAGES"); !dir.isEmpty()) {
        for (const auto &[name, bytes] : {std::pair{"export_pdf_chart_ours.pdf", oursOnce},
                                          std::pair{"export_pdf_chart_baseline.pdf", baselineOnce}}) {
            QFile f(QDir(dir).filePath(QLatin1String(name)));
            if (f.open(QIODevice::WriteOnly))
                f.write(bytes);
        }
    }

    AbRunner runner(QStringLiteral("export.pdf_chart"), *options);
    runner.setSettle([] { QCoreApplication::processEvents(); });
    qsizetype lastOurs = 0, lastBaseline = 0;
    const AbResult result =
        runner.run([&] { lastOurs = ours().size(); }, [&] { lastBaseline = baseline().size(); });

    const QJsonObject input{
        {QStringLiteral("page"), QStringLiteral("A4 landscape, 72 dpi, QPdfWriter into memory")},
        {QStringLiteral("slot_pt"), QStringLiteral("770x210")},
        {QStringLiteral("layout_px"), QStringLiteral("1050x286")},
        {QStringLiteral("series"), kSeries},
        {QStringLiteral("points_stored"), qint64(kSeries * kPointsPerSeries)},
        {QStringLiteral("ours_points_drawn"), qint64(oursStats.points)},
        {QStringLiteral("plot_width_px"), oursStats.plotWidthPx},
        {QStringLiteral("baseline_points_to_qt_charts"), qint64(plain.pointCount())},
        {QStringLiteral("ours_pdf_bytes"), qint64(oursOnce.size())},
        {QStringLiteral("baseline_pdf_bytes"), qint64(baselineOnce.size())},
        {QStringLiteral("last_ours_pdf_bytes"), qint64(lastOurs)},
        {QStringLiteral("last_baseline_pdf_bytes"), qint64(lastBaseline)},
        {QStringLiteral("seeds"), QStringLiteral("1,2")},
        {QStringLiteral("ours"),
         QStringLiteral("ChartRenderer::render (M4 to the layout width) onto a QPdfWriter page")},
        {QStringLiteral("baseline"),
         QStringLiteral("QLineSeries with every point (replace()), QChartView::render onto the same page")},
        {QStringLiteral("target"), QStringLiteral("<= 50 ms and <= 300 KB per chart")},
    };
    const int status = BenchReport(result, input).finish(options->jsonPath);
    // The size line: bytes are deterministic for a given input, so one measurement each.
    out << "bench export.pdf_chart.size: " << kb(oursOnce.size()) << " KB (baseline "
        << kb(baselineOnce.size()) << " KB, ratio "
        << QString::number(double(baselineOnce.size()) / double(oursOnce.size()), 'f', 1) << ")\n";
    return status;
}
