#include "core/alerts/user_rules_file.h"

#include "core/workspace/json_object_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace mlwatch {

namespace {

constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;
const QLatin1StringView kDefaultPrefix{"default:"};

// Where element `index` of the array under the top-level member `member` starts (a byte offset),
// or -1. Only called on text that already parsed as a JSON object, so the scan can be simple: it
// tracks nesting, skips strings, and takes a string followed by ':' at depth 1 for a member name.
qsizetype arrayElementOffset(const QByteArray &json, QByteArrayView member, qsizetype index) {
    int depth = 0;
    bool inArray = false;       // inside the member's array (depth 2)
    bool expectElement = false; // the next value at depth 2 starts an element
    qsizetype element = -1;
    QByteArrayView lastString;
    char previous = 0; // the last character outside strings and whitespace
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (inArray && expectElement && depth == 2 && c != ']') {
            if (++element == index)
                return i;
            expectElement = false;
        }
        if (c == '"') {
            const qsizetype start = i + 1;
            for (++i; i < json.size() && json.at(i) != '"'; ++i)
                if (json.at(i) == '\\')
                    ++i;
            if (depth == 1)
                lastString = QByteArrayView(json).sliced(start, i - start);
            previous = '"';
            continue;
        }
        switch (c) {
        case '[':
            if (depth == 1 && previous == ':' && lastString == member) {
                inArray = true;
                expectElement = true;
            }
            ++depth;
            break;
        case '{':
            ++depth;
            break;
        case ']':
        case '}':
            --depth;
            if (inArray && depth == 1)
                return -1;
            break;
        case ',':
            if (inArray && depth == 2)
                expectElement = true;
            break;
        default:
            break;
        }
        previous = c;
    }
    return -1;
}

// "<what>: <problem>", or "<what>: line L, column C: <problem>" when the place is known.
Error contentError(const QString &what, const QString &problem, const QByteArray &json = {},
                   qsizetype offset = -1) {
    if (offset < 0)
        return Error{ErrorCode::BadArgument, what + QStringLiteral(": ") + problem, QString()};
    const TextPosition pos = textPositionOf(json, offset);
    return Error{
        ErrorCode::BadArgument,
        UserRulesFile::tr("%1: line %2, column %3: %4").arg(what).arg(pos.line).arg(pos.column).arg(problem),
        QString()};
}

} // namespace

// --- UserRules ----------------------------------------------------------------------------------

bool UserRules::isDefaultRuleId(const QString &ruleId) {
    return ruleId.startsWith(kDefaultPrefix);
}

void UserRules::recordSaved(const AlertRule &rule) {
    deletedDefaults.removeAll(rule.id);
    for (AlertRule &r : rules) {
        if (r.id == rule.id) {
            r = rule;
            return;
        }
    }
    rules.append(rule);
}

void UserRules::recordDeleted(const QString &ruleId) {
    rules.removeIf([&ruleId](const AlertRule &r) { return r.id == ruleId; });
    if (isDefaultRuleId(ruleId) && !deletedDefaults.contains(ruleId))
        deletedDefaults.append(ruleId);
}

QList<AlertRule> UserRules::appliedTo(const QList<AlertRule> &base) const {
    QHash<QString, qsizetype> userIndex;
    for (qsizetype i = 0; i < rules.size(); ++i)
        userIndex.insert(rules.at(i).id, i);
    const QSet<QString> deleted(deletedDefaults.cbegin(), deletedDefaults.cend());

    QList<AlertRule> out;
    out.reserve(base.size() + rules.size());
    QSet<QString> placed;
    for (const AlertRule &rule : base) {
        if (deleted.contains(rule.id) || placed.contains(rule.id))
            continue;
        const auto user = userIndex.constFind(rule.id);
        out.append(user == userIndex.constEnd() ? rule : rules.at(*user));
        placed.insert(rule.id);
    }
    for (const AlertRule &rule : rules)
        if (!placed.contains(rule.id)) {
            out.append(rule);
            placed.insert(rule.id);
        }
    return out;
}

// --- UserRulesFile ------------------------------------------------------------------------------

QString UserRulesFile::pathIn(const QString &directory) {
    return directory + QLatin1Char('/') + QLatin1StringView(kFileName);
}

