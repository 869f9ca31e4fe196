#pragma once

#include "core/auth/access_token.h"
#include "core/net/http_types.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace mlwatch {

// What an OAuth 2.0 token endpoint answered (RFC 6749 §5.1 success, §5.2 error), read the same
// way for Entra ID and Google. The caller turns an error into a message for its cloud.
struct OAuthTokenResponse {
    std::optional<AccessToken> token; // set on a 2xx with an access_token
    QString error;                    // "invalid_client", "invalid_grant", … (empty when none)
    QString errorDescription;         // the cloud's own text; never contains our request body
    QList<qint64> errorCodes;         // Entra ID's "error_codes" (AADSTS numbers)
    bool readable = false;            // the body was a JSON object with a token or an error

    // `now` is when the request was sent: the token expires `expires_in` seconds after it.
    // `expires_in` may be a number or a string (Entra ID sends both, cloud-apis.md §2.1);
    // a missing one means the usual hour.
    static OAuthTokenResponse parse(const HttpResponse &response, const QDateTime &now);
};

// An application/x-www-form-urlencoded body: names as given (ASCII), values as UTF-8 with every
// byte outside RFC 3986's unreserved set percent-encoded ("+" → %2B, space → %20, "&" → %26),
// so a secret can never break out of its field.
QByteArray oauthFormBody(const QList<std::pair<QByteArray, QString>> &fields);

// POST `url` with a form body, asking for JSON.
HttpRequest oauthTokenRequest(const QUrl &url, QByteArray formBody, const QString &callName);

// `text` with every occurrence of each non-empty secret replaced by "***": for the rare
// endpoint that echoes request fields back in its error text.
QString withoutSecrets(QString text, const QStringList &secrets);

} // namespace mlwatch
