#pragma once

#include "core/auth/account.h"

#include <QDateTime>
#include <QString>

namespace mlwatch {

// The words the account views (list, details, editor, welcome page, expiry warning) use for the
// same things, in one place. Translated (context mlwatch::AccountTexts); times in local time and
// always with their zone; never a secret.
struct AccountTexts {
    // How long before temporary credentials lapse the app starts warning.
    static constexpr qint64 kExpiryWarningSeconds = 15 * 60;

    // What scopes() holds for this kind: "Regions", "Subscriptions", "Projects".
    static QString scopesTitle(AccountKind kind);
    // "us-east-1, eu-west-1"; "—" when there are none.
    static QString scopes(const Account &account);
    // Cell text for the expiry of temporary credentials at `nowUtc`: "—" (none),
    // "20/11/2026 13:05 (CET, UTC+01:00)", "expired 20/11/2026 13:05 (CET, UTC+01:00)".
    static QString expiryCell(const QDateTime &expiresAtUtc, const QDateTime &nowUtc);
    // Sentence for the details and the warnings: "The temporary credentials expire at … (in 12 min).",
    // "The temporary credentials expired at …", or empty when they do not expire.
    static QString expirySentence(const QDateTime &expiresAtUtc, const QDateTime &nowUtc);
    // "Secrets: stored in the Secret Service keyring" (CredentialStore::keychainName()).
    static QString secretsStoredIn();
    // The placeholder of a secret field when editing: "stored in the Secret Service keyring".
    static QString storedPlaceholder();
};

} // namespace mlwatch
