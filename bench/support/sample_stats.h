#pragma once

#include <QVector>

namespace mlwatch::bench {

// Order statistics of a set of timings. Quartiles interpolate linearly between the two nearest
// ranks (the "type 7" definition of R and NumPy), so the numbers can be re-derived from the raw
// samples in bench-results.json with any common tool.
struct SampleStats {
    double median = 0;
    double q1 = 0;
    double q3 = 0;
    double min = 0;
    double max = 0;
    qsizetype count = 0;

    double iqr() const { return q3 - q1; }

    // All zero for an empty set.
    static SampleStats of(QVector<double> samples);
};

} // namespace mlwatch::bench
