#include "core/alerts/alert_evaluator.h"

#include "core/model/series_data.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Floor division: periods before 1970 still align to multiples of the period.
qint64 floorToPeriod(qint64 ms, qint64 periodMs) {
    qint64 q = ms / periodMs;
    if (ms % periodMs != 0 && ms < 0)
        --q;
    return q * periodMs;
}

} // namespace

QString alertStateName(AlertStateKind kind) {
    switch (kind) {
    case AlertStateKind::Ok:
        return QStringLiteral("ok");
    case AlertStateKind::Pending:
        return QStringLiteral("pending");
    case AlertStateKind::Firing:
        return QStringLiteral("firing");
    case AlertStateKind::NoData:
        return QStringLiteral("nodata");
    }
    return QStringLiteral("ok");
}

std::optional<AlertStateKind> alertStateFromName(const QString &name) {
    for (AlertStateKind k :
         {AlertStateKind::Ok, AlertStateKind::Pending, AlertStateKind::Firing, AlertStateKind::NoData})
        if (alertStateName(k) == name)
            return k;
    return std::nullopt;
}

AlertEvaluator::AlertEvaluator(const AlertRule &rule)
    : m_periodMs(qint64(std::max(1, rule.periodSeconds)) * 1000)
    , m_delayMs(qint64(rule.effectiveEvaluationDelaySeconds()) * 1000)
    , m_scale(rule.displayUnit().scale)
    , m_critical(rule.critical)
    , m_criticalRecovery(rule.criticalRecoveryValue())
    , m_warning(rule.warning.value_or(0))
    , m_warningRecovery(rule.warningRecoveryValue())
    , m_pendingForMs(qint64(rule.pendingForSeconds) * 1000)
    , m_keepFiringForMs(qint64(rule.keepFiringForSeconds) * 1000)
    , m_n(std::max(1, rule.evaluationPeriods))
    , m_m(rule.datapointsToAlarm)
    , m_above(rule.comparison == AlertComparison::Above)
    , m_hasWarning(rule.warning.has_value())
    , m_missing(rule.missingData)
    , m_rule(std::make_shared<const AlertRule>(rule)) {
    if (m_n > kInlineRing)
        m_ringHeap.assign(size_t(m_n), 0);
}

void AlertEvaluator::restore(const Snapshot &snapshot) {
    m_snap = snapshot;
    // A rule whose period changed since the snapshot starts its periods afresh.
    if (m_snap.lastPeriodMs != kNever &&
        floorToPeriod(m_snap.lastPeriodMs, m_periodMs) != m_snap.lastPeriodMs)
        m_snap.lastPeriodMs = kNever;
    clearWindow();
    m_primed = false;
    m_hint = 0;
}

qint64 AlertEvaluator::newestDuePeriodMs(const AlertRule &rule, qint64 nowMs) {
    // Period P = [P, P + period) may be judged once P + period + delay ≤ now.
    const qint64 periodMs = qint64(std::max(1, rule.periodSeconds)) * 1000;
    const qint64 delayMs = qint64(rule.effectiveEvaluationDelaySeconds()) * 1000;
    return floorToPeriod(nowMs - delayMs - periodMs, periodMs);
}

void AlertEvaluator::clearWindow() {
    std::fill(ring(), ring() + m_n, quint8(0));
    m_ringHead = 0;
    m_ringNewestMs = kNever;
    m_present = m_criticalCount = m_criticalRecoveryCount = m_warningCount = m_warningRecoveryCount = 0;
}

quint8 AlertEvaluator::flagsOf(double v) const {
    if (v != v)
        return 0; // missing
    auto past = [this, v](double threshold) { return m_above ? v > threshold : v < threshold; };
    quint8 f = kPresent;
    f |= past(m_critical) ? kCritical : 0;
    f |= past(m_criticalRecovery) ? kCriticalRecovery : 0;
    if (m_hasWarning) {
        f |= past(m_warning) ? kWarning : 0;
        f |= past(m_warningRecovery) ? kWarningRecovery : 0;
    }
    return f;
}

