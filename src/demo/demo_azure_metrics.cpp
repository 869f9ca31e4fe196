#include "demo/demo_azure_metrics.h"

#include "demo/demo_azure_shapes.h"

#include <QJsonObject>

#include <algorithm>
#include <limits>
#include <map>

namespace mlwatch::demo {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
// Not Azure's (unverified) limit: a guard so a years-long PT1M query cannot exhaust memory.
constexpr qint64 kMaxPointsPerSeries = 100000;
constexpr qint64 kGrainsMinutes[] = {1, 5, 15, 30, 60, 360, 720, 1440};

struct Accumulator {
    double count = 0;
    double sum = 0;
    double minimum = std::numeric_limits<double>::infinity();
    double maximum = -std::numeric_limits<double>::infinity();

    void add(const MinuteStats &s) {
        count += s.sampleCount;
        sum += s.sum;
        minimum = std::min(minimum, s.minimum);
        maximum = std::max(maximum, s.maximum);
    }
    void add(const Accumulator &a) {
        count += a.count;
        sum += a.sum;
        minimum = std::min(minimum, a.minimum);
        maximum = std::max(maximum, a.maximum);
    }
    double value(const QString &aggregation) const {
        if (aggregation == QLatin1String("average"))
            return sum / count;
        if (aggregation == QLatin1String("minimum"))
            return minimum;
        if (aggregation == QLatin1String("maximum"))
            return maximum;
        if (aggregation == QLatin1String("total"))
            return sum;
        return count;
    }
};

struct Group {
    QList<const DemoAzureLeaf *> leaves;
    QVector<Accumulator> buckets;
    Accumulator overall;
};

QString metricId(const DemoAzureResource &resource, const QString &name) {
    return resource.id + QStringLiteral("/providers/Microsoft.Insights/metrics/") + name;
}

// "Microsoft.MachineLearningServices/workspaces/onlineEndpoints" → provider and type, lower-cased.
QString configurationText(const QString &ns) {
    const qsizetype slash = ns.indexOf(QLatin1Char('/'));
    return QStringLiteral("provider: %1, resource Type: %2")
        .arg(ns.left(slash).toLower(), slash < 0 ? QString() : ns.mid(slash + 1).toLower());
}

QJsonObject unknownMetric(const DemoAzureResource &resource, const QString &ns, const QString &name) {
    QStringList valid;
    for (const DemoAzureMetricDefinition *d : DemoAzureCatalog::ofNamespace(resource.type))
        valid.append(d->name);
    return QJsonObject{{QStringLiteral("id"), metricId(resource, name)},
                       {QStringLiteral("type"), QStringLiteral("Microsoft.Insights/metrics")},
                       {QStringLiteral("name"), QJsonObject{{QStringLiteral("value"), name},
                                                            {QStringLiteral("localizedValue"), name}}},
                       {QStringLiteral("unit"), QStringLiteral("Unspecified")},
                       {QStringLiteral("timeseries"), QJsonArray()},
                       {QStringLiteral("errorCode"), QStringLiteral("BadRequest")},
                       {QStringLiteral("errorMessage"),
                        QStringLiteral("Failed to find metric configuration for %1, metric: %2, "
                                       "Valid metrics: %3")
                            .arg(configurationText(ns), name, valid.join(QLatin1Char(',')))}};
}

bool matches(const DemoAzureFilterTerm &term, const QString &value) {
    if (term.all)
        return true;
    return std::any_of(term.values.begin(), term.values.end(),
                       [&value](const QString &v) { return v.compare(value, Qt::CaseInsensitive) == 0; }) ||
           std::any_of(term.prefixes.begin(), term.prefixes.end(),
                       [&value](const QString &p) { return value.startsWith(p, Qt::CaseInsensitive); });
}

} // namespace

DemoAzureMetrics::DemoAzureMetrics(const DemoAzureDataset &dataset)
    : m_dataset(dataset) {}

