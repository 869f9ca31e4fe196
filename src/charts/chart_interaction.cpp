#include "charts/chart_interaction.h"

#include "charts/chart_hover_text.h"
#include "charts/chart_navigation.h"
#include "charts/chart_palette.h"
#include "charts/chart_scene.h"
#include "charts/metric_chart_view.h"

#include <QChart>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QMouseEvent>
#include <QToolButton>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {
constexpr int kMargin = 4;
constexpr int kMinZoomDragPx = 4;       // a shorter drag is a click
constexpr double kWheelZoomStep = 0.8;  // one wheel notch (15°) shows 80 % of the span
constexpr double kKeyPanFraction = 0.1; // Left/Right move by a tenth of the span
constexpr qreal kOverlayItemsZ = 20;    // over data (3.5) and threshold series (Qt Charts: 4–5)
constexpr int kHoverOffsetPx = 14;      // the tooltip beside the cursor, not under it
} // namespace

ChartInteraction::ChartInteraction(MetricChartView &view, QGraphicsView &graphicsView, ChartScene &scene)
    : QObject(&view)
    , m_view(view)
    , m_graphicsView(graphicsView)
    , m_scene(scene) {
    // The QGraphicsView is the chart's focusable part (Tab, Ctrl+C): its keys are looked at
    // before QAbstractScrollArea takes the arrows for scrolling.
    m_graphicsView.installEventFilter(this);
    m_graphicsView.viewport()->installEventFilter(this);

    m_crosshair = new QGraphicsLineItem(m_scene.chart());
    m_crosshair->setZValue(kOverlayItemsZ);
    m_crosshair->setAcceptedMouseButtons(Qt::NoButton);
    m_crosshair->hide();
    m_rubberBand = new QGraphicsRectItem(m_scene.chart());
    m_rubberBand->setZValue(kOverlayItemsZ - 1);
    m_rubberBand->setAcceptedMouseButtons(Qt::NoButton);
    m_rubberBand->hide();

    m_indicator = new QToolButton(&m_view);
    m_indicator->setObjectName(QStringLiteral("zoomIndicator"));
    m_indicator->setAutoRaise(true);
    m_indicator->setFocusPolicy(Qt::StrongFocus);
    m_indicator->setToolTip(
        tr("Show the whole time range again (Escape, Ctrl+0 or a double-click on the chart)"));
    m_indicator->hide();
    connect(m_indicator, &QToolButton::clicked, &m_view, &MetricChartView::resetZoom);
}

void ChartInteraction::applyPalette(const ChartPalette &palette) {
    QColor line = palette.text;
    line.setAlphaF(0.6f);
    QPen crosshairPen(line, 1.0);
    crosshairPen.setCosmetic(true);
    m_crosshair->setPen(crosshairPen);
    const QColor highlight = m_view.palette().color(QPalette::Highlight);
    QColor band = highlight;
    band.setAlphaF(0.2f);
    m_rubberBand->setBrush(band);
    QPen bandPen(highlight, 1.0);
    bandPen.setCosmetic(true);
    m_rubberBand->setPen(bandPen);
}

void ChartInteraction::updateIndicator() {
    const bool zoomed = m_view.isZoomed();
    if (zoomed) {
        const QString text =
            tr("Zoomed: %1 · Reset")
                .arg(TimeDisplay::rangeText(m_view.viewRange(), m_view.timeZoneMode(), m_view.locale()));
        m_indicator->setText(text);
        m_indicator->setAccessibleName(text);
    }
    m_indicator->setVisible(zoomed);
    place();
}

void ChartInteraction::place() {
    if (m_indicator->isVisibleTo(&m_view)) {
        m_indicator->adjustSize();
        // Bottom left, beside the "Newest datapoint" caption (bottom right), clear of the title
        // and the menu button (top right) and of the plot.
        m_indicator->move(kMargin, m_view.height() - m_indicator->height() - kMargin / 2);
        m_indicator->raise();
    }
    placeCrosshair();
}

void ChartInteraction::placeCrosshair() {
    const TimeRange range = m_view.viewRange();
    const QRectF plot = m_scene.chart()->plotArea();
    const qint64 t = m_view.crosshairTimeMs();
    if (!m_view.hasCrosshair() || !range.contains(t) || plot.isEmpty()) {
        m_crosshair->hide();
        return;
    }
    const double x = ChartNavigation::xAt(t, plot.left(), plot.width(), range);
    m_crosshair->setLine(QLineF(x, plot.top(), x, plot.bottom()));
    m_crosshair->show();
}

