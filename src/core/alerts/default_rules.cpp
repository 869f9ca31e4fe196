#include "core/alerts/default_rules.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {

// Replaces %1…%n by number. QString::arg(a, b, …) would give a to the lowest placeholder
// present, so a text that uses %1 and %3 (but not %2) would get the wrong values.
QString fillPlaceholders(QString text, std::initializer_list<QString> values) {
    int number = int(values.size());
    for (auto it = std::rbegin(values); it != std::rend(values); ++it, --number)
        text.replace(QLatin1Char('%') + QString::number(number), *it);
    return text;
}

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::DefaultRules", text);
}

// How a chart kind becomes a rule. The thresholds come from the chart (the catalog's, in display
// units); this table adds what a chart does not need: which series, the recovery values, M of N,
// missing data, and why.
struct RuleRecipe {
    const char *stage;  // stageId(): the first part of the chart id
    const char *kind;   // the second part of the chart id
    const char *metric; // the series to watch: its metric name (a prefix when `perSeries`)
    const char *stat;   // … and statistic
    bool perSeries;     // one rule per matching series (drift: one per feature)
    const char *unit;   // the display unit of the chart's thresholds
    // Recovery = trigger × recoveryFactor − recoveryPoints (hysteresis, anchors.md §3.5).
    double recoveryFactor;
    double recoveryPoints;
    int periodSeconds;
    int evaluationPeriods;
    int datapointsToAlarm;
    int keepFiringForSeconds;
    MissingDataPolicy missingData;
    const char *name;          // translatable; %1 = the resource, %2 = the series' legend
    const char *description;   // translatable; %1 warning, %2 its recovery, %3 critical, %4 its recovery
    const char *cloud = "aws"; // ChartSpec::cloud of the charts it applies to (empty there = "aws")
    // "name=value": the series must also carry this filter (Azure: the 5xx series of
    // RequestsPerMinute, beside the 4xx one of the same metric and aggregation).
    const char *dimension = nullptr;
};

