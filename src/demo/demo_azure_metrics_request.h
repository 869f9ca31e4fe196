#pragma once

#include "demo/demo_azure_wire.h"
#include "demo/demo_error.h"

#include <QStringList>

#include <optional>

namespace mlwatch::demo {

// One dimension of a $filter: the values OR'ed together for it, or '*' (split by it).
struct DemoAzureFilterTerm {
    QString dimension;    // as the client wrote it (matched case-insensitively)
    QStringList values;   // "eq" values
    QStringList prefixes; // "sw" values
    bool all = false;     // eq '*'
};

// A metrics query as the ARM metrics API (GET {resourceUri}/providers/Microsoft.Insights/metrics,
// cloud-apis.md §2.3) or the batch data plane (POST …/metrics:getBatch, §2.4) states it, after
// decoding. The two differ only on the wire: timespan vs starttime/endtime, $filter vs filter,
// and which parameters are required.
struct DemoAzureMetricsRequest {
    qint64 startMs = 0;
    qint64 endMs = 0;
    std::optional<qint64> grainMs = 60 * 1000; // nullopt = FULL (one point for the whole span)
    QStringList metricNames;                   // decoded ("%2" → ','); empty = the default metric
    QStringList aggregations;                  // lower-case; empty = each metric's primary one
    QString metricNamespace;                   // empty = the resource type
    QList<DemoAzureFilterTerm> filter;
    int top = 10;    // series per metric (per resource in a batch) when the filter splits
    QString orderBy; // lower-case aggregation; empty = the first one requested
    bool ascending = false;
    bool autoAdjustTimegrain = false;
    bool validateDimensions = true;
    bool metadataOnly = false; // resultType=Metadata

    // `nowMs` resolves the relative forms (a lone duration, a missing time range).
    static DemoOutcome<DemoAzureMetricsRequest> fromArm(const DemoAzureParams &params, qint64 nowMs);
    static DemoOutcome<DemoAzureMetricsRequest> fromBatch(const DemoAzureParams &params, qint64 nowMs);

    // "A eq 'a1' and B eq 'b1' or B eq 'b2' and C eq '*'" (eq / sw; 'or' only between values of
    // one dimension; parentheses ignored; '' escapes a quote).
    static DemoOutcome<QList<DemoAzureFilterTerm>> parseFilter(const QString &text);
};

} // namespace mlwatch::demo
