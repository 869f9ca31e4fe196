#include "core/fetch/fetch_scheduler.h"

#include "core/common/clock.h"
#include "core/common/logging.h"
#include "core/fetch/period_choice.h"
#include "core/model/compare_offset.h"
#include "core/providers/metric_provider.h"
#include "core/store/series_store.h"

#include <limits>

namespace mlwatch {

namespace {

constexpr qint64 kNever = std::numeric_limits<qint64>::max();

qint64 floorTo(qint64 ms, qint64 stepMs) {
    return ms - ((ms % stepMs) + stepMs) % stepMs;
}

} // namespace

// One provider call of a pass: queries that share an account, a range and a compare offset.
struct FetchScheduler::Call {
    QList<MetricQuery> queries;
    TimeRange range;    // as asked: moved back by the offset for compare copies
    qint64 offsetS = 0; // 0, or the compare offset: keys are mapped with CompareOffset::seriesKey()
    bool merge = false; // an incremental tail: SeriesStore::merge(), else replace()
    qint64 windowEndMs = 0;
    QHash<QString, qint64> keepFromMs; // by the query's series key (merge only)
};

FetchScheduler::FetchScheduler(const Clock &clock, MetricProvider &provider, SeriesStore &store,
                               QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_provider(provider)
    , m_store(store) {}

void FetchScheduler::setQueries(const QList<MetricQuery> &queries) {
    m_queries = queries;
    // Forget what is no longer asked for, so that asking again later loads it in full.
    QSet<QString> keys;
    for (const MetricQuery &q : queries) {
        keys.insert(q.seriesKey());
        if (m_compareOffsetS > 0)
            keys.insert(CompareOffset::seriesKey(q.seriesKey(), m_compareOffsetS));
    }
    for (auto it = m_loadedEndMs.begin(); it != m_loadedEndMs.end();)
        it = keys.contains(it.key()) ? std::next(it) : m_loadedEndMs.erase(it);
    for (auto it = m_asked.begin(); it != m_asked.end();)
        it = keys.contains(*it) ? std::next(it) : m_asked.erase(it);
}

void FetchScheduler::setWindowSeconds(qint64 windowSeconds) {
    if (windowSeconds == m_windowSeconds && !isAbsolute())
        return;
    m_windowSeconds = windowSeconds;
    m_absolute = TimeRange{};
    windowChanged();
}

void FetchScheduler::setAbsoluteRange(const TimeRange &range) {
    if (!range.isValid() || range == m_absolute)
        return;
    m_absolute = range;
    windowChanged();
}

void FetchScheduler::windowChanged() {
    m_nextDueMs = 0;
    if (m_busy) {
        // The answer to the old window is no longer wanted: drop it and ask again.
        ++m_generation;
        m_busy = false;
        m_provider.cancelAll();
        startFetch(true);
    }
}

void FetchScheduler::setRefreshIntervalSeconds(int seconds) {
    const int interval = std::max(0, seconds);
    if (interval == m_refreshIntervalS)
        return;
    m_refreshIntervalS = interval;
    // Re-plan the next refresh from the last one, so that a shorter interval takes effect now.
    if (m_nextDueMs != 0 && m_lastRefresh.isValid())
        m_nextDueMs = autoRefreshes() ? m_lastRefresh.toMSecsSinceEpoch() + qint64(interval) * 1000 : kNever;
}

void FetchScheduler::setCompareOffsetSeconds(qint64 offsetSeconds) {
    m_compareOffsetS = std::max<qint64>(0, offsetSeconds);
    // The earlier copies are "new queries": the next tick fetches them (and only them). Copies
    // of another offset are forgotten (asked again in full if that offset comes back).
    setQueries(m_queries);
}

int FetchScheduler::metricsPerRefresh() const {
    return int(m_queries.size()) * (m_compareOffsetS > 0 ? 2 : 1);
}

void FetchScheduler::tick() {
    if (m_busy || m_queries.isEmpty())
        return;
    if (m_nextDueMs == 0 || (m_nextDueMs != kNever && m_clock.nowMs() >= m_nextDueMs)) {
        startFetch(true);
        return;
    }
    // Not due: fetch only what was never asked for (queries added, compare turned on).
    startFetch(false);
}

void FetchScheduler::refreshNow() {
    m_nextDueMs = 0;
    tick();
}

void FetchScheduler::cancel() {
    if (!m_busy)
        return;
    ++m_generation;
    m_busy = false;
    m_provider.cancelAll();
    // A pass that was a refresh counts as done for the schedule: the person said stop.
    if (m_everything)
        m_nextDueMs = autoRefreshes() ? m_clock.nowMs() + qint64(m_refreshIntervalS) * 1000 : kNever;
    qCDebug(lcFetch) << "cancelled after" << m_arrived << "of" << m_planned << "series";
    Q_EMIT fetchCancelled();
    Q_EMIT fetchFinished(m_clock.nowUtc(), {Error{ErrorCode::Cancelled, tr("Cancelled"), {}}});
}

void FetchScheduler::startFetch(bool everything) {
    const qint64 nowMs = m_clock.nowMs();
    TimeRange range = m_absolute;
    if (!isAbsolute()) {
        // Align the window to whole minutes so successive fetches ask for the same buckets.
        const qint64 endMs = (nowMs / 60000) * 60000;
        range = TimeRange{endMs - m_windowSeconds * 1000, endMs};
    }
    const int period = choosePeriodSeconds(range, nowMs);
    const QString epoch = (isAbsolute() ? QStringLiteral("abs %1-%2").arg(range.startMs).arg(range.endMs)
                                        : QStringLiteral("last %1").arg(m_windowSeconds)) +
                          QStringLiteral(" / %1").arg(period);
    if (epoch != m_epoch || (everything && isAbsolute())) {
        m_epoch = epoch;
        m_loadedEndMs.clear();
        m_asked.clear();
    }

    QList<qint64> offsets{0};
    if (m_compareOffsetS > 0)
        offsets.append(m_compareOffsetS);
    QList<Call> calls;
    QHash<QString, qsizetype> callIndex;
    int planned = 0;
    for (const MetricQuery &query : std::as_const(m_queries)) {
        MetricQuery q = query;
        // A query's own period is its floor: daily metrics (S3 storage) keep 86400 s at any window.
        q.periodSeconds = std::max(period, q.periodSeconds);
        const qint64 periodMs = qint64(q.periodSeconds) * 1000;
        const QString seriesKey = q.seriesKey();
        for (qint64 offsetS : std::as_const(offsets)) {
            const QString storeKey = offsetS > 0 ? CompareOffset::seriesKey(seriesKey, offsetS) : seriesKey;
            if (!everything && m_asked.contains(storeKey))
                continue;
            // A query whose own period is longer than the window's (S3's daily storage metrics)
            // would need a range of its own, so a GetMetricData call of its own, at every
            // refresh. It gains a bucket only once per period: refresh it that often.
            if (const auto loaded = m_loadedEndMs.constFind(storeKey);
                m_incremental && !isAbsolute() && q.periodSeconds > period &&
                loaded != m_loadedEndMs.cend() && range.endMs - *loaded < periodMs)
                continue;
            TimeRange asked = range;
            bool merge = false;
            if (const auto loaded = m_loadedEndMs.constFind(storeKey);
                m_incremental && !isAbsolute() && loaded != m_loadedEndMs.cend()) {
                // From the start of the last bucket fetched (it may have been partial), on the
                // period grid the provider aligns to.
                const qint64 start = floorTo(*loaded - periodMs, periodMs);
                if (start > range.startMs) {
                    asked.startMs = start;
                    merge = true;
                }
            }
            asked.startMs -= offsetS * 1000;
            asked.endMs -= offsetS * 1000;
            const QString callKey = QStringLiteral("%1|%2|%3|%4|%5")
                                        .arg(q.account)
                                        .arg(offsetS)
                                        .arg(asked.startMs)
                                        .arg(asked.endMs)
                                        .arg(merge);
            qsizetype index = callIndex.value(callKey, -1);
            if (index < 0) {
                index = calls.size();
                callIndex.insert(callKey, index);
                calls.append(Call{{}, asked, offsetS, merge, range.endMs, {}});
            }
            Call &call = calls[index];
            call.queries.append(q);
            if (merge)
                call.keepFromMs.insert(seriesKey, floorTo(range.startMs, periodMs) - offsetS * 1000);
            m_asked.insert(storeKey);
            ++planned;
        }
    }
    if (calls.isEmpty()) {
        // Nothing to ask for (e.g. only daily metrics, none of them due): the refresh is done.
        if (everything)
            m_nextDueMs = autoRefreshes() ? nowMs + qint64(m_refreshIntervalS) * 1000 : kNever;
        return;
    }

    m_range = range;
    m_periodS = period;
    m_busy = true;
    m_everything = everything;
    m_pendingCalls = int(calls.size());
    m_planned = planned;
    m_arrived = 0;
    m_errors.clear();
    const quint64 generation = ++m_generation;
    qCDebug(lcFetch) << "fetching" << planned << "series in" << calls.size() << "calls, period" << period
                     << (everything ? "(refresh)" : "(new series only)");
    Q_EMIT fetchStarted();
    Q_EMIT progressChanged(0, planned);
    for (const Call &call : std::as_const(calls)) {
        if (generation != m_generation)
            return; // an answer (given at once) led to a cancel or a new pass
        m_provider.fetch(call.queries, call.range, [this, generation, call](FetchReport report) {
            onCallAnswered(generation, call, std::move(report));
        });
    }
}

void FetchScheduler::onCallAnswered(quint64 generation, const Call &call, FetchReport report) {
    if (generation != m_generation)
        return; // superseded by a newer window, or cancelled
    quint64 points = 0;
    for (SeriesData &series : report.series) {
        const QString seriesKey = series.seriesKey;
        if (call.offsetS > 0)
            series.seriesKey = CompareOffset::seriesKey(seriesKey, call.offsetS);
        const QString storeKey = series.seriesKey;
        points += quint64(series.size());
        if (call.merge)
            m_store.merge(std::move(series),
                          call.keepFromMs.value(seriesKey, std::numeric_limits<qint64>::min()));
        else
            m_store.replace(std::move(series));
        // Only what arrived counts as loaded: a failed series is asked from its old end again.
        m_loadedEndMs.insert(storeKey, call.windowEndMs);
    }
    m_arrived += int(call.queries.size());
    m_errors.append(report.errors);
    if (points > 0) {
        m_datapoints += points;
        Q_EMIT datapointsReceivedChanged(m_datapoints);
    }
    Q_EMIT progressChanged(m_arrived, m_planned);
    if (--m_pendingCalls > 0)
        return;

    m_busy = false;
    m_lastRefresh = m_clock.nowUtc();
    if (m_everything || m_nextDueMs == 0)
        m_nextDueMs = autoRefreshes() ? m_clock.nowMs() + qint64(m_refreshIntervalS) * 1000 : kNever;
    Q_EMIT fetchFinished(m_lastRefresh, m_errors);
    // Queries added (or compare turned on) while this pass ran are fetched now, not at the
    // next tick.
    if (!m_busy)
        startFetch(false);
}

} // namespace mlwatch
