#include "charts/chart_renderer.h"

#include "charts/chart_scene.h"
#include "charts/chart_status_label.h"
#include "charts/chart_status_text.h"
#include "core/model/compare_offset.h"
#include "core/store/series_store.h"

#include <QChart>
#include <QGraphicsScene>
#include <QImageWriter>
#include <QLegend>
#include <QPainter>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {

// Full passes after the axes-only one, should the plot width still move (it does not in
// practice: the axes' ranges are final after the first pass); a guard against a loop.
constexpr int kMaxLayoutPasses = 3;

} // namespace

ChartRenderRequest ChartRenderRequest::fromStore(const ChartSpec &spec, const SeriesStore &store,
                                                 const TimeRange &window, int periodSeconds,
                                                 qint64 compareOffsetSeconds) {
    ChartRenderRequest request;
    request.spec = spec;
    request.series.reserve(spec.series.size());
    for (const ChartSeriesSpec &s : spec.series)
        request.series.append(store.series(s.query.seriesKey())); // implicitly shared: no copy
    request.window = window;
    request.periodSeconds = periodSeconds;
    if (compareOffsetSeconds > 0) {
        // The earlier period as the fetch side stored it (compare_offset.h), drawn shifted.
        bool any = false;
        for (const ChartSeriesSpec &s : spec.series) {
            request.overlay.append(
                store.series(CompareOffset::seriesKey(s.query.seriesKey(), compareOffsetSeconds)));
            any = any || request.overlay.constLast().size() > 0;
        }
        if (any) {
            request.overlayShiftMs = CompareOffset::drawShiftMs(compareOffsetSeconds);
            request.overlayLegend = CompareOffset::legend(
                spec.series.size() == 1 ? spec.series.first().legend : spec.title, compareOffsetSeconds);
        } else {
            request.overlay.clear();
        }
    }
    return request;
}

QImage ChartRenderer::renderImage(const ChartRenderRequest &request, const ChartRenderStyle &style,
                                  ChartRenderStats *stats) {
    const qreal ratio = std::max<qreal>(0.1, style.devicePixelRatio);
    QImage image(style.size * ratio, QImage::Format_RGB32); // opaque: cheaper to paint and to encode
    if (image.isNull())
        return image;
    image.setDevicePixelRatio(ratio);
    image.fill(style.palette.background);
    QPainter painter(&image);
    const ChartRenderStats drawn = render(painter, QRectF(QPointF(0, 0), QSizeF(style.size)), request, style);
    if (stats)
        *stats = drawn;
    return image;
}

ChartRenderStats ChartRenderer::render(QPainter &painter, const QRectF &target,
                                       const ChartRenderRequest &request, const ChartRenderStyle &style) {
    ChartRenderStats stats;
    if (style.size.isEmpty() || target.isEmpty())
        return stats;
    const qreal ratio = std::max<qreal>(1.0, style.devicePixelRatio);

    // What the chart says over its plot: the caller's text, or the screen's "no data" text.
    const TimeRange window = ChartScene::effectiveWindow(request);
    bool anyData = false;
    for (const SeriesData &data : request.series)
        anyData = anyData || ChartScene::pointsInWindow(data, window) > 0;
    QString status = request.statusText;
    if (status.isEmpty() && !anyData)
        status = ChartStatusText::noData(request.spec, request.window);

    int width = ChartScene::reductionWidth(ChartScene::plotWidthFor(0, style.size.width()), ratio);

    // Laid out at style.size, scaled uniformly into the target and centred.
    const QSizeF logical(style.size);
    const qreal scale = std::min(target.width() / logical.width(), target.height() / logical.height());
    const QPointF origin = target.center() - QPointF(logical.width() * scale, logical.height() * scale) / 2;
    // Cosmetic pens ignore the painter's scale (and a 2× image's ratio): widen them by it.
    const QTransform toDevice = QTransform::fromScale(scale, scale) * painter.deviceTransform();
    const qreal penScale = std::sqrt(std::abs(toDevice.determinant()));

    // Declared before the QGraphicsScene, which owns the chart once added and is destroyed first.
    ChartScene chartScene(request.spec);
    chartScene.applyStyle(style.palette, style.font, penScale);
    chartScene.setLocale(style.locale);
    QGraphicsScene scene;
    QChart *chart = chartScene.chart();
    scene.addItem(chart);
    chart->resize(QSizeF(style.size));
    chartScene.layOut(/*force=*/true);

    // Axes first (no reduction: the points are reduced once, at the final width), then the
    // data at the plot width the layout settled on. A width that still moves after that
    // (the axes depend on the data only through their ranges, which are already final) gets
    // another full pass.
    const bool markEmptySeries = status.isEmpty();
    chartScene.update(request, width, markEmptySeries, /*axesOnly=*/true);
    chartScene.layOut(/*force=*/true);
    width = ChartScene::reductionWidth(
        ChartScene::plotWidthFor(chartScene.plotAreaWidth(), style.size.width()), ratio);
    stats = chartScene.update(request, width, markEmptySeries);
    for (int pass = 0; pass < kMaxLayoutPasses; ++pass) {
        chartScene.layOut(/*force=*/true);
        const int settled = ChartScene::reductionWidth(
            ChartScene::plotWidthFor(chartScene.plotAreaWidth(), style.size.width()), ratio);
        if (settled == width)
            break;
        width = settled;
        stats = chartScene.update(request, width, markEmptySeries);
    }
    stats.statusText = status;

    painter.save();
    painter.translate(origin);
    painter.scale(scale, scale);
    // What QChartView paints with (MetricChartView turns antialiasing on; text is by default).
    painter.setRenderHint(QPainter::Antialiasing, style.antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF area(QPointF(0, 0), logical);
    painter.fillRect(area, style.palette.background);
    scene.render(&painter, area, area);
    if (!status.isEmpty()) {
        // A child, painted through its parent without the parent's background: the widget at
        // the root of QWidget::render() copies its translucent veil in (CompositionMode_Source)
        // instead of blending it over the chart as the screen does.
        QWidget host;
        host.resize(style.size);
        ChartStatusLabel label(&host);
        label.setFont(style.font);
        label.setLocale(style.locale);
        label.setText(status);
        label.applyStyle(style.palette, request.statusIsError);
        label.place(style.size, stats.seriesWithData > 0);
        host.render(&painter, label.pos(), QRegion(label.geometry()), QWidget::DrawChildren);
    }
    painter.restore();
    return stats;
}

bool ChartRenderer::writePng(const QImage &image, QIODevice &device, QString *errorString) {
    // Quality maps to zlib's level as (100 - quality) * 9 / 91: 70 gives level 2. Charts are
    // mostly flat colour, so the stronger default levels buy little size for much more time.
    constexpr int kPngQuality = 70;
    QImageWriter writer(&device, "png");
    writer.setQuality(kPngQuality);
    if (writer.write(image))
        return true;
    if (errorString)
        *errorString = writer.errorString();
    return false;
}

} // namespace mlwatch