const RuleRecipe kRecipes[] = {
    {"monitoring", "latency", "ModelLatency", "p99", false, "ms", 0.9, 0, 60, 5, 3, 0,
     MissingDataPolicy::NotBreaching, QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Model latency (P99) — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "Critical when the 99th-percentile model latency is above %3 ms: the seed's latency limit "
         "for an interactive model. Warning above "
         "%1 ms gives notice first. Recovery only below %4 ms (warning %2 ms) so a latency "
         "hovering at the line does not flap (the #1 alerting request, grafana#6202). 3 of the "
         "last 5 minutes: one slow minute is not an incident. No requests means no latency, "
         "so missing minutes count as fine.")},
    // Error budgets on the derived error percentage (DerivedSeries; its metric name spells the
    // formula), so a busy endpoint and a quiet one are judged alike.
    {"monitoring", "errors", "errorPercent(Invocation5XXErrors/Invocations)", "Sum", false, "%", 0.5, 0, 60,
     5, 3, 0, MissingDataPolicy::NotBreaching,
     QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Error rate above budget (5XX) — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "5XX errors are failures of the model container (4XX are the clients' mistakes and are "
         "not alerted on). Warning when more than %1 % of requests fail, critical above %3 %, in 3 "
         "of the last 5 minutes; it recovers below %2 % / %4 % so a trickle of errors does not "
         "flap. Minutes without requests have no error rate, so missing minutes count as fine.")},
    {"deployment", "cpu", "CPUUtilization", "Average", false, "%", 1.0, 5, 60, 10, 8, 0,
     MissingDataPolicy::Missing, QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Endpoint CPU — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "Warning above %1 %: time to add instances before latency suffers; critical above %3 %. "
         "8 of the last 10 minutes, so a short burst of traffic does not page anyone; recovery "
         "5 points lower (%2 % / %4 %). An endpoint that stops publishing CPU is reported as "
         "no data.")},
    {"deployment", "memory", "MemoryUtilization", "Average", false, "%", 1.0, 5, 60, 5, 4, 0,
     MissingDataPolicy::Missing, QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Endpoint memory — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "A model server that runs out of memory restarts and drops requests: warning above %1 %, "
         "critical above %3 %, in 4 of the last 5 minutes; recovery 5 points lower (%2 % / "
         "%4 %).")},
    {"data-preparation", "memory", "MemoryUtilization", "Maximum", false, "%", 1.0, 5, 60, 5, 4, 0,
     MissingDataPolicy::NotBreaching, QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Processing memory — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "Feature jobs that load more data than fits in memory slow down or fail. The peak, not "
         "the average, is what runs out: warning above %1 %, critical above %3 %, sustained for "
         "4 of 5 minutes; recovery 5 points lower (%2 % / %4 %). Processing jobs run for hours "
         "with nothing in between, so minutes without a job count as fine.")},
    {"training", "memory", "MemoryUtilization", "Average", false, "%", 1.0, 5, 60, 5, 4, 0,
     MissingDataPolicy::NotBreaching, QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Training memory — %1"),
     QT_TRANSLATE_NOOP("mlwatch::DefaultRules",
                       "Running out of host memory stops a training job: warning above %1 %, critical above "
                       "%3 %, in 4 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %). Minutes "
                       "without a running job count as fine.")},
    {"training", "disk", "DiskUtilization", "Average", false, "%", 1.0, 5, 60, 5, 3, 0,
     MissingDataPolicy::NotBreaching, QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Disk space — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "A full disk stops checkpoints and the job with them: warning above %1 %, critical above "
         "%3 %, in 3 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %).")},
    {"data-preparation", "disk", "DiskUtilization", "Maximum", false, "%", 1.0, 5, 60, 5, 3, 0,
     MissingDataPolicy::NotBreaching, QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Disk space — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "A processing job whose output fills the disk fails at the end, after hours of work: "
         "warning above %1 %, critical above %3 %, in 3 of the last 5 minutes; recovery 5 points "
         "lower (%2 % / %4 %).")},
    {"evaluation", "athena", "TotalExecutionTime", "Average", false, "ms", 0.9, 0, 300, 3, 2, 0,
     MissingDataPolicy::NotBreaching,
     QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Slow evaluation queries — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "Evaluation queries that take longer than %1 ms (warning) or %3 ms (critical) on "
         "average, in 2 of the last 3 five-minute periods, usually scan a growing, unpartitioned "
         "dataset, and Athena bills by the data scanned. Recovery 10 % lower (%2 ms / %4 ms). "
         "Periods without queries count as fine.")},
    {"monitoring", "drift", "feature_baseline_drift_", "Average", true, "", 0.8, 0, 3600, 1, 1, 0,
     MissingDataPolicy::Ignore, QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Drift of %2 — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "Model Monitor flags a feature whose distance from the training baseline exceeds %1 "
         "(warning); %3 is critical. One value per hourly monitoring run, so each run is judged "
         "on its own; recovery 20 % lower (%2 / %4). An hour without a run keeps the state.")},
    // --- Azure Machine Learning (azure_catalog.cpp; chart ids carry the account) ---------------
    {"monitoring", "latency", "RequestLatency_P99", "Average", false, "ms", 0.9, 0, 60, 5, 3, 0,
     MissingDataPolicy::NotBreaching,
     QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Request latency (P99) — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "Critical when the endpoint's 99th-percentile latency is above %3 ms: one request in a "
         "hundred waits longer than an interactive caller accepts. Warning above %1 ms gives "
         "notice first. Recovery only below %4 ms (warning %2 ms) so a latency hovering at the "
         "line does not flap. 3 of the last 5 minutes: one slow minute is not an incident. Azure "
         "publishes no latency without requests, so missing minutes count as fine."),
     "azure"},
    {"monitoring", "errors", "errorPercent(RequestsPerMinute/RequestsPerMinute)", "Total", false, "%", 0.5, 0,
     60, 5, 3, 0, MissingDataPolicy::NotBreaching,
     QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Error rate above budget (5xx) — %1"),
     QT_TRANSLATE_NOOP("mlwatch::DefaultRules",
                       "5xx responses are failures of the deployment or the platform (4xx are the clients' "
                       "mistakes and are not alerted on). Warning when more than %1 % of requests fail, "
                       "critical above %3 %, in 3 of the last 5 minutes; it recovers below %2 % / %4 % so a "
                       "trickle of errors does not flap. Minutes without requests have no error rate and "
                       "count as fine."),
     "azure", "statusCodeClass=5xx"},
    {"deployment", "cpu", "CpuUtilizationPercentage", "Average", false, "%", 1.0, 5, 60, 10, 8, 0,
     MissingDataPolicy::Missing, QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Deployment CPU — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "Warning above %1 %: time to add instances before latency suffers; critical above %3 %. "
         "8 of the last 10 minutes, so a short burst of traffic does not page anyone; recovery "
         "5 points lower (%2 % / %4 %). A deployment that stops publishing CPU is reported as "
         "no data."),
     "azure"},
    {"deployment", "memory", "CpuMemoryUtilizationPercentage", "Maximum", false, "%", 1.0, 5, 60, 5, 4, 0,
     MissingDataPolicy::Missing, QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Deployment memory — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "A model server that runs out of memory is killed, restarts and fails its requests. The "
         "fullest instance, not the average, is the one that goes: warning above %1 % (the risk "
         "of an out-of-memory kill begins), critical above %3 %, in 4 of the last 5 minutes; "
         "recovery 5 points lower (%2 % / %4 %)."),
     "azure"},
    // --- Google Vertex AI (gcp_catalog.cpp; chart ids carry the account) -------------------------
    {"monitoring", "latency", "aiplatform.googleapis.com/prediction/online/prediction_latencies",
     "ALIGN_PERCENTILE_99|REDUCE_PERCENTILE_99", false, "ms", 0.9, 0, 60, 5, 3, 0,
     MissingDataPolicy::NotBreaching,
     QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Prediction latency (P99) — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "Critical when the endpoint's 99th-percentile latency is above %3 ms: one prediction in a "
         "hundred waits longer than an interactive caller accepts. Warning above %1 ms gives "
         "notice first. Recovery only below %4 ms (warning %2 ms) so a latency hovering at the "
         "line does not flap. 3 of the last 5 minutes: one slow minute is not an incident. Google "
         "publishes no latency without predictions, so missing minutes count as fine."),
     "gcp"},
    {"monitoring", "errors",
     "errorPercent(aiplatform.googleapis.com/prediction/online/error_count/"
     "aiplatform.googleapis.com/prediction/online/prediction_count)",
     "ALIGN_DELTA|REDUCE_SUM", false, "%", 0.5, 0, 60, 5, 3, 0, MissingDataPolicy::NotBreaching,
     QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Error rate above budget — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "Failed predictions: warning when more than %1 % of predictions fail, critical above %3 %, "
         "in 3 of the last 5 minutes; it recovers below %2 % / %4 % so a trickle of errors does "
         "not flap. Minutes without predictions have no error rate and count as fine."),
     "gcp"},
    // The memory chart has lines only where the machine type is known (gcp_catalog.cpp), in GiB.
    {"deployment", "memory", "aiplatform.googleapis.com/prediction/online/memory/bytes_used",
     "ALIGN_MAX|REDUCE_MAX", false, "GiB", 0.95, 0, 60, 5, 4, 0, MissingDataPolicy::Missing,
     QT_TRANSLATE_NOOP("mlwatch::DefaultRules", "Endpoint memory — %1"),
     QT_TRANSLATE_NOOP(
         "mlwatch::DefaultRules",
         "A model server that runs out of memory is killed, restarts and fails its predictions. The "
         "fullest replica, not the average, is the one that goes: warning above %1 GiB (85 % of the "
         "machine's memory), critical above %3 GiB (90 %), in 4 of the last 5 minutes; recovery 5 % "
         "lower (%2 / %4 GiB)."),
     "gcp"},
};

