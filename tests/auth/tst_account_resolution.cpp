// A stored AWS account plus its keychain secret → what a session signs with: region choice,
// expiry, incomplete secrets, endpoint safety and the CloudWatch protocol.
#include "core/auth/account_resolution.h"
#include "core/auth/endpoint_policy.h"

#include <QTest>
#include <QTimeZone>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::ErrorCode)
Q_DECLARE_METATYPE(mlwatch::aws::CloudWatchProtocol)

namespace {

const QString kSecretMarker = QStringLiteral("MLWATCH-TEST-SECRET");
const QDateTime kNow(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());

} // namespace

class TestAccountResolution : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolves_data();
    void resolves();
    void fails_data();
    void fails();
    void otherKindsRefused();

private:
    void addAccountColumns();
    // The row's account and secret (columns of addAccountColumns()).
    static std::pair<Account, AccountSecret> rowAccount();
};

void TestAccountResolution::addAccountColumns() {
    QTest::addColumn<QStringList>("regions");
    QTest::addColumn<QString>("endpointUrl");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QDateTime>("expiresAt");
    QTest::addColumn<QString>("secretAccessKey");
    QTest::addColumn<QString>("sessionToken");
    QTest::addColumn<QString>("regionArgument");
    QTest::addColumn<QStringList>("trusted");
}

std::pair<Account, AccountSecret> TestAccountResolution::rowAccount() {
    QFETCH(QStringList, regions);
    QFETCH(QString, endpointUrl);
    QFETCH(QString, protocol);
    QFETCH(QDateTime, expiresAt);
    QFETCH(QString, secretAccessKey);
    QFETCH(QString, sessionToken);
    Account account;
    account.id = QStringLiteral("prod");
    account.kind = AccountKind::Aws;
    account.regions = regions;
    account.endpointUrl = endpointUrl;
    account.protocol = protocol;
    account.expiresAt = expiresAt;
    AccountSecret secret;
    secret.accessKeyId = QStringLiteral("AKIAMLWATCHTEST00050");
    secret.secretAccessKey = secretAccessKey;
    secret.sessionToken = sessionToken;
    return {account, secret};
}

void TestAccountResolution::resolves_data() {
    addAccountColumns();
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpoint"); // resolvedEndpoint()
    QTest::addColumn<aws::CloudWatchProtocol>("expectedProtocol");

    const QString key = QStringLiteral("MLWATCH-TEST-SECRET-KEY");
    const QStringList regions{"eu-west-1", "us-east-1"};
    const QDateTime never;
    const QStringList none;
    const auto json = aws::CloudWatchProtocol::Json;

    QTest::newRow("first_region_by_default")
        << regions << QString() << QString() << never << key << QString() << QString() << none << "eu-west-1"
        << "https://monitoring.eu-west-1.amazonaws.com/" << json;
    QTest::newRow("explicit_region_wins") << regions << QString() << QString() << never << key << QString()
                                          << "ap-south-1" << none << "ap-south-1"
                                          << "https://monitoring.ap-south-1.amazonaws.com/" << json;
    QTest::newRow("explicit_region_without_stored_regions")
        << QStringList() << QString() << QString() << never << key << QString() << "us-west-2" << none
        << "us-west-2"
        << "https://monitoring.us-west-2.amazonaws.com/" << json;
    QTest::newRow("temporary_credentials_not_yet_expired")
        << regions << QString() << QString() << kNow.addSecs(1) << key << "MLWATCH-TEST-SECRET-TOKEN"
        << QString() << none << "eu-west-1"
        << "https://monitoring.eu-west-1.amazonaws.com/" << json;
    QTest::newRow("loopback_http_endpoint_ok") << regions << "http://127.0.0.1:4566" << QString() << never
                                               << key << QString() << QString() << none << "eu-west-1"
                                               << "http://127.0.0.1:4566/" << json;
    QTest::newRow("cloud_endpoint_override_ok")
        << regions << "https://monitoring-fips.us-east-1.amazonaws.com/" << QString() << never << key
        << QString() << QString() << none << "eu-west-1"
        << "https://monitoring-fips.us-east-1.amazonaws.com/" << json;
    QTest::newRow("trusted_host_endpoint_ok")
        << regions << "https://cloudwatch.corp.example/" << QString() << never << key << QString()
        << QString() << QStringList{"cloudwatch.corp.example"} << "eu-west-1"
        << "https://cloudwatch.corp.example/" << json;
    QTest::newRow("protocol_query") << regions << QString() << "query" << never << key << QString()
                                    << QString() << none << "eu-west-1"
                                    << "https://monitoring.eu-west-1.amazonaws.com/"
                                    << aws::CloudWatchProtocol::Query;
    QTest::newRow("protocol_json_explicit")
        << regions << QString() << "json" << never << key << QString() << QString() << none << "eu-west-1"
        << "https://monitoring.eu-west-1.amazonaws.com/" << json;
}

