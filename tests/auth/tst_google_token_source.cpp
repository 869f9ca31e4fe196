// Google OAuth tokens: the service-account JWT (checked claim by claim and its RS256 signature
// verified independently by the openssl command line with a key made for this run), the two
// token grants as they go on the wire, malformed keys and refusals.
#include "core/auth/google_token_source.h"
#include "core/net/http_client.h"
#include "fake_http_endpoint.h"
#include "support/manual_clock.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace mlwatch;
using mlwatch::test::FakeHttpEndpoint;
using mlwatch::test::ManualClock;
using mlwatch::test::RecordedRequest;

Q_DECLARE_METATYPE(mlwatch::ErrorCode)

namespace {

constexpr int kWaitMs = 20000;
const QString kEmail = QStringLiteral("watcher@mlwatch-test.iam.gserviceaccount.com");
const QString kKeyId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
const QString kScope = QStringLiteral("https://www.googleapis.com/auth/monitoring.read");
// Distinctive markers, so a leak would be found by a scan.
const QString kClientSecret = QStringLiteral("MLWATCH-GCP-CLIENT-SECRET-MARKER");
const QString kRefreshToken = QStringLiteral("MLWATCH-GCP-REFRESH-TOKEN-MARKER");

Result<AccessToken> waitForToken(TokenSource &source) {
    std::optional<Result<AccessToken>> answer;
    source.token([&answer](Result<AccessToken> r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, kWaitMs))
        return Error{ErrorCode::Timeout, QStringLiteral("test: no answer"), QString()};
    return *answer;
}

QByteArray fromBase64Url(const QByteArray &segment) {
    return QByteArray::fromBase64(segment,
                                  QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
}

QJsonObject segmentJson(const QByteArray &segment) {
    return QJsonDocument::fromJson(fromBase64Url(segment)).object();
}

// Runs the openssl command line; returns its exit code (-1 when it could not run).
int runOpenssl(const QStringList &arguments, QByteArray *output = nullptr) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return -1;
    if (output)
        *output = process.readAll();
    return process.exitCode();
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray serviceAccountJson(const QByteArray &pem, const QString &tokenUri,
                              const char *dropField = nullptr) {
    QJsonObject key{{QStringLiteral("type"), QStringLiteral("service_account")},
                    {QStringLiteral("project_id"), QStringLiteral("mlwatch-test")},
                    {QStringLiteral("private_key_id"), kKeyId},
                    {QStringLiteral("private_key"), QString::fromLatin1(pem)},
                    {QStringLiteral("client_email"), kEmail},
                    {QStringLiteral("client_id"), QStringLiteral("100000000000000000001")},
                    {QStringLiteral("token_uri"), tokenUri}};
    if (dropField)
        key.remove(QString::fromLatin1(dropField));
    return QJsonDocument(key).toJson();
}

QByteArray authorizedUserJson(const char *dropField = nullptr) {
    QJsonObject file{
        {QStringLiteral("type"), QStringLiteral("authorized_user")},
        {QStringLiteral("client_id"), QStringLiteral("764086051850-test.apps.googleusercontent.com")},
        {QStringLiteral("client_secret"), kClientSecret},
        {QStringLiteral("refresh_token"), kRefreshToken},
        {QStringLiteral("quota_project_id"), QStringLiteral("mlwatch-quota")}};
    if (dropField)
        file.remove(QString::fromLatin1(dropField));
    return QJsonDocument(file).toJson();
}

} // namespace

class TestGoogleTokenSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // A throw-away key for this run only (never a checked-in private key).
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QCOMPARE(runOpenssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                             QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                             QStringLiteral("-out"), key}),
                 0);
        QCOMPARE(runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"),
                             QStringLiteral("-out"), m_dir.filePath(QStringLiteral("pub.pem"))}),
                 0);
        // The same key in the older PKCS#1 form ("BEGIN RSA PRIVATE KEY").
        QCOMPARE(
            runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-traditional"),
                        QStringLiteral("-out"), m_dir.filePath(QStringLiteral("key-pkcs1.pem"))}),
            0);
        QCOMPARE(runOpenssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                             QStringLiteral("-out"), m_dir.filePath(QStringLiteral("ec.pem"))}),
                 0);
        m_pem = readFile(key);
        QVERIFY(m_pem.startsWith("-----BEGIN PRIVATE KEY-----"));
        QVERIFY(readFile(m_dir.filePath(QStringLiteral("key-pkcs1.pem")))
                    .startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    }

    void assertionHeaderAndClaims() {
        ManualClock clock;
        const Result<QByteArray> jwt = GoogleTokenSource::serviceAccountAssertion(
            serviceAccountJson(m_pem, QStringLiteral("http://127.0.0.1:9/token")), kScope, clock.nowUtc());
        QVERIFY2(jwt, qPrintable(jwt ? QString() : jwt.error().toString()));
        const QList<QByteArray> parts = jwt->split('.');
        QCOMPARE(parts.size(), 3);
        for (const QByteArray &part : parts) // unpadded base64url
            QVERIFY(!part.contains('=') && !part.contains('+') && !part.contains('/'));

        const QJsonObject header = segmentJson(parts.at(0));
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
        QCOMPARE(header.value(QStringLiteral("kid")).toString(), kKeyId);

        const QJsonObject claims = segmentJson(parts.at(1));
        const qint64 now = clock.nowUtc().toSecsSinceEpoch();
        QCOMPARE(claims.value(QStringLiteral("iss")).toString(), kEmail);
        QCOMPARE(claims.value(QStringLiteral("scope")).toString(), kScope);
        // Google's constant audience even though token_uri points at a test server.
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(),
                 QStringLiteral("https://oauth2.googleapis.com/token"));
        QCOMPARE(qint64(claims.value(QStringLiteral("iat")).toDouble()), now);
        QCOMPARE(qint64(claims.value(QStringLiteral("exp")).toDouble()), now + 3600);
        QVERIFY(!claims.contains(QStringLiteral("sub")));
        QCOMPARE(fromBase64Url(parts.at(2)).size(), 256); // 2048-bit RSA signature
    }

    void signatureVerifiesWithOpensslCommandLine_data() {
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<bool>("tamper");
        QTest::addColumn<bool>("verifies");
        QTest::newRow("PKCS#8 key as Google writes it") << QStringLiteral("key.pem") << false << true;
        QTest::newRow("PKCS#1 key") << QStringLiteral("key-pkcs1.pem") << false << true;
        QTest::newRow("claims altered after signing: rejected") << QStringLiteral("key.pem") << true << false;
    }
    void signatureVerifiesWithOpensslCommandLine() {
        QFETCH(QString, keyFile);
        QFETCH(bool, tamper);
        QFETCH(bool, verifies);
        const QByteArray pem = readFile(m_dir.filePath(keyFile));
        QVERIFY(!pem.isEmpty());
        const Result<QByteArray> jwt = GoogleTokenSource::serviceAccountAssertion(
            serviceAccountJson(pem, QString()), kScope, ManualClock().nowUtc());
        QVERIFY(jwt);
        const qsizetype lastDot = jwt->lastIndexOf('.');
        QByteArray signingInput = jwt->left(lastDot);
        const QByteArray signature = fromBase64Url(jwt->mid(lastDot + 1));
        if (tamper)
            signingInput[signingInput.size() - 2] =
                signingInput.at(signingInput.size() - 2) == 'A' ? 'B' : 'A';

        const QString input = m_dir.filePath(QStringLiteral("input.txt"));
        const QString sig = m_dir.filePath(QStringLiteral("sig.bin"));
        QVERIFY(writeFile(input, signingInput));
        QVERIFY(writeFile(sig, signature));
        QByteArray output;
        const int exitCode =
            runOpenssl({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"),
                        m_dir.filePath(QStringLiteral("pub.pem")), QStringLiteral("-signature"), sig, input},
                       &output);
        QVERIFY(exitCode >= 0);
        QCOMPARE(exitCode == 0, verifies);
        QCOMPARE(output.contains("Verified OK"), verifies);
    }

    void serviceAccountExchangesTheJwtAtTokenUri() {
        FakeHttpEndpoint server;
        server.setHandler([](const RecordedRequest &) {
            return FakeHttpEndpoint::json(
                R"({"access_token":"ya29.test-token","expires_in":3599,"token_type":"Bearer"})");
        });
        HttpClient http;
        ManualClock clock;
        GoogleTokenSource source(http, clock,
                                 serviceAccountJson(m_pem, server.url(QStringLiteral("/token")).toString()));
        QCOMPARE(source.tokenUrl(), server.url(QStringLiteral("/token")));
        const Result<AccessToken> token = waitForToken(source);
        QVERIFY2(token, qPrintable(token ? QString() : token.error().toString()));
        QCOMPARE(token->value, QByteArray("ya29.test-token"));
        QCOMPARE(token->expiresAt, clock.nowUtc().addSecs(3599));

        QCOMPARE(server.requests.size(), 1);
        const RecordedRequest &request = server.requests.constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QStringLiteral("/token"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(request.body.startsWith(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion="));
        const QMap<QString, QString> form = request.form();
        QCOMPARE(form.keys(), (QStringList{QStringLiteral("assertion"), QStringLiteral("grant_type")}));
        QCOMPARE(form.value(QStringLiteral("grant_type")),
                 QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
        const QList<QByteArray> parts = form.value(QStringLiteral("assertion")).toLatin1().split('.');
        QCOMPARE(parts.size(), 3);
        QCOMPARE(segmentJson(parts.at(1)).value(QStringLiteral("iss")).toString(), kEmail);

        // Cached in memory: a second call sends nothing.
        QVERIFY(waitForToken(source));
        QCOMPARE(server.requests.size(), 1);
    }

    void authorizedUserUsesTheRefreshTokenGrant() {
        FakeHttpEndpoint server;
        server.setHandler([](const RecordedRequest &) {
            return FakeHttpEndpoint::json(R"({"access_token":"ya29.user","expires_in":"3599","scope":"x"})");
        });
        HttpClient http;
        ManualClock clock;
        GoogleTokenSource source(http, clock, authorizedUserJson());
        QCOMPARE(source.tokenUrl(), QUrl(QStringLiteral("https://oauth2.googleapis.com/token")));
        source.setTokenUrlOverride(server.url(QStringLiteral("/token")));
        const Result<AccessToken> token = waitForToken(source);
        QVERIFY2(token, qPrintable(token ? QString() : token.error().toString()));
        QCOMPARE(token->value, QByteArray("ya29.user"));

        QCOMPARE(server.requests.size(), 1);
        const QMap<QString, QString> form = server.requests.constFirst().form();
        // No scope: a refresh may only narrow what gcloud was granted.
        QCOMPARE(form.keys(), (QStringList{QStringLiteral("client_id"), QStringLiteral("client_secret"),
                                           QStringLiteral("grant_type"), QStringLiteral("refresh_token")}));
        QCOMPARE(form.value(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
        QCOMPARE(form.value(QStringLiteral("client_id")),
                 QStringLiteral("764086051850-test.apps.googleusercontent.com"));
        QCOMPARE(form.value(QStringLiteral("client_secret")), kClientSecret);
        QCOMPARE(form.value(QStringLiteral("refresh_token")), kRefreshToken);
    }

    void malformedCredentialsNameTheField_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        const QByteArray badPem =
            "-----BEGIN PRIVATE KEY-----\nTUxXQVRDSC1OT1QtQS1LRVk=\n-----END PRIVATE KEY-----\n";
        QTest::newRow("bad PEM") << serviceAccountJson(badPem, QString()) << QStringLiteral("private_key");
        QTest::newRow("missing client_email")
            << serviceAccountJson(m_pem, QString(), "client_email") << QStringLiteral("client_email");
        QTest::newRow("missing private_key")
            << serviceAccountJson(m_pem, QString(), "private_key") << QStringLiteral("private_key");
        QTest::newRow("EC key instead of RSA")
            << serviceAccountJson(readFile(m_dir.filePath(QStringLiteral("ec.pem"))), QString())
            << QStringLiteral("RSA");
        QTest::newRow("not JSON") << QByteArray("{\"type\": \"service_account\",") << QStringLiteral("JSON");
        QTest::newRow("unsupported type")
            << QByteArray(R"({"type":"external_account"})") << QStringLiteral("external_account");
        QTest::newRow("no type") << QByteArray(R"({"client_email":"a@b"})") << QStringLiteral("\"type\"");
        QTest::newRow("authorized_user without refresh_token")
            << authorizedUserJson("refresh_token") << QStringLiteral("refresh_token");
    }
    void malformedCredentialsNameTheField() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        HttpClient http;
        ManualClock clock;
        GoogleTokenSource source(http, clock, json);
        source.setTokenUrlOverride(QUrl(QStringLiteral("http://127.0.0.1:9/token")));
        const Result<AccessToken> token = waitForToken(source);
        QVERIFY(!token);
        QCOMPARE(token.error().code, ErrorCode::BadArgument);
        QVERIFY2(token.error().message.contains(field), qPrintable(token.error().message));
        // The key's content is not quoted back.
        QVERIFY(!token.error().toString().contains(QLatin1String("TUxXQVRDSC1OT1QtQS1LRVk")));
        QVERIFY(!token.error().toString().contains(QLatin1String("MIIE")));
        QCOMPARE(http.requestCount(), quint64(0));
    }

    void rejectionsBecomeAuthRejectedWithRemedy_data() {
        QTest::addColumn<bool>("serviceAccount");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("mustContain");
        QTest::newRow("service account, clock skew")
            << true << 400
            << QByteArray(
                   R"({"error":"invalid_grant","error_description":"Invalid JWT: Token must be a short-lived )"
                   R"(token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the )"
                   R"(JWT claim."})")
            << QStringList{kEmail, QStringLiteral("clock")};
        QTest::newRow("service account, deleted key")
            << true << 400
            << QByteArray(R"({"error":"invalid_grant","error_description":"Invalid JWT Signature."})")
            << QStringList{kEmail, QStringLiteral("new key")};
        QTest::newRow("authorized user, revoked")
            << false << 400
            << QByteArray(
                   R"({"error":"invalid_grant","error_description":"Token has been expired or revoked."})")
            << QStringList{QStringLiteral("gcloud auth application-default login")};
        QTest::newRow("authorized user, 401 invalid_client")
            << false << 401
            << QByteArray(
                   R"({"error":"invalid_client","error_description":"The OAuth client was not found."})")
            << QStringList{QStringLiteral("invalid_client")};
        QTest::newRow("server echoes the secrets back")
            << false << 400
            << (QByteArray(R"({"error":"unauthorized_client","error_description":")") +
                kClientSecret.toUtf8() + ' ' + kRefreshToken.toUtf8() + "\"}")
            << QStringList{QStringLiteral("unauthorized_client")};
    }
    void rejectionsBecomeAuthRejectedWithRemedy() {
        QFETCH(bool, serviceAccount);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QStringList, mustContain);
        FakeHttpEndpoint server;
        server.setHandler([&](const RecordedRequest &) { return FakeHttpEndpoint::json(body, status); });
        HttpClient http;
        ManualClock clock;
        GoogleTokenSource source(
            http, clock, serviceAccount ? serviceAccountJson(m_pem, QString()) : authorizedUserJson());
        source.setTokenUrlOverride(server.url(QStringLiteral("/token")));
        const Result<AccessToken> token = waitForToken(source);
        QVERIFY(!token);
        QCOMPARE(token.error().code, ErrorCode::AuthRejected);
        for (const QString &text : mustContain)
            QVERIFY2(token.error().message.contains(text), qPrintable(token.error().message));
        const QString all = token.error().toString();
        QVERIFY(!all.contains(kClientSecret));
        QVERIFY(!all.contains(kRefreshToken));
        QCOMPARE(server.requests.size(), 1);
    }

    void plainHttpToARemoteTokenUriIsRefused() {
        HttpClient http;
        ManualClock clock;
        GoogleTokenSource source(http, clock,
                                 serviceAccountJson(m_pem, QStringLiteral("http://oauth.example.net/token")));
        const Result<AccessToken> token = waitForToken(source);
        QVERIFY(!token);
        QCOMPARE(token.error().code, ErrorCode::BadArgument);
        QVERIFY(token.error().message.contains(QLatin1String("oauth.example.net")));
        QCOMPARE(http.requestCount(), quint64(0));
    }

private:
    QTemporaryDir m_dir;
    QByteArray m_pem;
};

QTEST_GUILESS_MAIN(TestGoogleTokenSource)
#include "tst_google_token_source.moc"
