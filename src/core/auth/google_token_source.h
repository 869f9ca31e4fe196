#pragma once

#include "core/auth/access_token.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace mlwatch {

class HttpClient;

// Google OAuth 2.0 tokens (cloud-apis.md §3) from the verbatim credentials JSON:
//  - "service_account": a JWT {alg RS256, typ JWT, kid = private_key_id} with claims
//    iss = client_email, scope, aud = https://oauth2.googleapis.com/token (Google's documented
//    constant, also when token_uri points elsewhere), iat = now, exp = now + 3600, signed with the
//    key's private_key (OpenSSL libcrypto), exchanged at token_uri with
//    grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=JWT;
//  - "authorized_user": the refresh-token grant at https://oauth2.googleapis.com/token
//    (grant_type=refresh_token, client_id, client_secret, refresh_token).
// `tokenUrlOverride` replaces the token endpoint (tests, the demo); the caller checks it and the
// key's token_uri with EndpointPolicy first.
class GoogleTokenSource : public TokenSource {
    Q_OBJECT
public:
    static constexpr char kMonitoringScope[] = "https://www.googleapis.com/auth/monitoring.read";
    static constexpr char kDefaultTokenUri[] = "https://oauth2.googleapis.com/token";

    GoogleTokenSource(HttpClient &http, const Clock &clock, QByteArray credentialsJson,
                      QString scope = QString::fromLatin1(kMonitoringScope), QObject *parent = nullptr);

    void setTokenUrlOverride(const QUrl &url) { m_tokenUrlOverride = url; }
    // Where the token request goes: the override, else the key's token_uri, else Google's.
    QUrl tokenUrl() const;

    // The signed JWT for a service-account key at `now` (exposed for the independent signature
    // check in tests). BadArgument naming the field when the key is not usable.
    static Result<QByteArray> serviceAccountAssertion(const QByteArray &credentialsJson, const QString &scope,
                                                      const QDateTime &now);

protected:
    void fetchToken(TokenDone done) override;

private:
    HttpClient &m_http;
    QByteArray m_credentialsJson; // in memory only
    QString m_scope;
    QUrl m_tokenUrlOverride;
};

} // namespace mlwatch
