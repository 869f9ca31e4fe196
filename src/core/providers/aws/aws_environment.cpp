#include "core/providers/aws/aws_environment.h"

#include "core/providers/aws/aws_ini_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QTimeZone>

#include <optional>

namespace mlwatch::aws {

namespace {

// lupdate files tr() calls outside a class under the enclosing named namespace, so this
// helper looks them up in that same context.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::aws", text);
}

QString nativePath(const AwsIniFile &ini) {
    return QDir::toNativeSeparators(ini.path());
}

// Where a file appears in a message: its path, and whether it exists (the usual surprise).
QString describeFile(const AwsIniFile &ini) {
    return ini.exists() ? nativePath(ini) : tr("%1 (not found)").arg(nativePath(ini));
}

Error unsupportedProfile(const QString &profile, const QString &key, const QString &file) {
    return {
        ErrorCode::NoCredentials,
        tr("The AWS profile \"%1\" uses \"%2\" (in %3), which MLWatch does not support yet. Use a profile "
           "with aws_access_key_id and aws_secret_access_key, or set AWS_ACCESS_KEY_ID and "
           "AWS_SECRET_ACCESS_KEY.")
            .arg(profile, key, file),
        QStringLiteral("unsupported-profile-key=%1").arg(key)};
}

// Keys that need a protocol MLWatch does not speak (STS AssumeRole, web identity, SSO), in
// botocore's provider order. Role and SSO providers run before static keys are read.
std::optional<Error> unsupportedBeforeStaticKeys(const QString &profile, const AwsProfileView &view,
                                                 const AwsIniFile &credentials, const AwsIniFile &config) {
    const QString key = view.keyBeforeStaticKeys();
    if (key.isEmpty())
        return std::nullopt;
    return unsupportedProfile(profile, key, nativePath(view.fromCredentialsFile(key) ? credentials : config));
}

// Static keys of one file's section: nullopt when the section has neither key, an error when it
// has only one of them.
std::optional<Result<AwsCredentials>>
staticKeys(const QString &profile, const std::optional<AwsIniSection> &section, const AwsIniFile &file) {
    if (!section)
        return std::nullopt;
    const QString accessKey = section->value(QStringLiteral("aws_access_key_id"));
    const QString secretKey = section->value(QStringLiteral("aws_secret_access_key"));
    if (accessKey.isEmpty() && secretKey.isEmpty())
        return std::nullopt;
    if (accessKey.isEmpty() || secretKey.isEmpty()) {
        const QString missing = accessKey.isEmpty() ? QStringLiteral("aws_access_key_id")
                                                    : QStringLiteral("aws_secret_access_key");
        return Result<AwsCredentials>(
            Error{ErrorCode::NoCredentials,
                  tr("The AWS profile \"%1\" in %2 has only half a key pair: \"%3\" is missing.")
                      .arg(profile, nativePath(file), missing),
                  QStringLiteral("partial-profile-credentials")});
    }
    AwsCredentials credentials;
    credentials.accessKeyId = accessKey;
    credentials.secretAccessKey = secretKey;
    credentials.sessionToken = section->value(QStringLiteral("aws_session_token"));
    if (credentials.sessionToken.isEmpty())
        credentials.sessionToken = section->value(QStringLiteral("aws_security_token"));
    return Result<AwsCredentials>(credentials);
}

// AWS_* variables: empty counts as unset; surrounding whitespace (a pasted newline) is dropped.
QString envValue(const QProcessEnvironment &env, const char *name) {
    return env.value(QLatin1String(name)).trimmed();
}

} // namespace

