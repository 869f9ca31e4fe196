#include "core/catalog/gcp_catalog.h"

#include "core/catalog/catalog_order.h"
#include "core/providers/gcp/gcp_discovery.h"
#include "core/store/derived_series.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <cmath>
#include <map>
#include <optional>

namespace mlwatch::gcp {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::gcp::Catalog", text);
}

// What a chart rule is drawn for.
enum class Target {
    Project,  // each project discovery saw: project-wide metrics of resources not discovered
    Job,      // each custom training job (cloudml_job), filtered by resource.labels.job_id
    Endpoint, // each endpoint with a deployed model, filtered by resource.labels.endpoint_id
};

// One series: the full metric type, "<aligner>|<reducer>", the legend and fixed label filters.
struct SeriesRule {
    const char *metric = nullptr;
    const char *stat = nullptr;
    const char *legend = nullptr; // translatable
    QList<Dimension> filter{};
    // Derived series (RED): RatePerSecond of the metric; ErrorPercent of the metric (the errors)
    // ÷ `requests` (same statistic and filters).
    SeriesDerivation derivation = SeriesDerivation::None;
    const char *requests = nullptr;
};

struct ChartRule {
    Stage stage = Stage::Monitoring;
    const char *kind = nullptr;
    const char *resourceType = nullptr; // the monitored resource the queries name
    Target target = Target::Endpoint;
    const char *title = nullptr; // translatable, "%1" is the resource path
    Unit unit = Unit::None;
    QList<SeriesRule> series{};
    QList<ThresholdLine> thresholds{}; // display units
    const char *explanation = nullptr;
    int periodSeconds = 60;
    // Endpoint rules: only for endpoints with a deployed model on accelerators (discovery's
    // "acceleratorType"), the only replicas that report accelerator metrics.
    bool acceleratorsOnly = false;
    // Endpoint rules in bytes: warning at 85 %, critical at 90 % of the machine's memory, when all
    // the endpoint's deployed models run on one machine size MLWatch knows (machineMemoryGiB).
    bool machineMemoryThresholds = false;
};

// Shares of a machine's memory the memory chart draws its lines at: as Azure's deployment memory
// (85 % — an out-of-memory kill becomes likely — and 90 %).
constexpr double kMemoryWarningShare = 0.85;
constexpr double kMemoryCriticalShare = 0.90;

// Model Monitoring writes its drift metrics on the model, not on an endpoint (cloud-apis.md §3.4).
constexpr char kModelResourceType[] = "aiplatform.googleapis.com/Model";

ThresholdLine warning(double v) {
    return {v, ThresholdLevel::Warning};
}

ThresholdLine critical(double v) {
    return {v, ThresholdLevel::Critical};
}

Dimension label(const char *name, const char *value) {
    return {QLatin1String(name), QLatin1String(value)};
}

