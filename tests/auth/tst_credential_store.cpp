// CredentialStore against a real Secret Service (gnome-keyring in a private D-Bus session, see
// tests/support/with-keyring.sh): secrets round-trip, services are separate, the secret really is
// in gnome-keyring, and the error cases — no session bus, no Secret Service, a locked keyring —
// come back as ErrorCode::Keychain with a message naming cause and remedy, with nothing written
// to disk in plaintext. The error cases run tests/auth/keychain_probe in environments prepared
// for them, because one process cannot change its session bus.
#include "core/auth/credential_store.h"
#include "keychain_environment.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(mlwatch::test::KeychainEnvironment)

using namespace mlwatch;
using namespace mlwatch::test;

namespace {

// Distinctive, so a leak scan cannot miss or mistake them.
const QByteArray kMarker = QByteArrayLiteral("MLW-KEYCHAIN-MARKER-7f3a9c-secret");
const QByteArray kMarker2 = QByteArrayLiteral("MLW-KEYCHAIN-MARKER-2b81e4-updated");

const QString kService = QStringLiteral("mlwatch-test-credential-store");

QString notFoundMessage(const QString &key) {
    return QStringLiteral("No secret stored for account “%1” in the Secret Service keyring: add it again in "
                          "Accounts… or with mlwatch-cli accounts import.")
        .arg(key);
}

QList<QByteArray> markers() {
    return {kMarker, kMarker2, kMarker.toBase64(), kMarker2.toBase64()};
}

} // namespace

class TestCredentialStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void storeReadUpdateRemove();
    void removingAMissingEntrySucceeds();
    void binarySecretsRoundTrip_data();
    void binarySecretsRoundTrip();
    void servicesDoNotSeeEachOther();
    void secretIsInGnomeKeyring();
    void callbackRunsOnceAndNeverInsideTheCall();
    void noCallbackAfterTheStoreDied();
    void keychainNameIsTheSecretService();

    void errorCases_data();
    void errorCases();

    void noPlaintextCopyUnderHome();
};

void TestCredentialStore::storeReadUpdateRemove() {
    CredentialStore store(kService);
    const QString key = QStringLiteral("prod");
    QVERIFY(store.writeAndWait(key, kMarker));
    Result<QByteArray> read = store.readAndWait(key);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(*read, kMarker);

    QVERIFY(store.writeAndWait(key, kMarker2));
    read = store.readAndWait(key);
    QVERIFY(read);
    QCOMPARE(*read, kMarker2);

    QVERIFY(store.removeAndWait(key));
    read = store.readAndWait(key);
    QVERIFY(!read);
    QCOMPARE(read.error().code, ErrorCode::NoCredentials);
    QCOMPARE(read.error().message, notFoundMessage(key));
}

void TestCredentialStore::removingAMissingEntrySucceeds() {
    CredentialStore store(kService);
    const Result<void> removed = store.removeAndWait(QStringLiteral("never-written"));
    QVERIFY2(removed, qPrintable(removed ? QString() : removed.error().toString()));
}

