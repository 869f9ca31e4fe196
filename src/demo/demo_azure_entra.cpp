#include "demo/demo_azure_entra.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QTimeZone>

namespace mlwatch::demo {

namespace {

QString guidFrom(const QByteArray &seed) {
    const QByteArray h = QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex();
    return QString::fromLatin1(h.mid(0, 8) + '-' + h.mid(8, 4) + '-' + h.mid(12, 4) + '-' + h.mid(16, 4) +
                               '-' + h.mid(20, 12));
}

QString utcText(qint64 ms, const QString &format) {
    return QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()), format);
}

// ARM prints token times the .NET way: "11/20/2026 1:00:03 PM".
QString armTime(qint64 ms) {
    return utcText(ms, QStringLiteral("M/d/yyyy h:mm:ss AP"));
}

QString audienceUri(DemoAzureEntra::Audience a) {
    return a == DemoAzureEntra::Audience::Arm ? QStringLiteral("https://management.azure.com")
                                              : QStringLiteral("https://metrics.monitor.azure.com");
}

} // namespace

DemoAzureEntra::DemoAzureEntra(QString tenantId, QString clientId, QString clientSecret)
    : m_tenantId(std::move(tenantId))
    , m_clientId(std::move(clientId))
    , m_secret(std::move(clientSecret)) {}

DemoAzureReply DemoAzureEntra::aadError(int status, const QString &error, int code,
                                        const QString &description, qint64 nowMs) const {
    const QByteArray seed = QByteArray::number(code) + ':' + QByteArray::number(nowMs);
    const QString trace = guidFrom("trace:" + seed);
    const QString correlation = guidFrom("correlation:" + seed);
    const QString timestamp = utcText(nowMs, QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    const QString text = QStringLiteral("AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\nTimestamp: %5")
                             .arg(code)
                             .arg(description, trace, correlation, timestamp);
    return DemoAzureWire::json(
        status, QJsonObject{{QStringLiteral("error"), error},
                            {QStringLiteral("error_description"), text},
                            {QStringLiteral("error_codes"), QJsonArray{code}},
                            {QStringLiteral("timestamp"), timestamp},
                            {QStringLiteral("trace_id"), trace},
                            {QStringLiteral("correlation_id"), correlation},
                            {QStringLiteral("error_uri"),
                             QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(code)}});
}

DemoAzureReply DemoAzureEntra::token(const QString &tenantInPath, const QByteArray &contentType,
                                     const QByteArray &body, qint64 nowMs) {
    if (tenantInPath.compare(m_tenantId, Qt::CaseInsensitive) != 0)
        return aadError(
            400, QStringLiteral("invalid_request"), 90002,
            QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID "
                           "and are signing into the correct cloud.")
                .arg(tenantInPath),
            nowMs);
    // A body in another content type is not read at all, so its fields count as missing.
    const DemoAzureParams form = contentType.toLower().startsWith("application/x-www-form-urlencoded")
                                     ? DemoAzureParams::parse(body)
                                     : DemoAzureParams();
    const auto missing = [&](const char *field) {
        return aadError(400, QStringLiteral("invalid_request"), 900144,
                        QStringLiteral("The request body must contain the following parameter: '%1'.")
                            .arg(QLatin1String(field)),
                        nowMs);
    };
    const std::optional<QString> grant = form.value(u"grant_type");
    if (!grant)
        return missing("grant_type");
    if (*grant != QLatin1String("client_credentials"))
        return aadError(400, QStringLiteral("unsupported_grant_type"), 70003,
                        QStringLiteral("The app requested an unsupported grant type '%1'.").arg(*grant),
                        nowMs);
    const std::optional<QString> client = form.value(u"client_id");
    if (!client)
        return missing("client_id");
    if (client->compare(m_clientId, Qt::CaseInsensitive) != 0)
        return aadError(
            400, QStringLiteral("unauthorized_client"), 700016,
            QStringLiteral("Application with identifier '%1' was not found in the directory '%2'.")
                .arg(*client, m_tenantId),
            nowMs);
    const std::optional<QString> secret = form.value(u"client_secret");
    if (!secret)
        return aadError(401, QStringLiteral("invalid_client"), 7000216,
                        QStringLiteral("'client_assertion', 'client_secret' or 'request' is required for the "
                                       "'client_credentials' grant type."),
                        nowMs);
    if (*secret != m_secret)
        return aadError(
            401, QStringLiteral("invalid_client"), 7000215,
            QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the request "
                           "is the client secret value, not the client secret ID, for a secret added to "
                           "app '%1'.")
                .arg(m_clientId),
            nowMs);
    const std::optional<QString> scope = form.value(u"scope");
    if (!scope)
        return missing("scope");
    Audience audience = Audience::Arm;
    if (*scope == QLatin1String(kBatchScope))
        audience = Audience::Batch;
    else if (*scope != QLatin1String(kArmScope))
        return aadError(
            400, QStringLiteral("invalid_scope"), 70011,
            QStringLiteral("The provided value for the input parameter 'scope' is not valid. The scope "
                           "%1 is not valid.")
                .arg(*scope),
            nowMs);

    ++m_issuedCount;
    const qint64 expiresMs = nowMs + qint64(m_lifetimeSeconds) * 1000;
    const QByteArray seed = "mlwatch-demo-token:" + QByteArray::number(m_issuedCount) + ':' +
                            scope->toUtf8() + ':' + QByteArray::number(expiresMs);
    const QByteArray material = QCryptographicHash::hash(seed, QCryptographicHash::Sha512) +
                                QCryptographicHash::hash(QByteArray(seed + ":2"), QCryptographicHash::Sha256);
    const QByteArray token =
        material.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    m_tokens.insert(token, Issued{audience, expiresMs});

    QJsonObject answer{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("access_token"), QString::fromLatin1(token)}};
    if (audience == Audience::Arm) {
        answer.insert(QStringLiteral("expires_in"), m_lifetimeSeconds);
        answer.insert(QStringLiteral("ext_expires_in"), m_lifetimeSeconds);
    } else {
        answer.insert(QStringLiteral("expires_in"), QString::number(m_lifetimeSeconds));
        answer.insert(QStringLiteral("ext_expires_in"), QString::number(m_lifetimeSeconds));
    }
    DemoAzureReply reply = DemoAzureWire::json(200, answer);
    reply.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store, no-cache")});
    return reply;
}