void AlertEvaluator::replaceSlot(quint8 flags) {
    m_ringHead = m_ringHead + 1 == m_n ? 0 : m_ringHead + 1;
    quint8 &slot = ring()[m_ringHead];
    const quint8 old = slot; // the period leaving the window
    m_present += (flags & kPresent) - (old & kPresent);
    m_criticalCount += bool(flags & kCritical) - bool(old & kCritical);
    m_criticalRecoveryCount += bool(flags & kCriticalRecovery) - bool(old & kCriticalRecovery);
    m_warningCount += bool(flags & kWarning) - bool(old & kWarning);
    m_warningRecoveryCount += bool(flags & kWarningRecovery) - bool(old & kWarningRecovery);
    slot = flags;
}

void AlertEvaluator::push(qint64 periodStartMs, double value) {
    const qint64 gap = m_ringNewestMs == kNever ? m_n : (periodStartMs - m_ringNewestMs) / m_periodMs;
    if (gap >= m_n) {
        clearWindow();
    } else {
        for (qint64 i = 1; i < gap; ++i) // skipped periods enter as missing
            replaceSlot(0);
    }
    replaceSlot(flagsOf(value));
    m_ringNewestMs = periodStartMs;
}

AlertLevel AlertEvaluator::condition(bool *noData) const {
    // While firing (keep-firing included), the firing level and those below it must recover.
    const AlertLevel firingLevel =
        m_snap.state.kind == AlertStateKind::Firing ? m_snap.state.level : AlertLevel::None;
    // Missing periods: breaching counts them as breaching every level; notBreaching as not
    // breaching; missing and ignore leave them out — all three the same for M of N counts.
    const int missingBreaches = m_missing == MissingDataPolicy::Breaching ? m_n - m_present : 0;
    const int critical =
        (firingLevel >= AlertLevel::Critical ? m_criticalRecoveryCount : m_criticalCount) + missingBreaches;
    const int warning =
        (firingLevel >= AlertLevel::Warning ? m_warningRecoveryCount : m_warningCount) + missingBreaches;
    *noData = m_present == 0;
    if (critical >= m_m)
        return AlertLevel::Critical;
    if (m_hasWarning && warning >= m_m)
        return AlertLevel::Warning;
    return AlertLevel::None;
}

std::optional<AlertTransition> AlertEvaluator::step(qint64 periodStartMs, double displayValue) {
    push(periodStartMs, displayValue);
    m_snap.lastPeriodMs = periodStartMs;
    m_snap.lastValue = displayValue;

    bool noData = false;
    const AlertLevel met = condition(&noData);
    const AlertState before = m_snap.state;
    AlertState &state = m_snap.state;
    const MissingDataPolicy policy = m_missing;
    const bool leftOut = policy == MissingDataPolicy::Missing || policy == MissingDataPolicy::Ignore;

    if (noData && leftOut) {
        if (policy == MissingDataPolicy::Ignore)
            return std::nullopt; // skipped: state unchanged, the clocks keep measuring time
        state = {AlertStateKind::NoData, AlertLevel::None}; // at once: keep-firing does not delay it
        m_snap.pendingSinceMs = kNever;
        m_snap.clearedSinceMs = kNever;
    } else {
        switch (before.kind) {
        case AlertStateKind::Ok:
        case AlertStateKind::NoData: // a fresh start, judged against trigger values
            m_snap.clearedSinceMs = kNever;
            if (met == AlertLevel::None) {
                state = {AlertStateKind::Ok, AlertLevel::None};
                m_snap.pendingSinceMs = kNever;
            } else {
                m_snap.pendingSinceMs = periodStartMs;
                state = {m_pendingForMs == 0 ? AlertStateKind::Firing : AlertStateKind::Pending, met};
            }
            break;
        case AlertStateKind::Pending:
            if (met == AlertLevel::None) {
                state = {AlertStateKind::Ok, AlertLevel::None};
                m_snap.pendingSinceMs = kNever;
            } else if (periodStartMs - m_snap.pendingSinceMs >= m_pendingForMs) {
                state = {AlertStateKind::Firing, met};
            } else {
                state.level = met; // a level change while pending; the clock keeps running
            }
            break;
        case AlertStateKind::Firing:
            if (met != AlertLevel::None) {
                m_snap.clearedSinceMs = kNever;
                state.level = met; // escalation / de-escalation, or the condition returned
            } else {
                if (m_snap.clearedSinceMs == kNever)
                    m_snap.clearedSinceMs = periodStartMs;
                if (periodStartMs - m_snap.clearedSinceMs >= m_keepFiringForMs) {
                    state = {AlertStateKind::Ok, AlertLevel::None};
                    m_snap.clearedSinceMs = kNever;
                    m_snap.pendingSinceMs = kNever;
                }
            }
            break;
        }
    }
    if (state == before)
        return std::nullopt;
    AlertTransition t;
    t.ruleId = m_rule->id;
    t.timeMs = periodStartMs;
    t.from = before;
    t.to = state;
    t.value = displayValue;
    return t;
}

