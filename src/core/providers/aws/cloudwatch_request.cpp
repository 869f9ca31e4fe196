#include "core/providers/aws/cloudwatch_request.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace mlwatch::aws {

namespace {

constexpr qint64 kMsPerSecond = 1000;

qint64 floorDiv(qint64 a, qint64 b) {
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

qint64 ceilDiv(qint64 a, qint64 b) {
    return -floorDiv(-a, b);
}

int effectivePeriod(const MetricQuery &query) {
    return std::max(1, query.periodSeconds);
}

// The range a call with this largest period asks for: start floored, end ceiled to the period,
// so that returned timestamps fall on wall-clock buckets (CloudWatch aligns them to StartTime).
TimeRange alignedRange(const TimeRange &range, int largestPeriodSeconds) {
    const qint64 stepMs = qint64(largestPeriodSeconds) * kMsPerSecond;
    TimeRange aligned;
    aligned.startMs = floorDiv(range.startMs, stepMs) * stepMs;
    aligned.endMs = ceilDiv(std::max(range.endMs, range.startMs), stepMs) * stepMs;
    if (aligned.endMs <= aligned.startMs)
        aligned.endMs = aligned.startMs + stepMs;
    return aligned;
}

// What CloudWatch counts against the per-call datapoint cap for one query.
qint64 expectedPoints(const TimeRange &aligned, int periodSeconds) {
    return std::max<qint64>(1, ceilDiv(aligned.durationMs(), qint64(periodSeconds) * kMsPerSecond));
}

// A batch being filled. The sum is recomputed only when the largest period grows (the aligned
// range widens), which happens at most once per distinct period because input is period-sorted.
struct OpenBatch {
    QList<MetricQuery> queries;
    int largestPeriod = 0;
    qint64 points = 0;

    qint64 pointsWith(const MetricQuery &q, const TimeRange &range) const {
        const int period = effectivePeriod(q);
        if (period <= largestPeriod)
            return points + expectedPoints(alignedRange(range, largestPeriod), period);
        const TimeRange aligned = alignedRange(range, period);
        qint64 sum = expectedPoints(aligned, period);
        for (const MetricQuery &existing : queries)
            sum += expectedPoints(aligned, effectivePeriod(existing));
        return sum;
    }
};

GetMetricDataBatch closeBatch(OpenBatch &open, const TimeRange &range) {
    GetMetricDataBatch batch;
    batch.range = alignedRange(range, open.largestPeriod);
    batch.ids.reserve(open.queries.size());
    for (qsizetype i = 0; i < open.queries.size(); ++i)
        batch.ids.append(QString(QLatin1Char('m') + QString::number(i)));
    batch.queries = std::move(open.queries);
    open = OpenBatch{};
    return batch;
}

// ---- query protocol ------------------------------------------------------------------------

// botocore sends the form body through urllib's urlencode (quote_plus): RFC 3986 unreserved
// characters stay, everything else is %XX of its UTF-8 bytes, and a space becomes '+'.
QByteArray formEncode(const QString &text) {
    QByteArray encoded = QUrl::toPercentEncoding(text);
    encoded.replace("%20", "+");
    return encoded;
}

class FormBody {
public:
    explicit FormBody(QByteArrayView action) {
        m_body.reserve(4096);
        m_body += "Action=";
        m_body.append(action);
        m_body += "&Version=2010-08-01";
    }

    void add(const QByteArray &key, const QString &value) {
        m_body += '&';
        m_body += key; // keys are ASCII letters, digits and dots: nothing to encode
        m_body += '=';
        m_body += formEncode(value);
    }
    // For values that are already form-safe (numbers, fixed words, encoded times).
    void addRaw(const QByteArray &key, QByteArrayView asciiValue) {
        m_body += '&';
        m_body += key;
        m_body += '=';
        m_body.append(asciiValue);
    }

    QByteArray take() { return std::move(m_body); }

private:
    QByteArray m_body;
};

// ISO 8601 UTC, already form-encoded ("2024-05-01T12%3A00%3A00Z"). Milliseconds are written
// only when there are any (an unaligned caller range); aligned ranges are whole seconds.
QByteArray isoTime(qint64 ms) {
    using namespace std::chrono;
    const sys_time<milliseconds> t{milliseconds{ms}};
    const sys_days day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> hms{t - day};
    char buf[40];
    const int fraction = int(hms.subseconds().count());
    const int n =
        fraction == 0
            ? std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d%%3A%02d%%3A%02dZ", int(ymd.year()),
                            unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                            int(hms.minutes().count()), int(hms.seconds().count()))
            : std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d%%3A%02d%%3A%02d.%03dZ", int(ymd.year()),
                            unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                            int(hms.minutes().count()), int(hms.seconds().count()), fraction);
    return QByteArray(buf, n);
}

