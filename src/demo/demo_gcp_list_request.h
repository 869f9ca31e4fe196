#pragma once

#include "demo/demo_gcp_catalog.h"
#include "demo/demo_gcp_filter.h"

namespace mlwatch::demo {

// The per-series aligners and cross-series reducers the simulated Cloud Monitoring implements
// (cloud-apis.md §3.2). Others that Google knows (ALIGN_INTERPOLATE, ALIGN_STDDEV, REDUCE_STDDEV
// …) are refused with INVALID_ARGUMENT naming them.
enum class DemoGcpAligner { None, Delta, Rate, Min, Max, Mean, Sum, Count, NextOlder, Percentile };
enum class DemoGcpReducer { None, Sum, Mean, Min, Max, Count, Percentile };

// A validated projects.timeSeries.list request. Query parameter names are Google's JSON names
// (the proto names work too, see DemoGcpParams): filter, interval.startTime, interval.endTime,
// aggregation.alignmentPeriod, aggregation.perSeriesAligner, aggregation.crossSeriesReducer,
// aggregation.groupByFields (repeated), view, pageSize, pageToken. secondaryAggregation.* is
// refused (not simulated); orderBy is ignored, as Google documents it as unsupported.
struct DemoGcpListRequest {
    QString filterText;
    DemoGcpFilter filter;
    const DemoGcpMetricType *metric = nullptr;
    qint64 startMs = 0;
    qint64 endMs = 0;
    DemoGcpAligner aligner = DemoGcpAligner::None;
    QString alignerName = QStringLiteral("ALIGN_NONE");
    double alignerPercentile = 0; // ALIGN_PERCENTILE_xx
    qint64 periodMs = 0;          // 0 with ALIGN_NONE
    DemoGcpReducer reducer = DemoGcpReducer::None;
    QString reducerName = QStringLiteral("REDUCE_NONE");
    double reducerPercentile = 0;
    QStringList groupBy;      // normalised: "metric.labels.x", "resource.labels.y", "resource.type"
    bool headersOnly = false; // view=HEADERS
    int pageSize = kMaxPageSize;
    QString pageToken;
    QByteArray fingerprint; // of every parameter but the paging ones: a page token is bound to it

    static constexpr int kMaxPageSize = 100000; // Google's cap (points for FULL, series for HEADERS)

    // Errors are Google's: INVALID_ARGUMENT for malformed or inconsistent parameters, NOT_FOUND
    // for a metric type the project does not know.
    static DemoGcpOutcome<DemoGcpListRequest> parse(const DemoGcpParams &params);

    // What the aligner and reducer turn the metric into (kind, value type, unit).
    DemoGcpKind alignedKind() const;
    DemoGcpValueType alignedValueType() const;
    DemoGcpValueType outputValueType() const;
    QString outputUnit() const;
};

} // namespace mlwatch::demo
