// "Test connection" end to end over real loopback HTTP: AWS against the simulated CloudWatch
// (real SigV4 checking) and a CloudWatch that says AccessDenied, Azure against a token endpoint
// plus ARM, Google against a token endpoint plus Cloud Monitoring, and endpoints the policy
// refuses, with a listening proxy that would see any connection that was made anyway.
#include "core/auth/account_connection_tester.h"
#include "core/auth/endpoint_policy.h"
#include "core/net/http_client.h"
#include "demo/demo_cloud.h"
#include "fake_http_endpoint.h"
#include "support/manual_clock.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;
using mlwatch::demo::DemoCloud;
using mlwatch::test::FakeHttpEndpoint;
using mlwatch::test::ManualClock;
using mlwatch::test::RecordedRequest;

namespace {

const QDateTime kAnchor(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
const QString kTenant = QStringLiteral("contoso-tenant-0001");
const QString kClient = QStringLiteral("11111111-2222-3333-4444-555555555555");
const QString kSubscription = QStringLiteral("00000000-aaaa-bbbb-cccc-000000000001");
const QString kProject = QStringLiteral("mlwatch-test");
const QString kEmail = QStringLiteral("watcher@mlwatch-test.iam.gserviceaccount.com");
// Distinctive markers for the secrets, so any leak into a report is found.
const QString kAzureSecret = QStringLiteral("MLWATCH-AZ-SECRET-MARKER");
const QString kAwsWrongSecret = QStringLiteral("MLWATCH-AWS-WRONG-SECRET-MARKER/000000000000000");

Account awsAccount(const QString &endpoint, const QStringList &regions) {
    Account a;
    a.id = QStringLiteral("aws-test");
    a.kind = AccountKind::Aws;
    a.endpointUrl = endpoint;
    a.regions = regions;
    return a;
}

AccountSecret awsSecret(const aws::AwsCredentials &c) {
    AccountSecret s;
    s.accessKeyId = c.accessKeyId;
    s.secretAccessKey = c.secretAccessKey;
    s.sessionToken = c.sessionToken;
    return s;
}

Account azureAccount(const QString &authority, const QString &arm) {
    Account a;
    a.id = QStringLiteral("azure-test");
    a.kind = AccountKind::Azure;
    a.tenantId = kTenant;
    a.clientId = kClient;
    a.subscriptionIds = {kSubscription};
    a.authorityHost = authority;
    a.endpointUrl = arm;
    return a;
}

AccountSecret azureSecret() {
    AccountSecret s;
    s.clientSecret = kAzureSecret;
    return s;
}

Account googleAccount(const QString &monitoring) {
    Account a;
    a.id = QStringLiteral("gcp-test");
    a.kind = AccountKind::Gcp;
    a.gcpCredentialType = QStringLiteral("service_account");
    a.clientEmail = kEmail;
    a.projectIds = {kProject};
    a.endpointUrl = monitoring;
    return a;
}

QByteArray serviceAccountJson(const QByteArray &pem, const QString &tokenUri) {
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("service_account")},
                                     {QStringLiteral("project_id"), kProject},
                                     {QStringLiteral("private_key_id"), QStringLiteral("kid-1")},
                                     {QStringLiteral("private_key"), QString::fromLatin1(pem)},
                                     {QStringLiteral("client_email"), kEmail},
                                     {QStringLiteral("token_uri"), tokenUri}})
        .toJson();
}

QString dump(const ConnectionReport &r) {
    return QStringLiteral("signedIn=%1 canRead=%2 summary=%3 details=%4")
        .arg(r.signedIn)
        .arg(r.canReadMetrics)
        .arg(r.summary, r.details.join(QLatin1String(" | ")));
}

// A port on 127.0.0.1 where nothing listens.
quint16 closedPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// An HTTP proxy that only counts who knocked: with it as the application proxy, any request
// to a remote host (CONNECT for https) arrives here instead of leaving the machine.
class KnockCounter : public QObject {
public:
    KnockCounter() {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++knocks;
                socket->abort();
                socket->deleteLater();
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    int knocks = 0;

private:
    QTcpServer m_server;
};

} // namespace

