// The Azure stage catalog (azure::buildAzureCharts) on descriptors shaped exactly like
// AzureDiscovery's output (built with azure::describeResource from ARM list items), and the
// default rules it gets (defaultRulesFor on Azure charts).
#include "core/alerts/default_rules.h"
#include "core/catalog/azure_catalog.h"
#include "core/providers/azure/azure_discovery.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::Stage)
Q_DECLARE_METATYPE(mlwatch::Unit)
Q_DECLARE_METATYPE(mlwatch::MetricDescriptor)

namespace {

const QString kAccount = QStringLiteral("azure-prod");
const QString kSub = QStringLiteral("00000000-0000-4000-8000-000000000001");

QString workspaceId(const QString &rg, const QString &name) {
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.MachineLearningServices/"
                          "workspaces/%3")
        .arg(kSub, rg, name);
}

QJsonObject item(const QString &id, const QString &location = QString()) {
    QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("name"), id.section(QLatin1Char('/'), -1)}};
    if (!location.isEmpty())
        o.insert(QStringLiteral("location"), location);
    return o;
}

const QString kFraudMl = workspaceId(QStringLiteral("rg-fraud"), QStringLiteral("fraud-ml"));
const QString kShared = workspaceId(QStringLiteral("rg-shared"), QStringLiteral("shared"));
const QString kStorage = QStringLiteral("/subscriptions/%1/resourceGroups/rg-fraud/providers/"
                                        "Microsoft.Storage/storageAccounts/fraudmldata01")
                             .arg(kSub);
const QString kFraudScoring = kFraudMl + QStringLiteral("/onlineEndpoints/fraud-scoring");

// An ARM deployment item naming its VM size as managed deployments do (properties.instanceType).
QJsonObject withInstanceType(QJsonObject o, const QString &instanceType) {
    o.insert(QStringLiteral("properties"), QJsonObject{{QStringLiteral("instanceType"), instanceType}});
    return o;
}

// … and as shapes that only carry it in sku.name (the discovery's fallback).
QJsonObject withSkuName(QJsonObject o, const QString &skuName) {
    o.insert(QStringLiteral("sku"),
             QJsonObject{{QStringLiteral("name"), skuName}, {QStringLiteral("capacity"), 1}});
    return o;
}

// What AzureDiscovery reports for one account, in its order: each workspace, its storage
// account, its endpoints and their deployments, its compute — plus resources the catalog must
// leave alone (a compute instance, a type it has no metrics for).
QList<MetricDescriptor> account() {
    using namespace mlwatch::azure;
    const QString ws = QString::fromLatin1(kWorkspaceType);
    const QString ep = QString::fromLatin1(kOnlineEndpointType);
    const QString dep = QString::fromLatin1(kOnlineDeploymentType);
    const QString compute = QString::fromLatin1(kComputeType);
    const QString westeurope = QStringLiteral("westeurope");
    const QList<Dimension> inFraud{{QStringLiteral("workspace"), QStringLiteral("fraud-ml")}};
    const QList<Dimension> inShared{{QStringLiteral("workspace"), QStringLiteral("shared")}};

    QList<MetricDescriptor> all;
    all.append(describeResource(item(kFraudMl, westeurope), ws, {}));
    QJsonObject storage{{QStringLiteral("id"), kStorage}};
    all.append(describeResource(storage, QString::fromLatin1(kStorageAccountType), inFraud));
    all.append(describeResource(item(kFraudScoring, westeurope), ep, inFraud, westeurope));
    // fraud-scoring's deployments run on a CPU SKU; ltv-1's on a GPU SKU named only in sku.name.
    for (const char *name : {"blue", "green"})
        all.append(describeResource(
            withInstanceType(item(kFraudScoring + QStringLiteral("/deployments/") + QLatin1String(name)),
                             QStringLiteral("Standard_DS3_v2")),
            dep, inFraud + QList<Dimension>{{QStringLiteral("endpoint"), QStringLiteral("fraud-scoring")}},
            westeurope));
    for (const char *name : {"gpu-cluster", "cpu-cluster", "notebook-ci"}) {
        MetricDescriptor c =
            describeResource(item(kFraudMl + QStringLiteral("/computes/") + QLatin1String(name), westeurope),
                             compute, inFraud);
        c.dimensions.append({QStringLiteral("computeType"), qstrcmp(name, "notebook-ci") == 0
                                                                ? QStringLiteral("ComputeInstance")
                                                                : QStringLiteral("AmlCompute")});
        all.append(c);
    }
    // A second workspace: no compute, two endpoints whose deployments share the name "default".
    all.append(describeResource(item(kShared, westeurope), ws, {}));
    for (const char *name : {"ltv-1", "churn-1"}) {
        const QString endpoint = kShared + QStringLiteral("/onlineEndpoints/") + QLatin1String(name);
        all.append(describeResource(item(endpoint, westeurope), ep, inShared, westeurope));
        QJsonObject deployment = item(endpoint + QStringLiteral("/deployments/default"));
        if (qstrcmp(name, "ltv-1") == 0)
            deployment = withSkuName(deployment, QStringLiteral("Standard_NC6s_v3"));
        all.append(describeResource(
            deployment, dep, inShared + QList<Dimension>{{QStringLiteral("endpoint"), QLatin1String(name)}},
            westeurope));
    }
    all.append(describeResource(item(QStringLiteral("/subscriptions/%1/resourceGroups/rg-web/providers/"
                                                    "Microsoft.Web/sites/portal")
                                         .arg(kSub)),
                                QStringLiteral("Microsoft.Web/sites"), {}));
    return all;
}