const QList<ChartRule> &rules() {
    static const QList<ChartRule> table{
        // --- data preparation: the project's Dataflow jobs ------------------------------------------
        {.stage = Stage::DataPreparation,
         .kind = "dataflow-vcpus",
         .resourceType = "dataflow_job",
         .target = Target::Project,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Dataflow vCPUs — %1"),
         .unit = Unit::Count,
         .series = {{"dataflow.googleapis.com/job/current_num_vcpus", "ALIGN_MEAN|REDUCE_SUM",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "vCPUs (all jobs)")}},
         .explanation =
             QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog",
                               "vCPUs the project's Dataflow jobs run on; a streaming job pinned at its "
                               "maximum cannot scale further and falls behind.")},
        {.stage = Stage::DataPreparation,
         .kind = "dataflow-memory",
         .resourceType = "dataflow_job",
         .target = Target::Project,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Dataflow memory-usage time — %1"),
         .unit = Unit::None, // GBy.s: no Unit for gigabyte-seconds
         // A cumulative GAUGE: Google refuses ALIGN_RATE on gauges, so the newest total is charted.
         .series = {{"dataflow.googleapis.com/job/total_memory_usage_time", "ALIGN_MAX|REDUCE_SUM",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Memory-usage time, GB·s (all jobs)")}},
         .explanation =
             QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog",
                               "Memory the project's Dataflow workers have held, in GB·s (GB times seconds, "
                               "as it is billed); a nightly job whose total grows faster every night "
                               "is growing with its data.")},
        {.stage = Stage::DataPreparation,
         .kind = "dataflow-lag",
         .resourceType = "dataflow_job",
         .target = Target::Project,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Dataflow system lag — %1"),
         .unit = Unit::Seconds,
         .series = {{"dataflow.googleapis.com/job/system_lag", "ALIGN_MAX|REDUCE_MAX",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "System lag (worst job)")}},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::gcp::Catalog", "How long an element has waited inside a streaming job; a lag that "
                                      "climbs for hours means features reach training and serving late.")},
        // --- training: custom jobs ---------------------------------------------------------------
        {.stage = Stage::Training,
         .kind = "cpu-accelerator",
         .resourceType = kTrainingJobResourceType,
         .target = Target::Job,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "CPU vs accelerator — %1"),
         .unit = Unit::Fraction,
         .series = {{"ml.googleapis.com/training/cpu/utilization", "ALIGN_MEAN|REDUCE_MEAN",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "CPU utilisation")},
                    {"ml.googleapis.com/training/accelerator/utilization", "ALIGN_MEAN|REDUCE_MEAN",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Accelerator utilisation")}},
         .thresholds = {warning(90)},
         .explanation =
             QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog",
                               "A pegged CPU next to an idle accelerator means the input pipeline, not "
                               "the model, limits training speed: you pay for a GPU that waits.")},
        {.stage = Stage::Training,
         .kind = "accelerator-memory",
         .resourceType = kTrainingJobResourceType,
         .target = Target::Job,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Accelerator memory — %1"),
         .unit = Unit::Fraction,
         .series = {{"ml.googleapis.com/training/accelerator/memory/utilization", "ALIGN_MEAN|REDUCE_MEAN",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Accelerator memory (average)")},
                    {"ml.googleapis.com/training/accelerator/memory/utilization", "ALIGN_MAX|REDUCE_MAX",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Accelerator memory (fullest)")}},
         .thresholds = {warning(90)},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::gcp::Catalog", "An accelerator that runs out of memory ends the run; low memory use "
                                      "leaves room for larger batches.")},
        // --- evaluation: BigQuery evaluation queries, dataset buckets -------------------------------
        {.stage = Stage::Evaluation,
         .kind = "query-times",
         .resourceType = "bigquery_project",
         .target = Target::Project,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "BigQuery query times — %1"),
         .unit = Unit::Seconds,
         .series = {{"bigquery.googleapis.com/query/execution_times",
                     "ALIGN_PERCENTILE_50|REDUCE_PERCENTILE_50",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Batch queries (median)"),
                     {label("metric.labels.priority", "batch")}},
                    {"bigquery.googleapis.com/query/execution_times",
                     "ALIGN_PERCENTILE_99|REDUCE_PERCENTILE_99",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Batch queries (P99)"),
                     {label("metric.labels.priority", "batch")}},
                    {"bigquery.googleapis.com/query/execution_times",
                     "ALIGN_PERCENTILE_50|REDUCE_PERCENTILE_50",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Interactive queries (median)"),
                     {label("metric.labels.priority", "interactive")}}},
         .explanation =
             QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog",
                               "Execution time of successful queries (BigQuery reports it after up to 7 "
                               "minutes); evaluation queries that get slower week over week scan a "
                               "table that grew without partition pruning.")},
        {.stage = Stage::Evaluation,
         .kind = "dataset-size",
         .resourceType = "gcs_bucket",
         .target = Target::Project,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Dataset storage — %1"),
         .unit = Unit::Bytes,
         .series = {{"storage.googleapis.com/storage/v2/total_bytes",
                     "ALIGN_MEAN|REDUCE_SUM",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Live objects (all buckets)"),
                     {label("metric.labels.type", "live-object")}}},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::gcp::Catalog", "Bytes of live objects in the project's buckets, where datasets and "
                                      "snapshots are kept; Cloud Storage measures it once a day."),
         // One sample a day (cloud-apis.md §3.4): a finer alignment only repeats it.
         .periodSeconds = 3600},
        // --- deployment: endpoints' replicas --------------------------------------------------------
        {.stage = Stage::Deployment,
         .kind = "cpu",
         .resourceType = kEndpointResourceType,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Endpoint CPU — %1"),
         .unit = Unit::Fraction,
         .series = {{"aiplatform.googleapis.com/prediction/online/cpu/utilization", "ALIGN_MEAN|REDUCE_MEAN",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "CPU (average of replicas)")},
                    {"aiplatform.googleapis.com/prediction/online/cpu/utilization", "ALIGN_MAX|REDUCE_MAX",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "CPU (busiest replica)")}},
         // No threshold: on several CPUs the fraction exceeds 100 % by design (cloud-apis.md §3.4).
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::gcp::Catalog", "CPU the replicas use; the autoscaler adds replicas above its target "
                                      "(60 % by default), so CPU far above it means the replicas trail the "
                                      "traffic.")},
        {.stage = Stage::Deployment,
         .kind = "memory",
         .resourceType = kEndpointResourceType,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Endpoint memory — %1"),
         .unit = Unit::Bytes,
         .series = {{"aiplatform.googleapis.com/prediction/online/memory/bytes_used",
                     "ALIGN_MEAN|REDUCE_MEAN",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Memory (average of replicas)")},
                    {"aiplatform.googleapis.com/prediction/online/memory/bytes_used", "ALIGN_MAX|REDUCE_MAX",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Memory (fullest replica)")}},
         .explanation =
             QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog",
                               "Memory a replica uses; a model server that outgrows its machine is killed "
                               "and restarts, and memory that only ever climbs is a leak."),
         .machineMemoryThresholds = true},
        {.stage = Stage::Deployment,
         .kind = "accelerator",
         .resourceType = kEndpointResourceType,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Endpoint accelerators — %1"),
         .unit = Unit::Fraction,
         .series =
             {{"aiplatform.googleapis.com/prediction/online/accelerator/duty_cycle", "ALIGN_MEAN|REDUCE_MEAN",
               QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Accelerator duty cycle (average of replicas)")},
              {"aiplatform.googleapis.com/prediction/online/accelerator/duty_cycle", "ALIGN_MAX|REDUCE_MAX",
               QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Accelerator duty cycle (busiest replica)")}},
         // No threshold: a busy accelerator is what it is paid for.
         .explanation = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog",
                                          "Share of time the replicas' accelerators compute; an accelerator "
                                          "idle while predictions arrive means the model runs on the CPU, or "
                                          "a smaller machine would serve the traffic."),
         .acceleratorsOnly = true},
        {.stage = Stage::Deployment,
         .kind = "replicas",
         .resourceType = kEndpointResourceType,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Replicas — %1"),
         .unit = Unit::Count,
         .series = {{"aiplatform.googleapis.com/prediction/online/replicas", "ALIGN_MEAN|REDUCE_SUM",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Replicas")},
                    {"aiplatform.googleapis.com/prediction/online/target_replicas", "ALIGN_MEAN|REDUCE_SUM",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Target replicas")}},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::gcp::Catalog", "Replicas serving against the autoscaler's target; replicas that trail "
                                      "the target for minutes during a surge show as slow requests.")},
        // --- monitoring: RED per endpoint -----------------------------------------------------------
        {.stage = Stage::Monitoring,
         .kind = "requests",
         .resourceType = kEndpointResourceType,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Prediction rate — %1"),
         .unit = Unit::CountPerSecond,
         // Predictions per period (ALIGN_DELTA, summed over replicas and models) ÷ its seconds.
         .series = {{"aiplatform.googleapis.com/prediction/online/prediction_count",
                     "ALIGN_DELTA|REDUCE_SUM",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Predictions"),
                     {},
                     SeriesDerivation::RatePerSecond}},
         .explanation =
             QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog",
                               "Predictions per second: a sudden drop often means a broken client rather "
                               "than a quiet day.")},
        {.stage = Stage::Monitoring,
         .kind = "errors",
         .resourceType = kEndpointResourceType,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Error rate — %1"),
         .unit = Unit::Percent,
         .series = {{"aiplatform.googleapis.com/prediction/online/error_count",
                     "ALIGN_DELTA|REDUCE_SUM",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Failed predictions"),
                     {},
                     SeriesDerivation::ErrorPercent,
                     "aiplatform.googleapis.com/prediction/online/prediction_count"}},
         .thresholds = {warning(1), critical(5)},
         .explanation =
             QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog",
                               "The share of predictions that failed; a burst usually means a dependency "
                               "of the model server (a feature store, a bucket) is unreachable. Minutes "
                               "without predictions are gaps, not 0 %.")},
        {.stage = Stage::Monitoring,
         .kind = "latency",
         .resourceType = kEndpointResourceType,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Prediction latency — %1"),
         .unit = Unit::Milliseconds,
         .series = {{"aiplatform.googleapis.com/prediction/online/prediction_latencies",
                     "ALIGN_PERCENTILE_50|REDUCE_PERCENTILE_50",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Latency (median)"),
                     {label("metric.labels.latency_type", "total")}},
                    {"aiplatform.googleapis.com/prediction/online/prediction_latencies",
                     "ALIGN_PERCENTILE_99|REDUCE_PERCENTILE_99",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Latency (P99)"),
                     {label("metric.labels.latency_type", "total")}}},
         .thresholds = {warning(500), critical(1000)},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::gcp::Catalog", "Time the endpoint takes to answer; the 99th percentile shows the slow "
                                      "requests a median hides.")},
        // --- monitoring: Vertex AI Model Monitoring's drift, per project -----------------------------
        {.stage = Stage::Monitoring,
         .kind = "drift",
         .resourceType = kModelResourceType,
         .target = Target::Project,
         .title = QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Model drift — %1"),
         .unit = Unit::None, // a distance between distributions, no unit
         .series = {{"aiplatform.googleapis.com/model_monitoring/feature_drift_deviation",
                     "ALIGN_MAX|REDUCE_MAX",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Feature drift (worst feature)")},
                    {"aiplatform.googleapis.com/model_monitoring/prediction_output_drift_deviation",
                     "ALIGN_MAX|REDUCE_MAX",
                     QT_TRANSLATE_NOOP("mlwatch::gcp::Catalog", "Prediction output drift (worst)")}},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::gcp::Catalog", "How far live inputs and predictions have moved from the baseline, as "
                                      "Vertex AI Model Monitoring measures them on each scheduled run; a "
                                      "value that keeps growing means the model is scoring data it was not "
                                      "trained on. Empty unless a monitoring schedule runs."),
         // One value per monitoring run (hourly at the finest): a finer alignment only repeats it.
         .periodSeconds = 3600},
    };
    return table;
}

QString latin1(const char *text) {
    return QString::fromLatin1(text);
}

QString dimension(const MetricDescriptor &d, const char *name) {
    return d.dimensionValue(QLatin1String(name));
}

struct Subject {
    QString project;
    QString path;
    QList<Dimension> filter;
    bool accelerated = false;          // a deployed model has accelerators
    std::optional<double> memoryGiB{}; // the machine all its deployed models run on, when known
};

// What an endpoint's deployed models run on.
struct Serving {
    bool accelerated = false;
    QSet<QString> machineTypes; // "" for a model whose machine discovery did not learn
};

} // namespace

