#include "charts/series_segments.h"

#include <cmath>

namespace mlwatch {

SeriesSegments splitAtGaps(const QVector<QPointF> &reduced, double scale) {
    SeriesSegments out;
    QList<QPointF> current;
    current.reserve(reduced.size());
    auto closeRun = [&] {
        if (!current.isEmpty()) {
            out.parts.append(std::move(current));
            current = QList<QPointF>();
        }
    };
    for (const QPointF &p : reduced) {
        if (!std::isfinite(p.y())) {
            closeRun();
            continue;
        }
        const double y = p.y() * scale;
        if (out.pointCount == 0) {
            out.min = out.max = y;
        } else {
            out.min = std::min(out.min, y);
            out.max = std::max(out.max, y);
        }
        ++out.pointCount;
        current.append(QPointF(p.x(), y));
    }
    closeRun();
    return out;
}

} // namespace mlwatch
