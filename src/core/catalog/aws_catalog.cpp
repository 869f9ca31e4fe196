#include "core/catalog/aws_catalog.h"

#include "core/catalog/catalog_order.h"
#include "core/store/derived_series.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace mlwatch::aws {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::aws::Catalog", text);
}

// One series of a chart: a metric (or, with `prefix`, every metric whose name starts with it,
// e.g. Model Monitor's feature_baseline_drift_<feature>) and the statistic to fetch it with.
struct SeriesRule {
    const char *metric;
    bool prefix;
    const char *stat;
    const char *legend; // translatable; nullptr: the part after the prefix (the feature's name)
    // Derived series (RED): RatePerSecond of `metric`; ErrorPercent of `errors` (summed) ÷ `metric`.
    SeriesDerivation derivation = SeriesDerivation::None;
    QStringList errors{};
};

// One kind of chart: for every resource of `namespaceName` — the values of `resourceDims` — that
// publishes at least one of `series`, one chart. A metric belongs to a resource only when its
// dimension set is exactly `resourceDims` plus `requiredDims` (CloudWatch matches dimension sets
// exactly, and per-instance or per-container variants would otherwise double the series).
struct ChartRule {
    Stage stage = Stage::Monitoring;
    const char *kind = nullptr; // the middle of the chart id
    const char *namespaceName = nullptr;
    QStringList resourceDims{};
    QList<Dimension> requiredDims{};       // fixed dimension values, e.g. StorageType=StandardStorage
    QStringList titleDims{};               // the resource dims that name the chart in its title
    const char *resourcePattern = nullptr; // a regex the resource must match, if any
    const char *title = nullptr;           // translatable, "%1" is the resource's title name
    Unit unit = Unit::None;
    QList<SeriesRule> series{};
    QList<ThresholdLine> thresholds{}; // display units (ms for microseconds, GiB for bytes)
    const char *explanation = nullptr; // translatable, one sentence
    int periodSeconds = 60;            // the finest period worth asking for (a floor)
};

const QStringList kHost{QStringLiteral("Host")};
const QStringList kEndpoint{QStringLiteral("EndpointName"), QStringLiteral("VariantName")};

ThresholdLine warning(double v) {
    return {v, ThresholdLevel::Warning};
}

ThresholdLine critical(double v) {
    return {v, ThresholdLevel::Critical};
}

