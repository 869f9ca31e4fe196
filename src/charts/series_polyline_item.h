#pragma once

#include <QGraphicsItem>
#include <QLineF>
#include <QPen>
#include <QPointF>
#include <QPolygonF>
#include <QRect>
#include <QVector>

namespace mlwatch {

// Draws a chart's M4-reduced series over the QChart's plot area: the one place where data
// points meet pixels. Qt Charts' QLineSeries builds a QPainterPath and a hover-shape stroke on
// every replace() and draws each segment with its own drawLine(), which made it the biggest cost
// of a redraw (bench e2e.page_to_pixels, performance.md §8). This item keeps the reduced points
// as they are and draws every gap-free run with one QPainter call (drawPolyline or drawLines,
// below), cosmetic pen, clipped to the plot area. ChartScene keeps one empty QLineSeries per series for the
// legend, the colour and the axes; it hands this item the points, the axes' ranges and the plot area.
//
// Rendering contract (what makes M4 pixel-exact here, tst_series_polyline_exactness):
//   * Aliased drawing (antialiasing off, and always for runs of several points per column, the
//     usual M4 band, where antialiasing would only add cost):
//     - x: a point is drawn at the centre of its M4 pixel column, column =
//       floor((t − xMin) / (xMax − xMin) · columns) (m4Downsample's formula), snapped to the
//       middle of a device pixel (at most half a pixel off its true position);
//     - each column is one vertical line from its highest to its lowest point, plus the line
//       joining its last point to the next column's first: exactly the union of every segment
//       of the full line drawn on its own with QPainter::drawLine (flat caps; a zero-length
//       segment draws nothing), and M4 keeps exactly those points (first, min, max, last).
//       A polyline would not do: Qt's stroker carries dropout and cap state from one segment
//       to the next, so its pixels depend on the points M4 drops.
//   * Sparse runs on an antialiasing painter: a smooth polyline at the points' true x (M4 keeps
//     every point of a run this sparse anyway; snapping would tilt a nearly vertical drop
//     across two pixels and blur it).
//   * y: linear over [yMin, yMax] to the plot's bottom..top, not snapped.
//   * Clipped to the plot area trimmed to whole device pixels: exactly the window's columns.
//   * A run of one point (between two gaps) is drawn as a dot so it stays visible.
//   * Overlay lines are drawn before (under) data lines, each in index order, always aliased
//     (faint context: antialiasing would only blur them further).
//
// Coordinates: the item's own coordinates are its parent's (the QChart's), so the plot area
// is QChart::plotArea(). Points are x = ms since the epoch (as double), y = display units.
// Painting works through any painter transform that does not rotate (screen, 2× image, PDF).
//
// GUI thread only; owned by its parent item (the chart).
class SeriesPolylineItem : public QGraphicsItem {
public:
    enum { Type = UserType + 0x4d4c }; // for qgraphicsitem_cast
    enum class Layer { Overlay, Data };

    // One series' reduced points cut at gaps, back to back.
    struct Line {
        QVector<QPointF> points;    // x: ms since epoch; y: display units; finite only
        QVector<qsizetype> runEnds; // run r is [runEnds[r-1] (0 for r = 0), runEnds[r])
        QPen pen;
        double min = 0; // over all points; meaningless when points is empty
        double max = 0;

        qsizetype runCount() const { return runEnds.size(); }
        QPolygonF run(qsizetype r) const;
    };

    explicit SeriesPolylineItem(QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // The rectangle the data is drawn in (the chart's plot area) and what its edges stand for.
    // `columns` is the pixel width the points were M4-reduced to.
    void setPlotArea(const QRectF &area);
    QRectF plotArea() const { return m_area; }
    void setRanges(double xMinMs, double xMaxMs, double yMin, double yMax, int columns);

    // Sizes a layer to `count` lines (new ones empty).
    void setLineCount(Layer layer, qsizetype count);
    qsizetype lineCount(Layer layer) const;
    // Takes m4Downsample()/M4Index::reduce() output: NaN values mark gaps and start a new run;
    // values are multiplied by `scale` (raw → display unit) and x shifted by `xShiftMs`.
    void setPoints(Layer layer, qsizetype index, const QVector<QPointF> &reduced, double scale,
                   double xShiftMs = 0);
    void setPen(Layer layer, qsizetype index, const QPen &pen);
    const Line &line(Layer layer, qsizetype index) const;

    // The mapping used for drawing, exposed for the exactness test. mapX: the x (item
    // coordinates) of a point at `xMs`: its column's centre snapped to the middle of a device
    // pixel of `toDevice` (the painter's deviceTransform()). clipRect: what drawing is clipped to,
    // the plot area trimmed to whole device pixels, horizontally exactly the pixels of columns
    // 0 … columns − 1 (the column before the window, which M4 keeps one point of so the line
    // runs to the edge, is outside).
    qreal mapX(double xMs, const QTransform &toDevice) const;
    qreal mapY(double y) const;
    QRectF clipRect(const QTransform &toDevice) const;

private:
    QVector<Line> &layer(Layer layer) { return layer == Layer::Overlay ? m_overlay : m_data; }
    const QVector<Line> &layer(Layer layer) const { return layer == Layer::Overlay ? m_overlay : m_data; }
    qreal columnX(double column, const QTransform &toDevice) const;
    qreal trueX(double xMs) const;                 // linear, not snapped
    static bool snaps(const QTransform &toDevice); // scales and translates only: a pixel grid
    void paintLine(QPainter *painter, const Line &line, const QTransform &toDevice, bool antialias);
    // m_mapped[0, count) as exact aliased lines.
    void paintColumns(QPainter *painter, qsizetype count, const QPen &pen, const QTransform &toDevice);
    static void drawDot(QPainter *painter, const QPointF &at, const QPen &pen, const QTransform &toDevice,
                        bool antialias);

    QRectF m_area;
    double m_xMin = 0, m_xMax = 1, m_yMin = 0, m_yMax = 1;
    int m_columns = 1;
    QVector<Line> m_overlay;
    QVector<Line> m_data;
    QPolygonF m_mapped;      // scratch: one run in item coordinates (kept to avoid reallocating)
    QVector<QLineF> m_lines; // scratch: one run's lines
    QVector<QRect> m_fills;  // scratch: one run's column rectangles, device pixels
};

} // namespace mlwatch
