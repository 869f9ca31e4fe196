#include "core/auth/account_store.h"

#include "core/auth/credential_store.h"
#include "core/workspace/json_object_reader.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QSet>

namespace mlwatch {

namespace {

constexpr char kFormat[] = "mlwatch-accounts";
constexpr int kVersion = 1;

Error badArgument(const QString &message) {
    return Error{ErrorCode::BadArgument, message, QString()};
}

QString incompleteSecretMessage(AccountKind kind) {
    switch (kind) {
    case AccountKind::Aws:
        return AccountStore::tr(
            "The AWS credentials are incomplete: an access key id and a secret access key "
            "are both needed.");
    case AccountKind::Azure:
        return AccountStore::tr("The Azure credentials are incomplete: the client secret is needed.");
    case AccountKind::Gcp:
        return AccountStore::tr("The Google Cloud credentials are incomplete: the service-account key or "
                                "application-default credentials file is needed.");
    }
    return QString();
}

// Callers normally set the hint themselves; one left empty is filled from the key being stored.
Account withHintFrom(Account account, const AccountSecret &secret) {
    if (account.kind == AccountKind::Aws && account.accessKeyHint.isEmpty())
        account.accessKeyHint = accessKeyHintFor(secret.accessKeyId);
    return account;
}

qsizetype indexOf(const QList<Account> &accounts, const QString &id) {
    for (qsizetype i = 0; i < accounts.size(); ++i)
        if (accounts.at(i).id == id)
            return i;
    return -1;
}

Result<QList<Account>> parseList(const QJsonObject &root) {
    auto bad = [](const QString &member, const QString &message) {
        return badArgument(member + QStringLiteral(": ") + message);
    };
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return bad(QStringLiteral("format"),
                   AccountStore::tr("must be \"%1\": this is not an MLWatch account list.")
                       .arg(QLatin1String(kFormat)));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1)
        return bad(QStringLiteral("version"), AccountStore::tr("must be a whole number from 1."));
    if (version.toInt() > kVersion)
        return bad(QStringLiteral("version"),
                   AccountStore::tr("%1 is newer than this MLWatch reads (up to %2): update MLWatch.")
                       .arg(version.toInt())
                       .arg(kVersion));
    const QJsonValue accounts = root.value(QStringLiteral("accounts"));
    if (!accounts.isUndefined() && !accounts.isArray())
        return bad(QStringLiteral("accounts"), AccountStore::tr("must be a JSON array."));
    QList<Account> out;
    QSet<QString> ids;
    const QJsonArray array = accounts.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("accounts[%1]").arg(i);
        if (!array.at(i).isObject())
            return bad(path, AccountStore::tr("must be a JSON object."));
        Result<Account> a = Account::fromJson(array.at(i).toObject(), path);
        if (!a)
            return a.error();
        if (ids.contains(a->id))
            return bad(path + QStringLiteral(".id"),
                       AccountStore::tr("\"%1\" is used by another account.").arg(a->id));
        ids.insert(a->id);
        out.append(*a);
    }
    return out;
}

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

AccountStore::AccountStore(const QString &listPath, CredentialStore &credentials, QObject *parent)
    : QObject(parent)
    , m_listPath(listPath)
    , m_credentials(credentials) {}

AccountStore::~AccountStore() = default;

Result<void> AccountStore::load() {
    const QList<Account> before = m_accounts;
    m_accounts.clear();
    m_loadError.reset();
    Result<void> result;
    if (QFileInfo::exists(m_listPath)) {
        // readJsonObjectFile's errors already name the file; structural ones get it prefixed here.
        Result<QJsonObject> root = readJsonObjectFile(m_listPath);
        Result<QList<Account>> list = root ? parseList(*root) : Result<QList<Account>>(root.error());
        if (list) {
            m_accounts = *list;
        } else {
            Error e = list.error();
            if (root)
                e.message = m_listPath + QStringLiteral(": ") + e.message;
            m_loadError = e;
            result = e;
        }
    }
    if (m_accounts != before)
        Q_EMIT accountsChanged();
    return result;
}

std::optional<Account> AccountStore::account(const QString &id) const {
    const qsizetype i = indexOf(m_accounts, id);
    if (i < 0)
        return std::nullopt;
    return m_accounts.at(i);
}

Result<void> AccountStore::checkWritable() const {
    // Saving over a list we could not read would throw away what the user has there.
    if (m_loadError)
        return Error{
            m_loadError->code,
            tr("The account list cannot be changed until it can be read: %1").arg(m_loadError->message),
            m_loadError->detail};
    return {};
}

