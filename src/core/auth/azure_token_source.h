#pragma once

#include "core/auth/access_token.h"

#include <QString>
#include <QUrl>

namespace mlwatch {

class HttpClient;

// Microsoft Entra ID client-credentials flow (cloud-apis.md §2): POST
// {authorityHost}/{tenantId}/oauth2/v2.0/token, form body grant_type=client_credentials,
// client_id, client_secret, scope (e.g. "https://management.azure.com/.default").
// `expires_in` may arrive as a number or a string. Errors: AADSTS codes in the body become
// AuthRejected messages that name the tenant/client and the remedy, never the secret.
class AzureTokenSource : public TokenSource {
    Q_OBJECT
public:
    static constexpr char kDefaultAuthorityHost[] = "https://login.microsoftonline.com";
    static constexpr char kArmScope[] = "https://management.azure.com/.default";

    struct Config {
        QUrl authorityHost; // empty = kDefaultAuthorityHost (sovereign clouds differ; AZURE_AUTHORITY_HOST)
        QString tenantId;
        QString clientId;
        QString clientSecret; // in memory only
        QString scope = QString::fromLatin1(kArmScope);
    };

    AzureTokenSource(HttpClient &http, const Clock &clock, Config config, QObject *parent = nullptr);

    // The token endpoint the config resolves to.
    QUrl tokenUrl() const;

protected:
    void fetchToken(TokenDone done) override;

private:
    HttpClient &m_http;
    Config m_config;
};

} // namespace mlwatch
