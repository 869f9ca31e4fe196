#pragma once

#include "support/bench_options.h"

#include <QString>
#include <QVector>

#include <functional>

namespace mlwatch::bench {

// The timings of one benchmark run. Samples are wall-clock milliseconds in run order, warm-up
// pairs excluded; index i of `oursMs`, `baselineMs` and `ratios` belong to the same pair.
struct AbResult {
    QString name; // "parse.cloudwatch_page"
    BenchOptions::Side only = BenchOptions::Side::Both;
    int warmupPairs = 0;
    QVector<double> oursMs;     // empty with --only baseline
    QVector<double> baselineMs; // empty with --only ours
    QVector<double> ratios;     // baselineMs[i] / oursMs[i]; empty unless both sides ran
};

// Times our pipeline (A) against the plain-Qt baseline (B) interleaved A/B/A/B (performance.md
// §7.1): on a shared, noisy VM slow phases then hit both sides of a pair alike, and the per-pair
// ratio stays steady even when the absolute numbers drift.
//
// Each step runs once per sample, timed with QElapsedTimer (monotonic, nanoseconds). The step
// must do the complete work and clean up after itself, so every sample costs the same. Between
// any two timed steps the untimed `settle` step runs (e.g. draining posted events), so work that
// one side leaves queued is never billed to the other.
class AbRunner {
public:
    using Step = std::function<void()>;

    AbRunner(QString name, BenchOptions options);

    void setSettle(Step settle) { m_settle = std::move(settle); }

    AbResult run(const Step &ours, const Step &baseline);

    // One timed step. Never inlined, so that `valgrind --tool=callgrind --collect-atstart=no
    // --toggle-collect='mlwatch::bench::AbRunner::timeStep*'` counts the timed work only.
    double timeStep(const Step &step);

private:
    void settle();

    QString m_name;
    BenchOptions m_options;
    Step m_settle;
};

} // namespace mlwatch::bench
