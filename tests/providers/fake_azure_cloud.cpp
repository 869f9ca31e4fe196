#include "fake_azure_cloud.h"

#include "core/providers/azure/azure_discovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mlwatch::test {

using namespace mlwatch::azure;

namespace {

const QString kSub = QString::fromLatin1(FakeAzureCloud::kSubscription);
const QString kSecret = QString::fromLatin1(FakeAzureCloud::kClientSecret);

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

QHttpServerResponse azureError(int status, const char *code, const char *message,
                               const HttpHeaders &headers = {}) {
    return reply(
        status,
        json({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QLatin1String(code)},
                                                    {QStringLiteral("message"), QLatin1String(message)}}}}),
        headers);
}

// The raw value of a query parameter, split the way Azure splits metricnames: on literal commas,
// then percent-decoded, then Azure's "%2" turned back into a comma.
QStringList metricNamesOf(const QByteArray &rawQuery) {
    for (const QByteArray &pair : rawQuery.split('&'))
        if (pair.startsWith("metricnames=")) {
            QStringList names;
            for (const QByteArray &n : pair.mid(12).split(','))
                names.append(QString::fromUtf8(QByteArray::fromPercentEncoding(n))
                                 .replace(QLatin1String("%2"), QLatin1String(",")));
            return names;
        }
    return {};
}

int grainSeconds(const QString &iso) {
    static const QHash<QString, int> grains{{QStringLiteral("PT1M"), 60},     {QStringLiteral("PT5M"), 300},
                                            {QStringLiteral("PT15M"), 900},   {QStringLiteral("PT30M"), 1800},
                                            {QStringLiteral("PT1H"), 3600},   {QStringLiteral("PT6H"), 21600},
                                            {QStringLiteral("PT12H"), 43200}, {QStringLiteral("P1D"), 86400}};
    return grains.value(iso, 0);
}

// Metric objects as Azure returns them: a point per grain, every fourth grain without the
// aggregation key (a gap).
QJsonArray metricValues(const QString &resourceId, const QStringList &names, const QString &aggregation,
                        const QDateTime &start, const QDateTime &end, int grain) {
    QJsonArray value;
    for (const QString &name : names) {
        QJsonArray data;
        int i = 0;
        for (QDateTime t = start; t < end; t = t.addSecs(grain), ++i) {
            QJsonObject point{{QStringLiteral("timeStamp"), t.toString(Qt::ISODate)}};
            if (i % 4 != 3)
                point.insert(aggregation.toLower(), double(i));
            data.append(point);
        }
        value.append(QJsonObject{
            {QStringLiteral("id"),
             QString(resourceId + QStringLiteral("/providers/Microsoft.Insights/metrics/") + name)},
            {QStringLiteral("type"), QStringLiteral("Microsoft.Insights/metrics")},
            {QStringLiteral("name"),
             QJsonObject{{QStringLiteral("value"), name}, {QStringLiteral("localizedValue"), name}}},
            {QStringLiteral("unit"), QStringLiteral("Count")},
            {QStringLiteral("errorCode"), QStringLiteral("Success")},
            {QStringLiteral("timeseries"),
             QJsonArray{QJsonObject{{QStringLiteral("metadatavalues"), QJsonArray{}},
                                    {QStringLiteral("data"), data}}}}});
    }
    return value;
}

} // namespace

FakeAzureCloud::FakeAzureCloud() {
    m_clock.start();
    for (auto [server, role] :
         {std::pair{&m_arm, QStringLiteral("arm")}, std::pair{&m_batch, QStringLiteral("batch")}}) {
        server->route(QStringLiteral("/<arg>"), QHttpServerRequest::Method::AnyKnown,
                      [this, role](const QUrl &, const QHttpServerRequest &r) { return handle(role, r); });
    }
    m_armPort = m_arm.listen(QHostAddress::LocalHost, 0);
    m_batchPort = m_batch.listen(QHostAddress::LocalHost, 0);
    if (!m_armPort || !m_batchPort)
        qFatal("fake Azure could not listen");
}

