#include "core/providers/azure/azure_metrics_response.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <chrono>
#include <numeric>

namespace mlwatch::azure {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::azure", text);
}
QString tr(const char *text, const char *disambiguation, int n) {
    return QCoreApplication::translate("mlwatch::azure", text, disambiguation, n);
}

Error badResponse(const QString &what, const QString &detail = {}) {
    return Error{ErrorCode::BadResponse, what, detail};
}

int digits(QStringView s, qsizetype from, qsizetype count, bool &ok) {
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const QChar c = s.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            ok = false;
            return 0;
        }
        v = v * 10 + (c.unicode() - '0');
    }
    return v;
}

// "2024-05-01T12:00:00Z" (Azure's form), fast; anything else ISO 8601 through QDateTime.
std::optional<qint64> parseTimestamp(const QString &text) {
    using namespace std::chrono;
    const QStringView s(text);
    if (s.size() == 20 && s.at(4) == QLatin1Char('-') && s.at(7) == QLatin1Char('-') &&
        s.at(10) == QLatin1Char('T') && s.at(13) == QLatin1Char(':') && s.at(16) == QLatin1Char(':') &&
        s.at(19) == QLatin1Char('Z')) {
        bool ok = true;
        const year_month_day ymd{year{digits(s, 0, 4, ok)}, month{unsigned(digits(s, 5, 2, ok))},
                                 day{unsigned(digits(s, 8, 2, ok))}};
        const int h = digits(s, 11, 2, ok), m = digits(s, 14, 2, ok), sec = digits(s, 17, 2, ok);
        if (ok && ymd.ok() && h < 24 && m < 60 && sec < 61)
            return (sys_days{ymd}.time_since_epoch().count() * 86400LL + h * 3600 + m * 60 + sec) * 1000;
    }
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

std::optional<double> numberOf(const QJsonValue &v) {
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) { // not what Azure sends, but harmless to accept
        bool ok = false;
        const double d = v.toString().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt; // absent, null: a gap
}

Result<AzureTimeSeries> readTimeSeries(const QJsonObject &object, const QString &key) {
    AzureTimeSeries series;
    for (const QJsonValue &meta : object.value(QLatin1String("metadatavalues")).toArray()) {
        const QJsonObject m = meta.toObject();
        series.metadata.append(
            Dimension{m.value(QLatin1String("name")).toObject().value(QLatin1String("value")).toString(),
                      m.value(QLatin1String("value")).toString()});
    }
    const QJsonValue data = object.value(QLatin1String("data"));
    if (!data.isUndefined() && !data.isNull() && !data.isArray())
        return badResponse(tr("A time series' \"data\" is not a list."));
    const QJsonArray points = data.toArray();
    series.timestampsMs.reserve(points.size());
    series.values.reserve(points.size());
    for (const QJsonValue &point : points) {
        const QJsonObject p = point.toObject();
        const std::optional<double> value = numberOf(p.value(key));
        if (!value)
            continue; // no aggregation key: no data for this grain, not zero
        const std::optional<qint64> ms = parseTimestamp(p.value(QLatin1String("timeStamp")).toString());
        if (!ms)
            return badResponse(tr("A data point has no readable timeStamp."),
                               p.value(QLatin1String("timeStamp")).toString().left(40));
        series.timestampsMs.append(*ms);
        series.values.append(*value);
    }
    return series;
}

Result<AzureMetric> readMetric(const QJsonObject &object, const QString &key) {
    AzureMetric metric;
    const QJsonValue name = object.value(QLatin1String("name"));
    metric.name =
        name.isObject() ? name.toObject().value(QLatin1String("value")).toString() : name.toString();
    if (metric.name.isEmpty())
        return badResponse(tr("A metric in the answer has no name."));
    metric.unit = object.value(QLatin1String("unit")).toString();
    metric.errorCode = object.value(QLatin1String("errorCode")).toString();
    metric.errorMessage = object.value(QLatin1String("errorMessage")).toString();
    for (const QJsonValue &ts : object.value(QLatin1String("timeseries")).toArray()) {
        Result<AzureTimeSeries> series = readTimeSeries(ts.toObject(), key);
        if (!series)
            return series.error();
        metric.timeseries.append(std::move(*series));
    }
    return metric;
}

// The shared part of an ARM answer and a getBatch `values[]` entry.
Result<AzureResourceMetrics> readResource(const QJsonObject &object, const QString &aggregation) {
    const QJsonValue value = object.value(QLatin1String("value"));
    if (!value.isArray())
        return badResponse(tr("The answer has no metric list (\"value\")."));
    AzureResourceMetrics resource;
    resource.resourceId = object.value(QLatin1String("resourceid")).toString();
    resource.region = object.value(QLatin1String("resourceregion")).toString().toLower();
    resource.interval = object.value(QLatin1String("interval")).toString();
    const QString key = aggregation.toLower();
    for (const QJsonValue &m : value.toArray()) {
        if (!m.isObject())
            return badResponse(tr("An entry of the metric list is not an object."));
        Result<AzureMetric> metric = readMetric(m.toObject(), key);
        if (!metric)
            return metric.error();
        resource.metrics.append(std::move(*metric));
    }
    return resource;
}

Result<QJsonObject> readObject(const QByteArray &body) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return badResponse(tr("The answer is not valid JSON; it may have been cut off."),
                           error.errorString());
    if (!doc.isObject())
        return badResponse(tr("The answer is not a JSON object."));
    return doc.object();
}

