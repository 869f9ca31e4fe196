#include "core/auth/oauth_token_response.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace mlwatch {

namespace {

// RFC 6749 makes expires_in "recommended"; both clouds send it. Without it, assume the
// one-hour lifetime both clouds use, so the token is refreshed rather than kept forever.
constexpr qint64 kDefaultLifetimeSeconds = 3600;

std::optional<qint64> lifetimeSeconds(const QJsonValue &value) {
    if (value.isUndefined() || value.isNull())
        return kDefaultLifetimeSeconds;
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        if (seconds > 0 && seconds < 1e9)
            return qint64(seconds);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 seconds = value.toString().trimmed().toLongLong(&ok);
        if (ok && seconds > 0)
            return seconds;
    }
    return std::nullopt;
}

} // namespace

OAuthTokenResponse OAuthTokenResponse::parse(const HttpResponse &response, const QDateTime &now) {
    OAuthTokenResponse out;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    if (!doc.isObject())
        return out;
    const QJsonObject object = doc.object();
    out.error = object.value(QLatin1StringView("error")).toString();
    out.errorDescription = object.value(QLatin1StringView("error_description")).toString();
    const QJsonArray codes = object.value(QLatin1StringView("error_codes")).toArray();
    for (const QJsonValue &code : codes)
        if (code.isDouble())
            out.errorCodes.append(qint64(code.toDouble()));

    const QString accessToken = object.value(QLatin1StringView("access_token")).toString();
    if (response.isSuccess() && out.error.isEmpty() && !accessToken.isEmpty()) {
        const std::optional<qint64> lifetime = lifetimeSeconds(object.value(QLatin1StringView("expires_in")));
        if (!lifetime)
            return out; // a token without a usable lifetime is not readable: never cache it blindly
        AccessToken token;
        token.value = accessToken.toUtf8();
        token.expiresAt = now.toUTC().addSecs(*lifetime);
        out.token = std::move(token);
    }
    out.readable = out.token.has_value() || !out.error.isEmpty();
    return out;
}

QByteArray oauthFormBody(const QList<std::pair<QByteArray, QString>> &fields) {
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(QString::fromLatin1(name));
        body += '=';
        // toPercentEncoding keeps only ALPHA / DIGIT / "-" / "." / "_" / "~" as they are.
        body += QUrl::toPercentEncoding(value);
    }
    return body;
}

HttpRequest oauthTokenRequest(const QUrl &url, QByteArray formBody, const QString &callName) {
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = url;
    request.setHeader(QByteArrayLiteral("Content-Type"),
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.body = std::move(formBody);
    request.callName = callName;
    return request;
}

QString withoutSecrets(QString text, const QStringList &secrets) {
    for (const QString &secret : secrets)
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("***"));
    return text;
}

} // namespace mlwatch
