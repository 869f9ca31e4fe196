#include "core/catalog/azure_catalog.h"

#include "core/catalog/catalog_order.h"
#include "core/providers/azure/azure_discovery.h"
#include "core/providers/azure/azure_metrics_request.h"
#include "core/store/derived_series.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

namespace mlwatch::azure {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::azure::Catalog", text);
}

// What a chart rule is drawn for.
enum class Target {
    Resource,          // each discovered resource of the rule's type, queried itself
    Cluster,           // each AmlCompute cluster: its workspace's metrics with ClusterName eq '<cluster>'
                       // (Azure ML publishes compute metrics on the workspace, cloud-apis.md §2.6)
    WorkspaceClusters, // each workspace that has clusters: one series per cluster (ClusterName eq …)
};

// One series: an Azure metric (its REST name, exactly), the aggregation, the legend, and fixed
// filter equalities. For WorkspaceClusters the legend is the cluster's name.
struct SeriesRule {
    const char *metric = nullptr;
    const char *aggregation = nullptr; // Azure's capitalisation: Average | Minimum | Maximum | Total
    const char *legend = nullptr;      // translatable
    QList<Dimension> filter{};
    // Derived series (RED): RatePerSecond of the metric; ErrorPercent of the metric with `filter`
    // (the errors) ÷ the same metric without it (every request).
    SeriesDerivation derivation = SeriesDerivation::None;
};

struct ChartRule {
    Stage stage = Stage::Monitoring;
    const char *kind = nullptr;         // the second part of the chart id
    const char *resourceType = nullptr; // the descriptors that get a chart (Cluster: compute)
    Target target = Target::Resource;
    const char *title = nullptr; // translatable, "%1" is the resource path ("fraud-scoring / blue")
    Unit unit = Unit::None;
    QList<SeriesRule> series{};
    QList<ThresholdLine> thresholds{}; // display units
    const char *explanation = nullptr; // translatable, one sentence
    int periodSeconds = 60;            // the finest grain worth asking for (a floor)
    bool gpuOnly = false;              // only for deployments on a GPU SKU (isGpuInstanceType)
};

ThresholdLine warning(double v) {
    return {v, ThresholdLevel::Warning};
}

ThresholdLine critical(double v) {
    return {v, ThresholdLevel::Critical};
}

Dimension statusClass(const char *value) {
    return {QStringLiteral("statusCodeClass"), QLatin1String(value)};
}

