#include "core/providers/gcp/gcp_time_series_response.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <utility>

namespace mlwatch::gcp {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::gcp", text);
}
QString tr(const char *text, const char *disambiguation, int n) {
    return QCoreApplication::translate("mlwatch::gcp", text, disambiguation, n);
}

Error badResponse(const QString &what, const QString &detail = {}) {
    return Error{ErrorCode::BadResponse, what, detail};
}

bool digitsAt(QStringView s, qsizetype from, qsizetype count, int &out) {
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c - u'0');
    }
    out = v;
    return true;
}

// A double as proto3 JSON writes it: a number, or a string ("NaN", "Infinity", "-Infinity", or a
// number in quotes, which parsers must accept).
std::optional<double> doubleOf(const QJsonValue &v) {
    if (v.isDouble())
        return v.toDouble();
    if (!v.isString())
        return std::nullopt;
    const QString s = v.toString().trimmed();
    if (s == QLatin1String("NaN"))
        return std::nan("");
    if (s == QLatin1String("Infinity"))
        return HUGE_VAL;
    if (s == QLatin1String("-Infinity"))
        return -HUGE_VAL;
    bool ok = false;
    const double d = s.toDouble(&ok);
    return ok ? std::optional(d) : std::nullopt;
}

// An int64 as proto3 JSON writes it: a string ("17"); a plain number is accepted too. QJsonValue's
// toDouble() of a string is 0, the classic bug (cloud-apis.md §4.23).
std::optional<qint64> int64Of(const QJsonValue &v) {
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        return ok ? std::optional(n) : std::nullopt;
    }
    if (v.isDouble() && std::isfinite(v.toDouble()) && std::trunc(v.toDouble()) == v.toDouble())
        return qint64(v.toDouble());
    return std::nullopt;
}

