#pragma once

#include "core/catalog/chart_spec.h"
#include "core/model/metric_descriptor.h"

#include <QStringList>

#include <optional>

namespace mlwatch::gcp {

// The monitored-resource types discovery lists to find an account's Vertex AI resources:
// endpoints (with their deployed models) and custom training jobs (cloudml_job).
QStringList catalogResourceTypes();

// Builds the five tabs' charts for one Google account from what GcpDiscovery found (one descriptor
// per resource: namespaceName = the monitored-resource type, dimensions "project",
// "resource.labels.endpoint_id" / "resource.labels.job_id", "name", and for a deployed model
// "metric.labels.deployed_model_id", with "machineType" / "acceleratorType" where discovery learnt
// them). Metric types are cloud-apis.md §3.4's only:
//  - data preparation, per project (Dataflow jobs are not discovered; the charts add up the
//    project's jobs): job/current_num_vcpus (sum), job/total_memory_usage_time (GBy.s, cumulative:
//    the newest total, summed), job/system_lag (the worst job, seconds);
//  - training, per custom job (cloudml_job): training/cpu/utilization vs
//    training/accelerator/utilization, training/accelerator/memory/utilization (fractions, shown
//    as %);
//  - evaluation, per project: BigQuery query/execution_times p50/p99 of batch queries and p50 of
//    interactive ones (seconds), Cloud Storage storage/v2/total_bytes of live objects (all
//    buckets, measured once a day);
//  - deployment, per endpoint with a deployed model: prediction/online/cpu/utilization (mean and
//    busiest replica, fractions shown as %), memory/bytes_used (the fullest replica; lines at
//    85 % / 90 % of the machine's memory when all its deployed models run on one machine type
//    machineMemoryGiB() knows), accelerator/duty_cycle (mean and busiest replica, fractions) only
//    when a deployed model has accelerators ("acceleratorType" set: from the Vertex list's
//    machineSpec, or the model reported duty cycles), replicas vs target_replicas;
//  - monitoring, per endpoint with a deployed model: RED — prediction_count as a rate (per
//    second), error_count per minute (with thresholds), prediction_latencies (latency_type
//    "total") p50/p99 in milliseconds (with thresholds); per project: Vertex AI Model
//    Monitoring's model_monitoring/feature_drift_deviation and prediction_output_drift_deviation
//    (resource aiplatform.googleapis.com/Model, the worst feature, hourly; empty without a
//    monitoring schedule).
// Every query carries `resource` ("projects/<project>"), `account` = `accountId`, and a stat
// "<aligner>|<reducer>" so that exactly one series comes back per chart line. Chart ids are
// "<stage>/<kind>/<accountId>/<resource path>" (path: the endpoint's or job's display name, or
// the project id); every chart has `account` and `cloud` ("gcp") set. Endpoints without a
// deployed model get no chart (nothing serves, nothing reports). Pure and deterministic: charts
// come out in stage order, then by resource path, then in the catalog's order.
// The memory of a Compute Engine machine type Vertex AI serves on, in GiB (Google writes "GB"):
// the N1, N2, N2D, E2 standard / highmem / highcpu families, C2 and G2 standard by vCPUs
// ("n1-standard-4" → 15), A2 by GPUs ("a2-highgpu-1g" → 85). nullopt for anything else.
std::optional<double> machineMemoryGiB(const QString &machineType);

QList<ChartSpec> buildGcpCharts(const QList<MetricDescriptor> &discovered, const QString &accountId);

} // namespace mlwatch::gcp
