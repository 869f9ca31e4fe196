#include "demo/demo_gcp_time_series.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace mlwatch::demo {

namespace {

using A = DemoGcpAligner;
using R = DemoGcpReducer;
using V = DemoGcpValueType;
using Labels = QMap<QString, QString>;

constexpr qint64 kMinuteMs = 60 * 1000;

struct Point {
    qint64 k = 0; // alignment period index (0 = the newest); raw points: unused
    qint64 startMs = 0;
    qint64 endMs = 0;
    double value = 0;
    DemoGcpDistribution distribution;
};

struct OutSeries {
    Labels metricLabels;
    Labels resourceLabels;
    QList<Point> points; // newest first
};

// What one alignment period (or one reduced group at one period) accumulates.
struct Accumulator {
    int count = 0;
    double sum = 0;
    double minimum = std::numeric_limits<double>::infinity();
    double maximum = -std::numeric_limits<double>::infinity();
    qint64 newestMs = std::numeric_limits<qint64>::min();
    Point newest;
    QList<double> values;
    DemoGcpDistribution distribution;

    void add(const Point &p, bool isDistribution) {
        ++count;
        if (isDistribution) {
            distribution.merge(p.distribution);
        } else {
            sum += p.value;
            minimum = std::min(minimum, p.value);
            maximum = std::max(maximum, p.value);
            values.append(p.value);
        }
        if (p.endMs > newestMs) {
            newestMs = p.endMs;
            newest = p;
        }
    }
};

qint64 floorDiv(qint64 a, qint64 b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// p-th percentile of plain values, interpolating between order statistics.
double percentileOfValues(QList<double> values, double p) {
    if (values.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const double position = p / 100.0 * double(values.size() - 1);
    const qsizetype below = qsizetype(std::floor(position));
    const qsizetype above = std::min<qsizetype>(below + 1, values.size() - 1);
    return values.at(below) + (values.at(above) - values.at(below)) * (position - double(below));
}

QJsonValue doubleJson(double v) {
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return v;
}

QJsonObject labelsJson(const Labels &labels) {
    QJsonObject o;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QByteArray pageToken(qsizetype series, qsizetype point, const QByteArray &fingerprint) {
    return "v1." +
           QByteArray(QByteArray::number(series) + ':' + QByteArray::number(point) + ':' + fingerprint)
               .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool readPageToken(const QString &token, const QByteArray &fingerprint, qsizetype *series, qsizetype *point) {
    if (!token.startsWith(QLatin1String("v1.")))
        return false;
    const QList<QByteArray> parts =
        QByteArray::fromBase64(token.mid(3).toLatin1(), QByteArray::Base64UrlEncoding).split(':');
    bool ok1 = false, ok2 = false;
    if (parts.size() != 3 || parts.at(2) != fingerprint)
        return false;
    *series = parts.at(0).toLongLong(&ok1);
    *point = parts.at(1).toLongLong(&ok2);
    return ok1 && ok2 && *series >= 0 && *point >= 0;
}

} // namespace

DemoGcpTimeSeries::DemoGcpTimeSeries(const DemoGcpWorld &world, qint64 historyStartMs, QString projectId)
    : m_world(world)
    , m_historyStartMs(historyStartMs)
    , m_projectId(std::move(projectId)) {}

DemoGcpOutcome<QJsonObject> DemoGcpTimeSeries::list(const DemoGcpListRequest &request, qint64 nowMs) const {
    const DemoGcpMetricType &metric = *request.metric;
    const bool rawIsDistribution = metric.valueType == V::Distribution;
    const bool alignedIsDistribution = request.alignedValueType() == V::Distribution;
    const bool gauge = metric.kind == DemoGcpKind::Gauge;
    const qint64 offset = gauge ? 0 : 1; // a point's end time is (minute + offset) minutes

    // Minutes whose points fall in the interval and exist by now.
    qint64 firstMinute = floorDiv(request.startMs, kMinuteMs) + 1 - offset;
    qint64 lastMinute = floorDiv(std::min(request.endMs, nowMs), kMinuteMs) - offset;
    if (request.startMs == request.endMs) {
        firstMinute = request.endMs % kMinuteMs == 0 ? request.endMs / kMinuteMs - offset : 1;
        lastMinute = request.endMs <= nowMs ? firstMinute : firstMinute - 1;
    }
    firstMinute = std::max(firstMinute, floorDiv(m_historyStartMs + kMinuteMs - 1, kMinuteMs));

    QList<OutSeries> aligned;
    for (const DemoGcpSeries &s : m_world.series) {
        if (s.metric != request.metric)
            continue;
        const bool match = request.filter.matches([&](const QString &field) -> std::optional<QString> {
            if (field == QLatin1String("metric.type"))
                return metric.type;
            if (field == QLatin1String("resource.type"))
                return metric.resourceType;
            if (field == QLatin1String("project"))
                return m_projectId;
            if (field.startsWith(QLatin1String("metric.labels.")))
                return s.metricLabels.contains(field.mid(14))
                           ? std::optional<QString>(s.metricLabels.value(field.mid(14)))
                           : std::nullopt;
            if (field.startsWith(QLatin1String("resource.labels.")))
                return s.resourceLabels.contains(field.mid(16))
                           ? std::optional<QString>(s.resourceLabels.value(field.mid(16)))
                           : std::nullopt;
            return std::nullopt;
        });
        if (!match)
            continue;
        OutSeries out{s.metricLabels, s.resourceLabels, {}};
        std::map<qint64, Accumulator> periods; // by k: ascending k = newest first
        const qint64 from = std::max(firstMinute, s.from);
        const qint64 to = std::min(lastMinute, s.to - 1);
        for (qint64 m = from; m <= to; ++m) {
            std::optional<DemoGcpSample> sample = s.sample(m);
            if (!sample)
                continue;
            Point p;
            p.endMs = (m + offset) * kMinuteMs;
            p.startMs = gauge ? p.endMs : p.endMs - kMinuteMs;
            p.value = sample->value;
            p.distribution = std::move(sample->distribution);
            if (request.aligner == A::None)
                out.points.append(std::move(p)); // oldest first here; reversed below
            else
                periods[(request.endMs - p.endMs) / request.periodMs].add(p, rawIsDistribution);
        }
        std::reverse(out.points.begin(), out.points.end());
        for (auto &[k, acc] : periods) {
            Point p;
            p.k = k;
            p.endMs = request.endMs - k * request.periodMs;
            p.startMs = request.alignedKind() == DemoGcpKind::Delta ? p.endMs - request.periodMs : p.endMs;
            switch (request.aligner) {
            case A::Mean:
                p.value = rawIsDistribution ? acc.distribution.mean : acc.sum / acc.count;
                break;
            case A::Min:
                p.value = acc.minimum;
                break;
            case A::Max:
                p.value = acc.maximum;
                break;
            case A::Sum:
            case A::Delta:
                p.value = acc.sum;
                p.distribution = acc.distribution;
                break;
            case A::Rate:
                p.value = acc.sum / (double(request.periodMs) / 1000.0);
                break;
            case A::Count:
                p.value = acc.count;
                break;
            case A::NextOlder:
                p.value = acc.newest.value;
                p.distribution = acc.newest.distribution;
                break;
            case A::Percentile:
                p.value = acc.distribution.percentile(metric.buckets, request.alignerPercentile);
                break;
            case A::None:
                break;
            }
            out.points.append(std::move(p));
        }
        if (!out.points.isEmpty())
            aligned.append(std::move(out));
    }

    QList<OutSeries> result;
    if (request.reducer == R::None) {
        result = std::move(aligned);
    } else {
        // Groups in order of first appearance; each holds its accumulators by period.
        QList<QPair<OutSeries, std::map<qint64, Accumulator>>> groups;
        QHash<QString, qsizetype> index;
        for (const OutSeries &s : aligned) {
            OutSeries identity;
            QStringList key;
            for (const QString &f : request.groupBy) {
                if (f.startsWith(QLatin1String("metric.labels."))) {
                    const QString label = f.mid(14);
                    key.append(s.metricLabels.value(label));
                    if (s.metricLabels.contains(label))
                        identity.metricLabels.insert(label, s.metricLabels.value(label));
                } else if (f.startsWith(QLatin1String("resource.labels."))) {
                    const QString label = f.mid(16);
                    key.append(s.resourceLabels.value(label));
                    if (s.resourceLabels.contains(label))
                        identity.resourceLabels.insert(label, s.resourceLabels.value(label));
                }
            }
            const QString joined = key.join(QChar(0x1f));
            if (!index.contains(joined)) {
                index.insert(joined, groups.size());
                groups.append({identity, {}});
            }
            auto &periods = groups[index.value(joined)].second;
            for (const Point &p : s.points)
                periods[p.k].add(p, alignedIsDistribution);
        }
        for (auto &[identity, periods] : groups) {
            OutSeries out = identity;
            for (auto &[k, acc] : periods) {
                Point p;
                p.k = k;
                p.endMs = acc.newest.endMs;
                p.startMs = acc.newest.startMs;
                switch (request.reducer) {
                case R::Sum:
                    p.value = acc.sum;
                    p.distribution = acc.distribution;
                    break;
                case R::Mean:
                    p.value = alignedIsDistribution ? acc.distribution.mean : acc.sum / acc.count;
                    break;
                case R::Min:
                    p.value = acc.minimum;
                    break;
                case R::Max:
                    p.value = acc.maximum;
                    break;
                case R::Count:
                    p.value = acc.count;
                    break;
                case R::Percentile:
                    p.value = alignedIsDistribution
                                  ? acc.distribution.percentile(metric.buckets, request.reducerPercentile)
                                  : percentileOfValues(acc.values, request.reducerPercentile);
                    break;
                case R::None:
                    break;
                }
                out.points.append(std::move(p));
            }
            result.append(std::move(out));
        }
    }

    // One page.
    qsizetype series = 0;
    qsizetype point = 0;
    if (!request.pageToken.isEmpty() &&
        !readPageToken(request.pageToken, request.fingerprint, &series, &point))
        return DemoGcpError::invalidField(QStringLiteral("pageToken"), request.pageToken,
                                          QStringLiteral("The page token is not valid for this request."));
    const DemoGcpKind kind = request.alignedKind();
    const DemoGcpValueType valueType = request.outputValueType();
    const auto seriesJson = [&](const OutSeries &s) {
        QJsonObject metricJson{{QStringLiteral("type"), metric.type}};
        if (!s.metricLabels.isEmpty())
            metricJson.insert(QStringLiteral("labels"), labelsJson(s.metricLabels));
        QJsonObject resourceJson{{QStringLiteral("type"), metric.resourceType}};
        if (!s.resourceLabels.isEmpty())
            resourceJson.insert(QStringLiteral("labels"), labelsJson(s.resourceLabels));
        return QJsonObject{{QStringLiteral("metric"), metricJson},
                           {QStringLiteral("resource"), resourceJson},
                           {QStringLiteral("metricKind"), DemoGcpCatalog::kindName(kind)},
                           {QStringLiteral("valueType"), DemoGcpCatalog::valueTypeName(valueType)},
                           {QStringLiteral("unit"), request.outputUnit()}};
    };
    const auto pointJson = [&](const Point &p) {
        QJsonObject value;
        if (valueType == V::Int64)
            value.insert(QStringLiteral("int64Value"), QString::number(qint64(std::llround(p.value))));
        else if (valueType == V::Double)
            value.insert(QStringLiteral("doubleValue"), doubleJson(p.value));
        else
            value.insert(QStringLiteral("distributionValue"), p.distribution.toJson(metric.buckets));
        return QJsonObject{
            {QStringLiteral("interval"),
             QJsonObject{{QStringLiteral("startTime"), DemoGcpWire::formatTimestamp(p.startMs)},
                         {QStringLiteral("endTime"), DemoGcpWire::formatTimestamp(p.endMs)}}},
            {QStringLiteral("value"), value}};
    };

    QJsonArray page;
    qsizetype budget = request.pageSize;
    while (series < result.size() && budget > 0) {
        const OutSeries &s = result.at(series);
        if (request.headersOnly) {
            page.append(seriesJson(s));
            --budget;
            ++series;
            continue;
        }
        const qsizetype remaining = s.points.size() - point;
        if (!page.isEmpty() && remaining > budget)
            break; // whole series first: it starts the next page
        const qsizetype take = std::min(remaining, budget);
        QJsonObject json = seriesJson(s);
        QJsonArray points;
        for (qsizetype i = point; i < point + take; ++i)
            points.append(pointJson(s.points.at(i)));
        json.insert(QStringLiteral("points"), points);
        page.append(json);
        budget -= take;
        point += take;
        if (point >= s.points.size()) {
            ++series;
            point = 0;
        }
    }
    if (page.isEmpty())
        return QJsonObject();
    QJsonObject answer{{QStringLiteral("timeSeries"), page}, {QStringLiteral("unit"), request.outputUnit()}};
    if (series < result.size())
        answer.insert(QStringLiteral("nextPageToken"),
                      QString::fromLatin1(pageToken(series, point, request.fingerprint)));
    return answer;
}

} // namespace mlwatch::demo