DemoAzureReply DemoAzureEntra::unauthorized(const QString &code, const QString &message) const {
    DemoAzureReply reply = DemoAzureWire::armError(DemoError{401, code, message, true});
    const QString authority = m_authority.toString(QUrl::StripTrailingSlash) + QLatin1Char('/') + m_tenantId;
    reply.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                          QStringLiteral("Bearer authorization_uri=\"%1\", error=\"invalid_token\", "
                                         "error_description=\"%2\"")
                              .arg(authority, message)
                              .toUtf8()});
    return reply;
}

std::optional<DemoAzureReply> DemoAzureEntra::authorize(const QByteArray &authorization, Audience needed,
                                                        qint64 nowMs) const {
    if (authorization.isEmpty())
        return unauthorized(QStringLiteral("AuthenticationFailed"),
                            QStringLiteral("Authentication failed. The 'Authorization' header is missing."));
    if (!authorization.startsWith("Bearer ") || authorization.size() <= 7)
        return unauthorized(
            QStringLiteral("AuthenticationFailed"),
            QStringLiteral("Authentication failed. The 'Authorization' header is provided in an "
                           "invalid format."));
    const auto it = m_tokens.constFind(authorization.mid(7).trimmed());
    if (it == m_tokens.constEnd())
        return unauthorized(QStringLiteral("InvalidAuthenticationToken"),
                            QStringLiteral("The access token is invalid."));
    if (it->audience != needed)
        return unauthorized(
            QStringLiteral("InvalidAuthenticationTokenAudience"),
            QStringLiteral("The access token has been obtained for wrong audience or resource '%1'. It "
                           "should exactly match with one of the allowed audiences '%2','%2/'.")
                .arg(audienceUri(it->audience), audienceUri(needed)));
    if (it->expiresMs <= nowMs)
        return unauthorized(
            QStringLiteral("ExpiredAuthenticationToken"),
            QStringLiteral("The access token expiry UTC time '%1' is earlier than current UTC time "
                           "'%2'.")
                .arg(armTime(it->expiresMs), armTime(nowMs)));
    return std::nullopt;
}

} // namespace mlwatch::demo
