// Benchmark alert.eval_10k (issue 7): one evaluation tick of 10 000 alert rules over 1 000 series
// of 1 440 one-minute points each (a day of history per series, 1.44 M points in all).
//   ours:     AlertEngine::evaluateAll() — the app's path: rules grouped by series, one store
//             snapshot per series, each AlertEvaluator judging the one new period (its window is a
//             ring of N values; the new period's value is found by binary search).
//   baseline: the naive evaluator (support/naive_alert_evaluator.*) — per rule, the store's series
//             and a scan of its whole history to rebuild the window, then the same state machine.
// Each timed step is one tick: that side's clock moves one minute and every rule is judged once.
// Before timing, both sides run the same ticks on separate copies and must reach the same state
// for every rule (and some rules must change state), so both do the same work.
// Target: ≤ 1 ms per tick on this machine class.

#include "core/alerts/alert_engine.h"
#include "core/common/clock.h"
#include "core/store/series_store.h"
#include "support/ab_runner.h"
#include "support/bench_report.h"
#include "support/naive_alert_evaluator.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

#include <memory>
#include <random>

using namespace mlwatch;
using namespace mlwatch::bench;

namespace {

constexpr int kDefaultPairs = 21;
constexpr int kSeries = 1000;
constexpr int kRulesPerSeries = 10;
constexpr int kPointsPerSeries = 1440;
constexpr qint64 kMinute = 60'000;
constexpr qint64 kT0 = 1'795'176'000'000; // 2026-11-20T12:00:00Z
constexpr quint64 kSeed = 20261120;
// The first tick judges the period 600 minutes in: every window is full of history behind it.
constexpr qint64 kFirstNow = kT0 + 600 * kMinute;

class SteppedClock final : public Clock {
public:
    QDateTime nowUtc() const override { return QDateTime::fromMSecsSinceEpoch(m_now, Qt::UTC); }
    qint64 m_now = kFirstNow;
};

QString keyOf(int series) {
    return QStringLiteral("AWS/SageMaker|CPUUtilization|EndpointName=ep-%1,VariantName=AllTraffic|Average")
        .arg(series);
}

// Utilisation-like series: a random walk in 0–100 % with noise and about 1 % missing minutes.
void fillStore(SeriesStore &store) {
    std::mt19937_64 rng(kSeed);
    std::normal_distribution<double> step(0.0, 2.5);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (int s = 0; s < kSeries; ++s) {
        SeriesData d;
        d.seriesKey = keyOf(s);
        d.timestampsMs.reserve(kPointsPerSeries);
        d.values.reserve(kPointsPerSeries);
        double level = 40.0 + 40.0 * uniform(rng);
        for (int i = 0; i < kPointsPerSeries; ++i) {
            level = std::clamp(level + step(rng), 0.0, 100.0);
            if (uniform(rng) < 0.01)
                continue;
            d.timestampsMs.append(kT0 + i * kMinute);
            d.values.append(level);
        }
        store.replace(std::move(d));
    }
}

// Ten different rules per series: thresholds, M of N, hysteresis, clocks and missing-data modes vary.
QList<AlertRule> makeRules() {
    static const int kN[] = {1, 3, 5, 10, 5};
    static const MissingDataPolicy kMissing[] = {MissingDataPolicy::Missing, MissingDataPolicy::NotBreaching,
                                                 MissingDataPolicy::Breaching, MissingDataPolicy::Ignore};
    QList<AlertRule> rules;
    rules.reserve(kSeries * kRulesPerSeries);
    for (int s = 0; s < kSeries; ++s) {
        for (int r = 0; r < kRulesPerSeries; ++r) {
            AlertRule rule;
            rule.id = QStringLiteral("rule-%1-%2").arg(s).arg(r);
            rule.series.namespaceName = QStringLiteral("AWS/SageMaker");
            rule.series.metricName = QStringLiteral("CPUUtilization");
            rule.series.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("ep-%1").arg(s)},
                                      {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
            rule.series.stat = QStringLiteral("Average");
            rule.comparison = r % 4 == 3 ? AlertComparison::Below : AlertComparison::Above;
            const double critical = rule.comparison == AlertComparison::Above ? 60.0 + 3 * r : 30.0 - r;
            const double sign = rule.comparison == AlertComparison::Above ? 1.0 : -1.0;
            rule.critical = critical;
            rule.criticalRecovery = critical - sign * 4;
            rule.warning = critical - sign * 10;
            rule.warningRecovery = critical - sign * 13;
            rule.unit = QStringLiteral("%");
            rule.seriesUnit = Unit::Percent;
            rule.evaluationPeriods = kN[r % 5];
            rule.datapointsToAlarm = std::max(1, rule.evaluationPeriods * 3 / 5);
            rule.pendingForSeconds = r % 3 == 1 ? 180 : 0;
            rule.keepFiringForSeconds = r % 3 == 2 ? 120 : 0;
            rule.missingData = kMissing[r % 4];
            rule.evaluationDelaySeconds = 120;
            rules.append(rule);
        }
    }
    return rules;
}

// The naive side: rules in a flat list, each with its own lookup of the store's series.
struct NaiveSide {
    explicit NaiveSide(const QList<AlertRule> &rules) {
        evaluators.reserve(size_t(rules.size()));
        for (const AlertRule &r : rules) {
            keys.append(r.seriesKey());
            evaluators.emplace_back(r);
        }
    }
    int tick(const SeriesStore &store, qint64 nowMs) {
        int changes = 0;
        for (size_t i = 0; i < evaluators.size(); ++i)
            changes += evaluators[i].evaluate(store.series(keys.at(qsizetype(i))), nowMs);
        return changes;
    }
    QStringList keys;
    std::vector<NaiveAlertEvaluator> evaluators;
};

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    int exitCode = 0;
    const std::optional<BenchOptions> options =
        BenchOptions::fromArguments(app.arguments(), kDefaultPairs, exitCode);
    if (!options)
        return exitCode;
    QTextStream err(stderr);

