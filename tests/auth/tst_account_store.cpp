// AccountStore against a real Secret Service (gnome-keyring in a private D-Bus session): the list
// file and the keychain stay consistent through add / update / rename / remove, the list file never
// holds a secret, a malformed list is reported and left alone, and a keychain failure changes
// neither the file nor the list. The keychain failures run tests/auth/keychain_probe on a bus
// without a Secret Service, because one process cannot change its session bus.
#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"
#include "keychain_environment.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;
using namespace mlwatch::test;

namespace {

const QString kAwsKeyId = QStringLiteral("AKIAMLWSTOREMARKER01");
const QString kAwsSecret = QStringLiteral("MLW-STORE-MARKER-aws-secret");
const QString kAwsToken = QStringLiteral("MLW-STORE-MARKER-aws-token");
const QString kAzureSecret = QStringLiteral("MLW-STORE-MARKER-azure-secret");
const QByteArray kGoogleJson = QByteArrayLiteral(
    R"({"type":"service_account","client_email":"w@p.iam.gserviceaccount.com","private_key":"MLW-STORE-MARKER-pem"})");
const QByteArray kProbeMarker = QByteArrayLiteral("MLW-STORE-MARKER-probe-secret");

QList<QByteArray> markers() {
    return {kAwsKeyId.toUtf8(),
            kAwsSecret.toUtf8(),
            kAwsToken.toUtf8(),
            kAzureSecret.toUtf8(),
            QByteArrayLiteral("MLW-STORE-MARKER-pem"),
            kProbeMarker,
            kProbeMarker.toBase64()};
}

Account account(const QString &id, AccountKind kind) {
    Account a;
    a.id = id;
    a.kind = kind;
    a.source = QStringLiteral("added by hand");
    switch (kind) {
    case AccountKind::Aws:
        a.regions = {QStringLiteral("eu-west-1")};
        a.expiresAt = QDateTime(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC);
        break;
    case AccountKind::Azure:
        a.tenantId = QStringLiteral("tenant");
        a.clientId = QStringLiteral("client");
        a.subscriptionIds = {QStringLiteral("sub")};
        break;
    case AccountKind::Gcp:
        a.gcpCredentialType = QStringLiteral("service_account");
        a.clientEmail = QStringLiteral("w@p.iam.gserviceaccount.com");
        a.projectIds = {QStringLiteral("p")};
        break;
    }
    return a;
}

AccountSecret secret(AccountKind kind) {
    AccountSecret s;
    switch (kind) {
    case AccountKind::Aws:
        s.accessKeyId = kAwsKeyId;
        s.secretAccessKey = kAwsSecret;
        s.sessionToken = kAwsToken;
        break;
    case AccountKind::Azure:
        s.clientSecret = kAzureSecret;
        break;
    case AccountKind::Gcp:
        s.googleCredentialsJson = kGoogleJson;
        break;
    }
    return s;
}

// update() and rename() have no *AndWait twin: wait here.
template <typename T, typename Start> Result<T> waitFor(Start start) {
    std::optional<Result<T>> out;
    start([&out](Result<T> r) { out.emplace(std::move(r)); });
    if (!out && !QTest::qWaitFor([&out] { return out.has_value(); }, 60000))
        return Error{ErrorCode::Timeout, QStringLiteral("no callback within 60 s"), QString()};
    return std::move(*out);
}

QByteArray fileBytes(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString errorText(const Result<void> &r) {
    return r ? QString() : r.error().toString();
}

const QString kNoService =
    QStringLiteral("No Secret Service on the session bus: install/start gnome-keyring or KWallet.");

} // namespace

Q_DECLARE_METATYPE(mlwatch::AccountKind)
Q_DECLARE_METATYPE(mlwatch::Account)
Q_DECLARE_METATYPE(mlwatch::AccountSecret)

class TestAccountStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void missingListFileIsAnEmptyList();
    void addAndReadBack_data();
    void addAndReadBack();
    void aGivenAccessKeyHintIsKept();
    void addRefusals_data();
    void addRefusals();
    void updateMetadataKeepsTheSecret();
    void updateWithANewSecret();
    void updateRefusals_data();
    void updateRefusals();
    void renameMovesTheSecret();
    void renameRefusals_data();
    void renameRefusals();
    void removeDeletesEntryAndSecret();
    void readSecretWhenTheKeychainEntryIsGone();
    void operationsRunInCallOrder();
    void listFileNeverHoldsSecrets();
    void malformedListFile_data();
    void malformedListFile();
    void keychainFailureChangesNeitherFileNorList();
    void removeWithKeychainFailureLeavesAnOrphanThatAddOverwrites();

