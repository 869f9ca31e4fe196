#pragma once

#include "core/alerts/alert_rule.h"
#include "core/catalog/chart_spec.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mlwatch {

// One cloud account of a workspace. Never a secret: an account names where the credentials come
// from (a profile, or the environment chain when `profile` is empty), not the credentials.
// Azure and Google accounts (version 2) are references by id to the accounts of the machine
// (accounts.json and the keychain, which stay the only place of their secrets).
struct WorkspaceAccount {
    QString id;                           // unique within the workspace, e.g. "prod"
    QString kind = QStringLiteral("aws"); // "aws" | "azure" | "gcp"
    QString region;                       // "us-east-1"; required for "aws" only
    QString profile;                      // optional: ~/.aws profile name
    QString endpointUrl; // optional: a CloudWatch endpoint override (https, or http on loopback)
    QString protocol;    // optional: "json" | "query"

    friend bool operator==(const WorkspaceAccount &, const WorkspaceAccount &) = default;
};

// A workspace: what a person set up, saved as one versioned JSON file (docs/workspace-format.md):
//   {"format":"mlwatch-workspace","version":2,"accounts":[…],"charts":[…],"rules":[…]}
// Version 1 files (no charts) still read. Top-level members this version does not know are kept
// in `extra` and written back unchanged, so a round trip through this version loses nothing.
struct Workspace {
    QList<WorkspaceAccount> accounts;
    QList<AlertRule> rules;
    // The person's charts in tab order (stage by stage, as MonitorSession::charts()). Absent (a
    // version 1 file, or one written without charts): the app keeps the charts it has.
    std::optional<QList<ChartSpec>> charts;
    QJsonObject extra;

    friend bool operator==(const Workspace &, const Workspace &) = default;
};

// Reads and writes workspace files. Errors are ErrorCode::BadArgument (content) or Io (file)
// with a translated message naming the problem: malformed JSON with its line and column, a
// newer version than this build reads, a missing or mistyped field ("accounts[0].region",
// "charts[3].series[0].query.metric"),
// an invalid rule ("rules[1].datapointsToAlarm …"), duplicate ids, or a member that looks like
// a secret (secretAccessKey, sessionToken, …), which is refused rather than silently dropped.
class WorkspaceFile {
public:
    static constexpr int kVersion = 2;
    static constexpr char kFormat[] = "mlwatch-workspace";

    static Result<Workspace> parse(const QByteArray &json);
    static QByteArray serialize(const Workspace &workspace); // indented, UTF-8, ends in '\n'

    static Result<Workspace> load(const QString &path);
    // Atomic: QSaveFile, so a crash leaves the old file or the new one, never half of each.
    static Result<void> save(const QString &path, const Workspace &workspace);
};

} // namespace mlwatch
