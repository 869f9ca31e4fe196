#pragma once

#include "charts/chart_palette.h"
#include "charts/chart_renderer.h"
#include "core/catalog/chart_spec.h"
#include "core/model/series_data.h"
#include "core/model/time_range.h"
#include "core/model/unit.h"

#include <QList>
#include <QPointer>

class QChart;
class QDateTimeAxis;
class QFont;
class QLineSeries;
class QLocale;
class QValueAxis;

namespace mlwatch {

// The Qt Charts side of one chart, shared by MetricChartView (on screen) and ChartRenderer
// (PNG, clipboard, PDF) so both draw exactly the same thing: one QChart with a time axis whose
// title names the zone, a value axis in display units, each series M4-reduced to the pixel
// width and cut at gaps into same-coloured pieces with one legend entry, dashed threshold lines,
// and an optional faint overlay. Internal to src/charts: the only place that names Qt Charts.
//
// Ownership: the scene creates the QChart. Whoever puts it in a QGraphicsScene (a QChartView,
// or the renderer's scene) owns it from then on; a chart never added to one is deleted with
// this object.
class ChartScene {
public:
    // `overlayPieces[i]` line pieces are created for overlay series i before any data series,
    // so the overlay is drawn underneath (Qt Charts stacks series in the order they are added).
    // More pieces than that still work; they are then drawn on top.
    explicit ChartScene(const ChartSpec &spec, const QList<qsizetype> &overlayPieces = {});
    ~ChartScene();
    ChartScene(const ChartScene &) = delete;
    ChartScene &operator=(const ChartScene &) = delete;

    QChart *chart() const;
    const ChartSpec &spec() const { return m_spec; }
    const DisplayUnit &unit() const { return m_unit; }
    const ChartPalette &palette() const { return m_palette; }

    // Colours, fonts and the locale of numbers and dates. Title bold, legend 90 % of `font`.
    // Series and threshold pens are cosmetic (a fixed width in device pixels, cheapest to
    // draw); `penScale` multiplies that width so a chart painted through a scaling painter
    // (a 2× image, a PDF page) keeps the screen's proportions.
    void applyStyle(const ChartPalette &palette, const QFont &font, qreal penScale = 1.0);
    void setLocale(const QLocale &locale);

    // Hands the request's data to Qt Charts: series reduced to `reductionWidthPx` columns, the
    // axes fitted. `markEmptySeries` appends "(no data)" to the legend of series without points
    // (the chart shows data, so an absent series must say so). The request's status fields are
    // not drawn here (see ChartStatusLabel). Returns what was drawn (redraws = 0).
    // `axesOnly` fits axes, legend and thresholds but hands Qt Charts no series points: a
    // layout pass that learns the plot width without paying Qt Charts' per-point cost
    // (QLineSeries::replace() strokes the whole path) for a width that is about to change.
    ChartRenderStats update(const ChartRenderRequest &request, int reductionWidthPx, bool markEmptySeries,
                            bool axesOnly = false);

    // The plot area's width once Qt Charts has laid the chart out, else 0.
    int plotAreaWidth() const;

    // The window a request shows: its own when valid, else the extent of its data ({0, 1}
    // when there is none).
    static TimeRange effectiveWindow(const ChartRenderRequest &request);
    // Datapoints of `data` inside [window.startMs, window.endMs]; all of them for an invalid window.
    static qsizetype pointsInWindow(const SeriesData &data, const TimeRange &window);
    // The plot width to reduce to: the laid-out plot area when known (`plotAreaWidthPx` > 0),
    // else an estimate from the whole chart's width (axis labels and margins take about 90 px).
    static int plotWidthFor(int plotAreaWidthPx, int chartWidthPx);
    // The M4 input width for a plot `plotWidthPx` logical pixels wide at `devicePixelRatio`.
    static int reductionWidth(int plotWidthPx, qreal devicePixelRatio);
    // Line pieces (runs between gaps) overlay series `index` of `request` needs at `widthPx`.
    static qsizetype overlayPiecesNeeded(const ChartRenderRequest &request, qsizetype index, int widthPx);

private:
    QLineSeries *segment(qsizetype seriesIndex, qsizetype segmentIndex);
    QLineSeries *overlaySegment(qsizetype seriesIndex, qsizetype segmentIndex);
    QLineSeries *newLine(const QString &name);
    void syncLegend();
    void stylePens();

    ChartSpec m_spec;
    DisplayUnit m_unit;
    ChartPalette m_palette;
    qreal m_penScale = 1.0;
    QPointer<QChart> m_chart;
    QDateTimeAxis *m_xAxis = nullptr;
    QValueAxis *m_yAxis = nullptr;
    QList<QList<QLineSeries *>> m_segmentPools; // per ChartSpec series: [0] carries the legend entry
    QList<QList<QLineSeries *>> m_overlayPools; // per ChartSpec series; no legend entries
    QLineSeries *m_overlayLegend = nullptr;     // empty series: the overlay's one legend entry
    QList<QLineSeries *> m_thresholdSeries;     // index-paired with spec.thresholds
};

} // namespace mlwatch
