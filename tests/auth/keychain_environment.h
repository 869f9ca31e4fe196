#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Runs tests/auth/keychain_probe in a keychain environment the calling test cannot switch to in
// its own process, and checks what was left on disk. Shared by tst_credential_store and
// tst_account_store.
namespace mlwatch::test {

enum class KeychainEnvironment {
    NoSessionBus,            // DBUS_SESSION_BUS_ADDRESS, DISPLAY and WAYLAND_DISPLAY unset
    BusWithoutSecretService, // a private bus without service activation: no keyring gets spawned
    FreshKeyring,            // a private bus with gnome-keyring unlocked on a fresh login keyring
};

struct ProbeRun {
    bool finished = false; // the probe ran and exited normally
    int exitCode = -1;
    QStringList lines;    // stdout, one line per operation
    QByteArray allOutput; // stdout + stderr of everything that ran (for leak scans)
};

// `home` becomes HOME (and XDG_* below it are unset); `runtimeDir` XDG_RUNTIME_DIR. `secret` goes to
// the probe's standard input, never on a command line.
ProbeRun runProbe(KeychainEnvironment environment, const QString &home, const QString &runtimeDir,
                  const QStringList &probeArguments, const QByteArray &secret);

// Paths (relative to `dir`) of the regular files below it.
QStringList filesUnder(const QString &dir);

// Paths (relative to `dir`) of the files that contain one of `markers`.
QStringList filesContaining(const QString &dir, const QList<QByteArray> &markers);

} // namespace mlwatch::test