QHttpServerResponse FakeAzureCloud::handle(const QString &role, const QHttpServerRequest &r) {
    const QString path = r.url().path();
    if (role == QLatin1String("arm") && path.endsWith(QLatin1String("/oauth2/v2.0/token")))
        return token(r);
    Seen s{role,
           methodOf(r),
           path,
           r.url().query(QUrl::FullyEncoded).toLatin1(),
           r.value("Authorization"),
           r.body(),
           m_clock.elapsed()};
    seen.append(s);
    for (qsizetype i = 0; i < m_faults.size(); ++i)
        if (m_faults[i].server == role) {
            const Fault f = m_faults.takeAt(i);
            HttpHeaders headers;
            if (!f.retryAfter.isEmpty())
                headers.append({"Retry-After", f.retryAfter});
            if (f.status == 429)
                return azureError(429, "TooManyRequests", "The request is being throttled.", headers);
            if (f.status == 403)
                return azureError(403, "AuthorizationFailed",
                                  "The client does not have authorization to perform action "
                                  "'microsoft.insights/metrics/read'.");
            return azureError(f.status, "InternalServerError", "Encountered internal server error.");
        }
    // The audience must fit the host (cloud-apis.md §4.20).
    const QByteArray bearer = s.authorization.startsWith("Bearer ") ? s.authorization.mid(7) : QByteArray();
    const QString wanted = role == QLatin1String("arm")
                               ? QStringLiteral("https://management.azure.com/.default")
                               : QStringLiteral("https://metrics.monitor.azure.com/.default");
    if (!m_valid.contains(bearer))
        return azureError(401, "InvalidAuthenticationToken", "The access token is invalid.");
    if (m_valid.value(bearer) != wanted)
        return azureError(401, "InvalidAuthenticationTokenAudience",
                          "The access token has the wrong audience.");

    const QUrlQuery query(r.url());
    if (role == QLatin1String("batch"))
        return batchMetrics(r, query);
    HttpHeaders budget;
    if (!remainingReads.isEmpty())
        budget.append({"x-ms-ratelimit-remaining-subscription-reads", remainingReads});
    if (path.endsWith(QLatin1String("/providers/Microsoft.Insights/metrics")))
        return armMetrics(r, query, path.chopped(int(qstrlen("/providers/Microsoft.Insights/metrics"))),
                          budget);
    return discovery(path, query, budget);
}

QByteArray FakeAzureCloud::methodOf(const QHttpServerRequest &r) {
    return r.method() == QHttpServerRequest::Method::Post ? QByteArrayLiteral("POST")
                                                          : QByteArrayLiteral("GET");
}

QHttpServerResponse FakeAzureCloud::token(const QHttpServerRequest &r) {
    const QUrlQuery form(QString::fromUtf8(r.body()));
    const QString scope = form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded);
    tokenScopes.append(scope);
    if (form.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("client_credentials") ||
        form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded) != kSecret)
        return reply(
            401,
            R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."})");
    const QByteArray value = (scope.contains(QLatin1String("metrics.monitor")) ? "tok-batch-" : "tok-arm-") +
                             QByteArray::number(tokenScopes.size());
    if (!rejectAllTokens)
        m_valid.insert(value, scope);
    return reply(200, R"({"token_type":"Bearer","expires_in":)" + expiresIn +
                          R"(,"ext_expires_in":3599,"access_token":")" + value + "\"}");
}

QHttpServerResponse FakeAzureCloud::armMetrics(const QHttpServerRequest &r, const QUrlQuery &query,
                                               const QString &resourceId, const HttpHeaders &headers) {
    if (query.queryItemValue(QStringLiteral("api-version")) != QLatin1String("2023-10-01"))
        return azureError(400, "InvalidApiVersionParameter", "The api-version is not supported.");
    const QStringList span =
        query.queryItemValue(QStringLiteral("timespan"), QUrl::FullyDecoded).split(QLatin1Char('/'));
    const QDateTime start = QDateTime::fromString(span.value(0), Qt::ISODate);
    const QDateTime end = QDateTime::fromString(span.value(1), Qt::ISODate);
    const int grain = grainSeconds(query.queryItemValue(QStringLiteral("interval")));
    if (!start.isValid() || !end.isValid() || grain == 0)
        return azureError(400, "BadRequest", "Detected invalid time interval input");
    const QString aggregation = query.queryItemValue(QStringLiteral("aggregation"));
    QJsonObject body{{QStringLiteral("timespan"), span.join(QLatin1Char('/'))},
                     {QStringLiteral("interval"), query.queryItemValue(QStringLiteral("interval"))},
                     {QStringLiteral("resourceregion"), QStringLiteral("westeurope")},
                     {QStringLiteral("value"),
                      metricValues(resourceId, metricNamesOf(r.url().query(QUrl::FullyEncoded).toLatin1()),
                                   aggregation, start, end, grain)}};
    return reply(200, json(body), headers);
}

