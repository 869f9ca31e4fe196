// `mlwatch-cli accounts …` and `query aws --account` end to end: the real binary in a QProcess,
// against the real Secret Service of this test's private keyring session (with-keyring.sh), with
// HOME and XDG_CONFIG_HOME in a temporary folder and a keychain service of its own per test
// (MLWATCH_KEYCHAIN_SERVICE). A DemoCloud in this process plays AWS on loopback and accepts only
// the marker credentials. Pins: what imports pick and refuse, that secrets arrive only through
// files or standard input and end up only in the keychain, the exit statuses (3 nothing to use,
// 4 rejected, 10 keychain unavailable), exactly one stderr line on failure, and that no marker
// ever appears in stdout, stderr or any file the CLI wrote.
#include "cli_runner.h"
#include "core/auth/account.h"
#include "core/auth/credential_store.h"
#include "core/common/error.h"
#include "demo/demo_cloud.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;
using namespace mlwatch::test;

namespace {

// Distinctive strings a leak scan can find; none of them may leave the keychain.
const QByteArray kKeyId = "AKIAMARKERQ7Z3KEYID9";
const QByteArray kSecret = "mArKeR/AwsSecret+9f3c1e77aa0b4d2e8c5f6a7b";
const QByteArray kSessionToken = "mArKeR-SessionToken-5e4d3c2b1a0f9e8d";
const QByteArray kWrongSecret = "mArKeR/WrongSecret+0a1b2c3d4e5f60718293";
const QByteArray kAzureSecret = "mArKeR~AzureClientSecret.8b7a6c5d4e3f";
const QByteArray kGoogleKeyId = "markergooglekeyid0123456789abcdef01234567";
const QByteArray kProfileSecret = "mArKeR/ProfileSecret+77e6d5c4b3a2918f0e1d";
const QByteArray kProfileKeyId = "AKIAMARKERPROFILE42X";

} // namespace

class TestCliAccounts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void helpListsTheAccountsCommandsAndExitTen();

    void importAwsProfileWarnsAboutAMalformedLineButImports();
    void importAwsSsoProfileIsRefusedWithItsReason();
    void importAwsUnknownProfileExitsThree();
    void importAwsTakesTheEnvironmentWhenNoProfileIsGiven();
    void importAzureFromTheEnvironment();
    void importGcpFromAKeyFile();
    void importIntoATakenIdIsRefused();

    void listTextAndJsonShowMetadataButNoSecret();

    void addAwsReadsTheKeysFromStandardInput();
    void addAzureReadsTheClientSecretFromStandardInput();
    void addWithTooFewLinesSaysWhatIsMissing();
    void secretLookingArgumentIsRefused_data();
    void secretLookingArgumentIsRefused();

    void removeDeletesTheAccountAndItsSecret();
    void removeUnknownIdExitsThree();

    void testAgainstTheDemoCloudSucceeds();
    void testWithAWrongSecretExitsFour();
    void queryWithAStoredAccountWritesCsv();

    void keychainUnavailableExitsTenAndWritesNothing_data();
    void keychainUnavailableExitsTenAndWritesNothing();

private:
    QProcessEnvironment baseEnv() const;
    QString writeFile(const QString &relative, const QByteArray &content) const;
    CliRun addDemoAccount(const QString &id, const QByteArray &secret, const QProcessEnvironment &env);
    QJsonArray listedAccounts();
    // Every marker, in stdout/stderr of `run` and in every file under HOME that the test did not
    // write itself (the fixtures in ~/.aws and ~/fixtures).
    void expectNoMarkers(const CliRun &run) const;
    void expectNoMarkersOnDisk() const;
    QList<QByteArray> markers() const;

    std::unique_ptr<QTemporaryDir> m_home;
    QString m_service;
    QByteArray m_googleKeyMarker; // a slice of the generated private key
    std::unique_ptr<demo::DemoCloud> m_demo;
};

void TestCliAccounts::initTestCase() {
    QVERIFY2(QFile::exists(QStringLiteral(MLWATCH_CLI_PATH)), MLWATCH_CLI_PATH);
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run through ctest: the test needs the private keyring session of with-keyring.sh");
}

