#include "core/auth/credential_store.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>

#include <qt6keychain/keychain.h>

#include <optional>

// Linux and the BSDs keep secrets in a Secret Service on the D-Bus session bus; there a failure is
// diagnosed over D-Bus so the message names the real cause. macOS, Windows and Android have no
// session bus to ask.
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define MLWATCH_SECRET_SERVICE 1
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace mlwatch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::CredentialStore", text);
}

enum class Operation { Write, Read, Remove };

// What the Secret Service says about its default collection, asked after a failure.
enum class ServiceState {
    Unknown,          // could not tell (no Secret Service platform, timeout, odd answer)
    NoService,        // nothing owns org.freedesktop.secrets and nothing can be activated
    NoDefaultKeyring, // a Secret Service, but no default collection (fresh HOME, no desktop login)
    Locked,           // the default collection exists and is locked
    Unlocked,         // the default collection exists and is unlocked
};

QString operationName(Operation op) {
    switch (op) {
    case Operation::Write:
        return QStringLiteral("write");
    case Operation::Read:
        return QStringLiteral("read");
    case Operation::Remove:
        return QStringLiteral("remove");
    }
    return QString();
}

// Details are for logs and bug reports: the operation, the key (an account id) and QtKeychain's or
// D-Bus's own text. Never the secret: nothing here has access to it.
QString detailFor(Operation op, const QString &key, const QString &why) {
    return operationName(op) + QStringLiteral(" “") + key + QStringLiteral("”: ") + why;
}

Error keychainError(const QString &message, const QString &detail) {
    return Error{ErrorCode::Keychain, message, detail};
}

Error noBusError(const QString &detail) {
    return keychainError(tr("No D-Bus session bus: MLWatch needs a desktop session with a keychain (Secret "
                            "Service) to keep its secrets. Start MLWatch from your desktop session, or "
                            "run it under dbus-run-session with gnome-keyring started."),
                         detail);
}

Error noServiceError(const QString &detail) {
    return keychainError(tr("No Secret Service on the session bus: install/start gnome-keyring or KWallet."),
                         detail);
}

Error noDefaultKeyringError(const QString &detail) {
    return keychainError(tr("The Secret Service has no default keyring to store secrets in: log in to your "
                            "desktop once, or create a keyring in Passwords and Keys (Seahorse) and make "
                            "it the default."),
                         detail);
}

Error lockedError(const QString &detail) {
    return keychainError(
        tr("The keychain is locked: unlock it (log in again, or open Passwords and Keys) and try again."),
        detail);
}

Error deniedError(const QString &detail) {
    return keychainError(tr("Access to the keychain was denied: allow MLWatch when the keychain asks, or "
                            "unlock the keychain, and try again."),
                         detail);
}

Error noBackendError(const QString &detail) {
    return keychainError(tr("No keychain is available on this system: MLWatch keeps secrets only in %1 and "
                            "never in a file. Install or enable it and try again.")
                             .arg(CredentialStore::keychainName()),
                         detail);
}

Error refusedError(const QString &detail) {
    return keychainError(tr("The keychain refused the request: check that %1 is running and unlocked, "
                            "then try again.")
                             .arg(CredentialStore::keychainName()),
                         detail);
}

Error notFoundError(const QString &key) {
    return Error{ErrorCode::NoCredentials,
                 tr("No secret stored for account “%1” in %2: add it again in Accounts… or with "
                    "mlwatch-cli accounts import.")
                     .arg(key, CredentialStore::keychainName()),
                 QString()};
}

