#include "core/store/m4_downsampler.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlwatch {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Accumulates one pixel column's four points and flushes them in time order.
struct Column {
    qsizetype first = -1, last = -1, min = -1, max = -1;

    void add(qsizetype i, const double *values) {
        if (first < 0) {
            first = last = min = max = i;
            return;
        }
        last = i;
        if (values[i] < values[min])
            min = i;
        if (values[i] > values[max])
            max = i;
    }

    void flush(const qint64 *t, const double *v, QVector<QPointF> &out) {
        if (first < 0)
            return;
        qsizetype picks[4] = {first, min, max, last};
        std::sort(std::begin(picks), std::end(picks));
        qsizetype previous = -1;
        for (qsizetype p : picks) {
            if (p != previous)
                out.append(QPointF(double(t[p]), v[p]));
            previous = p;
        }
        first = last = min = max = -1;
    }
};

} // namespace

QVector<QPointF> m4Downsample(const qint64 *timestampsMs, const double *values, qsizetype count,
                              qint64 xMinMs, qint64 xMaxMs, int pixelWidth, qint64 gapMs) {
    QVector<QPointF> out;
    if (count <= 0 || pixelWidth <= 0 || xMaxMs <= xMinMs)
        return out;

    // The visible slice, widened by one point on each side so the line reaches the edges.
    const qint64 *begin = timestampsMs;
    const qint64 *end = timestampsMs + count;
    qsizetype lo = std::lower_bound(begin, end, xMinMs) - begin;
    qsizetype hi = std::upper_bound(begin, end, xMaxMs) - begin;
    lo = std::max<qsizetype>(0, lo - 1);
    hi = std::min<qsizetype>(count, hi + 1);
    if (lo >= hi)
        return out;

    out.reserve(std::min<qsizetype>(hi - lo + 8, qsizetype(pixelWidth) * 4 + 8));
    const double span = double(xMaxMs - xMinMs);
    Column column;
    qint64 currentColumn = std::numeric_limits<qint64>::min();
    for (qsizetype i = lo; i < hi; ++i) {
        if (gapMs > 0 && i > lo && timestampsMs[i] - timestampsMs[i - 1] > gapMs) {
            column.flush(timestampsMs, values, out);
            out.append(
                QPointF(double(timestampsMs[i - 1] + (timestampsMs[i] - timestampsMs[i - 1]) / 2), kNaN));
            currentColumn = std::numeric_limits<qint64>::min();
        }
        const qint64 columnIndex = qint64(std::floor(double(timestampsMs[i] - xMinMs) / span * pixelWidth));
        if (columnIndex != currentColumn) {
            column.flush(timestampsMs, values, out);
            currentColumn = columnIndex;
        }
        column.add(i, values);
    }
    column.flush(timestampsMs, values, out);
    return out;
}

} // namespace mlwatch
