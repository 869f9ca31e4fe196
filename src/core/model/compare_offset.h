#pragma once

#include "core/model/time_range.h"

#include <QString>

namespace mlwatch {

// "Compare with previous period" (anchors.md §3.7): a chart overlays the same range a day or a
// week earlier. This is the one place that says how that comparison series is fetched, stored
// and drawn, so the fetch side (FetchScheduler) and the drawing side (MetricChartView,
// ChartScene) cannot disagree.
//
// Contract for the fetch side, for a chart query `q` over window W with offset S seconds (> 0):
//   - fetch `q` unchanged over fetchRange(W, S) = [W.start − S, W.end − S);
//   - store the result under seriesKey(q.seriesKey(), S), e.g. "<key>@-604800s", with the
//     timestamps exactly as the cloud returned them (UTC, S seconds in the past; not shifted).
// The drawing side reads that key and adds drawShiftMs(S) to every timestamp, which lines the
// earlier period up under W. A gap stays a gap: nothing is filled.
//
// An offset of 0 (or less) means "no comparison": seriesKey() returns the key unchanged.
class CompareOffset {
public:
    static constexpr qint64 kDaySeconds = 24 * 3600;
    static constexpr qint64 kWeekSeconds = 7 * kDaySeconds;

    // The store key of the comparison series `offsetSeconds` earlier: "<seriesKey>@-<S>s".
    static QString seriesKey(const QString &seriesKey, qint64 offsetSeconds);
    // The inverse: true when `key` is a comparison key, with its parts. The base key may itself
    // contain '@' (resource ids do); only a trailing "@-<digits>s" counts.
    static bool parse(const QString &key, QString *baseKey = nullptr, qint64 *offsetSeconds = nullptr);
    // The range to fetch for the comparison of `window`: as long, `offsetSeconds` earlier.
    static TimeRange fetchRange(const TimeRange &window, qint64 offsetSeconds);
    // Milliseconds added to a comparison timestamp to draw it under the window.
    static qint64 drawShiftMs(qint64 offsetSeconds);
    // "1 week earlier", "1 day earlier", "2 days earlier", "3 hours earlier" (translated).
    static QString label(qint64 offsetSeconds);
    // A legend entry for the overlay: "Model latency (1 week earlier)".
    static QString legend(const QString &seriesLegend, qint64 offsetSeconds);
};

} // namespace mlwatch
