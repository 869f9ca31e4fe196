#pragma once

#include <QByteArray>
#include <QStringList>

namespace mlwatch::bench {

// What one generated GetMetricData page holds. The default is a full page at CloudWatch's
// per-call limit: 10 queries × 10 080 one-minute points (7 days) = 100 800 datapoints.
struct CloudWatchPageSpec {
    int queries = 10;
    int pointsPerQuery = 10080;
    qint64 startEpochSeconds = 1714521600; // 2024-05-01T00:00:00Z
    int periodSeconds = 60;
    quint64 seed = 1; // same seed, same bytes
};

struct CloudWatchPage {
    QByteArray body;    // AWS JSON 1.0 GetMetricData response
    QStringList ids;    // MetricDataResults[].Id, in order
    qint64 firstMs = 0; // first and last timestamp of every query (they share the time axis)
    qint64 lastMs = 0;
    qsizetype points = 0; // over all queries
};

// Builds a page the way CloudWatch's JSON 1.0 protocol writes it: MetricDataResults with Id,
// Label, Timestamps (integer epoch seconds, ascending as with ScanBy=TimestampAscending), Values
// and StatusCode "Complete". Values are utilisation percentages in [0, 100] (a daily cycle plus
// a random walk) written with full double precision, as CloudWatch's averages are, so the page
// is about 30 bytes a datapoint like the real thing (performance.md §4.2). Deterministic: a
// fixed-seed mt19937_64, and numbers formatted with std::to_chars.
class CloudWatchPageGenerator {
public:
    static CloudWatchPage generate(const CloudWatchPageSpec &spec);
};

} // namespace mlwatch::bench
