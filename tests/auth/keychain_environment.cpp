#include "keychain_environment.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

namespace mlwatch::test {

ProbeRun runProbe(KeychainEnvironment environment, const QString &home, const QString &runtimeDir,
                  const QStringList &probeArguments, const QByteArray &secret) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    // Derived from HOME, so nothing lands outside the folder the test scans.
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        env.remove(QLatin1String(name));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));

    const QString probe = QStringLiteral(MLWATCH_KEYCHAIN_PROBE);
    QString program;
    QStringList arguments;
    switch (environment) {
    case KeychainEnvironment::NoSessionBus:
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        program = probe;
        arguments = probeArguments;
        break;
    case KeychainEnvironment::BusWithoutSecretService:
        program = QStringLiteral("dbus-run-session");
        arguments = QStringList{QStringLiteral("--config-file=" MLWATCH_TESTS_DIR
                                               "/notify/session-noactivation.conf"),
                                QStringLiteral("--"), probe} +
                    probeArguments;
        break;
    case KeychainEnvironment::FreshKeyring:
        // reference/qt6-on-debian.md §3: --daemonize --unlock on a fresh HOME creates the login
        // collection, unlocks it and makes it the default. As in tests/support/with-keyring.sh, wait
        // for the daemon's bus name so no second daemon gets activated in the gap.
        program = QStringLiteral("dbus-run-session");
        arguments =
            QStringList{QStringLiteral("--"),
                        QStringLiteral("sh"),
                        QStringLiteral("-c"),
                        QStringLiteral(
                            "printf %s probe-login | gnome-keyring-daemon --daemonize "
                            "--unlock --components=secrets >/dev/null && gdbus wait --session --timeout 60 "
                            "org.freedesktop.secrets && exec \"$@\""),
                        QStringLiteral("sh"),
                        probe} +
            probeArguments;
        break;
    }

    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(home);
    process.start(program, arguments);
    ProbeRun run;
    if (!process.waitForStarted(60000))
        return run;
    process.write(secret);
    process.closeWriteChannel();
    // Generous: this is a hang guard, not a timing assumption.
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    const QByteArray out = process.readAllStandardOutput();
    run.allOutput = out + process.readAllStandardError();
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    for (const QByteArray &line : out.split('\n'))
        if (!line.isEmpty())
            run.lines.append(QString::fromUtf8(line));
    return run;
}

QStringList filesUnder(const QString &dir) {
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        files.append(it.filePath().mid(dir.size() + 1));
    }
    files.sort();
    return files;
}

QStringList filesContaining(const QString &dir, const QList<QByteArray> &markers) {
    QStringList hits;
    for (const QString &relative : filesUnder(dir)) {
        QFile file(dir + QLatin1Char('/') + relative);
        if (!file.open(QIODevice::ReadOnly))
            continue; // sockets and the like
        const QByteArray bytes = file.readAll();
        for (const QByteArray &marker : markers)
            if (bytes.contains(marker)) {
                hits.append(relative);
                break;
            }
    }
    return hits;
}

} // namespace mlwatch::test