// The recipe for a chart: by the first two parts of its id (stage and kind) and its cloud.
const RuleRecipe *recipeFor(const ChartSpec &chart) {
    const QStringList parts = chart.id.split(QLatin1Char('/'));
    if (parts.size() < 3)
        return nullptr;
    const QString cloud = chart.cloud.isEmpty() ? QStringLiteral("aws") : chart.cloud;
    for (const RuleRecipe &r : kRecipes)
        if (parts.at(0) == QLatin1String(r.stage) && parts.at(1) == QLatin1String(r.kind) &&
            cloud == QLatin1String(r.cloud))
            return &r;
    return nullptr;
}

// True when the series carries the recipe's required filter (or the recipe needs none).
bool hasRequiredDimension(const RuleRecipe &recipe, const MetricQuery &query) {
    if (!recipe.dimension)
        return true;
    const QStringList nameValue = QString::fromLatin1(recipe.dimension).split(QLatin1Char('='));
    const Dimension wanted{nameValue.value(0), nameValue.value(1)};
    return std::any_of(query.dimensions.begin(), query.dimensions.end(),
                       [&wanted](const Dimension &d) { return d == wanted; });
}

QString number(double v) {
    return QLocale().toString(v, 'g', 12);
}

// The resource as the chart's title names it ("Memory — feature-build" → "feature-build").
QString resourceName(const ChartSpec &chart) {
    const QString dash = QStringLiteral(" — ");
    const qsizetype at = chart.title.indexOf(dash);
    return at < 0 ? chart.resource : chart.title.mid(at + dash.size());
}

