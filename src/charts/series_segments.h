#pragma once

#include <QList>
#include <QPointF>
#include <QVector>

namespace mlwatch {

// A reduced series cut into the runs of points that a line may join. Qt Charts cannot draw a
// break inside one QLineSeries (NaN values are undefined behaviour there), so each run becomes
// its own line series of the same colour and legend entry.
struct SeriesSegments {
    QList<QList<QPointF>> parts; // x: ms since epoch; y: display units; each part non-empty
    double min = 0;              // over all parts; meaningless when pointCount == 0
    double max = 0;
    qsizetype pointCount = 0;
};

// Splits m4Downsample() output at its NaN gap markers and multiplies values by `scale`
// (raw unit → display unit). Non-finite values other than the markers are dropped too.
SeriesSegments splitAtGaps(const QVector<QPointF> &reduced, double scale);

} // namespace mlwatch