QMap<QString, QString> labelsOf(const QJsonValue &labels) {
    QMap<QString, QString> out;
    const QJsonObject object = labels.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

std::optional<GcpBucketOptions> bucketOptionsOf(const QJsonObject &options) {
    GcpBucketOptions out;
    if (options.contains(QLatin1String("linearBuckets"))) {
        const QJsonObject b = options.value(QLatin1String("linearBuckets")).toObject();
        out.kind = GcpBucketOptions::Kind::Linear;
        out.numFiniteBuckets = b.value(QLatin1String("numFiniteBuckets")).toInt();
        out.width = doubleOf(b.value(QLatin1String("width"))).value_or(0);
        out.offset = doubleOf(b.value(QLatin1String("offset"))).value_or(0);
        return out;
    }
    if (options.contains(QLatin1String("exponentialBuckets"))) {
        const QJsonObject b = options.value(QLatin1String("exponentialBuckets")).toObject();
        out.kind = GcpBucketOptions::Kind::Exponential;
        out.numFiniteBuckets = b.value(QLatin1String("numFiniteBuckets")).toInt();
        out.growthFactor = doubleOf(b.value(QLatin1String("growthFactor"))).value_or(0);
        out.scale = doubleOf(b.value(QLatin1String("scale"))).value_or(0);
        return out;
    }
    if (options.contains(QLatin1String("explicitBuckets"))) {
        out.kind = GcpBucketOptions::Kind::Explicit;
        for (const QJsonValue &bound : options.value(QLatin1String("explicitBuckets"))
                                           .toObject()
                                           .value(QLatin1String("bounds"))
                                           .toArray())
            out.bounds.append(doubleOf(bound).value_or(0));
        return out;
    }
    return std::nullopt;
}

// Reads one point into `ts`; a point without a finite number is left out (a gap).
Result<bool> readPoint(const QJsonObject &point, GcpTimeSeries &ts) {
    const QJsonObject interval = point.value(QLatin1String("interval")).toObject();
    QString when = interval.value(QLatin1String("endTime")).toString();
    if (when.isEmpty()) // a GAUGE point may carry only one of the two
        when = interval.value(QLatin1String("startTime")).toString();
    const std::optional<qint64> ms = parseRfc3339(when);
    if (!ms)
        return badResponse(tr("A data point has no readable interval.endTime."), when.left(40));

    const QJsonObject value = point.value(QLatin1String("value")).toObject();
    std::optional<double> number;
    std::optional<qint64> count;
    if (value.contains(QLatin1String("doubleValue"))) {
        number = doubleOf(value.value(QLatin1String("doubleValue")));
        if (!number)
            return badResponse(tr("A doubleValue is not a number."));
    } else if (value.contains(QLatin1String("int64Value"))) {
        const std::optional<qint64> n = int64Of(value.value(QLatin1String("int64Value")));
        if (!n)
            return badResponse(tr("An int64Value is not an integer."),
                               value.value(QLatin1String("int64Value")).toString().left(40));
        number = double(*n);
    } else if (value.contains(QLatin1String("boolValue"))) {
        number = value.value(QLatin1String("boolValue")).toBool() ? 1.0 : 0.0;
    } else if (value.contains(QLatin1String("distributionValue"))) {
        const QJsonObject d = value.value(QLatin1String("distributionValue")).toObject();
        // proto3 JSON leaves out fields that are 0: no "count" is an empty distribution (a gap),
        // no "mean" with a count is a mean of 0.
        const QJsonValue countValue = d.value(QLatin1String("count"));
        count = countValue.isUndefined() ? std::optional<qint64>(0) : int64Of(countValue);
        if (!count)
            return badResponse(tr("A distribution's count is not an integer."));
        if (!ts.bucketOptions)
            ts.bucketOptions = bucketOptionsOf(d.value(QLatin1String("bucketOptions")).toObject());
        if (*count > 0) {
            const QJsonValue mean = d.value(QLatin1String("mean"));
            number = mean.isUndefined() ? std::optional(0.0) : doubleOf(mean);
            if (!number)
                return badResponse(tr("A distribution's mean is not a number."));
        }
    } // stringValue, or nothing: not chartable, a gap

    if (!number || !std::isfinite(*number))
        return false;
    ts.timestampsMs.append(*ms);
    ts.values.append(*number);
    if (count)
        ts.distributionCounts.append(*count);
    return true;
}

Result<GcpTimeSeries> readSeries(const QJsonObject &object, const QString &pageUnit) {
    GcpTimeSeries ts;
    const QJsonObject metric = object.value(QLatin1String("metric")).toObject();
    const QJsonObject resource = object.value(QLatin1String("resource")).toObject();
    ts.metricType = metric.value(QLatin1String("type")).toString();
    ts.metricLabels = labelsOf(metric.value(QLatin1String("labels")));
    ts.resourceType = resource.value(QLatin1String("type")).toString();
    ts.resourceLabels = labelsOf(resource.value(QLatin1String("labels")));
    ts.metricKind = object.value(QLatin1String("metricKind")).toString();
    ts.valueType = object.value(QLatin1String("valueType")).toString();
    ts.unit = object.value(QLatin1String("unit")).toString();
    if (ts.unit.isEmpty())
        ts.unit = pageUnit;
    const QJsonValue points = object.value(QLatin1String("points"));
    if (!points.isUndefined() && !points.isArray())
        return badResponse(tr("A time series' \"points\" is not a list."));
    const QJsonArray list = points.toArray();
    ts.timestampsMs.reserve(list.size());
    ts.values.reserve(list.size());
    for (const QJsonValue &point : list) {
        if (!point.isObject())
            return badResponse(tr("A data point is not an object."));
        const Result<bool> read = readPoint(point.toObject(), ts);
        if (!read)
            return read.error();
    }
    return ts;
}

// Ascending by timestamp, a repeated timestamp kept once (its first occurrence).
void sortAscending(GcpTimeSeries &ts) {
    const QVector<qint64> &t = ts.timestampsMs;
    if (std::adjacent_find(t.cbegin(), t.cend(), std::greater_equal<qint64>()) == t.cend())
        return; // strictly ascending already
    if (std::adjacent_find(t.cbegin(), t.cend(), std::less_equal<qint64>()) == t.cend()) {
        // Google's order: strictly newest first.
        std::reverse(ts.timestampsMs.begin(), ts.timestampsMs.end());
        std::reverse(ts.values.begin(), ts.values.end());
        std::reverse(ts.distributionCounts.begin(), ts.distributionCounts.end());
        return;
    }
    std::vector<qsizetype> order(size_t(t.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return t[a] < t[b]; });
    const bool withCounts = ts.distributionCounts.size() == ts.timestampsMs.size();
    GcpTimeSeries sorted;
    for (qsizetype i : order) {
        if (!sorted.timestampsMs.isEmpty() && sorted.timestampsMs.last() == t[i])
            continue;
        sorted.timestampsMs.append(t[i]);
        sorted.values.append(ts.values[i]);
        if (withCounts)
            sorted.distributionCounts.append(ts.distributionCounts[i]);
    }
    ts.timestampsMs = std::move(sorted.timestampsMs);
    ts.values = std::move(sorted.values);
    ts.distributionCounts = std::move(sorted.distributionCounts);
}

QStringList differingLabels(const GcpTimeSeries &a, const GcpTimeSeries &b) {
    QStringList out;
    const auto compare = [&out](const QMap<QString, QString> &x, const QMap<QString, QString> &y,
                                const QString &prefix) {
        QSet<QString> keys;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it)
            keys.insert(it.key());
        for (auto it = y.constBegin(); it != y.constEnd(); ++it)
            keys.insert(it.key());
        QStringList sorted(keys.cbegin(), keys.cend());
        sorted.sort();
        for (const QString &k : sorted)
            if (x.value(k) != y.value(k) || x.contains(k) != y.contains(k))
                out.append(prefix + k);
    };
    compare(a.metricLabels, b.metricLabels, QStringLiteral("metric.labels."));
    compare(a.resourceLabels, b.resourceLabels, QStringLiteral("resource.labels."));
    return out;
}

