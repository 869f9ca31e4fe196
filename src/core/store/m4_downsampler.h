#pragma once

#include <QPointF>
#include <QVector>

namespace mlwatch {

// M4 (Jugel et al., PVLDB 2014): for each pixel column keeps the first, minimum, maximum and
// last point, so a line chart drawn from the output is pixel-identical to one drawn from all
// points at that width. Output is at most 4 × pixelWidth points, in time order, as
// (ms since epoch, value). Points outside [xMinMs, xMaxMs] are skipped, except the nearest one
// on each side so lines run to the chart's edge. Inputs must be sorted by time.
// Missing data stays missing: where two consecutive points are more than `gapMs` apart
// (0 = never) a point with a NaN value is emitted between them, which charts draw as a break.
QVector<QPointF> m4Downsample(const qint64 *timestampsMs, const double *values, qsizetype count,
                              qint64 xMinMs, qint64 xMaxMs, int pixelWidth, qint64 gapMs = 0);

} // namespace mlwatch