    void noPlaintextCopyUnderHome();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CredentialStore> m_credentials;
    QString m_listPath;
};

void TestAccountStore::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_listPath = m_dir->filePath(QStringLiteral("config/accounts.json")); // the folder is created on save
    // A service per test (and row): entries one test leaves cannot meet another.
    QString service =
        QStringLiteral("mlwatch-test-%1-%2")
            .arg(QLatin1String(QTest::currentTestFunction()), QLatin1String(QTest::currentDataTag()));
    m_credentials = std::make_unique<CredentialStore>(service.replace(QLatin1Char(' '), QLatin1Char('-')));
}

void TestAccountStore::cleanup() {
    m_credentials.reset();
    m_dir.reset();
}

void TestAccountStore::missingListFileIsAnEmptyList() {
    AccountStore store(m_listPath, *m_credentials);
    QSignalSpy changed(&store, &AccountStore::accountsChanged);
    QVERIFY(store.load());
    QVERIFY(store.accounts().isEmpty());
    QVERIFY(!QFile::exists(m_listPath)); // loading writes nothing
    QCOMPARE(changed.count(), 0);
}

void TestAccountStore::addAndReadBack_data() {
    QTest::addColumn<AccountKind>("kind");
    QTest::newRow("aws with session token") << AccountKind::Aws;
    QTest::newRow("azure client secret") << AccountKind::Azure;
    QTest::newRow("google service-account key") << AccountKind::Gcp;
}

void TestAccountStore::addAndReadBack() {
    QFETCH(AccountKind, kind);
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QSignalSpy changed(&store, &AccountStore::accountsChanged);
    const Account added = account(QStringLiteral("acct"), kind);
    const Result<void> r = store.addAndWait(added, secret(kind));
    QVERIFY2(r, qPrintable(errorText(r)));
    QCOMPARE(changed.count(), 1);

    Account expected = added;
    if (kind == AccountKind::Aws)
        expected.accessKeyHint = QStringLiteral("AKIA…ER01"); // left empty: filled from the stored key
    QCOMPARE(store.accounts(), QList<Account>{expected});
    QCOMPARE(store.account(QStringLiteral("acct")), expected);

    // A second store (the next start of the app) sees the same list and secret.
    AccountStore reopened(m_listPath, *m_credentials);
    QVERIFY(reopened.load());
    QCOMPARE(reopened.accounts(), QList<Account>{expected});
    const Result<AccountSecret> s = reopened.readSecretAndWait(QStringLiteral("acct"));
    QVERIFY(s);
    QCOMPARE(*s, secret(kind));
}

void TestAccountStore::aGivenAccessKeyHintIsKept() {
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    Account a = account(QStringLiteral("temp"), AccountKind::Aws);
    a.accessKeyHint = QStringLiteral("ASIA…MPLE");
    QVERIFY(store.addAndWait(a, secret(AccountKind::Aws)));
    QCOMPARE(store.account(QStringLiteral("temp"))->accessKeyHint, QStringLiteral("ASIA…MPLE"));
}

void TestAccountStore::addRefusals_data() {
    QTest::addColumn<Account>("candidate");
    QTest::addColumn<AccountSecret>("candidateSecret");
    QTest::addColumn<QString>("message");
    QTest::newRow("duplicate id") << account(QStringLiteral("first"), AccountKind::Azure)
                                  << secret(AccountKind::Azure)
                                  << QStringLiteral("An account “first” already exists: choose another id.");
    QTest::newRow("invalid id") << account(QStringLiteral("no spaces"), AccountKind::Aws)
                                << secret(AccountKind::Aws)
                                << QStringLiteral(
                                       "“no spaces” is not a valid account id: use 1 to 64 letters, "
                                       "digits, '.', '_' or '-', starting with a letter or digit.");
    QTest::newRow("incomplete secret")
        << account(QStringLiteral("second"), AccountKind::Aws) << secret(AccountKind::Azure)
        << QStringLiteral("The AWS credentials are incomplete: an access key id and "
                          "a secret access key are both needed.");
}

