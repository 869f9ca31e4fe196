// Charts a person adds in the metric browser: what each cloud's account offers (browsableMetrics,
// on descriptors shaped like each discovery's output) and the chart built for a pick (customChart).
#include "core/catalog/custom_chart.h"
#include "core/providers/azure/azure_discovery.h"
#include "core/providers/gcp/gcp_discovery.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::AccountKind)
Q_DECLARE_METATYPE(mlwatch::Stage)
Q_DECLARE_METATYPE(mlwatch::Unit)
Q_DECLARE_METATYPE(mlwatch::MetricDescriptor)

namespace {

const QString kSub = QStringLiteral("00000000-0000-4000-8000-000000000001");
const QString kWorkspace = QStringLiteral("/subscriptions/%1/resourceGroups/rg-fraud/providers/"
                                          "Microsoft.MachineLearningServices/workspaces/fraud-ml")
                               .arg(kSub);
const QString kEndpoint = kWorkspace + QStringLiteral("/onlineEndpoints/fraud-scoring");

MetricDescriptor metric(const char *ns, const char *name, const QList<Dimension> &dims) {
    return MetricDescriptor{QLatin1String(ns), QLatin1String(name), dims};
}

Dimension dim(const char *name, const char *value) {
    return {QLatin1String(name), QLatin1String(value)};
}

// What CloudWatch ListMetrics reports: one descriptor per metric and dimension set.
QList<MetricDescriptor> awsAccount() {
    const QList<Dimension> endpoint{dim("EndpointName", "churn-endpoint"), dim("VariantName", "AllTraffic")};
    return {
        metric("AWS/SageMaker", "ModelLatency", endpoint),
        metric("AWS/SageMaker", "Invocations", endpoint),
        metric("AWS/SageMaker", "Invocations", endpoint), // listed twice: offered once
        metric("AWS/SageMaker", "ModelSetupTime", endpoint + QList<Dimension>{dim("InstanceId", "i-1")}),
        metric("/aws/sagemaker/TrainingJobs", "CPUUtilization", {dim("Host", "churn-train/algo-1")}),
        metric("AWS/S3", "BucketSizeBytes",
               {dim("BucketName", "ml-datasets"), dim("StorageType", "StandardStorage")}),
        metric("Custom/Team", "Heartbeat", {}),
    };
}

QJsonObject armItem(const QString &id) {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), id.section(QLatin1Char('/'), -1)}};
}

// What AzureDiscovery reports: resources, no metrics.
QList<MetricDescriptor> azureAccount() {
    using namespace mlwatch::azure;
    const QList<Dimension> inFraud{dim("workspace", "fraud-ml")};
    QList<MetricDescriptor> all;
    all.append(describeResource(armItem(kWorkspace), QString::fromLatin1(kWorkspaceType), {}));
    all.append(describeResource(armItem(kEndpoint), QString::fromLatin1(kOnlineEndpointType), inFraud));
    MetricDescriptor cluster = describeResource(armItem(kWorkspace + QStringLiteral("/computes/cpu-cluster")),
                                                QString::fromLatin1(kComputeType), inFraud);
    cluster.dimensions.append(dim("computeType", "AmlCompute"));
    all.append(cluster);
    return all;
}

// What GcpDiscovery reports: an endpoint with a deployed model, a custom training job.
QList<MetricDescriptor> gcpAccount() {
    const QJsonObject endpoint{
        {QStringLiteral("name"), QStringLiteral("projects/271/locations/us-central1/endpoints/111")},
        {QStringLiteral("displayName"), QStringLiteral("churn-scoring")},
        {QStringLiteral("deployedModels"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("m-1")},
                                {QStringLiteral("displayName"), QStringLiteral("churn-tf-v8")}}}}};
    QList<MetricDescriptor> all =
        gcp::describeEndpoint(endpoint, QStringLiteral("ml-prod"), QStringLiteral("us-central1"));
    if (const auto job = gcp::describeTrainingJob(
            QJsonObject{
                {QStringLiteral("name"), QStringLiteral("projects/271/locations/us-central1/customJobs/9")},
                {QStringLiteral("displayName"), QStringLiteral("train-a")}},
            QStringLiteral("ml-prod"), QStringLiteral("us-central1")))
        all.append(*job);
    return all;
}

