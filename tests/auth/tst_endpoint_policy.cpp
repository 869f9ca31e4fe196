// Where credentials may go: the clouds' own domains over https, loopback over http or https,
// hosts the person confirmed over https; everything else refused before a connection, with a
// message that names the account and host but never the URL's path, query or user info.
#include "core/auth/endpoint_policy.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::AccountKind)

namespace {

const QString kSecretMarker = QStringLiteral("MLWATCH-TEST-SECRET");

} // namespace

class TestEndpointPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void checkAccount_data();
    void checkAccount();
    void settingsRoundTrip();
    void emptyTrustedListRemovesTheKey();
};

void TestEndpointPolicy::check_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<AccountKind>("kind");
    QTest::addColumn<QStringList>("trusted");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QStringList>("messageContains"); // when refused

    const auto aws = AccountKind::Aws;
    const auto azure = AccountKind::Azure;
    const auto gcp = AccountKind::Gcp;
    const QStringList none;
    const QStringList corp{QStringLiteral("cloudwatch.corp.example")};
    const QStringList untrusted{"trust-host", "account \"acc\""};

    // The clouds' own domains, over https.
    QTest::newRow("aws_regional") << "https://monitoring.us-east-1.amazonaws.com/" << aws << none << true
                                  << none;
    QTest::newRow("aws_china") << "https://monitoring.cn-north-1.amazonaws.com.cn/" << aws << none << true
                               << none;
    QTest::newRow("aws_api_aws") << "https://monitoring.us-east-1.api.aws/" << aws << none << true << none;
    QTest::newRow("aws_uppercase") << "https://MONITORING.US-EAST-1.AMAZONAWS.COM/" << aws << none << true
                                   << none;
    QTest::newRow("aws_trailing_dot_fqdn")
        << "https://monitoring.us-east-1.amazonaws.com./" << aws << none << true << none;
    QTest::newRow("aws_port") << "https://monitoring.us-east-1.amazonaws.com:443/" << aws << none << true
                              << none;
    QTest::newRow("azure_arm") << "https://management.azure.com/" << azure << none << true << none;
    QTest::newRow("azure_login") << "https://login.microsoftonline.com/" << azure << none << true << none;
    QTest::newRow("azure_gov_login") << "https://login.microsoftonline.us/" << azure << none << true << none;
    QTest::newRow("azure_gov_arm") << "https://management.usgovcloudapi.net/" << azure << none << true
                                   << none;
    QTest::newRow("azure_china") << "https://login.chinacloudapi.cn/" << azure << none << true << none;
    QTest::newRow("azure_batch") << "https://westeurope.metrics.monitor.azure.com/" << azure << none << true
                                 << none;
    QTest::newRow("google_token") << "https://oauth2.googleapis.com/token" << gcp << none << true << none;
    QTest::newRow("google_monitoring") << "https://monitoring.googleapis.com/" << gcp << none << true << none;
    QTest::newRow("google_accounts") << "https://accounts.google.com/o/oauth2/token" << gcp << none << true
                                     << none;

    // Loopback: http or https.
    QTest::newRow("loopback_http_127_0_0_1") << "http://127.0.0.1:4566/" << aws << none << true << none;
    QTest::newRow("loopback_http_127_0_0_2") << "http://127.0.0.2/" << aws << none << true << none;
    QTest::newRow("loopback_http_ipv6") << "http://[::1]:8080/" << azure << none << true << none;
    QTest::newRow("loopback_http_v4_mapped") << "http://[::ffff:127.0.0.1]/" << gcp << none << true << none;
    QTest::newRow("loopback_http_localhost") << "http://localhost:4566/" << aws << none << true << none;
    QTest::newRow("loopback_https") << "https://127.0.0.1:8443/" << gcp << none << true << none;

    // Confirmed hosts: https only, exactly that host.
    QTest::newRow("trusted_https") << "https://cloudwatch.corp.example/" << aws << corp << true << none;
    QTest::newRow("trusted_case_and_trailing_dot") << "https://CloudWatch.Corp.Example./" << aws
                                                   << QStringList{"CLOUDWATCH.corp.example."} << true << none;
    QTest::newRow("trusted_http_foreign_refused")
        << "http://cloudwatch.corp.example/" << aws << corp << false << QStringList{"http://", "https://"};
    QTest::newRow("trusted_host_not_its_subdomains")
        << "https://evil.cloudwatch.corp.example/" << aws << corp << false << untrusted;

    // Tricks that must not pass for a cloud domain or loopback.
    QTest::newRow("suffix_appended") << "https://amazonaws.com.evil.example/" << aws << none << false
                                     << QStringList{"amazonaws.com.evil.example", "trust-host"};
    QTest::newRow("suffix_appended_fqdn")
        << "https://amazonaws.com.evil.example./" << aws << none << false << untrusted;
    QTest::newRow("suffix_glued") << "https://evilamazonaws.com/" << aws << none << false << untrusted;
    QTest::newRow("userinfo_cloud_before_at") << "https://amazonaws.com@evil.example/" << aws << none << false
                                              << QStringList{"evil.example", "user name"};
    QTest::newRow("userinfo_password_not_echoed")
        << "https://monitoring.us-east-1.amazonaws.com:MLWATCH-TEST-SECRET-PW@evil.example/" << aws << none
        << false << QStringList{"user name"};
    QTest::newRow("userinfo_on_cloud_host")
        << "https://me:MLWATCH-TEST-SECRET-PW2@monitoring.us-east-1.amazonaws.com/" << aws << none << false
        << QStringList{"user name"};
    QTest::newRow("path_and_query_not_echoed")
        << "https://evil.example/MLWATCH-TEST-SECRET-PATH?token=MLWATCH-TEST-SECRET-QUERY" << aws << none
        << false << QStringList{"evil.example"};
    QTest::newRow("homoglyph_cyrillic_a")
        << QStringLiteral("https://monitoring.us-east-1.amazon\u0430ws.com/") << aws << none << false
        << untrusted;
    QTest::newRow("ideographic_full_stop")
        << QStringLiteral("https://monitoring.amazonaws.com\u3002evil.example/") << aws << none << false
        << untrusted;
    QTest::newRow("http_on_cloud_domain")
        << "http://monitoring.us-east-1.amazonaws.com/" << aws << none << false << QStringList{"http://"};
    QTest::newRow("localhost_trailing_dot_http")
        << "http://localhost./" << aws << none << false << QStringList{"http://"};
    QTest::newRow("loopback_look_alike_name")
        << "http://127.0.0.1.nip.io/" << aws << none << false << QStringList{"http://"};
    QTest::newRow("all_zero_address_not_loopback")
        << "http://0.0.0.0:4566/" << aws << none << false << QStringList{"http://"};
    QTest::newRow("ftp_scheme_refused")
        << "ftp://monitoring.us-east-1.amazonaws.com/" << aws << none << false << QStringList{"https://"};
    QTest::newRow("file_scheme_refused")
        << "file:///etc/passwd" << aws << none << false << QStringList{"host name"};
    QTest::newRow("no_host_refused") << "https:///amazonaws.com" << aws << none << false
                                     << QStringList{"host name"};
    QTest::newRow("other_clouds_domain_refused")
        << "https://management.azure.com/" << aws << none << false << QStringList{"AWS", "trust-host"};
    QTest::newRow("azure_look_alike")
        << "https://login.microsoftonline.com.evil.example/" << azure << none << false << untrusted;
    QTest::newRow("google_com_is_not_googleapis")
        << "https://evil.google.com/token" << gcp << none << false << untrusted;
    QTest::newRow("googleapis_look_alike")
        << "https://oauth2.googleapis.com.evil.example/token" << gcp << none << false << untrusted;
}