void TestAccountStore::addRefusals() {
    QFETCH(Account, candidate);
    QFETCH(AccountSecret, candidateSecret);
    QFETCH(QString, message);
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QVERIFY(store.addAndWait(account(QStringLiteral("first"), AccountKind::Aws), secret(AccountKind::Aws)));
    const QByteArray before = fileBytes(m_listPath);
    const QList<Account> listBefore = store.accounts();
    QSignalSpy changed(&store, &AccountStore::accountsChanged);

    const Result<void> r = store.addAndWait(candidate, candidateSecret);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::BadArgument);
    QCOMPARE(r.error().message, message);
    QCOMPARE(store.accounts(), listBefore);
    QCOMPARE(fileBytes(m_listPath), before);
    QCOMPARE(changed.count(), 0);
    // The first account's secret was not overwritten by the refused one.
    const Result<AccountSecret> s = store.readSecretAndWait(QStringLiteral("first"));
    QVERIFY(s);
    QCOMPARE(*s, secret(AccountKind::Aws));
}

void TestAccountStore::updateMetadataKeepsTheSecret() {
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QVERIFY(store.addAndWait(account(QStringLiteral("acct"), AccountKind::Aws), secret(AccountKind::Aws)));
    QSignalSpy changed(&store, &AccountStore::accountsChanged);

    Account edited = *store.account(QStringLiteral("acct"));
    edited.label = QStringLiteral("Production");
    edited.regions = {QStringLiteral("us-east-1"), QStringLiteral("eu-west-1")};
    const Result<void> r =
        waitFor<void>([&](AccountStore::Done done) { store.update(edited, std::nullopt, std::move(done)); });
    QVERIFY2(r, qPrintable(errorText(r)));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.account(QStringLiteral("acct")), edited);

    AccountStore reopened(m_listPath, *m_credentials);
    QVERIFY(reopened.load());
    QCOMPARE(reopened.accounts(), QList<Account>{edited});
    const Result<AccountSecret> s = reopened.readSecretAndWait(QStringLiteral("acct"));
    QVERIFY(s);
    QCOMPARE(*s, secret(AccountKind::Aws));
}

void TestAccountStore::updateWithANewSecret() {
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QVERIFY(store.addAndWait(account(QStringLiteral("acct"), AccountKind::Aws), secret(AccountKind::Aws)));
    QSignalSpy changed(&store, &AccountStore::accountsChanged);

    AccountSecret rotated;
    rotated.accessKeyId = QStringLiteral("AKIAROTATEDKEY00WXYZ");
    rotated.secretAccessKey = QStringLiteral("MLW-STORE-MARKER-rotated");
    Account edited = *store.account(QStringLiteral("acct"));
    edited.accessKeyHint.clear(); // filled from the new key
    const Result<void> r =
        waitFor<void>([&](AccountStore::Done done) { store.update(edited, rotated, std::move(done)); });
    QVERIFY2(r, qPrintable(errorText(r)));
    QCOMPARE(changed.count(), 1); // the hint changed with the key
    QCOMPARE(store.account(QStringLiteral("acct"))->accessKeyHint, QStringLiteral("AKIA…WXYZ"));
    const Result<AccountSecret> s = store.readSecretAndWait(QStringLiteral("acct"));
    QVERIFY(s);
    QCOMPARE(*s, rotated);
    QVERIFY(!fileBytes(m_listPath).contains("MLW-STORE-MARKER-rotated"));
}

void TestAccountStore::updateRefusals_data() {
    QTest::addColumn<Account>("candidate");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown account") << account(QStringLiteral("ghost"), AccountKind::Aws)
                                     << QStringLiteral("There is no account “ghost”.");
    QTest::newRow("kind changed without new credentials")
        << account(QStringLiteral("acct"), AccountKind::Azure)
        << QStringLiteral("Changing the kind of account “acct” needs its new credentials.");
}

