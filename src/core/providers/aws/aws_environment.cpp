#include "core/providers/aws/aws_environment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
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

using IniSection = QHash<QString, QString>; // lowercase key → trimmed value

// A small reader for the AWS INI dialect, following Python's configparser as botocore uses it:
// "[section]" headers, "key = value" or "key: value" (first delimiter wins), keys lowercased,
// whole-line comments starting with '#' or ';', indented lines continuing the previous value
// (botocore's nested "s3 =" blocks). No inline comments, no interpolation. QSettings is not
// used because its INI format rewrites keys and treats '\' and ';' specially.
struct IniFile {
    QString path;
    bool exists = false;
    QHash<QString, IniSection> sections;
};

Result<IniFile> readIniFile(const QString &path) {
    IniFile ini;
    ini.path = path;
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return ini;
    ini.exists = true;
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io,
                     tr("Could not read %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()),
                     QString()};

    const QList<QByteArray> lines = file.readAll().split('\n');
    IniSection *section = nullptr;
    QString *lastValue = nullptr;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString raw = QString::fromUtf8(lines[i]);
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (lastValue && raw.front().isSpace()) {
            *lastValue += QLatin1Char('\n') + line;
            continue;
        }
        lastValue = nullptr;
        // Parse errors name the file and line but never echo the line: it may hold a secret.
        const auto parseError = [&] {
            return Error{ErrorCode::BadArgument,
                         tr("%1, line %2: expected a \"[section]\" header or a \"key = value\" line.")
                             .arg(QDir::toNativeSeparators(path))
                             .arg(i + 1),
                         QString()};
        };
        if (line.startsWith(QLatin1Char('['))) {
            const qsizetype close = line.lastIndexOf(QLatin1Char(']'));
            if (close < 1)
                return parseError();
            section = &ini.sections[line.mid(1, close - 1).trimmed()];
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const qsizetype delimiter = (eq < 0) ? colon : (colon < 0 ? eq : qMin(eq, colon));
        if (!section || delimiter <= 0)
            return parseError();
        const QString key = line.left(delimiter).trimmed().toLower();
        lastValue = &(*section)[key];
        *lastValue = line.mid(delimiter + 1).trimmed();
    }
    return ini;
}

// botocore's build_profile_map: in the config file a profile is "[profile NAME]" (the name may be
// quoted), and "default" may also be written bare; other sections (sso-session, services) are not
// profiles.
std::optional<QString> configProfileName(const QString &section) {
    if (section == QLatin1String("default"))
        return section;
    if (!section.startsWith(QLatin1String("profile")) || section.size() < 8 || !section.at(7).isSpace())
        return std::nullopt;
    QString name = section.mid(8).trimmed();
    if (name.size() >= 2 && (name.front() == QLatin1Char('"') || name.front() == QLatin1Char('\'')) &&
        name.back() == name.front())
        return name.mid(1, name.size() - 2);
    if (name.isEmpty() || name.contains(QRegularExpression(QStringLiteral("\\s"))))
        return std::nullopt;
    return name;
}

// One profile as both files describe it. `merged` is botocore's Session.full_config view: the
// config file's values, overridden by the credentials file's.
struct ProfileView {
    std::optional<IniSection> credentialsSection;
    std::optional<IniSection> configSection;
    IniSection merged;

    bool exists() const { return credentialsSection || configSection; }
};

ProfileView profileView(const QString &name, const IniFile &credentials, const IniFile &config) {
    ProfileView view;
    for (auto it = config.sections.cbegin(); it != config.sections.cend(); ++it) {
        if (configProfileName(it.key()) != name)
            continue;
        // "[default]" and "[profile default]" both mean the default profile; the prefixed one wins.
        IniSection values = view.configSection.value_or(IniSection());
        const bool prefixed = it.key() != QLatin1String("default");
        for (auto kv = it->cbegin(); kv != it->cend(); ++kv) {
            if (prefixed || !values.contains(kv.key()))
                values.insert(kv.key(), kv.value());
        }
        view.configSection = values;
    }
    if (const auto it = credentials.sections.constFind(name); it != credentials.sections.cend())
        view.credentialsSection = *it;
    if (view.configSection)
        view.merged = *view.configSection;
    if (view.credentialsSection) {
        for (auto kv = view.credentialsSection->cbegin(); kv != view.credentialsSection->cend(); ++kv)
            view.merged.insert(kv.key(), kv.value());
    }
    return view;
}

