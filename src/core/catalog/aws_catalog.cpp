#include "core/catalog/aws_catalog.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace mlwatch::aws {

namespace {

#define CATALOG_TR(text) QT_TRANSLATE_NOOP("mlwatch::aws::Catalog", text)

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
};

// One kind of chart: for every resource of `namespaceName` — the values of `resourceDims` — that
// publishes at least one of `series`, one chart. A metric belongs to a resource only when its
// dimension set is exactly `resourceDims` plus `requiredDims` (CloudWatch matches dimension sets
// exactly, and per-instance or per-container variants would otherwise double the series).
struct ChartRule {
    Stage stage;
    const char *kind; // the middle of the chart id
    const char *namespaceName;
    QStringList resourceDims;
    QList<Dimension> requiredDims; // fixed dimension values, e.g. StorageType=StandardStorage
    QStringList titleDims;         // the resource dims that name the chart in its title
    const char *resourcePattern;   // nullptr, or a regex the resource must match
    const char *title;             // translatable, "%1" is the resource's title name
    Unit unit;
    QList<SeriesRule> series;
    QList<ThresholdLine> thresholds; // display units (ms for microseconds, GiB for bytes)
    const char *explanation;         // translatable, one sentence
    int periodSeconds;               // the finest period worth asking for (a floor)
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
        // --- data preparation: SageMaker processing jobs --------------------------------------
        {Stage::DataPreparation,
         "memory",
         "/aws/sagemaker/ProcessingJobs",
         kHost,
         {},
         kHost,
         nullptr,
         CATALOG_TR("Memory — %1"),
         Unit::Percent,
         {{"MemoryUtilization", false, "Average", CATALOG_TR("Memory (average)")},
          {"MemoryUtilization", false, "Maximum", CATALOG_TR("Memory (peak)")}},
         {warning(80), critical(90)},
         CATALOG_TR("Feature jobs that load more data than fits in memory slow down or fail; sustained peaks "
                    "above 90 % call for a larger instance or smaller partitions."),
         60},
        {Stage::DataPreparation,
         "cpu",
         "/aws/sagemaker/ProcessingJobs",
         kHost,
         {},
         kHost,
         nullptr,
         CATALOG_TR("CPU — %1"),
         Unit::Percent,
         {{"CPUUtilization", false, "Average", CATALOG_TR("CPU (average)")},
          {"CPUUtilization", false, "Maximum", CATALOG_TR("CPU (peak)")}},
         {}, // a busy CPU is what a processing job should show: no line
         CATALOG_TR("Shows whether a processing job is compute-bound; values above 100 % mean several vCPUs "
                    "are busy."),
         60},
        // --- training: CPU vs GPU per training host -------------------------------------------
        {Stage::Training,
         "cpu-gpu",
         "/aws/sagemaker/TrainingJobs",
         kHost,
         {},
         kHost,
         nullptr,
         CATALOG_TR("CPU vs GPU — %1"),
         Unit::Percent,
         {{"CPUUtilization", false, "Average", CATALOG_TR("CPU utilisation")},
          {"GPUUtilization", false, "Average", CATALOG_TR("GPU utilisation")}},
         {warning(90)},
         CATALOG_TR(
             "A pegged CPU next to an idle GPU means the input pipeline, not the model, limits training "
             "speed: you pay for a GPU that waits."),
         60},
        {Stage::Training,
         "memory",
         "/aws/sagemaker/TrainingJobs",
         kHost,
         {},
         kHost,
         nullptr,
         CATALOG_TR("Memory — %1"),
         Unit::Percent,
         {{"MemoryUtilization", false, "Average", CATALOG_TR("Host memory")},
          {"GPUMemoryUtilization", false, "Average", CATALOG_TR("GPU memory")}},
         {warning(80), critical(90)},
         CATALOG_TR("Running out of host or GPU memory stops a training job; low GPU memory use leaves room "
                    "for larger batches."),
         60},
        // --- evaluation: Athena queries over the evaluation data, S3 dataset size -----------------
        {Stage::Evaluation,
         "athena",
         "AWS/Athena",
         {QStringLiteral("WorkGroup")},
         {{QStringLiteral("QueryState"), QStringLiteral("SUCCEEDED")},
          {QStringLiteral("QueryType"), QStringLiteral("DML")}},
         {QStringLiteral("WorkGroup")},
         nullptr,
         CATALOG_TR("Evaluation query time — %1"),
         Unit::Milliseconds,
         {{"TotalExecutionTime", false, "Average", CATALOG_TR("Average query")},
          {"TotalExecutionTime", false, "Maximum", CATALOG_TR("Slowest query")}},
         {warning(60000), critical(180000)},
         CATALOG_TR("Evaluation queries that get slower week by week usually scan a growing, unpartitioned "
                    "dataset — and Athena bills by the data scanned."),
         60},
        // S3 lists every bucket of the account; only buckets named like ML data get a chart.
        {Stage::Evaluation,
         "dataset-size",
         "AWS/S3",
         {QStringLiteral("BucketName")},
         {{QStringLiteral("StorageType"), QStringLiteral("StandardStorage")}},
         {QStringLiteral("BucketName")},
         "(^|[-_.])(sagemaker|ml|datasets?|features?|training)([-_.]|$)",
         CATALOG_TR("Dataset size — %1"),
         Unit::Bytes,
         {{"BucketSizeBytes", false, "Average", CATALOG_TR("Standard storage")}},
         {},
         CATALOG_TR(
             "The evaluation data grows with every export; S3 reports the size once a day at 00:00 UTC."),
         86400},
        // --- deployment: endpoint instances -------------------------------------------------------
        {Stage::Deployment,
         "cpu",
         "/aws/sagemaker/Endpoints",
         kEndpoint,
         {},
         kEndpoint,
         nullptr,
         CATALOG_TR("Endpoint CPU — %1"),
         Unit::Percent,
         {{"CPUUtilization", false, "Average", CATALOG_TR("CPU (average)")},
          {"CPUUtilization", false, "Maximum", CATALOG_TR("CPU (peak)")}},
         {warning(70), critical(90)},
         CATALOG_TR("CPU near its limit needs more instances before latency suffers; CPU in the low single "
                    "digits for days means the endpoint is over-provisioned."),
         60},
        {Stage::Deployment,
         "memory",
         "/aws/sagemaker/Endpoints",
         kEndpoint,
         {},
         kEndpoint,
         nullptr,
         CATALOG_TR("Endpoint memory — %1"),
         Unit::Percent,
         {{"MemoryUtilization", false, "Average", CATALOG_TR("Memory (average)")},
          {"MemoryUtilization", false, "Maximum", CATALOG_TR("Memory (peak)")}},
         {warning(80), critical(90)},
         CATALOG_TR("A model server that runs out of memory restarts and drops requests."),
         60},
        // --- monitoring: RED (rate, errors, duration) and Model Monitor drift ----------------------
        {Stage::Monitoring,
         "invocations",
         "AWS/SageMaker",
         kEndpoint,
         {},
         kEndpoint,
         nullptr,
         CATALOG_TR("Invocations — %1"),
         Unit::None,
         {{"Invocations", false, "Sum", CATALOG_TR("Invocations")}},
         {},
         CATALOG_TR("Request volume: a sudden drop often means a broken client rather than a quiet day."),
         60},
        {Stage::Monitoring,
         "errors",
         "AWS/SageMaker",
         kEndpoint,
         {},
         kEndpoint,
         nullptr,
         CATALOG_TR("Errors — %1"),
         Unit::None,
         {{"Invocation4XXErrors", false, "Sum", CATALOG_TR("4XX errors")},
          {"Invocation5XXErrors", false, "Sum", CATALOG_TR("5XX errors")}},
         {warning(5), critical(20)},
         CATALOG_TR(
             "4XX errors are bad requests from clients; 5XX errors are failures of the model container "
             "(thresholds count errors per minute)."),
         60},
        {Stage::Monitoring,
         "latency",
         "AWS/SageMaker",
         kEndpoint,
         {},
         kEndpoint,
         nullptr,
         CATALOG_TR("Model latency — %1"),
         Unit::Microseconds,
         {{"ModelLatency", false, "Average", CATALOG_TR("Model latency (average)")},
          {"ModelLatency", false, "Maximum", CATALOG_TR("Model latency (maximum)")},
          {"OverheadLatency", false, "Average", CATALOG_TR("SageMaker overhead (average)")}},
         {warning(500), critical(1000)},
         CATALOG_TR("Time the model takes to answer; the maximum shows the slow requests an average hides."),
         60},
        {Stage::Monitoring,
         "drift",
         "aws/sagemaker/Endpoints/data-metrics",
         {QStringLiteral("Endpoint"), QStringLiteral("MonitoringSchedule")},
         {},
         {QStringLiteral("Endpoint")},
         nullptr,
         CATALOG_TR("Data drift — %1"),
         Unit::None,
         // Average, not Sum: one value per hourly monitoring run, and a day-long period must not
         // add 24 runs together.
         {{"feature_baseline_drift_", true, "Average", nullptr}},
         {warning(0.1), critical(0.2)},
         CATALOG_TR(
             "How far live inputs have moved from the training baseline; Model Monitor flags a feature "
             "above 0.1, and a drifting feature erodes accuracy before errors show."),
         3600},
    };
    return table;
}

