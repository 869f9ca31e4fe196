#pragma once

#include "cli/accounts_options.h"
#include "core/common/result.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

class QIODevice;

namespace mlwatch {
class AccountStore;
class CredentialStore;
struct ImportCandidate;
} // namespace mlwatch

namespace mlwatch::cli {

// `mlwatch-cli accounts …` (AccountsOptions): this machine's account list (MachineConfig::
// accountListPath(), shared with the app) and the keychain entries beside it. Output contract:
// results on `out`; problems found while importing as "Warning: …" lines through `warn` (they do
// not fail an import that found its candidate); a failure is one Error, whose toString() is the
// CLI's one stderr line, with the exit status exitStatusFor(code) — Keychain (10) when the
// keychain is missing, locked or refused, NoCredentials (3) for an unknown account id or nothing
// importable, AuthRejected (4) when `test` finds the account not signed in or not allowed.
// No secret, and no access key id, is ever written to `out`, `warn` or an error.
class AccountsCommand {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::cli::AccountsCommand)
public:
    using Warn = std::function<void(const QString &line)>;

    // `env` and `home` are where imports look (the process's, normally).
    AccountsCommand(AccountsOptions options, QProcessEnvironment env, QString home, QIODevice &out,
                    Warn warn);
    ~AccountsCommand();

    // Runs the command to its end (keychain calls wait in local event loops).
    Result<void> run();

    // The whole command: parse, run, print; returns the exit status.
    static int main(const QStringList &arguments, const QProcessEnvironment &env, const QString &home);

private:
    Result<void> openStore();
    Result<void> list();
    Result<void> importAccount();
    Result<void> add();
    Result<void> remove();
    Result<void> test();
    Result<void> trustHost(bool trust);
    Result<qsizetype> pickCandidate(const QList<ImportCandidate> &candidates) const;
    Result<void> checkIdFree(const QString &id) const;
    void write(const QString &text);

    AccountsOptions m_options;
    QProcessEnvironment m_env;
    QString m_home;
    QIODevice &m_out;
    Warn m_warn;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<AccountStore> m_store;
};

} // namespace mlwatch::cli
