// A test-only program that drives CredentialStore / AccountStore in an environment the test
// prepared (no session bus, a bus without Secret Service, a locked keyring …), which a test cannot
// switch to inside its own process: QtDBus and libsecret bind to one session bus for life.
//
//   keychain_probe [--list FILE] SERVICE OP…
//     write:KEY  read:KEY  remove:KEY          CredentialStore, under SERVICE
//     lock                                     org.freedesktop.Secret.Service.Lock(default collection)
//     add:ID  update:ID  rename:OLD:NEW  drop:ID  secret:ID  list     AccountStore on FILE
//
// The secret (a test marker) comes from standard input, never from the command line. One line per
// operation on stdout: "<op> ok …" or "<op> <errorCodeName> <message>". Secrets are never printed:
// a successful read says only whether it matched the input.
#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QFile>
#include <QStringList>
#include <QTextStream>

using namespace mlwatch;

namespace {

QTextStream &out() {
    static QTextStream stream(stdout);
    return stream;
}

void report(const QString &op, const Error &error) {
    out() << op << ' ' << errorCodeName(error.code) << ' ' << error.message << Qt::endl;
}

void reportOk(const QString &op, const QString &what = QString()) {
    out() << op << " ok" << (what.isEmpty() ? QString() : QLatin1Char(' ') + what) << Qt::endl;
}

// Locks the default collection the way a screen locker or "Lock keyring" in Seahorse does.
void lockDefaultCollection() {
    QDBusMessage lock = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    lock << QVariant::fromValue(
        QList<QDBusObjectPath>{QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default"))});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(lock);
    if (reply.type() == QDBusMessage::ErrorMessage)
        out() << "lock error " << reply.errorName() << ' ' << reply.errorMessage() << Qt::endl;
    else
        reportOk(QStringLiteral("lock"));
}

AccountSecret probeSecret(const QByteArray &marker) {
    AccountSecret s;
    s.accessKeyId = QStringLiteral("AKIAPROBE00000000001");
    s.secretAccessKey = QString::fromUtf8(marker);
    return s;
}

Account probeAccount(const QString &id) {
    Account a;
    a.id = id;
    a.kind = AccountKind::Aws;
    a.regions = {QStringLiteral("eu-west-1")};
    a.source = QStringLiteral("keychain_probe");
    return a;
}

void listAccounts(const AccountStore &store) {
    QStringList ids;
    for (const Account &a : store.accounts())
        ids.append(a.id);
    out() << "list " << ids.join(QLatin1Char(',')) << Qt::endl;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString listPath;
    if (args.size() >= 2 && args.first() == QLatin1String("--list")) {
        listPath = args.at(1);
        args = args.mid(2);
    }
    if (args.isEmpty()) {
        QTextStream(stderr) << "usage: keychain_probe [--list FILE] SERVICE OP…\n";
        return 2;
    }
    const QString service = args.takeFirst();

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 2;
    const QByteArray marker = in.readAll();

    CredentialStore credentials(service);
    AccountStore accounts(listPath, credentials);
    if (!listPath.isEmpty()) {
        const Result<void> loaded = accounts.load();
        if (loaded)
            reportOk(QStringLiteral("load"));
        else
            report(QStringLiteral("load"), loaded.error());
    }

    for (const QString &op : std::as_const(args)) {
        const QStringList parts = op.split(QLatin1Char(':'));
        const QString verb = parts.first();
        const QString arg = parts.value(1);
        if (verb == QLatin1String("write")) {
            const Result<void> r = credentials.writeAndWait(arg, marker);
            r ? reportOk(op) : report(op, r.error());
        } else if (verb == QLatin1String("read")) {
            const Result<QByteArray> r = credentials.readAndWait(arg);
            r ? reportOk(op, *r == marker ? QStringLiteral("same") : QStringLiteral("different"))
              : report(op, r.error());
        } else if (verb == QLatin1String("remove")) {
            const Result<void> r = credentials.removeAndWait(arg);
            r ? reportOk(op) : report(op, r.error());
        } else if (verb == QLatin1String("lock")) {
            lockDefaultCollection();
        } else if (verb == QLatin1String("add")) {
            const Result<void> r = accounts.addAndWait(probeAccount(arg), probeSecret(marker));
            r ? reportOk(op) : report(op, r.error());
        } else if (verb == QLatin1String("update")) {
            std::optional<Result<void>> r;
            Account changed = probeAccount(arg);
            changed.label = QStringLiteral("updated by keychain_probe");
            accounts.update(changed, probeSecret(marker), [&r](Result<void> result) { r.emplace(result); });
            while (!r)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            *r ? reportOk(op) : report(op, r->error());
        } else if (verb == QLatin1String("rename")) {
            std::optional<Result<void>> r;
            accounts.rename(arg, parts.value(2), [&r](Result<void> result) { r.emplace(result); });
            while (!r)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            *r ? reportOk(op) : report(op, r->error());
        } else if (verb == QLatin1String("drop")) {
            const Result<void> r = accounts.removeAndWait(arg);
            r ? reportOk(op) : report(op, r.error());
        } else if (verb == QLatin1String("secret")) {
            const Result<AccountSecret> r = accounts.readSecretAndWait(arg);
            r ? reportOk(op, r->secretAccessKey.toUtf8() == marker ? QStringLiteral("same")
                                                                   : QStringLiteral("different"))
              : report(op, r.error());
        } else if (verb == QLatin1String("list")) {
            listAccounts(accounts);
        } else {
            QTextStream(stderr) << "unknown operation " << op << '\n';
            return 2;
        }
    }
    return 0;
}
