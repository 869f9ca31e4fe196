// The AWS credential chain: environment, shared credentials and config files, profile / region /
// endpoint precedence, and the errors (never with a secret in them). Each row gets a fresh temp
// HOME; "$HOME" in env values, file names and expectations stands for it.
#include "core/providers/aws/aws_environment.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mlwatch;
using namespace mlwatch::aws;

Q_DECLARE_METATYPE(mlwatch::ErrorCode)

namespace {

using Files = QMap<QString, QString>; // path under HOME → content

// Every secret a row uses contains this marker, so one check covers all of them.
const QString kSecretMarker = QStringLiteral("s3kr1t");

const QString kEnvKeys = QStringLiteral("AWS_ACCESS_KEY_ID=AKIAENV|AWS_SECRET_ACCESS_KEY=envs3kr1tkey");
const QString kDefaultCreds =
    QStringLiteral("[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = defaults3kr1tkey\n");
const QString kProdCreds =
    QStringLiteral("[prod]\naws_access_key_id = AKIAPROD\naws_secret_access_key = prods3kr1tkey\n");
const QString kRegionEnv = QStringLiteral("AWS_REGION=eu-west-1");

QString credsPath() {
    return QStringLiteral(".aws/credentials");
}
QString configPath() {
    return QStringLiteral(".aws/config");
}

} // namespace

class TestAwsEnvironment : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolves_data();
    void resolves();
    void fails_data();
    void fails();
    void resolvedEndpoint_data();
    void resolvedEndpoint();

private:
    // Writes the row's files into a fresh HOME and runs the chain.
    Result<AwsResolved> run(QTemporaryDir &home);
};

Result<AwsResolved> TestAwsEnvironment::run(QTemporaryDir &home) {
    QFETCH(QString, env);
    QFETCH(Files, files);
    QFETCH(QString, profileFlag);
    QFETCH(QString, regionFlag);
    QFETCH(QString, endpointFlag);

    const QString homePath = home.path();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = homePath + QLatin1Char('/') + it.key();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write test file");
        file.write(it.value().toUtf8());
    }
    QProcessEnvironment environment; // empty: the runner's own AWS_* variables must not leak in
    const QStringList entries = env.split(QLatin1Char('|'), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        environment.insert(entry.left(eq), entry.mid(eq + 1).replace(QLatin1String("$HOME"), homePath));
    }
    return resolveAwsChain({profileFlag, regionFlag, endpointFlag}, environment, homePath);
}

