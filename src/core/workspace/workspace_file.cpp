#include "core/workspace/workspace_file.h"

#include "core/auth/account.h"
#include "core/workspace/chart_spec_json.h"
#include "core/workspace/json_object_reader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QUrl>

namespace mlwatch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::WorkspaceFile", text);
}

Error bad(const QString &field, const QString &message) {
    return Error{ErrorCode::BadArgument, field + QStringLiteral(": ") + message, QString()};
}

const QStringList kKnownMembers{QStringLiteral("format"), QStringLiteral("version"),
                                QStringLiteral("accounts"), QStringLiteral("charts"),
                                QStringLiteral("rules")};

// Member names that would hold a secret. A workspace is shared and committed to repositories:
// such a member is refused (never read, never echoed) rather than silently carried along.
bool looksLikeSecret(const QString &key) {
    return looksLikeSecretMember(key);
}

Result<QString> optionalString(const QJsonObject &o, const QString &key, const QString &path) {
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return bad(path + key, tr("must be a string."));
    return v.toString();
}

Result<WorkspaceAccount> readAccount(const QJsonValue &value, const QString &path) {
    if (!value.isObject())
        return bad(path, tr("must be a JSON object."));
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (looksLikeSecret(it.key()))
            return bad(path + QLatin1Char('.') + it.key(),
                       tr("secrets never go into a workspace file: name a profile, or leave it out to "
                          "use the environment's credentials."));
    const QString prefix = path + QLatin1Char('.');
    WorkspaceAccount a;
    const std::pair<const char *, QString *> fields[] = {{"id", &a.id},
                                                         {"kind", &a.kind},
                                                         {"region", &a.region},
                                                         {"profile", &a.profile},
                                                         {"endpointUrl", &a.endpointUrl},
                                                         {"protocol", &a.protocol}};
    for (const auto &[key, out] : fields) {
        Result<QString> v = optionalString(o, QLatin1String(key), prefix);
        if (!v)
            return v.error();
        *out = *v;
    }
    if (a.id.isEmpty())
        return bad(prefix + QStringLiteral("id"), tr("is required."));
    if (a.kind.isEmpty())
        return bad(prefix + QStringLiteral("kind"), tr("is required: \"aws\", \"azure\" or \"gcp\"."));
    if (!accountKindFromId(a.kind))
        return bad(prefix + QStringLiteral("kind"),
                   tr("\"%1\" is not an account kind this version supports: use \"aws\", \"azure\" or "
                      "\"gcp\".")
                       .arg(a.kind));
    if (a.region.isEmpty() && a.kind == QLatin1String("aws"))
        return bad(prefix + QStringLiteral("region"), tr("is required, e.g. \"us-east-1\"."));
    if (!a.protocol.isEmpty() && a.protocol != QLatin1String("json") && a.protocol != QLatin1String("query"))
        return bad(prefix + QStringLiteral("protocol"),
                   tr("must be \"json\" or \"query\", not \"%1\".").arg(a.protocol));
    if (!a.endpointUrl.isEmpty()) {
        const QUrl url(a.endpointUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return bad(prefix + QStringLiteral("endpointUrl"),
                       tr("\"%1\" is not an http(s) URL.").arg(a.endpointUrl));
    }
    return a;
}

QJsonObject writeAccount(const WorkspaceAccount &a) {
    QJsonObject o;
    o.insert(QStringLiteral("id"), a.id);
    o.insert(QStringLiteral("kind"), a.kind);
    if (!a.region.isEmpty())
        o.insert(QStringLiteral("region"), a.region);
    if (!a.profile.isEmpty())
        o.insert(QStringLiteral("profile"), a.profile);
    if (!a.endpointUrl.isEmpty())
        o.insert(QStringLiteral("endpointUrl"), a.endpointUrl);
    if (!a.protocol.isEmpty())
        o.insert(QStringLiteral("protocol"), a.protocol);
    return o;
}

Result<Workspace> parseObject(const QJsonObject &root) {
    const QJsonValue format = root.value(QStringLiteral("format"));
    if (format.isUndefined())
        return bad(QStringLiteral("format"), tr("is missing: this is not an MLWatch workspace file."));
    if (format.toString() != QLatin1String(WorkspaceFile::kFormat))
        return bad(QStringLiteral("format"),
                   tr("must be \"%1\".").arg(QLatin1String(WorkspaceFile::kFormat)));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1)
        return bad(QStringLiteral("version"), tr("must be a whole number from 1."));
    if (version.toInt() > WorkspaceFile::kVersion)
        return bad(QStringLiteral("version"),
                   tr("this workspace was written by a newer MLWatch (version %1); this one reads up "
                      "to %2: update MLWatch to open it.")
                       .arg(version.toInt())
                       .arg(WorkspaceFile::kVersion));

    Workspace ws;
    const QJsonValue accounts = root.value(QStringLiteral("accounts"));
    if (!accounts.isUndefined() && !accounts.isArray())
        return bad(QStringLiteral("accounts"), tr("must be a JSON array."));
    QSet<QString> accountIds;
    const QJsonArray accountArray = accounts.toArray();
    for (qsizetype i = 0; i < accountArray.size(); ++i) {
        const QString path = QStringLiteral("accounts[%1]").arg(i);
        Result<WorkspaceAccount> a = readAccount(accountArray.at(i), path);
        if (!a)
            return a.error();
        if (accountIds.contains(a->id))
            return bad(path + QStringLiteral(".id"), tr("\"%1\" is used by another account.").arg(a->id));
        accountIds.insert(a->id);
        ws.accounts.append(*a);
    }

    const QJsonValue rules = root.value(QStringLiteral("rules"));
    if (!rules.isUndefined() && !rules.isArray())
        return bad(QStringLiteral("rules"), tr("must be a JSON array."));
    QSet<QString> ruleIds;
    const QJsonArray ruleArray = rules.toArray();
    for (qsizetype i = 0; i < ruleArray.size(); ++i) {
        const QString path = QStringLiteral("rules[%1]").arg(i);
        if (!ruleArray.at(i).isObject())
            return bad(path, tr("must be a JSON object."));
        Result<AlertRule> rule = AlertRule::fromJson(ruleArray.at(i).toObject(), path + QLatin1Char('.'));
        if (!rule)
            return rule.error();
        if (!rule->account.isEmpty() && !accountIds.contains(rule->account))
            return bad(path + QStringLiteral(".account"),
                       tr("\"%1\" is not one of the accounts.").arg(rule->account));
        if (ruleIds.contains(rule->id))
            return bad(path + QStringLiteral(".id"), tr("\"%1\" is used by another rule.").arg(rule->id));
        ruleIds.insert(rule->id);
        ws.rules.append(*rule);
    }

    const QJsonValue charts = root.value(QStringLiteral("charts"));
    if (!charts.isUndefined() && !charts.isArray())
        return bad(QStringLiteral("charts"), tr("must be a JSON array."));
    if (charts.isArray()) {
        QList<ChartSpec> read;
        QSet<QString> chartIds;
        const QJsonArray chartArray = charts.toArray();
        for (qsizetype i = 0; i < chartArray.size(); ++i) {
            const QString path = QStringLiteral("charts[%1]").arg(i);
            Result<ChartSpec> chart = ChartSpecJson::fromJson(chartArray.at(i), path);
            if (!chart)
                return chart.error();
            if (chartIds.contains(chart->id))
                return bad(path + QStringLiteral(".id"),
                           tr("\"%1\" is used by another chart.").arg(chart->id));
            chartIds.insert(chart->id);
            read.append(*chart);
        }
        ws.charts = std::move(read);
    }

    for (auto it = root.begin(); it != root.end(); ++it) {
        if (kKnownMembers.contains(it.key()))
            continue;
        if (looksLikeSecret(it.key()))
            return bad(it.key(), tr("secrets never go into a workspace file."));
        ws.extra.insert(it.key(), it.value());
    }
    return ws;
}

