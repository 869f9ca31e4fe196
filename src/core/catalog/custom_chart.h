#pragma once

#include "core/auth/account.h"
#include "core/catalog/chart_spec.h"
#include "core/model/metric_descriptor.h"

#include <QList>
#include <QString>

namespace mlwatch {

// One metric a person can chart, as the metric browser lists it under its resource: the query
// is ready to fetch (statistic, period, dimensions, resource and account filled in).
struct BrowsableMetric {
    QString resource;    // as the tabs name it: "churn-endpoint/AllTraffic", "fraud-ml/cpu-cluster"
    QString metricName;  // the cloud's own name ("ModelLatency", "aiplatform.googleapis.com/…")
    QString displayName; // shorter for Google ("prediction/online/cpu/utilization"), else metricName
    MetricQuery query;
    Unit unit = Unit::None; // what the catalogs know of the metric, else None

    friend bool operator==(const BrowsableMetric &, const BrowsableMetric &) = default;
};

// Every metric one account offers for charting, sorted by resource, then display name, then
// dimensions. Pure and deterministic.
//  - AWS: every metric discovery listed (ListMetrics), with all its dimensions. The resource is the
//    catalog's (aws::catalogResourceOf), else the metric's dimension values, else its namespace;
//    statistic, unit and period are the catalog's for that metric (Sum for Invocations, µs for
//    ModelLatency…), else Average, None and 60 s.
//  - Azure and Google: discovery lists resources, not metrics, and neither API is asked for
//    metric definitions, so the metrics offered are the ones the catalog charts for the account's
//    resources (each distinct fetched metric — for a derived rate or error share, its inputs —, filter
//    and queried resource once), with the catalog's
//    aggregation or "<aligner>|<reducer>" — a counter must be aligned as a rate or delta, and an
//    Average of Azure's RequestsPerMinute is a mean across series — and the chart's unit.
QList<BrowsableMetric> browsableMetrics(AccountKind kind, const QString &accountId,
                                        const QList<MetricDescriptor> &discovered);

// The statistics a person may pick for a metric, the metric's own (the default) first: AWS
// Average, Sum, Minimum, Maximum, SampleCount, p50, p90, p99; Azure Average, Total, Minimum,
// Maximum, Count; Google only the catalog's "<aligner>|<reducer>" (which aligners a metric allows
// depends on its kind — gauge, delta, cumulative, distribution — which discovery does not report).
QStringList statisticsFor(AccountKind kind, const BrowsableMetric &metric);

// The chart of one metric a person picked for `stage`: one series (legend = the display name),
// title "<metric> — <resource>", no thresholds, account / accountLabel / cloud set, and the id
// customChartId() gives. With a `statistic` other than the metric's own, the query asks for it,
// the title reads "<metric> (<statistic>) — <resource>" and the id ends in "@<statistic>".
ChartSpec customChart(const BrowsableMetric &metric, Stage stage, AccountKind kind, const QString &accountId,
                      const QString &accountLabel, const QString &statistic = QString());

// "custom/<stage>/<account>/<namespace>/<metric>/<dimensions>": stable across runs (workspaces
// store it) and unique per stage and series. <dimensions> is "name=value" sorted by name and
// comma-joined, led by "resource=<id>" when the query names a resource (Azure, Google); the
// statistic is left out (one custom chart per metric and tab).
QString customChartId(const MetricQuery &query, Stage stage);

// True for the ids customChartId() makes.
bool isCustomChartId(const QString &id);

} // namespace mlwatch