bool sameText(const QString &a, const QString &b) {
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QString metadataValue(const AzureTimeSeries &series, const QString &name, bool *found) {
    for (const Dimension &d : series.metadata)
        if (sameText(d.name, name)) {
            *found = true;
            return d.value;
        }
    *found = false;
    return {};
}

void ensureAscending(SeriesData &series) {
    if (std::is_sorted(series.timestampsMs.cbegin(), series.timestampsMs.cend()))
        return;
    std::vector<qsizetype> order(size_t(series.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return series.timestampsMs[a] < series.timestampsMs[b];
    });
    QVector<qint64> t;
    QVector<double> v;
    t.reserve(series.size());
    v.reserve(series.size());
    for (qsizetype i : order) {
        t.append(series.timestampsMs[i]);
        v.append(series.values[i]);
    }
    series.timestampsMs = std::move(t);
    series.values = std::move(v);
}

// The series of one query within one metric's time series.
void matchQuery(const MetricQuery &query, const AzureMetric &metric, QList<SeriesData> &out) {
    bool splits = false;
    for (const Dimension &d : query.dimensions)
        splits = splits || d.value == QLatin1String("*");

    bool matchedAny = false;
    for (const AzureTimeSeries &ts : metric.timeseries) {
        MetricQuery concrete = query;
        bool fits = true;
        for (Dimension &d : concrete.dimensions) {
            bool found = false;
            const QString value = metadataValue(ts, d.name, &found);
            if (d.value == QLatin1String("*"))
                d.value = value;
            else if (found && !sameText(value, d.value))
                fits = false; // another value of a fixed dimension: not this query's series
        }
        if (!fits)
            continue;
        if (!splits && matchedAny)
            break; // one series per query without '*'; Azure sends exactly one
        matchedAny = true;
        SeriesData series{concrete.seriesKey(), ts.timestampsMs, ts.values};
        ensureAscending(series);
        out.append(std::move(series));
    }
    if (!splits && !matchedAny)
        out.append(SeriesData{query.seriesKey(), {}, {}}); // loaded, and empty: no data in the range
}

} // namespace

Result<AzureResourceMetrics> parseArmMetricsResponse(const QByteArray &body, const QString &aggregation) {
    Result<QJsonObject> object = readObject(body);
    if (!object)
        return object.error();
    return readResource(*object, aggregation);
}

