#pragma once

#include "core/common/error.h"
#include "core/model/metric_query.h"
#include "core/model/time_range.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

namespace mlwatch {

class Clock;
class MetricProvider;
class SeriesStore;
struct FetchReport;

// Decides when to fetch what. Holds the queries the charts want and a window ("the last N
// seconds", or an absolute range); on tick() it fetches what is due and puts what arrives into
// the SeriesStore. Time comes from the injected Clock; the app calls tick() from a QTimer, tests
// call it by hand. At most one fetch ("pass") is in flight: a tick while busy does nothing, a
// window change while busy cancels the old pass and starts the new one.
//
// Minimal requests (performance.md §4.2): the first pass of a (window, period) loads the whole
// window with replace(); later refreshes ask each series only for
// [its last fetched end − one period, now] (the last bucket may have been partial, clouds publish
// late) and SeriesStore::merge() it, dropping what slid out of the window. Queries added later
// are fetched alone (in full) at the next tick, without refreshing the others. A window or period
// change starts over with full loads. A pass makes one provider call per (account, range,
// compare offset): usually one call per account, which the provider batches.
class FetchScheduler : public QObject {
    Q_OBJECT
public:
    FetchScheduler(const Clock &clock, MetricProvider &provider, SeriesStore &store,
                   QObject *parent = nullptr);

    // The series to keep loaded. Each query's period is a floor (86400 for daily metrics); the
    // window's period is used when larger. New ones are fetched (in full) at the next tick;
    // removed ones are forgotten (their stored data stays until replaced).
    void setQueries(const QList<MetricQuery> &queries);
    QList<MetricQuery> queries() const { return m_queries; }

    // "The last `windowSeconds`", ending now (leaves absolute mode). Changing it makes a full
    // fetch due at once.
    void setWindowSeconds(qint64 windowSeconds);
    qint64 windowSeconds() const { return m_windowSeconds; }

    // A fixed range (UTC) instead of "the last N": fetched once in full, never auto-refreshed
    // (refreshNow() fetches it again). Invalid ranges are ignored. setWindowSeconds() leaves it.
    void setAbsoluteRange(const TimeRange &range);
    bool isAbsolute() const { return m_absolute.isValid(); }

    // How often a fetch becomes due again after one finished (default 5 minutes: CloudWatch bills
    // every metric of every call, cloud-apis.md §1.7). 0 turns auto-refresh off: then only new
    // queries, window changes and refreshNow() fetch.
    void setRefreshIntervalSeconds(int seconds);
    int refreshIntervalSeconds() const { return m_refreshIntervalS; }
    // Whether refreshes come by themselves (interval set and not an absolute range).
    bool autoRefreshes() const { return m_refreshIntervalS > 0 && !isAbsolute(); }

    // "Compare with previous period": 0 = off; else each query is also fetched over the window
    // moved back by this many seconds and stored under CompareOffset::seriesKey(key, offset), with its
    // real (unshifted) timestamps. Turning it on fetches the earlier copies at the next tick.
    void setCompareOffsetSeconds(qint64 offsetSeconds);
    qint64 compareOffsetSeconds() const { return m_compareOffsetS; }

    // Incremental refreshes (default on). Off, every refresh fetches the whole window again:
    // what the fetch benchmark measures against.
    void setIncremental(bool incremental) { m_incremental = incremental; }

    // The window and period of the latest pass (what the charts should show): always the whole
    // window, also when the pass only asked for its newest minutes.
    TimeRange currentRange() const { return m_range; }
    int currentPeriodSeconds() const { return m_periodS; }
    bool isBusy() const { return m_busy; }
    QDateTime lastRefreshUtc() const { return m_lastRefresh; }

    // Progress of the pass in flight (or the last one): series answered / series asked, counted
    // per provider call as it answers (a provider answers once per call).
    int seriesPlanned() const { return m_planned; }
    int seriesArrived() const { return m_arrived; }
    // Datapoints received since construction (every pass, compare copies included).
    quint64 datapointsReceived() const { return m_datapoints; }
    // Metrics one refresh asks for (queries, times two while comparing): what CloudWatch bills.
    int metricsPerRefresh() const;

public Q_SLOTS:
    void tick();       // fetch what is due
    void refreshNow(); // make due and tick
    // Stops the pass in flight (provider cancelAll): what arrived stays in the store, the rest
    // keeps its last data; emits fetchCancelled and then fetchFinished with one Cancelled error
    // (so charts whose series did not arrive say "Cancelled"). Nothing is fetched again until
    // the next refresh is due, the window changes or refreshNow(). No-op when idle.
    void cancel();

Q_SIGNALS:
    void fetchStarted();
    // During a pass: `arrived` of `planned` series have answered (0 of N at the start).
    void progressChanged(int arrived, int planned);
    void datapointsReceivedChanged(quint64 total);
    void fetchCancelled();
    // `errors` empty on full success. `finishedAtUtc` is the clock time the answer arrived (after
    // a cancel: the time of the cancel).
    void fetchFinished(const QDateTime &finishedAtUtc, const QList<mlwatch::Error> &errors);

private:
    struct Item; // one query (or its compare copy) in a pass
    struct Call; // one provider call of a pass
    // A new window (relative or absolute): due now; a fetch in flight for the old one is dropped.
    void windowChanged();
    void startFetch(bool everything);
    void onCallAnswered(quint64 generation, const Call &call, FetchReport report);

    const Clock &m_clock;
    MetricProvider &m_provider;
    SeriesStore &m_store;
    QList<MetricQuery> m_queries;
    qint64 m_windowSeconds = 24 * 3600;
    TimeRange m_absolute; // valid: absolute mode
    int m_refreshIntervalS = 300;
    qint64 m_compareOffsetS = 0;
    bool m_incremental = true;
    qint64 m_nextDueMs = 0; // 0: due now; max: not by itself
    TimeRange m_range;
    int m_periodS = 60;
    bool m_busy = false;
    quint64 m_generation = 0; // answers of superseded or cancelled passes are dropped
    QDateTime m_lastRefresh;

    // What is loaded for the current (window, period): store key → window end it is loaded up
    // to. Keys asked in this epoch (loaded or failed) are not fetched again before a refresh.
    QString m_epoch;
    QHash<QString, qint64> m_loadedEndMs;
    QSet<QString> m_asked;

    // The pass in flight.
    int m_pendingCalls = 0;
    int m_planned = 0;
    int m_arrived = 0;
    bool m_everything = false;
    QList<Error> m_errors;
    quint64 m_datapoints = 0;
};

} // namespace mlwatch
