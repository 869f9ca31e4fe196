// The Google stage catalog (gcp::buildGcpCharts) on descriptors shaped exactly like GcpDiscovery's
// output (built with gcp::describeEndpoint / describeTrainingJob from Vertex AI list items), the
// fraction unit its utilisation charts use, and the default rules it gets.
#include "core/alerts/default_rules.h"
#include "core/catalog/gcp_catalog.h"
#include "core/providers/gcp/gcp_discovery.h"
#include "core/providers/gcp/gcp_time_series_response.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::Stage)
Q_DECLARE_METATYPE(mlwatch::Unit)
Q_DECLARE_METATYPE(mlwatch::MetricDescriptor)

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

// A served endpoint whose one deployed model runs on `machineType` with `acceleratorType` (empty:
// none), as the Vertex list names them in dedicatedResources.machineSpec.
QJsonObject servedEndpoint(const QString &id, const QString &name, const QString &model,
                           const QString &machineType, const QString &acceleratorType) {
    QJsonObject o = endpoint(id, name, {model});
    QJsonArray deployed = o.value(QStringLiteral("deployedModels")).toArray();
    QJsonObject first = deployed.first().toObject();
    QJsonObject machine;
    if (!machineType.isEmpty())
        machine.insert(QStringLiteral("machineType"), machineType);
    if (!acceleratorType.isEmpty()) {
        machine.insert(QStringLiteral("acceleratorType"), acceleratorType);
        machine.insert(QStringLiteral("acceleratorCount"), 1);
    }
    first.insert(QStringLiteral("dedicatedResources"), QJsonObject{{QStringLiteral("machineSpec"), machine}});
    deployed[0] = first;
    o.insert(QStringLiteral("deployedModels"), deployed);
    return o;
}