QString id(const char *stageAndKind, const char *path) {
    const QString s = QLatin1String(stageAndKind);
    return s + QLatin1Char('/') + kAccount + QLatin1Char('/') + QLatin1String(path);
}

const ChartSpec *findChart(const QList<ChartSpec> &charts, const QString &chartId) {
    const auto it = std::find_if(charts.begin(), charts.end(),
                                 [&chartId](const ChartSpec &c) { return c.id == chartId; });
    return it == charts.end() ? nullptr : &*it;
}

// "metric/aggregation@period" per series, with "[name=value,…]" when the query filters.
QStringList seriesOf(const ChartSpec &chart) {
    QStringList out;
    for (const ChartSeriesSpec &s : chart.series) {
        QString text =
            QStringLiteral("%1/%2@%3").arg(s.query.metricName, s.query.stat).arg(s.query.periodSeconds);
        QStringList filter;
        for (const Dimension &d : s.query.dimensions)
            filter.append(d.name + QLatin1Char('=') + d.value);
        if (!filter.isEmpty())
            text += QLatin1Char('[') + filter.join(QLatin1Char(',')) + QLatin1Char(']');
        out.append(text);
    }
    return out;
}

ChartSeriesSpec seriesSpec(const MetricQuery &query, const QString &legend) {
    ChartSeriesSpec s;
    s.query = query;
    s.legend = legend;
    return s;
}

QStringList thresholdsOf(const ChartSpec &chart) {
    QStringList out;
    for (const ThresholdLine &t : chart.thresholds)
        out.append((t.level == ThresholdLevel::Warning ? QStringLiteral("W") : QStringLiteral("C")) +
                   QString::number(t.value));
    return out;
}

} // namespace

