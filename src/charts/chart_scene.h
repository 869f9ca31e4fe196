#pragma once

#include "charts/chart_palette.h"
#include "charts/chart_renderer.h"
#include "charts/m4_index.h"
#include "core/catalog/chart_spec.h"
#include "core/model/series_data.h"
#include "core/model/time_range.h"
#include "core/model/unit.h"

#include <QFont>
#include <QList>
#include <QMetaObject>
#include <QPointer>

#include <vector>

class QChart;
class QDateTimeAxis;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QFont;
class QLineSeries;
class QLocale;
class QValueAxis;

namespace mlwatch {

class SeriesPolylineItem;

// The Qt Charts side of one chart, shared by MetricChartView (on screen) and ChartRenderer
// (PNG, clipboard, PDF) so both draw exactly the same thing: one QChart with a time axis whose
// title names the zone, a value axis in display units, each series M4-reduced to the pixel
// width and drawn with breaks at gaps, one legend entry per series in its colour, dashed
// threshold lines, and an optional faint overlay underneath. Internal to src/charts: the only
// place that names Qt Charts.
//
// Decorations that keep the chart honest about its data (issue 6, "trust the gaps"):
//   * the "not yet published" band: [now − PublicationDelay::seconds(spec.cloud, period), now]
//     clipped to the window, shaded under the grid, with a legend entry naming the service
//     and its delay; only when the request knows now (ChartRenderRequest::nowMs);
//   * a caption in a strip under the legend: "Newest datapoint: 14:32 UTC (3 min ago)", the
//     newest timestamp of any series (the overlay excluded), zone named, age when now is known;
//   * gaps stay gaps: SeriesPolylineItem breaks the line at holes longer than 2.5 periods and
//     nothing is drawn inside them.
// Screen and exports show the same decorations (they share this class).
//
// Who draws what: Qt Charts draws the frame, axes, grid, legend and the (two-point) threshold
// lines; one SeriesPolylineItem over the plot area draws every data and overlay point
// (series_polyline_item.h: drawPolyline per gap-free run, no QPainterPath, no per-point
// stroker). Each data series keeps one empty QLineSeries as the carrier of its legend entry,
// pen and axes. Reduction goes through one M4Index per series (m4_index.h), which keeps a
// summary of the store's snapshot, so a pan/zoom frame over millions of stored points
// re-reduces in well under a millisecond.
//
// Ownership: the scene creates the QChart. Whoever puts it in a QGraphicsScene (a QChartView,
// or the renderer's scene) owns it from then on; a chart never added to one is deleted with
// this object.
class ChartScene {
public:
    explicit ChartScene(const ChartSpec &spec);
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

    // Hands the request's data to the chart: series reduced to `reductionWidthPx` columns, the
    // axes fitted. `markEmptySeries` appends "(no data)" to the legend of series without points
    // (the chart shows data, so an absent series must say so). The request's status fields are
    // not drawn here (see ChartStatusLabel). Returns what was drawn (redraws = 0).
    // `axesOnly` fits axes, legend and thresholds but reduces no series: a layout pass that
    // learns the plot width without reducing for a width that is about to change (the data
    // drawn before, if any, stays).
    ChartRenderStats update(const ChartRenderRequest &request, int reductionWidthPx, bool markEmptySeries,
                            bool axesOnly = false);

    // Lays the chart and its legend out now, so plotAreaWidth() is that of the current axes (a
    // view would get there through posted LayoutRequest events, one event-loop turn later).
    // `force` redoes it even when Qt Charts considers the layout valid (a chart not yet shown).
    void layOut(bool force = false);
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
    // The item that draws the points (for tests: what is drawn, in data coordinates).
    SeriesPolylineItem *polylineItem() const { return m_lines; }
    // The empty series that carries data series `index`'s legend entry (its markers are what
    // the user clicks to hide the series), or null.
    QLineSeries *legendCarrier(qsizetype index) const { return m_legendCarriers.value(index); }

    // What the latest update() decided about the decorations (for tests): the shaded
    // "not yet published" range in ms (invalid when none is shown), its rectangle in chart
    // coordinates, and the caption text (empty when no series has a point).
    TimeRange unpublishedRange() const { return m_unpublished; }
    QRectF unpublishedRect() const;
    QString captionText() const;

private:
    QLineSeries *newLine(const QString &name);
    void syncLegend();
    void stylePens();
    void placeDecorations();
    void updateDecorations(const ChartRenderRequest &request, const TimeRange &window);

    ChartSpec m_spec;
    DisplayUnit m_unit;
    ChartPalette m_palette;
    qreal m_penScale = 1.0;
    QPointer<QChart> m_chart;
    QDateTimeAxis *m_xAxis = nullptr;
    QValueAxis *m_yAxis = nullptr;
    SeriesPolylineItem *m_lines = nullptr;  // child of the chart: draws data and overlay points
    QList<QLineSeries *> m_legendCarriers;  // per ChartSpec series: empty, legend entry + pen
    QLineSeries *m_overlayLegend = nullptr; // empty series: the overlay's one legend entry
    QList<QLineSeries *> m_thresholdSeries; // index-paired with spec.thresholds
    std::vector<M4Index> m_seriesIndex;     // per ChartSpec series: the data's reducer
    std::vector<M4Index> m_overlayIndex;    // per ChartSpec series: the overlay's reducer

    TimeRange m_window;                             // the x range of the latest update
    TimeRange m_unpublished;                        // the shaded range; invalid = none
    QGraphicsRectItem *m_unpublishedBand = nullptr; // child of the chart, under the grid
    QLineSeries *m_unpublishedLegend = nullptr;     // empty series: the band's legend entry
    QGraphicsSimpleTextItem *m_caption = nullptr;   // child of the chart, in the bottom strip
    QFont m_captionFont;
    QList<QMetaObject::Connection> m_connections; // cut in the destructor: the chart may outlive us
};

} // namespace mlwatch
