#pragma once

#include "core/catalog/chart_spec.h"
#include "core/model/metric_descriptor.h"

#include <optional>

namespace mlwatch::aws {

// The namespaces discovery lists to find an account's SageMaker resources.
QStringList catalogNamespaces();

// Builds the five tabs' charts from what ListMetrics found in the account (cloud-apis.md §1.8):
// data preparation (processing-job memory), training (CPU vs GPU per training host), evaluation
// (Athena query time, S3 dataset size), deployment (endpoint CPU / memory), monitoring (RED:
// invocations, 4XX/5XX errors, model latency; Model Monitor drift). Pure and deterministic:
// charts come out in stage order, then by resource name. A resource descriptor (empty metric
// name) with an "instanceType" dimension — what discovery learns from the SageMaker API — sets
// ChartSpec::instanceType of the charts of its namespace and resource.
QList<ChartSpec> buildAwsCharts(const QList<MetricDescriptor> &discovered);

// What the catalog knows of one metric, for charts people add themselves (the metric browser).
struct CatalogMetricDefaults {
    QString stat; // the statistic of the first catalog series that fetches it
    Unit unit = Unit::None;
    int periodSeconds = 60; // the finest period worth asking for
};
// The defaults of the first catalog series that fetches `metricName` of `namespaceName` (prefix
// series such as feature_baseline_drift_<feature> included); nullopt when the catalog has none.
std::optional<CatalogMetricDefaults> catalogDefaultsFor(const QString &namespaceName,
                                                        const QString &metricName);
// The resource a discovered metric belongs to as the catalog names it ("churn-endpoint/AllTraffic",
// "churn-train-2026-11/algo-1"): the "/"-joined values of the resource dimensions of the first rule
// of its namespace whose resource dimensions it carries (extra dimensions such as InstanceId are
// allowed); empty when no rule fits.
QString catalogResourceOf(const MetricDescriptor &metric);

} // namespace mlwatch::aws
