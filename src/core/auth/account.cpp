#include "core/auth/account.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUrl>

namespace mlwatch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::Account", text);
}

Error bad(const QString &member, const QString &message) {
    return Error{ErrorCode::BadArgument, member + QStringLiteral(": ") + message, QString()};
}

// The members Account::toJson() writes. Checked before the secret heuristics, so that e.g.
// "tokenUri" or "accessKeyHint" are never mistaken for secrets.
const QStringList kKnownMembers{QStringLiteral("id"),
                                QStringLiteral("label"),
                                QStringLiteral("kind"),
                                QStringLiteral("endpointUrl"),
                                QStringLiteral("source"),
                                QStringLiteral("regions"),
                                QStringLiteral("accessKeyHint"),
                                QStringLiteral("expiresAt"),
                                QStringLiteral("protocol"),
                                QStringLiteral("tenantId"),
                                QStringLiteral("clientId"),
                                QStringLiteral("subscriptionIds"),
                                QStringLiteral("authorityHost"),
                                QStringLiteral("gcpCredentialType"),
                                QStringLiteral("clientEmail"),
                                QStringLiteral("projectIds"),
                                QStringLiteral("tokenUri"),
                                QStringLiteral("quotaProjectId")};

// An unknown member whose name says it holds a secret (secretAccessKey, aws_secret_access_key,
// sessionToken, clientSecret, private_key, refresh_token, password …). Someone pasted credentials
// into the list file: refuse it loudly instead of dropping it silently, so the user learns that the
// file holds a secret and moves it to the keychain.
bool looksLikeSecret(const QString &member) {
    QString normalized = member.toLower();
    normalized.remove(QLatin1Char('_')).remove(QLatin1Char('-'));
    static const QRegularExpression kSecret(
        QStringLiteral("secret|token|password|passwd|passphrase|privatekey|apikey"));
    // Where a secret is sent or what kind it is, not the secret: "token_uri", "secretType".
    static const QRegularExpression kAboutASecret(QStringLiteral("(uri|url|hint|type)$"));
    return kSecret.match(normalized).hasMatch() && !kAboutASecret.match(normalized).hasMatch();
}

Result<QString> readString(const QJsonObject &o, const QString &key, const QString &prefix) {
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return bad(prefix + key, tr("must be a string."));
    return v.toString();
}

Result<QStringList> readStringList(const QJsonObject &o, const QString &key, const QString &prefix) {
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QStringList();
    if (!v.isArray())
        return bad(prefix + key, tr("must be an array of strings."));
    QStringList out;
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString() || array.at(i).toString().isEmpty())
            return bad(prefix + key + QStringLiteral("[%1]").arg(i), tr("must be a non-empty string."));
        out.append(array.at(i).toString());
    }
    return out;
}

bool isHttpUrl(const QString &text) {
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

void insertIfSet(QJsonObject &o, const char *key, const QString &value) {
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

void insertIfSet(QJsonObject &o, const char *key, const QStringList &values) {
    if (!values.isEmpty())
        o.insert(QLatin1String(key), QJsonArray::fromStringList(values));
}

Error badBlob(const QString &accountId, const QString &why) {
    return Error{ErrorCode::BadResponse,
                 tr("The keychain entry of account “%1” is not a readable MLWatch secret: add the "
                    "account's credentials again.")
                     .arg(accountId),
                 why};
}

} // namespace

QString accountKindId(AccountKind kind) {
    switch (kind) {
    case AccountKind::Aws:
        return QStringLiteral("aws");
    case AccountKind::Azure:
        return QStringLiteral("azure");
    case AccountKind::Gcp:
        return QStringLiteral("gcp");
    }
    return QString();
}

std::optional<AccountKind> accountKindFromId(const QString &id) {
    for (AccountKind kind : {AccountKind::Aws, AccountKind::Azure, AccountKind::Gcp})
        if (accountKindId(kind) == id)
            return kind;
    return std::nullopt;
}

QString accountKindTitle(AccountKind kind) {
    switch (kind) {
    case AccountKind::Aws:
        return tr("AWS");
    case AccountKind::Azure:
        return tr("Azure");
    case AccountKind::Gcp:
        return tr("Google Cloud");
    }
    return QString();
}

QStringList Account::scopes() const {
    switch (kind) {
    case AccountKind::Aws:
        return regions;
    case AccountKind::Azure:
        return subscriptionIds;
    case AccountKind::Gcp:
        return projectIds;
    }
    return {};
}

QJsonObject Account::toJson() const {
    // Every non-empty member, whatever the kind: the file round-trips exactly what it was given.
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("kind"), accountKindId(kind));
    insertIfSet(o, "label", label);
    insertIfSet(o, "endpointUrl", endpointUrl);
    insertIfSet(o, "source", source);
    insertIfSet(o, "regions", regions);
    insertIfSet(o, "accessKeyHint", accessKeyHint);
    if (expiresAt.isValid())
        o.insert(QStringLiteral("expiresAt"), expiresAt.toUTC().toString(Qt::ISODateWithMs));
    insertIfSet(o, "protocol", protocol);
    insertIfSet(o, "tenantId", tenantId);
    insertIfSet(o, "clientId", clientId);
    insertIfSet(o, "subscriptionIds", subscriptionIds);
    insertIfSet(o, "authorityHost", authorityHost);
    insertIfSet(o, "gcpCredentialType", gcpCredentialType);
    insertIfSet(o, "clientEmail", clientEmail);
    insertIfSet(o, "projectIds", projectIds);
    insertIfSet(o, "tokenUri", tokenUri);
    insertIfSet(o, "quotaProjectId", quotaProjectId);
    return o;
}

