#pragma once

#include "charts/chart_palette.h"
#include "charts/time_display.h"
#include "core/catalog/chart_spec.h"
#include "core/model/series_data.h"
#include "core/model/time_range.h"

#include <QFont>
#include <QImage>
#include <QList>
#include <QLocale>
#include <QRectF>
#include <QSize>
#include <QString>

class QIODevice;
class QPainter;

namespace mlwatch {

class SeriesStore;

// What to draw: a chart's spec and a snapshot of its data. A value (SeriesData is implicitly
// shared, so copying a request copies no points); the renderer never touches the store.
struct ChartRenderRequest {
    ChartSpec spec;
    // Index-paired with spec.series; a missing or empty entry is a series without data. Raw
    // units (as stored): the renderer converts to the chart's display unit like the screen does.
    QList<SeriesData> series;
    // The x range shown. Invalid (the default) = the extent of the data, as the view does before
    // its first fetch window.
    TimeRange window;
    // The period the data was fetched at: holes longer than 2.5 periods are drawn as breaks.
    int periodSeconds = 60;

    // Optional faint overlay (the weekly review's "last week behind this week"): index-paired
    // with spec.series, raw units, drawn in each series' colour at low opacity under the
    // series, gaps kept. `overlayShiftMs` is added to every overlay timestamp before drawing
    // (7 days = last week lined up under this week). It widens the y range like data does.
    QList<SeriesData> overlay;
    qint64 overlayShiftMs = 0;
    // One legend entry for the whole overlay ("Last week"); empty = no legend entry.
    QString overlayLegend;

    // Text shown over the plot instead of the automatic one. Empty = automatic: the same
    // "No data in this window: …" text as the screen when no series has a point in `window`,
    // otherwise nothing. `statusIsError` draws it in the critical colour (a failed fetch).
    QString statusText;
    bool statusIsError = false;

    // Series the user hid with the legend (index-paired with spec.series; missing = shown): not
    // drawn, not in the y range, their legend entry dimmed and struck out.
    QList<bool> hiddenSeries;
    // The clock the time axis reads in; its title names the zone either way.
    TimeZoneMode timeZone = TimeZoneMode::Local;

    // "Now" (ms since the epoch, UTC) as the chart saw it: the end of the shaded "not yet
    // published" band and the age in the "Newest datapoint" caption (chart_scene.h). 0 = not
    // known (a report of the past): no band, no age.
    qint64 nowMs = 0;

    // The request for `spec` over `window` with the store's current data for each series.
    // `compareOffsetSeconds` > 0 adds the "compare with previous period" overlay: each series'
    // comparison series from the store (CompareOffset::seriesKey), shifted under the window,
    // with a legend entry "… (1 week earlier)" when any of them has points.
    static ChartRenderRequest fromStore(const ChartSpec &spec, const SeriesStore &store,
                                        const TimeRange &window, int periodSeconds,
                                        qint64 compareOffsetSeconds = 0);
};

// How to draw it.
struct ChartRenderStyle {
    // Logical size in pixels: layout, fonts and pen widths are those of an on-screen chart of
    // this size (MetricChartView's default is 560×320; the benchmarks use 1280×720).
    QSize size{1280, 720};
    // Device pixel ratio: renderImage() makes an image of size × ratio pixels with the same
    // layout (2 = a sharp "2×" PNG), and the series are M4-reduced to the physical pixel width.
    qreal devicePixelRatio = 1.0;
    // ChartPalette::fromPalette(widget palette) = the screen's colours (light or dark);
    // ChartPalette::print() = light colours on white for paper and PDF.
    ChartPalette palette = ChartPalette::print();
    QFont font;     // base font (axis labels); the title is its bold, the legend 90 % of it
    QLocale locale; // numbers and dates on the axes
    bool antialiasing = true;
};

// Counts of what a render drew: for tests, diagnostics and the view's renderStats().
struct ChartRenderStats {
    int redraws = 0;        // (view only) redraws so far; coalescing shows here
    int seriesWithData = 0; // ChartSpec series that have points in the window
    int segments = 0;       // line pieces drawn (> series when data has gaps)
    qsizetype points = 0;   // reduced points drawn over all series (overlay excluded)
    qsizetype overlayPoints = 0;
    int thresholdLines = 0;
    int hiddenSeries = 0; // ChartSpec series hidden through the legend (not drawn)
    int plotWidthPx = 0;  // the pixel width M4 reduced to
    bool hasData = false;
    QString statusText; // what was drawn over the plot, empty when nothing
};

// The one rendering path for exports: PNG (1× / 2×), the clipboard, and the report's PNGs and
// PDF pages. It builds the same Qt Charts scene as MetricChartView (one implementation, in
// chart_scene.*): M4-reduced to the target pixel width, display units, threshold lines, the
// zone on the time axis, breaks at gaps, and the status text when there is nothing to draw.
// So an export with the screen's palette, font and size looks exactly like the screen.
//
// Cost does not grow with the number of stored points beyond one pass over the points inside
// the window (performance.md §7.2 export.*; M4Index builds its block summary in it): at most 4
// points per pixel column are drawn, by SeriesPolylineItem, never by a QLineSeries.
//
// Threading: GUI thread only, with a QApplication (Qt Charts items are QGraphicsWidgets). The
// CLI's report command must create a QApplication (offscreen platform when headless).
class ChartRenderer {
public:
    // An opaque (Format_RGB32) image of style.size × style.devicePixelRatio pixels with that
    // devicePixelRatio set (so it pastes at the logical size). Null only for an empty size.
    static QImage renderImage(const ChartRenderRequest &request, const ChartRenderStyle &style,
                              ChartRenderStats *stats = nullptr);

    // Paints the chart, laid out at style.size, scaled into `target` (the painter's logical
    // coordinates; aspect ratio kept, centred). Works on any paint device: a QImage, a widget,
    // a QPdfWriter page (vector output). Leaves the painter's state as it found it.
    static ChartRenderStats render(QPainter &painter, const QRectF &target, const ChartRenderRequest &request,
                                   const ChartRenderStyle &style);

    // Encodes `image` as PNG into `device` (open for writing) the way every chart export does:
    // zlib level 2 (QImageWriter quality 70), about twice as fast as Qt's default level on a
    // chart for 15–25 % more bytes (bench export.png_1M). On failure returns false and, when
    // `errorString` is given, says why.
    static bool writePng(const QImage &image, QIODevice &device, QString *errorString = nullptr);
};

} // namespace mlwatch
