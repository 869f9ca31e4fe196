#pragma once

namespace mlwatch {

// CloudWatch GetMetricData is billed per metric requested: $0.01 per 1,000 metrics, no free tier,
// whatever the number of datapoints (performance.md §4.1, §4.2). Azure Monitor's metrics batch
// API and Google Cloud Monitoring's reads are not billed per metric read this way.
inline constexpr double kCloudWatchUsdPerMetric = 0.01 / 1000;

// What auto-refresh costs per hour in US dollars, when every refresh requests `metricsPerRefresh`
// CloudWatch metrics (one per MetricDataQuery) every `refreshIntervalSeconds`; 0 when
// auto-refresh is off (interval ≤ 0). Cost does not depend on the window or on incremental
// fetching: CloudWatch bills each metric of each call.
double cloudWatchUsdPerHour(int metricsPerRefresh, int refreshIntervalSeconds);

} // namespace mlwatch