Result<AwsCredentials> environmentCredentials(const QProcessEnvironment &env) {
    AwsCredentials credentials;
    credentials.accessKeyId = envValue(env, "AWS_ACCESS_KEY_ID");
    credentials.secretAccessKey = envValue(env, "AWS_SECRET_ACCESS_KEY");
    if (credentials.accessKeyId.isEmpty() != credentials.secretAccessKey.isEmpty()) {
        const QString missing = credentials.accessKeyId.isEmpty() ? QStringLiteral("AWS_ACCESS_KEY_ID")
                                                                  : QStringLiteral("AWS_SECRET_ACCESS_KEY");
        return Error{
            ErrorCode::NoCredentials,
            tr("Only half of an AWS key pair is set in the environment: %1 is missing.").arg(missing),
            QStringLiteral("partial-environment-credentials")};
    }
    credentials.sessionToken = envValue(env, "AWS_SESSION_TOKEN");
    if (credentials.sessionToken.isEmpty())
        credentials.sessionToken = envValue(env, "AWS_SECURITY_TOKEN");
    const QString expiration = envValue(env, "AWS_CREDENTIAL_EXPIRATION");
    if (!expiration.isEmpty()) {
        credentials.expiresAt = parseAwsTime(expiration);
        if (!credentials.expiresAt.isValid())
            return Error{
                ErrorCode::BadArgument,
                tr("AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time such as 2024-05-01T12:00:00Z."),
                QString()};
    }
    return credentials;
}

QDateTime parseAwsTime(const QString &text) {
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        return QDateTime();
    // AWS always writes UTC; a time without a zone is read as UTC too, never as local time.
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc());
    return time.toUTC();
}

bool isValidAwsRegion(const QString &region) {
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"));
    return pattern.match(region).hasMatch();
}

