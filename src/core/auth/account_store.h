#pragma once

#include "core/auth/account.h"
#include "core/common/result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace mlwatch {

class CredentialStore;

// This machine's cloud accounts: the list (Account, no secrets) in a JSON file,
//   {"format":"mlwatch-accounts","version":1,"accounts":[Account::toJson()…]}
// written atomically (QSaveFile), and each account's AccountSecret in the keychain under the
// account id. The file never holds a secret; a secret is never written anywhere but the keychain.
//
// Order of operations keeps the two halves consistent when one of them fails:
//   add/update:  keychain first, then the file (a keychain failure changes nothing);
//   remove:      file first, then the keychain (a keychain failure leaves an orphan secret that a
//                later add of the same id overwrites, never an account without its secret);
//   rename:      read secret, write it under the new id, save the file, delete the old entry.
// Every failure comes back as an Error (ErrorCode::Keychain / Io / BadArgument) and leaves the
// in-memory list equal to the file. When remove/rename fail only at deleting the old keychain entry,
// the list change stands and the Keychain error says that a secret stayed behind.
// An AWS account added or updated with a secret and an empty accessKeyHint gets the hint of its key.
// After load() failed, every change is refused (the malformed file is never overwritten).
//
// Threading: main thread. Asynchronous calls report through their callback exactly once, never
// inside the call, and run one after another in call order (a rename queued after an add sees it).
class AccountStore : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<void>)>;
    using SecretDone = std::function<void(Result<AccountSecret>)>;

    // `listPath`: the account list file (the app passes AppConfigLocation/accounts.json).
    // `credentials` must outlive the store.
    AccountStore(const QString &listPath, CredentialStore &credentials, QObject *parent = nullptr);
    ~AccountStore() override;

    // Reads the list file. A missing file is an empty list; a malformed one is an error naming the
    // file and the problem, and the store stays empty (the file is left untouched for the user).
    Result<void> load();

    QList<Account> accounts() const { return m_accounts; }
    std::optional<Account> account(const QString &id) const;
    QString listPath() const { return m_listPath; }
    CredentialStore &credentials() { return m_credentials; }

    // Adds a new account (BadArgument when the id is invalid or taken, or the secret incomplete).
    void add(const Account &account, const AccountSecret &secret, Done done);
    // Replaces an existing account's metadata; the secret too when `secret` has a value.
    void update(const Account &account, const std::optional<AccountSecret> &secret, Done done);
    void rename(const QString &oldId, const QString &newId, Done done);
    void remove(const QString &id, Done done);
    // The account's secret from the keychain; NoCredentials when the entry (or the account) is gone.
    void readSecret(const QString &id, SecretDone done);

    // The same, waiting in a local event loop (CLI).
    Result<void> addAndWait(const Account &account, const AccountSecret &secret);
    Result<void> removeAndWait(const QString &id);
    Result<AccountSecret> readSecretAndWait(const QString &id);

Q_SIGNALS:
    void accountsChanged();

private:
    // One operation runs at a time, in call order: each step checks the list as the previous one
    // left it, and calls finish() exactly once when its callback has run.
    using Step = std::function<void()>;
    void enqueue(Step step);
    void runNext();
    template <typename T> void finish(const std::function<void(Result<T>)> &done, Result<T> result);
    Result<void> checkWritable() const;
    Result<void> saveList(const QList<Account> &accounts);

    QString m_listPath;
    CredentialStore &m_credentials;
    QList<Account> m_accounts;
    std::optional<Error> m_loadError; // the list file is malformed: changes are refused until load() works
    QList<Step> m_steps;
    bool m_running = false;
};

} // namespace mlwatch