// The catalog. Order matters: within one stage and resource, charts come out in this order.
// Percent metrics of workspaces are documented with unit "Count" (cloud-apis.md §2.6); they are
// percentages and charted as such.
const QList<ChartRule> &rules() {
    static const QList<ChartRule> table{
        // --- data preparation: compute clusters -------------------------------------------------
        {.stage = Stage::DataPreparation,
         .kind = "nodes",
         .resourceType = kComputeType,
         .target = Target::Cluster,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Nodes — %1"),
         .unit = Unit::Count,
         .series = {{"Active Nodes", "Average", QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Active nodes")},
                    {"Idle Nodes", "Average", QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Idle nodes")}},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "Nodes the cluster runs for jobs, and nodes that wait idle before "
                                          "the cluster scales down: idle nodes are billed like busy ones.")},
        {.stage = Stage::DataPreparation,
         .kind = "cores",
         .resourceType = kComputeType,
         .target = Target::Cluster,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Cores — %1"),
         .unit = Unit::Count,
         .series = {{"Active Cores", "Average", QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Active cores")},
                    {"Idle Cores", "Average", QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Idle cores")}},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "Cores in use count against the VM family's quota; a data job "
                                          "that needs more cores than the quota leaves waits in the queue.")},
        {.stage = Stage::DataPreparation,
         .kind = "cpu",
         .resourceType = kComputeType,
         .target = Target::Cluster,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "CPU — %1"),
         .unit = Unit::Percent,
         .series = {{"CpuUtilization", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "CPU (average of nodes)")},
                    {"CpuUtilization", "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "CPU (busiest node)")}},
         // no threshold: a busy CPU is what a data-preparation job should show
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "Shows whether the cluster's jobs are compute-bound; a job that "
                                          "takes longer every night on a busy CPU needs more nodes or "
                                          "less data per run.")},
        // --- training: CPU vs GPU per cluster, GPU memory, run counts --------------------------------
        {.stage = Stage::Training,
         .kind = "cpu-gpu",
         .resourceType = kComputeType,
         .target = Target::Cluster,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "CPU vs GPU — %1"),
         .unit = Unit::Percent,
         .series = {{"CpuUtilization", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "CPU utilisation")},
                    {"GpuUtilization", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "GPU utilisation")}},
         .thresholds = {warning(90)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "A pegged CPU next to an idle GPU means the input pipeline, not "
                                          "the model, limits training speed: you pay for a GPU that "
                                          "waits.")},
        {.stage = Stage::Training,
         .kind = "gpu-memory",
         .resourceType = kComputeType,
         .target = Target::Cluster,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "GPU memory — %1"),
         .unit = Unit::Percent,
         .series = {{"GpuMemoryUtilization", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "GPU memory (average)")},
                    {"GpuMemoryUtilization", "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "GPU memory (fullest GPU)")}},
         // A warning only: some frameworks reserve most of the GPU's memory up front.
         .thresholds = {warning(90)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "A GPU that runs out of memory ends the run; low GPU memory use "
                                          "leaves room for larger batches. Clusters without GPUs show "
                                          "nothing here.")},
        {.stage = Stage::Training,
         .kind = "runs",
         .resourceType = kWorkspaceType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Runs — %1"),
         .unit = Unit::Count,
         .series = {{"Started Runs", "Total", QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Started")},
                    {"Completed Runs", "Total", QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Completed")},
                    {"Failed Runs", "Total", QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Failed")}},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "Runs of the workspace as they start, complete or fail, per hour "
                                          "(Azure counts events; it has no count of active runs). A burst "
                                          "of failures usually means a broken environment or input, not "
                                          "the model."),
         // Runs and model events are sparse: counted per hour they read as a rate, per minute as
         // scattered ones.
         .periodSeconds = 3600},
        // --- evaluation: dataset storage, models that passed evaluation -------------------------------
        {.stage = Stage::Evaluation,
         .kind = "dataset-size",
         .resourceType = kStorageAccountType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Dataset storage — %1"),
         .unit = Unit::Bytes,
         .series = {{"UsedCapacity", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Used capacity")}},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "The storage account behind the workspace holds datasets, "
                                          "snapshots and checkpoints; Azure reports its used capacity once "
                                          "an hour."),
         // UsedCapacity has an hourly grain: a finer interval is refused.
         .periodSeconds = 3600},
        {.stage = Stage::Evaluation,
         .kind = "model-registrations",
         .resourceType = kWorkspaceType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Model registrations — %1"),
         .unit = Unit::Count,
         .series = {{"Model Register Succeeded", "Total",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Registered")},
                    {"Model Register Failed", "Total",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Registration failed")}},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "Models that pass evaluation are registered; a failed "
                                          "registration is a trained model that never reaches the "
                                          "registry."),
         .periodSeconds = 3600},
        // --- deployment: online deployments, model deployments ---------------------------------------
        {.stage = Stage::Deployment,
         .kind = "model-deployments",
         .resourceType = kWorkspaceType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Model deployments — %1"),
         .unit = Unit::Count,
         .series = {{"Model Deploy Started", "Total",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Started")},
                    {"Model Deploy Succeeded", "Total",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Succeeded")},
                    {"Model Deploy Failed", "Total", QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Failed")}},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "Deployments of models in the workspace; a failed deployment "
                                          "leaves the previous model serving."),
         .periodSeconds = 3600},
        {.stage = Stage::Deployment,
         .kind = "cpu",
         .resourceType = kOnlineDeploymentType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Deployment CPU — %1"),
         .unit = Unit::Percent,
         .series = {{"CpuUtilizationPercentage", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "CPU (average)")},
                    {"CpuUtilizationPercentage", "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "CPU (busiest instance)")}},
         // GPU metrics have charts of their own, drawn only for GPU SKUs: on CPU instances the
         // series is always empty (a legend entry saying "no data" on every chart).
         .thresholds = {warning(70), critical(90)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "CPU near its limit needs more instances before latency suffers; "
                                          "CPU in the low single digits for days means the deployment is "
                                          "over-provisioned.")},
        {.stage = Stage::Deployment,
         .kind = "memory",
         .resourceType = kOnlineDeploymentType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Deployment memory — %1"),
         .unit = Unit::Percent,
         .series = {{"CpuMemoryUtilizationPercentage", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Memory (average)")},
                    {"CpuMemoryUtilizationPercentage", "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Memory (fullest instance)")}},
         .thresholds = {warning(85), critical(90)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "Above 85 % a model server risks being killed out of memory: it "
                                          "restarts and its requests fail. Memory that only ever climbs "
                                          "is a leak.")},
        {.stage = Stage::Deployment,
         .kind = "gpu",
         .resourceType = kOnlineDeploymentType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Deployment GPU — %1"),
         .unit = Unit::Percent,
         .series = {{"GpuUtilizationPercentage", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "GPU (average)")},
                    {"GpuUtilizationPercentage", "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "GPU (busiest instance)")}},
         // No threshold: a busy GPU is what a GPU deployment is paid for.
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "GPU the model server uses; a GPU that idles in the low single "
                                          "digits while requests arrive means the model runs on the CPU or "
                                          "the deployment would be cheaper on a CPU SKU."),
         .gpuOnly = true},
        {.stage = Stage::Deployment,
         .kind = "gpu-memory",
         .resourceType = kOnlineDeploymentType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Deployment GPU memory — %1"),
         .unit = Unit::Percent,
         .series = {{"GpuMemoryUtilizationPercentage", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "GPU memory (average)")},
                    {"GpuMemoryUtilizationPercentage", "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "GPU memory (fullest instance)")}},
         // A warning only: inference servers often reserve most of the GPU's memory up front.
         .thresholds = {warning(90)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "A GPU that runs out of memory fails the request that needed it; "
                                          "memory that grows with traffic means batches or caches without "
                                          "a limit."),
         .gpuOnly = true},
        {.stage = Stage::Deployment,
         .kind = "capacity",
         .resourceType = kOnlineDeploymentType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Instances — %1"),
         .unit = Unit::Count,
         .series = {{"DeploymentCapacity", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Instances")}},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "How many instances serve the deployment; a drop nobody asked "
                                          "for means instances failed or were evicted.")},
        // --- monitoring: RED per endpoint, quota per workspace ----------------------------------------
        {.stage = Stage::Monitoring,
         .kind = "requests",
         .resourceType = kOnlineEndpointType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Request rate — %1"),
         .unit = Unit::CountPerSecond,
         // Total, not Average: an unsplit Average is the mean over the dimension series. The total
         // of a period ÷ its seconds is requests per second.
         .series = {{"RequestsPerMinute",
                     "Total",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Requests"),
                     {},
                     SeriesDerivation::RatePerSecond}},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "Requests per second: a sudden drop often means a broken client "
                                          "rather than a quiet day.")},
        // Errors by status class ÷ every request: 5xx (the deployment's or the platform's failures,
        // thresholds and a default rule) and 4xx (clients' mistakes) as separate shares.
        {.stage = Stage::Monitoring,
         .kind = "errors",
         .resourceType = kOnlineEndpointType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Error rate — %1"),
         .unit = Unit::Percent,
         .series = {{"RequestsPerMinute",
                     "Total",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Server errors (5xx)"),
                     {statusClass("5xx")},
                     SeriesDerivation::ErrorPercent},
                    {"RequestsPerMinute",
                     "Total",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Client errors (4xx)"),
                     {statusClass("4xx")},
                     SeriesDerivation::ErrorPercent}},
         .thresholds = {warning(1), critical(5)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "The share of requests that failed: 5xx are failures of the "
                                          "deployment or the platform, 4xx requests the endpoint refused "
                                          "(malformed input, an old client schema). Minutes without "
                                          "requests are gaps, not 0 %.")},
        {.stage = Stage::Monitoring,
         .kind = "latency",
         .resourceType = kOnlineEndpointType,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Request latency — %1"),
         .unit = Unit::Milliseconds,
         .series = {{"RequestLatency_P50", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Latency (median)")},
                    {"RequestLatency_P99", "Average",
                     QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Latency (P99)")}},
         .thresholds = {warning(500), critical(1000)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "Time the endpoint takes to answer; the 99th percentile shows the "
                                          "slow requests a median hides.")},
        {.stage = Stage::Monitoring,
         .kind = "quota",
         .resourceType = kWorkspaceType,
         .target = Target::WorkspaceClusters,
         .title = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog", "Quota utilisation — %1"),
         .unit = Unit::Percent,
         .series = {{"Quota Utilization Percentage", "Average", nullptr}},
         .thresholds = {warning(80), critical(95)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::azure::Catalog",
                                          "The share of the VM family's core quota each cluster holds; at "
                                          "100 % new nodes cannot start and jobs queue until a quota "
                                          "increase.")},
    };
    return table;
}

QString latin1(const char *text) {
    return QString::fromLatin1(text);
}

bool sameText(const QString &a, const QString &b) {
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QString dimension(const MetricDescriptor &d, const char *name) {
    return d.dimensionValue(QLatin1String(name));
}

// The id of the parent that `collection` hangs under: ".../workspaces/ws/computes/c" → ".../workspaces/ws".
QString parentId(const QString &resourceId, const QString &collection) {
    const QString marker = QLatin1Char('/') + collection + QLatin1Char('/');
    const qsizetype at = resourceId.lastIndexOf(marker, -1, Qt::CaseInsensitive);
    return at <= 0 ? QString() : resourceId.left(at);
}

// The name a resource is known by in its tab: "fraud-scoring", "fraud-scoring/blue" (a deployment
// name such as "default" repeats across endpoints), "fraud-ml/cpu-cluster".
QString pathOf(const MetricDescriptor &d) {
    QString name = dimension(d, "name");
    if (name.isEmpty())
        name = resourceNameOf(dimension(d, "resourceId"));
    if (sameText(d.namespaceName, latin1(kOnlineDeploymentType))) {
        QString endpoint = dimension(d, "endpoint");
        if (endpoint.isEmpty())
            endpoint = resourceNameOf(parentId(dimension(d, "resourceId"), QStringLiteral("deployments")));
        return endpoint.isEmpty() ? name : endpoint + QLatin1Char('/') + name;
    }
    if (sameText(d.namespaceName, latin1(kComputeType))) {
        QString workspace = dimension(d, "workspace");
        if (workspace.isEmpty())
            workspace = resourceNameOf(parentId(dimension(d, "resourceId"), QStringLiteral("computes")));
        return workspace.isEmpty() ? name : workspace + QLatin1Char('/') + name;
    }
    return name;
}

// The descriptors a rule is drawn for beyond their type: GPU rules only for GPU SKUs.
bool ruleApplies(const ChartRule &rule, const MetricDescriptor &d) {
    return !rule.gpuOnly || isGpuInstanceType(dimension(d, "instanceType"));
}

// Compute that publishes the workspace's cluster metrics: AmlCompute clusters (and compute whose
// type discovery could not read). Compute instances, attached Kubernetes and the like do not.
bool isCluster(const MetricDescriptor &d) {
    const QString type = dimension(d, "computeType");
    return type.isEmpty() || sameText(type, QStringLiteral("AmlCompute"));
}

Dimension clusterFilter(const QString &cluster) {
    return {QStringLiteral("ClusterName"), cluster};
}

// What one chart is drawn for.
struct Subject {
    QString queried;         // the ARM id the queries name
    QString metricNamespace; // the queried resource's type
    QString path;            // ChartSpec::resource
    QString resourceGroup;   // to tell apart two resources of the same path
    QString workspace;       // for the order
    QList<Dimension> filter; // Cluster: ClusterName eq '<cluster>'
    QStringList clusters;    // WorkspaceClusters: the workspace's clusters, sorted
    QString instanceType;    // deployments: the VM size discovery read (UnitRegistry's devices)
};

// The workspace a resource belongs to (a workspace: itself).
QString workspaceOf(const MetricDescriptor &d) {
    if (sameText(d.namespaceName, latin1(kWorkspaceType)))
        return dimension(d, "name");
    return dimension(d, "workspace");
}

} // namespace

bool isGpuInstanceType(const QString &instanceType) {
    QString size = instanceType.trimmed();
    const QLatin1String standard("Standard_");
    if (size.startsWith(standard, Qt::CaseInsensitive))
        size = size.mid(standard.size());
    for (const char *family : {"NC", "ND", "NV"})
        if (size.startsWith(QLatin1String(family), Qt::CaseInsensitive))
            return true;
    return false;
}

QStringList catalogResourceTypes() {
    return {latin1(kWorkspaceType), latin1(kComputeType), latin1(kOnlineEndpointType),
            latin1(kOnlineDeploymentType), latin1(kStorageAccountType)};
}

QList<ChartSpec> buildAzureCharts(const QList<MetricDescriptor> &discovered, const QString &accountId) {
    // One descriptor per resource (ids are case-insensitive in ARM), in discovery order.
    QList<MetricDescriptor> resources;
    QSet<QString> seen;
    QHash<QString, QStringList> clustersOf; // lower-cased workspace id → its clusters
    for (const MetricDescriptor &d : discovered) {
        const QString id = dimension(d, "resourceId");
        if (id.isEmpty() || seen.contains(id.toLower()))
            continue;
        seen.insert(id.toLower());
        resources.append(d);
        if (sameText(d.namespaceName, latin1(kComputeType)) && isCluster(d)) {
            const QString workspace = parentId(id, QStringLiteral("computes"));
            const QString name = dimension(d, "name").isEmpty() ? resourceNameOf(id) : dimension(d, "name");
            if (!workspace.isEmpty() && !name.isEmpty())
                clustersOf[workspace.toLower()].append(name);
        }
    }
    for (QStringList &names : clustersOf)
        std::sort(names.begin(), names.end());

    QList<CataloguedChart> built;
    const QList<ChartRule> &table = rules();
    for (qsizetype r = 0; r < table.size(); ++r) {
        const ChartRule &rule = table.at(r);
        // path → subject (std::map: sorted by path; a second resource with the same path is told
        // apart by its resource group)
        std::map<QString, Subject> subjects;
        for (const MetricDescriptor &d : std::as_const(resources)) {
            if (!sameText(d.namespaceName, latin1(rule.resourceType)) || !ruleApplies(rule, d))
                continue;
            Subject s;
            const QString id = dimension(d, "resourceId");
            s.path = pathOf(d);
            s.resourceGroup = dimension(d, "resourceGroup");
            s.workspace = workspaceOf(d);
            s.instanceType = dimension(d, "instanceType");
            switch (rule.target) {
            case Target::Resource:
                s.queried = id;
                s.metricNamespace = latin1(rule.resourceType);
                break;
            case Target::Cluster: {
                if (!isCluster(d))
                    continue;
                s.queried = parentId(id, QStringLiteral("computes"));
                s.metricNamespace = latin1(kWorkspaceType);
                const QString name =
                    dimension(d, "name").isEmpty() ? resourceNameOf(id) : dimension(d, "name");
                s.filter = {clusterFilter(name)};
                break;
            }
            case Target::WorkspaceClusters:
                s.queried = id;
                s.metricNamespace = latin1(rule.resourceType);
                s.clusters = clustersOf.value(id.toLower());
                if (s.clusters.isEmpty())
                    continue; // no cluster: no quota to show
                break;
            }
            if (s.queried.isEmpty() || s.path.isEmpty())
                continue;
            if (subjects.count(s.path) != 0)
                s.path = s.resourceGroup + QLatin1Char('/') + s.path;
            subjects.emplace(s.path, std::move(s));
        }
        for (const auto &[path, subject] : subjects) {
            ChartSpec spec;
            spec.id = stageId(rule.stage) + QLatin1Char('/') + latin1(rule.kind) + QLatin1Char('/') +
                      accountId + QLatin1Char('/') + path;
            spec.stage = rule.stage;
            spec.title = tr(rule.title).arg(QString(path).replace(QLatin1Char('/'), QStringLiteral(" / ")));
            spec.resource = path;
            spec.account = accountId;
            spec.cloud = QStringLiteral("azure");
            spec.unit = rule.unit;
            spec.instanceType = subject.instanceType;
            spec.thresholds = rule.thresholds;
            spec.explanation = tr(rule.explanation);
            for (const SeriesRule &s : rule.series) {
                // One series, or (WorkspaceClusters) one per cluster, legend = the cluster's name.
                const QStringList legends =
                    rule.target == Target::WorkspaceClusters ? subject.clusters : QStringList{tr(s.legend)};
                for (const QString &legend : legends) {
                    MetricQuery q;
                    q.namespaceName = subject.metricNamespace;
                    q.metricName = latin1(s.metric);
                    q.dimensions = subject.filter + s.filter;
                    if (rule.target == Target::WorkspaceClusters)
                        q.dimensions.append(clusterFilter(legend));
                    q.stat = latin1(s.aggregation);
                    q.periodSeconds = rule.periodSeconds;
                    q.resource = subject.queried;
                    q.account = accountId;
                    if (s.derivation == SeriesDerivation::RatePerSecond) {
                        spec.series.append(DerivedSeries::rate(q, legend));
                    } else if (s.derivation == SeriesDerivation::ErrorPercent) {
                        MetricQuery requests = q;
                        requests.dimensions = subject.filter; // every status class
                        spec.series.append(DerivedSeries::errorPercent(requests, {q}, legend));
                    } else {
                        ChartSeriesSpec fetched;
                        fetched.query = std::move(q);
                        fetched.legend = legend;
                        spec.series.append(std::move(fetched));
                    }
                }
            }
            built.append(CataloguedChart{std::move(spec), subject.workspace, r});
        }
    }
    return inCatalogOrder(std::move(built)); // stage, workspace, resource path, the table's order
}

} // namespace mlwatch::azure
