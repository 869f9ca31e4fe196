// Account (the metadata half, written to the account list) and AccountSecret (the keychain blob):
// JSON round trips per kind, errors that name the member, secrets refused by name, id rules, the
// access key hint, and blobs that refuse other kinds and garbage without echoing content.
#include "core/auth/account.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(mlwatch::Account)
Q_DECLARE_METATYPE(mlwatch::AccountSecret)

using namespace mlwatch;

namespace {

Account awsAccount() {
    Account a;
    a.id = QStringLiteral("prod");
    a.label = QStringLiteral("Production");
    a.kind = AccountKind::Aws;
    a.endpointUrl = QStringLiteral("https://monitoring.eu-west-1.amazonaws.com");
    a.source = QStringLiteral("~/.aws/credentials [prod]");
    a.regions = {QStringLiteral("eu-west-1"), QStringLiteral("us-east-1")};
    a.accessKeyHint = QStringLiteral("AKIA…WXYZ");
    a.expiresAt = QDateTime(QDate(2025, 1, 31), QTime(18, 0, 0, 250), Qt::UTC);
    a.protocol = QStringLiteral("json");
    return a;
}

Account azureAccount() {
    Account a;
    a.id = QStringLiteral("azure-ml");
    a.kind = AccountKind::Azure;
    a.source = QStringLiteral("AZURE_* variables");
    a.tenantId = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
    a.clientId = QStringLiteral("0b1a5c1e-3f43-4b8d-9a1f-1234567890ab");
    a.subscriptionIds = {QStringLiteral("sub-1"), QStringLiteral("sub-2")};
    a.authorityHost = QStringLiteral("https://login.microsoftonline.us");
    return a;
}

Account gcpAccount() {
    Account a;
    a.id = QStringLiteral("vertex_1.eu");
    a.label = QStringLiteral("Vertex “EU”");
    a.kind = AccountKind::Gcp;
    a.source = QStringLiteral("added by hand");
    a.gcpCredentialType = QStringLiteral("service_account");
    a.clientEmail = QStringLiteral("watcher@proj.iam.gserviceaccount.com");
    a.projectIds = {QStringLiteral("proj")};
    a.tokenUri = QStringLiteral("https://oauth2.googleapis.com/token");
    a.quotaProjectId = QStringLiteral("billing-proj");
    return a;
}

QJsonObject object(const char *json) {
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

const QString kSecretRefusal = QStringLiteral(
    "secrets never go into the account list: they live only in the keychain. Remove this member and add "
    "the account's credentials again in Accounts… or with mlwatch-cli accounts import.");

} // namespace

class TestAccount : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kindIdsRoundTrip();
    void scopesFollowTheKind();

    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void minimalJsonLoads();
    void unknownMembersAreIgnored();
    void fromJsonErrors_data();
    void fromJsonErrors();

    void accountIds_data();
    void accountIds();
    void accessKeyHint_data();
    void accessKeyHint();

    void completeness_data();
    void completeness();
    void blobRoundTrip_data();
    void blobRoundTrip();
    void blobHoldsOnlyTheMembersOfItsKind();
    void blobErrors_data();
    void blobErrors();
};

void TestAccount::kindIdsRoundTrip() {
    for (AccountKind kind : {AccountKind::Aws, AccountKind::Azure, AccountKind::Gcp})
        QCOMPARE(accountKindFromId(accountKindId(kind)), kind);
    QCOMPARE(accountKindId(AccountKind::Gcp), QStringLiteral("gcp"));
    QCOMPARE(accountKindTitle(AccountKind::Gcp), QStringLiteral("Google Cloud"));
    QVERIFY(!accountKindFromId(QStringLiteral("AWS")));
    QVERIFY(!accountKindFromId(QString()));
}

