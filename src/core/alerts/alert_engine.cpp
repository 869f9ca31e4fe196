#include "core/alerts/alert_engine.h"

#include "core/alerts/alert_history.h"
#include "core/common/clock.h"
#include "core/store/series_store.h"

#include <QSet>

namespace mlwatch {

namespace {

// True when the two rules evaluate identically (only names, texts or notifications differ), so
// the running evaluator, with its loaded window, can be kept.
bool sameEvaluation(AlertRule a, AlertRule b) {
    for (AlertRule *r : {&a, &b}) {
        r->name.clear();
        r->description.clear();
        r->enabled = true;
        r->notifications = {};
    }
    return a == b;
}

// The clocks and state that must survive a restart (the newest period alone does not: re-judging
// periods whose judgement changed nothing changes nothing).
bool sameDurableState(const AlertEvaluator::Snapshot &a, const AlertEvaluator::Snapshot &b) {
    return a.state == b.state && a.pendingSinceMs == b.pendingSinceMs && a.clearedSinceMs == b.clearedSinceMs;
}

} // namespace

struct AlertEngine::Entry {
    AlertRule rule;
    AlertPersistedState marks; // sinceMs and the people-set marks; the snapshot is the evaluator's
    size_t slot = 0;           // index of its evaluator in m_evaluators
};

AlertEngine::AlertEngine(const Clock &clock, SeriesStore &store, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_store(store) {
    connect(&m_store, &SeriesStore::seriesChanged, this, &AlertEngine::evaluateSeries);
}

AlertEngine::~AlertEngine() {
    // Saves the newest evaluated periods too, so the next start does not re-judge them.
    if (m_history)
        persistStates();
}

Result<void> AlertEngine::attachHistory(std::unique_ptr<AlertHistory> history) {
    if (!history)
        return Error{ErrorCode::BadArgument, tr("No alert history given."), QString()};
    if (Result<void> loaded = history->load(); !loaded)
        return loaded;
    m_history = std::move(history);
    for (const std::unique_ptr<Entry> &e : m_entries) {
        const auto it = m_history->states().constFind(e->rule.id);
        if (it == m_history->states().constEnd())
            continue;
        m_evaluators[e->slot].restore(it->snapshot);
        e->marks = *it;
        Q_EMIT stateChanged(e->rule.id);
    }
    return {};
}

Result<void> AlertEngine::setRules(const QList<AlertRule> &rules) {
    QSet<QString> ids;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const AlertRule &r = rules.at(i);
        if (Result<void> valid = r.validate(); !valid)
            return Error{ErrorCode::BadArgument, QStringLiteral("rules[%1].").arg(i) + valid.error().message,
                         QString()};
        if (ids.contains(r.id))
            return Error{ErrorCode::BadArgument,
                         QStringLiteral("rules[%1].id: ").arg(i) +
                             tr("\"%1\" is used by another rule.").arg(r.id),
                         QString()};
        ids.insert(r.id);
    }
    std::vector<std::unique_ptr<Entry>> entries;
    std::vector<AlertEvaluator> evaluators;
    entries.reserve(size_t(rules.size()));
    evaluators.reserve(size_t(rules.size()));
    for (const AlertRule &r : rules) {
        auto entry = std::make_unique<Entry>();
        entry->rule = r;
        const Entry *old = find(r.id);
        if (old && sameEvaluation(old->rule, r)) {
            evaluators.push_back(std::move(m_evaluators[old->slot])); // keeps its loaded window
            entry->marks = old->marks;
        } else {
            evaluators.emplace_back(r);
            if (old) {
                evaluators.back().restore(m_evaluators[old->slot].snapshot());
                entry->marks = old->marks;
            } else if (m_history) {
                const auto it = m_history->states().constFind(r.id);
                if (it != m_history->states().constEnd()) {
                    evaluators.back().restore(it->snapshot);
                    entry->marks = *it;
                }
            }
        }
        entries.push_back(std::move(entry));
    }
    rebuild(std::move(entries), std::move(evaluators));
    Q_EMIT rulesChanged();
    return {};
}

void AlertEngine::rebuild(std::vector<std::unique_ptr<Entry>> entries,
                          std::vector<AlertEvaluator> evaluators) {
    // Slots grouped by series (first appearance order), rules of one series in insertion order.
    std::vector<size_t> order(entries.size());
    QHash<QString, size_t> firstSeen;
    for (size_t i = 0; i < entries.size(); ++i)
        firstSeen.insert(entries[i]->rule.seriesKey(),
                         std::min(firstSeen.value(entries[i]->rule.seriesKey(), i), i));
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return firstSeen.value(entries[a]->rule.seriesKey()) < firstSeen.value(entries[b]->rule.seriesKey());
    });

    m_evaluators.clear();
    m_enabled.clear();
    m_owners.clear();
    m_groups.clear();
    m_groupIndex.clear();
    m_index.clear();
    m_evaluators.reserve(entries.size());
    for (size_t i : order) {
        Entry *e = entries[i].get();
        e->slot = m_evaluators.size();
        m_evaluators.push_back(std::move(evaluators[i]));
        m_enabled.push_back(e->rule.enabled);
        m_owners.push_back(e);
        const QString key = e->rule.seriesKey();
        if (m_groups.empty() || m_groups.back().seriesKey != key) {
            m_groupIndex.insert(key, m_groups.size());
            m_groups.push_back(SeriesGroup{key, e->slot, e->slot});
        }
        m_groups.back().end = e->slot + 1;
    }
    m_entries = std::move(entries);
    for (const std::unique_ptr<Entry> &e : m_entries)
        m_index.insert(e->rule.id, e.get());
}