Result<Account> Account::fromJson(const QJsonObject &json, const QString &path) {
    const QString prefix = path.isEmpty() ? QString() : path + QLatin1Char('.');
    // Secrets first: a file holding one is refused whatever else is wrong with it. The value is
    // never read, let alone echoed; only the member's name is.
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!kKnownMembers.contains(it.key()) && looksLikeSecret(it.key()))
            return bad(prefix + it.key(), tr("secrets never go into the account list: they live only in "
                                             "the keychain. Remove this member and add the account's "
                                             "credentials again in Accounts… or with mlwatch-cli "
                                             "accounts import."));

    Account a;
    const std::pair<const char *, QString *> strings[] = {{"id", &a.id},
                                                          {"label", &a.label},
                                                          {"endpointUrl", &a.endpointUrl},
                                                          {"source", &a.source},
                                                          {"accessKeyHint", &a.accessKeyHint},
                                                          {"protocol", &a.protocol},
                                                          {"tenantId", &a.tenantId},
                                                          {"clientId", &a.clientId},
                                                          {"authorityHost", &a.authorityHost},
                                                          {"gcpCredentialType", &a.gcpCredentialType},
                                                          {"clientEmail", &a.clientEmail},
                                                          {"tokenUri", &a.tokenUri},
                                                          {"quotaProjectId", &a.quotaProjectId}};
    for (const auto &[key, out] : strings) {
        Result<QString> v = readString(json, QLatin1String(key), prefix);
        if (!v)
            return v.error();
        *out = *v;
    }
    const std::pair<const char *, QStringList *> lists[] = {
        {"regions", &a.regions}, {"subscriptionIds", &a.subscriptionIds}, {"projectIds", &a.projectIds}};
    for (const auto &[key, out] : lists) {
        Result<QStringList> v = readStringList(json, QLatin1String(key), prefix);
        if (!v)
            return v.error();
        *out = *v;
    }

    if (a.id.isEmpty())
        return bad(prefix + QStringLiteral("id"), tr("is required."));
    if (!isValidAccountId(a.id))
        return bad(prefix + QStringLiteral("id"),
                   tr("\"%1\" is not a valid account id: use 1 to 64 letters, digits, '.', '_' or '-', "
                      "starting with a letter or digit.")
                       .arg(a.id));

    Result<QString> kindText = readString(json, QStringLiteral("kind"), prefix);
    if (!kindText)
        return kindText.error();
    if (kindText->isEmpty())
        return bad(prefix + QStringLiteral("kind"), tr("is required: \"aws\", \"azure\" or \"gcp\"."));
    const std::optional<AccountKind> kind = accountKindFromId(*kindText);
    if (!kind)
        return bad(prefix + QStringLiteral("kind"),
                   tr("\"%1\" is not an account kind: use \"aws\", \"azure\" or \"gcp\".").arg(*kindText));
    a.kind = *kind;

    Result<QString> expires = readString(json, QStringLiteral("expiresAt"), prefix);
    if (!expires)
        return expires.error();
    if (!expires->isEmpty()) {
        a.expiresAt = QDateTime::fromString(*expires, Qt::ISODateWithMs);
        if (!a.expiresAt.isValid())
            return bad(
                prefix + QStringLiteral("expiresAt"),
                tr("\"%1\" is not an ISO 8601 date and time, e.g. \"2025-01-31T18:00:00Z\".").arg(*expires));
        a.expiresAt = a.expiresAt.toUTC();
    }

    if (!a.protocol.isEmpty() && a.protocol != QLatin1String("json") && a.protocol != QLatin1String("query"))
        return bad(prefix + QStringLiteral("protocol"),
                   tr("must be \"json\" or \"query\", not \"%1\".").arg(a.protocol));
    if (!a.gcpCredentialType.isEmpty() && a.gcpCredentialType != QLatin1String("service_account") &&
        a.gcpCredentialType != QLatin1String("authorized_user"))
        return bad(
            prefix + QStringLiteral("gcpCredentialType"),
            tr("must be \"service_account\" or \"authorized_user\", not \"%1\".").arg(a.gcpCredentialType));
    const std::pair<const char *, const QString *> urls[] = {
        {"endpointUrl", &a.endpointUrl}, {"authorityHost", &a.authorityHost}, {"tokenUri", &a.tokenUri}};
    for (const auto &[key, value] : urls)
        if (!value->isEmpty() && !isHttpUrl(*value))
            return bad(prefix + QLatin1String(key), tr("\"%1\" is not an http(s) URL.").arg(*value));
    return a;
}