#undef CATALOG_TR

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
            MetricQuery q{m.namespaceName, m.metricName, m.dimensions, QLatin1String(s.stat),
                          rule.periodSeconds};
            const QString legend = s.legend ? tr(s.legend) : m.metricName.mid(qstrlen(s.metric));
            out.append(ChartSeriesSpec{std::move(q), legend});
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

QList<ChartSpec> buildAwsCharts(const QList<MetricDescriptor> &discovered) {
    struct Built {
        ChartSpec spec;
        qsizetype ruleIndex;
    };
    QList<Built> built;
    const QList<ChartRule> &table = rules();
    for (qsizetype r = 0; r < table.size(); ++r) {
        const ChartRule &rule = table.at(r);
        const QRegularExpression pattern(rule.resourcePattern ? QLatin1String(rule.resourcePattern)
                                                              : QLatin1String(),
                                         QRegularExpression::CaseInsensitiveOption);
        // resource → its metrics (std::map: sorted by resource, duplicates dropped below)
        std::map<QString, QList<MetricDescriptor>> byResource;
        for (const MetricDescriptor &m : discovered) {
            if (m.namespaceName != QLatin1String(rule.namespaceName) || !fitsDimensionSet(m, rule))
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
            spec.series = std::move(series);
            spec.thresholds = rule.thresholds;
            spec.explanation = tr(rule.explanation);
            built.append(Built{std::move(spec), r});
        }
    }
    // Stage order, then resource name, then the table's order.
    std::stable_sort(built.begin(), built.end(), [](const Built &a, const Built &b) {
        if (a.spec.stage != b.spec.stage)
            return a.spec.stage < b.spec.stage;
        if (a.spec.resource != b.spec.resource)
            return a.spec.resource < b.spec.resource;
        return a.ruleIndex < b.ruleIndex;
    });
    QList<ChartSpec> charts;
    charts.reserve(built.size());
    for (Built &b : built)
        charts.append(std::move(b.spec));
    return charts;
}

} // namespace mlwatch::aws