Result<void> AlertEngine::addOrReplaceRule(const AlertRule &rule) {
    QList<AlertRule> all = rules();
    bool replaced = false;
    for (AlertRule &r : all) {
        if (r.id == rule.id) {
            r = rule;
            replaced = true;
        }
    }
    if (!replaced)
        all.append(rule);
    return setRules(all);
}

bool AlertEngine::removeRule(const QString &ruleId) {
    if (!m_index.contains(ruleId))
        return false;
    QList<AlertRule> all = rules();
    all.removeIf([&ruleId](const AlertRule &r) { return r.id == ruleId; });
    (void)setRules(all); // the remaining rules were valid already
    return true;
}

QList<AlertRule> AlertEngine::rules() const {
    QList<AlertRule> out;
    out.reserve(qsizetype(m_entries.size()));
    for (const std::unique_ptr<Entry> &e : m_entries)
        out.append(e->rule);
    return out;
}

std::optional<AlertRule> AlertEngine::rule(const QString &ruleId) const {
    const Entry *e = m_index.value(ruleId);
    if (!e)
        return std::nullopt;
    return e->rule;
}

AlertRuleStatus AlertEngine::status(const QString &ruleId) const {
    AlertRuleStatus s;
    const Entry *e = m_index.value(ruleId);
    if (!e)
        return s;
    const AlertEvaluator::Snapshot snap = m_evaluators[e->slot].snapshot();
    s.state = snap.state;
    s.sinceMs = e->marks.sinceMs;
    s.lastPeriodMs = snap.lastPeriodMs;
    s.lastValue = snap.lastValue;
    s.acknowledged = e->marks.acknowledged;
    s.snoozedUntilMs = e->marks.snoozedUntilMs;
    s.silencedUntilMs = e->marks.silencedUntilMs;
    return s;
}

QStringList AlertEngine::firingRuleIds() const {
    QStringList ids;
    for (const std::unique_ptr<Entry> &e : m_entries)
        if (m_evaluators[e->slot].state().kind == AlertStateKind::Firing)
            ids.append(e->rule.id);
    return ids;
}

QStringList AlertEngine::pendingRuleIds() const {
    QStringList ids;
    for (const std::unique_ptr<Entry> &e : m_entries)
        if (m_evaluators[e->slot].state().kind == AlertStateKind::Pending)
            ids.append(e->rule.id);
    return ids;
}

void AlertEngine::acknowledge(const QString &ruleId) {
    Entry *e = find(ruleId);
    const AlertStateKind kind = e ? m_evaluators[e->slot].state().kind : AlertStateKind::Ok;
    // Only an alert in progress can be acknowledged; the mark ends with it.
    if (!e || e->marks.acknowledged || (kind != AlertStateKind::Firing && kind != AlertStateKind::Pending))
        return;
    e->marks.acknowledged = true;
    persistStates();
    Q_EMIT stateChanged(ruleId);
}

