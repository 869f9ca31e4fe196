#pragma once

#include "report/report_data.h"

#include <QHash>

namespace mlwatch {

// The pure arithmetic of the weekly review: week statistics, the week-over-week rows, alert
// statistics and the replay of rules over fetched data. No I/O, no clock: same inputs, same
// outputs (the report's CSVs rely on it).
class ReportStatistics {
public:
    // p50 / p95 / max of the datapoints of `raw` inside `range`, each multiplied by `scale`
    // (raw → display unit). NaN datapoints are not data and are skipped.
    static WeekStats weekStats(const SeriesData &raw, double scale, const TimeRange &range);

    // Nearest-rank percentile of ascending `sorted` (not empty): the smallest value with at least
    // p % of the values at or below it. p in (0, 100].
    static double nearestRank(const QVector<double> &sorted, double p);

    // One row per series of every chart, in chart order.
    static QList<ReportMetricRow> metricRows(const QList<ReportChart> &charts, const ReportWeek &week);

    // Alert statistics of `range` from `transitions` (oldest first, any time). A rule's state at
    // range.startMs is the target of its last transition before it (ok when there is none); time
    // in alert is clipped to [range.startMs, min(range.endMs, nowMs)). Rules come out noisiest
    // first: most entries into firing, then most time firing, then by id.
    static AlertWeekStats alertStats(const QList<AlertRule> &rules, const QList<AlertTransition> &transitions,
                                     const TimeRange &range, qint64 nowMs);

    // The transitions inside `range`, oldest first (stable for equal times).
    static QList<AlertTransition> transitionsIn(const QList<AlertTransition> &transitions,
                                                const TimeRange &range);

    // Replays every enabled rule over the raw data of its series (`data` keyed by seriesKey),
    // as AlertEvaluator::backtest does: what the rules would have recorded had they run. Returns
    // the transitions of all rules, oldest first, then in rule order.
    static QList<AlertTransition> replay(const QList<AlertRule> &rules,
                                         const QHash<QString, SeriesData> &data);
};

} // namespace mlwatch
