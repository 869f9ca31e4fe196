#include "core/auth/credential_import.h"

#include "core/providers/aws/aws_environment.h"
#include "core/providers/aws/aws_ini_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace mlwatch {

namespace {

// lupdate files tr() calls outside a class under the enclosing named namespace, so this
// helper looks them up in that same context.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch", text);
}

// Key files and ADC files are a few KiB; anything much larger is not one, and is not read whole.
constexpr qint64 kMaxGoogleFileBytes = 1024 * 1024;
constexpr qsizetype kMaxIdLength = 64;

QString envValue(const QProcessEnvironment &env, const char *name) {
    return env.value(QLatin1String(name)).trimmed();
}

QString expandHome(const QString &path, const QString &home) {
    if (path == QLatin1String("~"))
        return home;
    if (path.startsWith(QLatin1String("~/")))
        return home + path.mid(1);
    return path;
}

// A path for people: under `home` it is written "~/…" (shorter, and the same on every machine).
QString displayPath(const QString &path, const QString &home) {
    const QString clean = QDir::cleanPath(path);
    const QString cleanHome = QDir::cleanPath(home);
    if (!home.isEmpty() && clean.startsWith(cleanHome + QLatin1Char('/')))
        return QDir::toNativeSeparators(QStringLiteral("~") + clean.mid(cleanHome.size()));
    return QDir::toNativeSeparators(clean);
}