std::optional<double> machineMemoryGiB(const QString &machineType) {
    // GiB per vCPU of the general families Vertex AI serves on (Google's "GB" are GiB).
    static const QList<std::pair<const char *, double>> perVcpu{
        {"n1-standard-", 3.75}, {"n1-highmem-", 6.5}, {"n1-highcpu-", 0.9}, {"n2-standard-", 4},
        {"n2-highmem-", 8},     {"n2-highcpu-", 1},   {"n2d-standard-", 4}, {"n2d-highmem-", 8},
        {"n2d-highcpu-", 1},    {"e2-standard-", 4},  {"e2-highmem-", 8},   {"e2-highcpu-", 1},
        {"c2-standard-", 4},    {"g2-standard-", 4}};
    const QString type = machineType.trimmed().toLower();
    for (const auto &[prefix, gib] : perVcpu) {
        if (!type.startsWith(QLatin1String(prefix)))
            continue;
        bool ok = false;
        const int vcpus = type.mid(qsizetype(qstrlen(prefix))).toInt(&ok);
        return ok && vcpus > 0 ? std::optional<double>(gib * vcpus) : std::nullopt;
    }
    // A2: memory per GPU ("a2-highgpu-2g" = 2 × 85 GiB, "a2-ultragpu-1g" = 170 GiB).
    for (const auto &[prefix, gib] :
         QList<std::pair<const char *, double>>{{"a2-highgpu-", 85}, {"a2-ultragpu-", 170}}) {
        if (!type.startsWith(QLatin1String(prefix)) || !type.endsWith(QLatin1Char('g')))
            continue;
        bool ok = false;
        const int gpus = type.mid(qsizetype(qstrlen(prefix))).chopped(1).toInt(&ok);
        return ok && gpus > 0 ? std::optional<double>(gib * gpus) : std::nullopt;
    }
    return std::nullopt;
}

