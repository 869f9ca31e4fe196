#pragma once

#include "core/auth/account.h"
#include "core/auth/endpoint_policy.h"
#include "core/common/result.h"

#include <QDialog>

#include <memory>
#include <optional>

class QLineEdit;

namespace Ui {
class AccountEditorDialog;
}

namespace mlwatch {

class Clock;

// Add or edit one account (forms/account_editor_dialog.ui): the id and name, then one page per
// kind — AWS keys (+ session token and its expiry, zone shown), regions, endpoint; Azure tenant,
// client id, client secret, subscriptions, authority host, ARM endpoint; Google Cloud key file
// (service-account key or authorized-user ADC file, read into memory; only its type and e-mail
// are shown, never the key), projects, endpoint.
//
// Secret fields are password fields. Editing never shows a stored secret: the fields are empty
// with the placeholder "stored in <keychain>", and left empty they keep what is stored
// (secret() is then nullopt).
//
// A dialog that returns values: OK with valid values emits submitted(); the owner saves
// account() / secret() and then calls accept(), or showError() — the dialog stays open with what
// the person typed (secrets included, in memory only) so nothing is lost when the keychain fails.
// Before submitting, every endpoint the account names is checked with the EndpointPolicy; a host
// it refuses is put to the person ("Send this account's credentials to HOST?"), and confirming
// trusts it on this machine (EndpointPolicy::saveTo on QSettings()) and emits hostTrusted().
class AccountEditorDialog : public QDialog {
    Q_OBJECT
public:
    // `clock` (the default expiry of new temporary credentials) must outlive the dialog.
    AccountEditorDialog(const Clock &clock, const EndpointPolicy &policy, QWidget *parent = nullptr);
    ~AccountEditorDialog() override;

    // A new account of `kind`; `takenIds` are the ids this machine already uses.
    void startNew(AccountKind kind, const QStringList &takenIds);
    // An existing account: the id is fixed (Rename… changes it), secret fields stay empty.
    void startEdit(const Account &account);

    bool isEditing() const { return m_editing; }
    AccountKind kind() const { return m_kind; }

    // What the person entered. Meaningful when problems() is empty.
    Account account() const;
    // The new secret; nullopt when editing and every secret field was left empty (keep the stored one).
    std::optional<AccountSecret> secret() const;
    // Translated; empty when the values can be saved. The first one is shown under the form.
    QStringList problems() const;

    // Google Cloud: reads a key file into memory ("Choose key file…" after its file dialog).
    // Errors name the file and the field, never the content.
    Result<void> loadKeyFile(const QString &path);

    // The owner is saving: OK is disabled and the dialog says so.
    void setBusy(bool busy);
    // Saving failed: the message shows in the dialog, which stays open with its input.
    void showError(const QString &message);

    // The policy including the hosts confirmed in this dialog.
    EndpointPolicy policy() const { return m_policy; }

Q_SIGNALS:
    void submitted();
    void hostTrusted(const QString &host);

private:
    void submit();
    void askToTrust(const QString &host);
    void updateProblems();
    void chooseKeyFile();
    void showKeyFileInfo();
    bool replacesSecret() const;
    QString secretFieldsPlaceholder() const;
    QList<QLineEdit *> secretFields() const;

    std::unique_ptr<Ui::AccountEditorDialog> m_ui;
    const Clock &m_clock;
    EndpointPolicy m_policy;
    AccountKind m_kind = AccountKind::Aws;
    bool m_editing = false;
    bool m_busy = false;
    Account m_original;     // editing: what is stored (metadata only)
    QStringList m_takenIds; // new: ids already in use
    QString m_storeError;   // the owner's last saving error, until the input changes
    // Google: the chosen key file, in memory only.
    QByteArray m_keyJson;
    QString m_keyPath;
    Account m_keyFields; // gcpCredentialType, clientEmail, tokenUri, quotaProjectId, projectIds from the file
};

} // namespace mlwatch