// The catalog. Order matters: within one stage and resource, charts come out in this order.
const QList<ChartRule> &rules() {
    static const QList<ChartRule> table{
        // --- data preparation: SageMaker processing jobs ------------------------------------------
        {.stage = Stage::DataPreparation,
         .kind = "memory",
         .namespaceName = "/aws/sagemaker/ProcessingJobs",
         .resourceDims = kHost,
         .titleDims = kHost,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Memory — %1"),
         .unit = Unit::Percent,
         .series = {{"MemoryUtilization", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Memory (average)")},
                    {"MemoryUtilization", false, "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Memory (peak)")}},
         .thresholds = {warning(80), critical(90)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog",
                                          "Feature jobs that load more data than fits in memory slow down or "
                                          "fail; sustained peaks above 90 % call for a larger instance or "
                                          "smaller partitions.")},
        {.stage = Stage::DataPreparation,
         .kind = "cpu",
         .namespaceName = "/aws/sagemaker/ProcessingJobs",
         .resourceDims = kHost,
         .titleDims = kHost,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "CPU — %1"),
         .unit = Unit::Percent,
         .series = {{"CPUUtilization", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "CPU (average)")},
                    {"CPUUtilization", false, "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "CPU (peak)")}},
         // no threshold: a busy CPU is what a processing job should show
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::aws::Catalog", "Shows whether a processing job is compute-bound; values above 100 % "
                                      "mean several vCPUs are busy.")},
        {.stage = Stage::DataPreparation,
         .kind = "disk",
         .namespaceName = "/aws/sagemaker/ProcessingJobs",
         .resourceDims = kHost,
         .titleDims = kHost,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Disk — %1"),
         .unit = Unit::Percent,
         .series = {{"DiskUtilization", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Disk (average)")},
                    {"DiskUtilization", false, "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Disk (peak)")}},
         .thresholds = {warning(80), critical(90)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog",
                                          "Intermediate files fill the job's storage volume; a full volume "
                                          "fails the job late, after hours of work.")},
        // --- training: CPU vs GPU per training host -----------------------------------------------
        {.stage = Stage::Training,
         .kind = "cpu-gpu",
         .namespaceName = "/aws/sagemaker/TrainingJobs",
         .resourceDims = kHost,
         .titleDims = kHost,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "CPU vs GPU — %1"),
         .unit = Unit::Percent,
         .series = {{"CPUUtilization", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "CPU utilisation")},
                    {"GPUUtilization", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "GPU utilisation")}},
         .thresholds = {warning(90)},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::aws::Catalog", "A pegged CPU next to an idle GPU means the input pipeline, not the "
                                      "model, limits training speed: you pay for a GPU that waits.")},
        {.stage = Stage::Training,
         .kind = "memory",
         .namespaceName = "/aws/sagemaker/TrainingJobs",
         .resourceDims = kHost,
         .titleDims = kHost,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Memory — %1"),
         .unit = Unit::Percent,
         .series = {{"MemoryUtilization", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Host memory")},
                    {"GPUMemoryUtilization", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "GPU memory")}},
         .thresholds = {warning(80), critical(90)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog",
                                          "Running out of host or GPU memory stops a training job; low GPU "
                                          "memory use leaves room for larger batches.")},
        // --- evaluation: Athena queries over the evaluation data, S3 dataset size -------------------
        {.stage = Stage::Training,
         .kind = "disk",
         .namespaceName = "/aws/sagemaker/TrainingJobs",
         .resourceDims = kHost,
         .titleDims = kHost,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Disk — %1"),
         .unit = Unit::Percent,
         .series = {{"DiskUtilization", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Disk")}},
         .thresholds = {warning(80), critical(90)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog",
                                          "Checkpoints and cached datasets grow on the training volume; "
                                          "a full disk stops training at the next checkpoint.")},
        {.stage = Stage::Evaluation,
         .kind = "athena",
         .namespaceName = "AWS/Athena",
         .resourceDims = {QStringLiteral("WorkGroup")},
         .requiredDims = {{QStringLiteral("QueryState"), QStringLiteral("SUCCEEDED")},
                          {QStringLiteral("QueryType"), QStringLiteral("DML")}},
         .titleDims = {QStringLiteral("WorkGroup")},
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Evaluation query time — %1"),
         .unit = Unit::Milliseconds,
         .series = {{"TotalExecutionTime", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Average query")},
                    {"TotalExecutionTime", false, "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Slowest query")}},
         .thresholds = {warning(60000), critical(180000)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog",
                                          "Evaluation queries that get slower week by week usually scan a "
                                          "growing, unpartitioned dataset — and Athena bills by the data "
                                          "scanned.")},
        // S3 lists every bucket of the account; only buckets named like ML data get a chart.
        {.stage = Stage::Evaluation,
         .kind = "dataset-size",
         .namespaceName = "AWS/S3",
         .resourceDims = {QStringLiteral("BucketName")},
         .requiredDims = {{QStringLiteral("StorageType"), QStringLiteral("StandardStorage")}},
         .titleDims = {QStringLiteral("BucketName")},
         .resourcePattern = "(^|[-_.])(sagemaker|ml|datasets?|features?|training)([-_.]|$)",
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Dataset size — %1"),
         .unit = Unit::Bytes,
         .series = {{"BucketSizeBytes", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Standard storage")}},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog",
                                          "The evaluation data grows with every export; S3 reports the size "
                                          "once a day at 00:00 UTC."),
         // S3 storage metrics exist once a day: a shorter period returns nothing.
         .periodSeconds = 86400},
        // --- deployment: endpoint instances -------------------------------------------------------
        {.stage = Stage::Deployment,
         .kind = "cpu",
         .namespaceName = "/aws/sagemaker/Endpoints",
         .resourceDims = kEndpoint,
         .titleDims = kEndpoint,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Endpoint CPU — %1"),
         .unit = Unit::Percent,
         .series = {{"CPUUtilization", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "CPU (average)")},
                    {"CPUUtilization", false, "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "CPU (peak)")}},
         .thresholds = {warning(70), critical(90)},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::aws::Catalog", "CPU near its limit needs more instances before latency suffers; CPU "
                                      "in the low single digits for days means the endpoint is "
                                      "over-provisioned.")},
        {.stage = Stage::Deployment,
         .kind = "memory",
         .namespaceName = "/aws/sagemaker/Endpoints",
         .resourceDims = kEndpoint,
         .titleDims = kEndpoint,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Endpoint memory — %1"),
         .unit = Unit::Percent,
         .series = {{"MemoryUtilization", false, "Average",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Memory (average)")},
                    {"MemoryUtilization", false, "Maximum",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Memory (peak)")}},
         .thresholds = {warning(80), critical(90)},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::aws::Catalog", "A model server that runs out of memory restarts and drops requests.")},
        // --- monitoring: RED (rate, errors, duration) and Model Monitor drift -----------------------
        {.stage = Stage::Monitoring,
         .kind = "requests",
         .namespaceName = "AWS/SageMaker",
         .resourceDims = kEndpoint,
         .titleDims = kEndpoint,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Request rate — %1"),
         .unit = Unit::CountPerSecond,
         .series = {{"Invocations", false, "Sum", QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Requests"),
                     SeriesDerivation::RatePerSecond}},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog",
                                          "Requests per second (Invocations per period ÷ its seconds): a "
                                          "sudden drop often means a broken client rather than a quiet "
                                          "day.")},
        {.stage = Stage::Monitoring,
         .kind = "errors",
         .namespaceName = "AWS/SageMaker",
         .resourceDims = kEndpoint,
         .titleDims = kEndpoint,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Error rate — %1"),
         .unit = Unit::Percent,
         .series = {{"Invocations",
                     false,
                     "Sum",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "All errors (4XX + 5XX)"),
                     SeriesDerivation::ErrorPercent,
                     {QStringLiteral("Invocation4XXErrors"), QStringLiteral("Invocation5XXErrors")}},
                    {"Invocations",
                     false,
                     "Sum",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Server errors (5XX)"),
                     SeriesDerivation::ErrorPercent,
                     {QStringLiteral("Invocation5XXErrors")}}},
         .thresholds = {warning(1), critical(5)},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::aws::Catalog", "The share of requests that failed: 4XX are bad requests from clients, "
                                      "5XX failures of the model container. Minutes without requests are "
                                      "gaps, not 0 %.")},
        {.stage = Stage::Monitoring,
         .kind = "latency",
         .namespaceName = "AWS/SageMaker",
         .resourceDims = kEndpoint,
         .titleDims = kEndpoint,
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Model latency — %1"),
         .unit = Unit::Microseconds,
         .series = {{"ModelLatency", false, "p50",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Model latency (median)")},
                    {"ModelLatency", false, "p99",
                     QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Model latency (P99)")}},
         .thresholds = {warning(500), critical(1000)},
         .explanation = QT_TRANSLATE_NOOP(
             "mlwatch::aws::Catalog", "Time the model takes to answer; the 99th percentile shows the slow "
                                      "requests a median hides.")},
        {.stage = Stage::Monitoring,
         .kind = "drift",
         .namespaceName = "aws/sagemaker/Endpoints/data-metrics",
         .resourceDims = {QStringLiteral("Endpoint"), QStringLiteral("MonitoringSchedule")},
         .titleDims = {QStringLiteral("Endpoint")},
         .title = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", "Data drift — %1"),
         .unit = Unit::None,
         // Average, not Sum: one value per hourly monitoring run, and a day-long period must not
         // add 24 runs together.
         .series = {{"feature_baseline_drift_", true, "Average", nullptr}},
         .thresholds = {warning(0.1), critical(0.2)},
         .explanation = QT_TRANSLATE_NOOP("mlwatch::aws::Catalog",
                                          "How far live inputs have moved from the training baseline; Model "
                                          "Monitor flags a feature above 0.1, and a drifting feature erodes "
                                          "accuracy before errors show."),
         .periodSeconds = 3600},
    };
    return table;
}

bool hasDimension(const MetricDescriptor &m, const Dimension &required) {
    return std::any_of(m.dimensions.begin(), m.dimensions.end(),
                       [&](const Dimension &d) { return d == required; });
}

// True when `m` is published with exactly the rule's dimension set.
bool fitsDimensionSet(const MetricDescriptor &m, const ChartRule &rule) {
    if (m.dimensions.size() != rule.resourceDims.size() + rule.requiredDims.size())
        return false;
    for (const QString &name : rule.resourceDims)
        if (m.dimensionValue(name).isEmpty())
            return false;
    return std::all_of(rule.requiredDims.begin(), rule.requiredDims.end(),
                       [&m](const Dimension &d) { return hasDimension(m, d); });
}

bool seriesMatches(const SeriesRule &s, const QString &metricName) {
    const QLatin1String name(s.metric);
    return s.prefix ? metricName.startsWith(name) && metricName.size() > name.size() : metricName == name;
}

QString titleName(const MetricDescriptor &m, const ChartRule &rule) {
    QStringList parts;
    for (const QString &dim : rule.titleDims) {
        QString value = m.dimensionValue(dim);
        // Single-instance jobs are the norm: "job/algo-1" is titled by the job's name.
        if (dim == QLatin1String("Host") && value.endsWith(QLatin1String("/algo-1")))
            value.chop(7);
        parts.append(value);
    }
    return parts.join(QStringLiteral(" / "));
}

QList<ChartSeriesSpec> seriesFor(const ChartRule &rule, const QList<MetricDescriptor> &metrics) {
    QList<ChartSeriesSpec> out;
    for (const SeriesRule &s : rule.series) {
        QList<MetricDescriptor> matching;
        for (const MetricDescriptor &m : metrics)
            if (seriesMatches(s, m.metricName))
                matching.append(m);
        std::sort(matching.begin(), matching.end(), [](const MetricDescriptor &a, const MetricDescriptor &b) {
            return a.metricName < b.metricName;
        });
        for (const MetricDescriptor &m : matching) {
            if (s.derivation != SeriesDerivation::None) {
                // The inputs are the same endpoint's metrics, with its exact dimension set.
                const auto queryOf = [&](const QString &metric) {
                    MetricQuery q;
                    q.namespaceName = m.namespaceName;
                    q.metricName = metric;
                    q.dimensions = m.dimensions;
                    q.stat = QLatin1String(s.stat);
                    q.periodSeconds = rule.periodSeconds;
                    return q;
                };
                const bool published = std::all_of(s.errors.begin(), s.errors.end(), [&](const QString &e) {
                    return std::any_of(metrics.begin(), metrics.end(),
                                       [&e](const MetricDescriptor &d) { return d.metricName == e; });
                });
                if (!published)
                    continue;
                if (s.derivation == SeriesDerivation::RatePerSecond) {
                    out.append(DerivedSeries::rate(queryOf(m.metricName), tr(s.legend)));
                } else {
                    QList<MetricQuery> errors;
                    for (const QString &e : s.errors)
                        errors.append(queryOf(e));
                    out.append(DerivedSeries::errorPercent(queryOf(m.metricName), errors, tr(s.legend)));
                }
                continue;
            }
            MetricQuery q;
            q.namespaceName = m.namespaceName;
            q.metricName = m.metricName;
            q.dimensions = m.dimensions;
            q.stat = QLatin1String(s.stat);
            q.periodSeconds = rule.periodSeconds;
            const QString legend = s.legend ? tr(s.legend) : m.metricName.mid(qstrlen(s.metric));
            out.append(ChartSeriesSpec{.query = std::move(q), .legend = legend});
        }
    }
    return out;
}

} // namespace

QStringList catalogNamespaces() {
    QStringList namespaces;
    for (const ChartRule &rule : rules()) {
        const QString ns = QLatin1String(rule.namespaceName);
        if (!namespaces.contains(ns))
            namespaces.append(ns);
    }
    return namespaces;
}

std::optional<CatalogMetricDefaults> catalogDefaultsFor(const QString &namespaceName,
                                                        const QString &metricName) {
    for (const ChartRule &rule : rules()) {
        if (namespaceName != QLatin1String(rule.namespaceName))
            continue;
        for (const SeriesRule &s : rule.series) {
            // A derived series' inputs are counts per period, not the chart's derived unit.
            if (s.derivation != SeriesDerivation::None &&
                (seriesMatches(s, metricName) || s.errors.contains(metricName)))
                return CatalogMetricDefaults{QLatin1String(s.stat), Unit::None, rule.periodSeconds};
            if (seriesMatches(s, metricName))
                return CatalogMetricDefaults{QLatin1String(s.stat), rule.unit, rule.periodSeconds};
        }
    }
    return std::nullopt;
}

QString catalogResourceOf(const MetricDescriptor &metric) {
    for (const ChartRule &rule : rules()) {
        if (metric.namespaceName != QLatin1String(rule.namespaceName))
            continue;
        QStringList values;
        for (const QString &dim : rule.resourceDims)
            values.append(metric.dimensionValue(dim));
        if (!values.contains(QString()))
            return values.join(QLatin1Char('/'));
    }
    return {};
}

QList<ChartSpec> buildAwsCharts(const QList<MetricDescriptor> &discovered) {
    // Instance types discovery learnt from the SageMaker API: resource descriptors without a
    // metric name that carry "instanceType" (sagemaker_describe.h); UnitRegistry reads them.
    QHash<QString, QString> instanceTypes; // "namespace|resource" → instance type
    for (const MetricDescriptor &m : discovered) {
        const QString type = m.dimensionValue(QStringLiteral("instanceType"));
        if (m.metricName.isEmpty() && !type.isEmpty())
            instanceTypes.insert(m.namespaceName + QLatin1Char('|') + catalogResourceOf(m), type);
    }
    QList<CataloguedChart> built;
    const QList<ChartRule> &table = rules();
    for (qsizetype r = 0; r < table.size(); ++r) {
        const ChartRule &rule = table.at(r);
        const QRegularExpression pattern(rule.resourcePattern ? QLatin1String(rule.resourcePattern)
                                                              : QLatin1String(),
                                         QRegularExpression::CaseInsensitiveOption);
        // resource → its metrics (std::map: sorted by resource, duplicates dropped below)
        std::map<QString, QList<MetricDescriptor>> byResource;
        for (const MetricDescriptor &m : discovered) {
            if (m.metricName.isEmpty() || m.namespaceName != QLatin1String(rule.namespaceName) ||
                !fitsDimensionSet(m, rule))
                continue;
            QStringList values;
            for (const QString &dim : rule.resourceDims)
                values.append(m.dimensionValue(dim));
            const QString resource = values.join(QLatin1Char('/'));
            if (rule.resourcePattern && !pattern.match(resource).hasMatch())
                continue;
            QList<MetricDescriptor> &list = byResource[resource];
            if (!list.contains(m))
                list.append(m);
        }
        for (const auto &[resource, metrics] : byResource) {
            QList<ChartSeriesSpec> series = seriesFor(rule, metrics);
            if (series.isEmpty())
                continue;
            ChartSpec spec;
            spec.id = stageId(rule.stage) + QLatin1Char('/') + QLatin1String(rule.kind) + QLatin1Char('/') +
                      resource;
            spec.stage = rule.stage;
            spec.title = tr(rule.title).arg(titleName(metrics.first(), rule));
            spec.resource = resource;
            spec.unit = rule.unit;
            spec.instanceType =
                instanceTypes.value(QLatin1String(rule.namespaceName) + QLatin1Char('|') + resource);
            spec.series = std::move(series);
            spec.thresholds = rule.thresholds;
            spec.explanation = tr(rule.explanation);
            built.append(CataloguedChart{std::move(spec), QString(), r});
        }
    }
    return inCatalogOrder(std::move(built)); // stage, resource name, the table's order
}

} // namespace mlwatch::aws
