#include "charts/chart_scene.h"

#include "charts/chart_axes.h"
#include "charts/chart_status_text.h"
#include "charts/series_segments.h"
#include "core/store/m4_downsampler.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFont>
#include <QGraphicsScene>
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

qint64 gapMsFor(const ChartRenderRequest &request, qsizetype index) {
    const qint64 periodS = std::max<qint64>(std::max(1, request.periodSeconds),
                                            request.spec.series.at(index).query.periodSeconds);
    return qint64(kGapPeriods * double(periodS) * 1000.0);
}

// The M4-reduced, display-unit pieces of `data` over `window`, x shifted by `shiftMs`.
SeriesSegments reduce(const SeriesData &data, const TimeRange &window, qint64 shiftMs, int widthPx,
                      qint64 gapMs, double scale) {
    const qsizetype n = std::min(data.timestampsMs.size(), data.values.size());
    SeriesSegments segments =
        splitAtGaps(m4Downsample(data.timestampsMs.constData(), data.values.constData(), n,
                                 window.startMs - shiftMs, window.endMs - shiftMs, widthPx, gapMs),
                    scale);
    if (shiftMs != 0) {
        for (QList<QPointF> &part : segments.parts)
            for (QPointF &p : part)
                p.rx() += double(shiftMs);
    }
    return segments;
}

// The display-unit min and max reduce() would report, without reducing: the finite values of
// the same slice m4Downsample() reads (the window plus one point on each side). M4 keeps every
// column's extremes, so the reduced series has exactly these extremes at any width.
SeriesSegments extent(const SeriesData &data, const TimeRange &window, qint64 shiftMs, double scale) {
    SeriesSegments out;
    const qsizetype n = std::min(data.timestampsMs.size(), data.values.size());
    const qint64 xMin = window.startMs - shiftMs;
    const qint64 xMax = window.endMs - shiftMs;
    if (n <= 0 || xMax <= xMin)
        return out;
    const qint64 *t = data.timestampsMs.constData();
    const double *v = data.values.constData();
    const qsizetype lo = std::max<qsizetype>(0, (std::lower_bound(t, t + n, xMin) - t) - 1);
    const qsizetype hi = std::min<qsizetype>(n, (std::upper_bound(t, t + n, xMax) - t) + 1);
    for (qsizetype i = lo; i < hi; ++i) {
        if (!std::isfinite(v[i]))
            continue;
        const double y = v[i] * scale;
        if (out.pointCount++ == 0) {
            out.min = out.max = y;
        } else {
            out.min = std::min(out.min, y);
            out.max = std::max(out.max, y);
        }
    }
    return out;
}

void widen(double &lo, double &hi, const SeriesSegments &segments) {
    if (segments.pointCount == 0)
        return;
    lo = std::isnan(lo) ? segments.min : std::min(lo, segments.min);
    hi = std::isnan(hi) ? segments.max : std::max(hi, segments.max);
}

QColor faint(QColor color) {
    color.setAlphaF(float(kOverlayAlpha));
    return color;
}

} // namespace

ChartScene::ChartScene(const ChartSpec &spec, const QList<qsizetype> &overlayPieces)
    : m_spec(spec)
    , m_unit(displayUnitFor(spec.unit))
    , m_palette(ChartPalette::print()) {
    m_chart = new QChart;
    m_chart->setTitle(spec.title);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
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

    // Overlay first: it stays under the data series.
    m_overlayPools.resize(spec.series.size());
    for (qsizetype i = 0; i < std::min(spec.series.size(), overlayPieces.size()); ++i)
        for (qsizetype s = 0; s < overlayPieces.at(i); ++s)
            overlaySegment(i, s);
    m_segmentPools.resize(spec.series.size());
    for (qsizetype i = 0; i < spec.series.size(); ++i)
        segment(i, 0);
    for (const ThresholdLine &line : spec.thresholds)
        m_thresholdSeries.append(newLine(ChartStatusText::threshold(line, m_unit.symbol)));
    syncLegend();
    stylePens();
}