void TestCredentialStore::binarySecretsRoundTrip_data() {
    QTest::addColumn<QByteArray>("secret");
    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte.append(char(i));
    QTest::newRow("every byte value, NUL included") << everyByte;
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe\xc3(MLW-KEYCHAIN-MARKER-bin");
    QTest::newRow("JSON key file with newlines") << QByteArray(
        "{\n  \"type\": \"service_account\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n"
        "MLW-KEYCHAIN-MARKER-pem\\n-----END PRIVATE KEY-----\\n\"\n}\n");
    QTest::newRow("64 KiB") << QByteArray(64 * 1024, 'k');
}

void TestCredentialStore::binarySecretsRoundTrip() {
    QFETCH(QByteArray, secret);
    CredentialStore store(kService);
    const QString key =
        QStringLiteral("binary-%1").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    QVERIFY(store.writeAndWait(key, secret));
    const Result<QByteArray> read = store.readAndWait(key);
    QVERIFY(read);
    QCOMPARE(*read, secret);
    QVERIFY(store.removeAndWait(key));
}

void TestCredentialStore::servicesDoNotSeeEachOther() {
    CredentialStore first(QStringLiteral("mlwatch-test-first"));
    CredentialStore second(QStringLiteral("mlwatch-test-second"));
    const QString key = QStringLiteral("shared-id");
    QVERIFY(first.writeAndWait(key, kMarker));

    Result<QByteArray> fromSecond = second.readAndWait(key);
    QVERIFY(!fromSecond);
    QCOMPARE(fromSecond.error().code, ErrorCode::NoCredentials);

    QVERIFY(second.writeAndWait(key, kMarker2));
    QVERIFY(second.removeAndWait(key));
    const Result<QByteArray> fromFirst = first.readAndWait(key);
    QVERIFY(fromFirst);
    QCOMPARE(*fromFirst, kMarker); // neither the write nor the remove of `second` touched it
    QVERIFY(first.removeAndWait(key));
}

void TestCredentialStore::secretIsInGnomeKeyring() {
    const QString service = QStringLiteral("mlwatch-test-in-keyring");
    CredentialStore store(service);
    QVERIFY(store.writeAndWait(QStringLiteral("acct"), kMarker));

    // QtKeychain's schema: attributes user (= key), server (= service), type. Binary data is
    // stored base64-encoded (type = base64); the keyring itself encrypts it on disk.
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service});
    QVERIFY(tool.waitForFinished(60000));
    QCOMPARE(tool.exitCode(), 0);
    const QByteArray output = tool.readAll();
    QVERIFY(output.contains("attribute.user = acct"));
    QVERIFY(output.contains(QByteArray(QByteArray("attribute.server = ") + service.toUtf8())));
    QVERIFY(output.contains("attribute.type = base64"));
    QVERIFY(output.contains(QByteArray(QByteArray("secret = ") + kMarker.toBase64())));

    QVERIFY(store.removeAndWait(QStringLiteral("acct")));
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service});
    QVERIFY(tool.waitForFinished(60000));
    QVERIFY(!tool.readAll().contains("attribute.user = acct"));
}

void TestCredentialStore::callbackRunsOnceAndNeverInsideTheCall() {
    CredentialStore store(kService);
    int writes = 0;
    int reads = 0;
    QByteArray value;
    store.write(QStringLiteral("async"), kMarker, [&](Result<void> r) {
        QVERIFY(r);
        ++writes;
    });
    QCOMPARE(writes, 0);
    store.read(QStringLiteral("async"), [&](Result<QByteArray> r) {
        QVERIFY(r);
        value = *r;
        ++reads;
    });
    QCOMPARE(reads, 0);
    QTRY_COMPARE_WITH_TIMEOUT(reads, 1, 60000);
    QCOMPARE(writes, 1); // QtKeychain runs jobs in order: the write finished first
    QCOMPARE(value, kMarker);
    QVERIFY(store.removeAndWait(QStringLiteral("async")));
    QCOMPARE(writes, 1);
    QCOMPARE(reads, 1);
}

void TestCredentialStore::noCallbackAfterTheStoreDied() {
    int calls = 0;
    {
        CredentialStore doomed(kService);
        doomed.write(QStringLiteral("doomed"), kMarker, [&calls](Result<void>) { ++calls; });
    }
    // Jobs run one after another, so once this one is done, the doomed one finished too.
    CredentialStore store(kService);
    const Result<QByteArray> read = store.readAndWait(QStringLiteral("doomed"));
    QVERIFY(read);
    QCOMPARE(*read, kMarker);
    QCOMPARE(calls, 0);
    QVERIFY(store.removeAndWait(QStringLiteral("doomed")));
}

void TestCredentialStore::keychainNameIsTheSecretService() {
    QCOMPARE(CredentialStore::keychainName(), QStringLiteral("the Secret Service keyring"));
}