QHttpServerResponse FakeAzureCloud::batchMetrics(const QHttpServerRequest &r, const QUrlQuery &query) {
    if (query.queryItemValue(QStringLiteral("api-version")) != QLatin1String("2024-02-01"))
        return azureError(400, "InvalidApiVersionParameter", "The api-version is not supported.");
    const QJsonArray ids =
        QJsonDocument::fromJson(r.body()).object().value(QLatin1String("resourceids")).toArray();
    if (ids.isEmpty() || ids.size() > 50)
        return azureError(400, "BadRequest", "Between 1 and 50 resource ids are allowed.");
    const QDateTime start = QDateTime::fromString(
        query.queryItemValue(QStringLiteral("starttime"), QUrl::FullyDecoded), Qt::ISODateWithMs);
    const QDateTime end = QDateTime::fromString(
        query.queryItemValue(QStringLiteral("endtime"), QUrl::FullyDecoded), Qt::ISODateWithMs);
    const int grain = grainSeconds(query.queryItemValue(QStringLiteral("interval")));
    if (!start.isValid() || !end.isValid() || grain == 0)
        return azureError(400, "BadRequest", "Detected invalid time interval input");
    QJsonArray values;
    for (const QJsonValue &id : ids)
        values.append(QJsonObject{
            {QStringLiteral("resourceid"), id.toString().toLower()}, // Azure may change the case
            {QStringLiteral("resourceregion"), QStringLiteral("westeurope")},
            {QStringLiteral("interval"), query.queryItemValue(QStringLiteral("interval"))},
            {QStringLiteral("value"),
             metricValues(id.toString(), metricNamesOf(r.url().query(QUrl::FullyEncoded).toLatin1()),
                          query.queryItemValue(QStringLiteral("aggregation")), start, end, grain)}});
    return reply(200, json({{QStringLiteral("values"), values}}));
}

QHttpServerResponse FakeAzureCloud::discovery(const QString &path, const QUrlQuery &query,
                                              const HttpHeaders &headers) {
    if (query.queryItemValue(QStringLiteral("api-version")) != QLatin1String(kMachineLearningApiVersion))
        return azureError(400, "InvalidApiVersionParameter", "The api-version is not supported.");
    const QString wsPrefix = QStringLiteral("/subscriptions/%1/resourceGroups/rg-ml/providers/"
                                            "Microsoft.MachineLearningServices/workspaces/")
                                 .arg(kSub);
    QJsonArray items;
    QString nextLink;
    if (path == QStringLiteral("/subscriptions/%1/providers/Microsoft.MachineLearningServices/workspaces")
                    .arg(kSub)) {
        const int skip = query.queryItemValue(QStringLiteral("$skiptoken")).toInt();
        for (int i = skip; i < std::min(workspaceCount, skip + workspacesPerPage); ++i)
            items.append(QJsonObject{
                {QStringLiteral("id"), QString(wsPrefix + QStringLiteral("ws%1").arg(i))},
                {QStringLiteral("name"), QStringLiteral("ws%1").arg(i)},
                {QStringLiteral("type"), QString::fromLatin1(kWorkspaceType)},
                {QStringLiteral("location"), QStringLiteral("westeurope")},
                {QStringLiteral("properties"),
                 QJsonObject{
                     {QStringLiteral("storageAccount"),
                      QStringLiteral("/subscriptions/%1/resourceGroups/rg-ml/providers/Microsoft.Storage/"
                                     "storageAccounts/mlstore%2")
                          .arg(kSub)
                          .arg(i)}}}});
        const int nextSkip = skip + workspacesPerPage;
        QString base = armUrl().toString() + path + QStringLiteral("?api-version=") +
                       QLatin1String(kMachineLearningApiVersion) + QStringLiteral("&$skiptoken=");
        if (nextSkip < workspaceCount)
            nextLink = base + QString::number(nextSkip);
        else if (loopingNextLink)
            nextLink = base + QStringLiteral("0");
        if (!foreignNextLink.isEmpty())
            nextLink = foreignNextLink;
    } else if (path.endsWith(QLatin1String("/onlineEndpoints"))) {
        const QString ws = path.section(QLatin1Char('/'), -2, -2);
        items.append(QJsonObject{{QStringLiteral("id"), QString(path + QStringLiteral("/ep-") + ws)},
                                 {QStringLiteral("name"), QString(QStringLiteral("ep-") + ws)},
                                 {QStringLiteral("location"), QStringLiteral("westeurope")}});
    } else if (path.endsWith(QLatin1String("/deployments"))) {
        for (const char *d : {"blue", "green"}) // no location: inherited from the endpoint
            items.append(
                QJsonObject{{QStringLiteral("id"), QString(path + QLatin1Char('/') + QLatin1String(d))},
                            {QStringLiteral("name"), QLatin1String(d)}});
    } else if (path.endsWith(QLatin1String("/computes"))) {
        items.append(
            QJsonObject{{QStringLiteral("id"), QString(path + QStringLiteral("/cpu-cluster"))},
                        {QStringLiteral("name"), QStringLiteral("cpu-cluster")},
                        {QStringLiteral("location"), QStringLiteral("westeurope")},
                        {QStringLiteral("properties"),
                         QJsonObject{{QStringLiteral("computeType"), QStringLiteral("AmlCompute")}}}});
    } else {
        return azureError(404, "ResourceNotFound", "Not found.");
    }
    QJsonObject body{{QStringLiteral("value"), items}};
    if (!nextLink.isEmpty())
        body.insert(QStringLiteral("nextLink"), nextLink);
    return reply(200, json(body), headers);
}

} // namespace mlwatch::test
