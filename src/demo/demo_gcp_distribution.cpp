#include "demo/demo_gcp_distribution.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace mlwatch::demo {

namespace {

double normalCdf(double z) {
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

} // namespace

DemoGcpDistribution DemoGcpDistribution::logNormal(const DemoGcpBuckets &buckets, qint64 count, double median,
                                                   double sigma) {
    DemoGcpDistribution d;
    d.bucketCounts.fill(0, buckets.count());
    if (count <= 0 || median <= 0 || sigma <= 0)
        return d;
    const double mu = std::log(median);
    // The CDF at each finite bucket bound scale·g^i (i = 0…N), from the bounds' logarithms; far
    // in the tails the CDF is 0 or 1 without calling erfc.
    const double logScale = std::log(buckets.scale);
    const double logGrowth = std::log(buckets.growthFactor);
    const auto cdfAtBound = [&](int i) {
        const double z = (logScale + double(i) * logGrowth - mu) / sigma;
        return z < -9.0 ? 0.0 : z > 9.0 ? 1.0 : normalCdf(z);
    };
    QList<double> remainders(buckets.count());
    qint64 assigned = 0;
    double below = 0; // CDF at the current bucket's lower bound (0 for the underflow bucket)
    for (int b = 0; b < buckets.count(); ++b) {
        const double above = b > buckets.numFiniteBuckets ? 1.0 : cdfAtBound(b);
        const double expected = double(count) * (above - below);
        below = above;
        const double whole = std::floor(expected);
        d.bucketCounts[b] = qint64(whole);
        remainders[b] = expected - whole;
        assigned += qint64(whole);
    }
    // Largest remainders first (ties: the lower bucket), so the counts add up to `count`.
    QList<int> order(buckets.count());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return remainders[a] > remainders[b]; });
    for (int i = 0; assigned < count && i < order.size(); ++i, ++assigned)
        ++d.bucketCounts[order[i]];
    d.count = count;
    d.mean = median * std::exp(sigma * sigma / 2.0);
    const double variance = (std::exp(sigma * sigma) - 1.0) * std::exp(2.0 * mu + sigma * sigma);
    d.sumOfSquaredDeviation = variance * double(count);
    return d;
}

void DemoGcpDistribution::merge(const DemoGcpDistribution &other) {
    if (other.count == 0)
        return;
    if (bucketCounts.size() < other.bucketCounts.size())
        bucketCounts.resize(other.bucketCounts.size(), 0);
    for (int b = 0; b < other.bucketCounts.size(); ++b)
        bucketCounts[b] += other.bucketCounts.at(b);
    if (count == 0) {
        count = other.count;
        mean = other.mean;
        sumOfSquaredDeviation = other.sumOfSquaredDeviation;
        return;
    }
    const double n1 = double(count);
    const double n2 = double(other.count);
    const double delta = other.mean - mean;
    count += other.count;
    mean += delta * n2 / double(count);
    sumOfSquaredDeviation += other.sumOfSquaredDeviation + delta * delta * n1 * n2 / double(count);
}

double DemoGcpDistribution::percentile(const DemoGcpBuckets &buckets, double p) const {
    if (count <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * double(count);
    double before = 0;
    for (int b = 0; b < bucketCounts.size(); ++b) {
        const double n = double(bucketCounts.at(b));
        if (n <= 0)
            continue;
        if (before + n >= rank) {
            const double lower = b == 0 ? 0.0 : buckets.lowerBound(b);
            if (b > buckets.numFiniteBuckets) // overflow: no upper bound to interpolate towards
                return lower;
            const double upper = buckets.upperBound(b);
            return lower + (upper - lower) * std::clamp((rank - before) / n, 0.0, 1.0);
        }
        before += n;
    }
    return buckets.lowerBound(int(bucketCounts.size()) - 1);
}

QJsonObject DemoGcpDistribution::toJson(const DemoGcpBuckets &buckets) const {
    QJsonObject o{{QStringLiteral("count"), QString::number(count)}};
    if (count > 0) {
        o.insert(QStringLiteral("mean"), mean);
        o.insert(QStringLiteral("sumOfSquaredDeviation"), sumOfSquaredDeviation);
    }
    o.insert(QStringLiteral("bucketOptions"), DemoGcpCatalog::bucketOptions(buckets));
    qsizetype used = bucketCounts.size();
    while (used > 0 && bucketCounts.at(used - 1) == 0)
        --used;
    if (used > 0) {
        QJsonArray counts;
        for (qsizetype b = 0; b < used; ++b)
            counts.append(QString::number(bucketCounts.at(b)));
        o.insert(QStringLiteral("bucketCounts"), counts);
    }
    return o;
}

} // namespace mlwatch::demo
