#pragma once

#include "core/common/error.h"
#include "core/model/metric_query.h"
#include "core/model/time_range.h"

#include <QDateTime>
#include <QObject>

namespace mlwatch {

class Clock;
class MetricProvider;
class SeriesStore;

// Decides when to fetch what. Holds the queries the charts want and a "last N" window; on
// tick() it fetches everything that is due in one provider call (the provider batches), and puts
// what arrives into the SeriesStore. Time comes from the injected Clock; the app calls tick()
// from a QTimer, tests call it by hand. At most one fetch is in flight: a tick while busy does
// nothing, a window change while busy cancels the old fetch and starts the new one.
class FetchScheduler : public QObject {
    Q_OBJECT
public:
    FetchScheduler(const Clock &clock, MetricProvider &provider, SeriesStore &store,
                   QObject *parent = nullptr);

    // The series to keep loaded. Each query's period is a floor (86400 for daily metrics); the
    // window's period is used when larger.
    void setQueries(const QList<MetricQuery> &queries);
    QList<MetricQuery> queries() const { return m_queries; }

    // "The last `windowSeconds`", ending now. Changing it makes a fetch due at once.
    void setWindowSeconds(qint64 windowSeconds);
    qint64 windowSeconds() const { return m_windowSeconds; }

    // How often a fetch becomes due again after one finished (default 5 minutes: CloudWatch bills
    // every metric of every call, cloud-apis.md §1.7).
    void setRefreshIntervalSeconds(int seconds) { m_refreshIntervalS = seconds; }

    // The window and period of the latest fetch (what the charts should show).
    TimeRange currentRange() const { return m_range; }
    int currentPeriodSeconds() const { return m_periodS; }
    bool isBusy() const { return m_busy; }
    QDateTime lastRefreshUtc() const { return m_lastRefresh; }

public Q_SLOTS:
    void tick();       // fetch if due
    void refreshNow(); // make due and tick

Q_SIGNALS:
    void fetchStarted();
    // `errors` empty on full success. `finishedAtUtc` is the clock time the answer arrived.
    void fetchFinished(const QDateTime &finishedAtUtc, const QList<mlwatch::Error> &errors);

private:
    void startFetch();

    const Clock &m_clock;
    MetricProvider &m_provider;
    SeriesStore &m_store;
    QList<MetricQuery> m_queries;
    qint64 m_windowSeconds = 24 * 3600;
    int m_refreshIntervalS = 300;
    qint64 m_nextDueMs = 0; // 0: due now
    TimeRange m_range;
    int m_periodS = 60;
    bool m_busy = false;
    quint64 m_generation = 0; // answers of superseded fetches are dropped
    QDateTime m_lastRefresh;
};

} // namespace mlwatch