QStringList deploymentKinds(const QList<MetricDescriptor> &discovered, const QString &path) {
    QStringList kinds;
    for (const ChartSpec &c : gcp::buildGcpCharts(discovered, kAccount))
        if (c.stage == Stage::Deployment && c.resource == path)
            kinds.append(c.id.section(QLatin1Char('/'), 1, 1));
    return kinds;
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
        QTest::newRow("monitoring: predictions per period as a rate per second")
            << QStringLiteral("monitoring/requests/%1/image-tagger").arg(a) << Stage::Monitoring
            << Unit::CountPerSecond
            << QStringList{QStringLiteral(
                   "rate(aiplatform.googleapis.com/prediction/online/prediction_count)")}
            << QStringList{QStringLiteral("ALIGN_DELTA|REDUCE_SUM")};
        QTest::newRow("monitoring: errors as a percentage of predictions")
            << QStringLiteral("monitoring/errors/%1/image-tagger").arg(a) << Stage::Monitoring
            << Unit::Percent
            << QStringList{QStringLiteral(
                   "errorPercent(aiplatform.googleapis.com/prediction/online/error_count/"
                   "aiplatform.googleapis.com/prediction/online/prediction_count)")}
            << QStringList{QStringLiteral("ALIGN_DELTA|REDUCE_SUM")};
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

    // The error percentage divides the endpoint's failed predictions by all of them, fetched
    // with the same aligner and filters.
    void errorRateInputs() {
        const QList<ChartSpec> charts = gcp::buildGcpCharts(account(), kAccount);
        const ChartSpec *errors = find(charts, QStringLiteral("monitoring/errors/gcp-prod/churn-scoring"));
        QVERIFY(errors);
        const ChartSeriesSpec &s = errors->series.first();
        QCOMPARE(s.derivation, SeriesDerivation::ErrorPercent);
        QCOMPARE(s.inputs.size(), 2);
        QCOMPARE(s.inputs.at(0).metricName,
                 QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_count"));
        QCOMPARE(s.inputs.at(1).metricName,
                 QStringLiteral("aiplatform.googleapis.com/prediction/online/error_count"));
        QCOMPARE(s.inputs.at(0).dimensions, s.inputs.at(1).dimensions);
        QCOMPARE(s.inputs.at(0).stat, QStringLiteral("ALIGN_DELTA|REDUCE_SUM"));
        QCOMPARE(s.inputs.at(0).account, kAccount);
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

    // The accelerator duty-cycle chart follows what the deployed model runs on.
    void acceleratorChartOnlyWithAccelerators_data() {
        QTest::addColumn<QList<MetricDescriptor>>("discovered");
        QTest::addColumn<QStringList>("kinds");
        const QStringList cpu{QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("replicas")};
        const QStringList accelerated{QStringLiteral("cpu"), QStringLiteral("memory"),
                                      QStringLiteral("accelerator"), QStringLiteral("replicas")};
        const auto listed = [](const QString &machine, const QString &accelerator) {
            return gcp::describeEndpoint(servedEndpoint(QStringLiteral("111"), QStringLiteral("ep"),
                                                        QStringLiteral("m"), machine, accelerator),
                                         kProject, kRegion);
        };
        QTest::newRow("a T4 in the machine spec: duty-cycle chart")
            << listed(QStringLiteral("n1-standard-4"), QStringLiteral("NVIDIA_TESLA_T4")) << accelerated;
        QTest::newRow("a CPU machine: no duty-cycle chart")
            << listed(QStringLiteral("n1-standard-4"), QString()) << cpu;
        QTest::newRow("an unspecified accelerator type is none")
            << listed(QStringLiteral("n1-standard-4"), QStringLiteral("ACCELERATOR_TYPE_UNSPECIFIED")) << cpu;
        QTest::newRow("no machine spec (automatic resources): no duty-cycle chart")
            << gcp::describeEndpoint(
                   endpoint(QStringLiteral("111"), QStringLiteral("ep"), {QStringLiteral("m")}), kProject,
                   kRegion)
            << cpu;
        // Discovered from series headers (Vertex listings forbidden): a model that reports duty
        // cycles has accelerators.
        gcp::GcpTimeSeries duty;
        duty.metricType = QString::fromLatin1(gcp::kAcceleratorDutyCycleMetric);
        duty.resourceType = QString::fromLatin1(gcp::kEndpointResourceType);
        duty.resourceLabels = {{QStringLiteral("endpoint_id"), QStringLiteral("111")},
                               {QStringLiteral("location"), kRegion}};
        duty.metricLabels = {{QStringLiteral("deployed_model_id"), QStringLiteral("m-id")}};
        gcp::GcpTimeSeries replicas = duty;
        replicas.metricType = QString::fromLatin1(gcp::kReplicasMetric);
        QTest::newRow("headers: the model reports duty cycles, chart")
            << gcp::describeSeriesHeaders({duty, replicas}, kProject) << accelerated;
        QTest::newRow("headers: only replicas, no duty-cycle chart")
            << gcp::describeSeriesHeaders({replicas}, kProject) << cpu;
    }

    void acceleratorChartOnlyWithAccelerators() {
        QFETCH(QList<MetricDescriptor>, discovered);
        QFETCH(QStringList, kinds);
        const QString path = discovered.first().dimensionValue(QStringLiteral("name"));
        QCOMPARE(deploymentKinds(discovered, path), kinds);
    }

    void acceleratorChartContents() {
        const QList<MetricDescriptor> discovered = gcp::describeEndpoint(
            servedEndpoint(QStringLiteral("111"), QStringLiteral("churn-scoring"),
                           QStringLiteral("churn-tf-v8"), QStringLiteral("n1-standard-4"),
                           QStringLiteral("NVIDIA_TESLA_T4")),
            kProject, kRegion);
        const QList<ChartSpec> charts = gcp::buildGcpCharts(discovered, kAccount);
        const ChartSpec *c = find(charts, QStringLiteral("deployment/accelerator/gcp-prod/churn-scoring"));
        QVERIFY(c);
        QCOMPARE(c->unit, Unit::Fraction); // 10^2.%: a fraction, shown as %
        QCOMPARE(c->series.size(), 2);
        for (const ChartSeriesSpec &s : c->series) {
            QCOMPARE(s.query.metricName,
                     QStringLiteral("aiplatform.googleapis.com/prediction/online/accelerator/duty_cycle"));
            QCOMPARE(s.query.namespaceName, QStringLiteral("aiplatform.googleapis.com/Endpoint"));
            QVERIFY(s.query.dimensions.contains(
                Dimension{QStringLiteral("resource.labels.endpoint_id"), QStringLiteral("111")}));
        }
        QCOMPARE(c->series.at(0).query.stat, QStringLiteral("ALIGN_MEAN|REDUCE_MEAN"));
        QCOMPARE(c->series.at(1).query.stat, QStringLiteral("ALIGN_MAX|REDUCE_MAX"));
        QVERIFY(c->thresholds.isEmpty());
        QVERIFY(defaultRulesFor({*c}).isEmpty()); // a view, not an alarm
    }

    void machineMemory_data() {
        QTest::addColumn<QString>("machineType");
        QTest::addColumn<double>("gib"); // 0: unknown
        QTest::newRow("n1-standard-4: 4 × 3.75") << QStringLiteral("n1-standard-4") << 15.0;
        QTest::newRow("n1-highmem-8: 8 × 6.5") << QStringLiteral("n1-highmem-8") << 52.0;
        QTest::newRow("n1-highcpu-16: 16 × 0.9") << QStringLiteral("n1-highcpu-16") << 14.4;
        QTest::newRow("e2-standard-2: 2 × 4") << QStringLiteral("e2-standard-2") << 8.0;
        QTest::newRow("g2-standard-8: 8 × 4") << QStringLiteral("g2-standard-8") << 32.0;
        QTest::newRow("a2-highgpu-2g: 2 × 85") << QStringLiteral("a2-highgpu-2g") << 170.0;
        QTest::newRow("unknown family") << QStringLiteral("ct5lp-hightpu-4t") << 0.0;
        QTest::newRow("no vCPU count") << QStringLiteral("n1-standard-") << 0.0;
        QTest::newRow("empty") << QString() << 0.0;
    }

    void machineMemory() {
        QFETCH(QString, machineType);
        QFETCH(double, gib);
        const std::optional<double> actual = gcp::machineMemoryGiB(machineType);
        QCOMPARE(actual.has_value(), gib > 0);
        if (actual)
            QCOMPARE(*actual, gib);
    }

    // The memory chart draws 85 % / 90 % of the machine's memory (GiB) where it is known, and the
    // Google memory default rule watches the fullest replica against them.
    void memoryLinesAndDefaultRule_data() {
        QTest::addColumn<QString>("machineType");
        QTest::addColumn<QStringList>("thresholds"); // "W12.8" …; empty: no lines, no rule
        QTest::newRow("n1-standard-4 (15 GiB): 12.8 / 13.5 GiB, a rule")
            << QStringLiteral("n1-standard-4")
            << QStringList{QStringLiteral("W12.8"), QStringLiteral("C13.5")};
        QTest::newRow("n1-highmem-4 (26 GiB): 22.1 / 23.4 GiB, a rule")
            << QStringLiteral("n1-highmem-4")
            << QStringList{QStringLiteral("W22.1"), QStringLiteral("C23.4")};
        QTest::newRow("unknown machine: no lines, no rule")
            << QStringLiteral("x9-mystery-4") << QStringList{};
        QTest::newRow("no machine spec: no lines, no rule") << QString() << QStringList{};
    }

    void memoryLinesAndDefaultRule() {
        QFETCH(QString, machineType);
        QFETCH(QStringList, thresholds);
        const QList<MetricDescriptor> discovered =
            gcp::describeEndpoint(servedEndpoint(QStringLiteral("111"), QStringLiteral("churn-scoring"),
                                                 QStringLiteral("m"), machineType, QString()),
                                  kProject, kRegion);
        const QList<ChartSpec> charts = gcp::buildGcpCharts(discovered, kAccount);
        const ChartSpec *c = find(charts, QStringLiteral("deployment/memory/gcp-prod/churn-scoring"));
        QVERIFY(c);
        QStringList actual;
        for (const ThresholdLine &t : c->thresholds)
            actual.append((t.level == ThresholdLevel::Warning ? QStringLiteral("W") : QStringLiteral("C")) +
                          QString::number(t.value));
        QCOMPARE(actual, thresholds);
        const QList<AlertRule> rules = defaultRulesFor({*c});
        if (thresholds.isEmpty()) {
            QVERIFY(rules.isEmpty());
            return;
        }
        QCOMPARE(rules.size(), 1);
        const AlertRule &r = rules.first();
        QCOMPARE(r.id, QStringLiteral("default:deployment/memory/gcp-prod/churn-scoring"));
        QCOMPARE(r.cloud, QStringLiteral("gcp"));
        QCOMPARE(r.account, kAccount);
        QCOMPARE(r.series.metricName,
                 QStringLiteral("aiplatform.googleapis.com/prediction/online/memory/bytes_used"));
        QCOMPARE(r.series.stat, QStringLiteral("ALIGN_MAX|REDUCE_MAX")); // the fullest replica
        QCOMPARE(r.unit, QStringLiteral("GiB"));
        QCOMPARE(r.seriesUnit, std::optional<Unit>(Unit::Bytes));
        QCOMPARE(QStringLiteral("C") + QString::number(r.critical), thresholds.last());
        QVERIFY(r.criticalRecoveryValue() < r.critical);
        QVERIFY(r.validate());
        QVERIFY(!r.description.isEmpty());
    }

    // Vertex AI Model Monitoring's drift metrics exist in Cloud Monitoring (cloud-apis.md §3.4):
    // one chart per project, on the Model resource.
    void driftChartPerProject() {
        const QList<ChartSpec> charts = gcp::buildGcpCharts(account(), kAccount);
        const ChartSpec *c = find(charts, QStringLiteral("monitoring/drift/gcp-prod/ml-prod"));
        QVERIFY(c);
        QCOMPARE(c->stage, Stage::Monitoring);
        QCOMPARE(c->series.size(), 2);
        QCOMPARE(c->series.at(0).query.metricName,
                 QStringLiteral("aiplatform.googleapis.com/model_monitoring/feature_drift_deviation"));
        QCOMPARE(
            c->series.at(1).query.metricName,
            QStringLiteral("aiplatform.googleapis.com/model_monitoring/prediction_output_drift_deviation"));
        for (const ChartSeriesSpec &s : c->series) {
            QCOMPARE(s.query.namespaceName, QStringLiteral("aiplatform.googleapis.com/Model"));
            QCOMPARE(s.query.stat, QStringLiteral("ALIGN_MAX|REDUCE_MAX")); // the worst feature
            QCOMPARE(s.query.periodSeconds, 3600);
            QCOMPARE(s.query.resource, QStringLiteral("projects/ml-prod"));
        }
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
            } else { // the error budget, in % of predictions
                QCOMPARE(r.critical, 5.0);
                QCOMPARE(r.unit, QStringLiteral("%"));
                QVERIFY(r.series.metricName.startsWith(QLatin1String("errorPercent(")));
            }
    }
};

QTEST_GUILESS_MAIN(TstGcpCatalog)
#include "tst_gcp_catalog.moc"
