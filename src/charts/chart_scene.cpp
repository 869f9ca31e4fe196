#include "charts/chart_scene.h"

#include "charts/chart_axes.h"
#include "charts/chart_status_text.h"
#include "charts/series_polyline_item.h"
#include "charts/time_display.h"
#include "core/model/publication_delay.h"
#include "core/model/unit_registry.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlwatch {

namespace {

constexpr double kGapPeriods = 2.5; // a hole longer than this many periods is drawn as a break
constexpr int kMinPlotWidthPx = 50;
// One device-independent pixel, like Grafana's default line width: the AA stroke is the biggest
// cost of a redraw (bench e2e.page_to_pixels went from 2.0× to 4.0× its baseline going 1.6 → 1.0).
constexpr qreal kSeriesPenWidth = 1.0;
constexpr qreal kThresholdPenWidth = 1.3;
constexpr qreal kOverlayAlpha = 0.35; // faint enough to read as "behind", strong enough to print
// Qt Charts stacks grid (2), axes (3) and series (4, ChartPresenter::SeriesZValue) by z value;
// the data goes between axes and the threshold series so thresholds stay on top.
constexpr qreal kPolylineZ = 3.5;
// The "not yet published" band: over the plot background (0), under the grid (2), like Qt
// Charts' own axis shades (1); a tint of the muted text colour, opaque (no PDF transparency).
constexpr qreal kUnpublishedZ = 1.5;
constexpr qreal kUnpublishedTint = 0.14;
constexpr qreal kUnpublishedLegendPenWidth = 8.0; // the legend marker reads as a swatch of the band
// The "Newest datapoint" caption: a strip under the legend, in a smaller font, right-aligned.
constexpr qreal kCaptionFontScale = 0.85;
constexpr int kChartMargin = 4; // QChart margins on every side (the caption strip adds to the bottom)
constexpr qreal kCaptionZ = 10; // above the legend

qint64 gapMsFor(const ChartRenderRequest &request, qsizetype index) {
    const qint64 periodS = std::max<qint64>(std::max(1, request.periodSeconds),
                                            request.spec.series.at(index).query.periodSeconds);
    return qint64(kGapPeriods * double(periodS) * 1000.0);
}

void widen(double &lo, double &hi, double min, double max) {
    lo = std::isnan(lo) ? min : std::min(lo, min);
    hi = std::isnan(hi) ? max : std::max(hi, max);
}

// Widens [lo, hi] by the display-unit extent of `data` over `window` shifted back by `shiftMs`:
// the finite values of the slice M4 reads. M4 keeps every column's extremes, so the reduced
// series has exactly these extremes at any width.
void widenByExtent(double &lo, double &hi, M4Index &index, const SeriesData &data, const TimeRange &window,
                   qint64 shiftMs, double scale) {
    double min = 0, max = 0;
    if (index.extent(data, window.startMs - shiftMs, window.endMs - shiftMs, &min, &max))
        widen(lo, hi, std::min(min * scale, max * scale), std::max(min * scale, max * scale));
}

// A series hidden through the legend keeps its entry (clicking it again shows the series),
// struck out and faint. Set only on a change: a marker's font change re-lays the legend out.
void markLegendEntryHidden(QLegend *legend, QLineSeries *carrier, bool hidden, const ChartPalette &palette) {
    for (QLegendMarker *marker : legend->markers(carrier)) {
        if (marker->font().strikeOut() == hidden)
            continue;
        QFont font = legend->font();
        font.setStrikeOut(hidden);
        marker->setFont(font);
        QColor text = palette.text;
        if (hidden)
            text.setAlphaF(0.45f);
        marker->setLabelBrush(text);
    }
}

QColor faint(QColor color) {
    color.setAlphaF(float(kOverlayAlpha));
    return color;
}

// `color` at `alpha` over `background`, as an opaque colour.
QColor tintOver(const QColor &color, const QColor &background, qreal alpha) {
    const auto mix = [alpha](float c, float b) { return c * float(alpha) + b * (1.0f - float(alpha)); };
    return QColor::fromRgbF(mix(color.redF(), background.redF()), mix(color.greenF(), background.greenF()),
                            mix(color.blueF(), background.blueF()));
}

// `color` at kOverlayAlpha over `background`, as an opaque colour: the overlay looks exactly as
// translucent on the plot, but no pixel darkens where its lines overlap (a dense band, the
// joints of its aliased lines), and a PDF needs no transparency.
QColor faintOver(const QColor &color, const QColor &background) {
    return tintOver(color, background, kOverlayAlpha);
}

} // namespace

