#include "fake_google_cloud.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace mlwatch::test {

namespace {

QByteArray json(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QHttpServerResponse reply(int status, const QByteArray &body, const HttpHeaders &headers = {}) {
    QHttpServerResponse r(QByteArrayLiteral("application/json"), body,
                          static_cast<QHttpServerResponse::StatusCode>(status));
    for (const auto &[name, value] : headers)
        r.addHeader(name, value);
    return r;
}

QByteArray envelope(int code, const char *status, const QString &message, const QJsonObject &errorInfo = {}) {
    QJsonObject error{{QStringLiteral("code"), code},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("status"), QLatin1String(status)}};
    if (!errorInfo.isEmpty()) {
        QJsonObject info = errorInfo;
        info.insert(QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.ErrorInfo"));
        error.insert(QStringLiteral("details"), QJsonArray{info});
    }
    return json({{QStringLiteral("error"), error}});
}

QByteArray defaultFaultBody(int status) {
    switch (status) {
    case 429:
        return envelope(429, "RESOURCE_EXHAUSTED",
                        QStringLiteral("Quota exceeded for quota metric 'Time series queries'."),
                        {{QStringLiteral("reason"), QStringLiteral("RATE_LIMIT_EXCEEDED")},
                         {QStringLiteral("metadata"),
                          QJsonObject{{QStringLiteral("quota_metric"),
                                       QStringLiteral("monitoring.googleapis.com/query_requests")}}}});
    case 403:
        return envelope(
            403, "PERMISSION_DENIED",
            QStringLiteral("Permission monitoring.timeSeries.list denied (or the resource may not exist)."),
            {{QStringLiteral("reason"), QStringLiteral("IAM_PERMISSION_DENIED")},
             {QStringLiteral("metadata"),
              QJsonObject{{QStringLiteral("permission"), QStringLiteral("monitoring.timeSeries.list")},
                          {QStringLiteral("resource"), QStringLiteral("projects/my-proj")}}}});
    case 400:
        return envelope(400, "INVALID_ARGUMENT", QStringLiteral("The request was invalid."));
    case 503:
        return envelope(503, "UNAVAILABLE", QStringLiteral("The service is currently unavailable."));
    case 504:
        return envelope(504, "DEADLINE_EXCEEDED", QStringLiteral("Deadline exceeded."));
    default:
        return envelope(status, "INTERNAL", QStringLiteral("Internal error encountered."));
    }
}

int seconds(const QString &duration) {
    return duration.endsWith(QLatin1Char('s')) ? duration.chopped(1).toInt() : 0;
}

// The endpoints a filter selects: `resource.labels.endpoint_id = "x"` or `= one_of("x","y")`.
QStringList selectedEndpoints(const QString &filter, const QStringList &all) {
    static const QRegularExpression one(QStringLiteral("resource\\.labels\\.endpoint_id = \"([^\"]*)\""));
    static const QRegularExpression many(
        QStringLiteral("resource\\.labels\\.endpoint_id = one_of\\(([^)]*)\\)"));
    static const QRegularExpression quoted(QStringLiteral("\"([^\"]*)\""));
    if (const QRegularExpressionMatch m = one.match(filter); m.hasMatch())
        return all.contains(m.captured(1)) ? QStringList{m.captured(1)} : QStringList{};
    if (const QRegularExpressionMatch m = many.match(filter); m.hasMatch()) {
        QStringList out;
        for (auto it = quoted.globalMatch(m.captured(1)); it.hasNext();) {
            const QString v = it.next().captured(1);
            if (all.contains(v))
                out.append(v);
        }
        return out;
    }
    return all;
}

// One series the fake serves: its identity and the value of its k-th point (ascending).
struct FakeSeries {
    QJsonObject metric;
    QJsonObject resource;
    QString metricKind;
    QString valueType;
    std::function<QJsonObject(int k)> value;
};

} // namespace

FakeGoogleCloud::FakeGoogleCloud() {
    m_clock.start();
    m_server.route(QStringLiteral("/<arg>"), QHttpServerRequest::Method::AnyKnown,
                   [this](const QUrl &, const QHttpServerRequest &r) { return handle(r); });
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    if (!m_port)
        qFatal("fake Google could not listen");
}

QByteArray FakeGoogleCloud::authorizedUserJson() {
    return json(
        {{QStringLiteral("type"), QStringLiteral("authorized_user")},
         {QStringLiteral("client_id"), QStringLiteral("764086051850-test.apps.googleusercontent.com")},
         {QStringLiteral("client_secret"), QLatin1String(kClientSecret)},
         {QStringLiteral("refresh_token"), QLatin1String(kRefreshToken)}});
}

QHttpServerResponse FakeGoogleCloud::handle(const QHttpServerRequest &r) {
    const QString path = r.url().path();
    if (path == QLatin1String("/token"))
        return token(r);
    const QUrlQuery query(r.url());
    static const QRegularExpression timeSeriesPath(QStringLiteral("^/v3/projects/([^/]+)/timeSeries$"));
    const QRegularExpressionMatch ts = timeSeriesPath.match(path);
    Seen s{ts.hasMatch() ? QStringLiteral("timeSeries") : QStringLiteral("vertex"),
           path,
           query,
           r.url().query(QUrl::FullyEncoded).toLatin1(),
           r.value("Authorization"),
           r.value("x-goog-user-project"),
           m_clock.elapsed()};
    seen.append(s);
    const QString text = path + QLatin1Char('?') + query.toString(QUrl::FullyDecoded);
    for (qsizetype i = 0; i < m_faults.size(); ++i)
        if (m_faults[i].kind == s.kind && text.contains(m_faults[i].match)) {
            const Fault f = m_faults.takeAt(i);
            HttpHeaders headers;
            if (!f.retryAfter.isEmpty())
                headers.append({"Retry-After", f.retryAfter});
            return reply(f.status, f.body.isEmpty() ? defaultFaultBody(f.status) : f.body, headers);
        }
    const QByteArray bearer = s.authorization.startsWith("Bearer ") ? s.authorization.mid(7) : QByteArray();
    if (!m_valid.contains(bearer))
        return reply(
            401, envelope(401, "UNAUTHENTICATED",
                          QStringLiteral("Request had invalid authentication credentials. Expected OAuth 2 "
                                         "access token, login cookie or other valid authentication "
                                         "credential.")));
    if (ts.hasMatch())
        return timeSeries(ts.captured(1), query);
    return vertex(path, query);
}

QHttpServerResponse FakeGoogleCloud::token(const QHttpServerRequest &r) {
    ++tokenRequests;
    const QUrlQuery form(QString::fromUtf8(r.body()));
    if (form.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("refresh_token") ||
        form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded) !=
            QLatin1String(kClientSecret) ||
        form.queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded) !=
            QLatin1String(kRefreshToken))
        return reply(400, R"({"error":"invalid_grant","error_description":"Bad Request"})");
    const QByteArray value = "tok-" + QByteArray::number(tokenRequests);
    if (!rejectAllTokens)
        m_valid.insert(value);
    return reply(200, R"({"access_token":")" + value + R"(","expires_in":3599,"token_type":"Bearer"})");
}