ChartScene::~ChartScene() {
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

QLineSeries *ChartScene::segment(qsizetype seriesIndex, qsizetype segmentIndex) {
    QList<QLineSeries *> &pool = m_segmentPools[seriesIndex];
    while (pool.size() <= segmentIndex)
        pool.append(newLine(m_spec.series.at(seriesIndex).legend));
    return pool.at(segmentIndex);
}

QLineSeries *ChartScene::overlaySegment(qsizetype seriesIndex, qsizetype segmentIndex) {
    QList<QLineSeries *> &pool = m_overlayPools[seriesIndex];
    while (pool.size() <= segmentIndex)
        pool.append(newLine(m_spec.series.at(seriesIndex).legend));
    return pool.at(segmentIndex);
}

void ChartScene::syncLegend() {
    // One legend entry per metric, however many pieces its line is cut into. Set after every
    // change: Qt Charts re-shows a marker when its series' visibility changes.
    QLegend *legend = m_chart->legend();
    for (const QList<QLineSeries *> &pool : std::as_const(m_segmentPools))
        for (qsizetype s = 0; s < pool.size(); ++s)
            for (QLegendMarker *marker : legend->markers(pool.at(s)))
                marker->setVisible(s == 0);
    for (const QList<QLineSeries *> &pool : std::as_const(m_overlayPools))
        for (QLineSeries *line : pool)
            for (QLegendMarker *marker : legend->markers(line))
                marker->setVisible(false);
    if (m_overlayLegend)
        for (QLegendMarker *marker : legend->markers(m_overlayLegend))
            marker->setVisible(!m_overlayLegend->name().isEmpty());
}

void ChartScene::stylePens() {
    for (qsizetype i = 0; i < m_segmentPools.size(); ++i) {
        QPen pen(m_palette.seriesColor(i), kSeriesPenWidth * m_penScale);
        pen.setCosmetic(true);
        for (QLineSeries *line : std::as_const(m_segmentPools[i])) {
            line->setPen(pen);
            line->setColor(pen.color());
        }
        QPen overlayPen(faint(m_palette.seriesColor(i)), kSeriesPenWidth * m_penScale);
        overlayPen.setCosmetic(true);
        for (QLineSeries *line : std::as_const(m_overlayPools[i])) {
            line->setPen(overlayPen);
            line->setColor(overlayPen.color());
        }
    }
    if (m_overlayLegend) {
        QPen pen(faint(m_palette.text), kSeriesPenWidth * m_penScale);
        pen.setCosmetic(true);
        m_overlayLegend->setPen(pen);
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

qsizetype ChartScene::overlayPiecesNeeded(const ChartRenderRequest &request, qsizetype index, int widthPx) {
    if (index >= request.overlay.size() || index >= request.spec.series.size())
        return 0;
    return reduce(request.overlay.at(index), effectiveWindow(request), request.overlayShiftMs, widthPx,
                  gapMsFor(request, index), 1.0)
        .parts.size();
}

ChartRenderStats ChartScene::update(const ChartRenderRequest &request, int reductionWidthPx,
                                    bool markEmptySeries, bool axesOnly) {
    const TimeRange window = effectiveWindow(request);
    const int width = std::max(kMinPlotWidthPx, reductionWidthPx);

    ChartRenderStats stats;
    stats.plotWidthPx = width;
    double dataMin = std::numeric_limits<double>::quiet_NaN();
    double dataMax = dataMin;
    for (qsizetype i = 0; i < m_spec.series.size(); ++i) {
        const ChartSeriesSpec &spec = m_spec.series.at(i);
        const SeriesData series = i < request.series.size() ? request.series.at(i) : SeriesData();
        const qint64 gapMs = gapMsFor(request, i);
        const bool hasData = pointsInWindow(series, window) > 0;
        m_segmentPools[i].first()->setName(
            hasData || !markEmptySeries ? spec.legend : ChartStatusText::legendWithoutData(spec.legend));
        if (hasData)
            ++stats.seriesWithData;
        const SeriesData overlay = i < request.overlay.size() ? request.overlay.at(i) : SeriesData();
        if (axesOnly) {
            widen(dataMin, dataMax, extent(series, window, 0, m_unit.scale));
            widen(dataMin, dataMax, extent(overlay, window, request.overlayShiftMs, m_unit.scale));
            continue;
        }
        const SeriesSegments segments = reduce(series, window, 0, width, gapMs, m_unit.scale);

        const qsizetype pieces = std::max<qsizetype>(1, segments.parts.size());
        QList<QLineSeries *> &pool = m_segmentPools[i];
        for (qsizetype s = 0; s < std::max(pieces, pool.size()); ++s) {
            QLineSeries *line = segment(i, s);
            const QList<QPointF> points = s < segments.parts.size() ? segments.parts.at(s) : QList<QPointF>();
            line->replace(points); // one bulk update: append() per point is quadratic (perf §1.1)
            // A lone point between two gaps has no line to draw; mark it so it stays visible.
            line->setPointsVisible(points.size() == 1);
            line->setVisible(s == 0 || !points.isEmpty());
        }
        widen(dataMin, dataMax, segments);
        stats.segments += int(segments.parts.size());
        stats.points += segments.pointCount;

        // The faint overlay of the same series (e.g. last week), shifted under this window.
        if (overlay.size() > 0 || !m_overlayPools[i].isEmpty()) {
            const SeriesSegments faintSegments =
                reduce(overlay, window, request.overlayShiftMs, width, gapMs, m_unit.scale);
            QList<QLineSeries *> &faintPool = m_overlayPools[i];
            for (qsizetype s = 0; s < std::max(faintSegments.parts.size(), faintPool.size()); ++s) {
                QLineSeries *line = overlaySegment(i, s);
                const QList<QPointF> points =
                    s < faintSegments.parts.size() ? faintSegments.parts.at(s) : QList<QPointF>();
                line->replace(points);
                line->setPointsVisible(points.size() == 1);
                line->setVisible(!points.isEmpty());
            }
            widen(dataMin, dataMax, faintSegments);
            stats.overlayPoints += faintSegments.pointCount;
        }
    }
    if (!request.overlayLegend.isEmpty() && !m_overlayLegend)
        m_overlayLegend = newLine(request.overlayLegend);
    if (m_overlayLegend)
        m_overlayLegend->setName(request.overlayLegend);
    stats.hasData = stats.seriesWithData > 0;
    syncLegend();
    stylePens(); // new segments get the theme's colours when added; ours win

    double thresholdMin = std::numeric_limits<double>::quiet_NaN();
    double thresholdMax = thresholdMin;
    for (qsizetype i = 0; i < m_thresholdSeries.size(); ++i) {
        const double value = m_spec.thresholds.at(i).value; // already in display units
        m_thresholdSeries[i]->replace(
            {QPointF(double(window.startMs), value), QPointF(double(window.endMs), value)});
        thresholdMin = std::isnan(thresholdMin) ? value : std::min(thresholdMin, value);
        thresholdMax = std::isnan(thresholdMax) ? value : std::max(thresholdMax, value);
        ++stats.thresholdLines;
    }

    const QDateTime from = QDateTime::fromMSecsSinceEpoch(window.startMs, Qt::LocalTime);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(window.endMs, Qt::LocalTime);
    m_xAxis->setRange(from, to);
    m_xAxis->setFormat(timeAxisFormat(window.durationMs()));
    // Tick density follows the logical plot width, not the (possibly 2×) reduction width.
    const int plotWidth = plotAreaWidth() > 0 ? plotAreaWidth() : width;
    m_xAxis->setTickCount(timeAxisTickCount(window.durationMs(), plotWidth));
    m_xAxis->setTitleText(timeAxisTitle(window));

    const ValueRange y =
        valueAxisRange(dataMin, dataMax, thresholdMin, thresholdMax,
                       m_spec.unit == Unit::Percent ? 100.0 : std::numeric_limits<double>::quiet_NaN());
    m_yAxis->setRange(y.min, y.max);
    m_yAxis->setTickCount(y.tickCount);
    m_yAxis->setLabelFormat(QStringLiteral("%.") % QString::number(y.decimals) % QLatin1Char('f'));
    return stats;
}

} // namespace mlwatch