ChartScene::ChartScene(const ChartSpec &spec)
    : m_spec(spec)
    , m_unit(UnitRegistry::forChart(spec)) // the axis; series scale per device (seriesScale)
    , m_palette(ChartPalette::print())
    , m_seriesIndex(size_t(spec.series.size()))
    , m_overlayIndex(size_t(spec.series.size())) {
    m_chart = new QChart;
    m_chart->setTitle(spec.title);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(kChartMargin, kChartMargin, kChartMargin, kChartMargin));
    m_chart->setLocalizeNumbers(true);
    m_chart->setLocale(QLocale());
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setShowToolTips(true); // full names of entries the legend had to shorten
    // Line-shaped markers drawn with each series' pen: threshold entries look dashed like their lines.
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);

    m_xAxis = new QDateTimeAxis(m_chart);
    // Until the first update says otherwise, show the last day rather than Qt's 1970 default.
    const QDateTime now = QDateTime::currentDateTime();
    m_xAxis->setRange(now.addDays(-1), now);
    m_xAxis->setFormat(timeAxisFormat(24LL * 3600 * 1000));
    m_xAxis->setTitleText(timeAxisTitle(TimeRange{}));
    m_yAxis = new QValueAxis(m_chart);
    m_yAxis->setTitleText(valueAxisTitle(m_unit));
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);

    // The points: one item over the plot area, overlay lines under data lines. Stacked with
    // the series (above grid and plot background) but under the threshold lines, which Qt
    // Charts draws at the same z and which must stay readable on top of the data.
    m_lines = new SeriesPolylineItem(m_chart);
    m_lines->setZValue(kPolylineZ);
    m_lines->setLineCount(SeriesPolylineItem::Layer::Overlay, spec.series.size());
    m_lines->setLineCount(SeriesPolylineItem::Layer::Data, spec.series.size());
    m_lines->setPlotArea(m_chart->plotArea());
    SeriesPolylineItem *lines = m_lines;
    QObject::connect(m_chart.data(), &QChart::plotAreaChanged, m_chart.data(),
                     [lines](const QRectF &area) { lines->setPlotArea(area); });

    // Decorations (see the header): the band under the grid, the caption in the bottom strip.
    m_unpublishedBand = new QGraphicsRectItem(m_chart);
    m_unpublishedBand->setZValue(kUnpublishedZ);
    m_unpublishedBand->setPen(Qt::NoPen);
    m_unpublishedBand->setVisible(false);
    m_caption = new QGraphicsSimpleTextItem(m_chart);
    m_caption->setZValue(kCaptionZ);
    m_connections.append(QObject::connect(m_chart.data(), &QChart::plotAreaChanged, m_chart.data(),
                                          [this](const QRectF &) { placeDecorations(); }));
    m_connections.append(QObject::connect(m_chart.data(), &QGraphicsWidget::geometryChanged, m_chart.data(),
                                          [this] { placeDecorations(); }));

    for (const ChartSeriesSpec &series : spec.series)
        m_legendCarriers.append(newLine(series.legend));
    for (const ThresholdLine &line : spec.thresholds)
        m_thresholdSeries.append(newLine(ChartStatusText::threshold(line, m_unit.symbol)));
    syncLegend();
    stylePens();
}

ChartScene::~ChartScene() {
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        QObject::disconnect(connection);
    // A chart in a QGraphicsScene belongs to that scene (see the header).
    if (m_chart && !m_chart->scene())
        delete m_chart;
}