void ChartInteraction::hover(qint64 timeMs, const QPoint &atInView) {
    m_view.setCrosshairTime(timeMs);
    if (!m_hoverLabel) {
        // Made on the first hover: until then the chart's only label is its status text.
        m_hoverLabel = new QLabel(&m_view);
        m_hoverLabel->setObjectName(QStringLiteral("chartHoverLabel"));
        m_hoverLabel->setTextFormat(Qt::PlainText);
        m_hoverLabel->setAttribute(Qt::WA_TransparentForMouseEvents);
        m_hoverLabel->setForegroundRole(QPalette::ToolTipText);
        m_hoverLabel->setBackgroundRole(QPalette::ToolTipBase);
        m_hoverLabel->setAutoFillBackground(true);
        m_hoverLabel->setFrameShape(QFrame::Box);
        m_hoverLabel->setMargin(kMargin);
    }
    m_hoverLabel->setText(
        ChartHoverText::text(m_view.renderRequest(), m_scene.unit(), timeMs, m_view.locale()));
    m_hoverLabel->adjustSize();
    // Beside the cursor, flipped to its left near the right edge; inside the chart.
    const QSize size = m_hoverLabel->size();
    int x = atInView.x() + kHoverOffsetPx;
    if (x + size.width() > m_view.width())
        x = atInView.x() - kHoverOffsetPx - size.width();
    const int y =
        std::clamp(atInView.y() - size.height() / 2, 0, std::max(0, m_view.height() - size.height()));
    m_hoverLabel->move(std::max(0, x), y);
    m_hoverLabel->show();
    m_hoverLabel->raise();
    Q_EMIT m_view.hoverTimeChanged(timeMs);
}

void ChartInteraction::leave() {
    if (!m_view.hasCrosshair() && !(m_hoverLabel && m_hoverLabel->isVisible()))
        return;
    m_view.clearCrosshair();
    Q_EMIT m_view.hoverLeft();
}

void ChartInteraction::hideHover() {
    if (m_hoverLabel)
        m_hoverLabel->hide();
}

QString ChartInteraction::hoverText() const {
    return m_hoverLabel && m_hoverLabel->isVisibleTo(&m_view) ? m_hoverLabel->text() : QString();
}

QRectF ChartInteraction::plotInViewport() const {
    QChart *chart = m_scene.chart();
    return m_graphicsView.viewportTransform().mapRect(chart->mapRectToScene(chart->plotArea()));
}

QRect ChartInteraction::plotRect() const {
    const QRectF plot = plotInViewport();
    return QRect(m_graphicsView.viewport()->mapTo(&m_view, plot.topLeft().toPoint()), plot.size().toSize());
}

QRect ChartInteraction::legendEntryRect(qsizetype seriesIndex) const {
    // Qt Charts keeps its legend items private: an entry is the item holding a text item with
    // the series' name.
    QLineSeries *carrier = m_scene.legendCarrier(seriesIndex);
    if (!carrier)
        return {};
    QList<QGraphicsItem *> pending = m_scene.chart()->legend()->childItems();
    while (!pending.isEmpty()) {
        QGraphicsItem *item = pending.takeFirst();
        pending.append(item->childItems());
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (!text || text->toPlainText() != carrier->name() || !item->parentItem())
            continue;
        const QRect inViewport =
            m_graphicsView.mapFromScene(item->parentItem()->sceneBoundingRect()).boundingRect();
        return QRect(m_graphicsView.viewport()->mapTo(&m_view, inViewport.topLeft()), inViewport.size());
    }
    return {};
}

qint64 ChartInteraction::minimumSpanMs() const {
    return ChartNavigation::minimumSpanMs(m_view.periodSeconds());
}

bool ChartInteraction::eventFilter(QObject *watched, QEvent *event) {
    // Over the plot the crosshair's own tooltip shows the values; the chart's explanation
    // tooltip would cover it (it still shows over the title, legend and axes).
    if (watched == m_graphicsView.viewport() && event->type() == QEvent::ToolTip &&
        plotInViewport().contains(static_cast<QHelpEvent *>(event)->pos()))
        return true;
    if (watched == m_graphicsView.viewport() && handleMouse(event))
        return true;
    if (watched == &m_graphicsView && event->type() == QEvent::KeyPress &&
        handleKey(static_cast<QKeyEvent *>(event)))
        return true;
    return QObject::eventFilter(watched, event);
}