void TestAccount::scopesFollowTheKind() {
    QCOMPARE(awsAccount().scopes(), awsAccount().regions);
    QCOMPARE(azureAccount().scopes(), azureAccount().subscriptionIds);
    QCOMPARE(gcpAccount().scopes(), gcpAccount().projectIds);
    Account unnamed = gcpAccount();
    QCOMPARE(unnamed.displayName(), unnamed.label);
    unnamed.label.clear();
    QCOMPARE(unnamed.displayName(), unnamed.id);
}

void TestAccount::jsonRoundTrip_data() {
    QTest::addColumn<Account>("account");
    QTest::newRow("aws with regions, expiry and endpoint") << awsAccount();
    QTest::newRow("azure with subscriptions and authority") << azureAccount();
    QTest::newRow("google service account with projects") << gcpAccount();
    Account user = gcpAccount();
    user.gcpCredentialType = QStringLiteral("authorized_user");
    user.clientEmail.clear();
    user.tokenUri.clear();
    QTest::newRow("google authorized user") << user;
}

void TestAccount::jsonRoundTrip() {
    QFETCH(Account, account);
    const QJsonObject json = account.toJson();
    // Through text, as the list file does.
    const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    const Result<Account> back = Account::fromJson(reread, QStringLiteral("accounts[0]"));
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(*back, account);
    QCOMPARE(back->expiresAt.timeSpec(), account.expiresAt.isValid() ? Qt::UTC : back->expiresAt.timeSpec());
}

void TestAccount::minimalJsonLoads() {
    const Result<Account> a = Account::fromJson(object(R"({"id":"a","kind":"azure"})"), QStringLiteral("x"));
    QVERIFY(a);
    QCOMPARE(a->id, QStringLiteral("a"));
    QCOMPARE(a->kind, AccountKind::Azure);
    QVERIFY(!a->expiresAt.isValid());
    QVERIFY(a->subscriptionIds.isEmpty());
    // Empty members are left out of the file.
    QCOMPARE(a->toJson().keys(), (QStringList{QStringLiteral("id"), QStringLiteral("kind")}));
}

