#pragma once

#include "core/alerts/alert_evaluator.h"
#include "core/alerts/alert_rule.h"
#include "core/common/result.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace mlwatch {

class AlertHistory;
class Clock;
class SeriesStore;
struct SeriesData;

// What the GUI and the notifiers read about one rule.
struct AlertRuleStatus {
    AlertState state;
    qint64 sinceMs = 0; // newest-period time of the transition into `state` (0: since start)
    qint64 lastPeriodMs = AlertEvaluator::kNever;                // newest period evaluated
    double lastValue = std::numeric_limits<double>::quiet_NaN(); // its value (display unit)
    // Marks people set. They never change evaluation; notifiers honour them.
    bool acknowledged = false;  // someone is on it: no repeats; cleared when the rule stops firing
    qint64 snoozedUntilMs = 0;  // no notifications for this rule before then ("Snooze 1 h")
    qint64 silencedUntilMs = 0; // the rule is silenced (maintenance) before then

    bool isMuted(qint64 nowMs) const { return snoozedUntilMs > nowMs || silencedUntilMs > nowMs; }
};

// Runs the alert rules of a session: owns the rules and one AlertEvaluator per rule, evaluates
// the rules watching a series whenever SeriesStore announces it changed (and on evaluateAll(),
// e.g. from a timer), at the injected clock's now. Lives on the thread of the store.
//
// Notifications: transitionOccurred is emitted only for transitions produced by evaluation in
// this process. With a history attached, state is restored from disk, so a rule that was firing
// before a restart is firing after it without a new transition (hence no duplicate
// notification); the old transitions are in history()->transitions().
class AlertEngine : public QObject {
    Q_OBJECT
public:
    // `clock` and `store` must outlive the engine.
    AlertEngine(const Clock &clock, SeriesStore &store, QObject *parent = nullptr);
    ~AlertEngine() override;

    // Loads `history` (its transitions and per-rule states) and writes to it from then on.
    // Rules present now or added later with a persisted id continue from their saved state.
    Result<void> attachHistory(std::unique_ptr<AlertHistory> history);
    AlertHistory *history() const { return m_history.get(); }

    // --- rules ----------------------------------------------------------------------------------
    // Replaces every rule. All must be valid and ids unique, else nothing changes. A rule whose id
    // already existed keeps its state and marks.
    Result<void> setRules(const QList<AlertRule> &rules);
    // Adds a rule, or replaces the one with the same id (keeping its state and marks).
    Result<void> addOrReplaceRule(const AlertRule &rule);
    bool removeRule(const QString &ruleId);
    QList<AlertRule> rules() const; // in insertion order
    std::optional<AlertRule> rule(const QString &ruleId) const;
    bool contains(const QString &ruleId) const { return m_index.contains(ruleId); }

    // --- state ----------------------------------------------------------------------------------
    // Default-constructed (ok) for an unknown id.
    AlertRuleStatus status(const QString &ruleId) const;
    QStringList firingRuleIds() const;
    QStringList pendingRuleIds() const;

    // Marks (persisted; each emits stateChanged). Times are UTC ms; 0 clears.
    void acknowledge(const QString &ruleId);
    void snooze(const QString &ruleId, qint64 untilMs);
    void silence(const QString &ruleId, qint64 untilMs);

public Q_SLOTS:
    // Evaluates the rules that watch `seriesKey` (connected to SeriesStore::seriesChanged).
    void evaluateSeries(const QString &seriesKey);
    // Evaluates every enabled rule (a timer tick; also finds nodata when fetches stop arriving).
    void evaluateAll();

Q_SIGNALS:
    void transitionOccurred(const mlwatch::AlertTransition &transition);
    // The rule's state or marks changed (not emitted for a new value alone: status() always
    // holds the latest value; the series' own seriesChanged tells when to re-read it).
    void stateChanged(const QString &ruleId);
    void rulesChanged();
    // Writing the history or the state file failed; evaluation goes on in memory.
    void persistenceFailed(const mlwatch::Error &error);

private:
    struct Entry;
    struct Evaluation {
        QList<AlertTransition> transitions;
        bool durableChange = false; // a state or clock changed: the state file needs writing
    };
    // The rules watching one series: slots [begin, end) of m_evaluators.
    struct SeriesGroup {
        QString seriesKey;
        size_t begin = 0;
        size_t end = 0;
    };
    void evaluateGroup(const SeriesGroup &group, qint64 nowMs, Evaluation &evaluation);
    void finishEvaluation(const Evaluation &evaluation);
    void rebuild(std::vector<std::unique_ptr<Entry>> entries, std::vector<AlertEvaluator> evaluators);
    void persistStates();
    Entry *find(const QString &ruleId) const;

    const Clock &m_clock;
    SeriesStore &m_store;
    std::vector<std::unique_ptr<Entry>> m_entries; // the rules, in insertion order
    QHash<QString, Entry *> m_index;               // rule id → entry
    // Hot data, contiguous and grouped by series, so a tick streams through memory instead of
    // chasing 10 000 pointers (alert.eval_10k): the evaluators, whether each is enabled, and
    // the entry each belongs to.
    std::vector<AlertEvaluator> m_evaluators;
    std::vector<char> m_enabled;
    std::vector<Entry *> m_owners;
    std::vector<SeriesGroup> m_groups;
    QHash<QString, size_t> m_groupIndex; // series key → index in m_groups
    std::unique_ptr<AlertHistory> m_history;
};

} // namespace mlwatch
