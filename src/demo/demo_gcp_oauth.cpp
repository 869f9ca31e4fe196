#include "demo/demo_gcp_oauth.h"

#include "demo/demo_gcp_key.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>

namespace mlwatch::demo {

namespace {

constexpr char kJwtBearerGrant[] = "urn:ietf:params:oauth:grant-type:jwt-bearer";
constexpr char kScopePrefix[] = "https://www.googleapis.com/auth/";
constexpr qint64 kMaxAssertionLifetimeSeconds = 3600;
// What `gcloud auth application-default login` grants; refresh requests may only narrow it.
const QStringList kUserScopes{QStringLiteral("https://www.googleapis.com/auth/cloud-platform"),
                              QStringLiteral("https://www.googleapis.com/auth/userinfo.email"),
                              QStringLiteral("openid"),
                              QStringLiteral("https://www.googleapis.com/auth/sqlservice.login")};
const QString kSeeConsole =
    QStringLiteral("See https://developers.google.com/identity/sign-in/web/devconsole-project.");

DemoGcpReply oauthError(int status, const QString &error, const QString &description) {
    return DemoGcpWire::json(status, QJsonObject{{QStringLiteral("error"), error},
                                                 {QStringLiteral("error_description"), description}});
}

DemoGcpReply invalidGrant(const QString &description) {
    return oauthError(400, QStringLiteral("invalid_grant"), description);
}

// Unpadded base64url (padding tolerated); nullopt when the text holds other characters.
std::optional<QByteArray> fromBase64Url(const QByteArray &text) {
    const QByteArray::FromBase64Result r = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!r || text.isEmpty())
        return std::nullopt;
    return r.decoded;
}

std::optional<QJsonObject> jsonSegment(const QByteArray &segment) {
    const std::optional<QByteArray> bytes = fromBase64Url(segment);
    if (!bytes)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes);
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

// A NumericDate claim: a JSON number without a fraction.
std::optional<qint64> numericDate(const QJsonObject &claims, const QString &name) {
    const QJsonValue v = claims.value(name);
    if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())))
        return std::nullopt;
    return qint64(v.toDouble());
}

QJsonArray errorInfo(const QString &reason, const QString &service) {
    return QJsonArray{
        QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.ErrorInfo")},
                    {QStringLiteral("reason"), reason},
                    {QStringLiteral("domain"), QStringLiteral("googleapis.com")},
                    {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("service"), service}}}}};
}

QString serviceOf(DemoGcpOAuth::Api api) {
    return api == DemoGcpOAuth::Api::Monitoring ? QStringLiteral("monitoring.googleapis.com")
                                                : QStringLiteral("aiplatform.googleapis.com");
}

QSet<QString> acceptedScopes(DemoGcpOAuth::Api api) {
    const QString p = QLatin1String(kScopePrefix);
    if (api == DemoGcpOAuth::Api::VertexAi)
        return {p + QStringLiteral("cloud-platform")};
    return {p + QStringLiteral("monitoring.read"), p + QStringLiteral("monitoring"),
            p + QStringLiteral("cloud-platform"), p + QStringLiteral("cloud-platform.read-only")};
}

DemoGcpReply withAuthenticateHeader(DemoGcpReply reply, const QByteArray &value) {
    reply.headers.append({QByteArrayLiteral("WWW-Authenticate"), value});
    return reply;
}

} // namespace

struct DemoGcpOAuth::PublicKey {
    EVP_PKEY *key = nullptr;
    ~PublicKey() { EVP_PKEY_free(key); }
};

DemoGcpOAuth::DemoGcpOAuth()
    : m_publicKey(std::make_unique<PublicKey>()) {
    // Load the private key once, keep only its public half (re-read from the DER SubjectPublicKeyInfo),
    // so that verification provably cannot use private material.
    const QByteArray pem = DemoGcpKey::privateKeyPem();
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *full = bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    unsigned char *der = nullptr;
    const int derLength = full ? i2d_PUBKEY(full, &der) : -1;
    if (derLength > 0) {
        const unsigned char *cursor = der;
        m_publicKey->key = d2i_PUBKEY(nullptr, &cursor, derLength);
    }
    OPENSSL_free(der);
    EVP_PKEY_free(full);
    Q_ASSERT_X(m_publicKey->key, "DemoGcpOAuth", "the embedded demo key does not load");
}

