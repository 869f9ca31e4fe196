#include "core/catalog/aws_catalog.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::Stage)
Q_DECLARE_METATYPE(mlwatch::Unit)
Q_DECLARE_METATYPE(mlwatch::MetricDescriptor)

namespace {

MetricDescriptor metric(const char *ns, const char *name, QList<Dimension> dims) {
    return MetricDescriptor{QLatin1String(ns), QLatin1String(name), std::move(dims)};
}

Dimension dim(const char *name, const char *value) {
    return Dimension{QLatin1String(name), QLatin1String(value)};
}

// What discovery could find in an account: the story's resources, plus metrics the catalog must
// leave alone (other namespaces, other dimension sets, buckets that hold no ML data).
QList<MetricDescriptor> account() {
    QList<MetricDescriptor> all;
    for (const char *m : {"MemoryUtilization", "CPUUtilization", "DiskUtilization"})
        all.append(metric("/aws/sagemaker/ProcessingJobs", m, {dim("Host", "feature-build-a/algo-1")}));
    for (const char *m :
         {"CPUUtilization", "GPUUtilization", "GPUMemoryUtilization", "MemoryUtilization", "DiskUtilization"})
        all.append(metric("/aws/sagemaker/TrainingJobs", m, {dim("Host", "churn-train-b/algo-1")}));
    for (const char *m : {"CPUUtilization", "MemoryUtilization"})
        all.append(metric("/aws/sagemaker/TrainingJobs", m, {dim("Host", "cpu-only-train/algo-1")}));
    all.append(metric("/aws/sagemaker/TrainingJobs", "CPUUtilization", {dim("Host", "multi/algo-2")}));

    for (const char *state : {"SUCCEEDED", "FAILED"})
        all.append(
            metric("AWS/Athena", "TotalExecutionTime",
                   {dim("QueryState", state), dim("QueryType", "DML"), dim("WorkGroup", "ml-evaluation")}));
    all.append(
        metric("AWS/Athena", "TotalExecutionTime",
               {dim("QueryState", "SUCCEEDED"), dim("QueryType", "DDL"), dim("WorkGroup", "ml-evaluation")}));
    all.append(metric("AWS/S3", "BucketSizeBytes",
                      {dim("BucketName", "churn-ml-datasets"), dim("StorageType", "StandardStorage")}));
    all.append(metric("AWS/S3", "BucketSizeBytes",
                      {dim("BucketName", "churn-ml-datasets"), dim("StorageType", "GlacierStorage")}));
    all.append(metric("AWS/S3", "BucketSizeBytes",
                      {dim("BucketName", "web-logs"), dim("StorageType", "StandardStorage")}));
    all.append(metric("AWS/S3", "NumberOfObjects",
                      {dim("BucketName", "churn-ml-datasets"), dim("StorageType", "AllStorageTypes")}));

    const QList<Dimension> prod{dim("EndpointName", "churn-model-prod"), dim("VariantName", "AllTraffic")};
    for (const char *m : {"CPUUtilization", "MemoryUtilization"})
        all.append(metric("/aws/sagemaker/Endpoints", m, prod));
    all.append(metric("/aws/sagemaker/Endpoints", "CPUUtilization",
                      prod + QList<Dimension>{dim("InstanceId", "i-1")}));
    for (const char *m :
         {"Invocations", "Invocation4XXErrors", "Invocation5XXErrors", "ModelLatency", "OverheadLatency"})
        all.append(metric("AWS/SageMaker", m, prod));
    all.append(metric("AWS/SageMaker", "Invocations",
                      {dim("EndpointName", "fraud-model"), dim("VariantName", "AllTraffic")}));

    const QList<Dimension> monitor{dim("Endpoint", "churn-model-prod"),
                                   dim("MonitoringSchedule", "churn-dq")};
    for (const char *m : {"feature_baseline_drift_tenure_months", "feature_non_null_tenure_months",
                          "feature_baseline_drift_contract_type"})
        all.append(metric("aws/sagemaker/Endpoints/data-metrics", m, monitor));

    all.append(metric("AWS/Lambda", "Duration", {dim("FunctionName", "resize-images")}));
    all.append(metric("AWS/EC2", "CPUUtilization", {dim("InstanceId", "i-0abc")}));
    return all;
}

const ChartSpec *findChart(const QList<ChartSpec> &charts, const QString &id) {
    const auto it =
        std::find_if(charts.begin(), charts.end(), [&id](const ChartSpec &c) { return c.id == id; });
    return it == charts.end() ? nullptr : &*it;
}

// "metric/stat@period" per series, in order.
QStringList seriesOf(const ChartSpec &chart) {
    QStringList out;
    for (const ChartSeriesSpec &s : chart.series)
        out.append(
            QStringLiteral("%1/%2@%3").arg(s.query.metricName, s.query.stat).arg(s.query.periodSeconds));
    return out;
}

// "W80", "C90", … in order.
QStringList thresholdsOf(const ChartSpec &chart) {
    QStringList out;
    for (const ThresholdLine &t : chart.thresholds)
        out.append((t.level == ThresholdLevel::Warning ? QStringLiteral("W") : QStringLiteral("C")) +
                   QString::number(t.value));
    return out;
}

} // namespace