QHttpServerResponse FakeGoogleCloud::timeSeries(const QString &project, const QUrlQuery &query) {
    const QString filter = query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded);
    static const QRegularExpression metricType(QStringLiteral("metric\\.type = \"([^\"]+)\""));
    const QString metric = metricType.match(filter).captured(1);
    const QDateTime start = QDateTime::fromString(
        query.queryItemValue(QStringLiteral("interval.startTime"), QUrl::FullyDecoded), Qt::ISODate);
    const QDateTime end = QDateTime::fromString(
        query.queryItemValue(QStringLiteral("interval.endTime"), QUrl::FullyDecoded), Qt::ISODate);
    const QString aligner = query.queryItemValue(QStringLiteral("aggregation.perSeriesAligner"));
    const QString reducer = query.queryItemValue(QStringLiteral("aggregation.crossSeriesReducer"));
    const QStringList groupBy =
        query.allQueryItemValues(QStringLiteral("aggregation.groupByFields"), QUrl::FullyDecoded);
    const int period =
        aligner.isEmpty() ? 60 : seconds(query.queryItemValue(QStringLiteral("aggregation.alignmentPeriod")));
    const bool headers = query.queryItemValue(QStringLiteral("view")) == QLatin1String("HEADERS");
    if (metric.isEmpty() || !start.isValid() || !end.isValid())
        return reply(400,
                     envelope(400, "INVALID_ARGUMENT",
                              QStringLiteral("A filter with one metric.type and an interval are required.")));
    if (period < 60)
        return reply(400,
                     envelope(400, "INVALID_ARGUMENT",
                              QStringLiteral("Field aggregation.alignmentPeriod had an invalid value: The "
                                             "alignment period must be at least 60s.")));
    if (!reducer.isEmpty() && aligner.isEmpty())
        return reply(400,
                     envelope(400, "INVALID_ARGUMENT", QStringLiteral("A reducer requires an aligner.")));

    QList<FakeSeries> series;
    const QStringList endpoints = selectedEndpoints(filter, endpointIds);
    const bool percentile = aligner.startsWith(QLatin1String("ALIGN_PERCENTILE"));
    for (qsizetype e = 0; e < endpoints.size(); ++e) {
        const QString id = endpoints.at(e);
        const QJsonObject resource{
            {QStringLiteral("type"), QStringLiteral("aiplatform.googleapis.com/Endpoint")},
            {QStringLiteral("labels"),
             QJsonObject{{QStringLiteral("resource_container"), project},
                         {QStringLiteral("location"), QStringLiteral("us-central1")},
                         {QStringLiteral("endpoint_id"), id}}}};
        const QJsonObject metricObject{
            {QStringLiteral("type"), metric},
            {QStringLiteral("labels"),
             QJsonObject{{QStringLiteral("deployed_model_id"), QString(QStringLiteral("dm-") + id)}}}};
        const int base = int(e) * 1000;
        if (metric.endsWith(QLatin1String("/prediction_count")) ||
            metric.endsWith(QLatin1String("/replicas")))
            series.append(
                {metricObject, resource, QStringLiteral("DELTA"), QStringLiteral("INT64"), [base](int k) {
                     return QJsonObject{{QStringLiteral("int64Value"), QString::number(base + k)}};
                 }});
        else if (metric.endsWith(QLatin1String("/prediction_latencies")) && percentile)
            series.append(
                {metricObject, resource, QStringLiteral("DELTA"), QStringLiteral("DOUBLE"), [base](int k) {
                     return QJsonObject{{QStringLiteral("doubleValue"), 100.5 + base + k}};
                 }});
        else if (metric.endsWith(QLatin1String("/prediction_latencies")))
            series.append({metricObject, resource, QStringLiteral("DELTA"), QStringLiteral("DISTRIBUTION"),
                           [base](int k) {
                               return QJsonObject{
                                   {QStringLiteral("distributionValue"),
                                    QJsonObject{{QStringLiteral("count"), QStringLiteral("10")},
                                                {QStringLiteral("mean"), 50.25 + base + k}}}};
                           }});
    }
    if (metric == QLatin1String("ml.googleapis.com/training/cpu/utilization"))
        series.append({QJsonObject{{QStringLiteral("type"), metric}},
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("cloudml_job")},
                                   {QStringLiteral("labels"),
                                    QJsonObject{{QStringLiteral("project_id"), project},
                                                {QStringLiteral("job_id"), QStringLiteral("333")}}}},
                       QStringLiteral("GAUGE"), QStringLiteral("DOUBLE"), [](int) {
                           return QJsonObject{{QStringLiteral("doubleValue"), 0.5}};
                       }});
    // A reducer keeps only the labels it groups by (here: the endpoint, or nothing).
    if (!reducer.isEmpty())
        for (FakeSeries &s : series) {
            s.metric.remove(QStringLiteral("labels"));
            QJsonObject labels;
            if (groupBy.contains(QLatin1String("resource.label.endpoint_id")))
                labels.insert(QStringLiteral("endpoint_id"), s.resource.value(QStringLiteral("labels"))
                                                                 .toObject()
                                                                 .value(QStringLiteral("endpoint_id")));
            s.resource.insert(QStringLiteral("labels"), labels);
        }

    const int points = int(start.secsTo(end) / period);
    const auto header = [](const FakeSeries &s) {
        return QJsonObject{{QStringLiteral("metric"), s.metric},
                           {QStringLiteral("resource"), s.resource},
                           {QStringLiteral("metricKind"), s.metricKind},
                           {QStringLiteral("valueType"), s.valueType}};
    };
    if (series.isEmpty() || points <= 0)
        return reply(200, "{}");
    if (headers) {
        QJsonArray out;
        for (const FakeSeries &s : series)
            out.append(header(s));
        return reply(200, json({{QStringLiteral("timeSeries"), out}}));
    }
    // Pages count points; a series may continue on the next page. Points newest first.
    const int pageSize =
        std::min(pointsPerPage, std::max(1, query.queryItemValue(QStringLiteral("pageSize")).toInt()));
    const QString token = query.queryItemValue(QStringLiteral("pageToken"));
    const int offset = token.startsWith(QLatin1Char('p')) ? token.mid(1).toInt() : 0;
    const int total = int(series.size()) * points;
    QJsonArray out;
    for (int flat = offset; flat < std::min(total, offset + pageSize);) {
        const FakeSeries &s = series.at(flat / points);
        QJsonArray list;
        for (; flat < std::min(total, offset + pageSize) && &series.at(flat / points) == &s; ++flat) {
            const int k = points - 1 - flat % points; // ascending index of the newest point left
            const QDateTime pointEnd = start.addSecs(qint64(k + 1) * period);
            list.append(QJsonObject{
                {QStringLiteral("interval"),
                 QJsonObject{{QStringLiteral("startTime"), pointEnd.addSecs(-period).toString(Qt::ISODate)},
                             {QStringLiteral("endTime"), pointEnd.toString(Qt::ISODate)}}},
                {QStringLiteral("value"), s.value(k)}});
        }
        QJsonObject entry = header(s);
        entry.insert(QStringLiteral("points"), list);
        out.append(entry);
    }
    QJsonObject body{{QStringLiteral("timeSeries"), out}, {QStringLiteral("unit"), QStringLiteral("1")}};
    if (offset + pageSize < total)
        body.insert(QStringLiteral("nextPageToken"), QStringLiteral("p%1").arg(offset + pageSize));
    return reply(200, json(body));
}

