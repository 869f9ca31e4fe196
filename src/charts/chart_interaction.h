#pragma once

#include "charts/time_display.h"
#include "core/model/time_range.h"

#include <QObject>
#include <QRect>

class QAction;
class QChart;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsView;
class QKeyEvent;
class QLabel;
class QToolButton;

namespace mlwatch {

class ChartScene;
class MetricChartView;
struct ChartPalette;

// The mouse and keyboard side of one MetricChartView (its header describes the gestures):
// filters the chart's viewport events, draws the rubber band and the crosshair (items over the
// plot, above the data and thresholds), shows the hover tooltip and the "Zoomed: … · Reset"
// indicator. The state it changes — view range, crosshair time, hidden series — lives in the
// view and goes through the view's public setters, so a change by the user, by the tab's
// ChartViewSync or by a test takes the same path. Internal to src/charts (names Qt Charts).
class ChartInteraction : public QObject {
    Q_OBJECT
public:
    // All three outlive this object (the view owns it; the scene and graphics view are the view's).
    ChartInteraction(MetricChartView &view, QGraphicsView &graphicsView, ChartScene &scene);

    void applyPalette(const ChartPalette &palette);
    // The zoom indicator says the view's range now (hidden when not zoomed).
    void updateIndicator();
    // Puts the indicator and the crosshair where they belong after a resize or a redraw.
    void place();
    void placeCrosshair();
    void hideHover();
    QString hoverText() const;

    QRect plotRect() const; // in the view's coordinates
    QRect legendEntryRect(qsizetype seriesIndex) const;

    // Navigation keys of the focused chart; false when the key is not one of them.
    bool handleKey(QKeyEvent *event);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Drag { None, Zoom, Pan };

    bool handleMouse(QEvent *event);
    QRectF plotInViewport() const;
    void hover(qint64 timeMs, const QPoint &atInView);
    void leave();
    qint64 minimumSpanMs() const;

    MetricChartView &m_view;
    QGraphicsView &m_graphicsView;
    ChartScene &m_scene;
    QGraphicsLineItem *m_crosshair = nullptr; // children of the chart
    QGraphicsRectItem *m_rubberBand = nullptr;
    QLabel *m_hoverLabel = nullptr; // children of the view; the label is made on the first hover
    QToolButton *m_indicator = nullptr;
    Drag m_drag = Drag::None;
    double m_pressX = 0;
    bool m_wheelZooms = false; // a click on the plot lets the plain wheel zoom until the mouse leaves
    TimeRange m_pressRange;
};

} // namespace mlwatch
