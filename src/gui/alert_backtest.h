#pragma once

#include "core/alerts/alert_evaluator.h"
#include "core/model/time_range.h"

#include <QList>
#include <QVector>

namespace mlwatch {

struct AlertRule;
struct SeriesData;

// What a rule would have done over a loaded series, summarised for the rule dialog's preview:
// the evaluator's own transitions (AlertEvaluator::backtest, unchanged), the stretches of time
// the rule would have spent in each state that is not ok, and the counts people compare
// rules by. Pure: no widgets, no clock.
struct AlertBacktest {
    // A fire that comes less than this many periods after the previous resolution counts as a
    // flap: the same problem would have woken someone twice.
    static constexpr int kFlapPeriods = 10;

    struct Episode {
        qint64 startMs = 0; // the transition's time (start of the newest period it evaluated)
        qint64 endMs = 0;   // the next transition's time, or the end of the evaluated range
        AlertState state;   // never ok
    };

    QList<AlertTransition> transitions; // exactly what the evaluator returned
    QList<Episode> episodes;            // in time order; a level change starts a new episode
    qsizetype datapoints = 0;           // datapoints evaluated (inside the range)
    TimeRange evaluated;                // first datapoint's period .. end of the last one
    int fires = 0;                      // entries into firing from any other state
    int resolves = 0;                   // firing → ok
    int flaps = 0;                      // fires within kFlapPeriods periods of the previous resolve
    qint64 timeInAlertMs = 0;           // total time firing (any level)

    // Backtests `rule` on the datapoints of `rawSeries` (raw units, as SeriesStore keeps them)
    // that fall inside `range` (all of them when `range` is invalid), converted with
    // rule.toDisplay(). `rule` must be valid.
    static AlertBacktest run(const AlertRule &rule, const SeriesData &rawSeries, const TimeRange &range);
    // The same on datapoints already in display units (any order).
    static AlertBacktest run(const AlertRule &rule, const QVector<qint64> &timestampsMs,
                             const QVector<double> &displayValues);
    // Summarises transitions over [evaluated.startMs, evaluated.endMs) for a rule of `periodMs`.
    static AlertBacktest summarise(const QList<AlertTransition> &transitions, const TimeRange &evaluated,
                                   qint64 periodMs);
};

} // namespace mlwatch
