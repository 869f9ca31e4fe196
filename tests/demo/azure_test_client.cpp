#include "azure_test_client.h"

#include "demo/demo_azure_cloud.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTimeZone>

namespace mlwatch::test {

QByteArray AzureReply::header(QByteArrayView name) const {
    for (const auto &[n, v] : headers)
        if (QByteArrayView(n).compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

QJsonObject AzureReply::json() const {
    return QJsonDocument::fromJson(body).object();
}

QString AzureReply::errorCode() const {
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

AzureReply azureCall(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                     const QByteArray &bearer, const QByteArray &body, const QByteArray &contentType) {
    QNetworkRequest request(url);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(60000);
    }
    AzureReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

QString enc(const QString &value) {
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QUrl urlOf(const QUrl &base, const QString &path, const QString &encodedQuery) {
    QUrl url(base.toString(QUrl::StripTrailingSlash) + path);
    if (!encodedQuery.isEmpty())
        url.setQuery(encodedQuery, QUrl::StrictMode);
    return url;
}

AzureReply requestToken(QNetworkAccessManager &nam, const QUrl &authority, const QString &tenant,
                        const QString &clientId, const QString &secret, const QString &scope) {
    const QString form = QStringLiteral("grant_type=client_credentials&client_id=") + enc(clientId) +
                         QStringLiteral("&client_secret=") + enc(secret) + QStringLiteral("&scope=") +
                         enc(scope);
    return azureCall(nam, "POST",
                     urlOf(authority, QLatin1Char('/') + tenant + QStringLiteral("/oauth2/v2.0/token")), {},
                     form.toUtf8(), "application/x-www-form-urlencoded");
}

QString isoUtc(const QDateTime &t) {
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QList<QPair<QDateTime, std::optional<double>>> pointsOf(const QJsonObject &timeseries,
                                                        const QString &aggregation) {
    QList<QPair<QDateTime, std::optional<double>>> points;
    for (const QJsonValue &v : timeseries.value(QStringLiteral("data")).toArray()) {
        const QJsonObject e = v.toObject();
        const QDateTime t =
            QDateTime::fromString(e.value(QStringLiteral("timeStamp")).toString(), Qt::ISODate);
        points.append({t, e.contains(aggregation) ? std::optional<double>(e.value(aggregation).toDouble())
                                                  : std::nullopt});
    }
    return points;
}

QString window(double fromHoursBack, double toHoursBack) {
    const auto at = [](double hours) { return azure_ids::kAnchor.addSecs(qint64(-hours * 3600)); };
    return enc(isoUtc(at(fromHoursBack)) + QLatin1Char('/') + isoUtc(at(toHoursBack)));
}

AzureTestSession::AzureTestSession(demo::DemoAzureCloud &cloud)
    : m_cloud(cloud) {
    m_arm = token(azure_ids::kArmScope);
    m_batch = token(azure_ids::kBatchScope);
}

QByteArray AzureTestSession::token(const QString &scope) {
    return requestToken(m_nam, m_cloud.authorityHost(), demo::DemoAzureCloud::tenantId(),
                        demo::DemoAzureCloud::clientId(), demo::DemoAzureCloud::clientSecret(), scope)
        .json()
        .value(QStringLiteral("access_token"))
        .toString()
        .toLatin1();
}

AzureReply AzureTestSession::metrics(const QString &resource, const QString &query, const QByteArray &token) {
    return azureCall(m_nam, "GET",
                     urlOf(m_cloud.armEndpoint(),
                           resource + QStringLiteral("/providers/Microsoft.Insights/metrics"),
                           QStringLiteral("api-version=2023-10-01&") + query),
                     token.isEmpty() ? m_arm : token);
}

AzureReply AzureTestSession::batchRequestsPerMinute(const QStringList &ids, const QByteArray &token) {
    QJsonArray array;
    for (const QString &id : ids)
        array.append(id);
    const QString query = QStringLiteral("api-version=2024-02-01&metricnamespace=") +
                          enc(azure_ids::kEndpointType) +
                          QStringLiteral("&metricnames=RequestsPerMinute&aggregation=total&interval=PT1H") +
                          QStringLiteral("&starttime=") + enc(QStringLiteral("2026-11-20T06:00:00.000Z")) +
                          QStringLiteral("&endtime=") + enc(QStringLiteral("2026-11-20T12:00:00.000Z"));
    return azureCall(
        m_nam, "POST",
        urlOf(m_cloud.batchEndpoint(),
              QStringLiteral("/subscriptions/") + azure_ids::kSub + QStringLiteral("/metrics:getBatch"),
              query),
        token.isEmpty() ? m_batch : token,
        QJsonDocument(QJsonObject{{QStringLiteral("resourceids"), array}}).toJson(QJsonDocument::Compact),
        "application/json");
}

QList<QJsonObject> AzureTestSession::listAll(const QString &path, const QString &query, int *pages) {
    QList<QJsonObject> items;
    QUrl url = urlOf(m_cloud.armEndpoint(), path, query);
    *pages = 0;
    while (url.isValid() && *pages < 100) {
        const AzureReply r = azureCall(m_nam, "GET", url, m_arm);
        if (r.status != 200)
            return {};
        ++*pages;
        for (const QJsonValue &v : r.json().value(QStringLiteral("value")).toArray())
            items.append(v.toObject());
        const QString next = r.json().value(QStringLiteral("nextLink")).toString();
        if (!next.isEmpty() && (!next.startsWith(m_cloud.armEndpoint().toString()) ||
                                !next.contains(QLatin1String("api-version="))))
            return {};
        url = next.isEmpty() ? QUrl() : QUrl(next);
    }
    return items;
}

} // namespace mlwatch::test
