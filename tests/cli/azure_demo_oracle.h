#pragma once
// The oracle of tst_cli_azure: what Azure Monitor answers for a query against the simulated
// subscription, computed from the demo's own data rather than through its server.

#include "core/model/metric_query.h"
#include "demo/demo_azure_catalog.h"
#include "demo/demo_azure_dataset.h"

#include <QDateTime>
#include <QList>
#include <QPair>

#include <algorithm>
#include <limits>
#include <map>

namespace mlwatch::test {

using Points = QList<QPair<qint64, double>>;

// What Azure Monitor answers, computed here from the simulated subscription's own data: per
// grain, the aggregation over every minute of every leaf the filter selects ('*' values group
// the leaves by that dimension); grains without samples are absent. Key: the '*' values.
inline std::map<QString, Points> expectedSeries(const QString &resourceId, const QString &ns,
                                                const QString &metric, const QList<Dimension> &filter,
                                                int grainSeconds, const QString &aggregation, qint64 fromMs,
                                                qint64 toMs, const QDateTime &anchor) {
    struct Bucket {
        double count = 0, sum = 0;
        double minimum = std::numeric_limits<double>::infinity();
        double maximum = -std::numeric_limits<double>::infinity();
    };
    const demo::DemoAzureDataset dataset(anchor);
    const demo::DemoAzureMetricDefinition *definition = demo::DemoAzureCatalog::find(ns, metric);
    const QList<demo::DemoAzureLeaf> *leaves = dataset.leaves(resourceId, metric);
    std::map<QString, Points> out;
    if (!definition || !leaves)
        return out;
    const qint64 grainMs = qint64(grainSeconds) * 1000;
    const qint64 aligned = fromMs / grainMs * grainMs;
    const qint64 count = (toMs - aligned + grainMs - 1) / grainMs;
    const qint64 endMs = std::min(aligned + count * grainMs, anchor.toMSecsSinceEpoch());
    const qint64 firstMinute = (std::max(aligned, dataset.historyStartMs()) + 59'999) / 60'000;
    std::map<QString, QVector<Bucket>> groups;
    for (const demo::DemoAzureLeaf &leaf : *leaves) {
        QStringList key;
        bool selected = true;
        for (const Dimension &d : filter) {
            const qsizetype at = definition->dimensions.indexOf(d.name, 0);
            const QString value = leaf.dimensionValues.value(at);
            if (d.value == QLatin1String("*"))
                key.append(value);
            else
                selected = selected && value.compare(d.value, Qt::CaseInsensitive) == 0;
        }
        if (!selected)
            continue;
        QVector<Bucket> &buckets = groups[key.join(QLatin1Char(','))];
        buckets.resize(count);
        for (qint64 m = firstMinute; m * 60'000 < endMs; ++m) {
            const std::optional<demo::MinuteStats> s = leaf.sample(m);
            if (!s || s->sampleCount <= 0)
                continue;
            Bucket &b = buckets[(m * 60'000 - aligned) / grainMs];
            b.count += s->sampleCount;
            b.sum += s->sum;
            b.minimum = std::min(b.minimum, s->minimum);
            b.maximum = std::max(b.maximum, s->maximum);
        }
    }
    for (const auto &[key, buckets] : groups) {
        Points &points = out[key];
        for (qint64 i = 0; i < count; ++i) {
            const Bucket &b = buckets.at(i);
            if (b.count <= 0)
                continue; // a grain without data: no aggregation key, no point
            const double v = aggregation == QLatin1String("Average")   ? b.sum / b.count
                             : aggregation == QLatin1String("Minimum") ? b.minimum
                             : aggregation == QLatin1String("Maximum") ? b.maximum
                             : aggregation == QLatin1String("Total")   ? b.sum
                                                                       : b.count;
            points.append({aligned + i * grainMs, v});
        }
    }
    return out;
}

} // namespace mlwatch::test
