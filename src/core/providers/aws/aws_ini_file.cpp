#include "core/providers/aws/aws_ini_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace mlwatch::aws {

namespace {

// lupdate files tr() calls outside a class under the enclosing named namespace, so this
// helper looks them up in that same context.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::aws", text);
}

QString expandHome(const QString &path, const QString &home) {
    if (path == QLatin1String("~"))
        return home;
    if (path.startsWith(QLatin1String("~/")))
        return home + path.mid(1);
    return path;
}

QString envPath(const QProcessEnvironment &env, const char *name, const char *fallback, const QString &home) {
    QString path = env.value(QLatin1String(name)).trimmed();
    if (path.isEmpty())
        path = QLatin1String(fallback);
    return expandHome(path, home);
}

} // namespace

Result<AwsIniFile> AwsIniFile::read(const QString &path, Mode mode) {
    AwsIniFile ini;
    ini.m_path = path;
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return ini;
    ini.m_exists = true;
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io,
                     tr("Could not read %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()),
                     QString()};

    const QList<QByteArray> lines = file.readAll().split('\n');
    AwsIniSection *section = nullptr;
    QString *lastValue = nullptr;
    // Lenient mode, after a broken "[section" header: the keys below it belong to no section we
    // can name, so they are dropped (the header line was the one problem) until the next header.
    bool skippingBrokenSection = false;
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
        const QString parseMessage =
            tr("%1, line %2: expected a \"[section]\" header or a \"key = value\" line.")
                .arg(QDir::toNativeSeparators(path))
                .arg(i + 1);
        if (line.startsWith(QLatin1Char('['))) {
            const qsizetype close = line.lastIndexOf(QLatin1Char(']'));
            if (close < 1) {
                if (mode == Mode::Strict)
                    return Error{ErrorCode::BadArgument, parseMessage, QString()};
                ini.m_problems.append(parseMessage);
                section = nullptr;
                skippingBrokenSection = true;
                continue;
            }
            const QString name = line.mid(1, close - 1).trimmed();
            if (!ini.m_sections.contains(name))
                ini.m_order.append(name);
            section = &ini.m_sections[name];
            skippingBrokenSection = false;
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const qsizetype delimiter = (eq < 0) ? colon : (colon < 0 ? eq : qMin(eq, colon));
        if (!section || delimiter <= 0) {
            if (mode == Mode::Strict)
                return Error{ErrorCode::BadArgument, parseMessage, QString()};
            if (!(skippingBrokenSection && delimiter > 0))
                ini.m_problems.append(parseMessage);
            continue;
        }
        const QString key = line.left(delimiter).trimmed().toLower();
        lastValue = &(*section)[key];
        *lastValue = line.mid(delimiter + 1).trimmed();
    }
    return ini;
}

std::optional<AwsIniSection> AwsIniFile::section(const QString &name) const {
    if (const auto it = m_sections.constFind(name); it != m_sections.cend())
        return *it;
    return std::nullopt;
}

QString awsCredentialsFilePath(const QProcessEnvironment &env, const QString &home) {
    return envPath(env, "AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials", home);
}

QString awsConfigFilePath(const QProcessEnvironment &env, const QString &home) {
    return envPath(env, "AWS_CONFIG_FILE", "~/.aws/config", home);
}

std::optional<QString> awsConfigProfileName(const QString &section) {
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

QStringList awsProfileNames(const AwsIniFile &credentials, const AwsIniFile &config) {
    QStringList names = credentials.sectionNames();
    const QStringList configSections = config.sectionNames();
    for (const QString &section : configSections) {
        const std::optional<QString> name = awsConfigProfileName(section);
        if (name && !names.contains(*name))
            names.append(*name);
    }
    return names;
}

QString AwsProfileView::keyBeforeStaticKeys() const {
    for (const QString &key : {QStringLiteral("role_arn"), QStringLiteral("web_identity_token_file")}) {
        if (merged.contains(key))
            return key;
    }
    QStringList keys = merged.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        if (key.startsWith(QLatin1String("sso_")))
            return key;
    }
    return QString();
}

AwsProfileView awsProfileView(const QString &name, const AwsIniFile &credentials, const AwsIniFile &config) {
    AwsProfileView view;
    const QStringList configSections = config.sectionNames();
    for (const QString &sectionName : configSections) {
        if (awsConfigProfileName(sectionName) != name)
            continue;
        // "[default]" and "[profile default]" both mean the default profile; the prefixed one wins.
        const AwsIniSection section = config.sections().value(sectionName);
        AwsIniSection values = view.configSection.value_or(AwsIniSection());
        const bool prefixed = sectionName != QLatin1String("default");
        for (auto kv = section.cbegin(); kv != section.cend(); ++kv) {
            if (prefixed || !values.contains(kv.key()))
                values.insert(kv.key(), kv.value());
        }
        view.configSection = values;
    }
    view.credentialsSection = credentials.section(name);
    if (view.configSection)
        view.merged = *view.configSection;
    if (view.credentialsSection) {
        for (auto kv = view.credentialsSection->cbegin(); kv != view.credentialsSection->cend(); ++kv)
            view.merged.insert(kv.key(), kv.value());
    }
    return view;
}

} // namespace mlwatch::aws