double AlertEvaluator::valueOfPeriod(const SeriesData &raw, qint64 periodStartMs) {
    const QVector<qint64> &ts = raw.timestampsMs;
    const qint64 *begin = ts.constData();
    const qint64 *end = begin + ts.size();
    // Periods are read in ascending order: the previous hit is usually just before this one, so
    // a short walk from it avoids the binary search (and its cache misses).
    const qint64 *it = begin + std::min(m_hint, ts.size());
    if (it != begin && it[-1] >= periodStartMs) {
        it = std::lower_bound(begin, end, periodStartMs);
    } else {
        int steps = 0;
        while (it != end && *it < periodStartMs && ++steps < 8)
            ++it;
        if (it != end && *it < periodStartMs)
            it = std::lower_bound(it, end, periodStartMs);
    }
    const qint64 periodEnd = periodStartMs + m_periodMs;
    double value = kNaN;
    for (; it != end && *it < periodEnd; ++it) // the last datapoint of the period counts
        value = raw.values.at(it - begin);
    m_hint = it - begin;
    return value * m_scale;
}

QList<AlertTransition> AlertEvaluator::evaluate(const SeriesData &rawSeries, qint64 nowMs) {
    QList<AlertTransition> out;
    const qint64 last = m_snap.lastPeriodMs;
    const qint64 dueBefore = nowMs - m_delayMs - m_periodMs; // periods starting at or before are due
    if (last != kNever && dueBefore < last + m_periodMs)
        return out; // once per period (and no division on this, the most frequent path)
    const qint64 newest = floorToPeriod(dueBefore, m_periodMs); // newestDuePeriodMs()
    qint64 first = last == kNever ? newest : last + m_periodMs;
    if ((newest - first) / m_periodMs >= kMaxCatchUpPeriods)
        first = newest - qint64(kMaxCatchUpPeriods - 1) * m_periodMs;
    if (!m_primed) {
        // The window's older periods, read but not evaluated: they were (or would have been)
        // evaluated before this evaluator existed.
        clearWindow();
        m_hint = 0;
        const qint64 n = m_n;
        for (qint64 p = first - (n - 1) * m_periodMs; p < first; p += m_periodMs)
            push(p, valueOfPeriod(rawSeries, p));
        m_primed = true;
    }
    for (qint64 p = first; p <= newest; p += m_periodMs) {
        if (std::optional<AlertTransition> t = step(p, valueOfPeriod(rawSeries, p))) {
            t->recordedAtMs = nowMs;
            out.append(*t);
        }
    }
    return out;
}

QList<AlertTransition> AlertEvaluator::backtest(const AlertRule &rule, const QVector<qint64> &timestampsMs,
                                                const QVector<double> &displayValues) {
    QList<AlertTransition> out;
    const qsizetype count = std::min(timestampsMs.size(), displayValues.size());
    if (count == 0)
        return out;
    AlertEvaluator evaluator(rule);
    QMap<qint64, double> byPeriod; // the last datapoint in input order wins
    for (qsizetype i = 0; i < count; ++i)
        byPeriod.insert(floorToPeriod(timestampsMs.at(i), evaluator.m_periodMs), displayValues.at(i));
    const qint64 first = byPeriod.firstKey();
    const qint64 last = byPeriod.lastKey();
    for (qint64 p = first; p <= last; p += evaluator.m_periodMs) {
        if (std::optional<AlertTransition> t = evaluator.step(p, byPeriod.value(p, kNaN)))
            out.append(*t);
    }
    return out;
}

} // namespace mlwatch
