#include "core/auth/google_token_source.h"

#include "core/auth/oauth_token_response.h"
#include "core/auth/rs256_signer.h"
#include "core/common/clock.h"
#include "core/net/http_client.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace mlwatch {

namespace {

constexpr char kJwtBearerGrant[] = "urn:ietf:params:oauth:grant-type:jwt-bearer";
// Google caps an assertion's lifetime at one hour (cloud-apis.md §3.1).
constexpr qint64 kAssertionLifetimeSeconds = 3600;

const QString kServiceAccount = QStringLiteral("service_account");
const QString kAuthorizedUser = QStringLiteral("authorized_user");

// The credentials JSON as an object; BadArgument with the parser's position (never content).
Result<QJsonObject> readCredentials(const QByteArray &json) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::BadArgument,
                     GoogleTokenSource::tr("The Google credentials are not valid JSON (%1 at character %2).")
                         .arg(parseError.errorString())
                         .arg(parseError.offset),
                     QString()};
    if (!doc.isObject())
        return Error{ErrorCode::BadArgument,
                     GoogleTokenSource::tr("The Google credentials are not a JSON object."), QString()};
    return doc.object();
}

// A required, non-empty string field; the error names the field and the kind of file.
Result<QString> requiredField(const QJsonObject &object, const char *field, const QString &fileKind) {
    const QString value = object.value(QLatin1StringView(field)).toString();
    if (value.trimmed().isEmpty())
        return Error{ErrorCode::BadArgument,
                     GoogleTokenSource::tr(
                         "The %1 has no \"%2\" field (or it is empty). Download the file again or import "
                         "another one.")
                         .arg(fileKind, QString::fromLatin1(field)),
                     QString()};
    return value;
}

QString serviceAccountKeyName() {
    return GoogleTokenSource::tr("Google service-account key");
}

QString authorizedUserFileName() {
    return GoogleTokenSource::tr("Google authorized-user credentials file");
}

Error unsupportedType(const QString &type) {
    if (type.isEmpty())
        return {ErrorCode::BadArgument,
                GoogleTokenSource::tr(
                    "The Google credentials have no \"type\" field. Use a service-account key (type "
                    "\"service_account\") or an application-default credentials file (type "
                    "\"authorized_user\")."),
                QString()};
    return {ErrorCode::BadArgument,
            GoogleTokenSource::tr(
                "Google credentials of type \"%1\" are not supported yet. Use a service-account key or "
                "an application-default credentials file from \"gcloud auth application-default login\".")
                .arg(type),
            QString()};
}

