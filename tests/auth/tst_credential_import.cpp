// The importers of credentials already on the machine (AWS files and variables, Azure variables,
// Google key / ADC files), over the fixture files in tests/fixtures/credentials. Every row gets a
// fresh temp HOME; "$HOME" and "$FIX" in env values and expectations stand for it and for the
// fixtures folder. Each row also checks the invariants that hold for every scan: no secret marker
// in what may be shown or written, valid unique ids, a secret only on importable candidates.
#include "core/auth/credential_import.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;

namespace {

using Files = QMap<QString, QString>; // path under HOME → fixture path under credentials/

// Every secret in the fixtures and rows contains this marker.
const QString kSecretMarker = QStringLiteral("MLWATCH-TEST-SECRET");

QString fixturesDir() {
    return QStringLiteral(MLWATCH_FIXTURES_DIR "/credentials");
}

QString expand(QString text, const QString &home) {
    return text.replace(QLatin1String("$HOME"), home).replace(QLatin1String("$FIX"), fixturesDir());
}

QProcessEnvironment makeEnv(const QString &spec, const QString &home) {
    QProcessEnvironment env; // empty: the runner's own AWS_* / AZURE_* / GOOGLE_* must not leak in
    const QStringList entries = spec.split(QLatin1Char('|'), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        env.insert(entry.left(eq), expand(entry.mid(eq + 1), home));
    }
    return env;
}

void installFiles(const Files &files, const QString &home) {
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString target = home + QLatin1Char('/') + it.key();
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(fixturesDir() + QLatin1Char('/') + it.value(), target))
            qFatal("cannot install fixture file");
    }
}

// One line per candidate with everything a row pins about it (secrets included: they are the
// fixtures' fake values, and the summary is never shown anywhere).
QString summarize(const ImportCandidate &c) {
    QStringList parts{c.account.id, c.importable ? QStringLiteral("ok") : QStringLiteral("no")};
    const Account &a = c.account;
    const AccountSecret &s = c.secret;
    const auto add = [&](const char *name, const QString &value) {
        if (!value.isEmpty())
            parts.append(QLatin1String(name) + QLatin1Char('=') + value);
    };
    switch (a.kind) {
    case AccountKind::Aws:
        add("region", a.regions.join(QLatin1Char(',')));
        add("key", s.accessKeyId);
        add("secret", s.secretAccessKey);
        add("token", s.sessionToken);
        add("expires", a.expiresAt.isValid() ? a.expiresAt.toString(Qt::ISODateWithMs) : QString());
        add("endpoint", a.endpointUrl);
        break;
    case AccountKind::Azure:
        add("tenant", a.tenantId);
        add("client", a.clientId);
        add("subs", a.subscriptionIds.join(QLatin1Char(',')));
        add("authority", a.authorityHost);
        add("secret", s.clientSecret);
        break;
    case AccountKind::Gcp:
        add("type", a.gcpCredentialType);
        add("email", a.clientEmail);
        add("tokenUri", a.tokenUri);
        add("projects", a.projectIds.join(QLatin1Char(',')));
        add("quota", a.quotaProjectId);
        break;
    }
    return parts.join(QLatin1Char(' '));
}

// `spec` is one or more substrings joined by "&&"; an empty spec expects an empty text.
bool matches(const QString &text, const QString &spec, const QString &home) {
    if (spec.isEmpty())
        return text.isEmpty();
    const QStringList pieces = spec.split(QStringLiteral("&&"));
    return std::all_of(pieces.cbegin(), pieces.cend(),
                       [&](const QString &piece) { return text.contains(expand(piece, home)); });
}

} // namespace

class TestCredentialImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aws_data();
    void aws();
    void azure_data();
    void azure();
    void google_data();
    void google();

private:
    void addColumns();
    void verify(const ImportScan &scan, const QString &home);
};

void TestCredentialImport::addColumns() {
    QTest::addColumn<QString>("env"); // "NAME=value|NAME=value"
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("candidates"); // summarize() of each, in order
    QTest::addColumn<QStringList>("reasons");    // per candidate: "" (importable) or substrings
    QTest::addColumn<QStringList>("origins");    // per candidate: substrings ("" or no entry: not checked)
    QTest::addColumn<QStringList>("problems");   // exactly these, in order, each as substrings
}

