#include "support/naive_alert_evaluator.h"

#include <cmath>
#include <limits>

namespace mlwatch::bench {

namespace {

qint64 floorToPeriod(qint64 ms, qint64 periodMs) {
    qint64 q = ms / periodMs;
    if (ms % periodMs != 0 && ms < 0)
        --q;
    return q * periodMs;
}

} // namespace

NaiveAlertEvaluator::NaiveAlertEvaluator(const AlertRule &rule)
    : m_rule(rule)
    , m_periodMs(qint64(rule.periodSeconds) * 1000)
    , m_delayMs(qint64(rule.effectiveEvaluationDelaySeconds()) * 1000)
    , m_scale(rule.displayUnit().scale)
    , m_window(size_t(rule.evaluationPeriods)) {}

bool NaiveAlertEvaluator::evaluate(const SeriesData &raw, qint64 nowMs) {
    const qint64 newest = floorToPeriod(nowMs - m_delayMs - m_periodMs, m_periodMs);
    if (m_lastPeriodMs != AlertEvaluator::kNever && newest <= m_lastPeriodMs)
        return false;
    m_lastPeriodMs = newest;

    // The whole series, bucketed: the last datapoint of each window period wins.
    const qint64 n = qint64(m_window.size());
    const qint64 oldest = newest - (n - 1) * m_periodMs;
    std::fill(m_window.begin(), m_window.end(), std::numeric_limits<double>::quiet_NaN());
    for (qsizetype i = 0; i < raw.timestampsMs.size(); ++i) {
        const qint64 period = floorToPeriod(raw.timestampsMs.at(i), m_periodMs);
        if (period >= oldest && period <= newest)
            m_window[size_t((period - oldest) / m_periodMs)] = raw.values.at(i) * m_scale;
    }

    // The condition, with recovery values while firing.
    const bool above = m_rule.comparison == AlertComparison::Above;
    const bool firing = m_state.kind == AlertStateKind::Firing;
    const AlertLevel firingLevel = firing ? m_state.level : AlertLevel::None;
    const double critical =
        firingLevel >= AlertLevel::Critical ? m_rule.criticalRecoveryValue() : m_rule.critical;
    const bool hasWarning = m_rule.warning.has_value();
    const double warning = !hasWarning                          ? 0.0
                           : firingLevel >= AlertLevel::Warning ? m_rule.warningRecoveryValue()
                                                                : *m_rule.warning;
    int present = 0, criticalBreaches = 0, warningBreaches = 0;
    for (const double v : m_window) {
        if (std::isnan(v)) {
            if (m_rule.missingData == MissingDataPolicy::Breaching) {
                ++criticalBreaches;
                ++warningBreaches;
            }
            continue;
        }
        ++present;
        criticalBreaches += above ? v > critical : v < critical;
        warningBreaches += hasWarning && (above ? v > warning : v < warning);
    }
    const int m = m_rule.datapointsToAlarm;
    const AlertLevel met = criticalBreaches >= m                ? AlertLevel::Critical
                           : hasWarning && warningBreaches >= m ? AlertLevel::Warning
                                                                : AlertLevel::None;

    const AlertState before = m_state;
    const bool leftOut =
        m_rule.missingData == MissingDataPolicy::Missing || m_rule.missingData == MissingDataPolicy::Ignore;
    if (present == 0 && leftOut) {
        if (m_rule.missingData == MissingDataPolicy::Ignore)
            return false;
        m_state = {AlertStateKind::NoData, AlertLevel::None};
        m_pendingSinceMs = m_clearedSinceMs = AlertEvaluator::kNever;
    } else if (m_state.kind == AlertStateKind::Ok || m_state.kind == AlertStateKind::NoData) {
        m_clearedSinceMs = AlertEvaluator::kNever;
        if (met == AlertLevel::None) {
            m_state = {AlertStateKind::Ok, AlertLevel::None};
        } else {
            m_pendingSinceMs = newest;
            m_state = {m_rule.pendingForSeconds == 0 ? AlertStateKind::Firing : AlertStateKind::Pending, met};
        }
    } else if (m_state.kind == AlertStateKind::Pending) {
        if (met == AlertLevel::None)
            m_state = {AlertStateKind::Ok, AlertLevel::None};
        else if (newest - m_pendingSinceMs >= qint64(m_rule.pendingForSeconds) * 1000)
            m_state = {AlertStateKind::Firing, met};
        else
            m_state.level = met;
    } else if (met != AlertLevel::None) {
        m_clearedSinceMs = AlertEvaluator::kNever;
        m_state.level = met;
    } else {
        if (m_clearedSinceMs == AlertEvaluator::kNever)
            m_clearedSinceMs = newest;
        if (newest - m_clearedSinceMs >= qint64(m_rule.keepFiringForSeconds) * 1000) {
            m_state = {AlertStateKind::Ok, AlertLevel::None};
            m_clearedSinceMs = AlertEvaluator::kNever;
        }
    }
    return !(m_state == before);
}

} // namespace mlwatch::bench