DemoGcpOAuth::~DemoGcpOAuth() = default;

bool DemoGcpOAuth::signatureValid(QByteArrayView signingInput, const QByteArray &signature) const {
    if (!m_publicKey->key || signature.isEmpty())
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool valid = false;
    if (ctx && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, m_publicKey->key) == 1) {
        // RS256 = RSASSA-PKCS1-v1_5 with SHA-256 (the RSA default padding).
        valid = EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.constData()),
                                 size_t(signature.size()),
                                 reinterpret_cast<const unsigned char *>(signingInput.data()),
                                 size_t(signingInput.size())) == 1;
    }
    EVP_MD_CTX_free(ctx);
    return valid;
}

DemoGcpReply DemoGcpOAuth::token(const QByteArray &contentType, const QByteArray &body, qint64 nowMs) {
    // A body in another content type is not read, so its fields count as missing (as in Google).
    const DemoGcpParams form = contentType.toLower().startsWith("application/x-www-form-urlencoded")
                                   ? DemoGcpParams::parse(body)
                                   : DemoGcpParams();
    const QString grant = form.value(u"grantType").value_or(QString());
    if (grant == QLatin1String(kJwtBearerGrant)) {
        const std::optional<QString> assertion = form.value(u"assertion");
        if (!assertion || assertion->isEmpty())
            return oauthError(400, QStringLiteral("invalid_request"),
                              QStringLiteral("Missing required parameter: assertion"));
        return jwtGrant(*assertion, nowMs);
    }
    if (grant == QLatin1String("refresh_token"))
        return refreshGrant(form, nowMs);
    return oauthError(400, QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("Invalid grant_type: ") + grant);
}