QByteArray compactJson(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

GoogleTokenSource::GoogleTokenSource(HttpClient &http, const Clock &clock, QByteArray credentialsJson,
                                     QString scope, QObject *parent)
    : TokenSource(clock, parent)
    , m_http(http)
    , m_credentialsJson(std::move(credentialsJson))
    , m_scope(std::move(scope)) {}

QUrl GoogleTokenSource::tokenUrl() const {
    if (!m_tokenUrlOverride.isEmpty())
        return m_tokenUrlOverride;
    const Result<QJsonObject> object = readCredentials(m_credentialsJson);
    if (object) {
        const QString tokenUri = object->value(QLatin1StringView("token_uri")).toString().trimmed();
        if (!tokenUri.isEmpty())
            return QUrl(tokenUri);
    }
    return QUrl(QString::fromLatin1(kDefaultTokenUri));
}

Result<QByteArray> GoogleTokenSource::serviceAccountAssertion(const QByteArray &credentialsJson,
                                                              const QString &scope, const QDateTime &now) {
    const Result<QJsonObject> object = readCredentials(credentialsJson);
    if (!object)
        return object.error();
    const QString type = object->value(QLatin1StringView("type")).toString();
    if (type != kServiceAccount)
        return unsupportedType(type);
    const Result<QString> email = requiredField(*object, "client_email", serviceAccountKeyName());
    if (!email)
        return email.error();
    const Result<QString> pem = requiredField(*object, "private_key", serviceAccountKeyName());
    if (!pem)
        return pem.error();

    QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                       {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QString keyId = object->value(QLatin1StringView("private_key_id")).toString();
    if (!keyId.isEmpty())
        header.insert(QStringLiteral("kid"), keyId); // lets Google pick the public key at once

    const qint64 iat = now.toSecsSinceEpoch();
    // `aud` is always Google's token endpoint, whatever token_uri says: Google documents it as
    // "always https://oauth2.googleapis.com/token" and google-auth sends that constant, so a test
    // or proxy token_uri changes where the assertion goes, not what it claims.
    const QJsonObject claims{{QStringLiteral("iss"), *email},
                             {QStringLiteral("scope"), scope},
                             {QStringLiteral("aud"), QString::fromLatin1(kDefaultTokenUri)},
                             {QStringLiteral("iat"), iat},
                             {QStringLiteral("exp"), iat + kAssertionLifetimeSeconds}};

    const QByteArray signingInput =
        Rs256Signer::base64Url(compactJson(header)) + '.' + Rs256Signer::base64Url(compactJson(claims));
    const Result<QByteArray> signature = Rs256Signer::sign(pem->toUtf8(), signingInput);
    if (!signature)
        return Error{ErrorCode::BadArgument,
                     tr("The \"private_key\" of the Google service-account key for %1 cannot be used: %2")
                         .arg(*email, signature.error().message),
                     signature.error().detail};
    return QByteArray(signingInput + '.' + Rs256Signer::base64Url(*signature));
}

void GoogleTokenSource::fetchToken(TokenDone done) {
    const Result<QJsonObject> object = readCredentials(m_credentialsJson);
    if (!object) {
        done(object.error());
        return;
    }
    const QString type = object->value(QLatin1StringView("type")).toString();
    const QDateTime now = clock().nowUtc();

    QByteArray body;
    QString who;         // names the identity in messages: an e-mail or an OAuth client id
    QStringList secrets; // what must never appear in an error text, even echoed by a server
    if (type == kServiceAccount) {
        const Result<QByteArray> assertion = serviceAccountAssertion(m_credentialsJson, m_scope, now);
        if (!assertion) {
            done(assertion.error());
            return;
        }
        who = object->value(QLatin1StringView("client_email")).toString();
        secrets = {QString::fromLatin1(*assertion)};
        body = oauthFormBody({{"grant_type", QString::fromLatin1(kJwtBearerGrant)},
                              {"assertion", QString::fromLatin1(*assertion)}});
    } else if (type == kAuthorizedUser) {
        const QString fileKind = authorizedUserFileName();
        const Result<QString> clientId = requiredField(*object, "client_id", fileKind);
        const Result<QString> clientSecret = requiredField(*object, "client_secret", fileKind);
        const Result<QString> refreshToken = requiredField(*object, "refresh_token", fileKind);
        for (const Result<QString> *field : {&clientId, &clientSecret, &refreshToken}) {
            if (!*field) {
                done(field->error());
                return;
            }
        }
        who = *clientId;
        secrets = {*clientSecret, *refreshToken};
        // No scope: a refresh may only narrow the granted scopes, and gcloud's grant
        // (cloud-platform, …) does not list monitoring.read by name, so asking for it fails.
        body = oauthFormBody({{"grant_type", QStringLiteral("refresh_token")},
                              {"client_id", *clientId},
                              {"client_secret", *clientSecret},
                              {"refresh_token", *refreshToken}});
    } else {
        done(unsupportedType(type));
        return;
    }

    const QUrl url = tokenUrl();
    if (!HttpClient::mayCarryCredentials(url)) {
        done(Error{ErrorCode::BadArgument,
                   tr("Refusing to send Google credentials to %1 without TLS. The token_uri must be https:// "
                      "(plain http is allowed only for this computer's loopback address).")
                       .arg(url.host()),
                   QStringLiteral("scheme=%1").arg(url.scheme())});
        return;
    }
    const HttpRequest request = oauthTokenRequest(url, body, tr("Google sign-in"));
    const bool isServiceAccount = type == kServiceAccount;
    const QString host = url.host();
    m_http.send(
        request, this,
        [done = std::move(done), now, who, secrets, isServiceAccount, host](Result<HttpResponse> result) {
            if (!result) {
                done(result.error());
                return;
            }
            const OAuthTokenResponse answer = OAuthTokenResponse::parse(*result, now);
            if (answer.token) {
                done(*answer.token);
                return;
            }
            if (!answer.readable) {
                done(Error{result->status >= 500 ? ErrorCode::ServiceError : ErrorCode::BadResponse,
                           tr("The Google token endpoint %1 answered HTTP %2 with something that is "
                              "not a token response. Check the key's token_uri.")
                               .arg(host)
                               .arg(result->status),
                           QString()});
                return;
            }
            const QString detail =
                withoutSecrets(answer.error + QStringLiteral(": ") + answer.errorDescription, secrets);
            const QString description = answer.errorDescription;
            if (result->status == 429 || result->status >= 500) {
                done(Error{result->status == 429 ? ErrorCode::Throttled : ErrorCode::ServiceError,
                           tr("Google could not sign in %1 right now (%2, HTTP %3). Try again later.")
                               .arg(who, answer.error)
                               .arg(result->status),
                           detail});
                return;
            }
            QString message;
            if (answer.error == QLatin1String("invalid_grant") && isServiceAccount) {
                // "Invalid JWT: Token must be a short-lived token (60 minutes) and in a
                // reasonable timeframe. Check your iat and exp values…" is the clock;
                // "Invalid JWT Signature." and "account not found" are a gone key.
                if (description.contains(QLatin1String("timeframe"), Qt::CaseInsensitive) ||
                    description.contains(QLatin1String("iat and exp"), Qt::CaseInsensitive))
                    message = tr("Google refused the sign-in of service account %1 because this "
                                 "computer's clock is off (invalid_grant: Invalid JWT). Set the clock "
                                 "automatically (NTP) and try again.")
                                  .arg(who);
                else if (description.contains(QLatin1String("Invalid JWT Signature"), Qt::CaseInsensitive) ||
                         description.contains(QLatin1String("not found"), Qt::CaseInsensitive))
                    message = tr("Service account %1 or this key of it no longer exists (invalid_grant). "
                                 "Create a new key for it and import that key.")
                                  .arg(who);
                else
                    message = tr("Google refused the key of service account %1 (invalid_grant). The "
                                 "key may have been deleted or disabled: create a new key and import "
                                 "it.")
                                  .arg(who);
            } else if (answer.error == QLatin1String("invalid_grant")) {
                message = tr("The Google sign-in of OAuth client %1 has expired or was revoked "
                             "(invalid_grant). Run \"gcloud auth application-default login\" and "
                             "import the credentials again.")
                              .arg(who);
            } else if (answer.error == QLatin1String("invalid_client")) {
                message = tr("Google does not accept the OAuth client of %1 (invalid_client). Import "
                             "fresh credentials.")
                              .arg(who);
            } else {
                message = tr("Google refused to sign in %1 (%2). Check the credentials, or import "
                             "fresh ones.")
                              .arg(who, answer.error);
            }
            done(Error{ErrorCode::AuthRejected, message, detail});
        });
}

} // namespace mlwatch