void TestCredentialImport::verify(const ImportScan &scan, const QString &home) {
    QFETCH(QStringList, candidates);
    QFETCH(QStringList, reasons);
    QFETCH(QStringList, origins);
    QFETCH(QStringList, problems);

    QStringList actual;
    for (const ImportCandidate &c : scan.candidates)
        actual.append(summarize(c));
    for (QString &expected : candidates)
        expected = expand(expected, home);
    QCOMPARE(actual, candidates);

    QCOMPARE(scan.problems.size(), problems.size());
    for (qsizetype i = 0; i < problems.size(); ++i)
        QVERIFY2(matches(scan.problems[i], problems[i], home), qPrintable(scan.problems[i]));

    QSet<QString> ids;
    for (qsizetype i = 0; i < scan.candidates.size(); ++i) {
        const ImportCandidate &c = scan.candidates[i];
        QVERIFY2(matches(c.reason, reasons.value(i), home), qPrintable(c.reason));
        if (!origins.value(i).isEmpty())
            QVERIFY2(matches(c.origin, origins.value(i), home), qPrintable(c.origin));
        QVERIFY(!c.origin.isEmpty());
        QVERIFY2(isValidAccountId(c.account.id), qPrintable(c.account.id));
        QVERIFY2(!ids.contains(c.account.id.toLower()), qPrintable(c.account.id));
        ids.insert(c.account.id.toLower());
        // A secret only when importable, and then a complete one.
        QCOMPARE(c.importable, c.secret.isCompleteFor(c.account.kind));
        if (!c.importable)
            QVERIFY(c.secret == AccountSecret());
        if (c.importable && c.account.kind == AccountKind::Aws)
            QCOMPARE(c.account.accessKeyHint, accessKeyHintFor(c.secret.accessKeyId));
        // Nothing a person sees or a file stores holds a secret.
        const QString json = QString::fromUtf8(QJsonDocument(c.account.toJson()).toJson());
        for (const QString &shown : {c.origin, c.reason, c.account.source, json})
            QVERIFY2(!shown.contains(kSecretMarker), qPrintable(shown));
    }
    for (const QString &problem : scan.problems)
        QVERIFY2(!problem.contains(kSecretMarker), qPrintable(problem));
}

