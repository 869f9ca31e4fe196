#pragma once

#include "core/catalog/chart_spec.h"
#include "core/model/metric_descriptor.h"

namespace mlwatch::aws {

// The namespaces discovery lists to find an account's SageMaker resources.
QStringList catalogNamespaces();

// Builds the five tabs' charts from what ListMetrics found in the account (cloud-apis.md §1.8):
// data preparation (processing-job memory), training (CPU vs GPU per training host), evaluation
// (Athena query time, S3 dataset size), deployment (endpoint CPU / memory), monitoring (RED:
// invocations, 4XX/5XX errors, model latency; Model Monitor drift). Pure and deterministic:
// charts come out in stage order, then by resource name.
QList<ChartSpec> buildAwsCharts(const QList<MetricDescriptor> &discovered);

} // namespace mlwatch::aws
