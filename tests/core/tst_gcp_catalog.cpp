// The Google stage catalog (gcp::buildGcpCharts) on descriptors shaped exactly like GcpDiscovery's
// output (built with gcp::describeEndpoint / describeTrainingJob from Vertex AI list items), the
// fraction unit its utilisation charts use, and the default rules it gets.
#include "core/alerts/default_rules.h"
#include "core/catalog/gcp_catalog.h"
#include "core/providers/gcp/gcp_discovery.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::Stage)
Q_DECLARE_METATYPE(mlwatch::Unit)

namespace {

const QString kAccount = QStringLiteral("gcp-prod");
const QString kProject = QStringLiteral("ml-prod");
const QString kRegion = QStringLiteral("us-central1");

QJsonObject endpoint(const QString &id, const QString &name, const QStringList &models) {
    QJsonArray deployed;
    for (const QString &m : models)
        deployed.append(QJsonObject{{QStringLiteral("id"), QString(m + QStringLiteral("-id"))},
                                    {QStringLiteral("displayName"), m}});
    return QJsonObject{{QStringLiteral("name"),
                        QString(QStringLiteral("projects/271/locations/us-central1/endpoints/") + id)},
                       {QStringLiteral("displayName"), name},
                       {QStringLiteral("deployedModels"), deployed}};
}

// What GcpDiscovery reports: two served endpoints, one without a model, two training jobs.
QList<MetricDescriptor> account() {
    QList<MetricDescriptor> all;
    all += gcp::describeEndpoint(
        endpoint(QStringLiteral("111"), QStringLiteral("churn-scoring"), {QStringLiteral("churn-tf-v8")}),
        kProject, kRegion);
    all += gcp::describeEndpoint(
        endpoint(QStringLiteral("222"), QStringLiteral("image-tagger"), {QStringLiteral("tagger-v2")}),
        kProject, kRegion);
    all += gcp::describeEndpoint(endpoint(QStringLiteral("333"), QStringLiteral("staging"), {}), kProject,
                                 kRegion);
    for (const char *job : {"train-a", "train-b"})
        if (const auto d = gcp::describeTrainingJob(
                QJsonObject{{QStringLiteral("name"),
                             QString(QStringLiteral("projects/271/locations/us-central1/customJobs/9") +
                                     QLatin1String(job))},
                            {QStringLiteral("displayName"), QString::fromLatin1(job)}},
                kProject, kRegion))
            all.append(*d);
    return all;
}

const ChartSpec *find(const QList<ChartSpec> &charts, const QString &id) {
    for (const ChartSpec &c : charts)
        if (c.id == id)
            return &c;
    return nullptr;
}

} // namespace

class TstGcpCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chartsPerResource_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<Stage>("stage");
        QTest::addColumn<Unit>("unit");
        QTest::addColumn<QStringList>("metrics");
        QTest::addColumn<QStringList>("stats");
        const QString a = kAccount;
        QTest::newRow("data preparation: project's Dataflow vCPUs summed")
            << QStringLiteral("data-preparation/dataflow-vcpus/%1/ml-prod").arg(a) << Stage::DataPreparation
            << Unit::Count << QStringList{QStringLiteral("dataflow.googleapis.com/job/current_num_vcpus")}
            << QStringList{QStringLiteral("ALIGN_MEAN|REDUCE_SUM")};
        QTest::newRow("data preparation: memory-usage time (cumulative gauge, newest total)")
            << QStringLiteral("data-preparation/dataflow-memory/%1/ml-prod").arg(a) << Stage::DataPreparation
            << Unit::None
            << QStringList{QStringLiteral("dataflow.googleapis.com/job/total_memory_usage_time")}
            << QStringList{QStringLiteral("ALIGN_MAX|REDUCE_SUM")};
        QTest::newRow("data preparation: worst system lag in seconds")
            << QStringLiteral("data-preparation/dataflow-lag/%1/ml-prod").arg(a) << Stage::DataPreparation
            << Unit::Seconds << QStringList{QStringLiteral("dataflow.googleapis.com/job/system_lag")}
            << QStringList{QStringLiteral("ALIGN_MAX|REDUCE_MAX")};
        QTest::newRow("training: CPU vs accelerator as fractions")
            << QStringLiteral("training/cpu-accelerator/%1/train-a").arg(a) << Stage::Training
            << Unit::Fraction
            << QStringList{QStringLiteral("ml.googleapis.com/training/cpu/utilization"),
                           QStringLiteral("ml.googleapis.com/training/accelerator/utilization")}
            << QStringList{QStringLiteral("ALIGN_MEAN|REDUCE_MEAN"),
                           QStringLiteral("ALIGN_MEAN|REDUCE_MEAN")};
        QTest::newRow("evaluation: BigQuery p50/p99 in seconds")
            << QStringLiteral("evaluation/query-times/%1/ml-prod").arg(a) << Stage::Evaluation
            << Unit::Seconds
            << QStringList(3, QStringLiteral("bigquery.googleapis.com/query/execution_times"))
            << QStringList{QStringLiteral("ALIGN_PERCENTILE_50|REDUCE_PERCENTILE_50"),
                           QStringLiteral("ALIGN_PERCENTILE_99|REDUCE_PERCENTILE_99"),
                           QStringLiteral("ALIGN_PERCENTILE_50|REDUCE_PERCENTILE_50")};
        QTest::newRow("evaluation: bucket bytes")
            << QStringLiteral("evaluation/dataset-size/%1/ml-prod").arg(a) << Stage::Evaluation << Unit::Bytes
            << QStringList{QStringLiteral("storage.googleapis.com/storage/v2/total_bytes")}
            << QStringList{QStringLiteral("ALIGN_MEAN|REDUCE_SUM")};
        QTest::newRow("deployment: replicas vs target")
            << QStringLiteral("deployment/replicas/%1/churn-scoring").arg(a) << Stage::Deployment
            << Unit::Count
            << QStringList{QStringLiteral("aiplatform.googleapis.com/prediction/online/replicas"),
                           QStringLiteral("aiplatform.googleapis.com/prediction/online/target_replicas")}
            << QStringList{QStringLiteral("ALIGN_MEAN|REDUCE_SUM"), QStringLiteral("ALIGN_MEAN|REDUCE_SUM")};
        QTest::newRow("deployment: CPU fraction")
            << QStringLiteral("deployment/cpu/%1/churn-scoring").arg(a) << Stage::Deployment << Unit::Fraction
            << QStringList(2, QStringLiteral("aiplatform.googleapis.com/prediction/online/cpu/utilization"))
            << QStringList{QStringLiteral("ALIGN_MEAN|REDUCE_MEAN"), QStringLiteral("ALIGN_MAX|REDUCE_MAX")};
        QTest::newRow("monitoring: predictions as a rate")
            << QStringLiteral("monitoring/requests/%1/image-tagger").arg(a) << Stage::Monitoring
            << Unit::CountPerSecond
            << QStringList{QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_count")}
            << QStringList{QStringLiteral("ALIGN_RATE|REDUCE_SUM")};
        QTest::newRow("monitoring: latency p50/p99 in ms")
            << QStringLiteral("monitoring/latency/%1/churn-scoring").arg(a) << Stage::Monitoring
            << Unit::Milliseconds
            << QStringList(2,
                           QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_latencies"))
            << QStringList{QStringLiteral("ALIGN_PERCENTILE_50|REDUCE_PERCENTILE_50"),
                           QStringLiteral("ALIGN_PERCENTILE_99|REDUCE_PERCENTILE_99")};
    }
    void chartsPerResource() {
        QFETCH(QString, id);
        QFETCH(Stage, stage);
        QFETCH(Unit, unit);
        QFETCH(QStringList, metrics);
        QFETCH(QStringList, stats);
        const QList<ChartSpec> charts = gcp::buildGcpCharts(account(), kAccount);
        const ChartSpec *c = find(charts, id);
        QVERIFY2(c, qPrintable(id));
        QCOMPARE(c->stage, stage);
        QCOMPARE(c->unit, unit);
        QCOMPARE(c->cloud, QStringLiteral("gcp"));
        QCOMPARE(c->account, kAccount);
        QCOMPARE(c->series.size(), metrics.size());
        for (qsizetype i = 0; i < metrics.size(); ++i) {
            const MetricQuery &q = c->series.at(i).query;
            QCOMPARE(q.metricName, metrics.at(i));
            QCOMPARE(q.stat, stats.at(i));
            QVERIFY(q.stat.contains(QLatin1Char('|'))); // one series per line
            QCOMPARE(q.resource, QStringLiteral("projects/ml-prod"));
            QCOMPARE(q.account, kAccount);
            QVERIFY(!c->series.at(i).legend.isEmpty());
        }
    }

    void queriesFilterTheirResource() {
        const QList<ChartSpec> charts = gcp::buildGcpCharts(account(), kAccount);
        const ChartSpec *latency = find(charts, QStringLiteral("monitoring/latency/gcp-prod/churn-scoring"));
        QVERIFY(latency);
        const MetricQuery &q = latency->series.at(1).query;
        QCOMPARE(q.namespaceName, QStringLiteral("aiplatform.googleapis.com/Endpoint"));
        QVERIFY(q.dimensions.contains(
            Dimension{QStringLiteral("resource.labels.endpoint_id"), QStringLiteral("111")}));
        QVERIFY(q.dimensions.contains(
            Dimension{QStringLiteral("metric.labels.latency_type"), QStringLiteral("total")}));
        const ChartSpec *job = find(charts, QStringLiteral("training/cpu-accelerator/gcp-prod/train-b"));
        QVERIFY(job);
        QCOMPARE(job->series.at(0).query.namespaceName, QStringLiteral("cloudml_job"));
        QCOMPARE(job->series.at(0).query.dimensions,
                 (QList<Dimension>{{QStringLiteral("resource.labels.job_id"), QStringLiteral("9train-b")}}));
    }

    void endpointWithoutModelGetsNoChart() {
        for (const ChartSpec &c : gcp::buildGcpCharts(account(), kAccount))
            QVERIFY2(c.resource != QLatin1String("staging"), qPrintable(c.id));
    }

    void nothingDiscoveredNoCharts() { QVERIFY(gcp::buildGcpCharts({}, kAccount).isEmpty()); }

    void chartsComeInStageOrder() {
        const QList<ChartSpec> charts = gcp::buildGcpCharts(account(), kAccount);
        QVERIFY(!charts.isEmpty());
        for (qsizetype i = 1; i < charts.size(); ++i)
            QVERIFY(charts.at(i - 1).stage <= charts.at(i).stage);
        const QList<ChartSpec> again = gcp::buildGcpCharts(account(), kAccount);
        QCOMPARE(again.size(), charts.size());
        for (qsizetype i = 0; i < charts.size(); ++i)
            QCOMPARE(again.at(i).id, charts.at(i).id);
    }

    void fractionsDisplayAsPercent() {
        const DisplayUnit d = displayUnitFor(Unit::Fraction);
        QCOMPARE(d.scale, 100.0);
        QCOMPARE(d.symbol, QStringLiteral("%"));
    }

    void defaultRulesForLatencyAndErrors() {
        const QList<AlertRule> rules = defaultRulesFor(gcp::buildGcpCharts(account(), kAccount));
        QStringList ids;
        for (const AlertRule &r : rules) {
            ids.append(r.id);
            QCOMPARE(r.cloud, QStringLiteral("gcp"));
            QCOMPARE(r.account, kAccount);
        }
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("default:monitoring/errors/gcp-prod/churn-scoring"),
                                   QStringLiteral("default:monitoring/errors/gcp-prod/image-tagger"),
                                   QStringLiteral("default:monitoring/latency/gcp-prod/churn-scoring"),
                                   QStringLiteral("default:monitoring/latency/gcp-prod/image-tagger")}));
        for (const AlertRule &r : rules)
            if (r.id.contains(QLatin1String("latency"))) {
                QCOMPARE(r.critical, 1000.0);
                QCOMPARE(r.series.stat, QStringLiteral("ALIGN_PERCENTILE_99|REDUCE_PERCENTILE_99"));
            }
    }
};

QTEST_GUILESS_MAIN(TstGcpCatalog)
#include "tst_gcp_catalog.moc"
