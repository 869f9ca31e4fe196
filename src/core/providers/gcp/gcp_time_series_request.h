#pragma once

#include "core/common/result.h"
#include "core/model/metric_query.h"
#include "core/model/time_range.h"
#include "core/net/http_types.h"
#include "core/providers/gcp/gcp_config.h"

#include <QStringList>

#include <optional>

namespace mlwatch::gcp {

// Cloud Monitoring v3 projects.timeSeries.list (cloud-apis.md §3.2).
//
// How a MetricQuery maps onto it (the shared contract of issue 5):
//   namespaceName  the monitored-resource type ("aiplatform.googleapis.com/Endpoint"); may be empty
//   metricName     the full metric type ("aiplatform.googleapis.com/prediction/online/prediction_count")
//   resource       "projects/PROJECT" (a bare project id is accepted too)
//   dimensions     label equalities, named "resource.labels.X" or "metric.labels.X" (the singular
//                  "resource.label.X" is read the same); the value "*" keeps that label as a split
//   stat           the per-series aligner, optionally "|" and the cross-series reducer:
//                  "ALIGN_PERCENTILE_99", "ALIGN_RATE|REDUCE_SUM", "ALIGN_MEAN"; "" or "ALIGN_NONE"
//                  asks for the raw points
//   periodSeconds  aggregation.alignmentPeriod (at least 60 s, cloud-apis.md §4.26)
//   a dimension named kUserFilterDimension ("filter", not a label name): its value is a Cloud
//                  Monitoring filter expression of the user's (OR, NOT, starts_with(), one_of() …),
//                  ANDed, parenthesised, to the clauses built from the fields above and sent as
//                  written; Google judges it (a malformed one is its 400 INVALID_ARGUMENT). It is
//                  part of seriesKey() like any dimension, so queries without it keep their keys,
//                  and queries with different expressions never share a call.
//
// How many requests: a filter names exactly one metric type, and a call has one interval and one
// aggregation, so the reference's floor is one call per distinct (project, metric type, resource
// type, aligner, reducer, alignment period), times ⌈points / pageSize⌉ pages — Google has no
// batching across metric types. planTimeSeriesCalls() reaches that floor for queries that differ
// only in the value of one label (the usual "same chart for every endpoint"): they share one call
// whose filter says `label = one_of("a","b",…)` and, with a reducer, whose groupByFields keep that
// label, so every query gets exactly the series it would have got alone. Queries that differ in
// the *set* of labels they filter on are not merged: that would not be exactly equivalent.

inline constexpr int kDefaultPageSize = 100000; // Google's cap: points for FULL, series for HEADERS
inline constexpr int kMinAlignmentSeconds = 60;
// Values per one_of(): keeps a filter far below any length limit (a choice of MLWatch, not a
// documented Google number).
inline constexpr int kMaxOneOfValues = 50;
// The MetricQuery dimension that carries a raw filter expression (see the top of this file).
inline constexpr char kUserFilterDimension[] = "filter";

enum class GcpView {
    Full,    // points
    Headers, // series identities only (discovery)
};

// MetricQuery::stat read as "ALIGNER[|REDUCER]". Empty fields mean none (ALIGN_NONE, REDUCE_NONE).
struct GcpAggregation {
    QString aligner;
    QString reducer;

    bool aligns() const { return !aligner.isEmpty(); }
    friend bool operator==(const GcpAggregation &, const GcpAggregation &) = default;
};
// Case-insensitive, normalised to upper case. BadArgument for an unknown aligner or reducer, more
// than one '|', or a reducer without an aligner (Google requires one, cloud-apis.md §4.26).
Result<GcpAggregation> parseAggregation(const QString &stat);

// A dimension name as a label of the series.
struct GcpLabelRef {
    enum class Scope { Resource, Metric };
    Scope scope = Scope::Resource;
    QString key; // "endpoint_id"

    QString filterName() const;  // "resource.labels.endpoint_id" (the filter's form)
    QString groupByName() const; // "resource.label.endpoint_id" (groupByFields' form, as Grafana sends)
    friend bool operator==(const GcpLabelRef &, const GcpLabelRef &) = default;
};
// "resource.labels.X", "resource.label.X", "metric.labels.X", "metric.label.X"; X is a label key
// (letters, digits, '_' and '-'). Anything else is nullopt: names go into the filter unquoted.
std::optional<GcpLabelRef> parseLabelName(const QString &name);

// One timeSeries.list call (all its pages) and the queries it answers.
struct GcpTimeSeriesCall {
    QString project;
    QString metricType;
    QString resourceType;     // empty: no resource.type clause
    QList<Dimension> filter;  // fixed equalities, canonical names (filterName()), sorted by name
    QString mergedLabel;      // canonical name of the label whose values the merged queries differ in
    QStringList mergedValues; // its values (≥ 2 when set), first-seen order
    QString userFilter;       // a kUserFilterDimension expression, ANDed in parentheses; empty = none
    GcpAggregation aggregation;
    // groupByName() forms; sent only with a reducer (Google ignores them otherwise).
    QStringList groupByFields;
    int alignmentSeconds = kMinAlignmentSeconds;
    TimeRange range; // start floored, end ceiled to whole seconds
    GcpView view = GcpView::Full;
    int pageSize = kDefaultPageSize;
    QList<MetricQuery> queries;

    // metric.type = "…" AND resource.type = "…" AND <label> = "…" … AND <merged> = one_of("…","…")
    //   [AND (<userFilter>)]
    QString filterText() const;
};

// A query that cannot be sent as asked, with the reason (unknown aligner, no project …).
struct RejectedQuery {
    MetricQuery query;
    Error error;
};

struct GcpTimeSeriesPlan {
    QList<GcpTimeSeriesCall> calls;
    QList<RejectedQuery> rejected;
};

// Plans the calls for a fetch (see the top of this file): one per shape, queries differing only in
// one label's value merged, queries with the same series key asked once.
GcpTimeSeriesPlan planTimeSeriesCalls(const QList<MetricQuery> &queries, const TimeRange &range);

// GET {monitoring}/v3/projects/{project}/timeSeries?filter=…&interval.startTime=…&interval.endTime=…
//   [&aggregation.alignmentPeriod=300s&aggregation.perSeriesAligner=…[&aggregation.crossSeriesReducer=…
//   &aggregation.groupByFields=…]…]&view=FULL&pageSize=…[&pageToken=…]
// Every value fully percent-encoded. Unauthorised: the provider adds the bearer token.
HttpRequest buildTimeSeriesRequest(const GcpEndpointConfig &endpoint, const GcpTimeSeriesCall &call,
                                   const QString &pageToken = {});

// ---- the pieces, public for tests, discovery and the CLI ----------------------------------------

// A filter string literal: "…" with '\' and '"' escaped by a backslash.
QString quoteFilterString(const QString &value);
// RFC 3339 UTC with 'Z', whole seconds: "2024-05-01T12:00:00Z".
QString rfc3339(qint64 ms);
// A proto3 duration: 300 → "300s".
QString durationText(int seconds);
// "projects/p" or "p" → "p". BadArgument for anything else (folders, organizations, empty).
Result<QString> projectOf(const QString &resource);
// "aiplatform.googleapis.com/prediction/online/prediction_count" → "prediction/online/prediction_count"
// (the service prefix dropped), for messages.
QString shortMetricType(const QString &metricType);
// "timeSeries.list (prediction/online/prediction_count, project my-proj)": names the call in messages.
QString timeSeriesCallName(const GcpTimeSeriesCall &call);

} // namespace mlwatch::gcp
