#include "charts/series_polyline_item.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {

// A run with more than this many points per pixel column it spans is an M4 band (dense).
constexpr double kDensePointsPerColumn = 1.5;
// A lone point's dot: radius in device pixels per pixel of pen width.
constexpr qreal kDotRadiusPerPenWidth = 1.5;

// The device scale of a transform that does not rotate (1 for a degenerate one).
qreal deviceScale(const QTransform &t) {
    const qreal s = std::sqrt(std::abs(t.determinant()));
    return s > 0 ? s : 1.0;
}

} // namespace

QPolygonF SeriesPolylineItem::Line::run(qsizetype r) const {
    const qsizetype begin = r == 0 ? 0 : runEnds.at(r - 1);
    return QPolygonF(QList<QPointF>(points.cbegin() + begin, points.cbegin() + runEnds.at(r)));
}

SeriesPolylineItem::SeriesPolylineItem(QGraphicsItem *parent)
    : QGraphicsItem(parent) {
    // Pure drawing: hover, clicks and tooltips belong to the chart underneath.
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

QRectF SeriesPolylineItem::boundingRect() const {
    return m_area; // everything is clipped to it
}

void SeriesPolylineItem::setPlotArea(const QRectF &area) {
    if (area == m_area)
        return;
    prepareGeometryChange();
    m_area = area;
}

void SeriesPolylineItem::setRanges(double xMinMs, double xMaxMs, double yMin, double yMax, int columns) {
    m_xMin = xMinMs;
    m_xMax = xMaxMs;
    m_yMin = yMin;
    m_yMax = yMax;
    m_columns = std::max(1, columns);
    update();
}

void SeriesPolylineItem::setLineCount(Layer which, qsizetype count) {
    layer(which).resize(count);
    update();
}

qsizetype SeriesPolylineItem::lineCount(Layer which) const {
    return layer(which).size();
}

void SeriesPolylineItem::setPoints(Layer which, qsizetype index, const QVector<QPointF> &reduced,
                                   double scale, double xShiftMs) {
    Line &l = layer(which)[index];
    l.points.clear(); // keeps the capacity: the next frame has about as many points
    l.runEnds.clear();
    l.points.reserve(reduced.size());
    const auto closeRun = [&] {
        if (l.points.size() > (l.runEnds.isEmpty() ? 0 : l.runEnds.last()))
            l.runEnds.append(l.points.size());
    };
    for (const QPointF &p : reduced) {
        if (!std::isfinite(p.y())) { // a gap marker (or an unusable value): the line breaks
            closeRun();
            continue;
        }
        const double y = p.y() * scale;
        if (l.points.isEmpty()) {
            l.min = l.max = y;
        } else {
            l.min = std::min(l.min, y);
            l.max = std::max(l.max, y);
        }
        l.points.append(QPointF(p.x() + xShiftMs, y));
    }
    closeRun();
    update();
}

void SeriesPolylineItem::setPen(Layer which, qsizetype index, const QPen &pen) {
    layer(which)[index].pen = pen;
    update();
}

const SeriesPolylineItem::Line &SeriesPolylineItem::line(Layer which, qsizetype index) const {
    return layer(which).at(index);
}

qreal SeriesPolylineItem::mapX(double xMs, const QTransform &toDevice) const {
    // m4Downsample's column formula (x - xMin is exact in double for epoch milliseconds).
    return columnX(std::floor((xMs - m_xMin) / (m_xMax - m_xMin) * m_columns), toDevice);
}

qreal SeriesPolylineItem::columnX(double column, const QTransform &toDevice) const {
    if (!snaps(toDevice)) // rotated or degenerate: no pixel grid to snap to
        return m_area.left() + (column + 0.5) * m_area.width() / m_columns;
    const qreal deviceLeft = toDevice.m11() * m_area.left() + toDevice.dx();
    const qreal deviceWidth = toDevice.m11() * m_area.width();
    qreal step = deviceWidth / m_columns; // device pixels per column
    // The plot is usually a fraction of a pixel wider than the columns (the reduction width is
    // the plot width rounded down): one column a pixel then, else a pixel would be skipped now
    // and then, a white stripe through a dense band.
    if (step > 1 && deviceWidth - m_columns < 2)
        step = 1;
    const qreal device = std::floor(deviceLeft + (column + 0.5) * step) + 0.5;
    return (device - toDevice.dx()) / toDevice.m11();
}

bool SeriesPolylineItem::snaps(const QTransform &toDevice) {
    return toDevice.type() <= QTransform::TxScale && toDevice.m11() > 0 && toDevice.m22() > 0;
}

QRectF SeriesPolylineItem::clipRect(const QTransform &toDevice) const {
    if (!snaps(toDevice))
        return m_area;
    // Whole device pixels: the columns of the window left to right (not the pixel of column -1,
    // whose point M4 keeps only to run the line to the edge), the plot's rows top to bottom.
    const QRectF device = toDevice.mapRect(m_area);
    const qreal left = std::floor(toDevice.m11() * columnX(0, toDevice) + toDevice.dx());
    const qreal right = std::floor(toDevice.m11() * columnX(m_columns - 1, toDevice) + toDevice.dx()) + 1;
    const QRectF aligned(QPointF(left, std::round(device.top())),
                         QPointF(right, std::round(device.bottom())));
    return toDevice.inverted().mapRect(aligned);
}

qreal SeriesPolylineItem::trueX(double xMs) const {
    return m_area.left() + (xMs - m_xMin) / (m_xMax - m_xMin) * m_area.width();
}

qreal SeriesPolylineItem::mapY(double y) const {
    return m_area.top() + (m_yMax - y) / (m_yMax - m_yMin) * m_area.height();
}

void SeriesPolylineItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    if (m_area.isEmpty() || !(m_xMax > m_xMin) || !(m_yMax > m_yMin))
        return;
    const QTransform toDevice = painter->deviceTransform();
    const bool antialias = painter->testRenderHint(QPainter::Antialiasing);
    painter->save();
    // Set while aliased: an aliased rect clip stays a plain pixel rectangle (fast, exact).
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setClipRect(clipRect(toDevice), Qt::IntersectClip);
    // Overlay lines are faint context under the data: drawn aliased, whatever the painter's hint
    // (exact, cheapest, and antialiasing would only blur them further).
    for (const Line &l : std::as_const(m_overlay))
        paintLine(painter, l, toDevice, false);
    for (const Line &l : std::as_const(m_data))
        paintLine(painter, l, toDevice, antialias);
    painter->restore();
}