void TestEndpointPolicy::check() {
    QFETCH(QString, url);
    QFETCH(AccountKind, kind);
    QFETCH(QStringList, trusted);
    QFETCH(bool, allowed);
    QFETCH(QStringList, messageContains);

    EndpointPolicy policy;
    for (const QString &host : std::as_const(trusted))
        policy.trust(host);
    const Result<void> result =
        policy.check(QUrl(url), kind, QStringLiteral("acc"), QStringLiteral("endpoint"));
    if (allowed) {
        QVERIFY2(result.has_value(), qPrintable(result.error().message));
        return;
    }
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().code), int(ErrorCode::BadArgument));
    for (const QString &expected : std::as_const(messageContains))
        QVERIFY2(result.error().message.contains(expected), qPrintable(result.error().message));
    QVERIFY2(!result.error().message.contains(kSecretMarker), qPrintable(result.error().message));
    QVERIFY2(!result.error().detail.contains(kSecretMarker), qPrintable(result.error().detail));
}

void TestEndpointPolicy::checkAccount_data() {
    QTest::addColumn<AccountKind>("kind");
    QTest::addColumn<QString>("endpointUrl");
    QTest::addColumn<QString>("authorityHost");
    QTest::addColumn<QString>("tokenUri");
    QTest::addColumn<QString>("refusedWhat"); // empty: allowed

    QTest::newRow("defaults_allowed") << AccountKind::Aws << QString() << QString() << QString() << QString();
    QTest::newRow("aws_foreign_endpoint")
        << AccountKind::Aws << "https://cw.evil.example/" << QString() << QString() << "endpoint";
    QTest::newRow("azure_sovereign_authority_allowed")
        << AccountKind::Azure << "https://management.usgovcloudapi.net"
        << "https://login.microsoftonline.us" << QString() << QString();
    QTest::newRow("azure_foreign_authority")
        << AccountKind::Azure << QString() << "https://login.evil.example" << QString() << "authority host";
    QTest::newRow("google_key_token_uri_foreign")
        << AccountKind::Gcp << QString() << QString() << "https://oauth2.evil.example/token"
        << "token_uri";
    QTest::newRow("google_fake_server_token_uri_loopback")
        << AccountKind::Gcp << "http://127.0.0.1:9090" << QString() << "http://127.0.0.1:9090/token"
        << QString();
    QTest::newRow("malformed_url_refused")
        << AccountKind::Aws << "https://exa mple.com/" << QString() << QString() << "endpoint";
}