QList<MetricDescriptor> accountOf(AccountKind kind) {
    return kind == AccountKind::Aws     ? awsAccount()
           : kind == AccountKind::Azure ? azureAccount()
                                        : gcpAccount();
}

QString accountIdOf(AccountKind kind) {
    return kind == AccountKind::Aws     ? QString()
           : kind == AccountKind::Azure ? QStringLiteral("azure-prod")
                                        : QStringLiteral("gcp-prod");
}

} // namespace

class TstCustomChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chartForPick_data() {
        QTest::addColumn<AccountKind>("kind");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("metricName");
        QTest::addColumn<QList<Dimension>>("filter"); // the pick's dimensions must include these
        QTest::addColumn<Stage>("stage");
        QTest::addColumn<QString>("stat");
        QTest::addColumn<Unit>("unit");
        QTest::addColumn<int>("period");
        QTest::addColumn<QString>("queriedResource");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("id");

        const QString ep = QStringLiteral("churn-endpoint/AllTraffic");
        const QString epDims = QStringLiteral("EndpointName=churn-endpoint,VariantName=AllTraffic");
        QTest::newRow("aws: ModelLatency keeps the catalog's statistic (the median) and microseconds")
            << AccountKind::Aws << ep << QStringLiteral("ModelLatency") << QList<Dimension>{}
            << Stage::Training << QStringLiteral("p50") << Unit::Microseconds << 60 << QString()
            << QStringLiteral("ModelLatency — churn-endpoint/AllTraffic")
            << QStringLiteral("custom/training//AWS/SageMaker/ModelLatency/") + epDims;
        QTest::newRow("aws: Invocations are summed as the catalog counts them")
            << AccountKind::Aws << ep << QStringLiteral("Invocations") << QList<Dimension>{}
            << Stage::Monitoring << QStringLiteral("Sum") << Unit::None << 60 << QString()
            << QStringLiteral("Invocations — churn-endpoint/AllTraffic")
            << QStringLiteral("custom/monitoring//AWS/SageMaker/Invocations/") + epDims;
        QTest::newRow("aws: a metric the catalog does not chart gets Average and no unit, all its dimensions")
            << AccountKind::Aws << ep << QStringLiteral("ModelSetupTime") << QList<Dimension>{}
            << Stage::Deployment << QStringLiteral("Average") << Unit::None << 60 << QString()
            << QStringLiteral("ModelSetupTime — churn-endpoint/AllTraffic")
            << QStringLiteral("custom/deployment//AWS/SageMaker/ModelSetupTime/"
                              "EndpointName=churn-endpoint,InstanceId=i-1,VariantName=AllTraffic");
        QTest::newRow("aws: training host named by the catalog's Host dimension")
            << AccountKind::Aws << QStringLiteral("churn-train/algo-1") << QStringLiteral("CPUUtilization")
            << QList<Dimension>{} << Stage::Training << QStringLiteral("Average") << Unit::Percent << 60
            << QString() << QStringLiteral("CPUUtilization — churn-train/algo-1")
            << QStringLiteral(
                   "custom/training///aws/sagemaker/TrainingJobs/CPUUtilization/Host=churn-train/algo-1");
        QTest::newRow("aws: S3 dataset size keeps the daily period and bytes")
            << AccountKind::Aws << QStringLiteral("ml-datasets") << QStringLiteral("BucketSizeBytes")
            << QList<Dimension>{} << Stage::Evaluation << QStringLiteral("Average") << Unit::Bytes << 86400
            << QString() << QStringLiteral("BucketSizeBytes — ml-datasets")
            << QStringLiteral("custom/evaluation//AWS/S3/BucketSizeBytes/"
                              "BucketName=ml-datasets,StorageType=StandardStorage");
        QTest::newRow("aws: a metric without dimensions is listed under its namespace")
            << AccountKind::Aws << QStringLiteral("Custom/Team") << QStringLiteral("Heartbeat")
            << QList<Dimension>{} << Stage::Monitoring << QStringLiteral("Average") << Unit::None << 60
            << QString() << QStringLiteral("Heartbeat — Custom/Team")
            << QStringLiteral("custom/monitoring//Custom/Team/Heartbeat/");