void AccountStore::enqueue(Step step) {
    m_steps.append(std::move(step));
    if (m_running)
        return;
    m_running = true;
    // Always start from the event loop, so no callback ever runs inside the call that asked.
    QMetaObject::invokeMethod(
        this, [this] { runNext(); }, Qt::QueuedConnection);
}

void AccountStore::runNext() {
    if (m_steps.isEmpty()) {
        m_running = false;
        return;
    }
    const Step step = m_steps.takeFirst();
    step();
}

template <typename T>
void AccountStore::finish(const std::function<void(Result<T>)> &done, Result<T> result) {
    // `done` may delete this store (a dialog closing); then nothing more runs.
    QPointer<AccountStore> self(this);
    done(std::move(result));
    if (self)
        self->runNext();
}

void AccountStore::add(const Account &account, const AccountSecret &secret, Done done) {
    enqueue([this, account = withHintFrom(account, secret), secret, done = std::move(done)] {
        if (Result<void> w = checkWritable(); !w)
            return finish(done, w);
        if (!isValidAccountId(account.id))
            return finish<void>(done,
                                badArgument(tr("“%1” is not a valid account id: use 1 to 64 letters, "
                                               "digits, '.', '_' or '-', starting with a letter or digit.")
                                                .arg(account.id)));
        if (indexOf(m_accounts, account.id) >= 0)
            return finish<void>(
                done, badArgument(tr("An account “%1” already exists: choose another id.").arg(account.id)));
        if (!secret.isCompleteFor(account.kind))
            return finish<void>(done, badArgument(incompleteSecretMessage(account.kind)));
        QPointer<AccountStore> self(this);
        m_credentials.write(account.id, secret.toBlob(account.kind), [self, account, done](Result<void> r) {
            if (!self)
                return;
            if (!r)
                return self->finish(done, r);
            QList<Account> next = self->m_accounts;
            next.append(account);
            if (Result<void> saved = self->saveList(next); !saved) {
                // Take back the secret just written (best effort): no secret without an account.
                self->m_credentials.remove(account.id, [](Result<void>) {});
                return self->finish(done, saved);
            }
            self->m_accounts = next;
            Q_EMIT self->accountsChanged();
            self->finish<void>(done, {});
        });
    });
}

void AccountStore::update(const Account &account, const std::optional<AccountSecret> &secret, Done done) {
    const Account updated = secret ? withHintFrom(account, *secret) : account;
    enqueue([this, updated, secret, done = std::move(done)] {
        if (Result<void> w = checkWritable(); !w)
            return finish(done, w);
        const qsizetype i = indexOf(m_accounts, updated.id);
        if (i < 0)
            return finish<void>(done, badArgument(tr("There is no account “%1”.").arg(updated.id)));
        if (!secret && updated.kind != m_accounts.at(i).kind)
            return finish<void>(done, badArgument(tr("Changing the kind of account “%1” needs its new "
                                                     "credentials.")
                                                      .arg(updated.id)));
        if (secret && !secret->isCompleteFor(updated.kind))
            return finish<void>(done, badArgument(incompleteSecretMessage(updated.kind)));

        QPointer<AccountStore> self(this);
        auto commit = [self, updated, done](Result<void> r) {
            if (!self)
                return;
            if (!r)
                return self->finish(done, r);
            QList<Account> next = self->m_accounts;
            const qsizetype at = indexOf(next, updated.id);
            next[at] = updated;
            if (Result<void> saved = self->saveList(next); !saved)
                return self->finish(done, saved);
            const bool changed = self->m_accounts != next;
            self->m_accounts = next;
            if (changed)
                Q_EMIT self->accountsChanged();
            self->finish<void>(done, {});
        };
        if (secret)
            m_credentials.write(updated.id, secret->toBlob(updated.kind), commit);
        else
            commit({});
    });
}

