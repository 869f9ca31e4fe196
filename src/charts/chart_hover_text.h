#pragma once

#include "charts/chart_renderer.h"
#include "core/model/unit.h"

#include <QString>

class QLocale;

namespace mlwatch {

// The text of a chart's hover tooltip: the time under the cursor with its zone named, then one
// line per shown series with its value in display units ("Model latency: 12.3 ms"), or
// "no data" when no datapoint of that series is within one period of the time (a gap stays a
// gap, never a zero). Hidden series (request.hiddenSeries) are left out. Each value is scaled by
// its own series' factor (UnitRegistry::seriesScale), not by `unit.scale`; `unit` (the axis')
// gives the symbol.
struct ChartHoverText {
    static QString text(const ChartRenderRequest &request, const DisplayUnit &unit, qint64 timeMs,
                        const QLocale &locale);

    // The index of `data`'s datapoint nearest to `timeMs` if it is at most `maxDistanceMs`
    // away, else -1.
    static qsizetype nearestSample(const SeriesData &data, qint64 timeMs, qint64 maxDistanceMs);

    // `value` (display units) with a precision that suits its size, and the unit symbol.
    static QString valueText(double value, const DisplayUnit &unit, const QLocale &locale);
};

} // namespace mlwatch