void SeriesPolylineItem::paintLine(QPainter *painter, const Line &line, const QTransform &toDevice,
                                   bool antialias) {
    if (line.points.isEmpty() || line.pen.style() == Qt::NoPen)
        return;
    const double columnsPerMs = m_columns / (m_xMax - m_xMin);
    qsizetype begin = 0;
    for (const qsizetype end : line.runEnds) {
        const qsizetype count = end - begin;
        const double columnsSpanned = std::floor((line.points.at(end - 1).x() - m_xMin) * columnsPerMs) -
                                      std::floor((line.points.at(begin).x() - m_xMin) * columnsPerMs) + 1;
        const bool dense = double(count) > kDensePointsPerColumn * columnsSpanned;
        // Smooth sparse lines keep their true x: snapping is for the exact aliased picture, and
        // would tilt a nearly vertical drop across two pixels, blurring it.
        const bool smooth = antialias && !dense && count > 1;
        m_mapped.resize(count);
        for (qsizetype i = 0; i < count; ++i) {
            const QPointF &p = line.points.at(begin + i);
            m_mapped[i] = QPointF(smooth ? trueX(p.x()) : mapX(p.x(), toDevice), mapY(p.y()));
        }
        if (count == 1) {
            drawDot(painter, m_mapped.first(), line.pen, toDevice, antialias); // nothing to join
            begin = end;
            continue;
        }
        if (smooth) {
            // Sparse: a smooth polyline, as the painter asks.
            painter->setRenderHint(QPainter::Antialiasing, true);
            painter->setPen(line.pen);
            painter->drawPolyline(m_mapped.constData(), int(count));
        } else {
            painter->setRenderHint(QPainter::Antialiasing, false);
            QPen flat = line.pen;
            flat.setCapStyle(Qt::FlatCap); // see paintColumns()
            painter->setPen(flat);
            paintColumns(painter, count, line.pen, toDevice);
        }
        begin = end;
    }
}

void SeriesPolylineItem::drawDot(QPainter *painter, const QPointF &at, const QPen &pen,
                                 const QTransform &toDevice, bool antialias) {
    // A dot the size of a short dash, in the line's colour: a point between two gaps stays visible.
    const qreal radius = kDotRadiusPerPenWidth * std::max<qreal>(1.0, pen.widthF()) /
                         (pen.isCosmetic() ? deviceScale(toDevice) : 1.0);
    painter->setRenderHint(QPainter::Antialiasing, antialias);
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen.color());
    painter->drawEllipse(at, radius, radius);
    painter->setBrush(Qt::NoBrush);
}

