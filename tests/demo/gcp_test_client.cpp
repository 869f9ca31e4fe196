#include "gcp_test_client.h"

#include "demo/demo_gcp_cloud.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace mlwatch::test::gcp {

QByteArray Reply::header(QByteArrayView name) const {
    for (const auto &[n, v] : headers)
        if (QByteArrayView(n).compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

QJsonObject Reply::json() const {
    return QJsonDocument::fromJson(body).object();
}

QString Reply::errorStatus() const {
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("status")).toString();
}

QString Reply::errorMessage() const {
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

QString Reply::oauthError() const {
    return json().value(QStringLiteral("error")).toString();
}

Reply call(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const QByteArray &bearer,
           const QByteArray &body, const QByteArray &contentType,
           const QList<QPair<QByteArray, QByteArray>> &extraHeaders) {
    QNetworkRequest request(url);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    for (const auto &[name, value] : extraHeaders)
        request.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(60000);
    }
    Reply r;
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

QString rfc3339(const QDateTime &t) {
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QByteArray base64Url(QByteArrayView bytes) {
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray signJwt(const QJsonObject &header, const QJsonObject &claims, const QByteArray &pemPrivateKey) {
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    BIO *bio = BIO_new_mem_buf(pemPrivateKey.constData(), int(pemPrivateKey.size()));
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    if (!key)
        return {};
    QByteArray signature;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    if (ctx && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
        EVP_DigestSign(ctx, nullptr, &length, data, size_t(input.size())) == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length, data,
                           size_t(input.size())) != 1)
            signature.clear();
        signature.resize(qsizetype(length));
    }
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    return signature.isEmpty() ? QByteArray() : input + '.' + base64Url(signature);
}

QByteArray otherRsaKeyPem() {
    EVP_PKEY *key = EVP_RSA_gen(2048);
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray pem;
    if (key && bio && PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) == 1) {
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        pem = QByteArray(data, qsizetype(size));
    }
    BIO_free(bio);
    EVP_PKEY_free(key);
    return pem;
}

QByteArray assertion(const QByteArray &keyJson, const QDateTime &now, const Claims &c,
                     const QByteArray &signingKeyPem) {
    const QJsonObject key = QJsonDocument::fromJson(keyJson).object();
    const qint64 iat = now.toSecsSinceEpoch() + c.iatOffset;
    const QJsonObject header{
        {QStringLiteral("alg"), c.alg},
        {QStringLiteral("typ"), QStringLiteral("JWT")},
        {QStringLiteral("kid"),
         c.kid.isEmpty() ? key.value(QStringLiteral("private_key_id")).toString() : c.kid}};
    const QJsonObject claims{{QStringLiteral("iss"),
                              c.iss.isEmpty() ? key.value(QStringLiteral("client_email")).toString() : c.iss},
                             {QStringLiteral("scope"), c.scope},
                             {QStringLiteral("aud"), c.aud},
                             {QStringLiteral("iat"), iat},
                             {QStringLiteral("exp"), iat + c.lifetime}};
    return signJwt(header, claims,
                   signingKeyPem.isEmpty() ? key.value(QStringLiteral("private_key")).toString().toLatin1()
                                           : signingKeyPem);
}

Reply jwtGrant(QNetworkAccessManager &nam, const QUrl &tokenUri, const QByteArray &jwt) {
    const QByteArray form =
        "grant_type=" +
        QUrl::toPercentEncoding(QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer")) +
        "&assertion=" + jwt;
    return call(nam, "POST", tokenUri, {}, form, "application/x-www-form-urlencoded");
}

Reply refreshGrant(QNetworkAccessManager &nam, const QUrl &tokenUri, const QString &clientId,
                   const QString &clientSecret, const QString &refreshToken) {
    const QByteArray form = "grant_type=refresh_token&client_id=" + QUrl::toPercentEncoding(clientId) +
                            "&client_secret=" + QUrl::toPercentEncoding(clientSecret) +
                            "&refresh_token=" + QUrl::toPercentEncoding(refreshToken);
    return call(nam, "POST", tokenUri, {}, form, "application/x-www-form-urlencoded");
}

double Point::number() const {
    if (value.contains(QStringLiteral("int64Value")))
        return value.value(QStringLiteral("int64Value")).toString().toDouble();
    return value.value(QStringLiteral("doubleValue")).toDouble();
}

QList<Point> pointsOf(const QJsonObject &series) {
    QList<Point> points;
    for (const QJsonValue &v : series.value(QStringLiteral("points")).toArray()) {
        const QJsonObject p = v.toObject();
        const QJsonObject interval = p.value(QStringLiteral("interval")).toObject();
        points.append(
            {QDateTime::fromString(interval.value(QStringLiteral("startTime")).toString(), Qt::ISODate),
             QDateTime::fromString(interval.value(QStringLiteral("endTime")).toString(), Qt::ISODate),
             p.value(QStringLiteral("value")).toObject()});
    }
    return points;
}

QString at(double hoursBack) {
    return enc(rfc3339(kAnchor.addSecs(qint64(-hoursBack * 3600))));
}

Session::Session(demo::DemoGoogleCloud &cloud, const QDateTime &now)
    : m_cloud(cloud) {
    Claims claims;
    claims.scope = QStringLiteral("https://www.googleapis.com/auth/monitoring.read "
                                  "https://www.googleapis.com/auth/cloud-platform");
    const Reply r = jwtGrant(m_nam, cloud.tokenUri(), assertion(cloud.serviceAccountKeyJson(), now, claims));
    m_token = r.json().value(QStringLiteral("access_token")).toString().toLatin1();
}

Reply Session::timeSeries(const QString &query, const QByteArray &bearer, const QString &project) {
    return call(m_nam, "GET",
                urlOf(m_cloud.monitoringEndpoint(),
                      QStringLiteral("/v3/projects/%1/timeSeries")
                          .arg(project.isEmpty() ? demo::DemoGoogleCloud::projectId() : project),
                      query),
                bearer.isEmpty() ? m_token : bearer);
}

QList<QJsonObject> Session::series(const QString &filter, double fromHoursBack, double toHoursBack,
                                   const QString &extra, int *pages) {
    QString query = QStringLiteral("filter=") + enc(filter) + QStringLiteral("&interval.startTime=") +
                    at(fromHoursBack) + QStringLiteral("&interval.endTime=") + at(toHoursBack);
    if (!extra.isEmpty())
        query += QLatin1Char('&') + extra;
    QList<QJsonObject> all;
    QString token;
    int seen = 0;
    do {
        const Reply r =
            timeSeries(token.isEmpty() ? query : query + QStringLiteral("&pageToken=") + enc(token));
        if (r.status != 200)
            return {};
        ++seen;
        for (const QJsonValue &v : r.json().value(QStringLiteral("timeSeries")).toArray()) {
            const QJsonObject s = v.toObject();
            // A series continued from the previous page has the same metric and resource.
            if (!all.isEmpty() &&
                all.last().value(QStringLiteral("metric")) == s.value(QStringLiteral("metric")) &&
                all.last().value(QStringLiteral("resource")) == s.value(QStringLiteral("resource"))) {
                QJsonArray points = all.last().value(QStringLiteral("points")).toArray();
                for (const QJsonValue &p : s.value(QStringLiteral("points")).toArray())
                    points.append(p);
                all.last().insert(QStringLiteral("points"), points);
            } else {
                all.append(s);
            }
        }
        token = r.json().value(QStringLiteral("nextPageToken")).toString();
    } while (!token.isEmpty() && seen < 1000);
    if (pages)
        *pages = seen;
    return all;
}

QList<QJsonObject> Session::listAll(const QString &collection, int *pages) {
    QList<QJsonObject> items;
    QString token;
    *pages = 0;
    do {
        QString query = QStringLiteral("pageSize=100");
        if (!token.isEmpty())
            query += QStringLiteral("&pageToken=") + enc(token);
        const Reply r = call(
            m_nam, "GET",
            urlOf(m_cloud.aiplatformEndpoint(),
                  QStringLiteral("/v1/projects/%1/locations/%2/%3")
                      .arg(demo::DemoGoogleCloud::projectId(), demo::DemoGoogleCloud::region(), collection),
                  query),
            m_token);
        if (r.status != 200)
            return {};
        ++*pages;
        for (const QJsonValue &v : r.json().value(collection).toArray())
            items.append(v.toObject());
        token = r.json().value(QStringLiteral("nextPageToken")).toString();
    } while (!token.isEmpty() && *pages < 100);
    return items;
}

} // namespace mlwatch::test::gcp