// ---- JSON 1.0 --------------------------------------------------------------------------------

void appendJsonString(QByteArray &out, const QString &text) {
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

QByteArray epochSeconds(qint64 ms) {
    if (ms % kMsPerSecond == 0)
        return QByteArray::number(ms / kMsPerSecond);
    return QByteArray::number(double(ms) / double(kMsPerSecond), 'f', 3);
}

HttpRequest baseRequest(const AwsEndpointConfig &endpoint, const QString &callName) {
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = endpoint.resolvedEndpoint();
    request.callName = callName;
    if (endpoint.protocol == CloudWatchProtocol::Json) {
        request.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-amz-json-1.0"));
        request.setHeader(QByteArrayLiteral("X-Amz-Target"),
                          QByteArrayLiteral("GraniteServiceVersion20100801.") + callName.toLatin1());
        // CloudWatch is "awsQueryCompatible": this asks for the legacy error code in
        // x-amzn-query-error, which the retry classification reads.
        request.setHeader(QByteArrayLiteral("x-amzn-query-mode"), QByteArrayLiteral("true"));
    } else {
        request.setHeader(QByteArrayLiteral("Content-Type"),
                          QByteArrayLiteral("application/x-www-form-urlencoded; charset=utf-8"));
    }
    return request;
}

QByteArray getMetricDataQueryBody(const GetMetricDataBatch &batch, const QString &nextToken) {
    FormBody form("GetMetricData");
    for (qsizetype i = 0; i < batch.queries.size(); ++i) {
        const MetricQuery &q = batch.queries.at(i);
        const QByteArray p = "MetricDataQueries.member." + QByteArray::number(i + 1) + '.';
        const QByteArray metric = p + "MetricStat.Metric.";
        form.add(p + "Id", batch.ids.value(i));
        form.add(metric + "Namespace", q.namespaceName);
        form.add(metric + "MetricName", q.metricName);
        for (qsizetype d = 0; d < q.dimensions.size(); ++d) {
            const QByteArray dim = metric + "Dimensions.member." + QByteArray::number(d + 1) + '.';
            form.add(dim + "Name", q.dimensions.at(d).name);
            form.add(dim + "Value", q.dimensions.at(d).value);
        }
        form.addRaw(p + "MetricStat.Period", QByteArray::number(effectivePeriod(q)));
        form.add(p + "MetricStat.Stat", q.stat);
        form.addRaw(p + "ReturnData", "true");
    }
    form.addRaw("StartTime", isoTime(batch.range.startMs));
    form.addRaw("EndTime", isoTime(batch.range.endMs));
    if (!nextToken.isEmpty())
        form.add("NextToken", nextToken);
    form.addRaw("ScanBy", "TimestampAscending");
    return form.take();
}

QByteArray getMetricDataJsonBody(const GetMetricDataBatch &batch, const QString &nextToken) {
    // Written by hand (not QJsonDocument) to keep the service model's member order, which
    // makes bodies diffable against botocore's.
    QByteArray out;
    out.reserve(256 + batch.queries.size() * 256);
    out += "{\"MetricDataQueries\":[";
    for (qsizetype i = 0; i < batch.queries.size(); ++i) {
        const MetricQuery &q = batch.queries.at(i);
        if (i > 0)
            out += ',';
        out += "{\"Id\":";
        appendJsonString(out, batch.ids.value(i));
        out += ",\"MetricStat\":{\"Metric\":{\"Namespace\":";
        appendJsonString(out, q.namespaceName);
        out += ",\"MetricName\":";
        appendJsonString(out, q.metricName);
        out += ",\"Dimensions\":[";
        for (qsizetype d = 0; d < q.dimensions.size(); ++d) {
            if (d > 0)
                out += ',';
            out += "{\"Name\":";
            appendJsonString(out, q.dimensions.at(d).name);
            out += ",\"Value\":";
            appendJsonString(out, q.dimensions.at(d).value);
            out += '}';
        }
        out += "]},\"Period\":";
        out += QByteArray::number(effectivePeriod(q));
        out += ",\"Stat\":";
        appendJsonString(out, q.stat);
        out += "},\"ReturnData\":true}";
    }
    out += "],\"StartTime\":";
    out += epochSeconds(batch.range.startMs);
    out += ",\"EndTime\":";
    out += epochSeconds(batch.range.endMs);
    if (!nextToken.isEmpty()) {
        out += ",\"NextToken\":";
        appendJsonString(out, nextToken);
    }
    out += ",\"ScanBy\":\"TimestampAscending\"}";
    return out;
}

} // namespace

