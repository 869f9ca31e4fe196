#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace mlwatch {

// The OS keychain through QtKeychain: Secret Service (gnome-keyring, KWallet) on Linux, Keychain
// on macOS, Credential Manager on Windows. One entry per key under one service name.
//
// No plaintext fallback, ever: QtKeychain's insecure fallback stays off, and every failure comes
// back as ErrorCode::Keychain with a message that names the cause and the remedy, e.g.
//   - no session bus         "No D-Bus session bus: MLWatch needs a desktop session with a keychain …"
//   - no Secret Service      "No Secret Service on the session bus: install/start gnome-keyring or KWallet."
//   - locked / refused       "The keychain is locked: unlock it (log in again, or open Passwords and Keys)."
// and, for read(), ErrorCode::NoCredentials "No secret stored for account “ID” …" when the entry is
// gone. A locked Secret Service answers reads with "not found"; read() then asks the Secret
// Service whether the default collection is locked, so a locked keychain is not mistaken for a
// missing secret.
// Error details carry QtKeychain's own text (never the secret).
//
// Threading: GUI/main thread; callbacks run on it, exactly once (unless this object dies first).
class CredentialStore : public QObject {
    Q_OBJECT
public:
    static constexpr char kDefaultService[] = "MLWatch";

    using Done = std::function<void(Result<void>)>;
    using ReadDone = std::function<void(Result<QByteArray>)>;

    // `service` separates applications (and tests) in the keychain.
    explicit CredentialStore(const QString &service = QString::fromLatin1(kDefaultService),
                             QObject *parent = nullptr);
    ~CredentialStore() override;

    QString service() const { return m_service; }
    // Translated name of the keychain for "stored in …": "the Secret Service keyring",
    // "the macOS Keychain", "Windows Credential Manager".
    static QString keychainName();

    void write(const QString &key, const QByteArray &secret, Done done);
    void read(const QString &key, ReadDone done);
    // Removing an entry that does not exist succeeds; with a locked keychain removing fails
    // (Keychain "locked"), because a locked Secret Service silently keeps its items.
    void remove(const QString &key, Done done);

    // The same, waiting in a local event loop: for the CLI and tests.
    Result<void> writeAndWait(const QString &key, const QByteArray &secret);
    Result<QByteArray> readAndWait(const QString &key);
    Result<void> removeAndWait(const QString &key);

private:
    QString m_service;
};

} // namespace mlwatch