void TestAccount::unknownMembersAreIgnored() {
    const Result<Account> a = Account::fromJson(
        object(R"({"id":"a","kind":"aws","colour":"teal","addedInVersion":7,"tags":{"team":"ml"},)"
               R"("token_uri":"https://oauth2.googleapis.com/token","secretType":"key"})"),
        QStringLiteral("accounts[0]"));
    QVERIFY(a);
    QCOMPARE(a->id, QStringLiteral("a"));
}

void TestAccount::fromJsonErrors_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing id") << QByteArray(R"({"kind":"aws"})")
                                << QStringLiteral("accounts[2].id: is required.");
    QTest::newRow("invalid id") << QByteArray(R"({"id":"-x","kind":"aws"})")
                                << QStringLiteral(
                                       "accounts[2].id: \"-x\" is not a valid account id: use 1 to 64 "
                                       "letters, digits, '.', '_' or '-', starting with a letter or digit.");
    QTest::newRow("id not a string") << QByteArray(R"({"id":7,"kind":"aws"})")
                                     << QStringLiteral("accounts[2].id: must be a string.");
    QTest::newRow("missing kind") << QByteArray(R"({"id":"a"})")
                                  << QStringLiteral(
                                         "accounts[2].kind: is required: \"aws\", \"azure\" or \"gcp\".");
    QTest::newRow("unknown kind") << QByteArray(R"({"id":"a","kind":"oracle"})")
                                  << QStringLiteral(
                                         "accounts[2].kind: \"oracle\" is not an account kind: use "
                                         "\"aws\", \"azure\" or \"gcp\".");
    QTest::newRow("regions not an array")
        << QByteArray(R"({"id":"a","kind":"aws","regions":"eu-west-1"})")
        << QStringLiteral("accounts[2].regions: must be an array of strings.");
    QTest::newRow("empty project id")
        << QByteArray(R"({"id":"a","kind":"gcp","projectIds":["p",""]})")
        << QStringLiteral("accounts[2].projectIds[1]: must be a non-empty string.");
    QTest::newRow("expiry not a date")
        << QByteArray(R"({"id":"a","kind":"aws","expiresAt":"tomorrow"})")
        << QStringLiteral("accounts[2].expiresAt: \"tomorrow\" is not an ISO 8601 "
                          "date and time, e.g. \"2025-01-31T18:00:00Z\".");
    QTest::newRow("unknown protocol")
        << QByteArray(R"({"id":"a","kind":"aws","protocol":"xml"})")
        << QStringLiteral("accounts[2].protocol: must be \"json\" or \"query\", not "
                          "\"xml\".");
    QTest::newRow("unknown google credential type")
        << QByteArray(R"({"id":"a","kind":"gcp","gcpCredentialType":"external_account"})")
        << QStringLiteral(
               "accounts[2].gcpCredentialType: must be \"service_account\" or \"authorized_user\", not "
               "\"external_account\".");
    QTest::newRow("endpoint not a URL")
        << QByteArray(R"({"id":"a","kind":"aws","endpointUrl":"ftp://x"})")
        << QStringLiteral("accounts[2].endpointUrl: \"ftp://x\" is not an http(s) URL.");
    QTest::newRow("token uri without host")
        << QByteArray(R"({"id":"a","kind":"gcp","tokenUri":"https://"})")
        << QStringLiteral("accounts[2].tokenUri: \"https://\" is not an http(s) URL.");
    const char *secrets[] = {"secretAccessKey", "aws_secret_access_key", "sessionToken",  "aws_session_token",
                             "clientSecret",    "private_key",           "refresh_token", "password",
                             "apiKey"};
    for (const char *member : secrets)
        QTest::addRow("secret-looking member refused: %s", member)
            << QStringLiteral(R"({"id":"a","kind":"aws","%1":"MLW-ACCOUNT-MARKER-9d2"})")
                   .arg(QLatin1String(member))
                   .toUtf8()
            << QStringLiteral("accounts[2].") + QLatin1String(member) + QStringLiteral(": ") + kSecretRefusal;
    QTest::newRow("secret-looking member refused before other errors")
        << QByteArray(R"({"kind":"oracle","clientSecret":"MLW-ACCOUNT-MARKER-9d2"})")
        << QStringLiteral("accounts[2].clientSecret: ") + kSecretRefusal;
}

void TestAccount::fromJsonErrors() {
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Result<Account> a =
        Account::fromJson(QJsonDocument::fromJson(json).object(), QStringLiteral("accounts[2]"));
    QVERIFY(!a);
    QCOMPARE(a.error().code, ErrorCode::BadArgument);
    QCOMPARE(a.error().message, message);
    QVERIFY(!a.error().message.contains(QLatin1String("MLW-ACCOUNT-MARKER")));
    QVERIFY(!a.error().detail.contains(QLatin1String("MLW-ACCOUNT-MARKER")));
}

void TestAccount::accountIds_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("letters") << QStringLiteral("prod") << true;
    QTest::newRow("digit first, dots, underscores, dashes") << QStringLiteral("1ml_prod.eu-west") << true;
    QTest::newRow("one character") << QStringLiteral("a") << true;
    QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << true;
    QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dash first") << QStringLiteral("-prod") << false;
    QTest::newRow("dot first") << QStringLiteral(".prod") << false;
    QTest::newRow("space") << QStringLiteral("my prod") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("colon") << QStringLiteral("a:b") << false;
    QTest::newRow("non-ASCII letter") << QStringLiteral("prüf") << false;
    QTest::newRow("trailing newline") << QStringLiteral("prod\n") << false;
}

void TestAccount::accountIds() {
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(isValidAccountId(id), valid);
}

void TestAccount::accessKeyHint_data() {
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("hint");
    QTest::newRow("first four and last four")
        << QStringLiteral("AKIAIOSFODNN7EXAMPLE") << QStringLiteral("AKIA…MPLE");
    QTest::newRow("surrounding blanks ignored")
        << QStringLiteral(" ASIAXXXXXXXXXXXXWXYZ\n") << QStringLiteral("ASIA…WXYZ");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("too short to hint without showing most of it")
        << QStringLiteral("AKIA1234") << QStringLiteral("…");
}

void TestAccount::accessKeyHint() {
    QFETCH(QString, keyId);
    QFETCH(QString, hint);
    QCOMPARE(accessKeyHintFor(keyId), hint);
}

void TestAccount::completeness_data() {
    QTest::addColumn<AccountSecret>("secret");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("complete");
    AccountSecret aws;
    aws.accessKeyId = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
    aws.secretAccessKey = QStringLiteral("MLW-ACCOUNT-MARKER-aws");
    QTest::newRow("aws key id and secret") << aws << int(AccountKind::Aws) << true;
    AccountSecret noSecret = aws;
    noSecret.secretAccessKey.clear();
    QTest::newRow("aws without secret key") << noSecret << int(AccountKind::Aws) << false;
    AccountSecret noKeyId = aws;
    noKeyId.accessKeyId.clear();
    QTest::newRow("aws without key id") << noKeyId << int(AccountKind::Aws) << false;
    QTest::newRow("aws secret is not an azure secret") << aws << int(AccountKind::Azure) << false;
    AccountSecret azure;
    azure.clientSecret = QStringLiteral("MLW-ACCOUNT-MARKER-azure");
    QTest::newRow("azure client secret") << azure << int(AccountKind::Azure) << true;
    AccountSecret google;
    google.googleCredentialsJson = QByteArrayLiteral("{}");
    QTest::newRow("google credentials file") << google << int(AccountKind::Gcp) << true;
    QTest::newRow("nothing for google") << AccountSecret() << int(AccountKind::Gcp) << false;
}

void TestAccount::completeness() {
    QFETCH(AccountSecret, secret);
    QFETCH(int, kind);
    QFETCH(bool, complete);
    QCOMPARE(secret.isCompleteFor(AccountKind(kind)), complete);
}

void TestAccount::blobRoundTrip_data() {
    QTest::addColumn<AccountSecret>("secret");
    QTest::addColumn<int>("kind");
    AccountSecret aws;
    aws.accessKeyId = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
    aws.secretAccessKey = QStringLiteral("MLW-ACCOUNT-MARKER-wJalrXUtnFEMI/K7MDENG+bPxRfiCY");
    QTest::newRow("aws long-term key") << aws << int(AccountKind::Aws);
    aws.sessionToken = QStringLiteral("MLW-ACCOUNT-MARKER-token-\"quoted\"-ünï");
    QTest::newRow("aws with session token") << aws << int(AccountKind::Aws);
    AccountSecret azure;
    azure.clientSecret = QStringLiteral("MLW-ACCOUNT-MARKER-azure~secret");
    QTest::newRow("azure client secret") << azure << int(AccountKind::Azure);
    AccountSecret google;
    google.googleCredentialsJson = QByteArrayLiteral(
        "{\n  \"type\": \"service_account\",\r\n  \"private_key\": \"MLW-ACCOUNT-MARKER\\n\"\n}\n");
    QTest::newRow("google key file, verbatim with CRLF") << google << int(AccountKind::Gcp);
    google.googleCredentialsJson = QByteArray("\xef\xbb\xbf{\"type\":\"authorized_user\"}\xff");
    QTest::newRow("google file with BOM and a stray byte") << google << int(AccountKind::Gcp);
}

void TestAccount::blobRoundTrip() {
    QFETCH(AccountSecret, secret);
    QFETCH(int, kind);
    const QByteArray blob = secret.toBlob(AccountKind(kind));
    QVERIFY(!blob.contains('\n')); // compact JSON
    const Result<AccountSecret> back =
        AccountSecret::fromBlob(blob, AccountKind(kind), QStringLiteral("acct"));
    QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(*back, secret);
}

void TestAccount::blobHoldsOnlyTheMembersOfItsKind() {
    AccountSecret mixed;
    mixed.accessKeyId = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
    mixed.secretAccessKey = QStringLiteral("MLW-ACCOUNT-MARKER-aws");
    mixed.clientSecret = QStringLiteral("MLW-ACCOUNT-MARKER-azure");
    mixed.googleCredentialsJson = QByteArrayLiteral("MLW-ACCOUNT-MARKER-google");
    const QJsonObject azure = QJsonDocument::fromJson(mixed.toBlob(AccountKind::Azure)).object();
    QCOMPARE(azure.keys(),
             (QStringList{QStringLiteral("clientSecret"), QStringLiteral("kind"), QStringLiteral("v")}));
    QCOMPARE(azure.value(QStringLiteral("v")).toInt(), 1);
    const QJsonObject aws = QJsonDocument::fromJson(mixed.toBlob(AccountKind::Aws)).object();
    QCOMPARE(aws.keys(), (QStringList{QStringLiteral("accessKeyId"), QStringLiteral("kind"),
                                      QStringLiteral("secretAccessKey"), QStringLiteral("v")}));
}

void TestAccount::blobErrors_data() {
    QTest::addColumn<QByteArray>("blob");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    const QString unreadable =
        QStringLiteral("The keychain entry of account “acct” is not a readable MLWatch "
                       "secret: add the account's credentials again.");
    AccountSecret aws;
    aws.accessKeyId = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
    aws.secretAccessKey = QStringLiteral("MLW-ACCOUNT-MARKER-aws");
    QTest::newRow("blob of another kind")
        << aws.toBlob(AccountKind::Aws) << int(AccountKind::Azure)
        << QStringLiteral("The keychain entry of account “acct” holds AWS "
                          "credentials, not Azure: add the account's credentials "
                          "again.");
    QTest::newRow("garbage") << QByteArray("MLW-ACCOUNT-MARKER-garbage\x01\x02") << int(AccountKind::Aws)
                             << unreadable;
    QTest::newRow("a JSON array") << QByteArray(R"(["MLW-ACCOUNT-MARKER"])") << int(AccountKind::Aws)
                                  << unreadable;
    QTest::newRow("no version") << QByteArray(R"({"kind":"azure","clientSecret":"MLW-ACCOUNT-MARKER"})")
                                << int(AccountKind::Azure) << unreadable;
    QTest::newRow("newer version") << QByteArray(
                                          R"({"v":2,"kind":"azure","clientSecret":"MLW-ACCOUNT-MARKER"})")
                                   << int(AccountKind::Azure)
                                   << QStringLiteral(
                                          "The keychain entry of account “acct” was stored by a newer "
                                          "MLWatch: update MLWatch to use it.");
    QTest::newRow("incomplete for its kind")
        << QByteArray(R"({"v":1,"kind":"aws","accessKeyId":"AKIA"})") << int(AccountKind::Aws) << unreadable;
    QTest::newRow("member of the wrong type")
        << QByteArray(R"({"v":1,"kind":"azure","clientSecret":42})") << int(AccountKind::Azure) << unreadable;
    QTest::newRow("google file not base64")
        << QByteArray(R"({"v":1,"kind":"gcp","googleCredentialsJson":"MLW-ACCOUNT-MARKER{!}"})")
        << int(AccountKind::Gcp) << unreadable;
}

void TestAccount::blobErrors() {
    QFETCH(QByteArray, blob);
    QFETCH(int, kind);
    QFETCH(QString, message);
    const Result<AccountSecret> s = AccountSecret::fromBlob(blob, AccountKind(kind), QStringLiteral("acct"));
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::BadResponse);
    QCOMPARE(s.error().message, message);
    QVERIFY(!s.error().detail.contains(QLatin1String("MLW-ACCOUNT-MARKER")));
}

QTEST_GUILESS_MAIN(TestAccount)
#include "tst_account.moc"