void TestCredentialImport::aws_data() {
    addColumns();
    const QString creds = QStringLiteral("AWS_SHARED_CREDENTIALS_FILE=$FIX/aws/");
    const QString config = QStringLiteral("|AWS_CONFIG_FILE=$FIX/aws/");
    const QStringList none;

    QTest::newRow("nothing_on_the_machine_is_an_empty_scan")
        << QString() << Files{} << none << none << none << none;
    QTest::newRow("static_keys_in_default_paths_use_tilde_origin")
        << QString() << Files{{".aws/credentials", "aws/static_keys.credentials"}}
        << QStringList{"default ok key=AKIAMLWATCHTEST00001 secret=MLWATCH-TEST-SECRET-DEFAULT",
                       "prod ok key=AKIAMLWATCHTEST00002 secret=MLWATCH-TEST-SECRET-PROD"}
        << QStringList{"", ""}
        << QStringList{"~/.aws/credentials&&default", "~/.aws/credentials&&\u201cprod\u201d"} << none;
    QTest::newRow("session_token_with_expiration_utc")
        << creds + "session_token.credentials" << Files{}
        << QStringList{"temp ok key=ASIAMLWATCHTEST00003 secret=MLWATCH-TEST-SECRET-TEMP "
                       "token=MLWATCH-TEST-SECRET-SESSION-TOKEN expires=2030-01-02T03:04:05.000Z",
                       "temp-legacy ok key=ASIAMLWATCHTEST00004 secret=MLWATCH-TEST-SECRET-LEGACY "
                       "token=MLWATCH-TEST-SECRET-LEGACY-TOKEN expires=2030-01-02T03:04:05.000Z"}
        << QStringList{"", ""} << none << none;
    QTest::newRow("profiles_in_config_only")
        << creds + "absent" + config + "config_only.config" << Files{}
        << QStringList{"default ok region=us-east-2 key=AKIAMLWATCHTEST00007 "
                       "secret=MLWATCH-TEST-SECRET-CONFIG-DEFAULT",
                       "cfg ok region=ap-south-1 key=AKIAMLWATCHTEST00008 "
                       "secret=MLWATCH-TEST-SECRET-CONFIG-CFG"}
        << QStringList{"", ""}
        << QStringList{"$FIX/aws/config_only.config", "$FIX/aws/config_only.config&&cfg"} << none;
    QTest::newRow("profiles_in_credentials_only_have_no_region")
        << creds + "static_keys.credentials" + config + "absent" << Files{}
        << QStringList{"default ok key=AKIAMLWATCHTEST00001 secret=MLWATCH-TEST-SECRET-DEFAULT",
                       "prod ok key=AKIAMLWATCHTEST00002 secret=MLWATCH-TEST-SECRET-PROD"}
        << QStringList{"", ""} << none << none;
    QTest::newRow("both_files_merged_credentials_keys_win")
        << creds + "merged.credentials" + config + "merged.config" << Files{}
        << QStringList{"shared ok region=eu-central-1 key=AKIAMLWATCHTEST00009 "
                       "secret=MLWATCH-TEST-SECRET-SHARED",
                       "credonly ok key=AKIAMLWATCHTEST00010 secret=MLWATCH-TEST-SECRET-CREDONLY",
                       "cfgonly ok region=ap-northeast-1 key=AKIAMLWATCHTEST00011 "
                       "secret=MLWATCH-TEST-SECRET-CFGONLY"}
        << QStringList{"", "", ""}
        << QStringList{"merged.credentials and $FIX/aws/merged.config", "merged.credentials", "merged.config"}
        << none;
    QTest::newRow("unsupported_profiles_listed_with_the_key")
        << creds + "absent" + config + "unsupported.config" << Files{}
        << QStringList{"sso no region=eu-west-1",
                       "process no",
                       "role no",
                       "webid no",
                       "chained no",
                       "regiononly no region=eu-west-1",
                       "base ok key=AKIAMLWATCHTEST00020 secret=MLWATCH-TEST-SECRET-BASE"}
        << QStringList{"SSO&&sso_account_id&&$FIX/aws/unsupported.config",
                       "credential_process",
                       "role_arn",
                       "web_identity_token_file",
                       "source_profile",
                       "no aws_access_key_id",
                       ""}
        << none << none;
    QTest::newRow("half_key_pair_and_bad_expiry_not_importable")
        << creds + "incomplete.credentials" + config + "incomplete.config" << Files{}
        << QStringList{"half no", "bad-expiry no"}
        << QStringList{"aws_secret_access_key&&$FIX/aws/incomplete.credentials", "\"expiration\"&&ISO 8601"}
        << none << QStringList{"region of profile \u201chalf\u201d"};
    QTest::newRow("malformed_line_is_one_problem_and_the_rest_imports")
        << creds + "malformed.credentials" << Files{}
        << QStringList{"before ok key=AKIAMLWATCHTEST00021 secret=MLWATCH-TEST-SECRET-BEFORE",
                       "after ok key=AKIAMLWATCHTEST00022 secret=MLWATCH-TEST-SECRET-AFTER"}
        << QStringList{"", ""} << none << QStringList{"$FIX/aws/malformed.credentials, line 5"};
    QTest::newRow("malformed_header_drops_only_its_own_keys")
        << creds + "malformed_header.credentials" << Files{}
        << QStringList{"good ok key=AKIAMLWATCHTEST00023 secret=MLWATCH-TEST-SECRET-GOOD",
                       "fine ok key=AKIAMLWATCHTEST00025 secret=MLWATCH-TEST-SECRET-FINE"}
        << QStringList{"", ""} << none << QStringList{"$FIX/aws/malformed_header.credentials, line 6"};
    QTest::newRow("key_before_any_section_is_a_problem_in_config")
        << creds + "absent" + config + "key_before_section.config" << Files{}
        << QStringList{"after-orphan ok region=eu-west-3 key=AKIAMLWATCHTEST00026 "
                       "secret=MLWATCH-TEST-SECRET-AFTER-ORPHAN"}
        << QStringList{""} << none << QStringList{"$FIX/aws/key_before_section.config, line 1"};
    QTest::newRow("environment_candidate_first")
        << "AWS_ACCESS_KEY_ID=AKIAMLWATCHTEST00040|AWS_SECRET_ACCESS_KEY=MLWATCH-TEST-SECRET-ENV|"
           "AWS_SESSION_TOKEN=MLWATCH-TEST-SECRET-ENV-TOKEN|AWS_CREDENTIAL_EXPIRATION=2030-01-02T03:04:05Z|"
           "AWS_REGION=eu-north-1|AWS_DEFAULT_REGION=us-west-2|AWS_ENDPOINT_URL=http://127.0.0.1:4566|" +
               creds + "static_keys.credentials"
        << Files{}
        << QStringList{"aws-env ok region=eu-north-1 key=AKIAMLWATCHTEST00040 secret=MLWATCH-TEST-SECRET-ENV "
                       "token=MLWATCH-TEST-SECRET-ENV-TOKEN expires=2030-01-02T03:04:05.000Z "
                       "endpoint=http://127.0.0.1:4566",
                       "default ok key=AKIAMLWATCHTEST00001 secret=MLWATCH-TEST-SECRET-DEFAULT",
                       "prod ok key=AKIAMLWATCHTEST00002 secret=MLWATCH-TEST-SECRET-PROD"}
        << QStringList{"", "", ""} << QStringList{"AWS_* variables", "", ""} << none;
    QTest::newRow("environment_default_region_and_cloudwatch_endpoint")
        << "AWS_ACCESS_KEY_ID=AKIAMLWATCHTEST00041|AWS_SECRET_ACCESS_KEY=MLWATCH-TEST-SECRET-ENV2|"
           "AWS_DEFAULT_REGION=us-west-2|AWS_ENDPOINT_URL=https://generic.example|"
           "AWS_ENDPOINT_URL_CLOUDWATCH=https://monitoring.example"
        << Files{}
        << QStringList{"aws-env ok region=us-west-2 key=AKIAMLWATCHTEST00041 secret=MLWATCH-TEST-SECRET-ENV2 "
                       "endpoint=https://monitoring.example"}
        << QStringList{""} << none << none;
    QTest::newRow("environment_half_pair_names_the_missing_variable")
        << "AWS_SECRET_ACCESS_KEY=MLWATCH-TEST-SECRET-ENV-HALF" << Files{} << QStringList{"aws-env no"}
        << QStringList{"AWS_ACCESS_KEY_ID"} << none << none;
    QTest::newRow("environment_bad_expiration_not_importable")
        << "AWS_ACCESS_KEY_ID=AKIAMLWATCHTEST00044|AWS_SECRET_ACCESS_KEY=MLWATCH-TEST-SECRET-ENV5|"
           "AWS_SESSION_TOKEN=MLWATCH-TEST-SECRET-ENV5-TOKEN|AWS_CREDENTIAL_EXPIRATION=soon"
        << Files{} << QStringList{"aws-env no"} << QStringList{"AWS_CREDENTIAL_EXPIRATION&&ISO 8601"} << none
        << none;
    QTest::newRow("environment_endpoint_with_password_is_dropped")
        << "AWS_ACCESS_KEY_ID=AKIAMLWATCHTEST00042|AWS_SECRET_ACCESS_KEY=MLWATCH-TEST-SECRET-ENV3|"
           "AWS_ENDPOINT_URL=https://user:MLWATCH-TEST-SECRET-URL-PASSWORD@proxy.example/"
        << Files{} << QStringList{"aws-env ok key=AKIAMLWATCHTEST00042 secret=MLWATCH-TEST-SECRET-ENV3"}
        << QStringList{""} << none << QStringList{"AWS_ENDPOINT_URL"};
    QTest::newRow("ids_sanitised_and_unique")
        << "AWS_ACCESS_KEY_ID=AKIAMLWATCHTEST00043|AWS_SECRET_ACCESS_KEY=MLWATCH-TEST-SECRET-ENV4|" + creds +
               "ids.credentials"
        << Files{}
        << QStringList{"aws-env ok key=AKIAMLWATCHTEST00043 secret=MLWATCH-TEST-SECRET-ENV4",
                       "aws-env-2 ok key=AKIAMLWATCHTEST00027 secret=MLWATCH-TEST-SECRET-IDS-1",
                       "team-prod ok key=AKIAMLWATCHTEST00028 secret=MLWATCH-TEST-SECRET-IDS-2",
                       "TEAM-PROD-2 ok key=AKIAMLWATCHTEST00029 secret=MLWATCH-TEST-SECRET-IDS-3",
                       "aws-profile ok key=AKIAMLWATCHTEST00030 secret=MLWATCH-TEST-SECRET-IDS-4"}
        << QStringList{"", "", "", "", ""}
        << QStringList{"", "\u201caws-env\u201d", "\u201cteam prod\u201d", "", ""} << none;
}