Result<AwsResolved> resolveAwsChain(const AwsChainRequest &request, const QProcessEnvironment &env,
                                    const QString &home) {
    // Profile: --profile, AWS_PROFILE, AWS_DEFAULT_PROFILE, "default". A profile that was asked for
    // must exist (botocore raises ProfileNotFound); the implicit "default" may be absent.
    QString profile = request.profile.trimmed();
    if (profile.isEmpty())
        profile = envValue(env, "AWS_PROFILE");
    if (profile.isEmpty())
        profile = envValue(env, "AWS_DEFAULT_PROFILE");
    const bool profileRequested = !profile.isEmpty();
    if (!profileRequested)
        profile = QStringLiteral("default");

    const Result<AwsIniFile> credentialsFile = AwsIniFile::read(awsCredentialsFilePath(env, home));
    if (!credentialsFile)
        return credentialsFile.error();
    const Result<AwsIniFile> configFile = AwsIniFile::read(awsConfigFilePath(env, home));
    if (!configFile)
        return configFile.error();

    const AwsProfileView view = awsProfileView(profile, *credentialsFile, *configFile);
    if (profileRequested && !view.exists())
        return Error{ErrorCode::NoCredentials,
                     tr("The AWS profile \"%1\" was not found in %2 or %3.")
                         .arg(profile, describeFile(*credentialsFile), describeFile(*configFile)),
                     QStringLiteral("profile-not-found")};

    AwsResolved resolved;
    // Credentials, in botocore's order. An explicit --profile turns the environment keys off, as
    // in botocore and the AWS CLI (AWS_PROFILE does not).
    bool found = false;
    if (request.profile.trimmed().isEmpty()) {
        Result<AwsCredentials> fromEnv = environmentCredentials(env);
        if (!fromEnv)
            return fromEnv.error();
        if (fromEnv->isComplete()) {
            resolved.credentials = *fromEnv;
            resolved.source = QStringLiteral("environment");
            found = true;
        }
    }
    if (!found) {
        if (auto unsupported = unsupportedBeforeStaticKeys(profile, view, *credentialsFile, *configFile))
            return *unsupported;
        auto fromFile = staticKeys(profile, view.credentialsSection, *credentialsFile);
        const AwsIniFile *sourceFile = &*credentialsFile;
        if (!fromFile) {
            const QString process = QStringLiteral("credential_process");
            if (view.merged.contains(process))
                return unsupportedProfile(
                    profile, process,
                    nativePath(view.fromCredentialsFile(process) ? *credentialsFile : *configFile));
            fromFile = staticKeys(profile, view.configSection, *configFile);
            sourceFile = &*configFile;
        }
        if (!fromFile) {
            const QString files =
                tr("%1 and %2").arg(describeFile(*credentialsFile), describeFile(*configFile));
            const QString message = request.profile.trimmed().isEmpty()
                                        ? tr("No AWS credentials found. MLWatch looked for AWS_ACCESS_KEY_ID "
                                             "and AWS_SECRET_ACCESS_KEY "
                                             "in the environment, then for aws_access_key_id and "
                                             "aws_secret_access_key in profile "
                                             "\"%1\" of %2.")
                                              .arg(profile, files)
                                        : tr("No AWS credentials found. MLWatch looked for aws_access_key_id "
                                             "and aws_secret_access_key "
                                             "in profile \"%1\" of %2 (the environment's keys are not used "
                                             "when --profile is given).")
                                              .arg(profile, files);
            return Error{ErrorCode::NoCredentials, message, QStringLiteral("no-credentials")};
        }
        if (!*fromFile)
            return fromFile->error();
        resolved.credentials = **fromFile;
        resolved.source = QStringLiteral("profile %1 (%2)").arg(profile, nativePath(*sourceFile));
    }

    // Region: --region, AWS_REGION (most SDKs), AWS_DEFAULT_REGION (botocore), the profile's region.
    struct Candidate {
        QString value;
        QString origin;
    };
    const QList<Candidate> regions = {
        {request.region.trimmed(), QStringLiteral("--region")},
        {envValue(env, "AWS_REGION"), QStringLiteral("AWS_REGION")},
        {envValue(env, "AWS_DEFAULT_REGION"), QStringLiteral("AWS_DEFAULT_REGION")},
        {view.merged.value(QStringLiteral("region")), tr("profile \"%1\"").arg(profile)},
    };
    for (const Candidate &candidate : regions) {
        if (candidate.value.isEmpty())
            continue;
        if (!isValidAwsRegion(candidate.value))
            return Error{ErrorCode::BadArgument,
                         tr("\"%1\" (from %2) is not an AWS region name such as us-east-1.")
                             .arg(candidate.value, candidate.origin),
                         QString()};
        resolved.endpoint.region = candidate.value;
        break;
    }
    if (resolved.endpoint.region.isEmpty())
        return Error{
            ErrorCode::BadArgument,
            tr("No AWS region is set. Pass --region (for example --region us-east-1), set AWS_REGION or "
               "AWS_DEFAULT_REGION, or add \"region = us-east-1\" to profile \"%1\" in %2.")
                .arg(profile, nativePath(*configFile)),
            QStringLiteral("no-region")};

    // Endpoint: --endpoint-url, AWS_ENDPOINT_URL_CLOUDWATCH, AWS_ENDPOINT_URL; else the regional one.
    const QList<Candidate> endpoints = {
        {request.endpointUrl.trimmed(), QStringLiteral("--endpoint-url")},
        {envValue(env, "AWS_ENDPOINT_URL_CLOUDWATCH"), QStringLiteral("AWS_ENDPOINT_URL_CLOUDWATCH")},
        {envValue(env, "AWS_ENDPOINT_URL"), QStringLiteral("AWS_ENDPOINT_URL")},
    };
    for (const Candidate &candidate : endpoints) {
        if (candidate.value.isEmpty())
            continue;
        QUrl url(candidate.value, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        // The value itself stays out of the message: a URL may carry user:password.
        if (!url.isValid() || url.host().isEmpty() ||
            (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
            return Error{ErrorCode::BadArgument,
                         tr("The endpoint from %1 is not an http:// or https:// URL with a host name.")
                             .arg(candidate.origin),
                         QString()};
        if (url.path().isEmpty())
            url.setPath(QStringLiteral("/"));
        resolved.endpoint.endpoint = url;
        break;
    }
    return resolved;
}

} // namespace mlwatch::aws