DemoOutcome<DemoAzureMetrics::Result> DemoAzureMetrics::evaluate(const DemoAzureResource &resource,
                                                                 const DemoAzureMetricsRequest &request,
                                                                 qint64 nowMs) const {
    const QString ns = request.metricNamespace.isEmpty() ? resource.type : request.metricNamespace;
    QStringList names = request.metricNames;
    if (names.isEmpty() && !DemoAzureCatalog::ofNamespace(resource.type).isEmpty())
        names.append(DemoAzureCatalog::ofNamespace(resource.type).first()->name); // Azure's "default metric"
    QList<const DemoAzureMetricDefinition *> definitions;
    int minGrainMinutes = 1;
    QStringList knownNames;
    for (const QString &name : names) {
        const DemoAzureMetricDefinition *d = DemoAzureCatalog::find(ns, name);
        if (d && d->namespaceName.compare(resource.type, Qt::CaseInsensitive) != 0)
            d = nullptr;
        if (d) {
            minGrainMinutes = std::max(minGrainMinutes, d->minGrainMinutes);
            knownNames.append(d->name);
        }
        definitions.append(d);
    }

    // The grain: one of Azure's common grains that every requested metric supports.
    Result result;
    qint64 grainMs = 0;
    if (request.grainMs) {
        QList<qint64> allowed;
        for (qint64 g : kGrainsMinutes)
            if (g >= minGrainMinutes)
                allowed.append(g * kMinuteMs);
        grainMs = *request.grainMs;
        if (!allowed.contains(grainMs)) {
            if (!request.autoAdjustTimegrain) {
                QStringList grains;
                for (qint64 g : allowed)
                    grains.append(DemoAzureWire::formatTimeSpan(g));
                return DemoError{
                    400, QStringLiteral("BadRequest"),
                    QStringLiteral("Commonly allowed time grains: %1 between metrics: %2, can not support "
                                   "requested time grain: %3 please adjust your interval parameter to use "
                                   "one of the common grains")
                        .arg(grains.join(QLatin1Char(',')), knownNames.join(QLatin1Char(',')),
                             DemoAzureWire::formatTimeSpan(grainMs)),
                    true};
            }
            const auto up =
                std::find_if(allowed.begin(), allowed.end(), [grainMs](qint64 g) { return g >= grainMs; });
            grainMs = up == allowed.end() ? allowed.last() : *up;
        }
    }
    const bool full = !request.grainMs;
    const qint64 alignedStart =
        azure_shapes::floorDiv(request.startMs, full ? kMinuteMs : grainMs) * (full ? kMinuteMs : grainMs);
    const qint64 bucketMs = full ? request.endMs - alignedStart : grainMs;
    const qint64 bucketCount = full ? 1 : (request.endMs - alignedStart + grainMs - 1) / grainMs;
    if (bucketCount > kMaxPointsPerSeries)
        return DemoError{
            400, QStringLiteral("BadRequest"),
            QStringLiteral("The query asks for %1 data points per time series; the demo answers at most "
                           "%2. Use a shorter timespan or a coarser interval.")
                .arg(bucketCount)
                .arg(kMaxPointsPerSeries),
            true};
    result.interval = DemoAzureWire::formatDuration(full ? request.endMs - request.startMs : grainMs);
    result.namespaceName = ns.toLower();

    // The minutes whose samples can count: within the buckets, the history and the past.
    const qint64 fromMs = std::max(alignedStart, m_dataset.historyStartMs());
    const qint64 toMs = std::min(alignedStart + bucketCount * bucketMs, nowMs);
    const qint64 firstMinute = azure_shapes::floorDiv(fromMs + kMinuteMs - 1, kMinuteMs);

    for (qsizetype i = 0; i < names.size(); ++i) {
        const DemoAzureMetricDefinition *d = definitions.at(i);
        if (!d) {
            result.value.append(unknownMetric(resource, ns, names.at(i)));
            continue;
        }
        // Which dimensions the filter names, and where they sit in the leaves' values.
        QList<int> positions;
        QList<const DemoAzureFilterTerm *> terms;
        for (const DemoAzureFilterTerm &term : request.filter) {
            const auto found =
                std::find_if(d->dimensions.begin(), d->dimensions.end(), [&term](const QString &n) {
                    return n.compare(term.dimension, Qt::CaseInsensitive) == 0;
                });
            if (found == d->dimensions.end()) {
                if (!request.validateDimensions)
                    continue;
                QStringList requested;
                for (const DemoAzureFilterTerm &t : request.filter)
                    requested.append(t.dimension.toLower());
                return DemoError{
                    400, QStringLiteral("BadRequest"),
                    QStringLiteral("Metric: %1 does not support requested dimension combination: %2, "
                                   "supported ones are: %3, please check the dimension names and values.")
                        .arg(d->name, requested.join(QLatin1Char(',')), d->dimensions.join(QLatin1Char(','))),
                    true};
            }
            positions.append(int(found - d->dimensions.begin()));
            terms.append(&term);
        }

        std::map<QStringList, Group> groups;
        if (terms.isEmpty())
            groups[{}];
        if (const QList<DemoAzureLeaf> *leaves = m_dataset.leaves(resource.id, d->name)) {
            for (const DemoAzureLeaf &leaf : *leaves) {
                QStringList key;
                bool selected = true;
                for (qsizetype t = 0; t < terms.size() && selected; ++t) {
                    const QString value = leaf.dimensionValues.value(positions.at(t));
                    selected = matches(*terms.at(t), value);
                    key.append(value);
                }
                if (selected)
                    groups[key].leaves.append(&leaf);
            }
        }

        const QStringList aggregations = request.aggregations.isEmpty()
                                             ? QStringList{d->primaryAggregation.toLower()}
                                             : request.aggregations;
        QList<std::pair<QStringList, Group *>> ordered;
        for (auto &[key, group] : groups) {
            group.buckets.resize(bucketCount);
            for (const DemoAzureLeaf *leaf : group.leaves) {
                if (request.metadataOnly)
                    break;
                for (qint64 m = firstMinute; m * kMinuteMs < toMs; ++m) {
                    const std::optional<MinuteStats> s = leaf->sample(m);
                    if (s && s->sampleCount > 0)
                        group.buckets[(m * kMinuteMs - alignedStart) / bucketMs].add(*s);
                }
            }
            for (const Accumulator &a : group.buckets)
                group.overall.add(a);
            ordered.append({key, &group});
        }
        if (!terms.isEmpty()) {
            // Azure keeps the `top` series by `orderby` (ties by dimension values, for stable bytes).
            const QString by = request.orderBy.isEmpty() ? aggregations.first() : request.orderBy;
            const bool ascending = request.ascending;
            std::stable_sort(ordered.begin(), ordered.end(), [&by, ascending](const auto &a, const auto &b) {
                const bool aHas = a.second->overall.count > 0;
                const bool bHas = b.second->overall.count > 0;
                if (aHas != bHas)
                    return aHas;
                if (!aHas)
                    return false;
                const double x = a.second->overall.value(by);
                const double y = b.second->overall.value(by);
                return ascending ? x < y : x > y;
            });
            if (ordered.size() > request.top)
                ordered.resize(request.top);
        }

        QJsonArray timeseries;
        for (const auto &[key, group] : ordered) {
            QJsonArray metadata;
            for (qsizetype t = 0; t < key.size(); ++t) {
                const QString name = d->dimensions.at(positions.at(t)).toLower();
                metadata.append(QJsonObject{
                    {QStringLiteral("name"),
                     QJsonObject{{QStringLiteral("value"), name}, {QStringLiteral("localizedValue"), name}}},
                    {QStringLiteral("value"), key.at(t)}});
            }
            QJsonObject series{{QStringLiteral("metadatavalues"), metadata}};
            if (!request.metadataOnly) {
                QJsonArray data;
                for (qint64 b = 0; b < bucketCount; ++b) {
                    QJsonObject element{{QStringLiteral("timeStamp"),
                                         DemoAzureWire::formatDateTime(alignedStart + b * bucketMs)}};
                    const Accumulator &a = group->buckets.at(b);
                    if (a.count > 0) // no key at all for a grain without data
                        for (const QString &aggregation : aggregations)
                            element.insert(aggregation, a.value(aggregation));
                    data.append(element);
                }
                result.cost += int(bucketCount);
                series.insert(QStringLiteral("data"), data);
            }
            timeseries.append(series);
        }
        result.value.append(QJsonObject{
            {QStringLiteral("id"), metricId(resource, d->name)},
            {QStringLiteral("type"), QStringLiteral("Microsoft.Insights/metrics")},
            {QStringLiteral("name"), QJsonObject{{QStringLiteral("value"), d->name},
                                                 {QStringLiteral("localizedValue"), d->displayName}}},
            {QStringLiteral("displayDescription"), d->displayName},
            {QStringLiteral("unit"), d->unit},
            {QStringLiteral("timeseries"), timeseries},
            {QStringLiteral("errorCode"), QStringLiteral("Success")}});
    }
    return result;
}

