#pragma once

#include "core/model/time_range.h"
#include "core/model/unit.h"

#include <QString>

#include <limits>

namespace mlwatch {

// Text and ranges for a chart's axes. Pure functions (no Qt Charts types) so they are easy to
// test and reusable by exports. Times are shown in the user's local zone and the zone is always
// named (anchors.md §3.6: unlabelled zones are the classic dashboard complaint).

// The local zone at `utcMs`: "CET, UTC+01:00"; just "UTC" when local time is UTC.
QString localZoneLabel(qint64 utcMs);

// "Time (CET, UTC+01:00)". When the window crosses a daylight-saving change both zones are named:
// "Time (CET/CEST, UTC+01:00/+02:00)".
QString timeAxisTitle(const TimeRange &range);

// QDateTimeAxis label format for a window of this length: clock time for a day or less, weekday
// and time up to a week, else the date.
QString timeAxisFormat(qint64 durationMs);

// Number of time ticks for a window of `durationMs` at `plotWidthPx`: as many as stay readable,
// preferring a count that puts the ticks a round interval apart (every 4 h in a day, every day
// in a week) — QDateTimeAxis spaces ticks evenly and cannot anchor them to round times.
int timeAxisTickCount(qint64 durationMs, int plotWidthPx);

// "ms", "%", "GiB", … ; a plain value gets the word "value" so the axis is never unlabelled.
QString valueAxisTitle(const DisplayUnit &unit);

// The y range to show for data in [dataMin, dataMax] (either may be NaN when there is no data)
// and threshold values in [thresholdMin, thresholdMax] (NaN when none), in display units.
// Non-negative data starts at 0 (counts, percentages and latencies read honestly from zero);
// the ends are rounded out to a step of 1, 2, 2.5 or 5 × 10^k with 4–6 intervals, so the
// labels are round. `naturalMax` (100 for percentages, NaN otherwise) caps the axis when
// everything fits below it, so utilisation reads on a 0–100 scale.
struct ValueRange {
    double min = 0;
    double max = 1;
    int tickCount = 6;
    int decimals = 0; // label precision that tells the ticks apart
};
ValueRange valueAxisRange(double dataMin, double dataMax, double thresholdMin, double thresholdMax,
                          double naturalMax = std::numeric_limits<double>::quiet_NaN());

} // namespace mlwatch