// Proposed account ids: isValidAccountId() (1–64 of [A-Za-z0-9._-], starting with a letter or
// digit) and unique within one scan ("prod", "prod-2" …). Other characters become '-'.
class IdPool {
public:
    QString take(const QString &wanted, const QString &fallback) {
        QString id;
        for (const QChar c : wanted) {
            const bool allowed = (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('.') ||
                                 c == QLatin1Char('_') || c == QLatin1Char('-');
            id += allowed ? c : QLatin1Char('-');
        }
        while (!id.isEmpty() && !(id.front().isLetterOrNumber() && id.front().unicode() < 128))
            id.remove(0, 1);
        id.truncate(kMaxIdLength);
        if (id.isEmpty())
            id = fallback;
        QString unique = id;
        for (int n = 2; m_taken.contains(unique.toLower()); ++n) {
            const QString suffix = QLatin1Char('-') + QString::number(n);
            unique = id.left(kMaxIdLength - suffix.size()) + suffix;
        }
        m_taken.insert(unique.toLower());
        return unique;
    }

private:
    QSet<QString> m_taken; // lower-case: ids that differ only in case would confuse people
};

// An endpoint from a variable, kept only when it is an http(s) URL without user info: the account
// list is written to disk, and "https://user:password@host" would put a password there.
QString storableEndpoint(const QString &value, const QString &variable, QStringList &problems) {
    if (value.isEmpty())
        return QString();
    const QUrl url(value, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (url.isValid() && !url.host().isEmpty() && url.userInfo().isEmpty() &&
        (scheme == QLatin1String("https") || scheme == QLatin1String("http")))
        return value;
    // The value stays out of the message: it may carry a password.
    problems.append(tr("%1 is not an http:// or https:// URL without a user name; the account is imported "
                       "without it.")
                        .arg(variable));
    return QString();
}

// ---- AWS ----

QString awsUnsupportedReason(const QString &key, const QString &file) {
    if (key.startsWith(QLatin1String("sso_")))
        return tr("The profile uses AWS IAM Identity Center (SSO) (\"%1\" in %2), which MLWatch does not "
                  "support yet.")
            .arg(key, file);
    if (key == QLatin1String("credential_process"))
        return tr("The profile gets its keys from an external program (\"%1\" in %2), which MLWatch does not "
                  "run.")
            .arg(key, file);
    if (key == QLatin1String("web_identity_token_file"))
        return tr("The profile uses web identity federation (\"%1\" in %2), which MLWatch does not support "
                  "yet.")
            .arg(key, file);
    if (key == QLatin1String("source_profile"))
        return tr("The profile takes its keys from another profile (\"%1\" in %2), which MLWatch does not "
                  "support yet.")
            .arg(key, file);
    return tr("The profile assumes an IAM role (\"%1\" in %2), which MLWatch does not support yet.")
        .arg(key, file);
}

// The static keys of one file's section into `candidate`. False when the section has neither key.
bool takeStaticKeys(ImportCandidate &candidate, const std::optional<aws::AwsIniSection> &section,
                    const QString &file) {
    if (!section)
        return false;
    const QString accessKey = section->value(QStringLiteral("aws_access_key_id"));
    const QString secretKey = section->value(QStringLiteral("aws_secret_access_key"));
    if (accessKey.isEmpty() && secretKey.isEmpty())
        return false;
    if (accessKey.isEmpty() || secretKey.isEmpty()) {
        candidate.reason = tr("The profile has only half a key pair in %1: \"%2\" is missing.")
                               .arg(file, accessKey.isEmpty() ? QStringLiteral("aws_access_key_id")
                                                              : QStringLiteral("aws_secret_access_key"));
        return true;
    }
    AccountSecret secret;
    secret.accessKeyId = accessKey;
    secret.secretAccessKey = secretKey;
    secret.sessionToken = section->value(QStringLiteral("aws_session_token"));
    if (secret.sessionToken.isEmpty())
        secret.sessionToken = section->value(QStringLiteral("aws_security_token"));
    // Tools that write temporary keys into a profile (aws-vault, saml2aws …) record when they lapse.
    for (const QString &key : {QStringLiteral("expiration"), QStringLiteral("aws_expiration")}) {
        const QString value = section->value(key);
        if (value.isEmpty())
            continue;
        candidate.account.expiresAt = aws::parseAwsTime(value);
        if (!candidate.account.expiresAt.isValid()) {
            candidate.reason =
                tr("\"%1\" in %2 is not an ISO 8601 time such as 2024-05-01T12:00:00Z.").arg(key, file);
            return true;
        }
        break;
    }
    candidate.account.accessKeyHint = accessKeyHintFor(accessKey);
    candidate.secret = secret;
    candidate.importable = true;
    return true;
}

// A region for the account; an invalid one is a problem (not echoed) and left out.
void takeRegion(Account &account, const QString &region, const QString &where, QStringList &problems) {
    if (region.isEmpty())
        return;
    if (aws::isValidAwsRegion(region)) {
        account.regions = {region};
        return;
    }
    problems.append(
        tr("The region of %1 is not an AWS region name such as us-east-1; the account is imported "
           "without a region.")
            .arg(where));
}

ImportCandidate awsEnvironmentCandidate(const QProcessEnvironment &env, IdPool &ids, QStringList &problems) {
    ImportCandidate candidate;
    candidate.origin = tr("AWS_* variables");
    candidate.account.id = ids.take(QStringLiteral("aws-env"), QStringLiteral("aws-env"));
    candidate.account.kind = AccountKind::Aws;
    candidate.account.source = candidate.origin;
    QString region = envValue(env, "AWS_REGION");
    if (region.isEmpty())
        region = envValue(env, "AWS_DEFAULT_REGION");
    takeRegion(candidate.account, region, tr("the AWS_* variables"), problems);
    const bool cloudWatchEndpoint = !envValue(env, "AWS_ENDPOINT_URL_CLOUDWATCH").isEmpty();
    candidate.account.endpointUrl = storableEndpoint(
        cloudWatchEndpoint ? envValue(env, "AWS_ENDPOINT_URL_CLOUDWATCH") : envValue(env, "AWS_ENDPOINT_URL"),
        cloudWatchEndpoint ? QStringLiteral("AWS_ENDPOINT_URL_CLOUDWATCH")
                           : QStringLiteral("AWS_ENDPOINT_URL"),
        problems);

    const Result<aws::AwsCredentials> credentials = aws::environmentCredentials(env);
    if (!credentials) {
        candidate.reason = credentials.error().message; // names the variable, never a value
        return candidate;
    }
    candidate.secret.accessKeyId = credentials->accessKeyId;
    candidate.secret.secretAccessKey = credentials->secretAccessKey;
    candidate.secret.sessionToken = credentials->sessionToken;
    candidate.account.accessKeyHint = accessKeyHintFor(credentials->accessKeyId);
    candidate.account.expiresAt = credentials->expiresAt;
    candidate.importable = true;
    return candidate;
}

// One profile, in botocore's order: role / web identity / SSO keys first (they win over static
// keys), then the credentials file's static keys, credential_process, the config file's static
// keys. source_profile without role_arn is a role chain half written down.
ImportCandidate awsProfileCandidate(const QString &profile, const aws::AwsIniFile &credentials,
                                    const aws::AwsIniFile &config, const QString &home, IdPool &ids,
                                    QStringList &problems) {
    const aws::AwsProfileView view = aws::awsProfileView(profile, credentials, config);
    const QString credentialsPath = displayPath(credentials.path(), home);
    const QString configPath = displayPath(config.path(), home);
    const auto fileOf = [&](const QString &key) {
        return view.fromCredentialsFile(key) ? credentialsPath : configPath;
    };

    ImportCandidate candidate;
    QString files;
    if (view.credentialsSection && view.configSection)
        files = tr("%1 and %2").arg(credentialsPath, configPath);
    else
        files = view.credentialsSection ? credentialsPath : configPath;
    candidate.origin = tr("%1, profile \u201c%2\u201d").arg(files, profile);
    candidate.account.id = ids.take(profile, QStringLiteral("aws-profile"));
    candidate.account.kind = AccountKind::Aws;
    candidate.account.source = candidate.origin;
    takeRegion(candidate.account, view.merged.value(QStringLiteral("region")),
               tr("profile \u201c%1\u201d").arg(profile), problems);

    if (const QString key = view.keyBeforeStaticKeys(); !key.isEmpty()) {
        candidate.reason = awsUnsupportedReason(key, fileOf(key));
        return candidate;
    }
    if (takeStaticKeys(candidate, view.credentialsSection, credentialsPath))
        return candidate;
    const QString process = QStringLiteral("credential_process");
    if (view.merged.contains(process)) {
        candidate.reason = awsUnsupportedReason(process, fileOf(process));
        return candidate;
    }
    if (takeStaticKeys(candidate, view.configSection, configPath))
        return candidate;
    const QString sourceProfile = QStringLiteral("source_profile");
    if (view.merged.contains(sourceProfile)) {
        candidate.reason = awsUnsupportedReason(sourceProfile, fileOf(sourceProfile));
        return candidate;
    }
    candidate.reason = tr("The profile has no aws_access_key_id and aws_secret_access_key in %1.").arg(files);
    return candidate;
}

// ---- Google ----

// A string member: empty and no problem when absent and optional; a problem (naming the file and
// the field, never the value) when required and absent, or present with another type.
std::optional<QString> stringField(const QJsonObject &object, const QString &field, bool required,
                                   const QString &file, QStringList &problems) {
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())) {
        if (!required)
            return QString();
        problems.append(tr("%1: the field \"%2\" is missing or empty.").arg(file, field));
        return std::nullopt;
    }
    if (!value.isString()) {
        problems.append(tr("%1: the field \"%2\" is not a string.").arg(file, field));
        return std::nullopt;
    }
    return value.toString();
}

} // namespace