void TestCliAccounts::init() {
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    // One keychain service per test: entries of one test never meet another's.
    m_service = QStringLiteral("MLWatchCliTest-%1-%2")
                    .arg(QString::fromLatin1(QTest::currentTestFunction()))
                    .arg(QRandomGenerator::global()->generate());
    m_demo = std::make_unique<demo::DemoCloud>();
    QVERIFY(m_demo->start());
    m_demo->setAcceptedCredentials(
        {QString::fromLatin1(kKeyId), QString::fromLatin1(kSecret), QString(), QDateTime()});
}

QProcessEnvironment TestCliAccounts::baseEnv() const {
    // Nothing from the developer's or CI's environment but the keyring session's bus.
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin")); // output must stay UTC
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("MLWATCH_KEYCHAIN_SERVICE"), m_service);
    return env;
}

QString TestCliAccounts::writeFile(const QString &relative, const QByteArray &content) const {
    const QString path = m_home->filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write the fixture %s", qPrintable(path));
    return path;
}

QList<QByteArray> TestCliAccounts::markers() const {
    QList<QByteArray> all{kKeyId,       kSecret,      kSessionToken,  kWrongSecret,
                          kAzureSecret, kGoogleKeyId, kProfileSecret, kProfileKeyId};
    if (!m_googleKeyMarker.isEmpty())
        all.append(m_googleKeyMarker);
    return all;
}

void TestCliAccounts::expectNoMarkers(const CliRun &run) const {
    for (const QByteArray &marker : markers()) {
        // The message names the marker's start only: the report must not become the leak.
        QVERIFY2(!run.out.contains(marker),
                 QByteArray("a secret reached stdout: " + marker.left(8)).constData());
        QVERIFY2(!run.err.contains(marker),
                 QByteArray("a secret reached stderr: " + marker.left(8)).constData());
    }
    expectNoMarkersOnDisk();
}

void TestCliAccounts::expectNoMarkersOnDisk() const {
    const QString fixtures[] = {m_home->filePath(QStringLiteral(".aws")),
                                m_home->filePath(QStringLiteral("fixtures"))};
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (std::any_of(std::begin(fixtures), std::end(fixtures),
                        [&](const QString &f) { return path.startsWith(f + QLatin1Char('/')); }))
            continue;
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray content = file.readAll();
        for (const QByteArray &marker : markers())
            QVERIFY2(!content.contains(marker), qPrintable(path + QStringLiteral(" holds a secret")));
    }
}

QJsonArray TestCliAccounts::listedAccounts() {
    const CliRun run = runCli({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--format"),
                               QStringLiteral("json")},
                              baseEnv());
    if (run.exitCode != 0)
        qWarning("accounts list failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).object().value(QStringLiteral("accounts")).toArray();
}

CliRun TestCliAccounts::addDemoAccount(const QString &id, const QByteArray &secret,
                                       const QProcessEnvironment &env) {
    return runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("aws"),
                   QStringLiteral("--id"), id, QStringLiteral("--region"), demo::DemoCloud::region(),
                   QStringLiteral("--endpoint-url"), m_demo->endpoint().toString()},
                  env, kKeyId + '\n' + secret + '\n');
}

void TestCliAccounts::helpListsTheAccountsCommandsAndExitTen() {
    const CliRun accounts = runCli({QStringLiteral("accounts"), QStringLiteral("--help")}, baseEnv());
    QCOMPARE(accounts.exitCode, 0);
    for (const char *needle :
         {"accounts list", "accounts import aws", "accounts import azure", "accounts import gcp",
          "accounts add aws", "accounts add azure", "accounts remove", "accounts test", "trust-host",
          "untrust-host", "standard input"})
        QVERIFY2(accounts.out.contains(needle), needle);
    const CliRun top = runCli({QStringLiteral("--help")}, baseEnv());
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.out.contains("--account"));
    QVERIFY(top.out.contains("mlwatch-cli accounts"));
    QVERIFY(
        top.out.contains(QByteArray("\n  " + QByteArray::number(exitStatusFor(ErrorCode::Keychain)) + "  ")));
    QCOMPARE(exitStatusFor(ErrorCode::Keychain), 10);
}

