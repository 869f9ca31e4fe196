#include "support/sample_stats.h"

#include <algorithm>
#include <cmath>

namespace mlwatch::bench {

namespace {

// `p` in [0, 1] of an ascending, non-empty set.
double quantile(const QVector<double> &sorted, double p) {
    const double rank = p * double(sorted.size() - 1);
    const auto below = qsizetype(std::floor(rank));
    const qsizetype above = std::min(below + 1, sorted.size() - 1);
    const double fraction = rank - double(below);
    return sorted.at(below) + fraction * (sorted.at(above) - sorted.at(below));
}

} // namespace

SampleStats SampleStats::of(QVector<double> samples) {
    SampleStats stats;
    if (samples.isEmpty())
        return stats;
    std::sort(samples.begin(), samples.end());
    stats.count = samples.size();
    stats.min = samples.first();
    stats.max = samples.last();
    stats.median = quantile(samples, 0.5);
    stats.q1 = quantile(samples, 0.25);
    stats.q3 = quantile(samples, 0.75);
    return stats;
}

} // namespace mlwatch::bench