QStringList catalogResourceTypes() {
    return {latin1(kEndpointResourceType), latin1(kTrainingJobResourceType)};
}

QList<ChartSpec> buildGcpCharts(const QList<MetricDescriptor> &discovered, const QString &accountId) {
    // The subjects of each target, keyed by path (sorted; a repeated path keeps the first).
    std::map<QString, Subject> projects;
    std::map<QString, Subject> jobs;
    std::map<QString, Subject> endpoints;
    QHash<QString, Serving> served; // "project/endpoint id" of endpoints with a deployed model
    for (const MetricDescriptor &d : discovered)
        if (d.namespaceName == latin1(kEndpointResourceType) &&
            !dimension(d, "metric.labels.deployed_model_id").isEmpty()) {
            Serving &s = served[dimension(d, "project") + QLatin1Char('/') +
                                dimension(d, "resource.labels.endpoint_id")];
            s.accelerated = s.accelerated || !dimension(d, "acceleratorType").isEmpty();
            s.machineTypes.insert(dimension(d, "machineType"));
        }
    for (const MetricDescriptor &d : discovered) {
        const QString project = dimension(d, "project");
        if (project.isEmpty())
            continue;
        projects.emplace(project, Subject{project, project, {}});
        const QString name = dimension(d, "name");
        if (d.namespaceName == latin1(kTrainingJobResourceType)) {
            const QString id = dimension(d, "resource.labels.job_id");
            if (id.isEmpty())
                continue;
            const QString path = name.isEmpty() ? id : name;
            jobs.emplace(path, Subject{project, path, {{QStringLiteral("resource.labels.job_id"), id}}});
        } else if (d.namespaceName == latin1(kEndpointResourceType) &&
                   dimension(d, "metric.labels.deployed_model_id").isEmpty()) {
            const QString id = dimension(d, "resource.labels.endpoint_id");
            if (id.isEmpty() || !served.contains(project + QLatin1Char('/') + id))
                continue;
            const QString path = name.isEmpty() ? id : name;
            const Serving serving = served.value(project + QLatin1Char('/') + id);
            Subject subject{project, path, {{QStringLiteral("resource.labels.endpoint_id"), id}}};
            subject.accelerated = serving.accelerated;
            if (serving.machineTypes.size() == 1)
                subject.memoryGiB = machineMemoryGiB(*serving.machineTypes.cbegin());
            endpoints.emplace(path, std::move(subject));
        }
    }

    QList<CataloguedChart> built;
    const QList<ChartRule> &table = rules();
    for (qsizetype r = 0; r < table.size(); ++r) {
        const ChartRule &rule = table.at(r);
        const std::map<QString, Subject> &subjects = rule.target == Target::Project ? projects
                                                     : rule.target == Target::Job   ? jobs
                                                                                    : endpoints;
        for (const auto &[path, subject] : subjects) {
            if (rule.acceleratorsOnly && !subject.accelerated)
                continue;
            ChartSpec spec;
            spec.id = stageId(rule.stage) + QLatin1Char('/') + latin1(rule.kind) + QLatin1Char('/') +
                      accountId + QLatin1Char('/') + path;
            spec.stage = rule.stage;
            spec.title = tr(rule.title).arg(path);
            spec.resource = path;
            spec.account = accountId;
            spec.cloud = QStringLiteral("gcp");
            spec.unit = rule.unit;
            spec.thresholds = rule.thresholds;
            if (rule.machineMemoryThresholds && subject.memoryGiB) {
                // In the chart's display unit (GiB), rounded to a tenth as a person would write it.
                const auto tenth = [](double v) { return std::round(v * 10.0) / 10.0; };
                spec.thresholds = {warning(tenth(*subject.memoryGiB * kMemoryWarningShare)),
                                   critical(tenth(*subject.memoryGiB * kMemoryCriticalShare))};
            }
            spec.explanation = tr(rule.explanation);
            for (const SeriesRule &s : rule.series) {
                MetricQuery q;
                q.namespaceName = latin1(rule.resourceType);
                q.metricName = latin1(s.metric);
                q.dimensions = subject.filter + s.filter;
                q.stat = latin1(s.stat);
                q.periodSeconds = rule.periodSeconds;
                q.resource = QStringLiteral("projects/") + subject.project;
                q.account = accountId;
                if (s.derivation == SeriesDerivation::RatePerSecond) {
                    spec.series.append(DerivedSeries::rate(q, tr(s.legend)));
                } else if (s.derivation == SeriesDerivation::ErrorPercent) {
                    MetricQuery requests = q;
                    requests.metricName = latin1(s.requests);
                    spec.series.append(DerivedSeries::errorPercent(requests, {q}, tr(s.legend)));
                } else {
                    ChartSeriesSpec fetched;
                    fetched.query = std::move(q);
                    fetched.legend = tr(s.legend);
                    spec.series.append(std::move(fetched));
                }
            }
            built.append(CataloguedChart{std::move(spec), QString(), r});
        }
    }
    return inCatalogOrder(std::move(built)); // stage, resource, the table's order
}

} // namespace mlwatch::gcp