void TestCliAccounts::importAwsProfileWarnsAboutAMalformedLineButImports() {
    writeFile(QStringLiteral(".aws/credentials"), "[default]\naws_access_key_id = " + kProfileKeyId +
                                                      "\naws_secret_access_key = " + kProfileSecret +
                                                      "\n\n[broken]\nthis line is not a key and a value\n");
    writeFile(QStringLiteral(".aws/config"), "[default]\nregion = eu-west-1\n");
    const CliRun run = runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("aws"),
                               QStringLiteral("--profile"), QStringLiteral("default")},
                              baseEnv());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("default"), run.out.constData());
    QVERIFY2(run.out.contains("stored in"), run.out.constData());
    QVERIFY2(run.out.contains(m_service.toUtf8()), run.out.constData());
    // The malformed line is a warning naming the file and line, not a failure.
    QVERIFY2(run.err.contains("credentials") && run.err.contains("line"), run.err.constData());
    QVERIFY2(run.err.startsWith("Warning: "), run.err.constData());
    expectNoMarkers(run);

    const QJsonArray accounts = listedAccounts();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject a = accounts.first().toObject();
    QCOMPARE(a.value(QStringLiteral("id")).toString(), QStringLiteral("default"));
    QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("aws"));
    QCOMPARE(a.value(QStringLiteral("regions")).toArray(), QJsonArray{QStringLiteral("eu-west-1")});

    // The secret went to the keychain, whole.
    CredentialStore store(m_service);
    const Result<QByteArray> blob = store.readAndWait(QStringLiteral("default"));
    QVERIFY2(blob, qPrintable(blob ? QString() : blob.error().toString()));
    QVERIFY(blob->contains(kProfileSecret));
}

void TestCliAccounts::importAwsSsoProfileIsRefusedWithItsReason() {
    writeFile(QStringLiteral(".aws/config"),
              "[profile sso-dev]\nsso_start_url = https://example.awsapps.com/start\n"
              "sso_region = us-east-1\nsso_account_id = 123456789012\n"
              "sso_role_name = ReadOnly\nregion = us-east-1\n");
    const CliRun run = runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("aws"),
                               QStringLiteral("--profile"), QStringLiteral("sso-dev")},
                              baseEnv());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::NoCredentials));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("sso_"), run.err.constData()); // the key that makes it not importable
    QVERIFY2(run.err.contains("sso-dev"), run.err.constData());
    QCOMPARE(listedAccounts().size(), 0);
}

void TestCliAccounts::importAwsUnknownProfileExitsThree() {
    writeFile(QStringLiteral(".aws/credentials"), "[default]\naws_access_key_id = " + kProfileKeyId +
                                                      "\naws_secret_access_key = " + kProfileSecret + "\n");
    const CliRun run = runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("aws"),
                               QStringLiteral("--profile"), QStringLiteral("nope")},
                              baseEnv());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::NoCredentials));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("nope"), run.err.constData());
    expectNoMarkers(run);
}

void TestCliAccounts::importAwsTakesTheEnvironmentWhenNoProfileIsGiven() {
    // As botocore: the AWS_* variables win over the default profile when no profile is named.
    writeFile(QStringLiteral(".aws/credentials"), "[default]\naws_access_key_id = " + kProfileKeyId +
                                                      "\naws_secret_access_key = " + kProfileSecret + "\n");
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QString::fromLatin1(kKeyId));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QString::fromLatin1(kSecret));
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("ap-southeast-2"));
    const CliRun run = runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("aws"),
                               QStringLiteral("--id"), QStringLiteral("from-env")},
                              env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    expectNoMarkers(run);
    const QJsonArray accounts = listedAccounts();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("from-env"));
    QCOMPARE(accounts.first().toObject().value(QStringLiteral("regions")).toArray(),
             QJsonArray{QStringLiteral("ap-southeast-2")});
    CredentialStore store(m_service);
    const Result<QByteArray> blob = store.readAndWait(QStringLiteral("from-env"));
    QVERIFY(blob);
    QVERIFY(blob->contains(kSecret));
    QVERIFY(!blob->contains(kProfileSecret));
}