void TestAwsEnvironment::resolves_data() {
    QTest::addColumn<QString>("env"); // "NAME=value|NAME=value"
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("profileFlag");
    QTest::addColumn<QString>("regionFlag");
    QTest::addColumn<QString>("endpointFlag");
    QTest::addColumn<QString>("accessKeyId");
    QTest::addColumn<QString>("secretAccessKey");
    QTest::addColumn<QString>("sessionToken");
    QTest::addColumn<QDateTime>("expiresAt");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpoint"); // empty: the regional default
    QTest::addColumn<QString>("source");

    const QString none;
    const QDateTime never;
    const QString envRegion = kEnvKeys + QLatin1Char('|') + kRegionEnv;
    const QString creds = QStringLiteral("$HOME/.aws/credentials");
    const QString config = QStringLiteral("$HOME/.aws/config");
    const QString defaultSource = QStringLiteral("profile default (%1)").arg(creds);
    const QString prodSource = QStringLiteral("profile prod (%1)").arg(creds);

    // Where the keys come from.
    QTest::newRow("env_keys_before_files")
        << envRegion << Files{{credsPath(), kDefaultCreds}} << none << none << none << "AKIAENV"
        << "envs3kr1tkey" << none << never << "eu-west-1" << none << "environment";
    QTest::newRow("env_session_token")
        << envRegion + "|AWS_SESSION_TOKEN=toks3kr1t1" << Files{} << none << none << none << "AKIAENV"
        << "envs3kr1tkey"
        << "toks3kr1t1" << never << "eu-west-1" << none << "environment";
    QTest::newRow("env_security_token_legacy_alias")
        << envRegion + "|AWS_SECURITY_TOKEN=toks3kr1t2" << Files{} << none << none << none << "AKIAENV"
        << "envs3kr1tkey"
        << "toks3kr1t2" << never << "eu-west-1" << none << "environment";
    QTest::newRow("env_session_token_wins_over_security_token")
        << envRegion + "|AWS_SECURITY_TOKEN=toks3kr1t2|AWS_SESSION_TOKEN=toks3kr1t1" << Files{} << none
        << none << none << "AKIAENV"
        << "envs3kr1tkey"
        << "toks3kr1t1" << never << "eu-west-1" << none << "environment";
    QTest::newRow("env_expiration_fills_expires_at")
        << envRegion + "|AWS_CREDENTIAL_EXPIRATION=2030-01-02T03:04:05Z" << Files{} << none << none << none
        << "AKIAENV"
        << "envs3kr1tkey" << none << QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), QTimeZone::utc())
        << "eu-west-1" << none << "environment";
    QTest::newRow("env_expiration_with_offset_is_utc")
        << envRegion + "|AWS_CREDENTIAL_EXPIRATION=2030-01-02T05:04:05.500+02:00" << Files{} << none << none
        << none << "AKIAENV"
        << "envs3kr1tkey" << none << QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 500), QTimeZone::utc())
        << "eu-west-1" << none << "environment";
    QTest::newRow("credentials_file_default_profile")
        << kRegionEnv << Files{{credsPath(), kDefaultCreds}} << none << none << none << "AKIADEFAULT"
        << "defaults3kr1tkey" << none << never << "eu-west-1" << none << defaultSource;
    QTest::newRow("credentials_file_session_token")
        << kRegionEnv << Files{{credsPath(), kDefaultCreds + "aws_session_token = toks3kr1t3\n"}} << none
        << none << none << "AKIADEFAULT"
        << "defaults3kr1tkey"
        << "toks3kr1t3" << never << "eu-west-1" << none << defaultSource;
    QTest::newRow("credentials_file_security_token_legacy")
        << kRegionEnv << Files{{credsPath(), kDefaultCreds + "aws_security_token = toks3kr1t4\n"}} << none
        << none << none << "AKIADEFAULT"
        << "defaults3kr1tkey"
        << "toks3kr1t4" << never << "eu-west-1" << none << defaultSource;
    QTest::newRow("config_file_static_keys")
        << kRegionEnv
        << Files{{configPath(),
                  "[profile prod]\naws_access_key_id = AKIACFG\naws_secret_access_key = cfgs3kr1tkey\n"}}
        << "prod" << none << none << "AKIACFG"
        << "cfgs3kr1tkey" << none << never << "eu-west-1" << none
        << QStringLiteral("profile prod (%1)").arg(config);
    QTest::newRow("config_bare_default_section")
        << kRegionEnv
        << Files{{configPath(),
                  "[default]\naws_access_key_id = AKIACFG\naws_secret_access_key = cfgs3kr1tkey\n"}}
        << none << none << none << "AKIACFG"
        << "cfgs3kr1tkey" << none << never << "eu-west-1" << none
        << QStringLiteral("profile default (%1)").arg(config);
    QTest::newRow("credentials_file_wins_over_config_keys")
        << kRegionEnv
        << Files{{credsPath(), kProdCreds},
                 {configPath(),
                  "[profile prod]\naws_access_key_id = AKIACFG\naws_secret_access_key = cfgs3kr1t\n"}}
        << "prod" << none << none << "AKIAPROD"
        << "prods3kr1tkey" << none << never << "eu-west-1" << none << prodSource;
    QTest::newRow("static_keys_win_over_credential_process")
        << kRegionEnv
        << Files{{credsPath(), kProdCreds},
                 {configPath(), "[profile prod]\ncredential_process = /bin/get-keys\n"}}
        << "prod" << none << none << "AKIAPROD"
        << "prods3kr1tkey" << none << never << "eu-west-1" << none << prodSource;

    // Which profile.
    const Files both = {{credsPath(), kDefaultCreds + kProdCreds}};
    QTest::newRow("aws_profile_selects_section")
        << kRegionEnv + "|AWS_PROFILE=prod" << both << none << none << none << "AKIAPROD"
        << "prods3kr1tkey" << none << never << "eu-west-1" << none << prodSource;
    QTest::newRow("aws_default_profile_when_no_aws_profile")
        << kRegionEnv + "|AWS_DEFAULT_PROFILE=prod" << both << none << none << none << "AKIAPROD"
        << "prods3kr1tkey" << none << never << "eu-west-1" << none << prodSource;
    QTest::newRow("aws_profile_wins_over_aws_default_profile")
        << kRegionEnv + "|AWS_PROFILE=prod|AWS_DEFAULT_PROFILE=default" << both << none << none << none
        << "AKIAPROD"
        << "prods3kr1tkey" << none << never << "eu-west-1" << none << prodSource;
    QTest::newRow("profile_flag_wins_over_aws_profile")
        << kRegionEnv + "|AWS_PROFILE=default" << both << "prod" << none << none << "AKIAPROD"
        << "prods3kr1tkey" << none << never << "eu-west-1" << none << prodSource;
    QTest::newRow("profile_flag_skips_env_keys")
        << envRegion << both << "prod" << none << none << "AKIAPROD"
        << "prods3kr1tkey" << none << never << "eu-west-1" << none << prodSource;
    QTest::newRow("aws_profile_keeps_env_keys")
        << envRegion + "|AWS_PROFILE=prod" << both << none << none << none << "AKIAENV"
        << "envs3kr1tkey" << none << never << "eu-west-1" << none << "environment";

    // Where the files are.
    QTest::newRow("shared_credentials_file_env_path")
        << kRegionEnv + "|AWS_SHARED_CREDENTIALS_FILE=$HOME/elsewhere/creds"
        << Files{{QStringLiteral("elsewhere/creds"),
                  "[default]\naws_access_key_id = AKIAPROD\naws_secret_access_key = prods3kr1tkey\n"},
                 {credsPath(),
                  QStringLiteral("[default]\naws_access_key_id = AKIAWRONG\naws_secret_access_key = "
                                 "wrongs3kr1t\n")}}
        << none << none << none << "AKIAPROD"
        << "prods3kr1tkey" << none << never << "eu-west-1" << none
        << "profile default ($HOME/elsewhere/creds)";
    QTest::newRow("tilde_in_credentials_path")
        << kRegionEnv + "|AWS_SHARED_CREDENTIALS_FILE=~/alt/creds"
        << Files{{QStringLiteral("alt/creds"), kDefaultCreds}} << none << none << none << "AKIADEFAULT"
        << "defaults3kr1tkey" << none << never << "eu-west-1" << none << "profile default ($HOME/alt/creds)";
    QTest::newRow("config_file_env_path")
        << "AWS_CONFIG_FILE=$HOME/elsewhere/config"
        << Files{{credsPath(), kDefaultCreds},
                 {QStringLiteral("elsewhere/config"), "[default]\nregion = ap-south-1\n"},
                 {configPath(), "[default]\nregion = us-west-2\n"}}
        << none << none << none << "AKIADEFAULT"
        << "defaults3kr1tkey" << none << never << "ap-south-1" << none << defaultSource;

    // Region precedence.
    const Files withRegion = {{credsPath(), kDefaultCreds},
                              {configPath(), "[default]\nregion = us-west-2\n"}};
    const QString regionEnvs = QStringLiteral("AWS_REGION=eu-west-1|AWS_DEFAULT_REGION=eu-central-1");
    QTest::newRow("region_flag_wins")
        << regionEnvs << withRegion << none << "sa-east-1" << none << "AKIADEFAULT"
        << "defaults3kr1tkey" << none << never << "sa-east-1" << none << defaultSource;
    QTest::newRow("aws_region_wins_over_aws_default_region")
        << regionEnvs << withRegion << none << none << none << "AKIADEFAULT"
        << "defaults3kr1tkey" << none << never << "eu-west-1" << none << defaultSource;
    QTest::newRow("aws_default_region_wins_over_profile")
        << "AWS_DEFAULT_REGION=eu-central-1" << withRegion << none << none << none << "AKIADEFAULT"
        << "defaults3kr1tkey" << none << never << "eu-central-1" << none << defaultSource;
    QTest::newRow("profile_region_from_config")
        << QString() << withRegion << none << none << none << "AKIADEFAULT"
        << "defaults3kr1tkey" << none << never << "us-west-2" << none << defaultSource;
    QTest::newRow("profile_region_of_named_profile")
        << "AWS_PROFILE=prod"
        << Files{{credsPath(), kProdCreds},
                 {configPath(), "[default]\nregion = us-west-2\n[profile prod]\nregion = eu-north-1\n"}}
        << none << none << none << "AKIAPROD"
        << "prods3kr1tkey" << none << never << "eu-north-1" << none << prodSource;

    // Endpoint precedence.
    const QString endpointEnvs =
        kEnvKeys + "|" + kRegionEnv +
        "|AWS_ENDPOINT_URL_CLOUDWATCH=http://127.0.0.1:4566|AWS_ENDPOINT_URL=https://all.example";
    QTest::newRow("endpoint_flag_wins")
        << endpointEnvs << Files{} << none << none << "https://flag.example/base"
        << "AKIAENV"
        << "envs3kr1tkey" << none << never << "eu-west-1"
        << "https://flag.example/base"
        << "environment";
    QTest::newRow("endpoint_cloudwatch_env_wins_over_generic")
        << endpointEnvs << Files{} << none << none << none << "AKIAENV"
        << "envs3kr1tkey" << none << never << "eu-west-1"
        << "http://127.0.0.1:4566/"
        << "environment";
    QTest::newRow("endpoint_generic_env")
        << envRegion + "|AWS_ENDPOINT_URL=https://all.example" << Files{} << none << none << none << "AKIAENV"
        << "envs3kr1tkey" << none << never << "eu-west-1"
        << "https://all.example/"
        << "environment";

    // The INI dialect (configparser's, as botocore reads it).
    QTest::newRow("ini_comments_colons_case_crlf")
        << kRegionEnv
        << Files{{credsPath(),
                  "# comment\r\n; other comment\r\n[default]\r\n  # indented comment\r\n"
                  "AWS_Access_Key_ID: AKIAINI\r\naws_secret_access_key=inis3kr1t=with=equals \r\n"}}
        << none << none << none << "AKIAINI"
        << "inis3kr1t=with=equals" << none << never << "eu-west-1" << none << defaultSource;
    QTest::newRow("ini_nested_block_and_quoted_profile")
        << "AWS_PROFILE=team prod"
        << Files{{configPath(),
                  "[profile \"team prod\"]\ns3 =\n    max_concurrent_requests = 10\n"
                  "region = eu-west-3\naws_access_key_id = AKIAQ\naws_secret_access_key = qs3kr1t\n"}}
        << none << none << none << "AKIAQ"
        << "qs3kr1t" << none << never << "eu-west-3" << none
        << QStringLiteral("profile team prod (%1)").arg(config);
    QTest::newRow("env_values_trimmed")
        << "AWS_ACCESS_KEY_ID= AKIAENV \n|AWS_SECRET_ACCESS_KEY=envs3kr1tkey\n|"
           "AWS_REGION= eu-west-1 "
        << Files{} << none << none << none << "AKIAENV"
        << "envs3kr1tkey" << none << never << "eu-west-1" << none << "environment";
}