void AlertEngine::snooze(const QString &ruleId, qint64 untilMs) {
    Entry *e = find(ruleId);
    if (!e || e->marks.snoozedUntilMs == untilMs)
        return;
    e->marks.snoozedUntilMs = untilMs;
    persistStates();
    Q_EMIT stateChanged(ruleId);
}

void AlertEngine::silence(const QString &ruleId, qint64 untilMs) {
    Entry *e = find(ruleId);
    if (!e || e->marks.silencedUntilMs == untilMs)
        return;
    e->marks.silencedUntilMs = untilMs;
    persistStates();
    Q_EMIT stateChanged(ruleId);
}

void AlertEngine::evaluateSeries(const QString &seriesKey) {
    const auto it = m_groupIndex.constFind(seriesKey);
    if (it == m_groupIndex.constEnd())
        return;
    Evaluation evaluation;
    evaluateGroup(m_groups[*it], m_clock.nowMs(), evaluation);
    finishEvaluation(evaluation);
}

void AlertEngine::evaluateAll() {
    const qint64 nowMs = m_clock.nowMs();
    Evaluation evaluation;
    for (const SeriesGroup &group : m_groups)
        evaluateGroup(group, nowMs, evaluation);
    finishEvaluation(evaluation);
}

void AlertEngine::evaluateGroup(const SeriesGroup &group, qint64 nowMs, Evaluation &evaluation) {
    const SeriesData data = m_store.series(group.seriesKey); // a cheap, implicitly shared snapshot
    for (size_t slot = group.begin; slot < group.end; ++slot) {
        if (!m_enabled[slot])
            continue;
        AlertEvaluator &evaluator = m_evaluators[slot];
        const AlertEvaluator::Snapshot before = evaluator.snapshot();
        QList<AlertTransition> transitions = evaluator.evaluate(data, nowMs);
        if (!sameDurableState(before, evaluator.snapshot()))
            evaluation.durableChange = true;
        if (transitions.isEmpty())
            continue;
        Entry &entry = *m_owners[slot];
        for (const AlertTransition &t : std::as_const(transitions)) {
            entry.marks.sinceMs = t.timeMs;
            if (t.from.kind == AlertStateKind::Firing || t.from.kind == AlertStateKind::Pending)
                if (t.to.kind == AlertStateKind::Ok || t.to.kind == AlertStateKind::NoData)
                    entry.marks.acknowledged = false; // the episode is over
        }
        evaluation.transitions.append(std::move(transitions));
    }
}

void AlertEngine::finishEvaluation(const Evaluation &evaluation) {
    if (m_history && !evaluation.transitions.isEmpty()) {
        if (Result<void> written = m_history->append(evaluation.transitions); !written)
            Q_EMIT persistenceFailed(written.error());
    }
    if (evaluation.durableChange)
        persistStates();
    QStringList changed; // each rule once, in the order of its first transition
    QSet<QString> seen;
    for (const AlertTransition &t : evaluation.transitions) {
        Q_EMIT transitionOccurred(t);
        if (!seen.contains(t.ruleId)) {
            seen.insert(t.ruleId);
            changed.append(t.ruleId);
        }
    }
    for (const QString &id : std::as_const(changed))
        Q_EMIT stateChanged(id);
}

void AlertEngine::persistStates() {
    if (!m_history)
        return;
    QHash<QString, AlertPersistedState> states;
    states.reserve(qsizetype(m_entries.size()));
    for (const std::unique_ptr<Entry> &e : m_entries) {
        AlertPersistedState s = e->marks;
        s.snapshot = m_evaluators[e->slot].snapshot();
        states.insert(e->rule.id, s);
    }
    if (Result<void> saved = m_history->saveStates(states); !saved)
        Q_EMIT persistenceFailed(saved.error());
}

AlertEngine::Entry *AlertEngine::find(const QString &ruleId) const {
    return m_index.value(ruleId);
}

} // namespace mlwatch