class TstAzureCatalog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chartsPerStage_data() {
        QTest::addColumn<Stage>("stage");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("data preparation: nodes, cores and CPU per AmlCompute cluster, not the compute "
                      "instance")
            << Stage::DataPreparation << QStringList{id("data-preparation/nodes", "fraud-ml/cpu-cluster"),
                                                     id("data-preparation/cores", "fraud-ml/cpu-cluster"),
                                                     id("data-preparation/cpu", "fraud-ml/cpu-cluster"),
                                                     id("data-preparation/nodes", "fraud-ml/gpu-cluster"),
                                                     id("data-preparation/cores", "fraud-ml/gpu-cluster"),
                                                     id("data-preparation/cpu", "fraud-ml/gpu-cluster")};
        QTest::newRow("training: runs per workspace, CPU vs GPU and GPU memory per cluster")
            << Stage::Training
            << QStringList{id("training/runs", "fraud-ml"),
                           id("training/cpu-gpu", "fraud-ml/cpu-cluster"),
                           id("training/gpu-memory", "fraud-ml/cpu-cluster"),
                           id("training/cpu-gpu", "fraud-ml/gpu-cluster"),
                           id("training/gpu-memory", "fraud-ml/gpu-cluster"),
                           id("training/runs", "shared")};
        QTest::newRow("evaluation: model registrations per workspace, the storage account's capacity")
            << Stage::Evaluation
            << QStringList{id("evaluation/model-registrations", "fraud-ml"),
                           id("evaluation/dataset-size", "fraudmldata01"),
                           id("evaluation/model-registrations", "shared")};
        QTest::newRow("deployment: per workspace, model deployments and CPU, memory, instances per "
                      "deployment (endpoint/deployment), GPU and GPU memory only on the GPU SKU")
            << Stage::Deployment
            << QStringList{id("deployment/model-deployments", "fraud-ml"),
                           id("deployment/cpu", "fraud-scoring/blue"),
                           id("deployment/memory", "fraud-scoring/blue"),
                           id("deployment/capacity", "fraud-scoring/blue"),
                           id("deployment/cpu", "fraud-scoring/green"),
                           id("deployment/memory", "fraud-scoring/green"),
                           id("deployment/capacity", "fraud-scoring/green"),
                           id("deployment/cpu", "churn-1/default"),
                           id("deployment/memory", "churn-1/default"),
                           id("deployment/capacity", "churn-1/default"),
                           id("deployment/cpu", "ltv-1/default"),
                           id("deployment/memory", "ltv-1/default"),
                           id("deployment/gpu", "ltv-1/default"),
                           id("deployment/gpu-memory", "ltv-1/default"),
                           id("deployment/capacity", "ltv-1/default"),
                           id("deployment/model-deployments", "shared")};
        QTest::newRow("monitoring: per workspace, quota where it has clusters, RED per endpoint")
            << Stage::Monitoring
            << QStringList{
                   id("monitoring/quota", "fraud-ml"),       id("monitoring/requests", "fraud-scoring"),
                   id("monitoring/errors", "fraud-scoring"), id("monitoring/latency", "fraud-scoring"),
                   id("monitoring/requests", "churn-1"),     id("monitoring/errors", "churn-1"),
                   id("monitoring/latency", "churn-1"),      id("monitoring/requests", "ltv-1"),
                   id("monitoring/errors", "ltv-1"),         id("monitoring/latency", "ltv-1")};
    }

    void chartsPerStage() {
        QFETCH(Stage, stage);
        QFETCH(QStringList, ids);
        QStringList actual;
        for (const ChartSpec &c : azure::buildAzureCharts(account(), kAccount))
            if (c.stage == stage)
                actual.append(c.id);
        QCOMPARE(actual, ids);
    }

    void chartContents_data() {
        QTest::addColumn<QString>("chartId");
        QTest::addColumn<Unit>("unit");
        QTest::addColumn<QStringList>("series");
        QTest::addColumn<QStringList>("thresholds");
        QTest::newRow("cluster nodes: active and idle, on the workspace filtered by cluster")
            << id("data-preparation/nodes", "fraud-ml/cpu-cluster") << Unit::Count
            << QStringList{QStringLiteral("Active Nodes/Average@60[ClusterName=cpu-cluster]"),
                           QStringLiteral("Idle Nodes/Average@60[ClusterName=cpu-cluster]")}
            << QStringList{};
        QTest::newRow("cluster cores: active and idle")
            << id("data-preparation/cores", "fraud-ml/gpu-cluster") << Unit::Count
            << QStringList{QStringLiteral("Active Cores/Average@60[ClusterName=gpu-cluster]"),
                           QStringLiteral("Idle Cores/Average@60[ClusterName=gpu-cluster]")}
            << QStringList{};
        QTest::newRow("cluster CPU: average and busiest node, no threshold")
            << id("data-preparation/cpu", "fraud-ml/cpu-cluster") << Unit::Percent
            << QStringList{QStringLiteral("CpuUtilization/Average@60[ClusterName=cpu-cluster]"),
                           QStringLiteral("CpuUtilization/Maximum@60[ClusterName=cpu-cluster]")}
            << QStringList{};
        QTest::newRow("training CPU vs GPU per cluster, CPU-saturation line")
            << id("training/cpu-gpu", "fraud-ml/gpu-cluster") << Unit::Percent
            << QStringList{QStringLiteral("CpuUtilization/Average@60[ClusterName=gpu-cluster]"),
                           QStringLiteral("GpuUtilization/Average@60[ClusterName=gpu-cluster]")}
            << QStringList{QStringLiteral("W90")};
        QTest::newRow("GPU memory: average and fullest GPU, warning only")
            << id("training/gpu-memory", "fraud-ml/gpu-cluster") << Unit::Percent
            << QStringList{QStringLiteral("GpuMemoryUtilization/Average@60[ClusterName=gpu-cluster]"),
                           QStringLiteral("GpuMemoryUtilization/Maximum@60[ClusterName=gpu-cluster]")}
            << QStringList{QStringLiteral("W90")};
        QTest::newRow("runs: started, completed, failed as hourly Total (no active-runs metric exists)")
            << id("training/runs", "fraud-ml") << Unit::Count
            << QStringList{QStringLiteral("Started Runs/Total@3600"),
                           QStringLiteral("Completed Runs/Total@3600"),
                           QStringLiteral("Failed Runs/Total@3600")}
            << QStringList{};
        QTest::newRow("model registrations: succeeded and failed, hourly")
            << id("evaluation/model-registrations", "fraud-ml") << Unit::Count
            << QStringList{QStringLiteral("Model Register Succeeded/Total@3600"),
                           QStringLiteral("Model Register Failed/Total@3600")}
            << QStringList{};
        QTest::newRow("storage UsedCapacity: bytes at the hourly grain")
            << id("evaluation/dataset-size", "fraudmldata01") << Unit::Bytes
            << QStringList{QStringLiteral("UsedCapacity/Average@3600")} << QStringList{};
        QTest::newRow("deployment CPU: average and busiest instance, 70/90 %")
            << id("deployment/cpu", "fraud-scoring/green") << Unit::Percent
            << QStringList{QStringLiteral("CpuUtilizationPercentage/Average@60"),
                           QStringLiteral("CpuUtilizationPercentage/Maximum@60")}
            << QStringList{QStringLiteral("W70"), QStringLiteral("C90")};
        QTest::newRow("deployment memory: 85 % risk of OOM, 90 % critical")
            << id("deployment/memory", "fraud-scoring/green") << Unit::Percent
            << QStringList{QStringLiteral("CpuMemoryUtilizationPercentage/Average@60"),
                           QStringLiteral("CpuMemoryUtilizationPercentage/Maximum@60")}
            << QStringList{QStringLiteral("W85"), QStringLiteral("C90")};
        QTest::newRow("deployment GPU on a GPU SKU: average and busiest instance, no threshold")
            << id("deployment/gpu", "ltv-1/default") << Unit::Percent
            << QStringList{QStringLiteral("GpuUtilizationPercentage/Average@60"),
                           QStringLiteral("GpuUtilizationPercentage/Maximum@60")}
            << QStringList{};
        QTest::newRow("deployment GPU memory on a GPU SKU: average and fullest instance, warning only")
            << id("deployment/gpu-memory", "ltv-1/default") << Unit::Percent
            << QStringList{QStringLiteral("GpuMemoryUtilizationPercentage/Average@60"),
                           QStringLiteral("GpuMemoryUtilizationPercentage/Maximum@60")}
            << QStringList{QStringLiteral("W90")};
        QTest::newRow("deployment capacity: instances")
            << id("deployment/capacity", "fraud-scoring/blue") << Unit::Count
            << QStringList{QStringLiteral("DeploymentCapacity/Average@60")} << QStringList{};
        QTest::newRow("requests: RequestsPerMinute Total per period as a rate per second")
            << id("monitoring/requests", "fraud-scoring") << Unit::CountPerSecond
            << QStringList{QStringLiteral("rate(RequestsPerMinute)/Total@60")} << QStringList{};
        QTest::newRow("errors: 5xx and 4xx as a percentage of every request, 1/5 %")
            << id("monitoring/errors", "fraud-scoring") << Unit::Percent
            << QStringList{QStringLiteral("errorPercent(RequestsPerMinute/RequestsPerMinute)/"
                                          "Total@60[statusCodeClass=5xx]"),
                           QStringLiteral("errorPercent(RequestsPerMinute/RequestsPerMinute)/"
                                          "Total@60[statusCodeClass=4xx]")}
            << QStringList{QStringLiteral("W1"), QStringLiteral("C5")};
        QTest::newRow("latency: milliseconds, P50 and P99, 500/1000 ms")
            << id("monitoring/latency", "fraud-scoring") << Unit::Milliseconds
            << QStringList{QStringLiteral("RequestLatency_P50/Average@60"),
                           QStringLiteral("RequestLatency_P99/Average@60")}
            << QStringList{QStringLiteral("W500"), QStringLiteral("C1000")};
        QTest::newRow("quota: one series per AmlCompute cluster, by name")
            << id("monitoring/quota", "fraud-ml") << Unit::Percent
            << QStringList{QStringLiteral("Quota Utilization Percentage/Average@60[ClusterName=cpu-cluster]"),
                           QStringLiteral("Quota Utilization Percentage/Average@60[ClusterName=gpu-cluster]")}
            << QStringList{QStringLiteral("W80"), QStringLiteral("C95")};
    }

    void chartContents() {
        QFETCH(QString, chartId);
        QFETCH(Unit, unit);
        QFETCH(QStringList, series);
        QFETCH(QStringList, thresholds);
        const QList<ChartSpec> charts = azure::buildAzureCharts(account(), kAccount);
        const ChartSpec *chart = findChart(charts, chartId);
        QVERIFY2(chart, qPrintable(chartId));
        QCOMPARE(chart->unit, unit);
        QCOMPARE(seriesOf(*chart), series);
        QCOMPARE(thresholdsOf(*chart), thresholds);
        QVERIFY(!chart->explanation.isEmpty());
        for (const ChartSeriesSpec &s : chart->series)
            QVERIFY(!s.legend.isEmpty());
    }

    void queriesCarryAccountAndResource_data() {
        QTest::addColumn<QString>("chartId");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("metricNamespace");
        QTest::newRow("cluster charts query the cluster's workspace")
            << id("training/cpu-gpu", "fraud-ml/gpu-cluster") << kFraudMl
            << QStringLiteral("Microsoft.MachineLearningServices/workspaces");
        QTest::newRow("endpoint charts query the endpoint")
            << id("monitoring/latency", "fraud-scoring") << kFraudScoring
            << QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints");
        QTest::newRow("deployment charts query the deployment")
            << id("deployment/memory", "fraud-scoring/blue")
            << kFraudScoring + QStringLiteral("/deployments/blue")
            << QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments");
        QTest::newRow("storage charts query the storage account")
            << id("evaluation/dataset-size", "fraudmldata01") << kStorage
            << QStringLiteral("Microsoft.Storage/storageAccounts");
    }

    void queriesCarryAccountAndResource() {
        QFETCH(QString, chartId);
        QFETCH(QString, resource);
        QFETCH(QString, metricNamespace);
        const QList<ChartSpec> charts = azure::buildAzureCharts(account(), kAccount);
        const ChartSpec *chart = findChart(charts, chartId);
        QVERIFY2(chart, qPrintable(chartId));
        QCOMPARE(chart->account, kAccount);
        QCOMPARE(chart->cloud, QStringLiteral("azure"));
        for (const ChartSeriesSpec &s : chart->series) {
            QCOMPARE(s.query.account, kAccount);
            QCOMPARE(s.query.resource, resource);
            QCOMPARE(s.query.namespaceName, metricNamespace);
            QVERIFY(
                s.query.seriesKey().startsWith(kAccount + QLatin1Char('|') + resource + QLatin1Char('|')));
        }
    }

    void everyQueryOfEveryChartCarriesTheAccount() {
        const QList<ChartSpec> charts = azure::buildAzureCharts(account(), kAccount);
        QCOMPARE(charts.size(), 41);
        QSet<QString> ids;
        for (const ChartSpec &chart : charts) {
            ids.insert(chart.id);
            QVERIFY2(!chart.series.isEmpty(), qPrintable(chart.id));
            for (const ChartSeriesSpec &s : chart.series) {
                QCOMPARE(s.query.account, kAccount);
                QVERIFY2(s.query.resource.startsWith(QStringLiteral("/subscriptions/")),
                         qPrintable(chart.id));
                for (const MetricQuery &input : s.inputs) { // what a derived series fetches
                    QCOMPARE(input.account, kAccount);
                    QCOMPARE(input.resource, s.query.resource);
                }
            }
        }
        QCOMPARE(ids.size(), charts.size()); // ids are unique
    }

    void titlesNameTheResource_data() {
        QTest::addColumn<QString>("chartId");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("legends");
        QTest::newRow("cluster: workspace / cluster")
            << id("training/cpu-gpu", "fraud-ml/gpu-cluster")
            << QStringLiteral("CPU vs GPU — fraud-ml / gpu-cluster")
            << QStringList{QStringLiteral("CPU utilisation"), QStringLiteral("GPU utilisation")};
        QTest::newRow("deployment: endpoint / deployment")
            << id("deployment/memory", "ltv-1/default")
            << QStringLiteral("Deployment memory — ltv-1 / default")
            << QStringList{QStringLiteral("Memory (average)"), QStringLiteral("Memory (fullest instance)")};
        QTest::newRow("deployment GPU: endpoint / deployment")
            << id("deployment/gpu", "ltv-1/default") << QStringLiteral("Deployment GPU — ltv-1 / default")
            << QStringList{QStringLiteral("GPU (average)"), QStringLiteral("GPU (busiest instance)")};
        QTest::newRow("error legends name the status class")
            << id("monitoring/errors", "fraud-scoring") << QStringLiteral("Error rate — fraud-scoring")
            << QStringList{QStringLiteral("Server errors (5xx)"), QStringLiteral("Client errors (4xx)")};
        QTest::newRow("quota legends are the clusters")
            << id("monitoring/quota", "fraud-ml") << QStringLiteral("Quota utilisation — fraud-ml")
            << QStringList{QStringLiteral("cpu-cluster"), QStringLiteral("gpu-cluster")};
    }

    void titlesNameTheResource() {
        QFETCH(QString, chartId);
        QFETCH(QString, title);
        QFETCH(QStringList, legends);
        const QList<ChartSpec> charts = azure::buildAzureCharts(account(), kAccount);
        const ChartSpec *chart = findChart(charts, chartId);
        QVERIFY2(chart, qPrintable(chartId));
        QCOMPARE(chart->title, title);
        QStringList actual;
        for (const ChartSeriesSpec &s : chart->series)
            actual.append(s.legend);
        QCOMPARE(actual, legends);
    }

    void noChartForAResourceTypeWithoutMetrics_data() {
        QTest::addColumn<QList<MetricDescriptor>>("discovered");
        const QList<MetricDescriptor> all = account();
        const auto only = [&all](const QString &type, const QString &computeType = QString()) {
            QList<MetricDescriptor> out;
            for (const MetricDescriptor &d : all)
                if (d.namespaceName == type &&
                    (computeType.isEmpty() || d.dimensionValue(QStringLiteral("computeType")) == computeType))
                    out.append(d);
            return out;
        };
        QTest::newRow("a type the catalog has no metrics for") << only(QStringLiteral("Microsoft.Web/sites"));
        QTest::newRow("a compute instance (no cluster metrics)")
            << only(QString::fromLatin1(azure::kComputeType), QStringLiteral("ComputeInstance"));
        QTest::newRow("a descriptor without a resource id") << QList<MetricDescriptor>{
            MetricDescriptor{QString::fromLatin1(azure::kOnlineEndpointType),
                             QString(),
                             {{QStringLiteral("name"), QStringLiteral("orphan")}}}};
        QTest::newRow("nothing discovered") << QList<MetricDescriptor>{};
    }

    void noChartForAResourceTypeWithoutMetrics() {
        QFETCH(QList<MetricDescriptor>, discovered);
        QVERIFY(azure::buildAzureCharts(discovered, kAccount).isEmpty());
    }

    void inputOrderAndDuplicatesDoNotMatter() {
        QList<MetricDescriptor> shuffled = account();
        std::reverse(shuffled.begin(), shuffled.end());
        shuffled += account(); // a resource reached through two listings
        const QList<ChartSpec> a = azure::buildAzureCharts(account(), kAccount);
        const QList<ChartSpec> b = azure::buildAzureCharts(shuffled, kAccount);
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b.at(i).id, a.at(i).id);
            QCOMPARE(seriesOf(b.at(i)), seriesOf(a.at(i)));
        }
        QVERIFY(std::is_sorted(a.begin(), a.end(),
                               [](const ChartSpec &x, const ChartSpec &y) { return x.stage < y.stage; }));
    }

    void resourceTypesCoverWhatTheCatalogCharts() {
        const QStringList types = azure::catalogResourceTypes();
        QCOMPARE(QSet<QString>(types.begin(), types.end()).size(), types.size());
        for (const char *type : {azure::kWorkspaceType, azure::kComputeType, azure::kOnlineEndpointType,
                                 azure::kOnlineDeploymentType, azure::kStorageAccountType})
            QVERIFY2(types.contains(QLatin1String(type)), type);
    }

    // The GPU-SKU predicate: the N-series GPU families NC, ND, NV, with or without "Standard_".
    void gpuInstanceTypes_data() {
        QTest::addColumn<QString>("instanceType");
        QTest::addColumn<bool>("gpu");
        QTest::newRow("NC (V100): GPU") << QStringLiteral("Standard_NC6s_v3") << true;
        QTest::newRow("NC (A100): GPU") << QStringLiteral("Standard_NC24ads_A100_v4") << true;
        QTest::newRow("NC (T4): GPU") << QStringLiteral("Standard_NC4as_T4_v3") << true;
        QTest::newRow("ND: GPU") << QStringLiteral("Standard_ND96asr_v4") << true;
        QTest::newRow("NV: GPU") << QStringLiteral("Standard_NV12s_v3") << true;
        QTest::newRow("lower case: GPU") << QStringLiteral("standard_nc6s_v3") << true;
        QTest::newRow("without the Standard_ prefix: GPU") << QStringLiteral("NC6s_v3") << true;
        QTest::newRow("DS (general purpose): CPU") << QStringLiteral("Standard_DS3_v2") << false;
        QTest::newRow("F (compute optimised): CPU") << QStringLiteral("Standard_F4s_v2") << false;
        QTest::newRow("E (memory optimised): CPU") << QStringLiteral("Standard_E8s_v3") << false;
        QTest::newRow("ARM's generic sku name: not a GPU SKU") << QStringLiteral("Default") << false;
        QTest::newRow("empty: not a GPU SKU") << QString() << false;
    }

    void gpuInstanceTypes() {
        QFETCH(QString, instanceType);
        QFETCH(bool, gpu);
        QCOMPARE(azure::isGpuInstanceType(instanceType), gpu);
    }

    // AzureDiscovery's descriptor of a deployment carries its VM size from the ARM item.
    void discoveryReadsTheInstanceType_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("instanceType"); // empty: no instanceType dimension
        const QString dep = QString::fromLatin1(azure::kOnlineDeploymentType);
        QTest::newRow("properties.instanceType")
            << QByteArray(R"({"id":"/x/deployments/a","properties":{"instanceType":"Standard_NC6s_v3"},)"
                          R"("sku":{"name":"Default","capacity":1}})")
            << dep << QStringLiteral("Standard_NC6s_v3");
        QTest::newRow("sku.name when properties has none")
            << QByteArray(R"({"id":"/x/deployments/a","properties":{},"sku":{"name":"Standard_DS2_v2"}})")
            << dep << QStringLiteral("Standard_DS2_v2");
        QTest::newRow("neither: no instanceType")
            << QByteArray(R"({"id":"/x/deployments/a"})") << dep << QString();
        QTest::newRow("an endpoint's sku is not an instance type")
            << QByteArray(R"({"id":"/x/onlineEndpoints/e","sku":{"name":"Standard_NC6s_v3"}})")
            << QString::fromLatin1(azure::kOnlineEndpointType) << QString();
    }

    void discoveryReadsTheInstanceType() {
        QFETCH(QByteArray, json);
        QFETCH(QString, type);
        QFETCH(QString, instanceType);
        const MetricDescriptor d = azure::describeResource(QJsonDocument::fromJson(json).object(), type, {});
        QCOMPARE(d.dimensionValue(QStringLiteral("instanceType")), instanceType);
        const bool has = std::any_of(d.dimensions.cbegin(), d.dimensions.cend(), [](const Dimension &dim) {
            return dim.name == QLatin1String("instanceType");
        });
        QCOMPARE(has, !instanceType.isEmpty());
    }

    // The GPU charts follow the deployment's SKU: a GPU SKU gets them, a CPU or unknown one not.
    void gpuChartsOnlyForGpuSkus_data() {
        QTest::addColumn<QString>("instanceType");
        QTest::addColumn<QStringList>("kinds");
        const QStringList cpu{QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("capacity")};
        const QStringList gpu{QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("gpu"),
                              QStringLiteral("gpu-memory"), QStringLiteral("capacity")};
        QTest::newRow("GPU SKU: GPU utilisation and GPU memory charts")
            << QStringLiteral("Standard_NC6s_v3") << gpu;
        QTest::newRow("ND GPU SKU: GPU charts") << QStringLiteral("Standard_ND40rs_v2") << gpu;
        QTest::newRow("CPU SKU: no GPU chart") << QStringLiteral("Standard_DS3_v2") << cpu;
        QTest::newRow("unknown SKU: no GPU chart") << QString() << cpu;
    }

    void gpuChartsOnlyForGpuSkus() {
        QFETCH(QString, instanceType);
        QFETCH(QStringList, kinds);
        QJsonObject deployment = item(kFraudScoring + QStringLiteral("/deployments/blue"));
        if (!instanceType.isEmpty())
            deployment = withInstanceType(deployment, instanceType);
        const MetricDescriptor d =
            azure::describeResource(deployment, QString::fromLatin1(azure::kOnlineDeploymentType),
                                    {{QStringLiteral("workspace"), QStringLiteral("fraud-ml")},
                                     {QStringLiteral("endpoint"), QStringLiteral("fraud-scoring")}});
        QStringList actual;
        for (const ChartSpec &c : azure::buildAzureCharts({d}, kAccount))
            actual.append(c.id.section(QLatin1Char('/'), 1, 1));
        QCOMPARE(actual, kinds);
    }

    // defaultRulesFor on Azure charts: the recipes of the Azure kinds, never the AWS ones.
    void defaultRulesForAzureCharts_data() {
        QTest::addColumn<QString>("chartId");
        QTest::addColumn<QString>("watched"); // "metric/aggregation[filter]" or empty: no rule
        QTest::addColumn<double>("critical");
        QTest::addColumn<QString>("unit");
        QTest::newRow("latency: P99 above 1000 ms")
            << id("monitoring/latency", "fraud-scoring") << QStringLiteral("RequestLatency_P99/Average@60")
            << 1000.0 << QStringLiteral("ms");
        QTest::newRow("error budget: the 5xx share, above 5 %")
            << id("monitoring/errors", "fraud-scoring")
            << QStringLiteral(
                   "errorPercent(RequestsPerMinute/RequestsPerMinute)/Total@60[statusCodeClass=5xx]")
            << 5.0 << QStringLiteral("%");
        QTest::newRow("deployment memory: the fullest instance above 90 %")
            << id("deployment/memory", "fraud-scoring/green")
            << QStringLiteral("CpuMemoryUtilizationPercentage/Maximum@60") << 90.0 << QStringLiteral("%");
        QTest::newRow("deployment CPU above 90 %")
            << id("deployment/cpu", "fraud-scoring/green")
            << QStringLiteral("CpuUtilizationPercentage/Average@60") << 90.0 << QStringLiteral("%");
        QTest::newRow("quota: lines on the chart, no default rule")
            << id("monitoring/quota", "fraud-ml") << QString() << 0.0 << QString();
        QTest::newRow("deployment GPU is a view, not an alarm")
            << id("deployment/gpu", "ltv-1/default") << QString() << 0.0 << QString();
        QTest::newRow("deployment GPU memory: a warning line, no default rule")
            << id("deployment/gpu-memory", "ltv-1/default") << QString() << 0.0 << QString();
        QTest::newRow("CPU vs GPU is a view, not an alarm")
            << id("training/cpu-gpu", "fraud-ml/gpu-cluster") << QString() << 0.0 << QString();
    }

    void defaultRulesForAzureCharts() {
        QFETCH(QString, chartId);
        QFETCH(QString, watched);
        QFETCH(double, critical);
        QFETCH(QString, unit);
        const QList<ChartSpec> charts = azure::buildAzureCharts(account(), kAccount);
        const ChartSpec *chart = findChart(charts, chartId);
        QVERIFY2(chart, qPrintable(chartId));
        const QList<AlertRule> rules = defaultRulesFor({*chart});
        if (watched.isEmpty()) {
            QVERIFY(rules.isEmpty());
            return;
        }
        QCOMPARE(rules.size(), 1);
        const AlertRule &rule = rules.first();
        QCOMPARE(rule.id, QStringLiteral("default:") + chartId);
        QCOMPARE(rule.cloud, QStringLiteral("azure"));
        QCOMPARE(rule.account, kAccount);
        QCOMPARE(rule.series.account, kAccount);
        QCOMPARE(rule.critical, critical);
        QCOMPARE(rule.unit, unit);
        QCOMPARE(rule.seriesUnit, std::optional<Unit>(chart->unit));
        ChartSpec one = *chart;
        one.series = {seriesSpec(rule.series, QString())};
        QCOMPARE(seriesOf(one), QStringList{watched});
        QVERIFY(rule.validate());
        QVERIFY(!rule.description.isEmpty());
        QVERIFY(rule.name.contains(chart->title.section(QStringLiteral(" — "), 1)));
    }

    // The Azure kinds share names with AWS ones ("monitoring/latency"): an AWS chart keeps the
    // AWS recipe, and an Azure chart never gets it.
    void awsChartsKeepTheirRecipes() {
        ChartSpec aws;
        aws.id = QStringLiteral("monitoring/latency/churn/AllTraffic");
        aws.stage = Stage::Monitoring;
        aws.title = QStringLiteral("Model latency — churn / AllTraffic");
        aws.unit = Unit::Microseconds;
        MetricQuery q;
        q.namespaceName = QStringLiteral("AWS/SageMaker");
        q.metricName = QStringLiteral("ModelLatency");
        q.stat = QStringLiteral("p99");
        aws.series = {seriesSpec(q, QStringLiteral("Model latency"))};
        aws.thresholds = {{500, ThresholdLevel::Warning}, {1000, ThresholdLevel::Critical}};
        const QList<AlertRule> awsRules = defaultRulesFor({aws});
        QCOMPARE(awsRules.size(), 1);
        QCOMPARE(awsRules.first().cloud, QStringLiteral("aws"));
        QVERIFY(awsRules.first().account.isEmpty());

        ChartSpec asAzure = aws;
        asAzure.cloud = QStringLiteral("azure");
        QVERIFY(defaultRulesFor({asAzure}).isEmpty()); // ModelLatency is not an Azure recipe's metric
    }
};

QTEST_GUILESS_MAIN(TstAzureCatalog)
#include "tst_azure_catalog.moc"