        const QString epType = QString::fromLatin1(azure::kOnlineEndpointType);
        QTest::newRow("azure: RequestLatency_P99 on the endpoint's ARM id, in milliseconds")
            << AccountKind::Azure << QStringLiteral("fraud-scoring") << QStringLiteral("RequestLatency_P99")
            << QList<Dimension>{} << Stage::Monitoring << QStringLiteral("Average") << Unit::Milliseconds
            << 60 << kEndpoint << QStringLiteral("RequestLatency_P99 — fraud-scoring")
            << QStringLiteral("custom/monitoring/azure-prod/") + epType +
                   QStringLiteral("/RequestLatency_P99/resource=") + kEndpoint;
        QTest::newRow("azure: RequestsPerMinute (a rate's input) totals, not a mean across series, no unit")
            << AccountKind::Azure << QStringLiteral("fraud-scoring") << QStringLiteral("RequestsPerMinute")
            << QList<Dimension>{} << Stage::Monitoring << QStringLiteral("Total") << Unit::None << 60
            << kEndpoint << QStringLiteral("RequestsPerMinute — fraud-scoring")
            << QStringLiteral("custom/monitoring/azure-prod/") + epType +
                   QStringLiteral("/RequestsPerMinute/resource=") + kEndpoint;
        QTest::newRow("azure: 5xx responses keep their status-class filter in the id")
            << AccountKind::Azure << QStringLiteral("fraud-scoring") << QStringLiteral("RequestsPerMinute")
            << QList<Dimension>{dim("statusCodeClass", "5xx")} << Stage::Monitoring << QStringLiteral("Total")
            << Unit::None << 60 << kEndpoint << QStringLiteral("RequestsPerMinute — fraud-scoring")
            << QStringLiteral("custom/monitoring/azure-prod/") + epType +
                   QStringLiteral("/RequestsPerMinute/resource=") + kEndpoint +
                   QStringLiteral(",statusCodeClass=5xx");
        QTest::newRow("azure: cluster CPU is asked of the workspace with ClusterName")
            << AccountKind::Azure << QStringLiteral("fraud-ml/cpu-cluster")
            << QStringLiteral("CpuUtilization") << QList<Dimension>{dim("ClusterName", "cpu-cluster")}
            << Stage::DataPreparation << QStringLiteral("Average") << Unit::Percent << 60 << kWorkspace
            << QStringLiteral("CpuUtilization — fraud-ml/cpu-cluster")
            << QStringLiteral("custom/data-preparation/azure-prod/") +
                   QString::fromLatin1(azure::kWorkspaceType) + QStringLiteral("/CpuUtilization/resource=") +
                   kWorkspace + QStringLiteral(",ClusterName=cpu-cluster");