Result<UserRules> UserRulesFile::parse(const QByteArray &json, const QString &what) {
    Result<QJsonObject> parsed = readJsonObject(json, what); // names line and column
    if (!parsed)
        return parsed.error();
    const QJsonObject &root = *parsed;

    const QJsonValue format = root.value(QStringLiteral("format"));
    if (format.toString() != QLatin1StringView(kFormat))
        return contentError(
            what,
            tr("format: must be \"%1\": this is not an MLWatch rules file.").arg(QLatin1StringView(kFormat)));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1)
        return contentError(what, tr("version: must be a whole number from 1."));
    if (version.toInt() > kVersion)
        return contentError(what, tr("version: %1 is newer than this MLWatch reads (up to %2): update "
                                     "MLWatch to use these rules.")
                                      .arg(version.toInt())
                                      .arg(kVersion));

    UserRules out;
    const QJsonValue rules = root.value(QStringLiteral("rules"));
    if (!rules.isUndefined() && !rules.isArray())
        return contentError(what, tr("rules: must be a JSON array."));
    const QJsonArray ruleArray = rules.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < ruleArray.size(); ++i) {
        const QString path = QStringLiteral("rules[%1]").arg(i);
        const auto where = [&] { return arrayElementOffset(json, "rules", i); };
        if (!ruleArray.at(i).isObject())
            return contentError(what, path + QStringLiteral(": ") + tr("must be a JSON object."), json,
                                where());
        Result<AlertRule> rule = AlertRule::fromJson(ruleArray.at(i).toObject(), path + QLatin1Char('.'));
        if (!rule)
            return contentError(what, rule.error().message, json, where());
        if (ids.contains(rule->id))
            return contentError(
                what, path + QStringLiteral(".id: ") + tr("\"%1\" is used by another rule.").arg(rule->id),
                json, where());
        ids.insert(rule->id);
        out.rules.append(*rule);
    }

    const QJsonValue deleted = root.value(QStringLiteral("deletedDefaults"));
    if (!deleted.isUndefined() && !deleted.isArray())
        return contentError(what, tr("deletedDefaults: must be a JSON array."));
    const QJsonArray deletedArray = deleted.toArray();
    for (qsizetype i = 0; i < deletedArray.size(); ++i) {
        const QString path = QStringLiteral("deletedDefaults[%1]: ").arg(i);
        const QJsonValue v = deletedArray.at(i);
        if (!v.isString() || !UserRules::isDefaultRuleId(v.toString()))
            return contentError(what, path + tr("must be the id of a default rule (\"default:…\")."), json,
                                arrayElementOffset(json, "deletedDefaults", i));
        if (!out.deletedDefaults.contains(v.toString()))
            out.deletedDefaults.append(v.toString());
    }
    return out;
}

QByteArray UserRulesFile::serialize(const UserRules &rules) {
    QJsonObject root;
    root.insert(QStringLiteral("format"), QLatin1StringView(kFormat));
    root.insert(QStringLiteral("version"), kVersion);
    QJsonArray ruleArray;
    for (const AlertRule &r : rules.rules)
        ruleArray.append(r.toJson());
    root.insert(QStringLiteral("rules"), ruleArray);
    root.insert(QStringLiteral("deletedDefaults"), QJsonArray::fromStringList(rules.deletedDefaults));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<UserRules> UserRulesFile::load(const QString &path) {
    QFile file(path);
    if (!file.exists())
        return UserRules{};
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read the alert rules %1.").arg(path), file.errorString()};
    if (file.size() > kMaxFileBytes)
        return Error{ErrorCode::BadArgument,
                     tr("%1 is too large (more than %2 bytes).").arg(path).arg(kMaxFileBytes), QString()};
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{ErrorCode::Io, tr("Cannot read the alert rules %1.").arg(path), file.errorString()};
    return parse(bytes, path);
}

Result<void> UserRulesFile::save(const QString &path, const UserRules &rules) {
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::Io, tr("Cannot write the alert rules %1.").arg(path),
                     QStringLiteral("cannot create %1").arg(folder)};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, tr("Cannot write the alert rules %1.").arg(path), file.errorString()};
    file.write(serialize(rules));
    if (!file.commit())
        return Error{ErrorCode::Io, tr("Cannot write the alert rules %1.").arg(path), file.errorString()};
    return {};
}

} // namespace mlwatch
