#pragma once

#include "charts/chart_renderer.h"
#include "charts/time_display.h"
#include "core/catalog/chart_spec.h"
#include "core/model/time_range.h"

#include <QWidget>

#include <memory>

namespace mlwatch {

class Clock;
class SeriesStore;

// One chart of a stage tab: the series of a ChartSpec, read from the SeriesStore, with the
// spec's threshold lines, in display units, over the fetch window in the user's local time.
//
// Drawing contract (performance.md §1, §3): the view never holds the only copy of the data and
// never draws more than about 4 points per pixel column — every redraw M4-reduces each
// series to the plot width. Redraws are coalesced: SeriesStore::seriesChanged for any of the
// chart's keys, a window change or a resize marks the view dirty and one redraw runs on the next
// event-loop turn. A hidden view (another tab) only keeps its state up to date and draws when
// shown. Missing data stays visible as breaks in the line (gaps longer than 2.5 periods).
//
// The view always says why it is empty: "Loading…" until the first fetch answers, "No data in
// this window" with the window and the reason, or the fetch's error.
//
// Its context menu offers "Alert on this…" (one entry per series when the chart has several);
// the view only emits alertRequested — the GUI decides what to open.
//
// Drawing is ChartScene's (chart_scene.h), the same code ChartRenderer uses for exports, so an
// export made from renderRequest() and renderStyle() looks exactly like the screen.
//
// Actions added with QWidget::addAction() (the GUI's export actions) appear in the chart's
// context menu and in a small menu button at its top-right corner, which is reachable with Tab
// and opens with Space; Shift+F10 / the Menu key open the context menu of the focused chart.
// The button is on screen only: exports do not show it.
//
// Moving through time (issue 6): the chart shows a view range, a sub-range of the fetched
// window (the data is in the store already; each frame re-reduces it with M4). Drag over the
// plot to zoom to the dragged span, turn the wheel to zoom around the cursor (with Ctrl, or after
// a click on the plot until the mouse leaves: otherwise the wheel scrolls the tab's page), drag
// with Shift
// or the middle button to pan, Left/Right (and +/−) when the chart has the focus; double-click,
// Escape, Ctrl+0 or the "Zoomed: … · Reset" button over the plot show the whole window again.
// Hovering draws a vertical crosshair and a tooltip (the time with its zone, each shown
// series' value in display units); hoverTimeChanged lets ChartViewSync draw the same crosshair
// on the other charts of the tab. Clicking a legend entry (or its "Show …" action in the menu,
// for the keyboard) hides or shows that series. Exports (renderRequest) show what the screen
// shows: the view range, the hidden series, the time zone.
//
// Qt Charts types stay inside this folder (the module is deprecated from Qt 6.10), which is
// why this header names none of them.
class MetricChartView : public QWidget {
    Q_OBJECT
public:
    enum class State { Loading, Data, NoData, Error };
    Q_ENUM(State)

    // `store` must outlive the view.
    MetricChartView(const ChartSpec &spec, const SeriesStore &store, QWidget *parent = nullptr);
    ~MetricChartView() override;

    const ChartSpec &spec() const;

    // The window to show (FetchScheduler::currentRange()) and the period the data was fetched
    // at (FetchScheduler::currentPeriodSeconds()); the period decides what counts as a gap.
    // A new window as long as the old one (auto-refresh sliding it forward) keeps a zoom, moved
    // inside it; a window of another length (a new preset) shows the whole of it.
    void setWindow(const TimeRange &range, int periodSeconds);
    TimeRange window() const;
    int periodSeconds() const;

    // The range the chart shows: window() unless zoomed, else a sub-range of it at least
    // ChartNavigation::minimumSpanMs() long. setViewRange() clamps into window() (a range
    // covering it, or an invalid one, resets the zoom; nothing happens before the first
    // window) and emits viewRangeChanged when the shown range changes. setWindow() never emits.
    TimeRange viewRange() const;
    bool isZoomed() const;
    void setViewRange(const TimeRange &range);
    void resetZoom();