void TestAccountStore::updateRefusals() {
    QFETCH(Account, candidate);
    QFETCH(QString, message);
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QVERIFY(store.addAndWait(account(QStringLiteral("acct"), AccountKind::Aws), secret(AccountKind::Aws)));
    const QByteArray before = fileBytes(m_listPath);
    QSignalSpy changed(&store, &AccountStore::accountsChanged);
    const Result<void> r = waitFor<void>(
        [&](AccountStore::Done done) { store.update(candidate, std::nullopt, std::move(done)); });
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::BadArgument);
    QCOMPARE(r.error().message, message);
    QCOMPARE(fileBytes(m_listPath), before);
    QCOMPARE(changed.count(), 0);
}

void TestAccountStore::renameMovesTheSecret() {
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QVERIFY(store.addAndWait(account(QStringLiteral("old"), AccountKind::Azure), secret(AccountKind::Azure)));
    QSignalSpy changed(&store, &AccountStore::accountsChanged);

    const Result<void> r = waitFor<void>([&](AccountStore::Done done) {
        store.rename(QStringLiteral("old"), QStringLiteral("new"), std::move(done));
    });
    QVERIFY2(r, qPrintable(errorText(r)));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!store.account(QStringLiteral("old")));
    Account expected = account(QStringLiteral("new"), AccountKind::Azure);
    QCOMPARE(store.accounts(), QList<Account>{expected});

    AccountStore reopened(m_listPath, *m_credentials);
    QVERIFY(reopened.load());
    QCOMPARE(reopened.accounts(), QList<Account>{expected});
    const Result<AccountSecret> s = reopened.readSecretAndWait(QStringLiteral("new"));
    QVERIFY(s);
    QCOMPARE(*s, secret(AccountKind::Azure));
    // The old keychain entry is gone, not left behind.
    const Result<QByteArray> old = m_credentials->readAndWait(QStringLiteral("old"));
    QVERIFY(!old);
    QCOMPARE(old.error().code, ErrorCode::NoCredentials);
}

void TestAccountStore::renameRefusals_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message");
    QTest::newRow("to a taken id") << QStringLiteral("a") << QStringLiteral("b")
                                   << QStringLiteral("An account “b” already exists: choose another id.");
    QTest::newRow("unknown account") << QStringLiteral("ghost") << QStringLiteral("c")
                                     << QStringLiteral("There is no account “ghost”.");
    QTest::newRow("to an invalid id")
        << QStringLiteral("a") << QStringLiteral("a/b")
        << QStringLiteral("“a/b” is not a valid account id: use 1 to 64 letters, "
                          "digits, '.', '_' or '-', starting with a letter or digit.");
}

void TestAccountStore::renameRefusals() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, message);
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QVERIFY(store.addAndWait(account(QStringLiteral("a"), AccountKind::Aws), secret(AccountKind::Aws)));
    QVERIFY(store.addAndWait(account(QStringLiteral("b"), AccountKind::Azure), secret(AccountKind::Azure)));
    const QByteArray before = fileBytes(m_listPath);
    QSignalSpy changed(&store, &AccountStore::accountsChanged);
    const Result<void> r =
        waitFor<void>([&](AccountStore::Done done) { store.rename(from, to, std::move(done)); });
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::BadArgument);
    QCOMPARE(r.error().message, message);
    QCOMPARE(fileBytes(m_listPath), before);
    QCOMPARE(changed.count(), 0);
    const Result<AccountSecret> b = store.readSecretAndWait(QStringLiteral("b"));
    QVERIFY(b);
    QCOMPARE(*b, secret(AccountKind::Azure)); // not overwritten by a's
}

