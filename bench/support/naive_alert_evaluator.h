#pragma once

#include "core/alerts/alert_evaluator.h"
#include "core/model/series_data.h"

#include <vector>

namespace mlwatch::bench {

// The baseline of alert.eval_10k: the same rule semantics as mlwatch::AlertEvaluator (states,
// M of N, recovery values, missing-data modes, pending and keep-firing clocks), written the
// straightforward way — every tick rebuilds the rule's window by scanning the whole raw series
// into periods, as a "query the range, then reduce" evaluator does. Its cost grows with the
// history kept; AlertEvaluator's does not. Judges only the newest due period per call (the
// benchmark calls it exactly once per period), starting from ok like a fresh AlertEvaluator.
class NaiveAlertEvaluator {
public:
    explicit NaiveAlertEvaluator(const AlertRule &rule);

    // Returns true when the state changed.
    bool evaluate(const SeriesData &raw, qint64 nowMs);
    const AlertState &state() const { return m_state; }

private:
    AlertRule m_rule;
    qint64 m_periodMs;
    qint64 m_delayMs;
    double m_scale;
    AlertState m_state;
    qint64 m_lastPeriodMs = AlertEvaluator::kNever;
    qint64 m_pendingSinceMs = AlertEvaluator::kNever;
    qint64 m_clearedSinceMs = AlertEvaluator::kNever;
    std::vector<double> m_window; // rebuilt on every call
};

} // namespace mlwatch::bench