void TestCliAccounts::importAzureFromTheEnvironment() {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("11111111-2222-3333-4444-555555555555"));
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), QStringLiteral("66666666-7777-8888-9999-000000000000"));
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QString::fromLatin1(kAzureSecret));
    const CliRun run =
        runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("azure"),
                QStringLiteral("--id"), QStringLiteral("ml-azure"), QStringLiteral("--subscription"),
                QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")},
               env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("ml-azure") && run.out.contains("stored in"), run.out.constData());
    expectNoMarkers(run);
    const QJsonArray accounts = listedAccounts();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject a = accounts.first().toObject();
    QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("azure"));
    QCOMPARE(a.value(QStringLiteral("tenantId")).toString(),
             QStringLiteral("11111111-2222-3333-4444-555555555555"));
    QCOMPARE(a.value(QStringLiteral("subscriptions")).toArray(),
             QJsonArray{QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")});
    CredentialStore store(m_service);
    const Result<QByteArray> blob = store.readAndWait(QStringLiteral("ml-azure"));
    QVERIFY(blob);
    QVERIFY(blob->contains(kAzureSecret));
}

void TestCliAccounts::importGcpFromAKeyFile() {
    // A real RSA key, made for this run (never a key checked into the repository).
    const QString pem = m_home->filePath(QStringLiteral("fixtures/key.pem"));
    QDir().mkpath(QFileInfo(pem).absolutePath());
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"),
                   pem});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    QFile keyFile(pem);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QByteArray privateKey = keyFile.readAll();
    const QList<QByteArray> keyLines = privateKey.split('\n');
    QVERIFY(keyLines.size() > 10);
    m_googleKeyMarker = keyLines.at(5); // 64 characters of the key's body
    const QJsonObject key{
        {QStringLiteral("type"), QStringLiteral("service_account")},
        {QStringLiteral("project_id"), QStringLiteral("ml-project-4711")},
        {QStringLiteral("private_key_id"), QString::fromLatin1(kGoogleKeyId)},
        {QStringLiteral("private_key"), QString::fromLatin1(privateKey)},
        {QStringLiteral("client_email"), QStringLiteral("watcher@ml-project-4711.iam.gserviceaccount.com")},
        {QStringLiteral("client_id"), QStringLiteral("104242424242424242424")},
        {QStringLiteral("token_uri"), QStringLiteral("https://oauth2.googleapis.com/token")}};
    const QString path = writeFile(QStringLiteral("fixtures/sa.json"), QJsonDocument(key).toJson());
    const CliRun run =
        runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("gcp"),
                QStringLiteral("--key-file"), path, QStringLiteral("--id"), QStringLiteral("vertex")},
               baseEnv());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("vertex") && run.out.contains("stored in"), run.out.constData());
    expectNoMarkers(run);
    const QJsonArray accounts = listedAccounts();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject a = accounts.first().toObject();
    QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("gcp"));
    QCOMPARE(a.value(QStringLiteral("projects")).toArray(), QJsonArray{QStringLiteral("ml-project-4711")});
    QCOMPARE(a.value(QStringLiteral("clientEmail")).toString(),
             QStringLiteral("watcher@ml-project-4711.iam.gserviceaccount.com"));
    CredentialStore store(m_service);
    const Result<QByteArray> blob = store.readAndWait(QStringLiteral("vertex"));
    QVERIFY(blob);
    // The key file, verbatim, is the secret (the blob holds it base64-encoded).
    const Result<AccountSecret> secret =
        AccountSecret::fromBlob(*blob, AccountKind::Gcp, QStringLiteral("vertex"));
    QVERIFY(secret);
    QCOMPARE(QJsonDocument::fromJson(secret->googleCredentialsJson).object(), key);
}

void TestCliAccounts::importIntoATakenIdIsRefused() {
    QVERIFY(addDemoAccount(QStringLiteral("prod"), kSecret, baseEnv()).exitCode == 0);
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("t"));
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), QStringLiteral("c"));
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QString::fromLatin1(kAzureSecret));
    const CliRun run = runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("azure"),
                               QStringLiteral("--id"), QStringLiteral("prod")},
                              env);
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("prod"), run.err.constData());
    // The first account and its secret are untouched.
    const QJsonArray accounts = listedAccounts();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("aws"));
    CredentialStore store(m_service);
    const Result<QByteArray> blob = store.readAndWait(QStringLiteral("prod"));
    QVERIFY(blob);
    QVERIFY(blob->contains(kSecret));
}