QString expandHome(const QString &path, const QString &home) {
    if (path == QLatin1String("~"))
        return home;
    if (path.startsWith(QLatin1String("~/")))
        return home + path.mid(1);
    return path;
}

QString nativePath(const IniFile &ini) {
    return QDir::toNativeSeparators(ini.path);
}

// Where a file appears in a message: its path, and whether it exists (the usual surprise).
QString describeFile(const IniFile &ini) {
    return ini.exists ? nativePath(ini) : tr("%1 (not found)").arg(nativePath(ini));
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

// Keys that need a protocol MLWatch does not speak (STS AssumeRole, web identity, SSO, an external
// process), in botocore's provider order. Role and SSO providers run before static keys are read.
std::optional<Error> unsupportedBeforeStaticKeys(const QString &profile, const ProfileView &view,
                                                 const IniFile &credentials, const IniFile &config) {
    const auto fileOf = [&](const QString &key) {
        return nativePath(view.credentialsSection && view.credentialsSection->contains(key) ? credentials
                                                                                            : config);
    };
    for (const QString &key : {QStringLiteral("role_arn"), QStringLiteral("web_identity_token_file")}) {
        if (view.merged.contains(key))
            return unsupportedProfile(profile, key, fileOf(key));
    }
    QStringList keys = view.merged.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        if (key.startsWith(QLatin1String("sso_")))
            return unsupportedProfile(profile, key, fileOf(key));
    }
    return std::nullopt;
}

// Static keys of one file's section: nullopt when the section has neither key, an error when it
// has only one of them.
std::optional<Result<AwsCredentials>>
staticKeys(const QString &profile, const std::optional<IniSection> &section, const IniFile &file) {
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
        QDateTime expiresAt = QDateTime::fromString(expiration, Qt::ISODateWithMs);
        if (!expiresAt.isValid())
            return Error{
                ErrorCode::BadArgument,
                tr("AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time such as 2024-05-01T12:00:00Z."),
                QString()};
        // AWS always writes UTC; a time without a zone is read as UTC too, never as local time.
        if (expiresAt.timeSpec() == Qt::LocalTime)
            expiresAt.setTimeZone(QTimeZone::utc());
        credentials.expiresAt = expiresAt.toUTC();
    }
    return credentials;
}

bool isValidRegion(const QString &region) {
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"));
    return pattern.match(region).hasMatch();
}

} // namespace

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

    QString credentialsPath = envValue(env, "AWS_SHARED_CREDENTIALS_FILE");
    if (credentialsPath.isEmpty())
        credentialsPath = QStringLiteral("~/.aws/credentials");
    QString configPath = envValue(env, "AWS_CONFIG_FILE");
    if (configPath.isEmpty())
        configPath = QStringLiteral("~/.aws/config");
    const Result<IniFile> credentialsFile = readIniFile(expandHome(credentialsPath, home));
    if (!credentialsFile)
        return credentialsFile.error();
    const Result<IniFile> configFile = readIniFile(expandHome(configPath, home));
    if (!configFile)
        return configFile.error();

    const ProfileView view = profileView(profile, *credentialsFile, *configFile);
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
        const IniFile *sourceFile = &*credentialsFile;
        if (!fromFile) {
            if (view.merged.contains(QStringLiteral("credential_process"))) {
                const bool inCredentials =
                    view.credentialsSection &&
                    view.credentialsSection->contains(QStringLiteral("credential_process"));
                return unsupportedProfile(profile, QStringLiteral("credential_process"),
                                          nativePath(inCredentials ? *credentialsFile : *configFile));
            }
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
        if (!isValidRegion(candidate.value))
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