    SeriesStore store;
    fillStore(store);
    const QList<AlertRule> rules = makeRules();

    // Sanity: both sides reach the same state for every rule over 60 ticks, and rules do change state.
    {
        SteppedClock clock;
        AlertEngine engine(clock, store);
        if (!engine.setRules(rules)) {
            err << "alert.eval_10k: the generated rules are invalid\n";
            return 1;
        }
        int engineChanges = 0;
        QObject::connect(&engine, &AlertEngine::transitionOccurred, [&engineChanges] { ++engineChanges; });
        NaiveSide naive(rules);
        int naiveChanges = 0;
        for (int t = 0; t < 60; ++t, clock.m_now += kMinute) {
            engine.evaluateAll();
            naiveChanges += naive.tick(store, clock.m_now);
            for (qsizetype i = 0; i < rules.size(); ++i) {
                if (!(engine.status(rules.at(i).id).state == naive.evaluators[size_t(i)].state())) {
                    err << "alert.eval_10k: rule " << rules.at(i).id << " differs at tick " << t << '\n';
                    return 1;
                }
            }
        }
        if (engineChanges != naiveChanges || engineChanges < 100) {
            err << "alert.eval_10k: transitions " << engineChanges << " (ours) versus " << naiveChanges
                << " (baseline); expected equal and at least 100\n";
            return 1;
        }
    }

    // The timed sides, each with its own clock and state. The first tick of each (untimed) loads
    // the windows, as the app's first evaluation after start does.
    SteppedClock oursClock;
    AlertEngine engine(oursClock, store);
    (void)engine.setRules(rules);
    engine.evaluateAll();
    NaiveSide naive(rules);
    qint64 naiveNow = kFirstNow;
    naive.tick(store, naiveNow);

    qint64 judged = 0;
    const auto ours = [&] {
        oursClock.m_now += kMinute;
        engine.evaluateAll();
        judged += engine.status(rules.constLast().id).lastPeriodMs > 0;
    };
    const auto baseline = [&] {
        naiveNow += kMinute;
        judged += naive.tick(store, naiveNow) >= 0;
    };

    AbRunner runner(QStringLiteral("alert.eval_10k"), *options);
    const AbResult result = runner.run(ours, baseline);
    if (judged <= 0 || (oursClock.m_now - kFirstNow) / kMinute > kPointsPerSeries - 600) {
        err << "alert.eval_10k: ran past the generated history\n";
        return 1;
    }

    const QJsonObject input{
        {QStringLiteral("series"), kSeries},
        {QStringLiteral("points_per_series"), kPointsPerSeries},
        {QStringLiteral("rules"), kSeries * kRulesPerSeries},
        {QStringLiteral("period_seconds"), 60},
        {QStringLiteral("seed"), qint64(kSeed)},
        {QStringLiteral("step"),
         QStringLiteral("one tick: the clock moves 60 s, every rule judges one new period")},
        {QStringLiteral("ours"),
         QStringLiteral("mlwatch::AlertEngine::evaluateAll (ring window + binary search)")},
        {QStringLiteral("baseline"),
         QStringLiteral("naive: per rule, scan the whole series to rebuild the window")},
    };
    return BenchReport(result, input).finish(options->jsonPath);
}
