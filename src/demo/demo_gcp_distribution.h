#pragma once

#include "demo/demo_gcp_catalog.h"

#include <QJsonObject>
#include <QList>

namespace mlwatch::demo {

// A Cloud Monitoring Distribution value (cloud-apis.md §3.2): count, mean, sum of squared
// deviations and the counts of exponential buckets. Merging is exact (Chan's parallel
// formulas for mean and deviation, bucket counts added); percentiles are read from the buckets
// by linear interpolation inside the bucket that holds the rank, the way Cloud Monitoring's
// ALIGN_PERCENTILE_* / REDUCE_PERCENTILE_* work on distributions.
struct DemoGcpDistribution {
    qint64 count = 0;
    double mean = 0;
    double sumOfSquaredDeviation = 0;
    QList<qint64> bucketCounts; // buckets.count() entries (underflow, finite…, overflow)

    // `count` samples of a log-normal law with the given median and shape (sigma of the log),
    // spread over the buckets by the law's CDF and rounded so that they add up to `count`
    // exactly. Deterministic: the same arguments give the same distribution.
    static DemoGcpDistribution logNormal(const DemoGcpBuckets &buckets, qint64 count, double median,
                                         double sigma);

    void merge(const DemoGcpDistribution &other);
    // p in [0, 100]; NaN for an empty distribution.
    double percentile(const DemoGcpBuckets &buckets, double p) const;
    // distributionValue: count and bucketCounts as JSON strings (proto3 int64), trailing zero
    // buckets omitted, mean and sumOfSquaredDeviation omitted when the count is zero.
    QJsonObject toJson(const DemoGcpBuckets &buckets) const;
};

} // namespace mlwatch::demo
