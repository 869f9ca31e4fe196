#pragma once

#include "charts/chart_renderer.h"
#include "core/catalog/chart_spec.h"
#include "core/model/time_range.h"

#include <QWidget>

#include <memory>

namespace mlwatch {

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
    void setWindow(const TimeRange &range, int periodSeconds);
    TimeRange window() const;

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

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
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

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mlwatch