void TestCredentialImport::aws() {
    QFETCH(QString, env);
    QFETCH(Files, files);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    installFiles(files, home.path());
    const ImportScan scan = scanAwsCredentials(makeEnv(env, home.path()), home.path());
    verify(scan, home.path());
}

void TestCredentialImport::azure_data() {
    addColumns();
    const QStringList none;
    const QString full = QStringLiteral("AZURE_TENANT_ID=00000000-tenant|AZURE_CLIENT_ID=11111111-client|"
                                        "AZURE_CLIENT_SECRET=MLWATCH-TEST-SECRET-AZURE");

    QTest::newRow("complete_environment_is_importable")
        << full + "|AZURE_SUBSCRIPTION_ID=sub-1, sub-2|AZURE_AUTHORITY_HOST=https://login.microsoftonline.us/"
        << Files{}
        << QStringList{"azure-env ok tenant=00000000-tenant client=11111111-client subs=sub-1,sub-2 "
                       "authority=https://login.microsoftonline.us/ secret=MLWATCH-TEST-SECRET-AZURE"}
        << QStringList{""} << QStringList{"AZURE_* variables"} << none;
    QTest::newRow("partial_environment_names_missing_variables")
        << "AZURE_CLIENT_ID=11111111-client" << Files{} << QStringList{"azure-env no client=11111111-client"}
        << QStringList{"AZURE_TENANT_ID&&AZURE_CLIENT_SECRET"} << none << none;
    QTest::newRow("secret_without_ids_names_both_ids")
        << "AZURE_CLIENT_SECRET=MLWATCH-TEST-SECRET-AZURE-ALONE" << Files{} << QStringList{"azure-env no"}
        << QStringList{"AZURE_TENANT_ID&&AZURE_CLIENT_ID"} << none << none;
    QTest::newRow("client_certificate_is_named_as_unsupported")
        << "AZURE_TENANT_ID=00000000-tenant|AZURE_CLIENT_ID=11111111-client|"
           "AZURE_CLIENT_CERTIFICATE_PATH=/etc/ssl/private/sp.pem"
        << Files{} << QStringList{"azure-env no tenant=00000000-tenant client=11111111-client"}
        << QStringList{"AZURE_CLIENT_CERTIFICATE_PATH"} << none << none;
    QTest::newRow("no_azure_variables_is_an_empty_scan")
        << "AZURE_SUBSCRIPTION_ID=sub-1" << Files{} << none << none << none << none;
    QTest::newRow("authority_with_password_is_dropped")
        << full + "|AZURE_AUTHORITY_HOST=https://me:MLWATCH-TEST-SECRET-AUTH-PASS@login.example/" << Files{}
        << QStringList{"azure-env ok tenant=00000000-tenant client=11111111-client "
                       "secret=MLWATCH-TEST-SECRET-AZURE"}
        << QStringList{""} << none << QStringList{"AZURE_AUTHORITY_HOST"};
}

