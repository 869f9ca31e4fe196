#pragma once

#include "demo/demo_azure_wire.h"

#include <QHash>
#include <QUrl>

namespace mlwatch::demo {

// The simulated Microsoft Entra ID token endpoint and the bearer-token check of the simulated
// ARM and metrics data plane (cloud-apis.md §2.1). Tokens are opaque, random-looking strings
// bound to the scope they were issued for and to an expiry on the server's clock; they are
// derived from a counter, so two servers issuing in the same order issue the same tokens.
class DemoAzureEntra {
public:
    enum class Audience { Arm, Batch };
    static constexpr char kArmScope[] = "https://management.azure.com/.default";
    static constexpr char kBatchScope[] = "https://metrics.monitor.azure.com/.default";

    DemoAzureEntra(QString tenantId, QString clientId, QString clientSecret);

    void setAcceptedSecret(const QString &secret) { m_secret = secret; }
    void setTokenLifetimeSeconds(int seconds) { m_lifetimeSeconds = seconds; }
    // The authority URL the 401 answers' WWW-Authenticate names ("http://127.0.0.1:PORT").
    void setAuthority(const QUrl &authority) { m_authority = authority; }

    // POST /{tenantInPath}/oauth2/v2.0/token with a form body. Answers like Entra ID: a token
    // whose expires_in is a JSON number for the ARM scope and a JSON string for the batch scope
    // (real services differ; clients must cope with both), or the AADSTS error JSON.
    DemoAzureReply token(const QString &tenantInPath, const QByteArray &contentType, const QByteArray &body,
                         qint64 nowMs);

    // nullopt when `authorization` carries a live token for `needed`; else the 401 to answer
    // (ARM envelope: AuthenticationFailed, InvalidAuthenticationToken,
    // InvalidAuthenticationTokenAudience or ExpiredAuthenticationToken, plus WWW-Authenticate).
    std::optional<DemoAzureReply> authorize(const QByteArray &authorization, Audience needed,
                                            qint64 nowMs) const;

    int tokensIssued() const { return m_issuedCount; }

private:
    struct Issued {
        Audience audience = Audience::Arm;
        qint64 expiresMs = 0;
    };
    DemoAzureReply aadError(int status, const QString &error, int code, const QString &description,
                            qint64 nowMs) const;
    DemoAzureReply unauthorized(const QString &code, const QString &message) const;

    QString m_tenantId;
    QString m_clientId;
    QString m_secret;
    QUrl m_authority;
    int m_lifetimeSeconds = 3599;
    int m_issuedCount = 0;
    QHash<QByteArray, Issued> m_tokens;
};

} // namespace mlwatch::demo
