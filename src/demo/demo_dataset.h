#pragma once

#include "demo/demo_story.h"

#include <QHash>
#include <QVector>

namespace mlwatch::demo {

// The datapoints of one query, ascending by time, index-paired.
struct DemoPoints {
    QVector<qint64> timestampsMs;
    QVector<double> values;
};

// The demo account's metric store: the story's series (see demo_story.h), found by their exact
// dimension set as CloudWatch does, and aggregated from 1-minute samples into the requested
// period and statistic. Data exists from 30 days before the anchor onwards; callers clip the
// end to the server's "now". Immutable after construction, so it may be shared freely.
class DemoDataset {
public:
    explicit DemoDataset(const QDateTime &anchorUtc);

    qint64 anchorMs() const { return m_anchorMs; }
    qint64 historyStartMs() const { return m_historyStartMs; }

    // Every metric, sorted by namespace, metric name, then dimensions (ListMetrics' order).
    const QList<DemoSeries> &series() const { return m_series; }

    // Index into series() of the metric with exactly these dimensions (in any order), else -1.
    int find(const QString &namespaceName, const QString &metricName,
             const QList<Dimension> &dimensions) const;

    // The statistic per period over [startMs, endMs). Periods start at `startMs` floored to the
    // minute (CloudWatch aligns returned timestamps to StartTime); periods without samples are
    // omitted, never zero. `stat` is one of SampleCount, Average, Sum, Minimum, Maximum or pNN
    // (percentiles are estimated from the statistic sets: the demo keeps no raw samples).
    // A non-empty `unit` that is not the metric's unit gives no data, as in CloudWatch.
    DemoPoints aggregate(int seriesIndex, qint64 startMs, qint64 endMs, int periodSeconds,
                         const QString &stat, const QString &unit = QString()) const;

    // True when the metric has a sample in [startMs, endMs) (ListMetrics' RecentlyActive).
    bool hasData(int seriesIndex, qint64 startMs, qint64 endMs) const;

    // Whether `stat` is a statistic aggregate() understands.
    static bool isKnownStat(const QString &stat);

    // Identity with dimensions sorted by name: "namespace|metric|a=1,b=2".
    static QString keyOf(const QString &namespaceName, const QString &metricName,
                         QList<Dimension> dimensions);

private:
    qint64 m_anchorMs = 0;
    qint64 m_historyStartMs = 0;
    QList<DemoSeries> m_series;
    QHash<QString, int> m_index;
};

} // namespace mlwatch::demo