void AccountStore::rename(const QString &oldId, const QString &newId, Done done) {
    enqueue([this, oldId, newId, done = std::move(done)] {
        if (Result<void> w = checkWritable(); !w)
            return finish(done, w);
        if (indexOf(m_accounts, oldId) < 0)
            return finish<void>(done, badArgument(tr("There is no account “%1”.").arg(oldId)));
        if (oldId == newId)
            return finish<void>(done, {});
        if (!isValidAccountId(newId))
            return finish<void>(done,
                                badArgument(tr("“%1” is not a valid account id: use 1 to 64 letters, "
                                               "digits, '.', '_' or '-', starting with a letter or digit.")
                                                .arg(newId)));
        if (indexOf(m_accounts, newId) >= 0)
            return finish<void>(
                done, badArgument(tr("An account “%1” already exists: choose another id.").arg(newId)));

        QPointer<AccountStore> self(this);
        // The blob moves as it is: it does not name its account, so nothing in it changes.
        m_credentials.read(oldId, [self, oldId, newId, done](Result<QByteArray> blob) {
            if (!self)
                return;
            if (!blob)
                return self->finish<void>(done, blob.error());
            self->m_credentials.write(newId, *blob, [self, oldId, newId, done](Result<void> written) {
                if (!self)
                    return;
                if (!written)
                    return self->finish(done, written);
                QList<Account> next = self->m_accounts;
                next[indexOf(next, oldId)].id = newId;
                if (Result<void> saved = self->saveList(next); !saved) {
                    self->m_credentials.remove(newId, [](Result<void>) {});
                    return self->finish(done, saved);
                }
                self->m_accounts = next;
                Q_EMIT self->accountsChanged();
                self->m_credentials.remove(oldId, [self, oldId, newId, done](Result<void> removed) {
                    if (!self)
                        return;
                    if (!removed)
                        return self->finish<void>(
                            done, Error{removed.error().code,
                                        tr("Account “%1” was renamed to “%2”, but its old keychain entry "
                                           "could not be deleted: %3")
                                            .arg(oldId, newId, removed.error().message),
                                        removed.error().detail});
                    self->finish<void>(done, {});
                });
            });
        });
    });
}

void AccountStore::remove(const QString &id, Done done) {
    enqueue([this, id, done = std::move(done)] {
        if (Result<void> w = checkWritable(); !w)
            return finish(done, w);
        const qsizetype i = indexOf(m_accounts, id);
        if (i < 0)
            return finish<void>(done, badArgument(tr("There is no account “%1”.").arg(id)));
        QList<Account> next = m_accounts;
        next.removeAt(i);
        if (Result<void> saved = saveList(next); !saved)
            return finish(done, saved);
        m_accounts = next;
        Q_EMIT accountsChanged();
        QPointer<AccountStore> self(this);
        m_credentials.remove(id, [self, id, done](Result<void> removed) {
            if (!self)
                return;
            // The account is gone either way; an orphan secret is overwritten by a later add of the id.
            if (!removed)
                return self->finish<void>(done,
                                          Error{removed.error().code,
                                                tr("Account “%1” was removed from the list, but its secret "
                                                   "could not be deleted from the keychain: %2")
                                                    .arg(id, removed.error().message),
                                                removed.error().detail});
            self->finish<void>(done, {});
        });
    });
}

void AccountStore::readSecret(const QString &id, SecretDone done) {
    enqueue([this, id, done = std::move(done)] {
        const std::optional<Account> a = account(id);
        if (!a) // nothing to sign with: the same category as a missing secret
            return finish<AccountSecret>(
                done, Error{ErrorCode::NoCredentials,
                            tr("There is no account “%1”: add it in Accounts… or with mlwatch-cli accounts "
                               "import.")
                                .arg(id),
                            QString()});
        QPointer<AccountStore> self(this);
        m_credentials.read(id, [self, id, kind = a->kind, done](Result<QByteArray> blob) {
            if (!self)
                return;
            if (!blob)
                return self->finish<AccountSecret>(done, blob.error());
            self->finish(done, AccountSecret::fromBlob(*blob, kind, id));
        });
    });
}

Result<void> AccountStore::addAndWait(const Account &account, const AccountSecret &secret) {
    return waitFor<void>([&](Done done) { add(account, secret, std::move(done)); });
}

Result<void> AccountStore::removeAndWait(const QString &id) {
    return waitFor<void>([&](Done done) { remove(id, std::move(done)); });
}

Result<AccountSecret> AccountStore::readSecretAndWait(const QString &id) {
    return waitFor<AccountSecret>([&](SecretDone done) { readSecret(id, std::move(done)); });
}

Result<void> AccountStore::saveList(const QList<Account> &accounts) {
    QJsonArray array;
    for (const Account &a : accounts)
        array.append(a.toJson());
    QJsonObject root;
    root.insert(QStringLiteral("format"), QLatin1String(kFormat));
    root.insert(QStringLiteral("version"), kVersion);
    root.insert(QStringLiteral("accounts"), array);

    const QString dir = QFileInfo(m_listPath).absolutePath();
    if (!QDir().mkpath(dir))
        return Error{ErrorCode::Io, tr("Cannot write the account list %1.").arg(m_listPath),
                     QStringLiteral("cannot create %1").arg(dir)};
    QSaveFile file(m_listPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, tr("Cannot write the account list %1.").arg(m_listPath),
                     file.errorString()};
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error{ErrorCode::Io, tr("Cannot write the account list %1.").arg(m_listPath),
                     file.errorString()};
    return {};
}

} // namespace mlwatch