DemoGcpReply DemoGcpOAuth::jwtGrant(const QString &assertion, qint64 nowMs) {
    const QByteArray jwt = assertion.toLatin1();
    const QList<QByteArray> parts = jwt.split('.');
    const std::optional<QJsonObject> header = parts.size() == 3 ? jsonSegment(parts.at(0)) : std::nullopt;
    const std::optional<QJsonObject> claims = parts.size() == 3 ? jsonSegment(parts.at(1)) : std::nullopt;
    const std::optional<QByteArray> signature = parts.size() == 3 ? fromBase64Url(parts.at(2)) : std::nullopt;
    if (!header || !claims || !signature)
        return invalidGrant(QStringLiteral(
            "Invalid JWT: the assertion must be three dot-separated base64url segments: a JSON header, JSON "
            "claims and a signature."));
    if (header->value(QStringLiteral("alg")).toString() != QLatin1String("RS256"))
        return invalidGrant(QStringLiteral("Invalid JWT: the header's \"alg\" must be \"RS256\"."));
    if (header->contains(QStringLiteral("typ")) &&
        header->value(QStringLiteral("typ")).toString() != QLatin1String("JWT"))
        return invalidGrant(QStringLiteral("Invalid JWT: the header's \"typ\" must be \"JWT\"."));
    if (claims->value(QStringLiteral("iss")).toString() != QLatin1String(DemoGcpKey::kClientEmail))
        return invalidGrant(QStringLiteral("Invalid grant: account not found"));
    // A kid naming another key of the account, or a signature by another key: Google's message
    // is the same.
    const QJsonValue kid = header->value(QStringLiteral("kid"));
    if (!kid.isUndefined() && kid.toString() != QLatin1String(DemoGcpKey::kPrivateKeyId))
        return invalidGrant(QStringLiteral("Invalid JWT Signature."));
    if (!signatureValid(QByteArrayView(jwt).first(parts.at(0).size() + 1 + parts.at(1).size()), *signature))
        return invalidGrant(QStringLiteral("Invalid JWT Signature."));
    if (claims->value(QStringLiteral("aud")).toString() != QLatin1String(kTokenAudience))
        return invalidGrant(QStringLiteral("Invalid JWT: Failed audience check. The right audience is %1")
                                .arg(QLatin1String(kTokenAudience)));
    const std::optional<qint64> iat = numericDate(*claims, QStringLiteral("iat"));
    const std::optional<qint64> exp = numericDate(*claims, QStringLiteral("exp"));
    const qint64 now = nowMs / 1000;
    if (!iat || !exp || *exp <= *iat || *exp - *iat > kMaxAssertionLifetimeSeconds ||
        *iat > now + kAllowedSkewSeconds || *exp < now - kAllowedSkewSeconds)
        return invalidGrant(QStringLiteral("Invalid JWT: Token must be a short-lived token (60 minutes) and "
                                           "in a reasonable timeframe. Check "
                                           "your iat and exp values in the JWT claim."));
    const QStringList scopes =
        claims->value(QStringLiteral("scope")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const bool scopesValid =
        !scopes.isEmpty() && std::all_of(scopes.begin(), scopes.end(), [](const QString &s) {
            return s.startsWith(QLatin1String(kScopePrefix)) && s.size() > int(sizeof(kScopePrefix) - 1);
        });
    if (!scopesValid)
        return oauthError(400, QStringLiteral("invalid_scope"),
                          QStringLiteral("Invalid OAuth scope or ID token audience provided."));
    return issue(QSet<QString>(scopes.begin(), scopes.end()), false, nowMs, false);
}

DemoGcpReply DemoGcpOAuth::refreshGrant(const DemoGcpParams &form, qint64 nowMs) {
    const std::optional<QString> clientId = form.value(u"clientId");
    if (!clientId || clientId->isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("Could not determine client ID from request."));
    if (*clientId != QLatin1String(DemoGcpKey::kUserClientId))
        return oauthError(401, QStringLiteral("invalid_client"),
                          QStringLiteral("The OAuth client was not found."));
    if (form.value(u"clientSecret").value_or(QString()) != QLatin1String(DemoGcpKey::kUserClientSecret))
        return oauthError(401, QStringLiteral("invalid_client"), QStringLiteral("Unauthorized"));
    const std::optional<QString> refreshToken = form.value(u"refreshToken");
    if (!refreshToken || refreshToken->isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("Missing required parameter: refresh_token"));
    if (*refreshToken != QLatin1String(DemoGcpKey::kUserRefreshToken))
        return invalidGrant(QStringLiteral("Token has been expired or revoked."));
    QSet<QString> scopes(kUserScopes.begin(), kUserScopes.end());
    if (const std::optional<QString> asked = form.value(u"scope")) {
        const QStringList list = asked->split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &s : list)
            if (!scopes.contains(s))
                return oauthError(400, QStringLiteral("invalid_scope"),
                                  QStringLiteral("Some requested scopes were not granted: %1").arg(s));
        if (!list.isEmpty())
            scopes = QSet<QString>(list.begin(), list.end());
    }
    return issue(scopes, true, nowMs, true);
}

