#pragma once

#include "support/ab_runner.h"

#include <QJsonObject>
#include <QString>

namespace mlwatch::bench {

// Turns an AbResult into what bench/run.sh collects: one summary line on stdout, and (with
// --json) a JSON object with the raw samples, their statistics and the environment.
class BenchReport {
public:
    // `input` describes the workload (sizes, seeds, widget size …) and goes into the JSON as is.
    BenchReport(AbResult result, QJsonObject input);

    // "bench parse.cloudwatch_page: 3.1 ms (baseline 21.4 ms, ratio 6.9)". The ratio is the
    // median of the per-pair ratios baseline/ours (> 1: ours is faster), not the ratio of the
    // two medians. Numbers use the C locale: the line is parsed by scripts.
    QString summaryLine() const;

    QJsonObject toJson() const;

    // CPU model, cores and affinity, Qt version (build and run time), compiler and flags, OS.
    static QJsonObject environment();

    // Prints the summary line and writes the JSON when `jsonPath` is set. Returns the exit code.
    int finish(const QString &jsonPath) const;

private:
    AbResult m_result;
    QJsonObject m_input;
};

} // namespace mlwatch::bench
