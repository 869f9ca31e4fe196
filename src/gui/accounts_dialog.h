#pragma once

#include "core/auth/account.h"
#include "core/auth/account_connection_tester.h"

#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QProcessEnvironment>

#include <memory>
#include <optional>

class QInputDialog;
class QMessageBox;

namespace Ui {
class AccountsDialog;
}

namespace mlwatch {

class AccountEditorDialog;
class AccountListModel;
class AccountStore;
class Clock;
class ImportCredentialsDialog;
struct Error;

// File → Accounts… (forms/accounts_dialog.ui): this machine's accounts in a list, with Add (AWS /
// Azure / Google Cloud), Edit…, Rename…, Remove, Import… and Test connection, and the selected
// account's details — its non-secret fields, where its secrets are stored (the keychain's name),
// when temporary credentials expire (local time, zone stated) and the last connection test.
//
// The dialog holds no secret longer than a call: the editor collects one, AccountStore puts it
// in the keychain; Test connection reads it, AccountConnectionTester uses it, and both drop it.
// A store failure (keychain locked or missing, unwritable list file …) is shown here with its
// message, and the editor that caused it stays open with what the person typed.
//
// Sub-dialogs open window-modal without nested event loops; the actions return what they opened
// so that tests (and callers) can drive them.
class AccountsDialog : public QDialog {
    Q_OBJECT
public:
    // `store`, `tester` and `clock` must outlive the dialog.
    AccountsDialog(AccountStore &store, AccountConnectionTester &tester, const Clock &clock,
                   QWidget *parent = nullptr);
    ~AccountsDialog() override;

    // Where Import… looks: the process environment and the home folder by default.
    void setImportSource(const QProcessEnvironment &env, const QString &home);

    AccountListModel *model() const { return m_model; }
    QString selectedId() const;
    void selectAccount(const QString &id);

    // The buttons' work. Each returns what it opened (null when nothing is selected).
    AccountEditorDialog *addAccount(AccountKind kind);
    AccountEditorDialog *editSelected();
    QInputDialog *renameSelected();
    QMessageBox *removeSelected();
    ImportCredentialsDialog *openImport();
    void testSelected();

    // The last store failure shown (empty when the last operation worked).
    QString errorText() const;
    // The last connection test of an account in this dialog's lifetime.
    std::optional<ConnectionReport> lastTest(const QString &id) const;

Q_SIGNALS:
    void connectionTested(const QString &id, const mlwatch::ConnectionReport &report);
    // A trusted endpoint host was confirmed in an editor (the policy in the settings changed).
    void hostTrusted(const QString &host);

private:
    struct TestRun {
        ConnectionReport report;
        QDateTime atUtc;
    };
    void reloadAccounts();
    void showDetails();
    void updateButtons();
    void showStoreError(const Error &error);
    void clearStoreError();
    AccountEditorDialog *openEditor();
    void save(AccountEditorDialog *editor);

    std::unique_ptr<Ui::AccountsDialog> m_ui;
    AccountStore &m_store;
    AccountConnectionTester &m_tester;
    const Clock &m_clock;
    AccountListModel *m_model = nullptr;
    QProcessEnvironment m_importEnv;
    QString m_importHome;
    QHash<QString, TestRun> m_tests;
    QString m_testingId; // the account being tested, or empty
};

} // namespace mlwatch