double recovery(const RuleRecipe &r, double trigger) {
    // Rounded to 3 significant digits, so the numbers read like a person chose them.
    const double v = trigger * r.recoveryFactor - r.recoveryPoints;
    if (v == 0)
        return 0;
    const double scale = std::pow(10.0, 2 - std::floor(std::log10(std::abs(v))));
    return std::round(v * scale) / scale;
}

} // namespace

QList<AlertRule> defaultRulesFor(const QList<ChartSpec> &charts) {
    QList<AlertRule> rules;
    for (const ChartSpec &chart : charts) {
        const RuleRecipe *recipe = recipeFor(chart);
        std::optional<double> critical;
        std::optional<double> warning;
        for (const ThresholdLine &t : chart.thresholds)
            (t.level == ThresholdLevel::Critical ? critical : warning) = t.value;
        if (!recipe || !critical) // a rule needs a critical level; CPU-vs-GPU is a view, not an alarm
            continue;
        for (const ChartSeriesSpec &s : chart.series) {
            const QLatin1String metric(recipe->metric);
            const bool matches = recipe->perSeries ? s.query.metricName.startsWith(metric) &&
                                                         s.query.metricName.size() > metric.size()
                                                   : s.query.metricName == metric;
            if (!matches || s.query.stat != QLatin1String(recipe->stat) ||
                !hasRequiredDimension(*recipe, s.query))
                continue;
            AlertRule rule;
            rule.id = QStringLiteral("default:") + chart.id;
            if (recipe->perSeries)
                rule.id += QLatin1Char(':') + s.query.metricName;
            rule.name = fillPlaceholders(tr(recipe->name), {resourceName(chart), s.legend});
            rule.cloud = QLatin1String(recipe->cloud);
            rule.account = chart.account; // the series' account (empty: the session's primary)
            rule.series = s.query;
            // Chart thresholds are per device when the type is known: compare the same way.
            rule.instanceType = chart.instanceType;
            rule.comparison = AlertComparison::Above;
            rule.critical = *critical;
            rule.criticalRecovery = recovery(*recipe, *critical);
            if (warning && *warning < *critical) {
                rule.warning = *warning;
                rule.warningRecovery = recovery(*recipe, *warning);
            }
            rule.unit = QLatin1String(recipe->unit);
            rule.seriesUnit = chart.unit;
            rule.periodSeconds = std::max(recipe->periodSeconds, s.query.periodSeconds);
            rule.series.periodSeconds = rule.periodSeconds;
            rule.evaluationPeriods = recipe->evaluationPeriods;
            rule.datapointsToAlarm = recipe->datapointsToAlarm;
            rule.keepFiringForSeconds = recipe->keepFiringForSeconds;
            rule.missingData = recipe->missingData;
            rule.description = fillPlaceholders(
                tr(recipe->description), {number(rule.warning.value_or(*critical)),
                                          number(rule.warningRecovery.value_or(rule.criticalRecoveryValue())),
                                          number(*critical), number(rule.criticalRecoveryValue())});
            if (rule.validate())
                rules.append(rule);
            if (!recipe->perSeries)
                break;
        }
    }
    return rules;
}

} // namespace mlwatch
