#include "core/auth/azure_token_source.h"

#include "core/auth/oauth_token_response.h"
#include "core/common/clock.h"
#include "core/net/http_client.h"

#include <QRegularExpression>

namespace mlwatch {

namespace {

// Tenant ids are GUIDs or domain names ("contoso.onmicrosoft.com"): nothing that could leave
// the path segment it is put in.
bool isPlausibleTenant(const QString &tenant) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$"));
    return pattern.match(tenant).hasMatch();
}

// The AADSTS number of an Entra ID error: from error_codes, else from the description's prefix
// ("AADSTS7000215: Invalid client secret provided…").
qint64 aadstsCode(const OAuthTokenResponse &answer) {
    if (!answer.errorCodes.isEmpty())
        return answer.errorCodes.constFirst();
    static const QRegularExpression prefix(QStringLiteral("^AADSTS(\\d+)"));
    const QRegularExpressionMatch match = prefix.match(answer.errorDescription);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

// The description's first line without Entra ID's trace/correlation trailer: enough for a log.
QString shortDescription(const QString &description) {
    QString text = description;
    const qsizetype trace = text.indexOf(QLatin1String(" Trace ID:"));
    if (trace >= 0)
        text.truncate(trace);
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    if (newline >= 0)
        text.truncate(newline);
    return text.trimmed();
}

} // namespace

AzureTokenSource::AzureTokenSource(HttpClient &http, const Clock &clock, Config config, QObject *parent)
    : TokenSource(clock, parent)
    , m_http(http)
    , m_config(std::move(config)) {}

QUrl AzureTokenSource::tokenUrl() const {
    QUrl url = m_config.authorityHost.isEmpty() ? QUrl(QString::fromLatin1(kDefaultAuthorityHost))
                                                : m_config.authorityHost;
    // AZURE_AUTHORITY_HOST is usually written with a trailing slash; a path prefix (a proxy's)
    // is kept. The tenant is one path segment, percent-encoded by QUrl.
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + m_config.tenantId + QStringLiteral("/oauth2/v2.0/token"));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void AzureTokenSource::fetchToken(TokenDone done) {
    const QString tenant = m_config.tenantId;
    const QString client = m_config.clientId;
    if (!isPlausibleTenant(tenant)) {
        done(Error{ErrorCode::BadArgument,
                   tr("The Azure tenant id \"%1\" is not valid. Use the directory (tenant) id, a GUID, or "
                      "the tenant's domain name.")
                       .arg(tenant),
                   QString()});
        return;
    }
    if (client.trimmed().isEmpty()) {
        done(Error{ErrorCode::BadArgument,
                   tr("The Azure account for tenant %1 has no client id. Enter the application "
                      "(client) id of the app registration.")
                       .arg(tenant),
                   QString()});
        return;
    }
    if (m_config.clientSecret.isEmpty()) {
        done(Error{ErrorCode::NoCredentials,
                   tr("No client secret is stored for Azure client %1 in tenant %2. Enter it in "
                      "Accounts… and try again.")
                       .arg(client, tenant),
                   QString()});
        return;
    }
    const QUrl url = tokenUrl();
    // The secret travels in the body, which HttpClient's Authorization-header rule cannot see.
    if (!HttpClient::mayCarryCredentials(url)) {
        done(Error{ErrorCode::BadArgument,
                   tr("Refusing to send the Azure client secret to %1 without TLS. Use an https:// "
                      "authority host (plain http is allowed only for this computer's loopback address).")
                       .arg(url.host()),
                   QStringLiteral("scheme=%1").arg(url.scheme())});
        return;
    }

    // Field order as the Azure SDK for C++ sends it (cloud-apis.md §2.1).
    const QByteArray body = oauthFormBody({{"grant_type", QStringLiteral("client_credentials")},
                                           {"client_id", client},
                                           {"client_secret", m_config.clientSecret},
                                           {"scope", m_config.scope}});
    const HttpRequest request = oauthTokenRequest(url, body, tr("Azure sign-in"));
    const QDateTime sentAt = clock().nowUtc();
    // `this` is the context: a source destroyed mid-request aborts it, and nobody is called.
    const QString host = url.host();
    m_http.send(request, this, [this, done = std::move(done), sentAt, host](Result<HttpResponse> result) {
        if (!result) {
            done(result.error());
            return;
        }
        const QString tenantId = m_config.tenantId;
        const QString clientId = m_config.clientId;
        const OAuthTokenResponse answer = OAuthTokenResponse::parse(*result, sentAt);
        if (answer.token) {
            done(*answer.token);
            return;
        }
        if (!answer.readable) {
            const ErrorCode code = result->status >= 500 ? ErrorCode::ServiceError : ErrorCode::BadResponse;
            done(Error{code,
                       tr("The Azure sign-in endpoint %1 answered HTTP %2 with something that is not a "
                          "token response. Check the authority host.")
                           .arg(host)
                           .arg(result->status),
                       QString()});
            return;
        }
        const qint64 aadsts = aadstsCode(answer);
        const QString detail =
            withoutSecrets(answer.error + QStringLiteral(": ") + shortDescription(answer.errorDescription),
                           {m_config.clientSecret});
        const QString codeText =
            aadsts > 0 ? QStringLiteral("AADSTS") + QString::number(aadsts) : answer.error;
        if (result->status == 429 || answer.error == QLatin1String("temporarily_unavailable")) {
            done(Error{ErrorCode::Throttled,
                       tr("Entra ID is busy and did not sign in client %1 of tenant %2 (%3). Try again in a "
                          "minute.")
                           .arg(clientId, tenantId, codeText),
                       detail});
            return;
        }
        QString message;
        switch (aadsts) {
        case 7000215:
            message = tr("Azure rejected the client secret of client %1 in tenant %2 (AADSTS7000215). Enter "
                         "the secret's value (not its id) from the app registration's \"Certificates & "
                         "secrets\" page.")
                          .arg(clientId, tenantId);
            break;
        case 7000222:
            message = tr("The client secret of client %1 in tenant %2 has expired (AADSTS7000222). Create a "
                         "new secret in the app registration and store it in the Accounts dialog.")
                          .arg(clientId, tenantId);
            break;
        case 700016:
            message = tr("Tenant %2 has no application with client id %1 (AADSTS700016). Check the client "
                         "id and the tenant id, or ask an administrator to add the app to that tenant.")
                          .arg(clientId, tenantId);
            break;
        case 90002:
        case 900023:
            message = tr("Entra ID does not know tenant %1 (AADSTS%2) for client %3. Check the tenant id "
                         "and, for sovereign clouds, the authority host.")
                          .arg(tenantId)
                          .arg(aadsts)
                          .arg(clientId);
            break;
        default:
            if (result->status >= 500) {
                done(Error{ErrorCode::ServiceError,
                           tr("Entra ID failed to sign in client %1 of tenant %2 (%3). Try again later.")
                               .arg(clientId, tenantId, codeText),
                           detail});
                return;
            }
            message = tr("Azure refused to sign in client %1 of tenant %2 (%3). Check the tenant id, the "
                         "client id and the client secret in the Accounts dialog.")
                          .arg(clientId, tenantId, codeText);
            break;
        }
        done(Error{ErrorCode::AuthRejected, message, detail});
    });
}

} // namespace mlwatch