QList<GetMetricDataBatch> planGetMetricDataBatches(const QList<MetricQuery> &queries,
                                                   const TimeRange &range) {
    // Sorting by period (stable: equal periods keep the caller's order) keeps each call's
    // periods close together, so aligning the call's range to its largest period widens the
    // short-period queries as little as possible. Next-fit over the sorted list is optimal
    // when all periods are equal, which is the common case (one window, one period).
    QList<MetricQuery> sorted = queries;
    std::stable_sort(sorted.begin(), sorted.end(), [](const MetricQuery &a, const MetricQuery &b) {
        return effectivePeriod(a) < effectivePeriod(b);
    });

    QList<GetMetricDataBatch> batches;
    OpenBatch open;
    for (MetricQuery &query : sorted) {
        const int period = effectivePeriod(query);
        const qint64 alone = expectedPoints(alignedRange(range, period), period);
        if (alone > kMaxDatapointsPerCall) {
            // Too big for any call: it goes alone and the cloud pages it with NextToken.
            if (!open.queries.isEmpty())
                batches.append(closeBatch(open, range));
            open.queries.append(std::move(query));
            open.largestPeriod = period;
            open.points = alone;
            batches.append(closeBatch(open, range));
            continue;
        }
        const qint64 with = open.queries.isEmpty() ? alone : open.pointsWith(query, range);
        if (open.queries.size() >= kMaxQueriesPerCall || with > kMaxDatapointsPerCall) {
            batches.append(closeBatch(open, range));
            open.points = alone;
        } else {
            open.points = with;
        }
        open.largestPeriod = std::max(open.largestPeriod, period);
        open.queries.append(std::move(query));
    }
    if (!open.queries.isEmpty())
        batches.append(closeBatch(open, range));
    return batches;
}

HttpRequest buildGetMetricDataRequest(const AwsEndpointConfig &endpoint, const GetMetricDataBatch &batch,
                                      const QString &nextToken) {
    HttpRequest request = baseRequest(endpoint, QStringLiteral("GetMetricData"));
    request.body = endpoint.protocol == CloudWatchProtocol::Json ? getMetricDataJsonBody(batch, nextToken)
                                                                 : getMetricDataQueryBody(batch, nextToken);
    return request;
}

HttpRequest buildListMetricsRequest(const AwsEndpointConfig &endpoint, const QString &namespaceName,
                                    const QString &metricName, const QString &nextToken) {
    HttpRequest request = baseRequest(endpoint, QStringLiteral("ListMetrics"));
    if (endpoint.protocol == CloudWatchProtocol::Query) {
        FormBody form("ListMetrics");
        if (!namespaceName.isEmpty())
            form.add("Namespace", namespaceName);
        if (!metricName.isEmpty())
            form.add("MetricName", metricName);
        if (!nextToken.isEmpty())
            form.add("NextToken", nextToken);
        request.body = form.take();
        return request;
    }
    QByteArray out = "{";
    const auto member = [&out](const char *name, const QString &value) {
        if (value.isEmpty())
            return;
        if (out.size() > 1)
            out += ',';
        out += '"';
        out += name;
        out += "\":";
        appendJsonString(out, value);
    };
    member("Namespace", namespaceName);
    member("MetricName", metricName);
    member("NextToken", nextToken);
    out += '}';
    request.body = out;
    return request;
}

} // namespace mlwatch::aws
