#pragma once

#include <QString>

namespace mlwatch {

struct MetricQuery;

// What a series measures, whatever the cloud calls it: the insight rules are written against
// roles, and one table (insight_roles.cpp) maps every catalog's metric names onto them, so a
// rule works for each provider that has the metric.
enum class SeriesRole {
    Unknown,
    Cpu,       // CPU utilisation (percent or fraction)
    Gpu,       // GPU / accelerator utilisation
    Memory,    // host memory (percent; Google's serving memory is bytes and fits no % rule)
    GpuMemory, // GPU / accelerator memory utilisation
    Latency,   // request latency (µs, ms or s)
    ErrorRate, // failed requests as a share of all (percent or fraction)
    Errors,    // failed requests per period (server errors: 5xx and the like; not clients' 4xx)
    Requests,  // requests per period, or per second (Unit::CountPerSecond)
    QueryTime, // execution time of evaluation queries
    Storage    // bytes stored (datasets)
};

// How the cloud aggregated the samples of a period into the datapoint.
enum class SeriesAggregate { Average, Maximum, Minimum, Sum, Percentile, Other };

struct SeriesRoleInfo {
    SeriesRole role = SeriesRole::Unknown;
    SeriesAggregate aggregate = SeriesAggregate::Other;
    int percentile = 0; // with SeriesAggregate::Percentile: 50, 99, …
};

// The role and aggregate of a query's series. Pure; every cloud's naming (CloudWatch stats,
// Azure aggregations and "_P99" metrics, Google aligners) is handled here.
SeriesRoleInfo classifySeries(const MetricQuery &query);

} // namespace mlwatch
