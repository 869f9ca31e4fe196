#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

#include <optional>

namespace mlwatch::demo {
class DemoGoogleCloud;
}

namespace mlwatch::test::gcp {

// A small, independent Google client for the simulated Google Cloud's tests: it writes URLs,
// query strings, form bodies and JWTs by hand (QNetworkAccessManager, and OpenSSL's libcrypto for
// the RS256 signature), so the tests pin Google's wire format, not the app's provider or its
// GoogleTokenSource.

struct Reply {
    int status = 0; // 0: transport error
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const;
    QString errorStatus() const;  // google.rpc.Status: error.status ("INVALID_ARGUMENT" …)
    QString errorMessage() const; // error.message
    QString oauthError() const;   // OAuth: "error" ("invalid_grant" …)
};

// Sends and waits (on the event loop, up to 60 s). `bearer` empty: no Authorization header.
Reply call(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
           const QByteArray &bearer = {}, const QByteArray &body = {}, const QByteArray &contentType = {},
           const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});

// Percent-encodes a query value (everything but RFC 3986's unreserved characters).
QString enc(const QString &value);
// `base` + `path` with an already-encoded query string, kept exactly as written.
QUrl urlOf(const QUrl &base, const QString &path, const QString &encodedQuery = {});
// "2026-11-20T12:00:00Z"
QString rfc3339(const QDateTime &t);

// Unpadded base64url.
QByteArray base64Url(QByteArrayView bytes);
// RS256 over the JWT signing input "b64(header).b64(claims)" with a PEM private key, through
// OpenSSL's EVP_DigestSign; returns the whole compact JWT (empty when the key does not load).
QByteArray signJwt(const QJsonObject &header, const QJsonObject &claims, const QByteArray &pemPrivateKey);
// A fresh RSA-2048 key (PKCS#8 PEM), not the demo's: its signatures must be refused.
QByteArray otherRsaKeyPem();

// The service-account JWT as google-auth builds it, for the key file `keyJson`, at `now`.
struct Claims {
    QString iss; // empty: the key's client_email
    QString aud = QStringLiteral("https://oauth2.googleapis.com/token");
    QString scope = QStringLiteral("https://www.googleapis.com/auth/monitoring.read");
    qint64 iatOffset = 0;   // seconds relative to now
    qint64 lifetime = 3600; // exp - iat
    QString kid;            // empty: the key's private_key_id
    QString alg = QStringLiteral("RS256");
};
QByteArray assertion(const QByteArray &keyJson, const QDateTime &now, const Claims &claims = {},
                     const QByteArray &signingKeyPem = {});

// POST token_uri: the JWT-bearer grant / the refresh-token grant (form bodies as google-auth's).
Reply jwtGrant(QNetworkAccessManager &nam, const QUrl &tokenUri, const QByteArray &jwt);
Reply refreshGrant(QNetworkAccessManager &nam, const QUrl &tokenUri, const QString &clientId,
                   const QString &clientSecret, const QString &refreshToken);

// A point of a timeSeries.list answer, as a client reads it.
struct Point {
    QDateTime start;
    QDateTime end;
    QJsonObject value;     // {"int64Value": "…"} | {"doubleValue": …} | {"distributionValue": {…}}
    double number() const; // int64Value parsed from its string, or doubleValue
};
QList<Point> pointsOf(const QJsonObject &series);

// The demo project and the anchor both test files start the cloud at.
inline const QDateTime kAnchor(QDate(2026, 11, 20), QTime(12, 0), QTimeZone::utc());

// `hoursBack` hours before the anchor, RFC 3339, percent-encoded.
QString at(double hoursBack);

// A client of one simulated Google Cloud started at kAnchor (whose clock is the anchor plus the
// time since start): a service-account token with both scopes, and the calls the tests repeat.
class Session {
public:
    explicit Session(demo::DemoGoogleCloud &cloud, const QDateTime &now = kAnchor);

    QNetworkAccessManager &nam() { return m_nam; }
    const QByteArray &token() const { return m_token; }

    // GET /v3/projects/{project}/timeSeries?{query} with the session's token (or `bearer`).
    Reply timeSeries(const QString &query, const QByteArray &bearer = {}, const QString &project = {});
    // filter + interval from hours before the anchor + extra parameters; follows every page and
    // concatenates the series (series continued on the next page are joined by identity).
    QList<QJsonObject> series(const QString &filter, double fromHoursBack, double toHoursBack,
                              const QString &extra = {}, int *pages = nullptr);
    // GET a Vertex AI list (/v1/projects/{p}/locations/us-central1/{collection}) to the end.
    QList<QJsonObject> listAll(const QString &collection, int *pages);

private:
    demo::DemoGoogleCloud &m_cloud;
    QNetworkAccessManager m_nam;
    QByteArray m_token;
};

} // namespace mlwatch::test::gcp
