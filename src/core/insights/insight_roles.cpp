#include "core/insights/insight_roles.h"

#include "core/model/metric_query.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace mlwatch {

namespace {

// One row: a metric name as a cloud publishes it, optionally only with one dimension value
// (Azure splits RequestsPerMinute by statusCodeClass), and the role it plays. First match wins,
// so the rows with a dimension come before the unconditional row of the same metric.
struct RoleRow {
    const char *metricName;
    SeriesRole role;
    const char *dimension = nullptr;
    const char *dimensionValue = nullptr;
};

const QList<RoleRow> &roleTable() {
    static const QList<RoleRow> table{
        // --- AWS: SageMaker jobs and endpoints, Athena, S3 -------------------------------------
        {"CPUUtilization", SeriesRole::Cpu},
        {"GPUUtilization", SeriesRole::Gpu},
        {"MemoryUtilization", SeriesRole::Memory},
        {"GPUMemoryUtilization", SeriesRole::GpuMemory},
        {"ModelLatency", SeriesRole::Latency},
        {"Invocations", SeriesRole::Requests},
        {"Invocation5XXErrors", SeriesRole::Errors},
        {"TotalExecutionTime", SeriesRole::QueryTime},
        {"BucketSizeBytes", SeriesRole::Storage},
        // --- Azure: Machine Learning clusters and online endpoints, storage accounts --------------
        {"CpuUtilization", SeriesRole::Cpu},
        {"GpuUtilization", SeriesRole::Gpu},
        {"GpuMemoryUtilization", SeriesRole::GpuMemory},
        {"CpuUtilizationPercentage", SeriesRole::Cpu},
        {"CpuMemoryUtilizationPercentage", SeriesRole::Memory},
        {"GpuUtilizationPercentage", SeriesRole::Gpu},
        {"GpuMemoryUtilizationPercentage", SeriesRole::GpuMemory},
        {"RequestLatency", SeriesRole::Latency},
        {"RequestLatency_P99", SeriesRole::Latency},
        {"RequestsPerMinute", SeriesRole::Errors, "statusCodeClass", "5xx"},
        {"RequestsPerMinute", SeriesRole::Unknown, "statusCodeClass", "4xx"},
        {"RequestsPerMinute", SeriesRole::Unknown, "statusCodeClass", nullptr}, // 2xx, 3xx …
        {"RequestsPerMinute", SeriesRole::Requests},
        {"UsedCapacity", SeriesRole::Storage},
        // --- Google: Vertex AI training and prediction, BigQuery, Cloud Storage --------------------
        {"ml.googleapis.com/training/cpu/utilization", SeriesRole::Cpu},
        {"ml.googleapis.com/training/accelerator/utilization", SeriesRole::Gpu},
        {"ml.googleapis.com/training/accelerator/memory/utilization", SeriesRole::GpuMemory},
        {"aiplatform.googleapis.com/prediction/online/cpu/utilization", SeriesRole::Cpu},
        {"aiplatform.googleapis.com/prediction/online/memory/bytes_used", SeriesRole::Memory},
        {"aiplatform.googleapis.com/prediction/online/prediction_latencies", SeriesRole::Latency},
        {"aiplatform.googleapis.com/prediction/online/prediction_count", SeriesRole::Requests},
        {"aiplatform.googleapis.com/prediction/online/error_count", SeriesRole::Errors},
        {"bigquery.googleapis.com/query/execution_times", SeriesRole::QueryTime},
        {"storage.googleapis.com/storage/v2/total_bytes", SeriesRole::Storage},
        // --- derived series (RED): an error share computed from errors ÷ requests -----------------
        {"ErrorRate", SeriesRole::ErrorRate},
        {"ErrorPercentage", SeriesRole::ErrorRate},
    };
    return table;
}

bool rowMatches(const RoleRow &row, const MetricQuery &query) {
    if (query.metricName != QLatin1String(row.metricName))
        return false;
    if (!row.dimension)
        return true;
    for (const Dimension &d : query.dimensions) {
        if (d.name != QLatin1String(row.dimension))
            continue;
        // A row without a value matches any value of the dimension.
        return !row.dimensionValue ||
               d.value.compare(QLatin1String(row.dimensionValue), Qt::CaseInsensitive) == 0;
    }
    return false;
}

// "p99", "p99.9" (CloudWatch), "ALIGN_PERCENTILE_99" (Google): the percentile, or 0.
int percentileOf(const QString &text) {
    static const QRegularExpression cloudWatch(QStringLiteral("^[pP](\\d+)(\\.\\d+)?$"));
    static const QRegularExpression google(QStringLiteral("PERCENTILE_(\\d+)"));
    QRegularExpressionMatch m = cloudWatch.match(text);
    if (!m.hasMatch())
        m = google.match(text);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

SeriesAggregate aggregateOf(const QString &stat) {
    // Google's "ALIGN_x|REDUCE_y": the aligner says what one datapoint of one series is; the
    // reducer only combines resources.
    const QString head = stat.section(QLatin1Char('|'), 0, 0);
    if (head.startsWith(QLatin1String("ALIGN_"))) {
        if (head == QLatin1String("ALIGN_MEAN"))
            return SeriesAggregate::Average;
        if (head == QLatin1String("ALIGN_MAX"))
            return SeriesAggregate::Maximum;
        if (head == QLatin1String("ALIGN_MIN"))
            return SeriesAggregate::Minimum;
        if (head == QLatin1String("ALIGN_RATE") || head == QLatin1String("ALIGN_DELTA") ||
            head == QLatin1String("ALIGN_SUM"))
            return SeriesAggregate::Sum;
        return SeriesAggregate::Other;
    }
    if (head.compare(QLatin1String("Average"), Qt::CaseInsensitive) == 0)
        return SeriesAggregate::Average;
    if (head.compare(QLatin1String("Maximum"), Qt::CaseInsensitive) == 0)
        return SeriesAggregate::Maximum;
    if (head.compare(QLatin1String("Minimum"), Qt::CaseInsensitive) == 0)
        return SeriesAggregate::Minimum;
    if (head.compare(QLatin1String("Sum"), Qt::CaseInsensitive) == 0 ||
        head.compare(QLatin1String("Total"), Qt::CaseInsensitive) == 0)
        return SeriesAggregate::Sum;
    return SeriesAggregate::Other;
}

// Derived series (DerivedSeries::queryFor) are named after their inputs: "rate(Invocations)"
// plays its input's role; "errorPercent(<errors>/<requests>)" is an error share — of server
// errors only: a share that counts clients' 4xx ("Invocation4XXErrors+…", Azure's
// statusCodeClass=4xx) is not held against the error budget.
std::optional<SeriesRole> derivedRole(const MetricQuery &query) {
    if (query.metricName.startsWith(QLatin1String("rate(")) && query.metricName.endsWith(QLatin1Char(')'))) {
        MetricQuery input = query;
        input.metricName = query.metricName.mid(5, query.metricName.size() - 6);
        return classifySeries(input).role;
    }
    if (!query.metricName.startsWith(QLatin1String("errorPercent(")))
        return std::nullopt;
    const bool clientErrors =
        query.metricName.contains(QLatin1String("4xx"), Qt::CaseInsensitive) ||
        std::any_of(query.dimensions.begin(), query.dimensions.end(), [](const Dimension &d) {
            return d.name == QLatin1String("statusCodeClass") && d.value.startsWith(QLatin1Char('4'));
        });
    return clientErrors ? SeriesRole::Unknown : SeriesRole::ErrorRate;
}

} // namespace

SeriesRoleInfo classifySeries(const MetricQuery &query) {
    SeriesRoleInfo info;
    if (const std::optional<SeriesRole> role = derivedRole(query)) {
        info.role = *role;
    } else {
        for (const RoleRow &row : roleTable()) {
            if (rowMatches(row, query)) {
                info.role = row.role;
                break;
            }
        }
    }
    // Azure publishes its percentile as a metric of its own ("RequestLatency_P99", Average).
    static const QRegularExpression metricPercentile(QStringLiteral("_P(\\d+)$"));
    const QRegularExpressionMatch m = metricPercentile.match(query.metricName);
    if (m.hasMatch()) {
        info.aggregate = SeriesAggregate::Percentile;
        info.percentile = m.captured(1).toInt();
    } else if (const int p = percentileOf(query.stat); p > 0) {
        info.aggregate = SeriesAggregate::Percentile;
        info.percentile = p;
    } else {
        info.aggregate = aggregateOf(query.stat);
    }
    return info;
}

} // namespace mlwatch
