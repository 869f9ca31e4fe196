#pragma once

#include "demo/demo_gcp_list_request.h"
#include "demo/demo_gcp_story.h"

namespace mlwatch::demo {

// Answers projects.timeSeries.list from the story in Google's exact shapes (cloud-apis.md §3.2):
//  - the series of the filter's metric type whose labels match the filter; data exists from
//    30 days before the anchor up to the server's data clock ("now");
//  - a point is in the interval when start < endTime <= end (or endTime = end when start = end);
//    points come NEWEST FIRST, each with its interval (GAUGE: startTime = endTime; DELTA: the
//    minute, or the alignment period);
//  - with an aligner, the periods end at interval.endTime, endTime − period, …: period k holds
//    the points with endTime in (end − (k+1)·period, end − k·period]; periods without points
//    are left out (no interpolation);
//  - a cross-series reducer combines the aligned series that share the groupByFields' values;
//    the reduced series keep only those labels (and the resource type);
//  - int64Value, distribution count and bucketCounts are JSON strings (proto3's int64 mapping);
//    doubleValue is a number ("NaN" / "Infinity" as strings); distributionValue appears where
//    the value type stays DISTRIBUTION (ALIGN_NONE, ALIGN_DELTA, ALIGN_SUM, REDUCE_SUM);
//  - no matching series: the body is `{}`;
//  - paging: FULL pages hold at most pageSize points, whole series first; a series longer than
//    a page is continued on the next page under the same metric and resource (concatenate by
//    identity); HEADERS pages hold at most pageSize series. nextPageToken is bound to the
//    request's other parameters.
class DemoGcpTimeSeries {
public:
    DemoGcpTimeSeries(const DemoGcpWorld &world, qint64 historyStartMs, QString projectId);

    // One page of the answer. `nowMs` is the server's data clock: later points do not exist yet.
    DemoGcpOutcome<QJsonObject> list(const DemoGcpListRequest &request, qint64 nowMs) const;

private:
    const DemoGcpWorld &m_world;
    qint64 m_historyStartMs = 0;
    QString m_projectId;
};

} // namespace mlwatch::demo