QJsonObject DemoAzureMetrics::armResponse(const DemoAzureResource &resource,
                                          const DemoAzureMetricsRequest &request, const Result &result) {
    QJsonObject body{{QStringLiteral("cost"), result.cost},
                     {QStringLiteral("timespan"),
                      QString(DemoAzureWire::formatDateTime(request.startMs) + QLatin1Char('/') +
                              DemoAzureWire::formatDateTime(request.endMs))},
                     {QStringLiteral("namespace"), result.namespaceName},
                     {QStringLiteral("resourceregion"), resource.location},
                     {QStringLiteral("value"), result.value}};
    if (!request.metadataOnly)
        body.insert(QStringLiteral("interval"), result.interval);
    return body;
}

QJsonObject DemoAzureMetrics::batchEntry(const DemoAzureResource &resource,
                                         const DemoAzureMetricsRequest &request, const Result &result) {
    return QJsonObject{{QStringLiteral("starttime"), DemoAzureWire::formatDateTime(request.startMs, true)},
                       {QStringLiteral("endtime"), DemoAzureWire::formatDateTime(request.endMs, true)},
                       {QStringLiteral("interval"), result.interval},
                       {QStringLiteral("namespace"), result.namespaceName},
                       {QStringLiteral("resourceregion"), resource.location},
                       {QStringLiteral("resourceid"), resource.id},
                       {QStringLiteral("value"), result.value}};
}