void TestCliAccounts::listTextAndJsonShowMetadataButNoSecret() {
    // Temporary credentials with their expiry, from a profile; and an Azure account.
    writeFile(QStringLiteral(".aws/credentials"),
              "[temp]\naws_access_key_id = " + kProfileKeyId + "\naws_secret_access_key = " + kProfileSecret +
                  "\naws_session_token = " + kSessionToken + "\nexpiration = 2031-05-01T12:00:00Z\n");
    writeFile(QStringLiteral(".aws/config"), "[profile temp]\nregion = us-west-2\n");
    QProcessEnvironment env = baseEnv();
    QVERIFY(runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("aws"),
                    QStringLiteral("--profile"), QStringLiteral("temp")},
                   env)
                .exitCode == 0);
    env.insert(QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("tenant-1"));
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), QStringLiteral("client-1"));
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QString::fromLatin1(kAzureSecret));
    env.insert(QStringLiteral("AZURE_SUBSCRIPTION_ID"), QStringLiteral("sub-1"));
    QVERIFY(runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("azure"),
                    QStringLiteral("--id"), QStringLiteral("az")},
                   env)
                .exitCode == 0);

    const CliRun text = runCli({QStringLiteral("accounts"), QStringLiteral("list")}, baseEnv());
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.err, QByteArray());
    const QList<QByteArray> lines = text.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3); // header + two accounts
    QVERIFY2(lines.at(0).startsWith("ID") && lines.at(0).contains("SOURCE"), lines.at(0).constData());
    const QByteArray awsLine = lines.at(1).startsWith("az") ? lines.at(2) : lines.at(1);
    const QByteArray azureLine = lines.at(1).startsWith("az") ? lines.at(1) : lines.at(2);
    QVERIFY2(awsLine.startsWith("temp ") && awsLine.contains(" aws ") && awsLine.contains("us-west-2") &&
                 awsLine.contains("2031-05-01T12:00:00Z"),
             awsLine.constData());
    QVERIFY2(azureLine.contains(" azure ") && azureLine.contains("sub-1"), azureLine.constData());
    expectNoMarkers(text);

    const CliRun json = runCli({QStringLiteral("accounts"), QStringLiteral("list"),
                                QStringLiteral("--format"), QStringLiteral("json")},
                               baseEnv());
    QCOMPARE(json.exitCode, 0);
    expectNoMarkers(json);
    QJsonParseError error;
    const QJsonArray accounts =
        QJsonDocument::fromJson(json.out, &error).object().value(QStringLiteral("accounts")).toArray();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(accounts.size(), 2);
    for (const QJsonValue &value : accounts) {
        const QJsonObject a = value.toObject();
        if (a.value(QStringLiteral("kind")).toString() != QLatin1String("aws"))
            continue;
        QCOMPARE(a.value(QStringLiteral("expiresAt")).toString(), QStringLiteral("2031-05-01T12:00:00Z"));
        QCOMPARE(a.value(QStringLiteral("expired")).toBool(), false);
        // The hint is enough to recognise the key; the key id itself never shows.
        const QString hint = a.value(QStringLiteral("accessKeyHint")).toString();
        QVERIFY2(hint.startsWith(QLatin1String("AKIA")) && hint.endsWith(QLatin1String("E42X")),
                 qPrintable(hint));
        QVERIFY(!a.value(QStringLiteral("source")).toString().isEmpty());
    }
}

void TestCliAccounts::addAwsReadsTheKeysFromStandardInput() {
    const CliRun run =
        runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("aws"),
                QStringLiteral("--id"), QStringLiteral("by-hand"), QStringLiteral("--region"),
                QStringLiteral("eu-central-1"), QStringLiteral("--region"), QStringLiteral("us-east-1"),
                QStringLiteral("--expires"), QStringLiteral("2031-01-01T00:00:00Z")},
               baseEnv(), kKeyId + "\r\n" + kSecret + "\r\n" + kSessionToken + "\r\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("by-hand") && run.out.contains("stored in"), run.out.constData());
    expectNoMarkers(run);
    const QJsonObject a = listedAccounts().first().toObject();
    QCOMPARE(a.value(QStringLiteral("regions")).toArray(),
             (QJsonArray{QStringLiteral("eu-central-1"), QStringLiteral("us-east-1")}));
    QCOMPARE(a.value(QStringLiteral("expiresAt")).toString(), QStringLiteral("2031-01-01T00:00:00Z"));
    CredentialStore store(m_service);
    const Result<QByteArray> blob = store.readAndWait(QStringLiteral("by-hand"));
    QVERIFY(blob);
    QVERIFY(blob->contains(kKeyId) && blob->contains(kSecret) && blob->contains(kSessionToken));
    QVERIFY(!blob->contains('\r')); // the line ends are not part of the secret
}

