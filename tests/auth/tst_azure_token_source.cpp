// The Entra ID client-credentials flow over real loopback HTTP: the request on the wire, the
// token's lifetime and cache, refresh before expiry, shared fetches and the errors people see.
#include "core/auth/azure_token_source.h"
#include "core/net/http_client.h"
#include "fake_http_endpoint.h"
#include "support/manual_clock.h"

#include <QTest>

#include <optional>

using namespace mlwatch;
using mlwatch::test::FakeHttpEndpoint;
using mlwatch::test::ManualClock;
using mlwatch::test::RecordedRequest;

Q_DECLARE_METATYPE(mlwatch::ErrorCode)

namespace {

constexpr int kWaitMs = 20000;
const QString kTenant = QStringLiteral("contoso-tenant-0001");
const QString kClient = QStringLiteral("11111111-2222-3333-4444-555555555555");
// A distinctive marker (leak scans look for it) with every character form encoding must escape.
const QString kSecret = QStringLiteral("MLWATCH-AZ-SECRET-MARKER+/=&% ~\u00e9?#");

// Collects one token() answer.
Result<AccessToken> waitForToken(TokenSource &source) {
    std::optional<Result<AccessToken>> answer;
    source.token([&answer](Result<AccessToken> r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, kWaitMs))
        return Error{ErrorCode::Timeout, QStringLiteral("test: no answer"), QString()};
    return *answer;
}

// An Entra ID stand-in: numbered tokens ("token-1", "token-2", …) with the configured lifetime.
struct Rig {
    Rig() {
        server.setHandler([this](const RecordedRequest &request) {
            if (!request.path.endsWith(QLatin1String("/oauth2/v2.0/token")))
                return FakeHttpEndpoint::json(R"({"error":"not_found"})", 404);
            if (!errorBody.isEmpty())
                return FakeHttpEndpoint::json(errorBody, errorStatus);
            ++issued;
            return FakeHttpEndpoint::json(R"({"token_type":"Bearer","expires_in":)" + expiresIn +
                                          R"(,"ext_expires_in":3599,"access_token":"token-)" +
                                          QByteArray::number(issued) + "\"}");
        });
    }

    AzureTokenSource::Config config() const {
        AzureTokenSource::Config c;
        c.authorityHost = server.url(QStringLiteral("/"));
        c.tenantId = kTenant;
        c.clientId = kClient;
        c.clientSecret = kSecret;
        return c;
    }

    FakeHttpEndpoint server;
    HttpClient http;
    ManualClock clock;
    QByteArray expiresIn = "3599";
    QByteArray errorBody;
    int errorStatus = 400;
    int issued = 0;
};

} // namespace

class TestAzureTokenSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(Rig().server.isListening()); }

    void requestIsTheClientCredentialsForm() {
        Rig rig;
        AzureTokenSource source(rig.http, rig.clock, rig.config());
        const Result<AccessToken> token = waitForToken(source);
        QVERIFY2(token, qPrintable(token ? QString() : token.error().toString()));
        QCOMPARE(token->value, QByteArray("token-1"));

        QCOMPARE(rig.server.requests.size(), 1);
        const RecordedRequest &request = rig.server.requests.constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QStringLiteral("/") + kTenant + QStringLiteral("/oauth2/v2.0/token"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(request.header("Authorization").isEmpty());

        const QMap<QString, QString> form = request.form();
        QCOMPARE(form.keys(), (QStringList{QStringLiteral("client_id"), QStringLiteral("client_secret"),
                                           QStringLiteral("grant_type"), QStringLiteral("scope")}));
        QCOMPARE(form.value(QStringLiteral("grant_type")), QStringLiteral("client_credentials"));
        QCOMPARE(form.value(QStringLiteral("client_id")), kClient);
        QCOMPARE(form.value(QStringLiteral("client_secret")), kSecret);
        QCOMPARE(form.value(QStringLiteral("scope")),
                 QStringLiteral("https://management.azure.com/.default"));
        // Percent-encoded byte by byte: '+' must not turn into a space, '&' must not end the field.
        QVERIFY(
            request.body.contains("client_secret=MLWATCH-AZ-SECRET-MARKER%2B%2F%3D%26%25%20~%C3%A9%3F%23"));
        QVERIFY(request.body.contains("scope=https%3A%2F%2Fmanagement.azure.com%2F.default"));
    }

    void scopeIsConfigurable() {
        Rig rig;
        AzureTokenSource::Config config = rig.config();
        config.scope = QStringLiteral("https://metrics.monitor.azure.com/.default");
        AzureTokenSource source(rig.http, rig.clock, config);
        QVERIFY(waitForToken(source));
        QCOMPARE(rig.server.requests.constFirst().form().value(QStringLiteral("scope")),
                 QStringLiteral("https://metrics.monitor.azure.com/.default"));
    }

    void tokenUrlFollowsTheAuthorityHost_data() {
        QTest::addColumn<QString>("authorityPath");
        QTest::addColumn<QString>("expectedPath");
        QTest::newRow("host with trailing slash")
            << QStringLiteral("/") << QStringLiteral("/%1/oauth2/v2.0/token");
        QTest::newRow("host without trailing slash") << QString() << QStringLiteral("/%1/oauth2/v2.0/token");
        QTest::newRow("path prefix of a proxy is kept")
            << QStringLiteral("/login/") << QStringLiteral("/login/%1/oauth2/v2.0/token");
    }
    void tokenUrlFollowsTheAuthorityHost() {
        QFETCH(QString, authorityPath);
        QFETCH(QString, expectedPath);
        Rig rig;
        AzureTokenSource::Config config = rig.config();
        config.authorityHost = rig.server.url(authorityPath);
        AzureTokenSource source(rig.http, rig.clock, config);
        QVERIFY(waitForToken(source));
        QCOMPARE(rig.server.requests.constFirst().path, expectedPath.arg(kTenant));
    }

    void defaultAuthorityIsMicrosoftOnline() {
        Rig rig;
        AzureTokenSource::Config config = rig.config();
        config.authorityHost = QUrl();
        const AzureTokenSource source(rig.http, rig.clock, config);
        QCOMPARE(source.tokenUrl(),
                 QUrl(QStringLiteral("https://login.microsoftonline.com/") + kTenant + "/oauth2/v2.0/token"));
    }

    void expiresInNumberOrString_data() {
        QTest::addColumn<QByteArray>("expiresIn");
        QTest::addColumn<qint64>("lifetimeSeconds");
        QTest::newRow("number") << QByteArray("3599") << qint64(3599);
        QTest::newRow("string (as some Entra ID answers have it)") << QByteArray("\"3599\"") << qint64(3599);
        QTest::newRow("short-lived number") << QByteArray("600") << qint64(600);
    }
    void expiresInNumberOrString() {
        QFETCH(QByteArray, expiresIn);
        QFETCH(qint64, lifetimeSeconds);
        Rig rig;
        rig.expiresIn = expiresIn;
        AzureTokenSource source(rig.http, rig.clock, rig.config());
        const Result<AccessToken> token = waitForToken(source);
        QVERIFY(token);
        QCOMPARE(token->expiresAt, rig.clock.nowUtc().addSecs(lifetimeSeconds));
    }

    void unreadableExpiresInIsAnError() {
        Rig rig;
        rig.expiresIn = "\"soon\"";
        AzureTokenSource source(rig.http, rig.clock, rig.config());
        const Result<AccessToken> token = waitForToken(source);
        QVERIFY(!token);
        QCOMPARE(token.error().code, ErrorCode::BadResponse);
    }

    void cachedTokenIsReusedUntilFiveMinutesBeforeExpiry_data() {
        QTest::addColumn<qint64>("secondsLater");
        QTest::addColumn<int>("expectedFetches");
        QTest::addColumn<QByteArray>("expectedToken");
        // Lifetime 3599 s: the refresh margin (300 s) starts 3299 s after issue.
        QTest::newRow("a minute later: cached") << qint64(60) << 1 << QByteArray("token-1");
        QTest::newRow("just before the margin: cached") << qint64(3298) << 1 << QByteArray("token-1");
        QTest::newRow("exactly five minutes left: cached") << qint64(3299) << 1 << QByteArray("token-1");
        QTest::newRow("inside the five-minute margin: refreshed")
            << qint64(3300) << 2 << QByteArray("token-2");
        QTest::newRow("after expiry: refreshed") << qint64(4000) << 2 << QByteArray("token-2");
    }
    void cachedTokenIsReusedUntilFiveMinutesBeforeExpiry() {
        QFETCH(qint64, secondsLater);
        QFETCH(int, expectedFetches);
        QFETCH(QByteArray, expectedToken);
        Rig rig;
        AzureTokenSource source(rig.http, rig.clock, rig.config());
        QVERIFY(waitForToken(source));
        rig.clock.advanceSeconds(secondsLater);
        const Result<AccessToken> again = waitForToken(source);
        QVERIFY(again);
        QCOMPARE(again->value, expectedToken);
        QCOMPARE(source.fetchCount(), expectedFetches);
        QCOMPARE(rig.server.requests.size(), expectedFetches);
    }

    void invalidateFetchesAgain() {
        Rig rig;
        AzureTokenSource source(rig.http, rig.clock, rig.config());
        QCOMPARE(waitForToken(source)->value, QByteArray("token-1"));
        QCOMPARE(waitForToken(source)->value, QByteArray("token-1"));
        source.invalidate(); // e.g. after a 401
        QCOMPARE(waitForToken(source)->value, QByteArray("token-2"));
        QCOMPARE(rig.server.requests.size(), 2);
        QCOMPARE(source.fetchCount(), 2);
    }

    void concurrentCallersShareOneRequest() {
        Rig rig;
        AzureTokenSource source(rig.http, rig.clock, rig.config());
        QList<QByteArray> values;
        int answers = 0;
        for (int i = 0; i < 3; ++i)
            source.token([&](Result<AccessToken> r) {
                ++answers;
                values.append(r ? r->value : QByteArray("error"));
            });
        QTRY_COMPARE_WITH_TIMEOUT(answers, 3, kWaitMs);
        QCOMPARE(values, (QList<QByteArray>{"token-1", "token-1", "token-1"}));
        QCOMPARE(rig.server.requests.size(), 1);
        QCOMPARE(source.fetchCount(), 1);
    }

    void errorsNameTenantClientAndRemedy_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QStringList>("mustContain");
        const QStringList who{kTenant, kClient};
        QTest::newRow("AADSTS7000215 bad secret")
            << 401
            << QByteArray(
                   R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret )"
                   R"(provided. Ensure the secret being sent in the request is the client secret value, not )"
                   R"(the client secret ID. Trace ID: 0 Correlation ID: 1 Timestamp: 2026-11-20 12:00:00Z",)"
                   R"("error_codes":[7000215]})")
            << ErrorCode::AuthRejected
            << (who + QStringList{QStringLiteral("AADSTS7000215"), QStringLiteral("value")});
        QTest::newRow("AADSTS7000222 expired secret")
            << 401
            << QByteArray(
                   R"({"error":"invalid_client","error_description":"AADSTS7000222: The provided client )"
                   R"(secret keys for app are expired.","error_codes":[7000222]})")
            << ErrorCode::AuthRejected
            << (who + QStringList{QStringLiteral("expired"), QStringLiteral("new secret")});
        QTest::newRow("AADSTS700016 unknown app")
            << 400
            << QByteArray(
                   R"({"error":"unauthorized_client","error_description":"AADSTS700016: Application with )"
                   R"(identifier was not found in the directory."})")
            << ErrorCode::AuthRejected << (who + QStringList{QStringLiteral("AADSTS700016")});
        QTest::newRow("AADSTS90002 unknown tenant")
            << 400
            << QByteArray(
                   R"({"error":"invalid_request","error_description":"AADSTS90002: Tenant not found.",)"
                   R"("error_codes":[90002]})")
            << ErrorCode::AuthRejected
            << (who + QStringList{QStringLiteral("AADSTS90002"), QStringLiteral("authority host")});
        QTest::newRow("server echoes the secret back")
            << 400
            << (QByteArray(R"({"error":"invalid_request","error_description":"bad value )") +
                kSecret.toUtf8() + "\"}")
            << ErrorCode::AuthRejected << who;
        QTest::newRow("throttled") << 429 << QByteArray(R"({"error":"temporarily_unavailable"})")
                                   << ErrorCode::Throttled << who;
        QTest::newRow("server error without JSON")
            << 502 << QByteArray("<html>Bad gateway</html>") << ErrorCode::ServiceError
            << QStringList{QStringLiteral("127.0.0.1")};
    }
    void errorsNameTenantClientAndRemedy() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ErrorCode, code);
        QFETCH(QStringList, mustContain);
        Rig rig;
        rig.errorBody = body;
        rig.errorStatus = status;
        AzureTokenSource source(rig.http, rig.clock, rig.config());
        const Result<AccessToken> token = waitForToken(source);
        QVERIFY(!token);
        QCOMPARE(token.error().code, code);
        for (const QString &text : mustContain)
            QVERIFY2(token.error().message.contains(text), qPrintable(token.error().message));
        // Neither the secret nor a distinctive part of it, in the message or the log detail.
        QVERIFY(!token.error().toString().contains(QLatin1String("MLWATCH-AZ-SECRET-MARKER")));
        // A failure is not cached: the next call asks again.
        QVERIFY(!waitForToken(source));
        QCOMPARE(rig.server.requests.size(), 2);
    }

    void refusedBeforeSending_data() {
        QTest::addColumn<QString>("authorityHost");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("plain http to a remote host")
            << QStringLiteral("http://login.example.net") << kTenant << kSecret << ErrorCode::BadArgument;
        QTest::newRow("tenant that would leave its path segment")
            << QString() << QStringLiteral("../other") << kSecret << ErrorCode::BadArgument;
        QTest::newRow("no secret stored") << QString() << kTenant << QString() << ErrorCode::NoCredentials;
    }
    void refusedBeforeSending() {
        QFETCH(QString, authorityHost);
        QFETCH(QString, tenant);
        QFETCH(QString, secret);
        QFETCH(ErrorCode, code);
        Rig rig;
        AzureTokenSource::Config config = rig.config();
        if (!authorityHost.isEmpty())
            config.authorityHost = QUrl(authorityHost);
        config.tenantId = tenant;
        config.clientSecret = secret;
        AzureTokenSource source(rig.http, rig.clock, config);
        const Result<AccessToken> token = waitForToken(source);
        QVERIFY(!token);
        QCOMPARE(token.error().code, code);
        QVERIFY(!token.error().toString().contains(QLatin1String("MLWATCH-AZ-SECRET-MARKER")));
        QCOMPARE(rig.http.requestCount(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestAzureTokenSource)
#include "tst_azure_token_source.moc"