class TstAwsCatalog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chartsPerStage_data() {
        QTest::addColumn<Stage>("stage");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("data preparation: memory, CPU, then disk per processing job")
            << Stage::DataPreparation
            << QStringList{QStringLiteral("data-preparation/memory/feature-build-a/algo-1"),
                           QStringLiteral("data-preparation/cpu/feature-build-a/algo-1"),
                           QStringLiteral("data-preparation/disk/feature-build-a/algo-1")};
        QTest::newRow("training: CPU vs GPU, memory and disk (where published) per host, hosts by name")
            << Stage::Training
            << QStringList{QStringLiteral("training/cpu-gpu/churn-train-b/algo-1"),
                           QStringLiteral("training/memory/churn-train-b/algo-1"),
                           QStringLiteral("training/disk/churn-train-b/algo-1"),
                           QStringLiteral("training/cpu-gpu/cpu-only-train/algo-1"),
                           QStringLiteral("training/memory/cpu-only-train/algo-1"),
                           QStringLiteral("training/cpu-gpu/multi/algo-2")};
        QTest::newRow("evaluation: only ML buckets and successful DML queries, by resource name")
            << Stage::Evaluation
            << QStringList{QStringLiteral("evaluation/dataset-size/churn-ml-datasets"),
                           QStringLiteral("evaluation/athena/ml-evaluation")};
        QTest::newRow("deployment: endpoint CPU and memory, per-instance variants ignored")
            << Stage::Deployment
            << QStringList{QStringLiteral("deployment/cpu/churn-model-prod/AllTraffic"),
                           QStringLiteral("deployment/memory/churn-model-prod/AllTraffic")};
        QTest::newRow("monitoring: RED per endpoint, drift per schedule, only what exists")
            << Stage::Monitoring
            << QStringList{QStringLiteral("monitoring/requests/churn-model-prod/AllTraffic"),
                           QStringLiteral("monitoring/errors/churn-model-prod/AllTraffic"),
                           QStringLiteral("monitoring/latency/churn-model-prod/AllTraffic"),
                           QStringLiteral("monitoring/drift/churn-model-prod/churn-dq"),
                           QStringLiteral("monitoring/requests/fraud-model/AllTraffic")};
    }

    void chartsPerStage() {
        QFETCH(Stage, stage);
        QFETCH(QStringList, ids);
        QStringList actual;
        for (const ChartSpec &c : aws::buildAwsCharts(account()))
            if (c.stage == stage)
                actual.append(c.id);
        QCOMPARE(actual, ids);
    }

    void chartsComeInStageOrder() {
        const QList<ChartSpec> charts = aws::buildAwsCharts(account());
        QCOMPARE(charts.size(), 18);
        QVERIFY(std::is_sorted(charts.begin(), charts.end(),
                               [](const ChartSpec &a, const ChartSpec &b) { return a.stage < b.stage; }));
    }

    void chartContents_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<Unit>("unit");
        QTest::addColumn<QStringList>("series");
        QTest::addColumn<QStringList>("thresholds");
        QTest::newRow("processing memory: average and peak, 80/90 %")
            << QStringLiteral("data-preparation/memory/feature-build-a/algo-1") << Unit::Percent
            << QStringList{QStringLiteral("MemoryUtilization/Average@60"),
                           QStringLiteral("MemoryUtilization/Maximum@60")}
            << QStringList{QStringLiteral("W80"), QStringLiteral("C90")};
        QTest::newRow("training CPU vs GPU: both averages, CPU-saturation line")
            << QStringLiteral("training/cpu-gpu/churn-train-b/algo-1") << Unit::Percent
            << QStringList{QStringLiteral("CPUUtilization/Average@60"),
                           QStringLiteral("GPUUtilization/Average@60")}
            << QStringList{QStringLiteral("W90")};
        QTest::newRow("training without a GPU: CPU only")
            << QStringLiteral("training/cpu-gpu/cpu-only-train/algo-1") << Unit::Percent
            << QStringList{QStringLiteral("CPUUtilization/Average@60")} << QStringList{QStringLiteral("W90")};
        QTest::newRow("training memory: host and GPU memory")
            << QStringLiteral("training/memory/churn-train-b/algo-1") << Unit::Percent
            << QStringList{QStringLiteral("MemoryUtilization/Average@60"),
                           QStringLiteral("GPUMemoryUtilization/Average@60")}
            << QStringList{QStringLiteral("W80"), QStringLiteral("C90")};
        QTest::newRow("athena: milliseconds, average and slowest, thresholds in ms")
            << QStringLiteral("evaluation/athena/ml-evaluation") << Unit::Milliseconds
            << QStringList{QStringLiteral("TotalExecutionTime/Average@60"),
                           QStringLiteral("TotalExecutionTime/Maximum@60")}
            << QStringList{QStringLiteral("W60000"), QStringLiteral("C180000")};
        QTest::newRow("S3 size: bytes, daily period, standard storage only")
            << QStringLiteral("evaluation/dataset-size/churn-ml-datasets") << Unit::Bytes
            << QStringList{QStringLiteral("BucketSizeBytes/Average@86400")} << QStringList{};
        QTest::newRow("endpoint CPU: 70/90 %")
            << QStringLiteral("deployment/cpu/churn-model-prod/AllTraffic") << Unit::Percent
            << QStringList{QStringLiteral("CPUUtilization/Average@60"),
                           QStringLiteral("CPUUtilization/Maximum@60")}
            << QStringList{QStringLiteral("W70"), QStringLiteral("C90")};
        QTest::newRow("endpoint memory: 80/90 %")
            << QStringLiteral("deployment/memory/churn-model-prod/AllTraffic") << Unit::Percent
            << QStringList{QStringLiteral("MemoryUtilization/Average@60"),
                           QStringLiteral("MemoryUtilization/Maximum@60")}
            << QStringList{QStringLiteral("W80"), QStringLiteral("C90")};
        QTest::newRow("requests: Invocations per period as a rate per second, no threshold")
            << QStringLiteral("monitoring/requests/churn-model-prod/AllTraffic") << Unit::CountPerSecond
            << QStringList{QStringLiteral("rate(Invocations)/Sum@60")} << QStringList{};
        QTest::newRow("errors: (4XX + 5XX) and 5XX as a percentage of Invocations, 1/5 %")
            << QStringLiteral("monitoring/errors/churn-model-prod/AllTraffic") << Unit::Percent
            << QStringList{QStringLiteral(
                               "errorPercent(Invocation4XXErrors+Invocation5XXErrors/Invocations)/Sum@60"),
                           QStringLiteral("errorPercent(Invocation5XXErrors/Invocations)/Sum@60")}
            << QStringList{QStringLiteral("W1"), QStringLiteral("C5")};
        QTest::newRow("latency: p50 and p99 in raw microseconds, thresholds 500/1000 in display ms")
            << QStringLiteral("monitoring/latency/churn-model-prod/AllTraffic") << Unit::Microseconds
            << QStringList{QStringLiteral("ModelLatency/p50@60"), QStringLiteral("ModelLatency/p99@60")}
            << QStringList{QStringLiteral("W500"), QStringLiteral("C1000")};
        QTest::newRow("drift: one series per feature by name, hourly, 0.1/0.2")
            << QStringLiteral("monitoring/drift/churn-model-prod/churn-dq") << Unit::None
            << QStringList{QStringLiteral("feature_baseline_drift_contract_type/Average@3600"),
                           QStringLiteral("feature_baseline_drift_tenure_months/Average@3600")}
            << QStringList{QStringLiteral("W0.1"), QStringLiteral("C0.2")};
    }

    void chartContents() {
        QFETCH(QString, id);
        QFETCH(Unit, unit);
        QFETCH(QStringList, series);
        QFETCH(QStringList, thresholds);
        const QList<ChartSpec> charts = aws::buildAwsCharts(account());
        const ChartSpec *chart = findChart(charts, id);
        QVERIFY2(chart, qPrintable(id));
        QCOMPARE(chart->unit, unit);
        QCOMPARE(seriesOf(*chart), series);
        QCOMPARE(thresholdsOf(*chart), thresholds);
        QVERIFY(!chart->explanation.isEmpty());
        for (const ChartSeriesSpec &s : chart->series) {
            QVERIFY(!s.legend.isEmpty());
            QCOMPARE(s.query.namespaceName, chart->series.first().query.namespaceName);
        }
    }

    // RED's rate and error percentage are derived: the scheduler fetches their inputs, the
    // endpoint's own counts with its exact dimension set.
    void redSeriesAreDerivedFromTheEndpointsCounts() {
        const QList<ChartSpec> charts = aws::buildAwsCharts(account());
        const QList<Dimension> prod{dim("EndpointName", "churn-model-prod"),
                                    dim("VariantName", "AllTraffic")};
        const ChartSpec *requests =
            findChart(charts, QStringLiteral("monitoring/requests/churn-model-prod/AllTraffic"));
        QVERIFY(requests);
        QCOMPARE(requests->series.first().derivation, SeriesDerivation::RatePerSecond);
        QCOMPARE(requests->series.first().inputs.size(), 1);
        QCOMPARE(requests->series.first().inputs.first().metricName, QStringLiteral("Invocations"));
        QCOMPARE(requests->series.first().inputs.first().stat, QStringLiteral("Sum"));
        QCOMPARE(requests->series.first().inputs.first().dimensions, prod);
        const ChartSpec *errors =
            findChart(charts, QStringLiteral("monitoring/errors/churn-model-prod/AllTraffic"));
        QVERIFY(errors);
        const ChartSeriesSpec &all = errors->series.first();
        QCOMPARE(all.derivation, SeriesDerivation::ErrorPercent);
        QStringList inputs;
        for (const MetricQuery &q : all.inputs) {
            inputs.append(q.metricName + QLatin1Char('/') + q.stat);
            QCOMPARE(q.dimensions, prod);
        }
        QCOMPARE(inputs,
                 (QStringList{QStringLiteral("Invocations/Sum"), QStringLiteral("Invocation4XXErrors/Sum"),
                              QStringLiteral("Invocation5XXErrors/Sum")}));
        // An endpoint that publishes no error metrics gets a rate but no error chart.
        QVERIFY(findChart(charts, QStringLiteral("monitoring/requests/fraud-model/AllTraffic")));
        QVERIFY(!findChart(charts, QStringLiteral("monitoring/errors/fraud-model/AllTraffic")));
    }

    // Queries carry the exact dimension set the metric was published with.
    void queriesUseTheFullDimensionSet() {
        const QList<ChartSpec> charts = aws::buildAwsCharts(account());
        const ChartSpec *athena = findChart(charts, QStringLiteral("evaluation/athena/ml-evaluation"));
        QVERIFY(athena);
        const QList<Dimension> expected{dim("QueryState", "SUCCEEDED"), dim("QueryType", "DML"),
                                        dim("WorkGroup", "ml-evaluation")};
        QCOMPARE(athena->series.first().query.dimensions, expected);
        QCOMPARE(athena->resource, QStringLiteral("ml-evaluation"));
    }

    void titlesAndLegends_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("legends");
        QTest::newRow("single-instance job titled by the job")
            << QStringLiteral("training/cpu-gpu/churn-train-b/algo-1")
            << QStringLiteral("CPU vs GPU — churn-train-b")
            << QStringList{QStringLiteral("CPU utilisation"), QStringLiteral("GPU utilisation")};
        QTest::newRow("second host keeps its suffix")
            << QStringLiteral("training/cpu-gpu/multi/algo-2") << QStringLiteral("CPU vs GPU — multi/algo-2")
            << QStringList{QStringLiteral("CPU utilisation")};
        QTest::newRow("endpoint and variant")
            << QStringLiteral("monitoring/latency/churn-model-prod/AllTraffic")
            << QStringLiteral("Model latency — churn-model-prod / AllTraffic")
            << QStringList{QStringLiteral("Model latency (median)"), QStringLiteral("Model latency (P99)")};
        QTest::newRow("drift legends are the feature names")
            << QStringLiteral("monitoring/drift/churn-model-prod/churn-dq")
            << QStringLiteral("Data drift — churn-model-prod")
            << QStringList{QStringLiteral("contract_type"), QStringLiteral("tenure_months")};
    }

    void titlesAndLegends() {
        QFETCH(QString, id);
        QFETCH(QString, title);
        QFETCH(QStringList, legends);
        const QList<ChartSpec> charts = aws::buildAwsCharts(account());
        const ChartSpec *chart = findChart(charts, id);
        QVERIFY(chart);
        QCOMPARE(chart->title, title);
        QStringList actual;
        for (const ChartSeriesSpec &s : chart->series)
            actual.append(s.legend);
        QCOMPARE(actual, legends);
    }

    void noChartWithoutAMatchingMetric_data() {
        QTest::addColumn<QList<MetricDescriptor>>("discovered");
        QTest::newRow("unknown namespace") << QList<MetricDescriptor>{
            metric("AWS/Lambda", "Duration", {dim("FunctionName", "resize-images")})};
        QTest::newRow("same metric name in another namespace")
            << QList<MetricDescriptor>{metric("AWS/EC2", "CPUUtilization", {dim("InstanceId", "i-0abc")})};
        QTest::newRow("known namespace, unknown metric") << QList<MetricDescriptor>{
            metric("AWS/SageMaker", "ModelSetupTime", {dim("EndpointName", "e"), dim("VariantName", "v")})};
        QTest::newRow("per-instance dimension set only") << QList<MetricDescriptor>{
            metric("/aws/sagemaker/Endpoints", "CPUUtilization",
                   {dim("EndpointName", "e"), dim("VariantName", "v"), dim("InstanceId", "i-1")})};
        QTest::newRow("bucket without ML data") << QList<MetricDescriptor>{
            metric("AWS/S3", "BucketSizeBytes",
                   {dim("BucketName", "web-logs"), dim("StorageType", "StandardStorage")})};
        QTest::newRow("failed Athena queries only") << QList<MetricDescriptor>{
            metric("AWS/Athena", "TotalExecutionTime",
                   {dim("QueryState", "FAILED"), dim("QueryType", "DML"), dim("WorkGroup", "wg")})};
        QTest::newRow("nothing discovered") << QList<MetricDescriptor>{};
    }

    void noChartWithoutAMatchingMetric() {
        QFETCH(QList<MetricDescriptor>, discovered);
        QVERIFY(aws::buildAwsCharts(discovered).isEmpty());
    }

    // Discovery's SageMaker Describe* calls add resource descriptors (no metric name) carrying
    // "instanceType"; the catalog puts the type on that resource's charts for UnitRegistry.
    void instanceTypeFromResourceDescriptors_data() {
        QTest::addColumn<QString>("chartId");
        QTest::addColumn<QString>("instanceType");
        QTest::newRow("endpoint variant's type on its CPU chart")
            << QStringLiteral("deployment/cpu/churn-model-prod/AllTraffic") << QStringLiteral("ml.m5.xlarge");
        QTest::newRow("endpoint variant's type on its RED chart too")
            << QStringLiteral("monitoring/requests/churn-model-prod/AllTraffic")
            << QStringLiteral("ml.m5.xlarge");
        QTest::newRow("training host's type on its CPU vs GPU chart")
            << QStringLiteral("training/cpu-gpu/churn-train-b/algo-1") << QStringLiteral("ml.g5.2xlarge");
        QTest::newRow("a host without a learnt type stays unknown")
            << QStringLiteral("training/cpu-gpu/cpu-only-train/algo-1") << QString();
        QTest::newRow("processing job without a learnt type stays unknown")
            << QStringLiteral("data-preparation/cpu/feature-build-a/algo-1") << QString();
    }
    void instanceTypeFromResourceDescriptors() {
        QFETCH(QString, chartId);
        QFETCH(QString, instanceType);
        const QList<Dimension> prod{dim("EndpointName", "churn-model-prod"),
                                    dim("VariantName", "AllTraffic")};
        QList<MetricDescriptor> all = account();
        const QList<ChartSpec> without = aws::buildAwsCharts(all);
        for (const char *ns : {"/aws/sagemaker/Endpoints", "AWS/SageMaker"})
            all.append(metric(ns, "", prod + QList<Dimension>{dim("instanceType", "ml.m5.xlarge")}));
        all.append(metric("/aws/sagemaker/TrainingJobs", "",
                          {dim("Host", "churn-train-b/algo-1"), dim("instanceType", "ml.g5.2xlarge")}));
        all.append(metric("/aws/sagemaker/ProcessingJobs", "",
                          {dim("Host", "ghost-job/algo-1"), dim("instanceType", "ml.m5.4xlarge")}));
        const QList<ChartSpec> charts = aws::buildAwsCharts(all);
        QCOMPARE(charts.size(), without.size()); // resource descriptors alone make no chart
        const ChartSpec *chart = findChart(charts, chartId);
        QVERIFY2(chart, qPrintable(chartId));
        QCOMPARE(chart->instanceType, instanceType);
        for (const ChartSeriesSpec &series : chart->series) // never a query dimension
            for (const Dimension &d : series.query.dimensions)
                QVERIFY(d.name != QLatin1String("instanceType"));
    }

    void inputOrderAndDuplicatesDoNotMatter() {
        QList<MetricDescriptor> shuffled = account();
        std::reverse(shuffled.begin(), shuffled.end());
        shuffled += account(); // ListMetrics pages may overlap when metrics appear meanwhile
        const QList<ChartSpec> a = aws::buildAwsCharts(account());
        const QList<ChartSpec> b = aws::buildAwsCharts(shuffled);
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b.at(i).id, a.at(i).id);
            QCOMPARE(seriesOf(b.at(i)), seriesOf(a.at(i)));
        }
    }

    void catalogNamespacesCoverEveryStage() {
        const QStringList ns = aws::catalogNamespaces();
        QCOMPARE(QSet<QString>(ns.begin(), ns.end()).size(), ns.size());
        const QStringList expected{QStringLiteral("/aws/sagemaker/ProcessingJobs"),
                                   QStringLiteral("/aws/sagemaker/TrainingJobs"),
                                   QStringLiteral("AWS/Athena"),
                                   QStringLiteral("AWS/S3"),
                                   QStringLiteral("/aws/sagemaker/Endpoints"),
                                   QStringLiteral("AWS/SageMaker"),
                                   QStringLiteral("aws/sagemaker/Endpoints/data-metrics")};
        QCOMPARE(ns, expected);
    }
};

QTEST_GUILESS_MAIN(TstAwsCatalog)
#include "tst_aws_catalog.moc"