void TestAwsEnvironment::resolves() {
    QFETCH(QString, accessKeyId);
    QFETCH(QString, secretAccessKey);
    QFETCH(QString, sessionToken);
    QFETCH(QDateTime, expiresAt);
    QFETCH(QString, region);
    QFETCH(QString, endpoint);
    QFETCH(QString, source);

    QTemporaryDir home;
    QVERIFY(home.isValid());
    const Result<AwsResolved> result = run(home);
    QVERIFY2(result.has_value(), qPrintable(result.has_value() ? QString() : result.error().toString()));
    QCOMPARE(result->credentials.accessKeyId, accessKeyId);
    QCOMPARE(result->credentials.secretAccessKey, secretAccessKey);
    QCOMPARE(result->credentials.sessionToken, sessionToken);
    QCOMPARE(result->credentials.expiresAt, expiresAt);
    QCOMPARE(result->endpoint.region, region);
    QCOMPARE(result->endpoint.endpoint, endpoint.isEmpty() ? QUrl() : QUrl(endpoint));
    QCOMPARE(result->source, QString(source).replace(QLatin1String("$HOME"), home.path()));
    QVERIFY(!result->source.contains(kSecretMarker));
}

void TestAwsEnvironment::fails_data() {
    QTest::addColumn<QString>("env");
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("profileFlag");
    QTest::addColumn<QString>("regionFlag");
    QTest::addColumn<QString>("endpointFlag");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QStringList>("messageContains"); // "$HOME" is replaced

    const QString none;
    const QString creds = QStringLiteral("$HOME/.aws/credentials");
    const QString config = QStringLiteral("$HOME/.aws/config");

    // Nothing to sign with: the message says what was looked for, and where.
    QTest::newRow("no_credentials_anywhere")
        << kRegionEnv << Files{} << none << none << none << ErrorCode::NoCredentials
        << QStringList{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "\"default\"", creds + " (not found)",
                       config + " (not found)"};
    QTest::newRow("no_credentials_profile_flag_mentions_env_skipped")
        << kEnvKeys + "|" + kRegionEnv << Files{{configPath(), "[profile prod]\nregion = eu-west-1\n"}}
        << "prod" << none << none << ErrorCode::NoCredentials << QStringList{"\"prod\"", "--profile", config};
    QTest::newRow("env_key_id_without_secret")
        << kRegionEnv + "|AWS_ACCESS_KEY_ID=AKIAENV" << Files{} << none << none << none
        << ErrorCode::NoCredentials << QStringList{"AWS_SECRET_ACCESS_KEY", "missing"};
    QTest::newRow("env_secret_without_key_id")
        << kRegionEnv + "|AWS_SECRET_ACCESS_KEY=lonelys3kr1t" << Files{} << none << none << none
        << ErrorCode::NoCredentials << QStringList{"AWS_ACCESS_KEY_ID", "missing"};
    QTest::newRow("profile_key_id_without_secret")
        << kRegionEnv << Files{{credsPath(), "[default]\naws_access_key_id = AKIAHALF\n"}} << none << none
        << none << ErrorCode::NoCredentials << QStringList{"\"default\"", "aws_secret_access_key", creds};
    QTest::newRow("profile_secret_without_key_id")
        << kRegionEnv << Files{{credsPath(), "[default]\naws_secret_access_key = halfs3kr1t\n"}} << none
        << none << none << ErrorCode::NoCredentials << QStringList{"\"default\"", "aws_access_key_id", creds};
    QTest::newRow("profile_flag_not_found")
        << kRegionEnv << Files{{credsPath(), kDefaultCreds}} << "nope" << none << none
        << ErrorCode::NoCredentials << QStringList{"\"nope\"", "not found", creds, config + " (not found)"};
    QTest::newRow("aws_profile_not_found_even_with_env_keys")
        << kEnvKeys + "|" + kRegionEnv + "|AWS_PROFILE=typo" << Files{} << none << none << none
        << ErrorCode::NoCredentials << QStringList{"\"typo\"", "not found"};
    QTest::newRow("bare_config_section_is_not_a_profile")
        << kRegionEnv
        << Files{{configPath(), "[prod]\naws_access_key_id = AKIAX\naws_secret_access_key = bares3kr1t\n"}}
        << "prod" << none << none << ErrorCode::NoCredentials << QStringList{"\"prod\"", "not found"};

    // Profiles that need protocols MLWatch does not speak yet: named with the key.
    QTest::newRow("sso_profile_unsupported")
        << kRegionEnv
        << Files{{configPath(), "[profile dev]\nsso_start_url = https://x.awsapps.com/start\nsso_region = "
                                "us-east-1\nsso_account_id = 123\nsso_role_name = Admin\n"}}
        << "dev" << none << none << ErrorCode::NoCredentials
        << QStringList{"\"dev\"", "sso_account_id", "not support yet", config};
    QTest::newRow("sso_session_profile_unsupported")
        << kRegionEnv + "|AWS_PROFILE=dev"
        << Files{{configPath(),
                  "[profile dev]\nsso_session = corp\n[sso-session corp]\nsso_region = us-east-1\n"}}
        << none << none << none << ErrorCode::NoCredentials << QStringList{"\"dev\"", "sso_session"};
    QTest::newRow("credential_process_unsupported")
        << kRegionEnv << Files{{configPath(), "[default]\ncredential_process = /usr/bin/get-keys --json\n"}}
        << none << none << none << ErrorCode::NoCredentials
        << QStringList{"\"default\"", "credential_process", config};
    QTest::newRow("role_arn_unsupported_even_with_static_keys")
        << kRegionEnv
        << Files{{credsPath(), kProdCreds},
                 {configPath(),
                  "[profile prod]\nrole_arn = arn:aws:iam::123:role/R\nsource_profile = default\n"}}
        << "prod" << none << none << ErrorCode::NoCredentials << QStringList{"\"prod\"", "role_arn", config};
    QTest::newRow("role_arn_in_credentials_file_unsupported")
        << kRegionEnv
        << Files{{credsPath(),
                  "[default]\nrole_arn = arn:aws:iam::123:role/R\ncredential_source = Environment\n"}}
        << none << none << none << ErrorCode::NoCredentials << QStringList{"\"default\"", "role_arn", creds};
    QTest::newRow("web_identity_unsupported")
        << kRegionEnv << Files{{configPath(), "[default]\nweb_identity_token_file = /var/run/token\n"}}
        << none << none << none << ErrorCode::NoCredentials << QStringList{"web_identity_token_file"};

    // Region and endpoint.
    QTest::newRow("missing_region") << kEnvKeys << Files{} << none << none << none << ErrorCode::BadArgument
                                    << QStringList{"region", "--region", "AWS_REGION", "AWS_DEFAULT_REGION",
                                                   config};
    QTest::newRow("invalid_region") << kEnvKeys << Files{} << none << "us east 1" << none
                                    << ErrorCode::BadArgument << QStringList{"\"us east 1\"", "--region"};
    QTest::newRow("invalid_endpoint_scheme")
        << kEnvKeys + "|" + kRegionEnv + "|AWS_ENDPOINT_URL=ftp://x.example" << Files{} << none << none
        << none << ErrorCode::BadArgument << QStringList{"AWS_ENDPOINT_URL", "https://"};
    QTest::newRow("endpoint_without_host_value_not_echoed")
        << kEnvKeys + "|" + kRegionEnv << Files{} << none << none << "https://user:pws3kr1t@"
        << ErrorCode::BadArgument << QStringList{"--endpoint-url"};
    QTest::newRow("invalid_expiration")
        << kEnvKeys + "|" + kRegionEnv + "|AWS_CREDENTIAL_EXPIRATION=tomorrow" << Files{} << none << none
        << none << ErrorCode::BadArgument << QStringList{"AWS_CREDENTIAL_EXPIRATION", "ISO 8601"};

    // Files that are not INI: the line is named, never echoed (it may hold a secret).
    QTest::newRow("ini_line_without_delimiter")
        << kRegionEnv << Files{{credsPath(), "[default]\naws_access_key_id = AKIA\nwJalrs3kr1tpastedalone\n"}}
        << none << none << none << ErrorCode::BadArgument << QStringList{creds, "line 3"};
    QTest::newRow("ini_key_before_section")
        << kRegionEnv << Files{{configPath(), "aws_secret_access_key = tops3kr1t\n[default]\n"}} << none
        << none << none << ErrorCode::BadArgument << QStringList{config, "line 1"};
}

