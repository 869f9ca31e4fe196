#include "demo/demo_dataset.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlwatch::demo {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHistoryMs = qint64(30) * 24 * 60 * kMinuteMs;

qint64 floorDiv(qint64 a, qint64 b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

struct Accumulator {
    double sampleCount = 0;
    double sum = 0;
    double minimum = std::numeric_limits<double>::infinity();
    double maximum = -std::numeric_limits<double>::infinity();

    void add(const MinuteStats &s) {
        sampleCount += s.sampleCount;
        sum += s.sum;
        minimum = std::min(minimum, s.minimum);
        maximum = std::max(maximum, s.maximum);
    }
};

const QRegularExpression &percentilePattern() {
    static const QRegularExpression re(QStringLiteral("^p(100(\\.0+)?|\\d{1,2}(\\.\\d{1,10})?)$"));
    return re;
}

double statisticOf(const Accumulator &a, const QString &stat) {
    if (stat == QLatin1String("SampleCount"))
        return a.sampleCount;
    if (stat == QLatin1String("Sum"))
        return a.sum;
    if (stat == QLatin1String("Minimum"))
        return a.minimum;
    if (stat == QLatin1String("Maximum"))
        return a.maximum;
    const double mean = a.sum / a.sampleCount;
    if (stat == QLatin1String("Average"))
        return mean;
    // pNN from a statistic set: the mean at p50, bending to the extremes at p0 / p100. An
    // estimate (CloudWatch itself needs raw values for exact percentiles).
    const double q = stat.mid(1).toDouble();
    if (q >= 50.0)
        return mean + (a.maximum - mean) * std::pow((q - 50.0) / 50.0, 3.0);
    return mean - (mean - a.minimum) * std::pow((50.0 - q) / 50.0, 3.0);
}

} // namespace

DemoDataset::DemoDataset(const QDateTime &anchorUtc)
    : m_anchorMs(anchorUtc.toMSecsSinceEpoch())
    , m_historyStartMs(m_anchorMs - kHistoryMs)
    , m_series(DemoStory::build(anchorUtc)) {
    for (DemoSeries &s : m_series)
        std::sort(s.metric.dimensions.begin(), s.metric.dimensions.end(),
                  [](const Dimension &a, const Dimension &b) { return a.name < b.name; });
    const auto sortKey = [](const DemoSeries &s) {
        return keyOf(s.metric.namespaceName, s.metric.metricName, s.metric.dimensions);
    };
    std::sort(m_series.begin(), m_series.end(),
              [&](const DemoSeries &a, const DemoSeries &b) { return sortKey(a) < sortKey(b); });
    for (int i = 0; i < m_series.size(); ++i)
        m_index.insert(sortKey(m_series.at(i)), i);
}

QString DemoDataset::keyOf(const QString &namespaceName, const QString &metricName,
                           QList<Dimension> dimensions) {
    std::sort(dimensions.begin(), dimensions.end(),
              [](const Dimension &a, const Dimension &b) { return a.name < b.name; });
    QString key = namespaceName + QLatin1Char('|') + metricName + QLatin1Char('|');
    for (qsizetype i = 0; i < dimensions.size(); ++i) {
        if (i > 0)
            key += QLatin1Char(',');
        key += dimensions.at(i).name + QLatin1Char('=') + dimensions.at(i).value;
    }
    return key;
}

int DemoDataset::find(const QString &namespaceName, const QString &metricName,
                      const QList<Dimension> &dimensions) const {
    return m_index.value(keyOf(namespaceName, metricName, dimensions), -1);
}

bool DemoDataset::isKnownStat(const QString &stat) {
    static const QStringList plain{QStringLiteral("SampleCount"), QStringLiteral("Average"),
                                   QStringLiteral("Sum"), QStringLiteral("Minimum"),
                                   QStringLiteral("Maximum")};
    return plain.contains(stat) || percentilePattern().match(stat).hasMatch();
}

DemoPoints DemoDataset::aggregate(int seriesIndex, qint64 startMs, qint64 endMs, int periodSeconds,
                                  const QString &stat, const QString &unit) const {
    DemoPoints points;
    if (seriesIndex < 0 || seriesIndex >= m_series.size() || periodSeconds <= 0 || !isKnownStat(stat))
        return points;
    const DemoSeries &s = m_series.at(seriesIndex);
    if (!unit.isEmpty() && unit != s.unit)
        return points;

    const qint64 alignedStart = floorDiv(startMs, kMinuteMs) * kMinuteMs;
    const qint64 from = std::max(alignedStart, m_historyStartMs);
    if (endMs <= from)
        return points;
    const qint64 periodMs = qint64(periodSeconds) * 1000;
    // Only the periods that can hold data are allocated: a StartTime years back costs nothing.
    const qint64 firstBucket = (from - alignedStart) / periodMs;
    const qint64 lastBucket = (endMs - 1 - alignedStart) / periodMs;
    QVector<Accumulator> acc(lastBucket - firstBucket + 1);

    const qint64 firstMinute = floorDiv(from + kMinuteMs - 1, kMinuteMs); // first whole minute >= from
    const qint64 lastMinute = floorDiv(endMs - 1, kMinuteMs);
    for (qint64 m = firstMinute; m <= lastMinute; ++m) {
        const std::optional<MinuteStats> sample = s.sample(m);
        if (!sample || sample->sampleCount <= 0)
            continue;
        acc[(m * kMinuteMs - alignedStart) / periodMs - firstBucket].add(*sample);
    }
    for (qsizetype i = 0; i < acc.size(); ++i) {
        const Accumulator &a = acc.at(i);
        if (a.sampleCount <= 0)
            continue; // CloudWatch omits empty periods
        points.timestampsMs.append(alignedStart + (firstBucket + i) * periodMs);
        points.values.append(statisticOf(a, stat));
    }
    return points;
}

bool DemoDataset::hasData(int seriesIndex, qint64 startMs, qint64 endMs) const {
    if (seriesIndex < 0 || seriesIndex >= m_series.size())
        return false;
    const DemoSeries &s = m_series.at(seriesIndex);
    const qint64 from = std::max(startMs, m_historyStartMs);
    for (qint64 m = floorDiv(from + kMinuteMs - 1, kMinuteMs); m * kMinuteMs < endMs; ++m) {
        if (s.sample(m))
            return true;
    }
    return false;
}

} // namespace mlwatch::demo
