#include "core/export/series_naming.h"

#include "core/model/metric_query.h"
#include "core/model/unit.h"

#include <QStringList>

#include <algorithm>
#include <optional>

namespace mlwatch {

namespace {

// The units CloudWatch documents for the metrics of MLWatch's catalog (SageMaker endpoints,
// training / processing jobs, Athena, S3 storage). Matching by name is enough: the names do
// not collide across these namespaces.
std::optional<Unit> knownUnit(const QString &metric) {
    struct Entry {
        const char *name;
        Unit unit;
    };
    static constexpr Entry kExact[] = {
        {"Invocations", Unit::None},
        {"InvocationsPerInstance", Unit::None},
        {"Invocation4XXErrors", Unit::None},
        {"Invocation5XXErrors", Unit::None},
        {"InvocationModelErrors", Unit::None},
        {"ModelLatency", Unit::Microseconds},
        {"OverheadLatency", Unit::Microseconds},
        {"ModelSetupTime", Unit::Microseconds},
        {"BucketSizeBytes", Unit::Bytes},
        {"NumberOfObjects", Unit::Count},
        {"TotalExecutionTime", Unit::Milliseconds},
        {"EngineExecutionTime", Unit::Milliseconds},
        {"QueryQueueTime", Unit::Milliseconds},
        {"QueryPlanningTime", Unit::Milliseconds},
        {"ServiceProcessingTime", Unit::Milliseconds},
        {"ProcessedBytes", Unit::Bytes},
    };
    for (const Entry &e : kExact)
        if (metric == QLatin1String(e.name))
            return e.unit;
    // CPUUtilization, MemoryUtilization, GPUUtilization, GPUMemoryUtilization, DiskUtilization.
    if (metric.endsWith(QLatin1String("Utilization")))
        return Unit::Percent;
    return std::nullopt;
}

// Azure Monitor metric namespaces are resource types; CloudWatch's are "AWS/…" or "/aws/…".
bool isAzureNamespace(const QString &ns) {
    return ns.startsWith(QLatin1String("Microsoft."), Qt::CaseInsensitive);
}

// The units Azure Monitor's metric definitions give for the Azure ML metrics of cloud-apis.md
// §2.6 (and the storage account's UsedCapacity). Names collide across namespaces
// (CpuUtilizationPercentage is Count on a workspace, Percent on a deployment), so the namespace
// is part of the key; both compare case-insensitively, as Azure does.
std::optional<Unit> knownAzureUnit(const QString &ns, const QString &metric) {
    static constexpr char kWorkspaces[] = "Microsoft.MachineLearningServices/workspaces";
    static constexpr char kEndpoints[] = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints";
    static constexpr char kDeployments[] =
        "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments";
    // Every workspace metric (runs, quota, model, node and per-run resource usage) is documented
    // with unit Count, even the percentages.
    if (ns.compare(QLatin1String(kWorkspaces), Qt::CaseInsensitive) == 0)
        return Unit::Count;
    struct Entry {
        const char *ns;
        const char *name;
        Unit unit;
    };
    static constexpr Entry kExact[] = {
        {kEndpoints, "RequestLatency", Unit::Milliseconds},
        {kEndpoints, "RequestLatency_P50", Unit::Milliseconds},
        {kEndpoints, "RequestLatency_P90", Unit::Milliseconds},
        {kEndpoints, "RequestLatency_P95", Unit::Milliseconds},
        {kEndpoints, "RequestLatency_P99", Unit::Milliseconds},
        {kEndpoints, "RequestsPerMinute", Unit::Count},
        {kEndpoints, "ConnectionsActive", Unit::Count},
        {kEndpoints, "NewConnectionsPerSecond", Unit::CountPerSecond},
        {kEndpoints, "DataCollectionEventsPerMinute", Unit::Count},
        {kEndpoints, "DataCollectionErrorsPerMinute", Unit::Count},
        {kDeployments, "CpuUtilizationPercentage", Unit::Percent},
        {kDeployments, "CpuMemoryUtilizationPercentage", Unit::Percent},
        {kDeployments, "GpuUtilizationPercentage", Unit::Percent},
        {kDeployments, "GpuMemoryUtilizationPercentage", Unit::Percent},
        {kDeployments, "DiskUtilization", Unit::Percent},
        {kDeployments, "GpuEnergyJoules", Unit::Count},
        {kDeployments, "DeploymentCapacity", Unit::Count},
        {kDeployments, "DataCollectionEventsPerMinute", Unit::Count},
        {kDeployments, "DataCollectionErrorsPerMinute", Unit::Count},
        {kDeployments, "RequestLatency_P50", Unit::Milliseconds},
        {kDeployments, "RequestLatency_P90", Unit::Milliseconds},
        {kDeployments, "RequestLatency_P95", Unit::Milliseconds},
        {kDeployments, "RequestLatency_P99", Unit::Milliseconds},
        {kDeployments, "RequestsPerMinute", Unit::Count},
        {"Microsoft.Storage/storageAccounts", "UsedCapacity", Unit::Bytes},
    };
    for (const Entry &e : kExact)
        if (ns.compare(QLatin1String(e.ns), Qt::CaseInsensitive) == 0 &&
            metric.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0)
            return e.unit;
    return std::nullopt;
}

} // namespace

QString SeriesNaming::seriesName(const MetricQuery &query) {
    QString name = query.namespaceName + QLatin1Char(':') + query.metricName;
    QList<Dimension> dims = query.dimensions;
    std::sort(dims.begin(), dims.end(),
              [](const Dimension &a, const Dimension &b) { return a.name < b.name; });
    if (!dims.isEmpty()) {
        QStringList parts;
        for (const Dimension &d : std::as_const(dims))
            parts.append(d.name + QLatin1Char('=') + d.value);
        name += QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    return name + QLatin1Char(':') + query.stat;
}

QString SeriesNaming::unitName(const MetricQuery &query) {
    if (isAzureNamespace(query.namespaceName)) {
        const std::optional<Unit> unit = knownAzureUnit(query.namespaceName, query.metricName);
        return unit ? azureUnitName(*unit) : QString();
    }
    const std::optional<Unit> unit = knownUnit(query.metricName);
    return unit ? cloudWatchUnitName(*unit) : QString();
}

} // namespace mlwatch