Result<QList<AzureResourceMetrics>> parseBatchMetricsResponse(const QByteArray &body,
                                                              const QString &aggregation) {
    Result<QJsonObject> object = readObject(body);
    if (!object)
        return object.error();
    const QJsonValue values = object->value(QLatin1String("values"));
    if (!values.isArray())
        return badResponse(tr("The metrics:getBatch answer has no \"values\" list."));
    QList<AzureResourceMetrics> out;
    for (const QJsonValue &entry : values.toArray()) {
        Result<AzureResourceMetrics> resource = readResource(entry.toObject(), aggregation);
        if (!resource)
            return resource.error();
        if (resource->resourceId.isEmpty())
            return badResponse(tr("A metrics:getBatch entry does not say which resource it is for."));
        out.append(std::move(*resource));
    }
    return out;
}

Result<QList<AzureResourceMetrics>> parseMetricsResponse(AzureCallKind kind, const QByteArray &body,
                                                         const QString &aggregation) {
    if (kind == AzureCallKind::Batch)
        return parseBatchMetricsResponse(body, aggregation);
    Result<AzureResourceMetrics> one = parseArmMetricsResponse(body, aggregation);
    if (!one)
        return one.error();
    return QList<AzureResourceMetrics>{std::move(*one)};
}

AzureSeriesMatch matchSeries(const AzureMetricsCall &call, const QList<AzureResourceMetrics> &results,
                             const QString &account) {
    AzureSeriesMatch match;
    QHash<QString, const AzureResourceMetrics *> byResource;
    for (const AzureResourceMetrics &r : results) {
        // An ARM answer is for the call's one resource, whatever it says.
        const QString id = call.kind == AzureCallKind::Arm ? call.resourceIds.value(0) : r.resourceId;
        byResource.insert(id.toLower(), &r);
    }
    QSet<QString> reportedMissing;
    for (const MetricQuery &query : call.queries) {
        const AzureResourceMetrics *resource = byResource.value(query.resource.toLower());
        const QString resourceName = resourceNameOf(query.resource);
        if (!resource) {
            if (!reportedMissing.contains(query.resource.toLower())) {
                reportedMissing.insert(query.resource.toLower());
                match.errors.append(
                    Error{ErrorCode::ServiceError,
                          tr("%1: Azure Monitor returned nothing for %2. Check that the resource "
                             "still exists in region %3.")
                              .arg(account, resourceName, call.region),
                          query.resource});
            }
            continue;
        }
        const auto metric =
            std::find_if(resource->metrics.cbegin(), resource->metrics.cend(),
                         [&](const AzureMetric &m) { return sameText(m.name, query.metricName); });
        if (metric == resource->metrics.cend()) {
            match.errors.append(Error{ErrorCode::ServiceError,
                                      tr("%1: Azure Monitor returned nothing for metric %2 of %3.")
                                          .arg(account, query.metricName, resourceName),
                                      query.resource});
            continue;
        }
        if (!metric->succeeded()) {
            match.errors.append(
                Error{ErrorCode::ServiceError,
                      tr("%1: Azure Monitor could not read %2 of %3: %4")
                          .arg(account, query.metricName, resourceName,
                               metric->errorMessage.isEmpty() ? metric->errorCode : metric->errorMessage),
                      metric->errorCode + QStringLiteral(": ") + metric->errorMessage});
            continue;
        }
        matchQuery(query, *metric, match.series);
    }
    return match;
}

std::optional<AzureError> parseAzureError(const HttpResponse &response) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonValue error = doc.object().value(QLatin1String("error"));
    if (!error.isObject())
        return std::nullopt;
    const QJsonObject e = error.toObject();
    AzureError out;
    out.httpStatus = response.status;
    out.code = e.value(QLatin1String("code")).toString();
    out.message = e.value(QLatin1String("message")).toString();
    if (out.code.isEmpty() && out.message.isEmpty())
        return std::nullopt;
    return out;
}