// The error for a failed job, given what the Secret Service said about itself (Unknown elsewhere).
Error errorFor(Operation op, const QString &key, QKeychain::Error code, const QString &jobText,
               ServiceState state, const QString &stateText) {
    QString detail = detailFor(op, key, jobText);
    if (!stateText.isEmpty())
        detail += QStringLiteral("; ") + stateText;
    switch (state) {
    case ServiceState::NoService:
        return noServiceError(detail);
    case ServiceState::NoDefaultKeyring:
        return noDefaultKeyringError(detail);
    case ServiceState::Locked:
        // A locked Secret Service answers lookups with "not found": this is why we asked.
        return lockedError(detail);
    case ServiceState::Unlocked:
    case ServiceState::Unknown:
        break;
    }
    switch (code) {
    case QKeychain::EntryNotFound:
        if (op == Operation::Read)
            return notFoundError(key);
        return refusedError(detail);
    case QKeychain::AccessDeniedByUser:
        return deniedError(detail);
    case QKeychain::AccessDenied:
        // libsecret reports SECRET_ERROR_IS_LOCKED as AccessDenied; elsewhere it is a refusal
        // of this application (macOS ACLs, Windows policies).
        return state == ServiceState::Unlocked ? deniedError(detail) : lockedError(detail);
    case QKeychain::NoBackendAvailable:
        return noBackendError(detail);
    case QKeychain::NoError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    return refusedError(detail);
}

#ifdef MLWATCH_SECRET_SERVICE
const QString kSecretsService = QStringLiteral("org.freedesktop.secrets");

// The answer to Properties.Get(Collection.Locked) on the default alias, as a ServiceState.
ServiceState stateFromReply(const QDBusMessage &reply) {
    if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()) {
        const QVariant value = reply.arguments().constFirst().value<QDBusVariant>().variant();
        if (value.metaType().id() == QMetaType::Bool)
            return value.toBool() ? ServiceState::Locked : ServiceState::Unlocked;
        return ServiceState::Unknown;
    }
    const QString name = reply.errorName();
    if (name == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown") ||
        name == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner") ||
        name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn.")))
        return ServiceState::NoService;
    // gnome-keyring answers UnknownMethod "Object does not exist at path …" for an alias that
    // points nowhere; the spec's own name for that is org.freedesktop.Secret.Error.NoSuchObject.
    if (name == QLatin1String("org.freedesktop.DBus.Error.UnknownMethod") ||
        name == QLatin1String("org.freedesktop.DBus.Error.UnknownObject") ||
        name == QLatin1String("org.freedesktop.Secret.Error.NoSuchObject"))
        return ServiceState::NoDefaultKeyring;
    return ServiceState::Unknown;
}
#endif

} // namespace

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service) {}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::keychainName() {
#if defined(Q_OS_DARWIN)
    return tr("the macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#elif defined(Q_OS_ANDROID)
    return tr("the Android Keystore");
#else
    return tr("the Secret Service keyring");
#endif
}

namespace {

// Everything one operation needs after its job finished. Shared by the three operations so the
// mapping of errors lives in one place.
struct Pending {
    Operation op;
    QString key;
    std::function<void(Result<QByteArray>)> done; // write/remove ignore the value
};

// Refuses before starting a job when there is no session bus at all: libsecret would otherwise
// try to autolaunch one and fail with "Cannot autolaunch D-Bus without X11 $DISPLAY".
std::optional<Error> precheck(Operation op, const QString &key) {
#ifdef MLWATCH_SECRET_SERVICE
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return noBusError(detailFor(op, key, bus.lastError().message()));
#else
    Q_UNUSED(op)
    Q_UNUSED(key)
#endif
    return std::nullopt;
}

// Asks the Secret Service about its default collection, then calls `then` (on `context`'s thread,
// not at all if `context` died). Asynchronous, so a hung daemon cannot freeze the GUI.
void probeServiceState(QObject *context, std::function<void(ServiceState, QString)> then) {
#ifdef MLWATCH_SECRET_SERVICE
    QDBusMessage get = QDBusMessage::createMethodCall(
        kSecretsService, QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    constexpr int kTimeoutMs = 10000;
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(get, kTimeoutMs), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [then = std::move(then)](QDBusPendingCallWatcher *w) {
                         w->deleteLater();
                         const QDBusMessage reply = w->reply();
                         const QString text =
                             reply.type() == QDBusMessage::ErrorMessage
                                 ? reply.errorName() + QStringLiteral(": ") + reply.errorMessage()
                                 : QString();
                         then(stateFromReply(reply), text);
                     });
#else
    QMetaObject::invokeMethod(
        context, [then = std::move(then)] { then(ServiceState::Unknown, QString()); }, Qt::QueuedConnection);
#endif
}

// Starts `job` (which must be configured except for the common settings) and reports through
// `pending`, on `context`, exactly once.
void runJob(QObject *context, QKeychain::Job *job, Pending pending) {
    // A job that finished deletes itself. Jobs have no parent: QtKeychain's libsecret callbacks
    // hold a raw pointer to the job, so deleting a running one (with its parent) would crash.
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // no plaintext fallback, ever
    job->setKey(pending.key);
    QObject::connect(
        job, &QKeychain::Job::finished, context,
        [context, pending = std::move(pending)](QKeychain::Job *finished) {
            const QKeychain::Error code = finished->error();
            if (code == QKeychain::NoError && pending.op == Operation::Remove) {
                // libsecret skips items in a locked collection and still reports success:
                // ask, so a secret that stays behind is not reported as removed.
                probeServiceState(context, [pending](ServiceState state, const QString &) {
                    if (state == ServiceState::Locked)
                        pending.done(lockedError(
                            detailFor(pending.op, pending.key,
                                      QStringLiteral("the default collection is locked; its items were not "
                                                     "deleted"))));
                    else
                        pending.done(QByteArray());
                });
                return;
            }
            if (code == QKeychain::NoError) {
                QByteArray data;
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                    data = read->binaryData();
                pending.done(data);
                return;
            }
            const QString jobText = finished->errorString();
            probeServiceState(
                context, [pending, code, jobText](ServiceState state, const QString &stateText) {
                    pending.done(errorFor(pending.op, pending.key, code, jobText, state, stateText));
                });
        });
    job->start();
}

// Runs `start` and spins a local event loop until `done` fired.
template <typename T, typename Start> Result<T> waitFor(Start start) {
    std::optional<Result<T>> out;
    QEventLoop loop;
    start([&out, &loop](Result<T> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return std::move(*out);
}

} // namespace

void CredentialStore::write(const QString &key, const QByteArray &secret, Done done) {
    if (std::optional<Error> e = precheck(Operation::Write, key)) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done), error = *e] { done(error); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setBinaryData(secret);
    runJob(this, job, Pending{Operation::Write, key, [done = std::move(done)](Result<QByteArray> r) {
                                  if (r)
                                      done({});
                                  else
                                      done(r.error());
                              }});
}

void CredentialStore::read(const QString &key, ReadDone done) {
    if (std::optional<Error> e = precheck(Operation::Read, key)) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done), error = *e] { done(error); }, Qt::QueuedConnection);
        return;
    }
    runJob(this, new QKeychain::ReadPasswordJob(m_service), Pending{Operation::Read, key, std::move(done)});
}

void CredentialStore::remove(const QString &key, Done done) {
    if (std::optional<Error> e = precheck(Operation::Remove, key)) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done), error = *e] { done(error); }, Qt::QueuedConnection);
        return;
    }
    // QtKeychain reports NoError for a missing entry, which is what the contract wants.
    runJob(this, new QKeychain::DeletePasswordJob(m_service),
           Pending{Operation::Remove, key, [done = std::move(done)](Result<QByteArray> r) {
                       if (r)
                           done({});
                       else
                           done(r.error());
                   }});
}

Result<void> CredentialStore::writeAndWait(const QString &key, const QByteArray &secret) {
    return waitFor<void>([&](Done done) { write(key, secret, std::move(done)); });
}

Result<QByteArray> CredentialStore::readAndWait(const QString &key) {
    return waitFor<QByteArray>([&](ReadDone done) { read(key, std::move(done)); });
}

Result<void> CredentialStore::removeAndWait(const QString &key) {
    return waitFor<void>([&](Done done) { remove(key, std::move(done)); });
}

} // namespace mlwatch