QString describeQuery(const MetricQuery &q) {
    QStringList dims;
    for (const Dimension &d : q.dimensions)
        dims.append(d.name + QLatin1Char('=') + d.value);
    return dims.isEmpty() ? shortMetricType(q.metricName)
                          : shortMetricType(q.metricName) + QStringLiteral(" (") +
                                dims.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace

std::optional<qint64> parseRfc3339(QStringView s) {
    using namespace std::chrono;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (s.size() < 20 || s.at(4) != u'-' || s.at(7) != u'-' ||
        (s.at(10) != u'T' && s.at(10) != u't' && s.at(10) != u' ') || s.at(13) != u':' || s.at(16) != u':' ||
        !digitsAt(s, 0, 4, y) || !digitsAt(s, 5, 2, mo) || !digitsAt(s, 8, 2, d) || !digitsAt(s, 11, 2, h) ||
        !digitsAt(s, 14, 2, mi) || !digitsAt(s, 17, 2, sec))
        return std::nullopt;
    qsizetype pos = 19;
    int ms = 0;
    if (pos < s.size() && s.at(pos) == u'.') {
        int digits = 0;
        for (++pos; pos < s.size() && s.at(pos).isDigit(); ++pos, ++digits)
            if (digits < 3)
                ms = ms * 10 + (s.at(pos).unicode() - u'0');
        if (digits == 0)
            return std::nullopt;
        for (int i = digits; i < 3; ++i)
            ms *= 10;
    }
    int offsetMinutes = 0;
    if (pos < s.size() && (s.at(pos) == u'Z' || s.at(pos) == u'z')) {
        ++pos;
    } else if (pos + 6 == s.size() && (s.at(pos) == u'+' || s.at(pos) == u'-') && s.at(pos + 3) == u':') {
        int oh = 0, om = 0;
        if (!digitsAt(s, pos + 1, 2, oh) || !digitsAt(s, pos + 4, 2, om))
            return std::nullopt;
        offsetMinutes = (oh * 60 + om) * (s.at(pos) == u'-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (pos != s.size() || !ymd.ok() || h > 23 || mi > 59 || sec > 60)
        return std::nullopt;
    const qint64 seconds =
        sys_days{ymd}.time_since_epoch().count() * 86400LL + h * 3600 + mi * 60 + sec - offsetMinutes * 60LL;
    return seconds * 1000 + ms;
}

std::optional<QString> GcpTimeSeries::label(const QString &dimensionName) const {
    const std::optional<GcpLabelRef> ref = parseLabelName(dimensionName);
    if (!ref)
        return std::nullopt;
    const QMap<QString, QString> &labels =
        ref->scope == GcpLabelRef::Scope::Resource ? resourceLabels : metricLabels;
    const auto it = labels.constFind(ref->key);
    if (it == labels.constEnd())
        return std::nullopt;
    return *it;
}

QString GcpTimeSeries::identity() const {
    QString id = metricType + QLatin1Char('\x1e') + resourceType;
    for (auto it = metricLabels.constBegin(); it != metricLabels.constEnd(); ++it)
        id += QStringLiteral("\x1em:") + it.key() + QLatin1Char('\x1f') + it.value();
    for (auto it = resourceLabels.constBegin(); it != resourceLabels.constEnd(); ++it)
        id += QStringLiteral("\x1er:") + it.key() + QLatin1Char('\x1f') + it.value();
    return id;
}

Result<GcpTimeSeriesPage> parseTimeSeriesPage(const QByteArray &body) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return badResponse(tr("The answer is not valid JSON; it may have been cut off."),
                           error.errorString());
    if (!doc.isObject())
        return badResponse(tr("The answer is not a JSON object."));
    const QJsonObject object = doc.object();
    GcpTimeSeriesPage page;
    page.nextPageToken = object.value(QLatin1String("nextPageToken")).toString();
    page.unit = object.value(QLatin1String("unit")).toString();
    for (const QJsonValue &e : object.value(QLatin1String("executionErrors")).toArray())
        page.executionErrors.append(e.toObject().value(QLatin1String("message")).toString());
    const QJsonValue series = object.value(QLatin1String("timeSeries"));
    if (series.isUndefined() || series.isNull())
        return page; // {}: no data in the range, not an error
    if (!series.isArray())
        return badResponse(tr("The answer's \"timeSeries\" is not a list."));
    const QJsonArray list = series.toArray();
    page.series.reserve(list.size());
    for (const QJsonValue &entry : list) {
        if (!entry.isObject())
            return badResponse(tr("An entry of \"timeSeries\" is not an object."));
        Result<GcpTimeSeries> ts = readSeries(entry.toObject(), page.unit);
        if (!ts)
            return ts.error();
        sortAscending(*ts);
        page.series.append(std::move(*ts));
    }
    return page;
}

void GcpSeriesAssembler::add(GcpTimeSeriesPage page) {
    ++m_pages;
    for (GcpTimeSeries &ts : page.series) {
        const QString id = ts.identity();
        const auto it = m_index.constFind(id);
        if (it == m_index.constEnd()) {
            m_index.insert(id, m_series.size());
            m_series.append(std::move(ts));
            continue;
        }
        GcpTimeSeries &into = m_series[*it];
        into.timestampsMs.append(ts.timestampsMs);
        into.values.append(ts.values);
        into.distributionCounts.append(ts.distributionCounts);
        if (!into.bucketOptions)
            into.bucketOptions = ts.bucketOptions;
    }
}

QList<GcpTimeSeries> GcpSeriesAssembler::take() {
    for (GcpTimeSeries &ts : m_series)
        sortAscending(ts);
    m_index.clear();
    m_pages = 0;
    return std::exchange(m_series, {});
}

GcpSeriesMatch matchSeries(const GcpTimeSeriesCall &call, const QList<GcpTimeSeries> &series,
                           const QString &account) {
    GcpSeriesMatch match;
    for (const MetricQuery &query : call.queries) {
        const bool splits = std::any_of(query.dimensions.cbegin(), query.dimensions.cend(),
                                        [](const Dimension &d) { return d.value == QLatin1String("*"); });
        QHash<QString, const GcpTimeSeries *> kept; // series key → the series it came from
        QStringList differing;
        int extra = 0;
        for (const GcpTimeSeries &ts : series) {
            MetricQuery concrete = query;
            bool fits = true;
            for (Dimension &d : concrete.dimensions) {
                const std::optional<QString> value = ts.label(d.name);
                if (d.value == QLatin1String("*"))
                    d.value = value.value_or(QString());
                else if (value && *value != d.value)
                    fits = false; // another value of a fixed label: another query's series
            }
            if (!fits)
                continue;
            const QString key = concrete.seriesKey();
            if (const GcpTimeSeries *first = kept.value(key)) {
                ++extra;
                for (const QString &label : differingLabels(*first, ts))
                    if (!differing.contains(label))
                        differing.append(label);
                continue;
            }
            kept.insert(key, &ts);
            match.series.append(SeriesData{key, ts.timestampsMs, ts.values});
        }
        if (!splits && kept.isEmpty())
            match.series.append(SeriesData{query.seriesKey(), {}, {}}); // loaded, no data in the range
        if (extra > 0)
            match.errors.append(Error{
                ErrorCode::BadArgument,
                tr("%1: Google Cloud Monitoring returned %n more time series than charts for %2 (they differ "
                   "in "
                   "%3); MLWatch shows the first. Add a cross-series reducer (e.g. ALIGN_MEAN|REDUCE_MEAN) "
                   "or "
                   "split the chart by that label (value \"*\").",
                   nullptr, extra)
                    .arg(account, describeQuery(query),
                         differing.isEmpty() ? tr("nothing visible") : differing.join(QStringLiteral(", "))),
                query.seriesKey()});
    }
    return match;
}

} // namespace mlwatch::gcp
