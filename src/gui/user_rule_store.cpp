#include "gui/user_rule_store.h"

#include "core/alerts/alert_engine.h"
#include "core/common/logging.h"
#include "core/session/monitor_session.h"

#include <QFile>

namespace mlwatch {

UserRuleStore::UserRuleStore(MonitorSession &session, QString path, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_path(std::move(path)) {
    // The session emits chartsReady right after it has added its default rules.
    connect(&session, &MonitorSession::chartsReady, this, &UserRuleStore::apply);
}

Result<void> UserRuleStore::load() {
    Result<UserRules> loaded = UserRulesFile::load(m_path);
    if (!loaded) {
        m_rules = UserRules{};
        m_loadError = loaded.error();
        m_moveBrokenFileAside = true;
        qCWarning(lcAlerts).noquote() << loaded.error().toString();
        return loaded.error();
    }
    m_rules = std::move(*loaded);
    m_loadError.reset();
    m_moveBrokenFileAside = false;
    if (!m_session.charts().isEmpty())
        apply();
    return {};
}

void UserRuleStore::apply() {
    AlertEngine &engine = m_session.alerts();
    if (const Result<void> set = engine.setRules(m_rules.appliedTo(engine.rules())); !set)
        // Cannot happen with rules that loaded (each was validated, ids are unique); kept visible.
        qCWarning(lcAlerts).noquote() << set.error().toString();
}

Result<void> UserRuleStore::recordSaved(const QString &ruleId) {
    const std::optional<AlertRule> rule = m_session.alerts().rule(ruleId);
    if (!rule)
        return Error{ErrorCode::BadArgument, tr("There is no alert rule \"%1\".").arg(ruleId), QString()};
    m_rules.recordSaved(*rule);
    return write();
}

Result<void> UserRuleStore::deleteRule(const QString &ruleId) {
    m_session.alerts().removeRule(ruleId);
    m_rules.recordDeleted(ruleId);
    return write();
}

Result<void> UserRuleStore::write() {
    if (m_moveBrokenFileAside && QFile::exists(m_path)) {
        // Keep what the person (or a crash) left, so that nothing is lost by saving over it.
        QFile::remove(brokenCopyPath());
        if (!QFile::rename(m_path, brokenCopyPath()))
            return Error{ErrorCode::Io,
                         tr("Cannot keep the unreadable alert rules %1 as %2, so they were not "
                            "overwritten.")
                             .arg(m_path, brokenCopyPath()),
                         QString()};
    }
    if (Result<void> saved = UserRulesFile::save(m_path, m_rules); !saved)
        return saved;
    m_moveBrokenFileAside = false;
    return {};
}

} // namespace mlwatch
