#pragma once

#include "core/alerts/alert_rule.h"

#include <QList>
#include <QString>
#include <QVector>

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace mlwatch {

struct SeriesData;

enum class AlertStateKind { Ok, Pending, Firing, NoData };

// A rule's state: the kind and, for Pending and Firing, the level (None otherwise).
struct AlertState {
    AlertStateKind kind = AlertStateKind::Ok;
    AlertLevel level = AlertLevel::None;

    bool isFiring() const { return kind == AlertStateKind::Firing; }
    friend bool operator==(const AlertState &, const AlertState &) = default;
};

// "ok" | "pending" | "firing" | "nodata" (stable, not translated: CLI output and files).
QString alertStateName(AlertStateKind kind);
std::optional<AlertStateKind> alertStateFromName(const QString &name);

// One change of a rule's state (kind or level).
struct AlertTransition {
    QString ruleId;
    qint64 timeMs = 0; // start of the newest period in the evaluated window (UTC ms)
    AlertState from;
    AlertState to;
    double value =
        std::numeric_limits<double>::quiet_NaN(); // newest period's value, display unit; NaN = missing
    qint64 recordedAtMs = 0;                      // clock time of the evaluation (0 in backtests)

    AlertLevel level() const { return to.level; }
    bool hasValue() const { return value == value; }
    friend bool operator==(const AlertTransition &, const AlertTransition &) = default;
};

// Pure, incremental evaluation of ONE rule (no QObject, no clock, no I/O).
//
// Semantics (docs/alert-rules.md; tst_alert_evaluator pins each sentence):
//  - a period is [P, P + period) with P a multiple of `period` since the epoch; it is named by P.
//    It may be judged once it is at least `evaluationDelay` old: P + period + delay ≤ now.
//  - each evaluation looks at the window of the N newest such periods; the value of a period is
//    the last datapoint in it (input order); a period without one is missing;
//  - a period breaches a level when its value is strictly past the level's threshold; while
//    firing (keep-firing included) the firing level and the levels below it use their recovery
//    value instead of their trigger value;
//  - a level is met when ≥ M periods of the window breach it; the condition is the highest met;
//  - missing data: notBreaching / breaching count missing periods as not breaching / breaching
//    (every level); missing leaves them out, and a window without data → nodata (at once,
//    keep-firing does not delay it); ignore leaves them out, and a window without data skips the
//    evaluation (state and clocks untouched — the clocks measure elapsed time, so they run on);
//  - ok → pending(level) at the first met evaluation (→ firing at once when pendingFor is 0);
//    pending → firing when (now − pending start) ≥ pendingFor; a level change while pending is a
//    transition and keeps the clock; an unmet evaluation resets pending to ok;
//  - firing: level changes are transitions at the evaluation that shows them; without the
//    condition the rule stays firing until keepFiringFor has passed since the first evaluation
//    without it, then → ok; a condition that returns during keep-firing continues firing;
//  - nodata → the first window with data is judged as a fresh start from ok (trigger values).
// The clocks use evaluation times (the newest period's start), so replays are deterministic.
//
// Cost: step() is O(1) (running counts over the window); evaluate() reads only the periods that became due
// since the previous call (binary search), so neither grows with the length of the history.
class AlertEvaluator {
public:
    static constexpr qint64 kNever = std::numeric_limits<qint64>::min();
    // The most periods evaluate() replays after a gap (sleep, restart, a late fetch); older
    // periods are skipped and the evaluation resumes at the newest window.
    static constexpr int kMaxCatchUpPeriods = 60;

    // What survives a restart (the window itself is re-read from the series).
    struct Snapshot {
        AlertState state;
        qint64 pendingSinceMs = kNever; // evaluation time the pending clock started
        qint64 clearedSinceMs = kNever; // first evaluation without the condition while firing
        qint64 lastPeriodMs = kNever;   // newest period evaluated
        double lastValue = std::numeric_limits<double>::quiet_NaN();
        friend bool operator==(const Snapshot &a, const Snapshot &b) {
            return a.state == b.state && a.pendingSinceMs == b.pendingSinceMs &&
                   a.clearedSinceMs == b.clearedSinceMs && a.lastPeriodMs == b.lastPeriodMs;
        }
    };

    // `rule` must be valid (AlertRule::validate()); it is copied.
    explicit AlertEvaluator(const AlertRule &rule);

    const AlertRule &rule() const { return *m_rule; }
    const AlertState &state() const { return m_snap.state; }
    Snapshot snapshot() const { return m_snap; }
    // Restores the state and clocks; the window is empty until evaluate() reads it again.
    void restore(const Snapshot &snapshot);

    // The newest period that may be judged at `nowMs` (see above).
    static qint64 newestDuePeriodMs(const AlertRule &rule, qint64 nowMs);

    // The core step: period `periodStartMs` (aligned, after the previous one) becomes the newest
    // of the window with `displayValue` (NaN = missing); skipped periods enter as missing.
    // Returns the transition when the state changed.
    std::optional<AlertTransition> step(qint64 periodStartMs, double displayValue);

    // Incremental evaluation against a series in raw units (ascending, as SeriesStore keeps it)
    // at clock time `nowMs`: every period that became due since the last call, oldest first, at
    // most kMaxCatchUpPeriods. The first call after construction or restore() also loads the
    // N − 1 periods before the first one into the window. `recordedAtMs` of the result = nowMs.
    QList<AlertTransition> evaluate(const SeriesData &rawSeries, qint64 nowMs);

    // A backtest: datapoints (any order; display units) bucketed into periods — the last one in
    // input order wins — and one evaluation per period from the first datapoint's period to the
    // last one, as if the evaluation delay had passed. Starts from ok; returns every transition.
    static QList<AlertTransition> backtest(const AlertRule &rule, const QVector<qint64> &timestampsMs,
                                           const QVector<double> &displayValues);

private:
    void push(qint64 periodStartMs, double value);
    void clearWindow();
    void replaceSlot(quint8 flags); // advance the ring head and store `flags` there
    quint8 flagsOf(double value) const;
    AlertLevel condition(bool *noData) const;
    double valueOfPeriod(const SeriesData &raw, qint64 periodStartMs);
    // m_n, not m_ringHeap.empty(): the vector lives outside the hot cache lines.
    quint8 *ring() { return m_n <= kInlineRing ? m_ringInline : m_ringHeap.data(); }

    // Hot state first, in as few cache lines as possible: a tick of 10 000 rules touches every
    // evaluator once, cold (alert.eval_10k). The rule itself is only read on transitions.
    // The window is a ring of N flag bytes — which thresholds each period breaches (kPresent,
    // kCritical, kCriticalRecovery, kWarning, kWarningRecovery; 0 = missing) — with running
    // counts, so an evaluation is O(1) whatever N is, and the ring fits a cache line.
    static constexpr int kInlineRing = 24;
    enum : quint8 { kPresent = 1, kCritical = 2, kCriticalRecovery = 4, kWarning = 8, kWarningRecovery = 16 };
    qint64 m_periodMs = 60000;
    qint64 m_delayMs = 0;
    double m_scale = 1.0; // raw → display
    double m_critical = 0;
    double m_criticalRecovery = 0;
    double m_warning = 0;
    double m_warningRecovery = 0;
    qint64 m_pendingForMs = 0;
    qint64 m_keepFiringForMs = 0;
    int m_n = 1;
    int m_m = 1;
    bool m_above = true;
    bool m_hasWarning = false;
    MissingDataPolicy m_missing = MissingDataPolicy::Missing;
    bool m_primed = false; // window loaded from a series since construction/restore
    int m_ringHead = 0;    // index of the newest period
    int m_present = 0;     // running counts over the window
    int m_criticalCount = 0;
    int m_criticalRecoveryCount = 0;
    int m_warningCount = 0;
    int m_warningRecoveryCount = 0;
    qint64 m_ringNewestMs = kNever;
    qsizetype m_hint = 0; // index in the series where the previous period was found
    Snapshot m_snap;
    quint8 m_ringInline[kInlineRing] = {};   // N ≤ kInlineRing: the window lives here …
    std::vector<quint8> m_ringHeap;          // … else here.
    std::shared_ptr<const AlertRule> m_rule; // cold: read on transitions (its id) and by rule()
};

} // namespace mlwatch