DemoGcpReply DemoGcpOAuth::issue(const QSet<QString> &scopes, bool user, qint64 nowMs, bool echoScope) {
    ++m_issuedCount;
    QStringList sorted(scopes.begin(), scopes.end());
    sorted.sort();
    const qint64 expiresMs = nowMs + qint64(m_lifetimeSeconds) * 1000;
    // Not the expiry: it follows the wall clock, and equal servers must issue equal tokens.
    const QByteArray seed = "mlwatch-demo-gcp-token:" + QByteArray::number(m_issuedCount) + ':' +
                            sorted.join(QLatin1Char(' ')).toUtf8() + (user ? ":user" : ":service-account");
    const QByteArray material = QCryptographicHash::hash(seed, QCryptographicHash::Sha512) +
                                QCryptographicHash::hash(QByteArray(seed + ":2"), QCryptographicHash::Sha256);
    const QByteArray token =
        "ya29." + material.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    m_tokens.insert(token, Issued{scopes, user, expiresMs});

    QJsonObject answer{{QStringLiteral("access_token"), QString::fromLatin1(token)},
                       {QStringLiteral("expires_in"), m_lifetimeSeconds},
                       {QStringLiteral("token_type"), QStringLiteral("Bearer")}};
    if (echoScope)
        answer.insert(QStringLiteral("scope"), sorted.join(QLatin1Char(' ')));
    DemoGcpReply reply = DemoGcpWire::json(200, answer);
    reply.headers.append({QByteArrayLiteral("Cache-Control"),
                          QByteArrayLiteral("no-cache, no-store, max-age=0, must-revalidate")});
    reply.headers.append({QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")});
    return reply;
}

std::optional<DemoGcpReply> DemoGcpOAuth::authorize(const QByteArray &authorization,
                                                    const QByteArray &userProject, Api api,
                                                    qint64 nowMs) const {
    const QString service = serviceOf(api);
    const QByteArray realm = QByteArrayLiteral("Bearer realm=\"https://accounts.google.com/\"");
    if (authorization.isEmpty() || !authorization.startsWith("Bearer ") || authorization.size() <= 7)
        return withAuthenticateHeader(
            DemoGcpWire::error(DemoGcpError{
                401, QStringLiteral("UNAUTHENTICATED"),
                QStringLiteral(
                    "Request is missing required authentication credential. Expected OAuth 2 access "
                    "token, login cookie or other valid authentication credential. ") +
                    kSeeConsole,
                errorInfo(QStringLiteral("CREDENTIALS_MISSING"), service)}),
            realm);
    const auto it = m_tokens.constFind(authorization.mid(7).trimmed());
    if (it == m_tokens.constEnd() || it->expiresMs <= nowMs) {
        const bool expired = it != m_tokens.constEnd();
        return withAuthenticateHeader(
            DemoGcpWire::error(DemoGcpError{
                401, QStringLiteral("UNAUTHENTICATED"),
                QStringLiteral(
                    "Request had invalid authentication credentials. Expected OAuth 2 access token, "
                    "login cookie or other valid authentication credential. ") +
                    kSeeConsole,
                errorInfo(expired ? QStringLiteral("ACCESS_TOKEN_EXPIRED")
                                  : QStringLiteral("ACCESS_TOKEN_TYPE_UNSUPPORTED"),
                          service)}),
            realm + ", error=\"invalid_token\"");
    }
    const QSet<QString> accepted = acceptedScopes(api);
    if (!it->scopes.intersects(accepted)) {
        QStringList needed(accepted.begin(), accepted.end());
        needed.sort();
        return withAuthenticateHeader(
            DemoGcpWire::error(
                DemoGcpError{403, QStringLiteral("PERMISSION_DENIED"),
                             QStringLiteral("Request had insufficient authentication scopes."),
                             errorInfo(QStringLiteral("ACCESS_TOKEN_SCOPE_INSUFFICIENT"), service)}),
            realm + ", error=\"insufficient_scope\", scope=\"" + needed.join(QLatin1Char(' ')).toUtf8() +
                '"');
    }
    if (it->user && m_requireQuotaProject && userProject.trimmed().isEmpty())
        return DemoGcpWire::error(DemoGcpError{
            403,
            QStringLiteral("PERMISSION_DENIED"),
            QStringLiteral(
                "Your application is authenticating by using local Application Default Credentials. The "
                "%1 API requires a quota project, which is not set by default. To learn how to set "
                "your quota project, see https://cloud.google.com/docs/authentication/adc-troubleshooting/"
                "user-creds .")
                .arg(service),
            {}});
    return std::nullopt;
}

} // namespace mlwatch::demo
