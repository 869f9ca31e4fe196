#pragma once

#include "core/alerts/user_rules_file.h"
#include "core/common/result.h"

#include <QObject>
#include <QString>

#include <optional>

namespace mlwatch {

class MonitorSession;

// Keeps the alert rules people create, edit and delete in the app across restarts, in a
// UserRulesFile (alert-rules.json beside the alert history), until the app has workspaces.
//
//  - load() reads the file; the rules go into the engine when the session has added its default
//    rules (MonitorSession::chartsReady), over them: a user rule with a default's id replaces
//    that default, a deleted default is removed again, new user rules follow the defaults.
//  - recordSaved() / deleteRule() record a change people made and rewrite the file at once
//    (atomically), so a crash loses nothing that was saved.
//  - An unreadable file is never overwritten unseen: the app starts with the defaults, load()
//    returns the error for the status bar, and the first change renames the old file to
//    brokenCopyPath() before writing a new one.
// Not thread-safe; lives on the GUI thread with the session.
class UserRuleStore : public QObject {
    Q_OBJECT
public:
    // `session` must outlive the store.
    UserRuleStore(MonitorSession &session, QString path, QObject *parent = nullptr);

    QString path() const { return m_path; }
    // Where an unreadable file is moved when the first change is written.
    QString brokenCopyPath() const { return m_path + QStringLiteral(".broken"); }

    // Reads the file (a missing one holds no rules). Applies the rules at once when the session's
    // charts are already there. On failure starts without user rules and returns the error (its
    // message names the file, and the line and column where known); loadError() keeps it.
    Result<void> load();
    const std::optional<Error> &loadError() const { return m_loadError; }
    const UserRules &userRules() const { return m_rules; }

    // Puts the user rules over the engine's rules (see above). Idempotent.
    void apply();

    // People saved the engine's rule `ruleId` (AlertRuleEditor::ruleSaved): record and write.
    Result<void> recordSaved(const QString &ruleId);
    // People deleted the rule: removes it from the engine, records it and writes.
    Result<void> deleteRule(const QString &ruleId);

private:
    Result<void> write();

    MonitorSession &m_session;
    QString m_path;
    UserRules m_rules;
    std::optional<Error> m_loadError;
    bool m_moveBrokenFileAside = false; // the file on disk is unreadable and not yet kept aside
};

} // namespace mlwatch
