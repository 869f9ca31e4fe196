#pragma once

#include "core/alerts/alert_rule.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mlwatch {

// What people changed about the alert rules in the app, kept across restarts. The app has no
// workspace yet, so these live on their own, next to the alert history: the rules people created
// or edited (an edited default keeps its "default:…" id, so it overrides the default), and the
// ids of the default rules they deleted (so a deleted default stays deleted although the session
// builds the defaults afresh at every start).
struct UserRules {
    QList<AlertRule> rules;      // in the order people first saved them; ids unique
    QStringList deletedDefaults; // ids of default rules people deleted; unique

    bool isEmpty() const { return rules.isEmpty() && deletedDefaults.isEmpty(); }

    // Records that people saved `rule`: replaces the user rule with its id (keeping its place) or
    // appends it. Saving a rule whose id was deleted brings it back.
    void recordSaved(const AlertRule &rule);
    // Records that people deleted the rule `ruleId`: it is no longer a user rule, and if it is a
    // default rule (isDefaultRuleId) its id is remembered so that the default stays away.
    void recordDeleted(const QString &ruleId);

    // The rules to run, given the rules built without the user's changes (`base`: the defaults,
    // in their order): each base rule with a user rule's id is replaced by that user rule in place,
    // deleted defaults are left out, and the user rules that replace nothing follow in their order.
    QList<AlertRule> appliedTo(const QList<AlertRule> &base) const;

    // Whether `ruleId` names a default rule ("default:<chart id>", see defaultRulesFor()).
    static bool isDefaultRuleId(const QString &ruleId);

    friend bool operator==(const UserRules &, const UserRules &) = default;
};

// Reads and writes the user rules file (docs/alert-rules.md, "Rules you create in the app"):
//   {"format":"mlwatch-rules","version":1,"rules":[…],"deletedDefaults":["default:…"]}
// Each element of "rules" is exactly the rule object of a workspace file. Qt Core only.
//
// Errors are ErrorCode::BadArgument (content) or Io (file), with a translated message that starts
// with the file's path and says where the problem is: malformed JSON with its line and column; a
// rule that is not valid with the line and column where its object starts and the field
// ("…/alert-rules.json: line 7, column 5: rules[1].critical: is required."); another format; a
// newer version; a duplicate id; a "deletedDefaults" entry that is not a default's id.
class UserRulesFile {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::UserRulesFile)
public:
    static constexpr int kVersion = 1;
    static constexpr char kFormat[] = "mlwatch-rules";
    static constexpr char kFileName[] = "alert-rules.json";

    // `directory`/alert-rules.json: the file beside the alert history in that folder.
    static QString pathIn(const QString &directory);

    // `what` names the source in messages (the file's path).
    static Result<UserRules> parse(const QByteArray &json, const QString &what);
    static QByteArray serialize(const UserRules &rules); // indented, UTF-8, ends in '\n'

    // A file that does not exist holds no user rules (success, empty).
    static Result<UserRules> load(const QString &path);
    // Atomic (QSaveFile): the file is the old rules or the new ones, never half of each. Creates
    // the folder when it is missing.
    static Result<void> save(const QString &path, const UserRules &rules);
};

} // namespace mlwatch