QChart *ChartScene::chart() const {
    return m_chart;
}

QLineSeries *ChartScene::newLine(const QString &name) {
    auto *line = new QLineSeries(m_chart);
    line->setName(name);
    m_chart->addSeries(line);
    line->attachAxis(m_xAxis);
    line->attachAxis(m_yAxis);
    return line;
}

void ChartScene::syncLegend() {
    // Data carriers and thresholds keep their one entry each; the overlay has one when named.
    if (m_overlayLegend)
        for (QLegendMarker *marker : m_chart->legend()->markers(m_overlayLegend))
            marker->setVisible(!m_overlayLegend->name().isEmpty());
}

void ChartScene::stylePens() {
    for (qsizetype i = 0; i < m_legendCarriers.size(); ++i) {
        QPen pen(m_palette.seriesColor(i), kSeriesPenWidth * m_penScale);
        pen.setCosmetic(true);
        m_legendCarriers[i]->setPen(pen); // the legend marker is drawn with it
        m_legendCarriers[i]->setColor(pen.color());
        m_lines->setPen(SeriesPolylineItem::Layer::Data, i, pen);
        QPen overlayPen(faintOver(m_palette.seriesColor(i), m_palette.plotBackground),
                        kSeriesPenWidth * m_penScale);
        overlayPen.setCosmetic(true);
        m_lines->setPen(SeriesPolylineItem::Layer::Overlay, i, overlayPen);
    }
    if (m_overlayLegend) {
        // One series: its faint colour, as the overlay is drawn; several: a neutral faint grey.
        QPen pen(m_legendCarriers.size() == 1 ? faintOver(m_palette.seriesColor(0), m_palette.plotBackground)
                                              : faint(m_palette.text),
                 kSeriesPenWidth * m_penScale);
        pen.setCosmetic(true);
        m_overlayLegend->setPen(pen);
    }
    const QColor band = tintOver(m_palette.mutedText, m_palette.plotBackground, kUnpublishedTint);
    m_unpublishedBand->setBrush(band);
    if (m_unpublishedLegend) {
        QPen pen(band, kUnpublishedLegendPenWidth * m_penScale);
        pen.setCosmetic(true);
        pen.setCapStyle(Qt::FlatCap);
        m_unpublishedLegend->setPen(pen);
    }
    for (qsizetype i = 0; i < m_thresholdSeries.size(); ++i) {
        const bool critical = m_spec.thresholds.at(i).level == ThresholdLevel::Critical;
        QPen pen(critical ? m_palette.critical : m_palette.warning, kThresholdPenWidth * m_penScale,
                 critical ? Qt::DashLine : Qt::DashDotLine);
        pen.setCosmetic(true);
        m_thresholdSeries[i]->setPen(pen);
    }
}

void ChartScene::applyStyle(const ChartPalette &palette, const QFont &font, qreal penScale) {
    m_palette = palette;
    m_penScale = penScale > 0 ? penScale : 1.0;
    QFont titleFont = font;
    titleFont.setBold(true);
    m_chart->setBackgroundBrush(palette.background);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundBrush(palette.plotBackground);
    m_chart->setPlotAreaBackgroundVisible(true);
    m_chart->setTitleBrush(palette.text);
    m_chart->setTitleFont(titleFont);
    m_chart->legend()->setLabelColor(palette.text);
    QFont legendFont = font;
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9); // five entries fit a 560 px chart
    m_chart->legend()->setFont(legendFont);
    // The caption strip under the legend: as tall as one caption line, whether or not there is
    // a caption (the plot does not jump when the first datapoint arrives).
    m_captionFont = font;
    m_captionFont.setPointSizeF(m_captionFont.pointSizeF() * kCaptionFontScale);
    m_caption->setFont(m_captionFont);
    m_caption->setBrush(palette.mutedText);
    const int strip = int(std::ceil(QFontMetricsF(m_captionFont).height()));
    m_chart->setMargins(QMargins(kChartMargin, kChartMargin, kChartMargin, kChartMargin + strip));
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_xAxis), static_cast<QAbstractAxis *>(m_yAxis)}) {
        axis->setLabelsColor(palette.text);
        axis->setLabelsFont(font);
        axis->setTitleBrush(palette.text);
        axis->setTitleFont(font);
        axis->setGridLineColor(palette.grid);
        axis->setLinePenColor(palette.grid);
    }
    stylePens();
}