void TestCliAccounts::addAzureReadsTheClientSecretFromStandardInput() {
    const CliRun run =
        runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("azure"),
                QStringLiteral("--id"), QStringLiteral("az-hand"), QStringLiteral("--tenant"),
                QStringLiteral("tenant-9"), QStringLiteral("--client-id"), QStringLiteral("client-9"),
                QStringLiteral("--subscription"), QStringLiteral("sub-9")},
               baseEnv(), kAzureSecret + '\n');
    QVERIFY2(run.exitCode == 0, run.err.constData());
    expectNoMarkers(run);
    const QJsonObject a = listedAccounts().first().toObject();
    QCOMPARE(a.value(QStringLiteral("clientId")).toString(), QStringLiteral("client-9"));
    CredentialStore store(m_service);
    const Result<QByteArray> blob = store.readAndWait(QStringLiteral("az-hand"));
    QVERIFY(blob);
    QVERIFY(blob->contains(kAzureSecret));
}

void TestCliAccounts::addWithTooFewLinesSaysWhatIsMissing() {
    const CliRun run = runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("aws"),
                               QStringLiteral("--id"), QStringLiteral("half"), QStringLiteral("--region"),
                               QStringLiteral("us-east-1")},
                              baseEnv(), kKeyId + '\n');
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("secret access key"), run.err.constData());
    expectNoMarkers(run);
    QCOMPARE(listedAccounts().size(), 0);
}

void TestCliAccounts::secretLookingArgumentIsRefused_data() {
    QTest::addColumn<QStringList>("args");
    const QString secret = QString::fromLatin1(kSecret);
    const QStringList add{QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("aws"),
                          QStringLiteral("--id"), QStringLiteral("x")};
    QTest::newRow("--secret-access-key=VALUE")
        << add + QStringList{QStringLiteral("--secret-access-key=") + secret};
    QTest::newRow("--secret VALUE") << add + QStringList{QStringLiteral("--secret"), secret};
    QTest::newRow("--client-secret on azure")
        << QStringList{QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("azure"),
                       QStringLiteral("--client-secret"), secret};
    QTest::newRow("--session-token") << add + QStringList{QStringLiteral("--session-token=") + secret};
    QTest::newRow("--aws_secret_access_key on query") << QStringList{
        QStringLiteral("query"), QStringLiteral("aws"), QStringLiteral("--aws_secret_access_key"), secret};
    QTest::newRow("secret as an extra word") << add + QStringList{secret};
}

void TestCliAccounts::secretLookingArgumentIsRefused() {
    QFETCH(QStringList, args);
    const CliRun run = runCli(args, baseEnv(), QByteArray());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("standard input"), run.err.constData());
    expectNoMarkers(run); // the value is never echoed
    QCOMPARE(listedAccounts().size(), 0);
}

void TestCliAccounts::removeDeletesTheAccountAndItsSecret() {
    QVERIFY(addDemoAccount(QStringLiteral("gone"), kSecret, baseEnv()).exitCode == 0);
    const CliRun run =
        runCli({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("gone")}, baseEnv());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("gone"), run.out.constData());
    QCOMPARE(listedAccounts().size(), 0);
    CredentialStore store(m_service);
    const Result<QByteArray> blob = store.readAndWait(QStringLiteral("gone"));
    QVERIFY(!blob);
    QCOMPARE(blob.error().code, ErrorCode::NoCredentials);
}

void TestCliAccounts::removeUnknownIdExitsThree() {
    const CliRun run = runCli(
        {QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("never-added")}, baseEnv());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::NoCredentials));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("never-added"), run.err.constData());
}

void TestCliAccounts::testAgainstTheDemoCloudSucceeds() {
    QVERIFY(addDemoAccount(QStringLiteral("demo-ok"), kSecret, baseEnv()).exitCode == 0);
    const quint64 before = m_demo->requestCount();
    const CliRun run =
        runCli({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("demo-ok")}, baseEnv());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    QVERIFY(!run.out.trimmed().isEmpty());
    QVERIFY(m_demo->requestCount() > before); // it really asked the cloud
    expectNoMarkers(run);
}

