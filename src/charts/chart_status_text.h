#pragma once

#include "charts/time_display.h"
#include "core/catalog/chart_spec.h"
#include "core/model/time_range.h"

#include <QString>

class QLocale;

namespace mlwatch {

// What a chart says when it cannot show data, in one place so every chart (and exports)
// explains itself the same way. All texts are translated (context mlwatch::MetricChartView).
struct ChartStatusText {
    static QString loading();
    // "No data in this window: no datapoints between 2 Mar 09:00 and 2 Mar 10:00 (CET, UTC+01:00)."
    // Daily metrics (every series' period ≥ 1 day) say that they are daily and suggest a longer range.
    // A workspace placeholder (spec.missingReason set) says "missing: <reason>" instead.
    static QString noData(const ChartSpec &spec, const TimeRange &window);
    static QString error(const QString &message);
    // Legend suffix for a series without points while others on the chart have some.
    static QString legendWithoutData(const QString &legend);
    // "Warning 80 %" / "Critical 1,000 ms" for a threshold line's legend entry.
    static QString threshold(const ThresholdLine &line, const QString &unitSymbol);

    // The caption under a chart: "Newest datapoint: 14:32 UTC (3 min ago)". The clock and zone
    // follow `mode` (the local zone is named like the axis: "14:32 CET, UTC+01:00"); the date is
    // added when the datapoint is not from today (by `nowMs`, or always when `nowMs` is 0); the
    // age only when `nowMs` is known (> 0) and not before the datapoint.
    static QString newestDatapoint(qint64 newestMs, qint64 nowMs, TimeZoneMode mode, const QLocale &locale);
    // "just now", "3 min ago", "5 h ago", "12 days ago" for an age of `ageMs` ≥ 0.
    static QString age(qint64 ageMs);
    // Legend entry of the shaded "not yet published" band: "Not yet published (CloudWatch, ~2 min)".
    static QString notYetPublished(const QString &serviceName, int delaySeconds);
};

} // namespace mlwatch