void TestCredentialImport::azure() {
    QFETCH(QString, env);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    verify(scanAzureEnvironment(makeEnv(env, home.path())), home.path());
}

void TestCredentialImport::google_data() {
    addColumns();
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<QString>("verbatim"); // fixture whose bytes the importable candidate's secret is
    const QStringList none;
    const QString adc = QStringLiteral(".config/gcloud/application_default_credentials.json");
    const QString sa =
        QStringLiteral("gcp-mlwatch-test-project ok type=service_account "
                       "email=reader@mlwatch-test-project.iam.gserviceaccount.com "
                       "tokenUri=https://oauth2.googleapis.com/token projects=mlwatch-test-project");
    const QString user = QStringLiteral("gcp-mlwatch-quota ok type=authorized_user projects=mlwatch-quota "
                                        "quota=mlwatch-quota");

    QTest::newRow("key_file_service_account")
        << QString() << Files{} << QStringList{sa} << QStringList{""}
        << QStringList{"key file $FIX/gcp/service_account.json"} << none << "$FIX/gcp/service_account.json"
        << "gcp/service_account.json";
    QTest::newRow("adc_authorized_user_in_default_place")
        << QString() << Files{{adc, "gcp/authorized_user.json"}} << QStringList{user} << QStringList{""}
        << QStringList{"~/.config/gcloud/application_default_credentials.json"} << none << QString()
        << "gcp/authorized_user.json";
    QTest::newRow("authorized_user_without_quota_project_is_gcp_adc")
        << QString() << Files{{adc, "gcp/authorized_user_no_quota.json"}}
        << QStringList{"gcp-adc ok type=authorized_user"} << QStringList{""} << none << none << QString()
        << "gcp/authorized_user_no_quota.json";
    QTest::newRow("google_application_credentials_wins_over_adc")
        << "GOOGLE_APPLICATION_CREDENTIALS=$FIX/gcp/service_account.json"
        << Files{{adc, "gcp/authorized_user.json"}} << QStringList{sa} << QStringList{""}
        << QStringList{"GOOGLE_APPLICATION_CREDENTIALS&&service_account.json"} << none << QString()
        << "gcp/service_account.json";
    QTest::newRow("key_file_wins_over_google_application_credentials")
        << "GOOGLE_APPLICATION_CREDENTIALS=$FIX/gcp/service_account.json" << Files{} << QStringList{user}
        << QStringList{""} << QStringList{"key file"} << none << "$FIX/gcp/authorized_user.json"
        << "gcp/authorized_user.json";
    QTest::newRow("google_application_credentials_missing_file_no_fallback")
        << "GOOGLE_APPLICATION_CREDENTIALS=$HOME/nowhere.json" << Files{{adc, "gcp/authorized_user.json"}}
        << none << none << none << QStringList{"GOOGLE_APPLICATION_CREDENTIALS&&~/nowhere.json&&not found"}
        << QString() << QString();
    QTest::newRow("cloudsdk_config_moves_the_adc_file")
        << "CLOUDSDK_CONFIG=$HOME/custom-gcloud"
        << Files{{"custom-gcloud/application_default_credentials.json", "gcp/authorized_user.json"},
                 {adc, "gcp/authorized_user_no_quota.json"}}
        << QStringList{user} << QStringList{""}
        << QStringList{"~/custom-gcloud/application_default_credentials.json"} << none << QString()
        << "gcp/authorized_user.json";
    QTest::newRow("no_adc_file_is_an_empty_scan")
        << QString() << Files{} << none << none << none << none << QString() << QString();
    QTest::newRow("external_account_not_importable")
        << QString() << Files{} << QStringList{"gcp-adc no"} << QStringList{"external_account"} << none
        << none << "$FIX/gcp/external_account.json" << QString();
    QTest::newRow("unknown_type_not_echoed")
        << QString() << Files{} << QStringList{"gcp-adc no"} << QStringList{"unknown \"type\""} << none
        << none << "$FIX/gcp/unknown_type.json" << QString();
    QTest::newRow("malformed_json_names_file_and_offset")
        << QString() << Files{} << none << none << none
        << QStringList{"$FIX/gcp/malformed.json&&not valid JSON&&offset 149"} << "$FIX/gcp/malformed.json"
        << QString();
    QTest::newRow("missing_field_named")
        << QString() << Files{} << none << none << none
        << QStringList{"$FIX/gcp/missing_field.json&&\"client_email\"&&missing"}
        << "$FIX/gcp/missing_field.json" << QString();
    QTest::newRow("mistyped_field_named")
        << QString() << Files{} << none << none << none
        << QStringList{"$FIX/gcp/mistyped_field.json&&\"refresh_token\"&&not a string"}
        << "$FIX/gcp/mistyped_field.json" << QString();
    QTest::newRow("private_key_not_pem")
        << QString() << Files{} << none << none << none
        << QStringList{"$FIX/gcp/not_pem.json&&\"private_key\"&&PEM"} << "$FIX/gcp/not_pem.json" << QString();
}

void TestCredentialImport::google() {
    QFETCH(QString, env);
    QFETCH(Files, files);
    QFETCH(QString, keyFile);
    QFETCH(QString, verbatim);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    installFiles(files, home.path());
    const ImportScan scan =
        scanGoogleCredentials(makeEnv(env, home.path()), home.path(), expand(keyFile, home.path()));
    verify(scan, home.path());
    for (const ImportCandidate &c : scan.candidates) {
        if (!c.importable)
            continue;
        QFile file(fixturesDir() + QLatin1Char('/') + verbatim);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(c.secret.googleCredentialsJson, file.readAll()); // the file exactly as Google wrote it
    }
}

QTEST_GUILESS_MAIN(TestCredentialImport)
#include "tst_credential_import.moc"