void ChartScene::setLocale(const QLocale &locale) {
    m_chart->setLocale(locale);
}

void ChartScene::layOut(bool force) {
    for (QGraphicsWidget *widget : {static_cast<QGraphicsWidget *>(m_chart->legend()),
                                    static_cast<QGraphicsWidget *>(m_chart.data())}) {
        if (QGraphicsLayout *layout = widget->layout()) {
            if (force)
                layout->invalidate();
            layout->activate(); // a no-op when nothing changed since the last layout
        }
    }
}

int ChartScene::plotAreaWidth() const {
    return int(m_chart->plotArea().width());
}

TimeRange ChartScene::effectiveWindow(const ChartRenderRequest &request) {
    if (request.window.isValid())
        return request.window;
    // No window (a test or export fed data directly): show what is there.
    TimeRange window{std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()};
    for (const SeriesData &data : request.series) {
        if (data.size() > 0) {
            window.startMs = std::min(window.startMs, data.timestampsMs.first());
            window.endMs = std::max(window.endMs, data.timestampsMs.last() + 1);
        }
    }
    return window.isValid() ? window : TimeRange{0, 1};
}

qsizetype ChartScene::pointsInWindow(const SeriesData &data, const TimeRange &window) {
    if (!window.isValid())
        return data.size();
    const auto begin = data.timestampsMs.cbegin();
    const auto end = data.timestampsMs.cend();
    return std::upper_bound(begin, end, window.endMs) - std::lower_bound(begin, end, window.startMs);
}

int ChartScene::plotWidthFor(int plotAreaWidthPx, int chartWidthPx) {
    return std::max(kMinPlotWidthPx, plotAreaWidthPx > 0 ? plotAreaWidthPx : chartWidthPx - 90);
}

int ChartScene::reductionWidth(int plotWidthPx, qreal devicePixelRatio) {
    return int(std::ceil(std::max(kMinPlotWidthPx, plotWidthPx) * std::max<qreal>(1.0, devicePixelRatio)));
}