void TestAccountResolution::resolves() {
    QFETCH(QString, regionArgument);
    QFETCH(QStringList, trusted);
    QFETCH(QString, region);
    QFETCH(QString, endpoint);
    QFETCH(aws::CloudWatchProtocol, expectedProtocol);
    const auto [account, secret] = rowAccount();

    const Result<aws::AwsResolved> resolved =
        resolveAwsAccount(account, secret, EndpointPolicy(QSet<QString>(trusted.cbegin(), trusted.cend())),
                          kNow, regionArgument);
    QVERIFY2(resolved.has_value(), qPrintable(resolved ? QString() : resolved.error().message));
    QCOMPARE(resolved->endpoint.region, region);
    QCOMPARE(resolved->endpoint.resolvedEndpoint().toString(), endpoint);
    QCOMPARE(resolved->endpoint.protocol, expectedProtocol);
    QCOMPARE(resolved->credentials.accessKeyId, secret.accessKeyId);
    QCOMPARE(resolved->credentials.secretAccessKey, secret.secretAccessKey);
    QCOMPARE(resolved->credentials.sessionToken, secret.sessionToken);
    QCOMPARE(resolved->credentials.expiresAt, account.expiresAt);
    QCOMPARE(resolved->source, QStringLiteral("account prod (keychain)"));
}

void TestAccountResolution::fails_data() {
    addAccountColumns();
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QStringList>("messageContains");

    const QString key = QStringLiteral("MLWATCH-TEST-SECRET-KEY");
    const QStringList regions{"eu-west-1"};
    const QDateTime never;
    const QStringList none;

    QTest::newRow("expired_names_the_time")
        << regions << QString() << QString() << kNow.addSecs(-3600) << key << "MLWATCH-TEST-SECRET-TOKEN"
        << QString() << none << ErrorCode::NoCredentials
        << QStringList{"\"prod\"", "expired at 2024-05-01 11:00:00 UTC"};
    QTest::newRow("expiring_exactly_now_is_expired")
        << regions << QString() << QString() << kNow << key << "MLWATCH-TEST-SECRET-TOKEN" << QString()
        << none << ErrorCode::NoCredentials << QStringList{"expired at 2024-05-01 12:00:00 UTC"};
    QTest::newRow("incomplete_secret_names_the_missing_half")
        << regions << QString() << QString() << never << QString() << QString() << QString() << none
        << ErrorCode::NoCredentials << QStringList{"\"prod\"", "secret access key", "keychain"};
    QTest::newRow("no_region") << QStringList() << QString() << QString() << never << key << QString()
                               << QString() << none << ErrorCode::BadArgument
                               << QStringList{"\"prod\"", "region"};
    QTest::newRow("invalid_region_argument")
        << regions << QString() << QString() << never << key << QString() << "eu west 1" << none
        << ErrorCode::BadArgument << QStringList{"not an AWS region"};
    QTest::newRow("foreign_endpoint_refused")
        << regions << "https://cloudwatch.evil.example/MLWATCH-TEST-SECRET-PATH" << QString() << never << key
        << QString() << QString() << none << ErrorCode::BadArgument
        << QStringList{"\"prod\"", "cloudwatch.evil.example", "trust-host"};
    QTest::newRow("foreign_http_endpoint_refused_even_if_trusted")
        << regions << "http://cloudwatch.corp.example/" << QString() << never << key << QString() << QString()
        << QStringList{"cloudwatch.corp.example"} << ErrorCode::BadArgument << QStringList{"http://"};
}

void TestAccountResolution::fails() {
    QFETCH(QString, regionArgument);
    QFETCH(QStringList, trusted);
    QFETCH(ErrorCode, code);
    QFETCH(QStringList, messageContains);
    const auto [account, secret] = rowAccount();

    const Result<aws::AwsResolved> resolved =
        resolveAwsAccount(account, secret, EndpointPolicy(QSet<QString>(trusted.cbegin(), trusted.cend())),
                          kNow, regionArgument);
    QVERIFY(!resolved.has_value());
    QCOMPARE(int(resolved.error().code), int(code));
    for (const QString &expected : std::as_const(messageContains))
        QVERIFY2(resolved.error().message.contains(expected), qPrintable(resolved.error().message));
    QVERIFY2(!resolved.error().message.contains(kSecretMarker), qPrintable(resolved.error().message));
    QVERIFY2(!resolved.error().detail.contains(kSecretMarker), qPrintable(resolved.error().detail));
    QVERIFY2(!resolved.error().message.contains(secret.accessKeyId), qPrintable(resolved.error().message));
}

void TestAccountResolution::otherKindsRefused() {
    Account account;
    account.id = QStringLiteral("azure-env");
    account.kind = AccountKind::Azure;
    AccountSecret secret;
    secret.clientSecret = QStringLiteral("MLWATCH-TEST-SECRET-AZURE");
    const Result<aws::AwsResolved> resolved = resolveAwsAccount(account, secret, EndpointPolicy(), kNow);
    QVERIFY(!resolved.has_value());
    QCOMPARE(int(resolved.error().code), int(ErrorCode::BadArgument));
    QVERIFY2(resolved.error().message.contains(QLatin1String("\"azure-env\"")),
             qPrintable(resolved.error().message));
}

QTEST_GUILESS_MAIN(TestAccountResolution)
#include "tst_account_resolution.moc"
