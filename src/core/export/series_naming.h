#pragma once

#include <QString>

namespace mlwatch {

struct MetricQuery;

// How exports name a series and its unit: the `series` and `unit` columns of long-form CSV (the
// CLI's `query` output, chart exports and the weekly review's data folder) and the column
// headers of wide-form CSV. Locale-independent: scripts match on these strings.
class SeriesNaming {
public:
    // "AWS/SageMaker:Invocations{EndpointName=churn-model-prod,VariantName=AllTraffic}:Sum":
    // dimensions sorted by name (CloudWatch's identity ignores their order), braces left out
    // when there are none.
    static QString seriesName(const MetricQuery &query);

    // CloudWatch's unit name for the metrics MLWatch knows ("Microseconds" for ModelLatency,
    // "Percent" for *Utilization, …); for an Azure Monitor namespace ("Microsoft.…") Azure's
    // name ("MilliSeconds" for RequestLatency_P99, "Count" for Active Cores, …); else empty.
    // Raw units: nothing is converted.
    static QString unitName(const MetricQuery &query);
};

} // namespace mlwatch
