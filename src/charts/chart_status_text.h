#pragma once

#include "core/catalog/chart_spec.h"
#include "core/model/time_range.h"

#include <QString>

namespace mlwatch {

// What a chart says when it cannot show data, in one place so every chart (and exports)
// explains itself the same way. All texts are translated (context mlwatch::MetricChartView).
struct ChartStatusText {
    static QString loading();
    // "No data in this window: no datapoints between 2 Mar 09:00 and 2 Mar 10:00 (CET, UTC+01:00)."
    // Daily metrics (every series' period ≥ 1 day) say that they are daily and suggest a longer range.
    static QString noData(const ChartSpec &spec, const TimeRange &window);
    static QString error(const QString &message);
    // Legend suffix for a series without points while others on the chart have some.
    static QString legendWithoutData(const QString &legend);
    // "Warning 80 %" / "Critical 1,000 ms" for a threshold line's legend entry.
    static QString threshold(const ThresholdLine &line, const QString &unitSymbol);
};

} // namespace mlwatch
