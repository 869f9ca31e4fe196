#include "gui/alert_backtest.h"

#include "core/alerts/alert_rule.h"
#include "core/model/series_data.h"

#include <algorithm>
#include <optional>

namespace mlwatch {

namespace {

// Start of the period that holds `ms` (periods are aligned to multiples of the period since the
// epoch; floor division so times before 1970 stay aligned too).
qint64 periodStart(qint64 ms, qint64 periodMs) {
    const qint64 q = ms / periodMs;
    return (ms % periodMs < 0 ? q - 1 : q) * periodMs;
}

} // namespace

AlertBacktest AlertBacktest::run(const AlertRule &rule, const SeriesData &rawSeries, const TimeRange &range) {
    QVector<qint64> timestamps;
    QVector<double> values;
    timestamps.reserve(rawSeries.size());
    values.reserve(rawSeries.size());
    for (qsizetype i = 0; i < rawSeries.size(); ++i) {
        const qint64 t = rawSeries.timestampsMs.at(i);
        if (range.isValid() && !range.contains(t))
            continue;
        timestamps.append(t);
        values.append(rule.toDisplay(rawSeries.values.at(i)));
    }
    return run(rule, timestamps, values);
}

AlertBacktest AlertBacktest::run(const AlertRule &rule, const QVector<qint64> &timestampsMs,
                                 const QVector<double> &displayValues) {
    const qint64 periodMs = qint64(std::max(1, rule.periodSeconds)) * 1000;
    TimeRange evaluated;
    if (!timestampsMs.isEmpty()) {
        const auto [lo, hi] = std::minmax_element(timestampsMs.cbegin(), timestampsMs.cend());
        evaluated = {periodStart(*lo, periodMs), periodStart(*hi, periodMs) + periodMs};
    }
    AlertBacktest result =
        summarise(AlertEvaluator::backtest(rule, timestampsMs, displayValues), evaluated, periodMs);
    result.datapoints = timestampsMs.size();
    return result;
}

AlertBacktest AlertBacktest::summarise(const QList<AlertTransition> &transitions, const TimeRange &evaluated,
                                       qint64 periodMs) {
    AlertBacktest out;
    out.transitions = transitions;
    out.evaluated = evaluated;

    std::optional<qint64> lastResolveMs;
    for (qsizetype i = 0; i < transitions.size(); ++i) {
        const AlertTransition &t = transitions.at(i);
        const bool firingNow = t.to.isFiring();
        if (firingNow && !t.from.isFiring()) {
            ++out.fires;
            if (lastResolveMs && t.timeMs - *lastResolveMs < qint64(kFlapPeriods) * periodMs)
                ++out.flaps;
        }
        if (t.from.isFiring() && !firingNow) {
            lastResolveMs = t.timeMs;
            if (t.to.kind == AlertStateKind::Ok)
                ++out.resolves;
        }
        if (t.to.kind == AlertStateKind::Ok)
            continue;
        const qint64 end =
            i + 1 < transitions.size() ? transitions.at(i + 1).timeMs : std::max(evaluated.endMs, t.timeMs);
        out.episodes.append({t.timeMs, end, t.to});
        if (firingNow)
            out.timeInAlertMs += end - t.timeMs;
    }
    return out;
}

} // namespace mlwatch