ImportScan scanAwsCredentials(const QProcessEnvironment &env, const QString &home) {
    ImportScan scan;
    IdPool ids;
    if (!envValue(env, "AWS_ACCESS_KEY_ID").isEmpty() || !envValue(env, "AWS_SECRET_ACCESS_KEY").isEmpty())
        scan.candidates.append(awsEnvironmentCandidate(env, ids, scan.problems));

    // Lenient: a bad line is one problem, and every other section still counts.
    const auto readFile = [&](const QString &path) -> aws::AwsIniFile {
        Result<aws::AwsIniFile> file = aws::AwsIniFile::read(path, aws::AwsIniFile::Mode::Lenient);
        if (!file) {
            scan.problems.append(file.error().message); // unreadable: named, and the other file still counts
            return aws::AwsIniFile();
        }
        scan.problems.append(file->problems());
        return *std::move(file);
    };
    const aws::AwsIniFile credentials = readFile(aws::awsCredentialsFilePath(env, home));
    const aws::AwsIniFile config = readFile(aws::awsConfigFilePath(env, home));
    const QStringList profiles = aws::awsProfileNames(credentials, config);
    for (const QString &profile : profiles)
        scan.candidates.append(awsProfileCandidate(profile, credentials, config, home, ids, scan.problems));
    return scan;
}