bool ChartInteraction::handleMouse(QEvent *event) {
    // Only pointer events need the geometry: others also arrive while the view is being destroyed
    // (QEvent::Destroy and friends from ~QWidget), when the view's transform is gone.
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::Leave:
        break;
    default:
        return false;
    }
    const QRectF plot = plotInViewport();
    const TimeRange range = m_view.viewRange();
    const TimeRange window = m_view.window();
    const bool canMove = window.isValid() && plot.width() > 0;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (!canMove || !plot.contains(e->position()))
            return false; // legend entries and the rest of the chart keep their clicks
        m_graphicsView.setFocus(Qt::MouseFocusReason);
        m_wheelZooms = true;
        const bool pan = e->button() == Qt::MiddleButton ||
                         (e->button() == Qt::LeftButton && e->modifiers().testFlag(Qt::ShiftModifier));
        if (!pan && e->button() != Qt::LeftButton)
            return false;
        m_drag = pan ? Drag::Pan : Drag::Zoom;
        m_pressX = e->position().x();
        m_pressRange = range;
        if (pan) {
            m_graphicsView.viewport()->setCursor(Qt::ClosedHandCursor);
        } else {
            m_rubberBand->setRect(QRectF());
            m_rubberBand->show();
        }
        hideHover();
        return true;
    }
    case QEvent::MouseMove: {
        auto *e = static_cast<QMouseEvent *>(event);
        const double x = e->position().x();
        if (m_drag == Drag::Pan) {
            // Dragging right brings earlier times into view: the data follows the mouse.
            const qint64 delta =
                std::llround((m_pressX - x) / plot.width() * double(m_pressRange.durationMs()));
            m_view.setViewRange(ChartNavigation::panned(m_pressRange, delta, window));
            return true;
        }
        if (m_drag == Drag::Zoom) {
            const QRectF chartPlot = m_scene.chart()->plotArea();
            const double from = std::clamp(std::min(m_pressX, x), plot.left(), plot.right()) - plot.left();
            const double to = std::clamp(std::max(m_pressX, x), plot.left(), plot.right()) - plot.left();
            m_rubberBand->setRect(
                QRectF(chartPlot.left() + from, chartPlot.top(), to - from, chartPlot.height()));
            return true;
        }
        if (canMove && plot.contains(e->position()))
            hover(ChartNavigation::timeAt(x, plot.left(), plot.width(), range),
                  m_graphicsView.viewport()->mapTo(&m_view, e->position().toPoint()));
        else
            leave();
        return false;
    }
    case QEvent::MouseButtonRelease: {
        auto *e = static_cast<QMouseEvent *>(event);
        const Drag drag = m_drag;
        m_drag = Drag::None;
        if (drag == Drag::None)
            return false;
        if (drag == Drag::Pan) {
            m_graphicsView.viewport()->unsetCursor();
            return true;
        }
        m_rubberBand->hide();
        const double a = std::clamp(std::min(m_pressX, e->position().x()), plot.left(), plot.right());
        const double b = std::clamp(std::max(m_pressX, e->position().x()), plot.left(), plot.right());
        if (b - a >= kMinZoomDragPx)
            m_view.setViewRange({ChartNavigation::timeAt(a, plot.left(), plot.width(), m_pressRange),
                                 ChartNavigation::timeAt(b, plot.left(), plot.width(), m_pressRange)});
        return true;
    }
    case QEvent::MouseButtonDblClick: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (!canMove || !plot.contains(e->position()))
            return false;
        m_view.resetZoom();
        return true;
    }
    case QEvent::Wheel: {
        auto *e = static_cast<QWheelEvent *>(event);
        // Charts sit in a scrolling page: a wheel turned on the way down the page scrolls it.
        // The wheel zooms with Ctrl held, or after a click on the plot until the mouse leaves.
        if (!canMove || !plot.contains(e->position()) ||
            !(m_wheelZooms || e->modifiers().testFlag(Qt::ControlModifier)))
            return false;
        const QPoint angle = e->angleDelta();
        if (angle.y() != 0) {
            const qint64 anchor =
                ChartNavigation::timeAt(e->position().x(), plot.left(), plot.width(), range);
            const double factor = std::pow(kWheelZoomStep, double(angle.y()) / 120.0);
            m_view.setViewRange(ChartNavigation::zoomed(range, anchor, factor, window, minimumSpanMs()));
        } else if (angle.x() != 0) { // sideways on a touchpad: pan
            const double fraction = -double(angle.x()) / 120.0 * kKeyPanFraction;
            m_view.setViewRange(
                ChartNavigation::panned(range, std::llround(fraction * double(range.durationMs())), window));
        }
        return true;
    }
    case QEvent::Leave:
        m_wheelZooms = false;
        leave();
        return false;
    default:
        return false;
    }
}

bool ChartInteraction::handleKey(QKeyEvent *event) {
    const TimeRange window = m_view.window();
    if (!window.isValid())
        return false;
    const TimeRange range = m_view.viewRange();
    const qint64 step = std::llround(kKeyPanFraction * double(range.durationMs()));
    const qint64 middle = range.startMs + range.durationMs() / 2;
    switch (event->key()) {
    case Qt::Key_Escape:
        if (!m_view.isZoomed())
            return false; // a dialog around the chart keeps its Escape
        m_view.resetZoom();
        return true;
    case Qt::Key_0:
        if (!event->modifiers().testFlag(Qt::ControlModifier))
            return false;
        m_view.resetZoom();
        return true;
    case Qt::Key_Left:
        m_view.setViewRange(ChartNavigation::panned(range, -step, window));
        return true;
    case Qt::Key_Right:
        m_view.setViewRange(ChartNavigation::panned(range, step, window));
        return true;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_view.setViewRange(ChartNavigation::zoomed(range, middle, kWheelZoomStep, window, minimumSpanMs()));
        return true;
    case Qt::Key_Minus:
        m_view.setViewRange(
            ChartNavigation::zoomed(range, middle, 1.0 / kWheelZoomStep, window, minimumSpanMs()));
        return true;
    default:
        return false;
    }
}

} // namespace mlwatch
