#include "core/auth/account_resolution.h"

#include "core/auth/endpoint_policy.h"

#include <QCoreApplication>
#include <QLocale>

namespace mlwatch {

namespace {

// lupdate files tr() calls outside a class under the enclosing named namespace, so this
// helper looks them up in that same context.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch", text);
}

} // namespace

Result<aws::AwsResolved> resolveAwsAccount(const Account &account, const AccountSecret &secret,
                                           const EndpointPolicy &policy, const QDateTime &now,
                                           const QString &region) {
    if (account.kind != AccountKind::Aws)
        return Error{ErrorCode::BadArgument,
                     tr("Account \"%1\" is a %2 account, not an AWS account.")
                         .arg(account.id, accountKindTitle(account.kind)),
                     QString()};

    // Which half is missing is said; what the other half holds is not.
    QStringList missing;
    if (secret.accessKeyId.isEmpty())
        missing.append(tr("access key id"));
    if (secret.secretAccessKey.isEmpty())
        missing.append(tr("secret access key"));
    if (!missing.isEmpty())
        return Error{
            ErrorCode::NoCredentials,
            tr("The keychain entry of account \"%1\" is incomplete (%2 missing). Enter the keys again "
               "in Accounts\u2026 or re-import the account.")
                .arg(account.id, missing.join(QStringLiteral(", "))),
            QStringLiteral("incomplete-secret")};

    if (account.expiresAt.isValid() && account.expiresAt <= now) {
        const QString when =
            QLocale().toString(account.expiresAt.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
            QStringLiteral(" UTC");
        return Error{
            ErrorCode::NoCredentials,
            tr("The temporary credentials of account \"%1\" expired at %2. Get new ones (for example "
               "with your SSO or vault tool) and update the account.")
                .arg(account.id, when),
            QStringLiteral("credentials-expired")};
    }

    aws::AwsResolved resolved;
    resolved.credentials.accessKeyId = secret.accessKeyId;
    resolved.credentials.secretAccessKey = secret.secretAccessKey;
    resolved.credentials.sessionToken = secret.sessionToken;
    resolved.credentials.expiresAt = account.expiresAt;

    const QString chosen = region.trimmed().isEmpty() ? account.regions.value(0) : region.trimmed();
    if (chosen.isEmpty())
        return Error{
            ErrorCode::BadArgument,
            tr("Account \"%1\" has no region. Add one in Accounts\u2026 or pass --region (for example "
               "--region us-east-1).")
                .arg(account.id),
            QStringLiteral("no-region")};
    if (!aws::isValidAwsRegion(chosen))
        return Error{ErrorCode::BadArgument,
                     tr("\"%1\" is not an AWS region name such as us-east-1 (account \"%2\").")
                         .arg(chosen, account.id),
                     QString()};
    resolved.endpoint.region = chosen;

    if (!account.endpointUrl.isEmpty()) {
        // Before anything is signed or sent: an endpoint from a shared workspace must not carry
        // this machine's keys to a stranger's host.
        QUrl url(account.endpointUrl, QUrl::StrictMode);
        if (Result<void> allowed = policy.check(url, AccountKind::Aws, account.id, tr("endpoint")); !allowed)
            return allowed.error();
        if (url.path().isEmpty())
            url.setPath(QStringLiteral("/"));
        resolved.endpoint.endpoint = url;
    }
    // As the workspace reads it: "query" selects the query protocol, anything else JSON 1.0.
    resolved.endpoint.protocol = account.protocol == QLatin1String("query") ? aws::CloudWatchProtocol::Query
                                                                            : aws::CloudWatchProtocol::Json;
    resolved.source = QStringLiteral("account %1 (keychain)").arg(account.id);
    return resolved;
}

} // namespace mlwatch