void TestAccountStore::removeDeletesEntryAndSecret() {
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QVERIFY(store.addAndWait(account(QStringLiteral("keep"), AccountKind::Aws), secret(AccountKind::Aws)));
    QVERIFY(store.addAndWait(account(QStringLiteral("drop"), AccountKind::Gcp), secret(AccountKind::Gcp)));
    QSignalSpy changed(&store, &AccountStore::accountsChanged);

    const Result<void> r = store.removeAndWait(QStringLiteral("drop"));
    QVERIFY2(r, qPrintable(errorText(r)));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.accounts().size(), 1);
    QCOMPARE(store.accounts().constFirst().id, QStringLiteral("keep"));
    AccountStore reopened(m_listPath, *m_credentials);
    QVERIFY(reopened.load());
    QCOMPARE(reopened.accounts(), store.accounts());
    QCOMPARE(m_credentials->readAndWait(QStringLiteral("drop")).error().code, ErrorCode::NoCredentials);

    const Result<AccountSecret> secretOfRemoved = store.readSecretAndWait(QStringLiteral("drop"));
    QVERIFY(!secretOfRemoved);
    QCOMPARE(secretOfRemoved.error().code, ErrorCode::NoCredentials);
    QCOMPARE(secretOfRemoved.error().message,
             QStringLiteral(
                 "There is no account “drop”: add it in Accounts… or with mlwatch-cli accounts import."));

    const Result<void> again = store.removeAndWait(QStringLiteral("drop"));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::BadArgument);
    QCOMPARE(again.error().message, QStringLiteral("There is no account “drop”."));
    QCOMPARE(changed.count(), 1);
}

void TestAccountStore::readSecretWhenTheKeychainEntryIsGone() {
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QVERIFY(store.addAndWait(account(QStringLiteral("acct"), AccountKind::Aws), secret(AccountKind::Aws)));
    QVERIFY(m_credentials->removeAndWait(QStringLiteral("acct"))); // someone cleaned the keyring

    const Result<AccountSecret> s = store.readSecretAndWait(QStringLiteral("acct"));
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::NoCredentials);
    QCOMPARE(s.error().message,
             QStringLiteral("No secret stored for account “acct” in the Secret Service keyring: "
                            "add it again in Accounts… or with mlwatch-cli accounts import."));
    QVERIFY(store.account(QStringLiteral("acct"))); // the account itself stays
}

void TestAccountStore::operationsRunInCallOrder() {
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QStringList order;
    std::optional<AccountSecret> readBack;
    // Fired without waiting, as a GUI would: each sees the list the previous one left.
    store.add(account(QStringLiteral("a"), AccountKind::Azure), secret(AccountKind::Azure),
              [&](Result<void> r) { order.append(QStringLiteral("add ") + errorText(r)); });
    QVERIFY(order.isEmpty()); // never inside the call
    store.rename(QStringLiteral("a"), QStringLiteral("b"),
                 [&](Result<void> r) { order.append(QStringLiteral("rename ") + errorText(r)); });
    store.readSecret(QStringLiteral("b"), [&](Result<AccountSecret> r) {
        order.append(QStringLiteral("read ") + (r ? QString() : r.error().toString()));
        if (r)
            readBack = *r;
    });
    store.remove(QStringLiteral("b"),
                 [&](Result<void> r) { order.append(QStringLiteral("remove ") + errorText(r)); });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 4, 60000);
    QCOMPARE(order, (QStringList{QStringLiteral("add "), QStringLiteral("rename "), QStringLiteral("read "),
                                 QStringLiteral("remove ")}));
    QCOMPARE(readBack, secret(AccountKind::Azure));
    QVERIFY(store.accounts().isEmpty());
}

void TestAccountStore::listFileNeverHoldsSecrets() {
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QVERIFY(store.addAndWait(account(QStringLiteral("aws"), AccountKind::Aws), secret(AccountKind::Aws)));
    QVERIFY(
        store.addAndWait(account(QStringLiteral("azure"), AccountKind::Azure), secret(AccountKind::Azure)));
    QVERIFY(store.addAndWait(account(QStringLiteral("gcp"), AccountKind::Gcp), secret(AccountKind::Gcp)));
    QVERIFY(waitFor<void>([&](AccountStore::Done done) {
        store.update(*store.account(QStringLiteral("aws")), secret(AccountKind::Aws), std::move(done));
    }));
    QVERIFY(waitFor<void>([&](AccountStore::Done done) {
        store.rename(QStringLiteral("gcp"), QStringLiteral("google"), std::move(done));
    }));

    const QByteArray bytes = fileBytes(m_listPath);
    QVERIFY(bytes.contains("\"format\": \"mlwatch-accounts\""));
    QVERIFY(bytes.contains("AKIA…ER01")); // the hint, not the key
    for (const QByteArray &marker : markers())
        QVERIFY2(!bytes.contains(marker), marker.constData());
    QCOMPARE(filesContaining(m_dir->path(), markers()), QStringList());
    // And the folder holds the list only: no temporary files left by QSaveFile.
    QCOMPARE(filesUnder(m_dir->path()), QStringList{QStringLiteral("config/accounts.json")});
}

