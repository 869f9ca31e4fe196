#pragma once

#include <QString>

namespace mlwatch {

// How far behind "now" a cloud's newest datapoints are still missing because the cloud has not
// published them yet: the window a chart shades as "not yet published" instead of letting the
// trailing empty minutes read as a drop to zero (cloud-apis.md §4 pitfall 28, anchors.md §4.4).
//
// delay = one period (the newest bucket is still filling, and a datapoint is stamped with its
// bucket's start) + the cloud's ingest latency after the bucket closes:
//   aws   (CloudWatch)        60 s → 2 min for 1-minute metrics (anchors.md §4.4 "~2 min for
//                             1-min CloudWatch", §5 "AWS ≥ 2 min (1-min metrics)")
//   azure (Azure Monitor)    240 s → 5 min at a 1-minute grain (anchors.md §1.1/§5 "Azure ~4–5 min")
//   gcp   (Cloud Monitoring) 300 s → 6 min at a 60 s alignment (cloud-apis.md §4 pitfall 28 "up
//                             to 120–360 s for Vertex"; anchors.md §4.4 "up to 6 min for Vertex")
// `cloud` is ChartSpec::cloud: "aws" | "azure" | "gcp"; empty means "aws" (as ChartSpec says).
// An unknown cloud gets the largest latency of the three, so its gap is never read as a drop.
// `periodSeconds` below 1 counts as 60.
class PublicationDelay {
public:
    static int ingestLatencySeconds(const QString &cloud);
    static int seconds(const QString &cloud, int periodSeconds);
    // The metrics service the cloud publishes through, for texts: "CloudWatch", "Azure Monitor",
    // "Cloud Monitoring" (not translated: product names); the cloud id itself when unknown.
    static QString serviceName(const QString &cloud);
};

} // namespace mlwatch
