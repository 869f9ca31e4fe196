#include "gui/account_texts.h"

#include "core/auth/credential_store.h"
#include "gui/alert_texts.h"

#include <QCoreApplication>

namespace mlwatch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::AccountTexts", text);
}

} // namespace

QString AccountTexts::scopesTitle(AccountKind kind) {
    switch (kind) {
    case AccountKind::Aws:
        return tr("Regions");
    case AccountKind::Azure:
        return tr("Subscriptions");
    case AccountKind::Gcp:
        return tr("Projects");
    }
    return {};
}

QString AccountTexts::scopes(const Account &account) {
    const QStringList all = account.scopes();
    return all.isEmpty() ? QStringLiteral("—") : all.join(QStringLiteral(", "));
}

QString AccountTexts::expiryCell(const QDateTime &expiresAtUtc, const QDateTime &nowUtc) {
    if (!expiresAtUtc.isValid())
        return QStringLiteral("—");
    const QString when = AlertTexts::localTimeWithZone(expiresAtUtc.toMSecsSinceEpoch());
    return expiresAtUtc <= nowUtc ? tr("expired %1").arg(when) : when;
}

QString AccountTexts::expirySentence(const QDateTime &expiresAtUtc, const QDateTime &nowUtc) {
    if (!expiresAtUtc.isValid())
        return {};
    const QString when = AlertTexts::localTimeWithZone(expiresAtUtc.toMSecsSinceEpoch());
    if (expiresAtUtc <= nowUtc)
        return tr("The temporary credentials expired at %1.").arg(when);
    const qint64 leftMs = nowUtc.msecsTo(expiresAtUtc);
    return tr("The temporary credentials expire at %1 (in %2).").arg(when, AlertTexts::duration(leftMs));
}

QString AccountTexts::secretsStoredIn() {
    return tr("Secrets: stored in %1").arg(CredentialStore::keychainName());
}

QString AccountTexts::storedPlaceholder() {
    return tr("stored in %1").arg(CredentialStore::keychainName());
}

} // namespace mlwatch
