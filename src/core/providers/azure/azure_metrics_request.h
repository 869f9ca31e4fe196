#pragma once

#include "core/common/result.h"
#include "core/model/metric_query.h"
#include "core/model/time_range.h"
#include "core/net/http_types.h"
#include "core/providers/azure/azure_config.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace mlwatch::azure {

// Azure Monitor's per-call limits (cloud-apis.md §2.3, §2.4).
inline constexpr int kMaxMetricNamesPerCall = 20;
inline constexpr int kMaxResourcesPerBatch = 50;
// `top` sent whenever a filter splits by a dimension: Azure's default of 10 silently drops
// series (cloud-apis.md §4.16). For getBatch it applies per resource.
inline constexpr int kTopWhenSplitting = 100;

enum class AzureCallKind {
    Arm,   // GET {resourceId}/providers/Microsoft.Insights/metrics: one resource, ARM token
    Batch, // POST {region host}/subscriptions/{sub}/metrics:getBatch: ≤ 50 resources, data-plane token
};

// One metrics call and the queries it answers. Every query of a call shares the metric
// namespace, interval, aggregation and dimension filter; they differ in metric name and (Batch)
// resource.
struct AzureMetricsCall {
    AzureCallKind kind = AzureCallKind::Arm;
    QString subscriptionId;   // from the resource ids
    QString region;           // Batch: the resources' common location, lower-case
    QString metricNamespace;  // may be empty for Arm (the resource type's platform metrics)
    QStringList metricNames;  // ≤ kMaxMetricNamesPerCall, distinct (Azure names are case-insensitive)
    int intervalSeconds = 60; // one of the grains Azure accepts
    QString aggregation;      // Average | Minimum | Maximum | Total | Count
    QList<Dimension> filter;  // the queries' dimensions ($filter / filter)
    QStringList resourceIds;  // Arm: exactly one; Batch: 1 … kMaxResourcesPerBatch
    QList<MetricQuery> queries;
    TimeRange range; // the fetch's range, start aligned down to the interval

    bool splits() const; // some filter value is '*'
};

// A query that cannot be sent as asked, with the reason (no resource id, unknown aggregation …).
struct RejectedQuery {
    MetricQuery query;
    Error error;
};

struct AzureMetricsPlan {
    QList<AzureMetricsCall> calls;
    QList<RejectedQuery> rejected;
};

// Plans the fewest calls the limits allow, preferring getBatch (it spares the subscription's ARM
// read budget, cloud-apis.md §2.4): queries are grouped by (subscription, region, metric
// namespace, interval, aggregation, filter) and by the set of metric names asked per resource;
// each group becomes ⌈names / 20⌉ × ⌈resources / 50⌉ batch calls. A query whose resource has no
// known region (`regionByResourceId`, keys lower-cased ARM ids) or no metric namespace goes
// through the per-resource ARM GET, grouped per resource the same way. Queries with the same
// series key are asked once.
AzureMetricsPlan planAzureMetricsCalls(const QList<MetricQuery> &queries, const TimeRange &range,
                                       const QHash<QString, QString> &regionByResourceId);

// The unauthorised request for a call (the provider adds the bearer token). `callName` says
// which call failed in messages: "Azure Monitor metrics for ep1", "metrics:getBatch (50 resources)".
HttpRequest buildMetricsRequest(const AzureEndpointConfig &endpoint, const AzureMetricsCall &call);
HttpRequest buildArmMetricsRequest(const AzureEndpointConfig &endpoint, const AzureMetricsCall &call);
HttpRequest buildBatchMetricsRequest(const AzureEndpointConfig &endpoint, const AzureMetricsCall &call);

// ---- the pieces, public for tests and the CLI ------------------------------------------------

// "Average", "Minimum", "Maximum", "Total", "Count" from any capitalisation, also from the
// CloudWatch habits "Sum" and "SampleCount"; nullopt for anything else.
std::optional<QString> canonicalAggregation(const QString &stat);
// The smallest grain Azure accepts (PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H, P1D) that is at
// least `seconds`; P1D beyond. An unsupported interval is a 400 otherwise (cloud-apis.md §4.18).
int supportedIntervalSeconds(int seconds);
// ISO 8601 duration: 60 → "PT1M", 5400 → "PT1H30M", 86400 → "P1D".
QString isoDuration(int seconds);
// The inverse, for --interval: "PT5M" → 300; nullopt when not a P[nD][T[nH][nM][nS]] duration.
std::optional<int> parseIsoDuration(const QString &text);
// ARM `timespan`: "2024-05-01T12:00:00Z/2024-05-01T13:00:00Z", UTC with 'Z' (never "+00:00",
// whose '+' turns into a space, cloud-apis.md §4.15); start floored, end ceiled to the second.
QString armTimespan(const TimeRange &range);
// getBatch starttime / endtime: "2024-05-01T12:00:00.000Z".
QString batchTime(qint64 ms);
// "a eq 'x' and b eq '*'" (OData: a quote inside a value is doubled).
QString filterExpression(const QList<Dimension> &dimensions);
// The inverse, for --filter: equalities joined by "and". `or` and `sw` have no place in a
// MetricQuery and give BadArgument naming them.
Result<QList<Dimension>> parseFilterExpression(const QString &text);
// The metricnames query value as it goes on the wire: names percent-encoded (a space is %20),
// a comma inside a name first written as "%2" (Azure's escape, so on the wire "%252"), the
// names joined by literal commas.
QByteArray encodeMetricNames(const QStringList &names);
// Pieces of an ARM id "/subscriptions/{sub}/resourceGroups/{rg}/providers/…/{name}";
// empty when absent. Segment names are matched case-insensitively, as ARM does.
QString subscriptionOf(const QString &resourceId);
QString resourceGroupOf(const QString &resourceId);
QString resourceNameOf(const QString &resourceId);

} // namespace mlwatch::azure