Result<Workspace> parseNamed(const QByteArray &json, const QString &what) {
    Result<QJsonObject> root = readJsonObject(json, what);
    if (!root)
        return root.error();
    Result<Workspace> ws = parseObject(*root);
    if (!ws)
        return Error{ws.error().code, what + QStringLiteral(": ") + ws.error().message, ws.error().detail};
    return ws;
}

} // namespace

Result<Workspace> WorkspaceFile::parse(const QByteArray &json) {
    return parseNamed(json, tr("workspace"));
}

QByteArray WorkspaceFile::serialize(const Workspace &workspace) {
    QJsonObject root = workspace.extra;
    root.insert(QStringLiteral("format"), QLatin1String(kFormat));
    root.insert(QStringLiteral("version"), kVersion);
    QJsonArray accounts;
    for (const WorkspaceAccount &a : workspace.accounts)
        accounts.append(writeAccount(a));
    root.insert(QStringLiteral("accounts"), accounts);
    QJsonArray rules;
    for (const AlertRule &r : workspace.rules)
        rules.append(r.toJson());
    root.insert(QStringLiteral("rules"), rules);
    if (workspace.charts) {
        QJsonArray charts;
        for (const ChartSpec &c : *workspace.charts)
            charts.append(ChartSpecJson::toJson(c));
        root.insert(QStringLiteral("charts"), charts);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<Workspace> WorkspaceFile::load(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read the workspace %1.").arg(path), file.errorString()};
    return parseNamed(file.readAll(), path);
}

Result<void> WorkspaceFile::save(const QString &path, const Workspace &workspace) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, tr("Cannot write the workspace %1.").arg(path), file.errorString()};
    file.write(serialize(workspace));
    if (!file.commit())
        return Error{ErrorCode::Io, tr("Cannot write the workspace %1.").arg(path), file.errorString()};
    return {};
}

} // namespace mlwatch
