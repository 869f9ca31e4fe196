#include "report/report_statistics.h"

#include "core/export/series_naming.h"
#include "core/model/unit_registry.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {

struct Interval {
    qint64 startMs;
    qint64 endMs;
};

// Sum of the lengths of the union of `intervals`.
qint64 unionLength(QList<Interval> intervals) {
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval &a, const Interval &b) { return a.startMs < b.startMs; });
    qint64 total = 0;
    qint64 coveredTo = std::numeric_limits<qint64>::min();
    for (const Interval &i : std::as_const(intervals)) {
        const qint64 from = std::max(i.startMs, coveredTo);
        if (i.endMs > from)
            total += i.endMs - from;
        coveredTo = std::max(coveredTo, i.endMs);
    }
    return total;
}

} // namespace

double ReportStatistics::nearestRank(const QVector<double> &sorted, double p) {
    const auto n = double(sorted.size());
    qsizetype rank = qsizetype(std::ceil(p / 100.0 * n));
    rank = std::clamp<qsizetype>(rank, 1, sorted.size());
    return sorted.at(rank - 1);
}

WeekStats ReportStatistics::weekStats(const SeriesData &raw, double scale, const TimeRange &range) {
    const auto begin = std::lower_bound(raw.timestampsMs.cbegin(), raw.timestampsMs.cend(), range.startMs);
    const auto end = std::lower_bound(begin, raw.timestampsMs.cend(), range.endMs);
    QVector<double> values;
    values.reserve(end - begin);
    for (auto it = begin; it != end; ++it) {
        const double v = raw.values.at(it - raw.timestampsMs.cbegin());
        if (!std::isnan(v))
            values.append(v * scale);
    }
    WeekStats out;
    out.count = values.size();
    if (values.isEmpty())
        return out;
    std::sort(values.begin(), values.end());
    out.p50 = nearestRank(values, 50);
    out.p95 = nearestRank(values, 95);
    out.max = values.constLast();
    return out;
}

QList<ReportMetricRow> ReportStatistics::metricRows(const QList<ReportChart> &charts,
                                                    const ReportWeek &week) {
    QList<ReportMetricRow> rows;
    for (const ReportChart &chart : charts) {
        for (qsizetype i = 0; i < chart.spec.series.size(); ++i) {
            // Per series: CPU per vCPU next to GPU per GPU, as the chart draws them.
            const DisplayUnit unit = UnitRegistry::forChartSeries(chart.spec, i);
            const ChartSeriesSpec &series = chart.spec.series.at(i);
            ReportMetricRow row;
            row.stage = chart.spec.stage;
            row.chartTitle = chart.spec.title;
            row.legend = series.legend;
            row.seriesName = SeriesNaming::seriesName(series.query);
            row.unit = unit;
            row.thisWeek = weekStats(chart.thisWeek.value(i), unit.scale, week.range());
            row.lastWeek = weekStats(chart.lastWeek.value(i), unit.scale, week.previousRange());
            rows.append(row);
        }
    }
    return rows;
}

QList<AlertTransition> ReportStatistics::transitionsIn(const QList<AlertTransition> &transitions,
                                                       const TimeRange &range) {
    QList<AlertTransition> out;
    for (const AlertTransition &t : transitions)
        if (range.contains(t.timeMs))
            out.append(t);
    std::stable_sort(out.begin(), out.end(),
                     [](const AlertTransition &a, const AlertTransition &b) { return a.timeMs < b.timeMs; });
    return out;
}

AlertWeekStats ReportStatistics::alertStats(const QList<AlertRule> &rules,
                                            const QList<AlertTransition> &transitions, const TimeRange &range,
                                            qint64 nowMs) {
    const qint64 clipEnd = std::max(range.startMs, std::min(range.endMs, nowMs));

    // Per rule, in the order of `rules` and then of first appearance in the history.
    QStringList order;
    QHash<QString, RuleWeekStats> stats;
    QHash<QString, AlertState> stateAtStart;
    for (const AlertRule &rule : rules) {
        order.append(rule.id);
        stats.insert(rule.id, RuleWeekStats{rule.id, rule.name.isEmpty() ? rule.id : rule.name});
    }
    QList<AlertTransition> sorted = transitions;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const AlertTransition &a, const AlertTransition &b) { return a.timeMs < b.timeMs; });
    for (const AlertTransition &t : std::as_const(sorted)) {
        if (!stats.contains(t.ruleId)) {
            order.append(t.ruleId);
            stats.insert(t.ruleId, RuleWeekStats{t.ruleId, t.ruleId});
        }
        if (t.timeMs < range.startMs)
            stateAtStart.insert(t.ruleId, t.to);
    }

    AlertWeekStats out;
    QList<Interval> firing; // every rule's, for the union
    for (const QString &id : std::as_const(order)) {
        RuleWeekStats &s = stats[id];
        qint64 firingSince = stateAtStart.value(id).isFiring() ? range.startMs : -1;
        for (const AlertTransition &t : std::as_const(sorted)) {
            if (t.ruleId != id || !range.contains(t.timeMs))
                continue;
            if (t.to.isFiring()) {
                const bool entered = !t.from.isFiring();
                const bool escalated = t.from.isFiring() && t.to.level > t.from.level;
                if (entered || escalated) {
                    if (t.to.level == AlertLevel::Critical)
                        ++s.firedCritical;
                    else
                        ++s.firedWarning;
                }
                if (firingSince < 0)
                    firingSince = t.timeMs;
            } else if (firingSince >= 0) {
                const qint64 end = std::min(t.timeMs, clipEnd);
                if (end > firingSince)
                    firing.append({firingSince, end});
                s.timeInAlertMs += std::max<qint64>(0, end - firingSince);
                firingSince = -1;
            }
        }
        if (firingSince >= 0 && clipEnd > firingSince) {
            firing.append({firingSince, clipEnd});
            s.timeInAlertMs += clipEnd - firingSince;
        }
        out.firedWarning += s.firedWarning;
        out.firedCritical += s.firedCritical;
        if (s.fired() > 0 || s.timeInAlertMs > 0)
            out.rules.append(s);
    }
    out.rulesThatFired = int(std::count_if(out.rules.cbegin(), out.rules.cend(),
                                           [](const RuleWeekStats &r) { return r.fired() > 0; }));
    out.timeInAlertMs = unionLength(firing);
    std::stable_sort(out.rules.begin(), out.rules.end(), [](const RuleWeekStats &a, const RuleWeekStats &b) {
        if (a.fired() != b.fired())
            return a.fired() > b.fired();
        if (a.timeInAlertMs != b.timeInAlertMs)
            return a.timeInAlertMs > b.timeInAlertMs;
        return a.ruleId < b.ruleId;
    });
    return out;
}

QList<AlertTransition> ReportStatistics::replay(const QList<AlertRule> &rules,
                                                const QHash<QString, SeriesData> &data) {
    QList<AlertTransition> out;
    for (const AlertRule &rule : rules) {
        if (!rule.enabled || !rule.validate())
            continue;
        const SeriesData raw = data.value(rule.seriesKey());
        QVector<double> display;
        display.reserve(raw.values.size());
        for (double v : raw.values)
            display.append(rule.toDisplay(v));
        out += AlertEvaluator::backtest(rule, raw.timestampsMs, display);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const AlertTransition &a, const AlertTransition &b) { return a.timeMs < b.timeMs; });
    return out;
}

} // namespace mlwatch
