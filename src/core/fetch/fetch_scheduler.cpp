#include "core/fetch/fetch_scheduler.h"

#include "core/common/clock.h"
#include "core/common/logging.h"
#include "core/fetch/period_choice.h"
#include "core/providers/metric_provider.h"
#include "core/store/series_store.h"

namespace mlwatch {

FetchScheduler::FetchScheduler(const Clock &clock, MetricProvider &provider, SeriesStore &store,
                               QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_provider(provider)
    , m_store(store) {}

void FetchScheduler::setQueries(const QList<MetricQuery> &queries) {
    m_queries = queries;
    m_nextDueMs = 0;
}

void FetchScheduler::setWindowSeconds(qint64 windowSeconds) {
    if (windowSeconds == m_windowSeconds)
        return;
    m_windowSeconds = windowSeconds;
    m_nextDueMs = 0;
    if (m_busy) {
        // The answer to the old window is no longer wanted: drop it and ask again.
        ++m_generation;
        m_busy = false;
        m_provider.cancelAll();
        startFetch();
    }
}

void FetchScheduler::tick() {
    if (m_busy || m_queries.isEmpty())
        return;
    if (m_nextDueMs != 0 && m_clock.nowMs() < m_nextDueMs)
        return;
    startFetch();
}

void FetchScheduler::refreshNow() {
    m_nextDueMs = 0;
    tick();
}

void FetchScheduler::startFetch() {
    const qint64 nowMs = m_clock.nowMs();
    // Align the window to whole minutes so successive fetches ask for the same buckets.
    const qint64 endMs = (nowMs / 60000) * 60000;
    const TimeRange range{endMs - m_windowSeconds * 1000, endMs};
    const int period = choosePeriodSeconds(range, nowMs);
    QList<MetricQuery> queries = m_queries;
    // A query's own period is its floor: daily metrics (S3 storage) keep 86400 s at any window.
    for (MetricQuery &q : queries)
        q.periodSeconds = std::max(period, q.periodSeconds);

    m_range = range;
    m_periodS = period;
    m_busy = true;
    const quint64 generation = ++m_generation;
    qCDebug(lcFetch) << "fetching" << queries.size() << "series, period" << period;
    Q_EMIT fetchStarted();
    m_provider.fetch(queries, range, [this, generation](FetchReport report) {
        if (generation != m_generation)
            return; // superseded by a newer window
        m_busy = false;
        for (SeriesData &series : report.series)
            m_store.replace(std::move(series));
        m_lastRefresh = m_clock.nowUtc();
        m_nextDueMs = m_clock.nowMs() + qint64(m_refreshIntervalS) * 1000;
        Q_EMIT fetchFinished(m_lastRefresh, report.errors);
    });
}

} // namespace mlwatch
