#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mlwatch {

// The three clouds MLWatch watches.
enum class AccountKind { Aws, Azure, Gcp };

// Stable ids for files and the CLI: "aws", "azure", "gcp".
QString accountKindId(AccountKind kind);
std::optional<AccountKind> accountKindFromId(const QString &id);
// Translated names for people: "AWS", "Azure", "Google Cloud".
QString accountKindTitle(AccountKind kind);

// One cloud account on this machine, WITHOUT its secrets. This is what the account list file,
// the workspace, the accounts dialog and `mlwatch-cli accounts list` see; everything here may be
// written to disk and shown on screen. The secret half lives only in the keychain (AccountSecret).
struct Account {
    QString id;    // unique on this machine; isValidAccountId()
    QString label; // shown to people; empty = the id
    AccountKind kind = AccountKind::Aws;
    QString
        endpointUrl; // override of the metrics endpoint (CloudWatch / ARM / Monitoring); empty = the cloud's
    QString source;  // where it came from, for people: "~/.aws/credentials [prod]", "added by hand"

    // AWS
    QStringList regions;   // first = default region
    QString accessKeyHint; // "AKIA…WXYZ": enough to recognise a key, never the key
    QDateTime expiresAt;   // temporary credentials (session token) expire then; invalid = never
    QString protocol;      // "" | "json" | "query" (CloudWatch protocol, as in the workspace)

    // Azure
    QString tenantId;
    QString clientId;
    QStringList subscriptionIds;
    QString authorityHost; // empty = https://login.microsoftonline.com

    // Google Cloud
    QString gcpCredentialType; // "service_account" | "authorized_user"
    QString clientEmail;       // service account e-mail, or empty
    QStringList projectIds;
    QString tokenUri;       // the key file's token_uri (service accounts); empty = Google's
    QString quotaProjectId; // x-goog-user-project header when set

    QString displayName() const { return label.isEmpty() ? id : label; }
    // Regions (AWS), subscriptions (Azure) or projects (Google): what `accounts list` prints.
    QStringList scopes() const;

    QJsonObject toJson() const;
    // Errors name the member ("accounts[2].kind") under `path`.
    static Result<Account> fromJson(const QJsonObject &json, const QString &path);

    friend bool operator==(const Account &, const Account &) = default;
};

// 1–64 characters of letters, digits, '.', '_' and '-', starting with a letter or digit.
bool isValidAccountId(const QString &id);

// "AKIA…WXYZ" from an access key id (first four and last four characters).
QString accessKeyHintFor(const QString &accessKeyId);

// The secret half of an account. Held in memory only while needed; stored only in the keychain
// (as one blob per account, see toBlob()); never logged, written, put in an error text or on a
// command line. Which members are used depends on the account kind.
struct AccountSecret {
    // AWS
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // temporary credentials only

    // Azure (client-credentials flow)
    QString clientSecret;

    // Google Cloud: the whole service-account key file or authorized-user ADC file, verbatim.
    QByteArray googleCredentialsJson;

    // Complete for its kind (AWS: key id + secret; Azure: client secret; Google: the JSON).
    bool isCompleteFor(AccountKind kind) const;

    // The keychain blob: compact JSON {"v":1, …} with only the members of `kind`.
    QByteArray toBlob(AccountKind kind) const;
    // ErrorCode::BadResponse (message names the account id, never content) when the blob is not one.
    static Result<AccountSecret> fromBlob(const QByteArray &blob, AccountKind kind, const QString &accountId);

    friend bool operator==(const AccountSecret &, const AccountSecret &) = default;
};

} // namespace mlwatch