class TestAccountConnectionTester : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                       QStringLiteral("-out"), key});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile file(key);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_pem = file.readAll();
    }

    void cleanup() { QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy)); }

    // ---- AWS ------------------------------------------------------------------------------------

    void awsAgainstTheSimulatedCloud_data() {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<qint64>("serverClockOffset");
        QTest::addColumn<int>("expectedCalls");
        QTest::newRow("JSON protocol") << QString() << qint64(0) << 1;
        QTest::newRow("query protocol") << QStringLiteral("query") << qint64(0) << 1;
        QTest::newRow("server clock 20 min ahead: corrected from Date, retried once")
            << QString() << qint64(1200) << 2;
    }
    void awsAgainstTheSimulatedCloud() {
        QFETCH(QString, protocol);
        QFETCH(qint64, serverClockOffset);
        QFETCH(int, expectedCalls);
        DemoCloud demo;
        QVERIFY(demo.start(kAnchor));
        demo.setClockOffsetSeconds(serverClockOffset);
        HttpClient http;
        ManualClock clock(kAnchor);
        AccountConnectionTester tester(http, clock);
        Account account = awsAccount(demo.endpoint().toString(), {DemoCloud::region()});
        account.protocol = protocol;

        const ConnectionReport report =
            tester.testAndWait(account, awsSecret(DemoCloud::credentials()), EndpointPolicy());
        QVERIFY2(report.ok(), qPrintable(dump(report)));
        QVERIFY(report.summary.contains(DemoCloud::region()));
        QCOMPARE(report.details.size(), 1);
        // One cheap read call (plus the one retry after the clock correction).
        QCOMPARE(demo.receivedCalls(), QStringList(expectedCalls, QStringLiteral("GetMetricData")));
    }

    void awsRejectedCredentialsAreNotSignedIn_data() {
        QTest::addColumn<bool>("wrongKeyId");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("wrong secret: SignatureDoesNotMatch")
            << false << QStringLiteral("SignatureDoesNotMatch");
        QTest::newRow("unknown key id: InvalidClientTokenId")
            << true << QStringLiteral("InvalidClientTokenId");
    }
    void awsRejectedCredentialsAreNotSignedIn() {
        QFETCH(bool, wrongKeyId);
        QFETCH(QString, mustContain);
        DemoCloud demo;
        QVERIFY(demo.start(kAnchor));
        HttpClient http;
        ManualClock clock(kAnchor);
        AccountConnectionTester tester(http, clock);
        aws::AwsCredentials credentials = DemoCloud::credentials();
        if (wrongKeyId)
            credentials.accessKeyId = QStringLiteral("AKIAUNKNOWNKEY000000");
        else
            credentials.secretAccessKey = kAwsWrongSecret;

        const ConnectionReport report =
            tester.testAndWait(awsAccount(demo.endpoint().toString(), {DemoCloud::region()}),
                               awsSecret(credentials), EndpointPolicy());
        QVERIFY2(!report.signedIn, qPrintable(dump(report)));
        QVERIFY(!report.canReadMetrics);
        QVERIFY2(report.summary.startsWith(QLatin1String("Not signed in")), qPrintable(report.summary));
        QVERIFY2(report.summary.contains(mustContain), qPrintable(report.summary));
        QVERIFY(report.summary.contains(DemoCloud::region()));
        QVERIFY(!dump(report).contains(QLatin1String("MLWATCH-AWS-WRONG-SECRET-MARKER")));
        QVERIFY(!dump(report).contains(credentials.accessKeyId)); // only the "AKIA…" hint
    }

    void awsAccessDeniedIsSignedInButNotAllowed() {
        FakeHttpEndpoint cloudWatch;
        cloudWatch.setHandler([](const RecordedRequest &) {
            QHttpServerResponse response = FakeHttpEndpoint::json(
                R"({"__type":"com.amazon.coral.service#AccessDeniedException","message":"User: )"
                R"(arn:aws:iam::123456789012:user/ml is not authorized to perform: cloudwatch:GetMetricData"})",
                400);
            response.addHeader(QByteArrayLiteral("x-amzn-query-error"),
                               QByteArrayLiteral("AccessDenied;Sender"));
            return response;
        });
        HttpClient http;
        ManualClock clock(kAnchor);
        AccountConnectionTester tester(http, clock);
        const ConnectionReport report =
            tester.testAndWait(awsAccount(cloudWatch.base(), {QStringLiteral("eu-west-1")}),
                               awsSecret(DemoCloud::credentials()), EndpointPolicy());
        QVERIFY(report.signedIn);
        QVERIFY(!report.canReadMetrics);
        QCOMPARE(report.summary,
                 QStringLiteral("Signed in, but not allowed to call cloudwatch:GetMetricData in eu-west-1."));

        // Exactly one GetMetricData call, signed for the account's region.
        QCOMPARE(cloudWatch.requests.size(), 1);
        const RecordedRequest &request = cloudWatch.requests.constFirst();
        QCOMPARE(request.header("X-Amz-Target"), QByteArray("GraniteServiceVersion20100801.GetMetricData"));
        QVERIFY(request.header("Authorization").contains("/20261120/eu-west-1/monitoring/aws4_request"));
        QCOMPARE(QJsonDocument::fromJson(request.body)
                     .object()
                     .value(QStringLiteral("MetricDataQueries"))
                     .toArray()
                     .size(),
                 1);
    }

    void awsEveryRegionIsChecked() {
        FakeHttpEndpoint cloudWatch;
        cloudWatch.setHandler([](const RecordedRequest &request) {
            // Allowed in us-east-1 only.
            if (request.header("Authorization").contains("/us-east-1/"))
                return FakeHttpEndpoint::json(R"({"MetricDataResults":[{"Id":"m0","Label":"Invocations",)"
                                              R"("StatusCode":"Complete","Timestamps":[],"Values":[]}]})");
            return FakeHttpEndpoint::json(R"({"__type":"AccessDeniedException","message":"no"})", 400);
        });
        HttpClient http;
        ManualClock clock(kAnchor);
        AccountConnectionTester tester(http, clock);
        const ConnectionReport report = tester.testAndWait(
            awsAccount(cloudWatch.base(), {QStringLiteral("us-east-1"), QStringLiteral("eu-west-1")}),
            awsSecret(DemoCloud::credentials()), EndpointPolicy());
        QCOMPARE(cloudWatch.requests.size(), 2);
        QVERIFY(report.signedIn);
        QVERIFY(!report.canReadMetrics);
        QCOMPARE(report.details.size(), 2);
        QVERIFY(report.details.at(0).contains(QLatin1String("us-east-1")));
        QCOMPARE(report.summary,
                 QStringLiteral("Signed in, but not allowed to call cloudwatch:GetMetricData in eu-west-1."));
    }

    void awsNetworkErrorIsNamed() {
        HttpClient http;
        ManualClock clock(kAnchor);
        AccountConnectionTester tester(http, clock);
        const QString endpoint = QStringLiteral("http://127.0.0.1:%1/").arg(closedPort());
        const ConnectionReport report =
            tester.testAndWait(awsAccount(endpoint, {QStringLiteral("us-east-1")}),
                               awsSecret(DemoCloud::credentials()), EndpointPolicy());
        QVERIFY(!report.signedIn);
        QVERIFY2(report.summary.contains(QLatin1String("Could not reach CloudWatch in us-east-1")),
                 qPrintable(report.summary));
        QVERIFY2(report.summary.contains(QLatin1String("127.0.0.1")), qPrintable(report.summary));
    }

    void awsExpiredTemporaryCredentialsAreNotSent() {
        HttpClient http;
        ManualClock clock(kAnchor);
        AccountConnectionTester tester(http, clock);
        Account account = awsAccount(QStringLiteral("http://127.0.0.1:9/"), {QStringLiteral("us-east-1")});
        account.expiresAt = kAnchor.addSecs(-60);
        aws::AwsCredentials credentials = DemoCloud::credentials();
        credentials.sessionToken = QStringLiteral("MLWATCH-SESSION-TOKEN-MARKER");
        const ConnectionReport report = tester.testAndWait(account, awsSecret(credentials), EndpointPolicy());
        QVERIFY(!report.signedIn);
        QVERIFY2(report.summary.contains(QLatin1String("expired")) &&
                     report.summary.contains(QLatin1String("UTC")),
                 qPrintable(report.summary));
        QCOMPARE(http.requestCount(), quint64(0));
    }

    // ---- Azure ----------------------------------------------------------------------------------

    void azureTokenThenArm_data() {
        QTest::addColumn<int>("armStatus");
        QTest::addColumn<QByteArray>("armBody");
        QTest::addColumn<bool>("canRead");
        QTest::addColumn<QString>("summaryContains");
        QTest::newRow("200: readable")
            << 200
            << QByteArray(
                   R"({"id":"/subscriptions/00000000-aaaa-bbbb-cccc-000000000001","displayName":"ML team",)"
                   R"("state":"Enabled"})")
            << true << QStringLiteral("Signed in to tenant ") + kTenant;
        QTest::newRow("403: signed in but not allowed")
            << 403
            << QByteArray(R"({"error":{"code":"AuthorizationFailed","message":"The client does not have )"
                          R"(authorization to perform action 'Microsoft.Resources/subscriptions/read'."}})")
            << false << QStringLiteral("Signed in, but not allowed to read subscription ") + kSubscription;
        QTest::newRow("404: subscription not found")
            << 404 << QByteArray(R"({"error":{"code":"SubscriptionNotFound","message":"not found"}})")
            << false << QStringLiteral("SubscriptionNotFound");
    }
    void azureTokenThenArm() {
        QFETCH(int, armStatus);
        QFETCH(QByteArray, armBody);
        QFETCH(bool, canRead);
        QFETCH(QString, summaryContains);
        FakeHttpEndpoint azure; // plays Entra ID and ARM on one port
        azure.setHandler([&](const RecordedRequest &request) {
            if (request.path.endsWith(QLatin1String("/oauth2/v2.0/token")))
                return FakeHttpEndpoint::json(
                    R"({"token_type":"Bearer","expires_in":3599,"access_token":"arm-token"})");
            return FakeHttpEndpoint::json(armBody, armStatus);
        });
        HttpClient http;
        ManualClock clock(kAnchor);
        AccountConnectionTester tester(http, clock);
        const ConnectionReport report =
            tester.testAndWait(azureAccount(azure.base(), azure.base()), azureSecret(), EndpointPolicy());
        QVERIFY2(report.signedIn, qPrintable(dump(report)));
        QCOMPARE(report.canReadMetrics, canRead);
        QVERIFY2(report.summary.contains(summaryContains), qPrintable(report.summary));

        QCOMPARE(azure.requests.size(), 2);
        const RecordedRequest &token = azure.requests.at(0);
        QCOMPARE(token.path, QStringLiteral("/%1/oauth2/v2.0/token").arg(kTenant));
        QCOMPARE(token.form().value(QStringLiteral("scope")),
                 QStringLiteral("https://management.azure.com/.default"));
        const RecordedRequest &arm = azure.requests.at(1);
        QCOMPARE(arm.method, QByteArray("GET"));
        QCOMPARE(arm.path, QStringLiteral("/subscriptions/") + kSubscription);
        QCOMPARE(arm.query.queryItemValue(QStringLiteral("api-version")), QStringLiteral("2022-12-01"));
        QCOMPARE(arm.header("Authorization"), QByteArray("Bearer arm-token"));
        QVERIFY(!dump(report).contains(kAzureSecret));
        QVERIFY(!dump(report).contains(QLatin1String("arm-token")));
    }

    void azureRejectedSecretIsNotSignedIn() {
        FakeHttpEndpoint azure;
        azure.setHandler([](const RecordedRequest &) {
            return FakeHttpEndpoint::json(
                R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid )"
                R"(client secret provided.","error_codes":[7000215]})",
                401);
        });
        HttpClient http;
        ManualClock clock(kAnchor);
        AccountConnectionTester tester(http, clock);
        const ConnectionReport report =
            tester.testAndWait(azureAccount(azure.base(), azure.base()), azureSecret(), EndpointPolicy());
        QVERIFY(!report.signedIn);
        QVERIFY(!report.canReadMetrics);
        QVERIFY2(report.summary.contains(QLatin1String("AADSTS7000215")), qPrintable(report.summary));
        QVERIFY(report.summary.contains(kTenant) && report.summary.contains(kClient));
        QVERIFY(!dump(report).contains(kAzureSecret));
        QCOMPARE(azure.countFor(QStringLiteral("/subscriptions/") + kSubscription), 0);
    }

    // ---- Google ---------------------------------------------------------------------------------

    void googleTokenThenMonitoring_data() {
        QTest::addColumn<bool>("authorizedUser");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("canRead");
        QTest::addColumn<QString>("summaryContains");
        const QByteArray descriptors =
            R"({"metricDescriptors":[{"type":"aiplatform.googleapis.com/x"}],"nextPageToken":"n"})";
        QTest::newRow("service account, 200: readable")
            << false << 200 << descriptors << true << QStringLiteral("Signed in as ") + kEmail;
        QTest::newRow("authorized user with quota project, 200: readable")
            << true << 200 << descriptors << true << QStringLiteral("Cloud Monitoring can be read");
        QTest::newRow("403 PERMISSION_DENIED: not allowed")
            << false << 403
            << QByteArray(
                   R"({"error":{"code":403,"message":"Permission monitoring.metricDescriptors.list denied )"
                   R"((or the resource may not exist).","status":"PERMISSION_DENIED"}})")
            << false << QStringLiteral("not allowed to read metrics of project ") + kProject;
        QTest::newRow("403 SERVICE_DISABLED: API not enabled")
            << false << 403
            << QByteArray(
                   R"({"error":{"code":403,"message":"Cloud Monitoring API has not been used in project )"
                   R"(mlwatch-test before or it is disabled.","status":"PERMISSION_DENIED","details":[{"@type":)"
                   R"("type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED"}]}})")
            << false << QStringLiteral("not enabled");
    }
    void googleTokenThenMonitoring() {
        QFETCH(bool, authorizedUser);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, canRead);
        QFETCH(QString, summaryContains);
        FakeHttpEndpoint google; // plays the token endpoint and Cloud Monitoring
        google.setHandler([&](const RecordedRequest &request) {
            if (request.path == QLatin1String("/token"))
                return FakeHttpEndpoint::json(R"({"access_token":"ya29.monitoring","expires_in":3599})");
            return FakeHttpEndpoint::json(body, status);
        });
        HttpClient http;
        ManualClock clock(kAnchor);
        AccountConnectionTester tester(http, clock);
        Account account = googleAccount(google.base());
        AccountSecret secret;
        if (authorizedUser) {
            account.gcpCredentialType = QStringLiteral("authorized_user");
            account.clientEmail.clear();
            account.tokenUri = google.url(QStringLiteral("/token")).toString();
            secret.googleCredentialsJson =
                R"({"type":"authorized_user","client_id":"c.apps.googleusercontent.com","client_secret":"s",)"
                R"("refresh_token":"r","quota_project_id":"mlwatch-quota"})";
        } else {
            secret.googleCredentialsJson =
                serviceAccountJson(m_pem, google.url(QStringLiteral("/token")).toString());
        }

        const ConnectionReport report = tester.testAndWait(account, secret, EndpointPolicy());
        QVERIFY2(report.signedIn, qPrintable(dump(report)));
        QCOMPARE(report.canReadMetrics, canRead);
        QVERIFY2(report.summary.contains(summaryContains), qPrintable(report.summary));

        QCOMPARE(google.requests.size(), 2);
        QCOMPARE(google.requests.at(0).path, QStringLiteral("/token"));
        const RecordedRequest &monitoring = google.requests.at(1);
        QCOMPARE(monitoring.method, QByteArray("GET"));
        QCOMPARE(monitoring.path, QStringLiteral("/v3/projects/%1/metricDescriptors").arg(kProject));
        QCOMPARE(monitoring.query.queryItemValue(QStringLiteral("pageSize")), QStringLiteral("1"));
        QCOMPARE(monitoring.header("Authorization"), QByteArray("Bearer ya29.monitoring"));
        QCOMPARE(monitoring.header("x-goog-user-project"),
                 authorizedUser ? QByteArray("mlwatch-quota") : QByteArray());
    }

    // ---- endpoint policy ------------------------------------------------------------------------

    void foreignEndpointIsRefusedBeforeAnyConnection_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("authority");
        QTest::addColumn<QString>("tokenUri");
        QTest::addColumn<bool>("trustHost");
        QTest::addColumn<QString>("host");
        QTest::newRow("AWS endpoint on a stranger's host")
            << int(AccountKind::Aws) << "https://metrics.example.net/" << QString() << QString() << false
            << "metrics.example.net";
        QTest::newRow("Azure authority host")
            << int(AccountKind::Azure) << QString() << "https://login.example.net" << QString() << false
            << "login.example.net";
        QTest::newRow("Azure ARM endpoint") << int(AccountKind::Azure) << "https://arm.example.net"
                                            << QString() << QString() << false << "arm.example.net";
        QTest::newRow("Google token_uri inside the key file")
            << int(AccountKind::Gcp) << QString() << QString() << "https://oauth.example.net/token" << false
            << "oauth.example.net";
        QTest::newRow("Google Monitoring endpoint")
            << int(AccountKind::Gcp) << "https://monitoring.example.net" << QString() << QString() << false
            << "monitoring.example.net";
        // The control: once the person trusts the host, the connection IS attempted (through the
        // proxy), which shows the proxy would have seen the refused ones.
        QTest::newRow("control: same AWS host once trusted is contacted")
            << int(AccountKind::Aws) << "https://metrics.example.net/" << QString() << QString() << true
            << "metrics.example.net";
    }
    void foreignEndpointIsRefusedBeforeAnyConnection() {
        QFETCH(int, kind);
        QFETCH(QString, endpoint);
        QFETCH(QString, authority);
        QFETCH(QString, tokenUri);
        QFETCH(bool, trustHost);
        QFETCH(QString, host);
        KnockCounter proxy;
        QNetworkProxy::setApplicationProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port()));

        Account account;
        AccountSecret secret;
        switch (AccountKind(kind)) {
        case AccountKind::Aws:
            account = awsAccount(endpoint, {QStringLiteral("us-east-1")});
            secret = awsSecret(DemoCloud::credentials());
            break;
        case AccountKind::Azure:
            account = azureAccount(authority, endpoint);
            secret = azureSecret();
            break;
        case AccountKind::Gcp:
            account = googleAccount(endpoint);
            secret.googleCredentialsJson = serviceAccountJson(
                m_pem, tokenUri.isEmpty() ? QStringLiteral("https://oauth2.googleapis.com/token") : tokenUri);
            break;
        }
        EndpointPolicy policy;
        if (trustHost)
            policy.trust(host);

        HttpClient http;
        ManualClock clock(kAnchor);
        AccountConnectionTester tester(http, clock);
        const ConnectionReport report = tester.testAndWait(account, secret, policy);
        QVERIFY(!report.signedIn);
        QVERIFY(!report.canReadMetrics);
        if (trustHost) {
            QVERIFY2(http.requestCount() > 0, qPrintable(dump(report)));
            QTRY_VERIFY_WITH_TIMEOUT(proxy.knocks > 0, 20000);
            return;
        }
        QVERIFY2(report.summary.contains(host), qPrintable(report.summary));
        QCOMPARE(http.requestCount(), quint64(0));
        QCoreApplication::processEvents(); // a connection attempt would be queued by now
        QCOMPARE(proxy.knocks, 0);
        QVERIFY(!dump(report).contains(kAzureSecret));
    }

private:
    QTemporaryDir m_dir;
    QByteArray m_pem;
};

QTEST_GUILESS_MAIN(TestAccountConnectionTester)
#include "tst_account_connection_tester.moc"