bool isValidAccountId(const QString &id) {
    static const QRegularExpression kId(QStringLiteral("\\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z"));
    return kId.match(id).hasMatch();
}

QString accessKeyHintFor(const QString &accessKeyId) {
    const QString key = accessKeyId.trimmed();
    if (key.isEmpty())
        return QString();
    // Shorter than any real key id (16+): showing 8 characters would show most of it.
    if (key.size() < 12)
        return QStringLiteral("…");
    return key.left(4) + QStringLiteral("…") + key.right(4);
}

bool AccountSecret::isCompleteFor(AccountKind kind) const {
    switch (kind) {
    case AccountKind::Aws:
        return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty();
    case AccountKind::Azure:
        return !clientSecret.isEmpty();
    case AccountKind::Gcp:
        return !googleCredentialsJson.isEmpty();
    }
    return false;
}

QByteArray AccountSecret::toBlob(AccountKind kind) const {
    // "kind" lets fromBlob() tell an entry of another kind (a renamed id reused) from a damaged one.
    QJsonObject o;
    o.insert(QStringLiteral("v"), 1);
    o.insert(QStringLiteral("kind"), accountKindId(kind));
    switch (kind) {
    case AccountKind::Aws:
        o.insert(QStringLiteral("accessKeyId"), accessKeyId);
        o.insert(QStringLiteral("secretAccessKey"), secretAccessKey);
        if (!sessionToken.isEmpty())
            o.insert(QStringLiteral("sessionToken"), sessionToken);
        break;
    case AccountKind::Azure:
        o.insert(QStringLiteral("clientSecret"), clientSecret);
        break;
    case AccountKind::Gcp:
        // Base64 keeps the file verbatim, byte for byte, whatever its encoding.
        o.insert(QStringLiteral("googleCredentialsJson"),
                 QString::fromLatin1(googleCredentialsJson.toBase64()));
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<AccountSecret> AccountSecret::fromBlob(const QByteArray &blob, AccountKind kind,
                                              const QString &accountId) {
    // Details name what is wrong in terms of structure only: never a value from the blob.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(blob, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return badBlob(accountId, QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    const QJsonValue version = o.value(QStringLiteral("v"));
    if (!version.isDouble() || version.toInt() < 1)
        return badBlob(accountId, QStringLiteral("no version"));
    if (version.toInt() > 1)
        return Error{ErrorCode::BadResponse,
                     tr("The keychain entry of account “%1” was stored by a newer MLWatch: update MLWatch "
                        "to use it.")
                         .arg(accountId),
                     QStringLiteral("version %1").arg(version.toInt())};
    const QString storedKind = o.value(QStringLiteral("kind")).toString();
    if (storedKind != accountKindId(kind))
        return Error{ErrorCode::BadResponse,
                     tr("The keychain entry of account “%1” holds %2 credentials, not %3: add the "
                        "account's credentials again.")
                         .arg(accountId,
                              accountKindFromId(storedKind) ? accountKindTitle(*accountKindFromId(storedKind))
                                                            : tr("unknown"),
                              accountKindTitle(kind)),
                     QString()};

    AccountSecret s;
    const std::pair<const char *, QString *> strings[] = {{"accessKeyId", &s.accessKeyId},
                                                          {"secretAccessKey", &s.secretAccessKey},
                                                          {"sessionToken", &s.sessionToken},
                                                          {"clientSecret", &s.clientSecret}};
    for (const auto &[key, out] : strings) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        if (!v.isString())
            return badBlob(accountId, QLatin1String(key) + QStringLiteral(" is not a string"));
        *out = v.toString();
    }
    const QJsonValue google = o.value(QStringLiteral("googleCredentialsJson"));
    if (!google.isUndefined()) {
        auto decoded = QByteArray::fromBase64Encoding(google.toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!google.isString() || !decoded)
            return badBlob(accountId, QStringLiteral("googleCredentialsJson is not base64"));
        s.googleCredentialsJson = *decoded;
    }
    if (!s.isCompleteFor(kind))
        return badBlob(accountId, QStringLiteral("incomplete for its kind"));
    return s;
}

} // namespace mlwatch
