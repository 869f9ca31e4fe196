#include "demo/demo_azure_catalog.h"

#include <QHash>

namespace mlwatch::demo {

namespace {

QString lowerKey(const QString &namespaceName, const QString &name) {
    return namespaceName.toLower() + QLatin1Char('|') + name.toLower();
}

struct Table {
    QList<DemoAzureMetricDefinition> all;
    QHash<QString, qsizetype> index;

    void add(const char *ns, const QString &name, const char *unit, const char *aggregation,
             const QStringList &dimensions, const QString &displayName = QString()) {
        DemoAzureMetricDefinition d;
        d.namespaceName = QLatin1String(ns);
        d.name = name;
        d.displayName = displayName.isEmpty() ? name : displayName;
        d.unit = QLatin1String(unit);
        d.primaryAggregation = QLatin1String(aggregation);
        d.dimensions = dimensions;
        index.insert(lowerKey(d.namespaceName, d.name), all.size());
        all.append(d);
    }
};

QStringList words(const char *list) {
    return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

Table buildTable() {
    Table t;
    // --- workspaces (names with spaces; the docs give unit Count even for percentages) -------
    const QStringList runDims = words("Scenario RunType PublishedPipelineId ComputeType PipelineStepType "
                                      "ExperimentName");
    for (const char *run :
         {"Completed Runs", "Failed Runs", "Started Runs", "Starting Runs", "Queued Runs", "Preparing Runs",
          "Provisioning Runs", "Finalizing Runs", "Cancelled Runs", "Cancel Requested Runs",
          "Not Responding Runs", "Not Started Runs", "Errors", "Warnings"})
        t.add(kAzureWorkspaceType, QLatin1String(run), "Count", "Total", runDims);
    const QStringList quotaDims = words("Scenario ClusterName");
    for (const char *quota : {"Active Cores", "Active Nodes", "Idle Cores", "Idle Nodes", "Leaving Cores",
                              "Leaving Nodes", "Preempted Cores", "Preempted Nodes", "Total Cores",
                              "Total Nodes", "Unusable Cores", "Unusable Nodes"})
        t.add(kAzureWorkspaceType, QLatin1String(quota), "Count", "Average", quotaDims);
    t.add(kAzureWorkspaceType, QStringLiteral("Quota Utilization Percentage"), "Count", "Average",
          words("Scenario ClusterName VmFamilyName VmPriority"));
    // The reference names no dimensions for the model metrics.
    for (const char *model : {"Model Deploy Started", "Model Deploy Succeeded", "Model Deploy Failed",
                              "Model Register Succeeded", "Model Register Failed"})
        t.add(kAzureWorkspaceType, QLatin1String(model), "Count", "Total", {});
    const QStringList nodeDims = words("Scenario runId NodeId ClusterName");
    const QStringList deviceDims = words("Scenario runId NodeId DeviceId ClusterName");
    t.add(kAzureWorkspaceType, QStringLiteral("CpuUtilization"), "Count", "Average", nodeDims,
          QStringLiteral("CPU Utilization"));
    t.add(kAzureWorkspaceType, QStringLiteral("GpuUtilization"), "Count", "Average", deviceDims,
          QStringLiteral("GPU Utilization"));
    t.add(kAzureWorkspaceType, QStringLiteral("GpuMemoryUtilization"), "Count", "Average", deviceDims,
          QStringLiteral("GPU Memory Utilization"));
    t.add(kAzureWorkspaceType, QStringLiteral("GpuEnergyJoules"), "Count", "Total", deviceDims);
    const QStringList runResourceDims = words("RunId InstanceId ComputeName");
    const QStringList runDeviceDims = words("RunId InstanceId DeviceId ComputeName");
    for (const char *perRun :
         {"CpuUtilizationPercentage", "CpuUtilizationMillicores", "CpuCapacityMillicores",
          "CpuMemoryUtilizationPercentage", "CpuMemoryUtilizationMegabytes", "CpuMemoryCapacityMegabytes",
          "DiskAvailMegabytes", "DiskUsedMegabytes", "DiskReadMegabytes", "DiskWriteMegabytes",
          "NetworkInputMegabytes", "NetworkOutputMegabytes", "IBReceiveMegabytes", "IBTransmitMegabytes",
          "StorageAPISuccessCount", "StorageAPIFailureCount"})
        t.add(kAzureWorkspaceType, QLatin1String(perRun), "Count", "Average", runResourceDims);
    for (const char *perRunGpu :
         {"GpuUtilizationPercentage", "GpuUtilizationMilliGPUs", "GpuCapacityMilliGPUs",
          "GpuMemoryUtilizationPercentage", "GpuMemoryUtilizationMegabytes", "GpuMemoryCapacityMegabytes"})
        t.add(kAzureWorkspaceType, QLatin1String(perRunGpu), "Count", "Average", runDeviceDims);

    // --- online endpoints (traffic) -------------------------------------------------------------
    t.add(kAzureEndpointType, QStringLiteral("RequestLatency"), "MilliSeconds", "Average",
          {QStringLiteral("deployment")}, QStringLiteral("Request Latency"));
    for (const char *p : {"P50", "P90", "P95", "P99"})
        t.add(kAzureEndpointType, QStringLiteral("RequestLatency_") + QLatin1String(p), "MilliSeconds",
              "Average", {}, QStringLiteral("Request Latency ") + QLatin1String(p));
    t.add(kAzureEndpointType, QStringLiteral("RequestsPerMinute"), "Count", "Average",
          words("deployment statusCode statusCodeClass modelStatusCode"),
          QStringLiteral("Requests Per Minute"));
    t.add(kAzureEndpointType, QStringLiteral("ConnectionsActive"), "Count", "Average", {},
          QStringLiteral("Active Connection Count"));
    t.add(kAzureEndpointType, QStringLiteral("NewConnectionsPerSecond"), "CountPerSecond", "Average", {},
          QStringLiteral("New Connections Per Second"));
    t.add(kAzureEndpointType, QStringLiteral("NetworkBytes"), "BytesPerSecond", "Average", {},
          QStringLiteral("Network Bytes"));
    t.add(kAzureEndpointType, QStringLiteral("DataCollectionEventsPerMinute"), "Count", "Average",
          words("deployment type"));
    t.add(kAzureEndpointType, QStringLiteral("DataCollectionErrorsPerMinute"), "Count", "Average",
          words("deployment reason type"));

    // --- online deployments (resource + traffic) --------------------------------------------------
    const QStringList instance{QStringLiteral("instanceId")};
    t.add(kAzureDeploymentType, QStringLiteral("CpuUtilizationPercentage"), "Percent", "Average", instance,
          QStringLiteral("CPU Utilization Percentage"));
    t.add(kAzureDeploymentType, QStringLiteral("CpuMemoryUtilizationPercentage"), "Percent", "Average",
          instance, QStringLiteral("CPU Memory Utilization Percentage"));
    t.add(kAzureDeploymentType, QStringLiteral("GpuUtilizationPercentage"), "Percent", "Average", instance,
          QStringLiteral("GPU Utilization Percentage"));
    t.add(kAzureDeploymentType, QStringLiteral("GpuMemoryUtilizationPercentage"), "Percent", "Average",
          instance, QStringLiteral("GPU Memory Utilization Percentage"));
    t.add(kAzureDeploymentType, QStringLiteral("DiskUtilization"), "Percent", "Average",
          words("instanceId disk"), QStringLiteral("Disk Utilization"));
    t.add(kAzureDeploymentType, QStringLiteral("GpuEnergyJoules"), "Count", "Total", instance);
    t.add(kAzureDeploymentType, QStringLiteral("DeploymentCapacity"), "Count", "Average",
          words("instanceId State"), QStringLiteral("Deployment Capacity"));
    t.add(kAzureDeploymentType, QStringLiteral("DataCollectionEventsPerMinute"), "Count", "Average",
          words("instanceId type"));
    t.add(kAzureDeploymentType, QStringLiteral("DataCollectionErrorsPerMinute"), "Count", "Average",
          words("instanceId reason type"));
    for (const char *p : {"P50", "P90", "P95", "P99"})
        t.add(kAzureDeploymentType, QStringLiteral("RequestLatency_") + QLatin1String(p), "MilliSeconds",
              "Average", {}, QStringLiteral("Request Latency ") + QLatin1String(p));
    t.add(kAzureDeploymentType, QStringLiteral("RequestsPerMinute"), "Count", "Average",
          {QStringLiteral("envoy_response_code")}, QStringLiteral("Requests Per Minute"));

    // --- storage account behind the workspace (NOT in cloud-apis.md; Azure's documented shape) ---
    t.add(kAzureStorageType, QStringLiteral("UsedCapacity"), "Bytes", "Average", {},
          QStringLiteral("Used capacity"));
    t.all.last().minGrainMinutes = 60;
    t.all.last().inReference = false;
    return t;
}

const Table &table() {
    static const Table t = buildTable();
    return t;
}

} // namespace

const QList<DemoAzureMetricDefinition> &DemoAzureCatalog::all() {
    return table().all;
}

const DemoAzureMetricDefinition *DemoAzureCatalog::find(const QString &namespaceName, const QString &name) {
    const Table &t = table();
    const auto it = t.index.constFind(lowerKey(namespaceName, name));
    return it == t.index.constEnd() ? nullptr : &t.all.at(*it);
}

QList<const DemoAzureMetricDefinition *> DemoAzureCatalog::ofNamespace(const QString &namespaceName) {
    QList<const DemoAzureMetricDefinition *> result;
    for (const DemoAzureMetricDefinition &d : table().all)
        if (d.namespaceName.compare(namespaceName, Qt::CaseInsensitive) == 0)
            result.append(&d);
    return result;
}

} // namespace mlwatch::demo