void TestAccountStore::malformedListFile_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem"); // after "<path>: "
    QTest::newRow("not JSON") << QByteArray("{\"format\": \"mlwatch-accounts\",\n  \"version\": 1,\n  oops}")
                              << QStringLiteral("malformed JSON at line 3, column 4: unterminated object.");
    QTest::newRow("not an account list")
        << QByteArray(R"({"format":"mlwatch-workspace","version":1})")
        << QStringLiteral("format: must be \"mlwatch-accounts\": this is not an "
                          "MLWatch account list.");
    QTest::newRow("newer version") << QByteArray(R"({"format":"mlwatch-accounts","version":2,"accounts":[]})")
                                   << QStringLiteral("version: 2 is newer than this MLWatch reads (up to 1): "
                                                     "update MLWatch.");
    QTest::newRow("accounts not an array")
        << QByteArray(R"({"format":"mlwatch-accounts","version":1,"accounts":{}})")
        << QStringLiteral("accounts: must be a JSON array.");
    QTest::newRow("unknown kind in the third account")
        << QByteArray(R"({"format":"mlwatch-accounts","version":1,"accounts":[{"id":"a","kind":"aws"},)"
                      R"({"id":"b","kind":"gcp"},{"id":"c","kind":"ibm"}]})")
        << QStringLiteral(
               "accounts[2].kind: \"ibm\" is not an account kind: use \"aws\", \"azure\" or \"gcp\".");
    QTest::newRow("duplicate ids")
        << QByteArray(R"({"format":"mlwatch-accounts","version":1,"accounts":[{"id":"a","kind":"aws"},)"
                      R"({"id":"a","kind":"azure"}]})")
        << QStringLiteral("accounts[1].id: \"a\" is used by another account.");
    QTest::newRow("secret pasted into the file")
        << QByteArray(R"({"format":"mlwatch-accounts","version":1,"accounts":[{"id":"a","kind":"aws",)"
                      R"("aws_secret_access_key":"MLW-STORE-MARKER-aws-secret"}]})")
        << QStringLiteral("accounts[0].aws_secret_access_key: secrets never go into the account list");
}