QJsonObject DemoAzureMetrics::definitions(const DemoAzureResource &resource, const QString &metricNamespace) {
    const QString ns = metricNamespace.isEmpty() ? resource.type : metricNamespace;
    QJsonArray value;
    if (ns.compare(resource.type, Qt::CaseInsensitive) == 0) {
        for (const DemoAzureMetricDefinition *d : DemoAzureCatalog::ofNamespace(resource.type)) {
            QJsonArray availabilities;
            for (qint64 g : kGrainsMinutes)
                if (g >= d->minGrainMinutes)
                    availabilities.append(QJsonObject{
                        {QStringLiteral("timeGrain"), DemoAzureWire::formatDuration(g * kMinuteMs)},
                        {QStringLiteral("retention"), QStringLiteral("P93D")}});
            QJsonArray dimensions;
            for (const QString &dim : d->dimensions)
                dimensions.append(
                    QJsonObject{{QStringLiteral("value"), dim}, {QStringLiteral("localizedValue"), dim}});
            value.append(QJsonObject{
                {QStringLiteral("id"),
                 QString(resource.id + QStringLiteral("/providers/microsoft.insights/metricdefinitions/") +
                         d->name)},
                {QStringLiteral("resourceId"), resource.id},
                {QStringLiteral("namespace"), d->namespaceName},
                {QStringLiteral("name"), QJsonObject{{QStringLiteral("value"), d->name},
                                                     {QStringLiteral("localizedValue"), d->displayName}}},
                {QStringLiteral("displayDescription"), d->displayName},
                {QStringLiteral("isDimensionRequired"), false},
                {QStringLiteral("unit"), d->unit},
                {QStringLiteral("primaryAggregationType"), d->primaryAggregation},
                {QStringLiteral("supportedAggregationTypes"),
                 QJsonArray{QStringLiteral("None"), QStringLiteral("Average"), QStringLiteral("Minimum"),
                            QStringLiteral("Maximum"), QStringLiteral("Total"), QStringLiteral("Count")}},
                {QStringLiteral("metricAvailabilities"), availabilities},
                {QStringLiteral("dimensions"), dimensions}});
        }
    }
    return QJsonObject{{QStringLiteral("value"), value}};
}

} // namespace mlwatch::demo
