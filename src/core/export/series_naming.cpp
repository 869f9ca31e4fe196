#include "core/export/series_naming.h"

#include "core/model/metric_query.h"
#include "core/model/unit.h"

#include <QStringList>

#include <algorithm>
#include <optional>

namespace mlwatch {

namespace {

// The units CloudWatch documents for the metrics of MLWatch's catalog (SageMaker endpoints,
// training / processing jobs, Athena, S3 storage). Matching by name is enough: the names do
// not collide across these namespaces.
std::optional<Unit> knownUnit(const QString &metric) {
    struct Entry {
        const char *name;
        Unit unit;
    };
    static constexpr Entry kExact[] = {
        {"Invocations", Unit::None},
        {"InvocationsPerInstance", Unit::None},
        {"Invocation4XXErrors", Unit::None},
        {"Invocation5XXErrors", Unit::None},
        {"InvocationModelErrors", Unit::None},
        {"ModelLatency", Unit::Microseconds},
        {"OverheadLatency", Unit::Microseconds},
        {"ModelSetupTime", Unit::Microseconds},
        {"BucketSizeBytes", Unit::Bytes},
        {"NumberOfObjects", Unit::Count},
        {"TotalExecutionTime", Unit::Milliseconds},
        {"EngineExecutionTime", Unit::Milliseconds},
        {"QueryQueueTime", Unit::Milliseconds},
        {"QueryPlanningTime", Unit::Milliseconds},
        {"ServiceProcessingTime", Unit::Milliseconds},
        {"ProcessedBytes", Unit::Bytes},
    };
    for (const Entry &e : kExact)
        if (metric == QLatin1String(e.name))
            return e.unit;
    // CPUUtilization, MemoryUtilization, GPUUtilization, GPUMemoryUtilization, DiskUtilization.
    if (metric.endsWith(QLatin1String("Utilization")))
        return Unit::Percent;
    return std::nullopt;
}

} // namespace

QString SeriesNaming::seriesName(const MetricQuery &query) {
    QString name = query.namespaceName + QLatin1Char(':') + query.metricName;
    QList<Dimension> dims = query.dimensions;
    std::sort(dims.begin(), dims.end(),
              [](const Dimension &a, const Dimension &b) { return a.name < b.name; });
    if (!dims.isEmpty()) {
        QStringList parts;
        for (const Dimension &d : std::as_const(dims))
            parts.append(d.name + QLatin1Char('=') + d.value);
        name += QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    return name + QLatin1Char(':') + query.stat;
}

QString SeriesNaming::unitName(const MetricQuery &query) {
    const std::optional<Unit> unit = knownUnit(query.metricName);
    return unit ? cloudWatchUnitName(*unit) : QString();
}

} // namespace mlwatch
