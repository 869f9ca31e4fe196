#pragma once

#include "core/common/result.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace mlwatch::aws {

using AwsIniSection = QHash<QString, QString>; // lowercase key → trimmed value

// One file of the AWS INI dialect (~/.aws/credentials, ~/.aws/config), read the way Python's
// configparser reads it for botocore: "[section]" headers, "key = value" or "key: value" (first
// delimiter wins), keys lowercased, whole-line comments starting with '#' or ';', indented lines
// continuing the previous value (botocore's nested "s3 =" blocks). No inline comments, no
// interpolation. QSettings is not used because its INI format rewrites keys and treats '\' and
// ';' specially. A section that appears twice is merged (later keys win).
//
// Messages about a malformed line name the file and the line number but never echo the line: it
// may hold a secret.
class AwsIniFile {
public:
    enum class Mode {
        Strict,  // the first malformed line is the error (the credential chain: refuse to guess)
        Lenient, // each malformed line is recorded in problems() and reading goes on (the importer:
                 // the sections before and after a bad line still count)
    };

    // A missing file is not an error: exists() is false and there are no sections. An unreadable
    // one is ErrorCode::Io; in Strict mode a malformed line is ErrorCode::BadArgument.
    static Result<AwsIniFile> read(const QString &path, Mode mode = Mode::Strict);

    QString path() const { return m_path; }
    bool exists() const { return m_exists; }
    // Section names in the order they first appear in the file.
    QStringList sectionNames() const { return m_order; }
    const QHash<QString, AwsIniSection> &sections() const { return m_sections; }
    std::optional<AwsIniSection> section(const QString &name) const;
    // Lenient mode only: one translated message per malformed line ("FILE, line 7: expected …").
    QStringList problems() const { return m_problems; }

private:
    QString m_path;
    bool m_exists = false;
    QStringList m_order;
    QHash<QString, AwsIniSection> m_sections;
    QStringList m_problems;
};

// ---- Profiles over the two files, with botocore's semantics ----

// The files the AWS tools read: AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE, else
// ~/.aws/credentials and ~/.aws/config, with "~" expanded to `home`.
QString awsCredentialsFilePath(const QProcessEnvironment &env, const QString &home);
QString awsConfigFilePath(const QProcessEnvironment &env, const QString &home);

// botocore's build_profile_map: in the config file a profile is "[profile NAME]" (the name may be
// quoted), and "default" may also be written bare; other sections (sso-session, services) are not
// profiles and give nullopt.
std::optional<QString> awsConfigProfileName(const QString &section);

// Every profile the two files define, each once: the credentials file's sections in file order,
// then the config file's profiles that the credentials file does not have.
QStringList awsProfileNames(const AwsIniFile &credentials, const AwsIniFile &config);

// One profile as both files describe it. `merged` is botocore's Session.full_config view: the
// config file's values, overridden by the credentials file's.
struct AwsProfileView {
    std::optional<AwsIniSection> credentialsSection;
    std::optional<AwsIniSection> configSection;
    AwsIniSection merged;

    bool exists() const { return credentialsSection || configSection; }
    // True when `key` comes from the credentials file (it wins over the config file).
    bool fromCredentialsFile(const QString &key) const {
        return credentialsSection && credentialsSection->contains(key);
    }
    // The key that makes botocore use a protocol MLWatch does not speak *before* it would read
    // static keys (STS AssumeRole, web identity, SSO), in botocore's provider order: "role_arn",
    // "web_identity_token_file", then the alphabetically first "sso_*" key; empty when none.
    // (credential_process comes after the credentials file's static keys but before the config
    // file's; callers check it in that place.)
    QString keyBeforeStaticKeys() const;
};

AwsProfileView awsProfileView(const QString &name, const AwsIniFile &credentials, const AwsIniFile &config);

} // namespace mlwatch::aws
