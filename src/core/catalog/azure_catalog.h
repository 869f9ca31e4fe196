#pragma once

#include "core/catalog/chart_spec.h"
#include "core/model/metric_descriptor.h"

#include <QStringList>

namespace mlwatch::azure {

// The resource types discovery lists to find an account's Azure ML resources (workspaces, their
// compute, online endpoints and deployments, and the storage accounts behind the workspaces).
QStringList catalogResourceTypes();

// Builds the five tabs' charts for one Azure account from what AzureDiscovery found (one
// descriptor per resource: namespaceName = resource type, dimensions resourceId, name, location,
// subscriptionId, resourceGroup, and for children workspace / endpoint / computeType). Metric
// names are Azure Monitor's own (cloud-apis.md §2.6; UsedCapacity of Microsoft.Storage as Azure
// documents it):
//  - data preparation, per AmlCompute cluster (queried on its workspace with ClusterName eq
//    '<cluster>'): Active/Idle Nodes, Active/Idle Cores, CpuUtilization;
//  - training, per cluster: CpuUtilization vs GpuUtilization, GpuMemoryUtilization; per
//    workspace: Started/Completed/Failed Runs per hour (Azure has no "active runs" metric);
//  - evaluation: storage-account UsedCapacity (hourly); per workspace: Model Register
//    Succeeded/Failed per hour (Azure has no dataset query-time metric);
//  - deployment, per online deployment: CpuUtilizationPercentage, CpuMemoryUtilizationPercentage
//    (85 % warns of an out-of-memory kill), DeploymentCapacity, and for a deployment whose
//    "instanceType" isGpuInstanceType(): GpuUtilizationPercentage and GpuMemoryUtilizationPercentage
//    (CPU SKUs publish no GPU series, and an unknown SKU gets no GPU chart); per workspace:
//    Model Deploy Started/Succeeded/Failed per hour;
//  - monitoring, per online endpoint: RED — RequestsPerMinute (Total at 1-minute grain: the
//    unsplit Average is a mean across series, not a count), errors by status class — 5xx
//    (statusCodeClass eq '5xx', with thresholds) and 4xx on a chart of its own —, RequestLatency
//    and RequestLatency_P99 (milliseconds); per workspace with clusters: Quota Utilization
//    Percentage per cluster.
// Every query carries `resource` (the ARM id) and `account` = `accountId`; chart ids are
// "<stage>/<kind>/<accountId>/<resource path>" (resource path: "fraud-scoring",
// "fraud-scoring/blue", "fraud-ml/cpu-cluster"), and every chart has `account` and `cloud`
// ("azure") set. A resource type without charted metrics (e.g. compute instances) gets no chart.
// Pure and deterministic: charts come out in stage order, then by workspace (a workspace's
// endpoints, clusters and storage together), then by resource path, then in the catalog's order.
// True for the VM sizes of Azure's GPU families that online deployments run on — the N-series NC
// (compute: "Standard_NC6s_v3", "Standard_NC24ads_A100_v4"), ND (deep learning:
// "Standard_ND96asr_v4") and NV (visualisation: "Standard_NV12s_v3") —, compared
// case-insensitively, the "Standard_" prefix optional. Everything else (D, E, F series, an empty or
// unknown name such as a Kubernetes instance type) is not a GPU SKU.
bool isGpuInstanceType(const QString &instanceType);

QList<ChartSpec> buildAzureCharts(const QList<MetricDescriptor> &discovered, const QString &accountId);

} // namespace mlwatch::azure