void TestEndpointPolicy::checkAccount() {
    QFETCH(AccountKind, kind);
    QFETCH(QString, endpointUrl);
    QFETCH(QString, authorityHost);
    QFETCH(QString, tokenUri);
    QFETCH(QString, refusedWhat);

    Account account;
    account.id = QStringLiteral("shared-ws-account");
    account.kind = kind;
    account.endpointUrl = endpointUrl;
    account.authorityHost = authorityHost;
    account.tokenUri = tokenUri;
    const Result<void> result = EndpointPolicy().checkAccount(account);
    if (refusedWhat.isEmpty()) {
        QVERIFY2(result.has_value(), qPrintable(result.error().message));
        return;
    }
    QVERIFY(!result.has_value());
    QVERIFY2(result.error().message.contains(refusedWhat), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(account.id), qPrintable(result.error().message));
}

void TestEndpointPolicy::settingsRoundTrip() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mlwatch.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        EndpointPolicy policy;
        policy.trust(QStringLiteral("b.corp.example"));
        policy.trust(QStringLiteral("A.Corp.Example"));
        policy.saveTo(settings);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
        // Stored sorted and lower-cased, so the file diffs cleanly.
        QCOMPARE(settings.value(QLatin1String(EndpointPolicy::kTrustedHostsKey)).toStringList(),
                 QStringList({"a.corp.example", "b.corp.example"}));
    }
    QSettings reread(path, QSettings::IniFormat);
    const EndpointPolicy loaded = EndpointPolicy::fromSettings(reread);
    QCOMPARE(loaded.trustedHosts(), QSet<QString>({"a.corp.example", "b.corp.example"}));
    QVERIFY(loaded
                .check(QUrl(QStringLiteral("https://a.corp.example/")), AccountKind::Aws, QStringLiteral("x"),
                       QStringLiteral("endpoint"))
                .has_value());
}

void TestEndpointPolicy::emptyTrustedListRemovesTheKey() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mlwatch.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        EndpointPolicy({QStringLiteral("a.corp.example")}).saveTo(settings);
        EndpointPolicy().saveTo(settings); // the person removed the last confirmed host
        settings.sync();
    }
    QSettings reread(path, QSettings::IniFormat);
    QVERIFY(!reread.contains(QLatin1String(EndpointPolicy::kTrustedHostsKey)));
    QVERIFY(EndpointPolicy::fromSettings(reread).trustedHosts().isEmpty());
}

QTEST_GUILESS_MAIN(TestEndpointPolicy)
#include "tst_endpoint_policy.moc"
