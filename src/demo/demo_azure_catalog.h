#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace mlwatch::demo {

// Resource types (= default metric namespaces) of the simulated Azure subscription.
inline constexpr char kAzureWorkspaceType[] = "Microsoft.MachineLearningServices/workspaces";
inline constexpr char kAzureComputeType[] = "Microsoft.MachineLearningServices/workspaces/computes";
inline constexpr char kAzureEndpointType[] = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints";
inline constexpr char kAzureDeploymentType[] =
    "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments";
inline constexpr char kAzureStorageType[] = "Microsoft.Storage/storageAccounts";

// One metric as Azure Monitor's metricDefinitions describe it. Names, units, default
// aggregations and dimension names are those of cloud-apis.md §2.6 ([az-metrics-docs]); the
// one exception is the storage account's UsedCapacity, which the reference does not list and
// which is modelled as Azure documents it (Bytes, Average, hourly grain) — `inReference` says so.
struct DemoAzureMetricDefinition {
    QString namespaceName;      // the resource type, e.g. kAzureWorkspaceType
    QString name;               // REST name, exactly (may contain spaces: "Active Cores")
    QString displayName;        // name.localizedValue
    QString unit;               // Azure's MetricUnit enum: Count, Bytes, Percent, MilliSeconds, …
    QString primaryAggregation; // Average | Total | …
    QStringList dimensions;     // as Azure spells them in metricDefinitions
    int minGrainMinutes = 1;    // finer intervals are a 400 unless AutoAdjustTimegrain=true
    bool inReference = true;
};

// The demo's metric catalogue: every Azure ML metric name of cloud-apis.md §2.6 (the story
// publishes data for some of them; the others answer with empty series, as an idle resource
// does), plus UsedCapacity for storage accounts. Immutable; safe to share.
class DemoAzureCatalog {
public:
    static const QList<DemoAzureMetricDefinition> &all();
    // Case-insensitive on both namespace and name (Azure's lookup is); nullptr when unknown.
    static const DemoAzureMetricDefinition *find(const QString &namespaceName, const QString &name);
    static QList<const DemoAzureMetricDefinition *> ofNamespace(const QString &namespaceName);
};

} // namespace mlwatch::demo