void TestCredentialStore::errorCases_data() {
    QTest::addColumn<KeychainEnvironment>("environment");
    QTest::addColumn<QStringList>("operations");
    QTest::addColumn<QStringList>("expected");

    const QString noBus = QStringLiteral(
        "keychain No D-Bus session bus: MLWatch needs a desktop session with a keychain (Secret Service) "
        "to keep its secrets. Start MLWatch from your desktop session, or run it under dbus-run-session "
        "with gnome-keyring started.");
    QTest::newRow("no session bus: write, read and remove name the missing bus")
        << KeychainEnvironment::NoSessionBus
        << QStringList{QStringLiteral("write:k"), QStringLiteral("read:k"), QStringLiteral("remove:k")}
        << QStringList{QStringLiteral("write:k ") + noBus, QStringLiteral("read:k ") + noBus,
                       QStringLiteral("remove:k ") + noBus};

    const QString noService = QStringLiteral(
        "keychain No Secret Service on the session bus: install/start gnome-keyring or KWallet.");
    QTest::newRow("bus without Secret Service: write, read and remove name the missing service")
        << KeychainEnvironment::BusWithoutSecretService
        << QStringList{QStringLiteral("write:k"), QStringLiteral("read:k"), QStringLiteral("remove:k")}
        << QStringList{QStringLiteral("write:k ") + noService, QStringLiteral("read:k ") + noService,
                       QStringLiteral("remove:k ") + noService};

    const QString locked = QStringLiteral("keychain The keychain is locked: unlock it (log in again, or open "
                                          "Passwords and Keys) and try again.");
    QTest::newRow(
        "locked keyring: a stored secret reads as locked, not missing; writes and removes are refused")
        << KeychainEnvironment::FreshKeyring
        << QStringList{QStringLiteral("write:k"),
                       QStringLiteral("read:k"),
                       QStringLiteral("lock"),
                       QStringLiteral("read:k"),
                       QStringLiteral("read:never-stored"),
                       QStringLiteral("remove:k"),
                       QStringLiteral("write:k"),
                       QStringLiteral("write:new")}
        << QStringList{QStringLiteral("write:k ok"),
                       QStringLiteral("read:k ok same"),
                       QStringLiteral("lock ok"),
                       QStringLiteral("read:k ") + locked,
                       QStringLiteral("read:never-stored ") + locked,
                       QStringLiteral("remove:k ") + locked,
                       QStringLiteral("write:k ") + locked,
                       QStringLiteral("write:new ") + locked};
}

void TestCredentialStore::errorCases() {
    QFETCH(KeychainEnvironment, environment);
    QFETCH(QStringList, operations);
    QFETCH(QStringList, expected);

    QTemporaryDir home;
    QTemporaryDir runtime;
    QVERIFY(home.isValid() && runtime.isValid());
    QFile::setPermissions(runtime.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    const ProbeRun run = runProbe(environment, home.path(), runtime.path(),
                                  QStringList{QStringLiteral("mlwatch-test-probe")} + operations, kMarker);
    QVERIFY2(run.finished, run.allOutput.constData());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.lines, expected);

    // No plaintext fallback: only the keyring's own (encrypted) files may appear under HOME, and the
    // secret appears in no file and in none of the output.
    for (const QString &file : filesUnder(home.path()))
        QVERIFY2(file.startsWith(QLatin1String(".local/share/keyrings/")), qPrintable(file));
    QCOMPARE(filesContaining(home.path(), markers()), QStringList());
    QCOMPARE(filesContaining(runtime.path(), markers()), QStringList());
    for (const QByteArray &marker : markers())
        QVERIFY(!run.allOutput.contains(marker));
}

void TestCredentialStore::noPlaintextCopyUnderHome() {
    // Runs last: everything above wrote the markers through the keychain; with-keyring.sh gave
    // this process a throw-away HOME, where only the encrypted keyring may hold them.
    const QString home = QDir::homePath();
    QVERIFY(home.startsWith(QDir::tempPath())); // never scan (or trust) a real HOME
    QCOMPARE(filesContaining(home, markers()), QStringList());
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credential_store.moc"