void TestAwsEnvironment::fails() {
    QFETCH(ErrorCode, code);
    QFETCH(QStringList, messageContains);

    QTemporaryDir home;
    QVERIFY(home.isValid());
    const Result<AwsResolved> result = run(home);
    QVERIFY2(!result.has_value(), "the chain should have failed");
    const Error &error = result.error();
    QCOMPARE(int(error.code), int(code));
    for (QString expected : std::as_const(messageContains)) {
        expected.replace(QLatin1String("$HOME"), home.path());
        QVERIFY2(error.message.contains(expected),
                 qPrintable(QStringLiteral("\"%1\" not in: %2").arg(expected, error.message)));
    }
    QVERIFY2(!error.message.contains(kSecretMarker, Qt::CaseInsensitive), qPrintable(error.message));
    QVERIFY2(!error.detail.contains(kSecretMarker, Qt::CaseInsensitive), qPrintable(error.detail));
}

void TestAwsEnvironment::resolvedEndpoint_data() {
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("override");
    QTest::addColumn<QString>("expected");

    QTest::newRow("regional_default")
        << "us-east-1" << QString() << "https://monitoring.us-east-1.amazonaws.com/";
    QTest::newRow("other_region") << "eu-central-1" << QString()
                                  << "https://monitoring.eu-central-1.amazonaws.com/";
    QTest::newRow("china_partition") << "cn-north-1" << QString()
                                     << "https://monitoring.cn-north-1.amazonaws.com.cn/";
    QTest::newRow("china_northwest") << "cn-northwest-1" << QString()
                                     << "https://monitoring.cn-northwest-1.amazonaws.com.cn/";
    QTest::newRow("override_wins") << "us-east-1"
                                   << "http://127.0.0.1:4566/"
                                   << "http://127.0.0.1:4566/";
    QTest::newRow("no_region_no_url") << QString() << QString() << QString();
}

void TestAwsEnvironment::resolvedEndpoint() {
    QFETCH(QString, region);
    QFETCH(QString, override);
    QFETCH(QString, expected);

    AwsEndpointConfig config;
    config.region = region;
    config.endpoint = override.isEmpty() ? QUrl() : QUrl(override);
    QCOMPARE(config.resolvedEndpoint(), expected.isEmpty() ? QUrl() : QUrl(expected));
}

QTEST_GUILESS_MAIN(TestAwsEnvironment)
#include "tst_aws_environment.moc"