void TestAccountStore::malformedListFile() {
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    QVERIFY(QDir().mkpath(QFileInfo(m_listPath).absolutePath()));
    {
        QFile file(m_listPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    AccountStore store(m_listPath, *m_credentials);
    QSignalSpy changed(&store, &AccountStore::accountsChanged);
    const Result<void> loaded = store.load();
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::BadArgument);
    const QString expected = m_listPath + QStringLiteral(": ") + problem;
    QVERIFY2(loaded.error().message.startsWith(expected), qPrintable(loaded.error().message));
    QVERIFY(!loaded.error().message.contains(QLatin1String("MLW-STORE-MARKER")));
    QVERIFY(store.accounts().isEmpty());
    QCOMPARE(changed.count(), 0);

    // The file stays as the user left it, even when something is added next.
    const Result<void> added =
        store.addAndWait(account(QStringLiteral("new"), AccountKind::Aws), secret(AccountKind::Aws));
    QVERIFY(!added);
    QVERIFY2(
        added.error().message.startsWith(QStringLiteral("The account list cannot be changed until it can be "
                                                        "read: ") +
                                         expected),
        qPrintable(added.error().message));
    QCOMPARE(fileBytes(m_listPath), content);
    QCOMPARE(filesUnder(m_dir->path()), QStringList{QStringLiteral("config/accounts.json")});
    QCOMPARE(m_credentials->readAndWait(QStringLiteral("new")).error().code, ErrorCode::NoCredentials);
    QCOMPARE(changed.count(), 0);
}

void TestAccountStore::keychainFailureChangesNeitherFileNorList() {
    {
        AccountStore store(m_listPath, *m_credentials);
        QVERIFY(store.load());
        QVERIFY(
            store.addAndWait(account(QStringLiteral("keep"), AccountKind::Aws), secret(AccountKind::Aws)));
    }
    const QByteArray before = fileBytes(m_listPath);
    QTemporaryDir home;
    QTemporaryDir runtime;
    const ProbeRun run = runProbe(
        KeychainEnvironment::BusWithoutSecretService, home.path(), runtime.path(),
        {QStringLiteral("--list"), m_listPath, m_credentials->service(), QStringLiteral("add:new"),
         QStringLiteral("list"), QStringLiteral("update:keep"), QStringLiteral("list"),
         QStringLiteral("rename:keep:renamed"), QStringLiteral("list"), QStringLiteral("secret:keep")},
        kProbeMarker);
    QVERIFY2(run.finished && run.exitCode == 0, run.allOutput.constData());
    const QString failed = QStringLiteral(" keychain ") + kNoService;
    QCOMPARE(run.lines,
             (QStringList{QStringLiteral("load ok"), QStringLiteral("add:new") + failed,
                          QStringLiteral("list keep"), QStringLiteral("update:keep") + failed,
                          QStringLiteral("list keep"), QStringLiteral("rename:keep:renamed") + failed,
                          QStringLiteral("list keep"), QStringLiteral("secret:keep") + failed}));
    QCOMPARE(fileBytes(m_listPath), before);
    QCOMPARE(filesUnder(home.path()), QStringList());
    for (const QByteArray &marker : markers())
        QVERIFY(!run.allOutput.contains(marker));
}

void TestAccountStore::removeWithKeychainFailureLeavesAnOrphanThatAddOverwrites() {
    {
        AccountStore store(m_listPath, *m_credentials);
        QVERIFY(store.load());
        QVERIFY(
            store.addAndWait(account(QStringLiteral("gone"), AccountKind::Aws), secret(AccountKind::Aws)));
    }
    QTemporaryDir home;
    QTemporaryDir runtime;
    const ProbeRun run = runProbe(KeychainEnvironment::BusWithoutSecretService, home.path(), runtime.path(),
                                  {QStringLiteral("--list"), m_listPath, m_credentials->service(),
                                   QStringLiteral("drop:gone"), QStringLiteral("list")},
                                  kProbeMarker);
    QVERIFY2(run.finished && run.exitCode == 0, run.allOutput.constData());
    // File first, then the keychain: the account is gone and the user is told a secret stayed.
    QCOMPARE(run.lines,
             (QStringList{QStringLiteral("load ok"),
                          QStringLiteral("drop:gone keychain Account “gone” was removed from the list, "
                                         "but its secret could not be deleted from the keychain: ") +
                              kNoService,
                          QStringLiteral("list ")}));
    AccountStore store(m_listPath, *m_credentials);
    QVERIFY(store.load());
    QVERIFY(store.accounts().isEmpty());

    // The orphan is still in the keychain; adding the id again replaces it.
    QVERIFY(m_credentials->readAndWait(QStringLiteral("gone")));
    AccountSecret fresh;
    fresh.accessKeyId = QStringLiteral("AKIAFRESHKEY0000ABCD");
    fresh.secretAccessKey = QStringLiteral("MLW-STORE-MARKER-fresh");
    QVERIFY(store.addAndWait(account(QStringLiteral("gone"), AccountKind::Aws), fresh));
    const Result<AccountSecret> s = store.readSecretAndWait(QStringLiteral("gone"));
    QVERIFY(s);
    QCOMPARE(*s, fresh);
}

void TestAccountStore::noPlaintextCopyUnderHome() {
    // Runs last: with-keyring.sh gave this process a throw-away HOME; the markers written through
    // the keychain above may live only in its encrypted keyring there.
    const QString home = QDir::homePath();
    QVERIFY(home.startsWith(QDir::tempPath()));
    QCOMPARE(filesContaining(home, markers()), QStringList());
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_account_store.moc"