ImportScan scanAzureEnvironment(const QProcessEnvironment &env) {
    ImportScan scan;
    const QString tenant = envValue(env, "AZURE_TENANT_ID");
    const QString client = envValue(env, "AZURE_CLIENT_ID");
    const QString secret = envValue(env, "AZURE_CLIENT_SECRET");
    if (tenant.isEmpty() && client.isEmpty() && secret.isEmpty())
        return scan;

    ImportCandidate candidate;
    candidate.origin = tr("AZURE_* variables");
    candidate.account.id = QStringLiteral("azure-env");
    candidate.account.kind = AccountKind::Azure;
    candidate.account.source = candidate.origin;
    candidate.account.tenantId = tenant;
    candidate.account.clientId = client;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    candidate.account.subscriptionIds =
        envValue(env, "AZURE_SUBSCRIPTION_ID").split(separators, Qt::SkipEmptyParts);
    candidate.account.authorityHost = storableEndpoint(envValue(env, "AZURE_AUTHORITY_HOST"),
                                                       QStringLiteral("AZURE_AUTHORITY_HOST"), scan.problems);

    QStringList missing;
    if (tenant.isEmpty())
        missing.append(QStringLiteral("AZURE_TENANT_ID"));
    if (client.isEmpty())
        missing.append(QStringLiteral("AZURE_CLIENT_ID"));
    if (secret.isEmpty())
        missing.append(QStringLiteral("AZURE_CLIENT_SECRET"));
    if (missing.isEmpty()) {
        candidate.secret.clientSecret = secret;
        candidate.importable = true;
    } else if (missing == QStringList{QStringLiteral("AZURE_CLIENT_SECRET")} &&
               !envValue(env, "AZURE_CLIENT_CERTIFICATE_PATH").isEmpty()) {
        candidate.reason = tr("The service principal signs in with a client certificate "
                              "(AZURE_CLIENT_CERTIFICATE_PATH), which MLWatch does not support yet; it needs "
                              "AZURE_CLIENT_SECRET.");
    } else {
        candidate.reason =
            tr("Not all Azure variables are set: %1 missing.").arg(missing.join(QStringLiteral(", ")));
    }
    scan.candidates.append(candidate);
    return scan;
}