ChartRenderStats ChartScene::update(const ChartRenderRequest &request, int reductionWidthPx,
                                    bool markEmptySeries, bool axesOnly) {
    using Layer = SeriesPolylineItem::Layer;
    const TimeRange window = effectiveWindow(request);
    const int width = std::max(kMinPlotWidthPx, reductionWidthPx);

    ChartRenderStats stats;
    stats.plotWidthPx = width;
    double dataMin = std::numeric_limits<double>::quiet_NaN();
    double dataMax = dataMin;
    for (qsizetype i = 0; i < m_spec.series.size(); ++i) {
        const ChartSeriesSpec &spec = m_spec.series.at(i);
        // Per series: CPU over its vCPUs next to GPU over its GPUs (UnitRegistry::seriesScale).
        const double scale = UnitRegistry::seriesScale(m_spec, i);
        const SeriesData series = i < request.series.size() ? request.series.at(i) : SeriesData();
        const qint64 gapMs = gapMsFor(request, i);
        const bool hasData = pointsInWindow(series, window) > 0;
        m_legendCarriers[i]->setName(
            hasData || !markEmptySeries ? spec.legend : ChartStatusText::legendWithoutData(spec.legend));
        if (hasData)
            ++stats.seriesWithData;
        // Hidden through the legend: nothing drawn, no say in the y range, entry dimmed.
        const bool hidden = request.hiddenSeries.value(i, false);
        markLegendEntryHidden(m_chart->legend(), m_legendCarriers[i], hidden, m_palette);
        if (hidden) {
            ++stats.hiddenSeries;
            if (!axesOnly) {
                m_lines->setPoints(Layer::Data, i, {}, scale);
                m_lines->setPoints(Layer::Overlay, i, {}, scale);
            }
            continue;
        }
        const SeriesData overlay = i < request.overlay.size() ? request.overlay.at(i) : SeriesData();
        const qint64 shift = request.overlayShiftMs;
        if (axesOnly) {
            widenByExtent(dataMin, dataMax, m_seriesIndex[size_t(i)], series, window, 0, scale);
            widenByExtent(dataMin, dataMax, m_overlayIndex[size_t(i)], overlay, window, shift, scale);
            continue;
        }
        m_lines->setPoints(
            Layer::Data, i,
            m_seriesIndex[size_t(i)].reduce(series, window.startMs, window.endMs, width, gapMs), scale);
        const SeriesPolylineItem::Line &line = m_lines->line(Layer::Data, i);
        if (!line.points.isEmpty())
            widen(dataMin, dataMax, line.min, line.max);
        stats.segments += int(line.runCount());
        stats.points += line.points.size();

        // The faint overlay of the same series (e.g. last week), shifted under this window.
        if (overlay.size() > 0 || !m_lines->line(Layer::Overlay, i).points.isEmpty()) {
            m_lines->setPoints(Layer::Overlay, i,
                               m_overlayIndex[size_t(i)].reduce(overlay, window.startMs - shift,
                                                                window.endMs - shift, width, gapMs),
                               scale, double(shift));
            const SeriesPolylineItem::Line &faintLine = m_lines->line(Layer::Overlay, i);
            if (!faintLine.points.isEmpty())
                widen(dataMin, dataMax, faintLine.min, faintLine.max);
            stats.overlayPoints += faintLine.points.size();
        }
    }
    if (!request.overlayLegend.isEmpty() && !m_overlayLegend) {
        m_overlayLegend = newLine(request.overlayLegend);
        stylePens();
    }
    if (m_overlayLegend)
        m_overlayLegend->setName(request.overlayLegend);
    stats.hasData = stats.seriesWithData > 0;
    syncLegend();

    // Qt Charts labels the time axis in local time: UTC mode shifts what it is given.
    const qint64 axisShift = TimeDisplay::axisShiftMs(request.timeZone, window.endMs);
    double thresholdMin = std::numeric_limits<double>::quiet_NaN();
    double thresholdMax = thresholdMin;
    for (qsizetype i = 0; i < m_thresholdSeries.size(); ++i) {
        const double value = m_spec.thresholds.at(i).value; // already in display units
        const QPointF from(double(window.startMs + axisShift), value),
            to(double(window.endMs + axisShift), value);
        QLineSeries *line = m_thresholdSeries[i];
        if (line->count() != 2 || line->at(0) != from || line->at(1) != to)
            line->replace({from, to}); // Qt Charts re-strokes on every replace(): only on a change
        thresholdMin = std::isnan(thresholdMin) ? value : std::min(thresholdMin, value);
        thresholdMax = std::isnan(thresholdMax) ? value : std::max(thresholdMax, value);
        ++stats.thresholdLines;
    }

    const QDateTime from = QDateTime::fromMSecsSinceEpoch(window.startMs + axisShift, Qt::LocalTime);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(window.endMs + axisShift, Qt::LocalTime);
    m_xAxis->setRange(from, to);
    m_xAxis->setFormat(timeAxisFormat(window.durationMs()));
    // Tick density follows the logical plot width, not the (possibly 2×) reduction width.
    const int plotWidth = plotAreaWidth() > 0 ? plotAreaWidth() : width;
    m_xAxis->setTickCount(timeAxisTickCount(window.durationMs(), plotWidth));
    m_xAxis->setTitleText(TimeDisplay::axisTitle(window, request.timeZone));

    // Utilisation reads on 0–100 %; an error share of 0.7 % would be a flat line there.
    const bool errorShare =
        std::any_of(m_spec.series.cbegin(), m_spec.series.cend(),
                    [](const ChartSeriesSpec &s) { return s.derivation == SeriesDerivation::ErrorPercent; });
    const ValueRange y = valueAxisRange(
        dataMin, dataMax, thresholdMin, thresholdMax,
        m_spec.unit == Unit::Percent && !errorShare ? 100.0 : std::numeric_limits<double>::quiet_NaN());
    m_yAxis->setRange(y.min, y.max);
    m_yAxis->setTickCount(y.tickCount);
    m_yAxis->setLabelFormat(QStringLiteral("%.") % QString::number(y.decimals) % QLatin1Char('f'));

    // The item maps with the axes' ranges; the plot area may already be final (a view that is
    // laid out), else plotAreaChanged brings it.
    m_lines->setRanges(double(window.startMs), double(window.endMs), y.min, y.max, width);
    m_lines->setPlotArea(m_chart->plotArea());
    updateDecorations(request, window);
    return stats;
}