void SeriesPolylineItem::paintColumns(QPainter *painter, qsizetype count, const QPen &pen,
                                      const QTransform &toDevice) {
    // The exact aliased picture: the union of every segment of the line, each drawn on its own
    // with flat caps. Points that share an x (one pixel column) only ever form vertical segments
    // there, whose union is one vertical line from their highest to their lowest point; between
    // columns the segment joins one column's last point to the next one's first. M4 keeps exactly
    // those (first, min, max, last), so the reduced line gives the same lines as the full one.
    //
    // Why the care, from Qt's cosmetic stroker (qcosmeticstroker.cpp):
    //  * separate lines, not a polyline: a polyline drops sub-pixel segments and keeps drawing
    //    from the last point it drew ("dropout control"), so its pixels depend on the points in
    //    between, which M4 drops;
    //  * flat caps: a square cap reaches half a pixel past a line's end, so a steep line can touch
    //    the next pixel column — from points M4 does not keep (beyond the window) or into a gap;
    //  * every line drawn top to bottom (steep) or left to right (shallow): drawLines() strokes 16
    //    lines with one stroker, which adds a half-pixel cap where a line runs the opposite way
    //    to the one before;
    //  * no zero-length line: QPainter draws one as a point, rounded half a pixel off the column.
    const auto fixed = [](qreal v) { return int(v * 64.); }; // the stroker's 26.6 fixed point
    const auto append = [&](const QPointF &a, const QPointF &b) {
        const QPointF da = toDevice.map(a), db = toDevice.map(b);
        const bool steep = std::abs(fixed(db.x()) - fixed(da.x())) < std::abs(fixed(db.y()) - fixed(da.y()));
        const bool reverse = steep ? da.y() > db.y() : da.x() > db.x();
        m_lines.append(reverse ? QLineF(b, a) : QLineF(a, b));
    };
    // A 1-px pen on a pixel grid: each column's vertical line is filled as the pixel rectangle
    // the stroker would cover (column floor(x), rows round(top) … round(bottom) − 1 in its 26.6
    // fixed point) — a rectangle fill costs far less per pixel than the stroker's pixel spans.
    const bool fillColumns = pen.isCosmetic() && pen.widthF() <= 1.0 && snaps(toDevice);
    const auto appendColumn = [&](qreal x, qreal top, qreal bottom) {
        if (!fillColumns) {
            append(QPointF(x, top), QPointF(x, bottom));
            return;
        }
        const QPointF a = toDevice.map(QPointF(x, top)), b = toDevice.map(QPointF(x, bottom));
        const int firstRow = (fixed(a.y()) + 32) >> 6, endRow = (fixed(b.y()) + 32) >> 6;
        if (endRow > firstRow)
            m_fills.append(QRect(fixed(a.x()) >> 6, firstRow, 1, endRow - firstRow));
    };
    m_lines.clear();
    m_fills.clear();
    for (qsizetype g = 0; g < count;) {
        const qreal x = m_mapped[g].x();
        qreal top = m_mapped[g].y(), bottom = top;
        qsizetype h = g;
        while (h + 1 < count && m_mapped[h + 1].x() == x) {
            ++h;
            top = std::min(top, m_mapped[h].y());
            bottom = std::max(bottom, m_mapped[h].y());
        }
        if (bottom > top)
            appendColumn(x, top, bottom);
        if (h + 1 < count && m_mapped[h + 1] != m_mapped[h])
            append(m_mapped[h], m_mapped[h + 1]);
        g = h + 1;
    }
    if (m_lines.isEmpty() && m_fills.isEmpty()) { // every point in one place: show it like a lone point
        drawDot(painter, m_mapped.first(), pen, toDevice, false);
        painter->setPen(pen);
        return;
    }
    if (!m_fills.isEmpty()) {
        const QTransform toItem = toDevice.inverted();
        const QColor colour = pen.color();
        for (const QRect &r : std::as_const(m_fills))
            painter->fillRect(toItem.mapRect(QRectF(r)), colour);
    }
    painter->drawLines(m_lines.constData(), int(m_lines.size()));
}

} // namespace mlwatch