void TestCliAccounts::testWithAWrongSecretExitsFour() {
    QVERIFY(addDemoAccount(QStringLiteral("demo-bad"), kWrongSecret, baseEnv()).exitCode == 0);
    const CliRun run =
        runCli({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("demo-bad")}, baseEnv());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::AuthRejected));
    QCOMPARE(run.errLines().size(), 1);
    expectNoMarkers(run);
}

void TestCliAccounts::queryWithAStoredAccountWritesCsv() {
    QVERIFY(addDemoAccount(QStringLiteral("demo-query"), kSecret, baseEnv()).exitCode == 0);
    const QDateTime hour = floorHour(QDateTime::currentDateTimeUtc());
    const CliRun run = runCli({QStringLiteral("query"),       QStringLiteral("aws"),
                               QStringLiteral("--account"),   QStringLiteral("demo-query"),
                               QStringLiteral("--namespace"), QStringLiteral("AWS/SageMaker"),
                               QStringLiteral("--metric"),    QStringLiteral("Invocations"),
                               QStringLiteral("--dimension"), QStringLiteral("EndpointName=churn-model-prod"),
                               QStringLiteral("--dimension"), QStringLiteral("VariantName=AllTraffic"),
                               QStringLiteral("--stat"),      QStringLiteral("Sum"),
                               QStringLiteral("--period"),    QStringLiteral("60"),
                               QStringLiteral("--from"),      iso(hour.addSecs(-3 * 3600)),
                               QStringLiteral("--to"),        iso(hour.addSecs(-2 * 3600))},
                              baseEnv());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.startsWith("timestamp,series,value,unit\n"));
    const QList<CsvRow> rows = csvRows(run.out);
    QVERIFY(rows.size() > 30); // per minute over an hour of the demo's traffic
    QCOMPARE(run.err, QByteArray());
    QVERIFY(rows.first().series.startsWith("AWS/SageMaker:Invocations{"));
    expectNoMarkers(run);
}

void TestCliAccounts::keychainUnavailableExitsTenAndWritesNothing_data() {
    QTest::addColumn<QString>("command");
    QTest::newRow("add") << QStringLiteral("add");
    QTest::newRow("import azure") << QStringLiteral("import");
    QTest::newRow("query --account") << QStringLiteral("query");
    QTest::newRow("test") << QStringLiteral("test");
}

void TestCliAccounts::keychainUnavailableExitsTenAndWritesNothing() {
    QFETCH(QString, command);
    // `query` and `test` need an account in the list first (added while the keychain is there).
    if (command == QLatin1String("query") || command == QLatin1String("test"))
        QVERIFY(addDemoAccount(QStringLiteral("stored"), kSecret, baseEnv()).exitCode == 0);
    const int accountsBefore = int(listedAccounts().size());

    QProcessEnvironment noBus = baseEnv();
    noBus.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    noBus.insert(QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("tenant-1"));
    noBus.insert(QStringLiteral("AZURE_CLIENT_ID"), QStringLiteral("client-1"));
    noBus.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QString::fromLatin1(kAzureSecret));
    CliRun run;
    if (command == QLatin1String("add"))
        run = addDemoAccount(QStringLiteral("no-keychain"), kSecret, noBus);
    else if (command == QLatin1String("import"))
        run = runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("azure"),
                      QStringLiteral("--id"), QStringLiteral("no-keychain")},
                     noBus);
    else if (command == QLatin1String("query"))
        run =
            runCli({QStringLiteral("query"), QStringLiteral("aws"), QStringLiteral("--account"),
                    QStringLiteral("stored"), QStringLiteral("--namespace"), QStringLiteral("AWS/SageMaker"),
                    QStringLiteral("--metric"), QStringLiteral("Invocations"), QStringLiteral("--from"),
                    QStringLiteral("-1h"), QStringLiteral("--to"), QStringLiteral("now")},
                   noBus);
    else
        run = runCli({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("stored")}, noBus);

    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::Keychain));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("D-Bus"), run.err.constData()); // names the cause
    expectNoMarkers(run);                                     // and no plaintext fallback anywhere
    QCOMPARE(int(listedAccounts().size()), accountsBefore);   // the list did not change
}

QTEST_GUILESS_MAIN(TestCliAccounts)
#include "tst_cli_accounts.moc"