        const QString gEp = QString::fromLatin1(gcp::kEndpointResourceType);
        const QString cpu = QStringLiteral("aiplatform.googleapis.com/prediction/online/cpu/utilization");
        QTest::newRow("gcp: endpoint CPU aligned as a mean, a fraction, titled without the service")
            << AccountKind::Gcp << QStringLiteral("churn-scoring") << cpu << QList<Dimension>{}
            << Stage::Deployment << QStringLiteral("ALIGN_MEAN|REDUCE_MEAN") << Unit::Fraction << 60
            << QStringLiteral("projects/ml-prod")
            << QStringLiteral("prediction/online/cpu/utilization — churn-scoring")
            << QStringLiteral("custom/deployment/gcp-prod/") + gEp + QLatin1Char('/') + cpu +
                   QStringLiteral("/resource=projects/ml-prod,resource.labels.endpoint_id=111");
        const QString count = QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_count");
        QTest::newRow("gcp: a counter (a rate's input) is aligned as a delta, as the catalog does")
            << AccountKind::Gcp << QStringLiteral("churn-scoring") << count << QList<Dimension>{}
            << Stage::Monitoring << QStringLiteral("ALIGN_DELTA|REDUCE_SUM") << Unit::None << 60
            << QStringLiteral("projects/ml-prod")
            << QStringLiteral("prediction/online/prediction_count — churn-scoring")
            << QStringLiteral("custom/monitoring/gcp-prod/") + gEp + QLatin1Char('/') + count +
                   QStringLiteral("/resource=projects/ml-prod,resource.labels.endpoint_id=111");
        const QString trainCpu = QStringLiteral("ml.googleapis.com/training/cpu/utilization");
        QTest::newRow("gcp: training job CPU filtered by its job id")
            << AccountKind::Gcp << QStringLiteral("train-a") << trainCpu << QList<Dimension>{}
            << Stage::Training << QStringLiteral("ALIGN_MEAN|REDUCE_MEAN") << Unit::Fraction << 60
            << QStringLiteral("projects/ml-prod") << QStringLiteral("training/cpu/utilization — train-a")
            << QStringLiteral("custom/training/gcp-prod/cloudml_job/") + trainCpu +
                   QStringLiteral("/resource=projects/ml-prod,resource.labels.job_id=9");
    }

    void chartForPick() {
        QFETCH(AccountKind, kind);
        QFETCH(QString, resource);
        QFETCH(QString, metricName);
        QFETCH(QList<Dimension>, filter);
        QFETCH(Stage, stage);
        const QString account = accountIdOf(kind);
        const QList<BrowsableMetric> offered = browsableMetrics(kind, account, accountOf(kind));
        const BrowsableMetric *pick = nullptr;
        for (const BrowsableMetric &m : offered) {
            const bool filtered = std::all_of(filter.begin(), filter.end(), [&m](const Dimension &d) {
                return m.query.dimensions.contains(d);
            });
            // Offered sorted by dimensions: without a filter, the unfiltered series comes first.
            if (m.resource == resource && m.metricName == metricName && filtered) {
                pick = &m;
                break;
            }
        }
        QVERIFY2(pick, qPrintable(QStringLiteral("%1 of %2 not offered").arg(metricName, resource)));

        const ChartSpec chart = customChart(*pick, stage, kind, account, QStringLiteral("Label"));
        QTEST(chart.id, "id");
        QTEST(chart.title, "title");
        QTEST(chart.unit, "unit");
        QCOMPARE(chart.stage, stage);
        QCOMPARE(chart.resource, resource);
        QCOMPARE(chart.account, account);
        QCOMPARE(chart.accountLabel, QStringLiteral("Label"));
        QCOMPARE(chart.cloud, accountKindId(kind));
        QVERIFY(chart.thresholds.isEmpty());
        QVERIFY(isCustomChartId(chart.id));
        QCOMPARE(chart.series.size(), 1);
        const MetricQuery &q = chart.series.first().query;
        QCOMPARE(q.metricName, metricName);
        QCOMPARE(q.account, account);
        QTEST(q.stat, "stat");
        QTEST(q.periodSeconds, "period");
        QTEST(q.resource, "queriedResource");
        for (const Dimension &d : std::as_const(filter))
            QVERIFY(q.dimensions.contains(d));
        QCOMPARE(chart.series.first().legend, pick->displayName);
    }

    // Every metric offered has an id of its own per tab, and the same pick always gets the same id.
    void idsAreUniqueAndStable_data() {
        QTest::addColumn<AccountKind>("kind");
        QTest::newRow("aws") << AccountKind::Aws;
        QTest::newRow("azure") << AccountKind::Azure;
        QTest::newRow("gcp") << AccountKind::Gcp;
    }
    void idsAreUniqueAndStable() {
        QFETCH(AccountKind, kind);
        const QList<BrowsableMetric> offered = browsableMetrics(kind, accountIdOf(kind), accountOf(kind));
        QVERIFY(offered.size() >= 3);
        QCOMPARE(browsableMetrics(kind, accountIdOf(kind), accountOf(kind)), offered);
        QSet<QString> ids;
        for (Stage stage : allStages())
            for (const BrowsableMetric &m : offered) {
                const QString id = customChart(m, stage, kind, accountIdOf(kind), QString()).id;
                QVERIFY2(!ids.contains(id), qPrintable(id));
                ids.insert(id);
            }
    }

    // The browser lists metrics by resource: the list comes sorted by resource, then name.
    void offeredSortedByResourceThenName_data() { idsAreUniqueAndStable_data(); }
    void offeredSortedByResourceThenName() {
        QFETCH(AccountKind, kind);
        const QList<BrowsableMetric> offered = browsableMetrics(kind, accountIdOf(kind), accountOf(kind));
        for (qsizetype i = 1; i < offered.size(); ++i) {
            const BrowsableMetric &a = offered.at(i - 1);
            const BrowsableMetric &b = offered.at(i);
            QVERIFY(a.resource < b.resource || (a.resource == b.resource && a.displayName <= b.displayName));
        }
    }

    void statistics_data() {
        QTest::addColumn<AccountKind>("kind");
        QTest::addColumn<QString>("metricName");
        QTest::addColumn<QStringList>("statistics");
        QTest::newRow("aws: the catalog's statistic first, then CloudWatch's")
            << AccountKind::Aws << QStringLiteral("Invocations")
            << QStringList{QStringLiteral("Sum"),         QStringLiteral("Average"),
                           QStringLiteral("Minimum"),     QStringLiteral("Maximum"),
                           QStringLiteral("SampleCount"), QStringLiteral("p50"),
                           QStringLiteral("p90"),         QStringLiteral("p99")};
        QTest::newRow("azure: Azure Monitor's aggregations")
            << AccountKind::Azure << QStringLiteral("CpuUtilization")
            << QStringList{QStringLiteral("Average"), QStringLiteral("Total"), QStringLiteral("Minimum"),
                           QStringLiteral("Maximum"), QStringLiteral("Count")};
        QTest::newRow("gcp: only the catalog's aligner and reducer")
            << AccountKind::Gcp << QStringLiteral("ml.googleapis.com/training/cpu/utilization")
            << QStringList{QStringLiteral("ALIGN_MEAN|REDUCE_MEAN")};
    }
    void statistics() {
        QFETCH(AccountKind, kind);
        QFETCH(QString, metricName);
        for (const BrowsableMetric &m : browsableMetrics(kind, accountIdOf(kind), accountOf(kind)))
            if (m.metricName == metricName) {
                QTEST(statisticsFor(kind, m), "statistics");
                return;
            }
        QFAIL("metric not offered");
    }

    // Another statistic than the metric's own: asked for, named in title and legend, an id of its own.
    void chosenStatistic_data() {
        QTest::addColumn<QString>("statistic");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("idSuffix");
        QTest::addColumn<Unit>("unit");
        QTest::newRow("the metric's own statistic: as without a choice")
            << QStringLiteral("p50") << QStringLiteral("ModelLatency — churn-endpoint/AllTraffic")
            << QString() << Unit::Microseconds;
        QTest::newRow("p99: in the title and the id")
            << QStringLiteral("p99") << QStringLiteral("ModelLatency (p99) — churn-endpoint/AllTraffic")
            << QStringLiteral("@p99") << Unit::Microseconds;
        QTest::newRow("SampleCount counts datapoints: no unit of the metric's")
            << QStringLiteral("SampleCount")
            << QStringLiteral("ModelLatency (SampleCount) — churn-endpoint/AllTraffic")
            << QStringLiteral("@SampleCount") << Unit::None;
    }
    void chosenStatistic() {
        QFETCH(QString, statistic);
        QFETCH(QString, idSuffix);
        const QList<BrowsableMetric> offered = browsableMetrics(AccountKind::Aws, QString(), awsAccount());
        const auto latency = std::find_if(offered.cbegin(), offered.cend(), [](const BrowsableMetric &m) {
            return m.metricName == QLatin1String("ModelLatency");
        });
        QVERIFY(latency != offered.cend());
        const ChartSpec plain =
            customChart(*latency, Stage::Monitoring, AccountKind::Aws, QString(), QString());
        const ChartSpec chart =
            customChart(*latency, Stage::Monitoring, AccountKind::Aws, QString(), QString(), statistic);
        QCOMPARE(chart.id, plain.id + idSuffix);
        QTEST(chart.title, "title");
        QTEST(chart.unit, "unit");
        QCOMPARE(chart.series.first().query.stat, statistic);
        QCOMPARE(chart.series.first().legend.contains(statistic), !idSuffix.isEmpty());
    }

    void nothingDiscoveredOffersNothing() {
        QVERIFY(browsableMetrics(AccountKind::Aws, QString(), {}).isEmpty());
        QVERIFY(browsableMetrics(AccountKind::Azure, QStringLiteral("a"), {}).isEmpty());
        QVERIFY(browsableMetrics(AccountKind::Gcp, QStringLiteral("g"), {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstCustomChart)
#include "tst_custom_chart.moc"
