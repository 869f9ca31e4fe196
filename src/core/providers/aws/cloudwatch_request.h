#pragma once

#include "core/model/metric_query.h"
#include "core/model/time_range.h"
#include "core/net/http_types.h"
#include "core/providers/aws/aws_credentials.h"

namespace mlwatch::aws {

// CloudWatch's per-call limits for GetMetricData (cloud-apis.md §1.5).
inline constexpr int kMaxQueriesPerCall = 500;
inline constexpr qint64 kMaxDatapointsPerCall = 100800;

// One GetMetricData call's worth of queries. Ids are "m0", "m1", … (CloudWatch wants ids that
// start with a lowercase letter), index-paired with `queries`.
struct GetMetricDataBatch {
    QList<MetricQuery> queries;
    QStringList ids;
    TimeRange range; // start aligned down to the largest period, end aligned up
};

// Splits queries into as few calls as the limits allow: at most 500 queries per call and at
// most 100,800 expected datapoints (range / period per query) per call. A single query whose
// range alone exceeds the datapoint cap gets a call of its own (the cloud pages it).
QList<GetMetricDataBatch> planGetMetricDataBatches(const QList<MetricQuery> &queries, const TimeRange &range);

// Builds an unsigned GetMetricData request for the protocol: JSON 1.0
// (X-Amz-Target GraniteServiceVersion20100801.GetMetricData, epoch-second times,
// x-amzn-query-mode: true) or query (form body, ISO 8601 times). Always asks for
// ScanBy=TimestampAscending. `nextToken` is empty for the first page.
HttpRequest buildGetMetricDataRequest(const AwsEndpointConfig &endpoint, const GetMetricDataBatch &batch,
                                      const QString &nextToken);

// Builds an unsigned ListMetrics request for one namespace (optionally one metric name).
HttpRequest buildListMetricsRequest(const AwsEndpointConfig &endpoint, const QString &namespaceName,
                                    const QString &metricName, const QString &nextToken);

} // namespace mlwatch::aws
