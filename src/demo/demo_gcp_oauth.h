#pragma once

#include "demo/demo_gcp_wire.h"

#include <QHash>
#include <QSet>

#include <memory>

namespace mlwatch::demo {

// The simulated Google OAuth 2.0 token endpoint (POST /token) and the bearer-token check of the
// simulated APIs (cloud-apis.md §3.1, §3.7):
//  - the JWT-bearer grant of a service-account key: the assertion is parsed and VERIFIED like
//    Google does — header alg RS256 (kid, when present, must name the demo key), iss = the demo
//    key's client_email, aud = Google's constant https://oauth2.googleapis.com/token (whatever
//    token_uri the request was posted to), iat/exp at most one hour apart and within
//    kAllowedSkewSeconds of the server's clock, a scope, and the RS256 signature checked with
//    OpenSSL against the PUBLIC half of the demo key;
//  - the refresh-token grant of the demo authorized-user file.
// Failures answer Google's OAuth error JSON ({"error":"invalid_grant","error_description":…}).
// Tokens are opaque "ya29." strings derived from a counter (two servers issuing in the same order
// issue the same tokens), bound to their scopes, their kind (service account or user) and an
// expiry on the server's clock.
class DemoGcpOAuth {
public:
    static constexpr char kTokenAudience[] = "https://oauth2.googleapis.com/token";
    static constexpr char kMonitoringReadScope[] = "https://www.googleapis.com/auth/monitoring.read";
    static constexpr char kCloudPlatformScope[] = "https://www.googleapis.com/auth/cloud-platform";
    // How far iat may lie in the server's future, and exp in its past (Google's is unpublished).
    static constexpr qint64 kAllowedSkewSeconds = 300;

    // Which API a call is for: Cloud Monitoring reads accept monitoring.read, monitoring,
    // cloud-platform(.read-only); the Vertex AI REST API needs cloud-platform.
    enum class Api { Monitoring, VertexAi };

    DemoGcpOAuth();
    ~DemoGcpOAuth();
    DemoGcpOAuth(const DemoGcpOAuth &) = delete;
    DemoGcpOAuth &operator=(const DemoGcpOAuth &) = delete;

    void setTokenLifetimeSeconds(int seconds) { m_lifetimeSeconds = seconds; }
    // With user (authorized_user) tokens, Google's APIs want an x-goog-user-project header naming
    // the quota project (cloud-apis.md §4 pitfall 29); on by default, as in Google.
    void setRequireQuotaProjectForUsers(bool require) { m_requireQuotaProject = require; }

    // POST /token with a form body.
    DemoGcpReply token(const QByteArray &contentType, const QByteArray &body, qint64 nowMs);

    // nullopt when `authorization` carries a live token good for `api`; else Google's 401
    // UNAUTHENTICATED or 403 PERMISSION_DENIED answer (with WWW-Authenticate).
    std::optional<DemoGcpReply> authorize(const QByteArray &authorization, const QByteArray &userProject,
                                          Api api, qint64 nowMs) const;

    int tokensIssued() const { return m_issuedCount; }

private:
    struct Issued {
        QSet<QString> scopes;
        bool user = false;
        qint64 expiresMs = 0;
    };
    DemoGcpReply jwtGrant(const QString &assertion, qint64 nowMs);
    DemoGcpReply refreshGrant(const DemoGcpParams &form, qint64 nowMs);
    DemoGcpReply issue(const QSet<QString> &scopes, bool user, qint64 nowMs, bool echoScope);
    bool signatureValid(QByteArrayView signingInput, const QByteArray &signature) const;

    struct PublicKey;
    std::unique_ptr<PublicKey> m_publicKey; // the demo key's public half only
    int m_lifetimeSeconds = 3599;
    bool m_requireQuotaProject = true;
    int m_issuedCount = 0;
    QHash<QByteArray, Issued> m_tokens;
};

} // namespace mlwatch::demo