void ChartScene::updateDecorations(const ChartRenderRequest &request, const TimeRange &window) {
    m_window = window;

    // Not yet published: [now − delay, now] inside the window, the delay at the coarsest period
    // of the chart's series (a bucket is published once it is closed and ingested).
    TimeRange band;
    QString bandLegend;
    if (request.nowMs > 0) {
        int period = std::max(1, request.periodSeconds);
        for (const ChartSeriesSpec &series : std::as_const(m_spec.series))
            period = std::max(period, series.query.periodSeconds);
        const int delayS = PublicationDelay::seconds(m_spec.cloud, period);
        band = TimeRange{std::max(window.startMs, request.nowMs - qint64(delayS) * 1000),
                         std::min(window.endMs, request.nowMs)};
        if (!band.isValid())
            band = TimeRange{};
        bandLegend = ChartStatusText::notYetPublished(PublicationDelay::serviceName(m_spec.cloud), delayS);
    }
    m_unpublished = band;
    if (band.isValid() && !m_unpublishedLegend) {
        // Created on first need: a chart that only ever shows the past never has the entry.
        m_unpublishedLegend = newLine(bandLegend);
        stylePens();
    }
    if (m_unpublishedLegend) {
        if (band.isValid() && m_unpublishedLegend->name() != bandLegend)
            m_unpublishedLegend->setName(bandLegend);
        for (QLegendMarker *marker : m_chart->legend()->markers(m_unpublishedLegend))
            if (marker->isVisible() != band.isValid())
                marker->setVisible(band.isValid());
    }

    // Newest datapoint of any series (hidden ones too: the caption is about the data's age).
    qint64 newest = std::numeric_limits<qint64>::min();
    for (const SeriesData &data : request.series)
        if (data.size() > 0)
            newest = std::max(newest, data.timestampsMs.last());
    const QString caption =
        newest == std::numeric_limits<qint64>::min()
            ? QString()
            : ChartStatusText::newestDatapoint(newest, request.nowMs, request.timeZone, m_chart->locale());
    if (m_caption->text() != caption)
        m_caption->setText(caption);
    placeDecorations();
}

void ChartScene::placeDecorations() {
    const QRectF plot = m_chart->plotArea();
    if (m_unpublished.isValid() && m_window.isValid() && plot.width() > 0) {
        const double span = double(m_window.durationMs());
        const double x0 =
            plot.left() + plot.width() * double(m_unpublished.startMs - m_window.startMs) / span;
        const double x1 = plot.left() + plot.width() * double(m_unpublished.endMs - m_window.startMs) / span;
        m_unpublishedBand->setRect(QRectF(QPointF(x0, plot.top()), QPointF(x1, plot.bottom())));
        m_unpublishedBand->setVisible(true);
    } else {
        m_unpublishedBand->setVisible(false);
    }
    const QSizeF size = m_chart->size();
    const QRectF text = m_caption->boundingRect();
    m_caption->setPos(size.width() - kChartMargin - text.width(),
                      size.height() - kChartMargin - text.height());
}

QRectF ChartScene::unpublishedRect() const {
    return m_unpublishedBand->isVisible() ? m_unpublishedBand->rect() : QRectF();
}

QString ChartScene::captionText() const {
    return m_caption->text();
}

} // namespace mlwatch