Error azureHttpError(const HttpResponse &response, const AzureCallDescription &what, int attempts,
                     qint64 maxWaitSeconds) {
    const std::optional<AzureError> azure = parseAzureError(response);
    const QString code =
        azure && !azure->code.isEmpty() ? azure->code : QStringLiteral("HTTP %1").arg(response.status);
    const QString message = azure ? azure->message : QString();
    const QString detail =
        azure ? code + QStringLiteral(": ") + message : QStringLiteral("HTTP %1").arg(response.status);
    const QString &account = what.account;

    switch (response.status) {
    case 401:
        if (code.contains(QLatin1String("Audience"), Qt::CaseInsensitive))
            return {
                ErrorCode::AuthRejected,
                tr("%1: Azure rejected the access token for %2: it was issued for another audience (scope). "
                   "The ARM scope is https://management.azure.com/.default, metrics:getBatch needs "
                   "https://metrics.monitor.azure.com/.default.")
                    .arg(account, what.call),
                detail};
        return {ErrorCode::AuthRejected,
                tr("%1: Azure rejected the access token for %2, even a freshly fetched one (token rejected). "
                   "Check the tenant id, the client id and that the client secret is still valid.")
                    .arg(account, what.call),
                detail};
    case 403:
        if (what.listing)
            return {ErrorCode::AuthRejected,
                    tr("%1: signed in, but %2 was refused: needs the Reader role on the subscription. Ask "
                       "an owner of the subscription to assign it to the app.")
                        .arg(account, what.call),
                    detail};
        return {
            ErrorCode::AuthRejected,
            tr("%1: signed in, but not allowed to read metrics of %2: needs the Monitoring Reader role (or "
               "Reader) on it. Ask an owner of the subscription to assign it to the app.")
                .arg(account, what.subject),
            detail};
    case 404:
        return {
            ErrorCode::ServiceError,
            tr("%1: %2: resource not found (%3%4). Check the resource id; the resource may have been deleted "
               "or moved.")
                .arg(account, what.call, code,
                     message.isEmpty() ? QString() : QStringLiteral(": ") + message),
            detail};
    case 429: {
        bool numeric = false;
        const QByteArray retryAfter = response.header("Retry-After").trimmed();
        const qint64 askedSeconds = retryAfter.toLongLong(&numeric);
        if (numeric && maxWaitSeconds > 0 && askedSeconds > maxWaitSeconds)
            return {
                ErrorCode::Throttled,
                tr("%1: %2 is throttled by Azure (HTTP 429), which asked to wait %3 s: longer than the %4 s "
                   "MLWatch waits for one call. Try again later, refresh less often or chart fewer "
                   "resources.")
                    .arg(account, what.call)
                    .arg(askedSeconds)
                    .arg(maxWaitSeconds),
                detail};
        if (numeric)
            return {
                ErrorCode::Throttled,
                tr("%1: %2 is throttled by Azure (HTTP 429; it asked to wait %3 s between tries) even after "
                   "%n attempts. Refresh less often or chart fewer resources, then try again.",
                   nullptr, attempts)
                    .arg(account, what.call)
                    .arg(askedSeconds),
                detail};
        return {ErrorCode::Throttled,
                tr("%1: %2 is throttled by Azure (HTTP 429) even after %n attempts. Refresh less often or "
                   "chart fewer resources, then try again.",
                   nullptr, attempts)
                    .arg(account, what.call),
                detail};
    }
    default:
        break;
    }
    if (response.status >= 500)
        return {
            ErrorCode::ServiceError,
            tr("%1: %2 failed on the Azure side (%3) after %n attempts. Try again later.", nullptr, attempts)
                .arg(account, what.call, code),
            detail};
    if (azure)
        return {ErrorCode::ServiceError,
                tr("%1: Azure refused %2: %3 (%4).").arg(account, what.call, message, code), detail};
    return {ErrorCode::BadResponse,
            tr("%1: %2 failed with HTTP status %3 and no Azure error details.")
                .arg(account, what.call)
                .arg(response.status),
            detail};
}

} // namespace mlwatch::azure