    // The clock the time axis, the tooltip and the zoom indicator read in (default local).
    void setTimeZoneMode(TimeZoneMode mode);
    TimeZoneMode timeZoneMode() const;

    // The vertical crosshair at `timeMs` (hidden while outside the view range); ChartViewSync
    // sets it from the hovered chart. The hovered chart also shows hoverText() next to it.
    void setCrosshairTime(qint64 timeMs);
    void clearCrosshair();
    bool hasCrosshair() const;
    qint64 crosshairTimeMs() const; // meaningful while hasCrosshair()
    QString hoverText() const;      // the tooltip shown now, empty when none

    // Series hidden through the legend (per chart, index into spec().series).
    bool isSeriesHidden(qsizetype index) const;
    void setSeriesHidden(qsizetype index, bool hidden);

    // Where things are, in this widget's coordinates (for tests and overlays): the plot area,
    // the legend entry of spec().series[index] (empty when not found), and the widget that
    // receives the chart's mouse events.
    QRect plotRect() const;
    QRect legendEntryRect(qsizetype index) const;
    QWidget *mouseArea() const;

    // "Compare with previous period": overlays each series' comparison series from the store
    // (CompareOffset::seriesKey(key, seconds), fetched by the FetchScheduler), `seconds` earlier
    // and shifted under the view range, faint, with a legend entry "… (1 week earlier)" once
    // any of it has points. 0 (the default) turns it off. Reduced with M4 like the data.
    void setCompareOffset(qint64 seconds);
    qint64 compareOffset() const;
    // The clock that says "now" for the shaded "not yet published" band and the age in the
    // "Newest datapoint" caption (chart_scene.h); nullptr (the default) = the system clock.
    // Must outlive the view.
    void setClock(const Clock *clock);

    // A fetch finished: leaves the loading state. `errorMessage` (translated, short) is shown on
    // the chart when the fetch failed for this chart's series; empty clears a previous error.
    void setFetchResult(const QString &errorMessage);

    State state() const;
    // Whether any series has a datapoint inside the window (whatever the state says).
    bool hasDataInWindow() const;
    QString statusText() const; // what the chart says instead of (or over) data; empty in Data

    // What the latest redraw drew: for tests and diagnostics.
    using RenderStats = ChartRenderStats;
    RenderStats renderStats() const;

    // What the chart shows now, as a request for ChartRenderer: the spec, a snapshot of the
    // store's data (no copy of the points), the window and period, and the status text the
    // screen shows (empty when it shows data).
    ChartRenderRequest renderRequest() const;
    // How the chart looks now: its size, palette (light or dark, as on screen), font and
    // locale, at `devicePixelRatio` (1 = the screen's pixels at ratio 1, 2 = twice as sharp).
    ChartRenderStyle renderStyle(qreal devicePixelRatio = 1.0) const;
    // Shorthand: ChartRenderer::renderImage(renderRequest(), renderStyle(ratio)).
    QImage renderImage(qreal devicePixelRatio = 1.0) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void stateChanged(mlwatch::MetricChartView::State state);
    void redrawn();
    // "Alert on this…": the user wants an alert rule on spec().series[seriesIndex].
    void alertRequested(int seriesIndex);
    // The shown range changed through setViewRange(), resetZoom() or the user.
    void viewRangeChanged(const mlwatch::TimeRange &range);
    // The mouse is over the plot at this time / left it (drives the tab's shared crosshair).
    void hoverTimeChanged(qint64 timeMs);
    void hoverLeft();
    void seriesHiddenChanged(int seriesIndex, bool hidden);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    qint64 currentTimeMs() const;
    void onSeriesChanged(const QString &seriesKey);
    void markDirty();
    void scheduleRedraw();
    void redraw();
    void updateState();
    void applyPalette();
    void styleStatusLabel();
    void placeStatusLabel();
    void placeMenuButton();
    void showMenuButtonMenu();
    void addAlertActions();
    void addNavigationActions();
    void viewRangeUpdated();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mlwatch