ImportScan scanGoogleCredentials(const QProcessEnvironment &env, const QString &home,
                                 const QString &keyFile) {
    ImportScan scan;
    // The first place that names a file is the one used, as google-auth does: a
    // GOOGLE_APPLICATION_CREDENTIALS that points nowhere is an error, not a reason to look further.
    QString path;
    QString origin;
    bool named = true;
    if (!keyFile.trimmed().isEmpty()) {
        path = expandHome(keyFile.trimmed(), home);
        origin = tr("key file %1").arg(displayPath(path, home));
    } else if (const QString variable = envValue(env, "GOOGLE_APPLICATION_CREDENTIALS");
               !variable.isEmpty()) {
        path = expandHome(variable, home);
        origin = tr("GOOGLE_APPLICATION_CREDENTIALS (%1)").arg(displayPath(path, home));
    } else {
        QString directory = envValue(env, "CLOUDSDK_CONFIG");
        if (directory.isEmpty()) {
#ifdef Q_OS_WIN
            directory = envValue(env, "APPDATA") + QStringLiteral("/gcloud");
#else
            directory = home + QStringLiteral("/.config/gcloud");
#endif
        }
        path = expandHome(directory, home) + QStringLiteral("/application_default_credentials.json");
        origin = tr("gcloud application-default credentials (%1)").arg(displayPath(path, home));
        named = false;
    }
    const QString file = QDir::toNativeSeparators(path);

    const QFileInfo info(path);
    if (!info.isFile()) {
        if (named)
            scan.problems.append(tr("%1 was not found.").arg(origin));
        return scan; // no ADC file: nothing on this machine, not a problem
    }
    if (info.size() > kMaxGoogleFileBytes) {
        scan.problems.append(tr("%1 is larger than %2 KiB, which no credentials file is; it was not read.")
                                 .arg(file)
                                 .arg(kMaxGoogleFileBytes / 1024));
        return scan;
    }
    QFile reader(path);
    if (!reader.open(QIODevice::ReadOnly)) {
        scan.problems.append(tr("Could not read %1: %2.").arg(file, reader.errorString()));
        return scan;
    }
    const QByteArray bytes = reader.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt's error strings are fixed phrases ("unterminated string"); the content is not quoted.
        scan.problems.append(tr("%1 is not valid JSON: %2 at offset %3.")
                                 .arg(file, parseError.errorString())
                                 .arg(parseError.offset));
        return scan;
    }
    if (!document.isObject()) {
        scan.problems.append(tr("%1 is not a JSON object.").arg(file));
        return scan;
    }
    const QJsonObject json = document.object();
    const std::optional<QString> type = stringField(json, QStringLiteral("type"), true, file, scan.problems);
    if (!type)
        return scan;

    ImportCandidate candidate;
    candidate.origin = origin;
    candidate.account.kind = AccountKind::Gcp;
    candidate.account.source = origin;
    const bool serviceAccount = *type == QLatin1String("service_account");
    const bool authorizedUser = *type == QLatin1String("authorized_user");

    // Every field is checked before giving up, so one scan names every problem of the file.
    bool complete = true;
    const auto field = [&](const char *name, bool required) {
        const std::optional<QString> value =
            stringField(json, QLatin1String(name), required, file, scan.problems);
        complete = complete && value.has_value();
        return value.value_or(QString());
    };
    const QString projectId = field("project_id", false);
    const QString quotaProjectId = field("quota_project_id", false);
    const QString tokenUri = field("token_uri", serviceAccount);
    QString clientEmail;
    if (serviceAccount) {
        clientEmail = field("client_email", true);
        const QString privateKey = field("private_key", true);
        if (!privateKey.isEmpty() && !(privateKey.contains(QLatin1String("-----BEGIN")) &&
                                       privateKey.contains(QLatin1String("PRIVATE KEY-----")))) {
            scan.problems.append(tr("%1: the field \"private_key\" does not hold a PEM private key "
                                    "(-----BEGIN PRIVATE KEY-----).")
                                     .arg(file));
            complete = false;
        }
    } else if (authorizedUser) {
        field("client_id", true);
        field("client_secret", true);
        field("refresh_token", true);
    }
    if (!complete)
        return scan;

    for (const QString &project : {projectId, quotaProjectId}) {
        if (!project.isEmpty() && !candidate.account.projectIds.contains(project))
            candidate.account.projectIds.append(project);
    }
    IdPool ids;
    candidate.account.id = candidate.account.projectIds.isEmpty()
                               ? QStringLiteral("gcp-adc")
                               : ids.take(QStringLiteral("gcp-") + candidate.account.projectIds.constFirst(),
                                          QStringLiteral("gcp-adc"));
    candidate.account.quotaProjectId = authorizedUser ? quotaProjectId : QString();
    candidate.account.tokenUri = tokenUri;
    candidate.account.clientEmail = clientEmail;
    if (serviceAccount || authorizedUser) {
        candidate.account.gcpCredentialType = *type;
        candidate.secret.googleCredentialsJson =
            bytes; // verbatim: the token source reads it as Google wrote it
        candidate.importable = true;
    } else {
        static const QStringList kKnownTypes = {
            QStringLiteral("external_account"), QStringLiteral("external_account_authorized_user"),
            QStringLiteral("impersonated_service_account"), QStringLiteral("gdch_service_account")};
        // A known type is named; anything else is not echoed (the field could hold anything).
        candidate.reason =
            kKnownTypes.contains(*type)
                ? tr("%1 holds credentials of type \"%2\", which MLWatch does not support yet; use a "
                     "service-account key or run \"gcloud auth application-default login\".")
                      .arg(file, *type)
                : tr("%1 has an unknown \"type\"; MLWatch reads \"service_account\" and "
                     "\"authorized_user\" files.")
                      .arg(file);
    }
    scan.candidates.append(candidate);
    return scan;
}

} // namespace mlwatch