QHttpServerResponse FakeGoogleCloud::vertex(const QString &path, const QUrlQuery &query) {
    static const QRegularExpression re(
        QStringLiteral("^/v1/projects/([^/]+)/locations/([^/]+)/([A-Za-z]+)$"));
    const QRegularExpressionMatch m = re.match(path);
    if (!m.hasMatch())
        return reply(404, envelope(404, "NOT_FOUND", QStringLiteral("Requested entity was not found.")));
    const QString location = m.captured(2);
    const QString collection = m.captured(3);
    if (vertexForbidden)
        return reply(
            403,
            envelope(403, "PERMISSION_DENIED",
                     QStringLiteral("Permission 'aiplatform.%1.list' denied on resource "
                                    "'//aiplatform.googleapis.com/projects/%2/locations/%3' (or it may not "
                                    "exist).")
                         .arg(collection.toLower(), m.captured(1), location),
                     {{QStringLiteral("reason"), QStringLiteral("IAM_PERMISSION_DENIED")}}));
    const QString prefix = QStringLiteral("projects/123456789012/locations/%1/").arg(location);
    QJsonArray items;
    QString next;
    if (collection == QLatin1String("endpoints")) {
        const QString token = query.queryItemValue(QStringLiteral("pageToken"));
        const int offset = token.startsWith(QLatin1Char('e')) ? token.mid(1).toInt() : 0;
        for (int i = offset; i < std::min(int(endpointIds.size()), offset + endpointsPerPage); ++i) {
            const QString id = endpointIds.at(i);
            items.append(
                QJsonObject{{QStringLiteral("name"), QString(prefix + QStringLiteral("endpoints/") + id)},
                            {QStringLiteral("displayName"), QString(QStringLiteral("endpoint-") + id)},
                            {QStringLiteral("deployedModels"),
                             QJsonArray{QJsonObject{
                                 {QStringLiteral("id"), QString(QStringLiteral("dm-") + id)},
                                 {QStringLiteral("displayName"), QString(QStringLiteral("model-") + id)}}}}});
        }
        if (offset + endpointsPerPage < endpointIds.size())
            next = QStringLiteral("e%1").arg(offset + endpointsPerPage);
    } else if (collection == QLatin1String("customJobs")) {
        items.append(QJsonObject{{QStringLiteral("name"), QString(prefix + QStringLiteral("customJobs/333"))},
                                 {QStringLiteral("displayName"), QStringLiteral("train-churn")}});
        items.append(QJsonObject{{QStringLiteral("name"), QString(prefix + QStringLiteral("customJobs/444"))},
                                 {QStringLiteral("displayName"), QStringLiteral("backing-job-444")}});
    } else if (collection == QLatin1String("trainingPipelines")) {
        items.append(
            QJsonObject{{QStringLiteral("name"), QString(prefix + QStringLiteral("trainingPipelines/555"))},
                        {QStringLiteral("displayName"), QStringLiteral("nightly-retrain")},
                        {QStringLiteral("trainingTaskMetadata"),
                         QJsonObject{{QStringLiteral("backingCustomJob"),
                                      QString(prefix + QStringLiteral("customJobs/444"))}}}});
    } else {
        return reply(404, envelope(404, "NOT_FOUND", QStringLiteral("Unknown collection.")));
    }
    if (items.isEmpty())
        return reply(200, "{}");
    QJsonObject body{{collection, items}};
    if (!next.isEmpty())
        body.insert(QStringLiteral("nextPageToken"), next);
    return reply(200, json(body));
}

} // namespace mlwatch::test
