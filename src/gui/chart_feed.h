#pragma once

#include "core/common/error.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

class QDateTime;

namespace mlwatch {

class FetchScheduler;
class MetricChartView;
class SeriesStore;

// Tells every chart the outcome of each fetch: the window it covered and, when the fetch
// failed, the error — but only to the charts whose series did not arrive in that fetch (one
// GetMetricData call can succeed for some pages and fail for others, and an error on a chart
// whose data is fresh would be a false alarm).
class ChartFeed : public QObject {
    Q_OBJECT
public:
    ChartFeed(FetchScheduler &scheduler, SeriesStore &store, QObject *parent = nullptr);

    // Charts may die with their tab: they are held by QPointer.
    void addChart(MetricChartView *chart);
    void clearCharts();

    // The shortest useful summary of a fetch's errors for one line ("Rate exceeded (+2 more)");
    // empty when there are none.
    static QString summary(const QList<Error> &errors);
    // Every error in full, one a line, for a tooltip.
    static QString details(const QList<Error> &errors);

private:
    void onFetchStarted();
    void onFetchFinished(const QDateTime &finishedAtUtc, const QList<mlwatch::Error> &errors);
    void deliver(MetricChartView *chart, const QList<Error> &errors) const;

    FetchScheduler &m_scheduler;
    QList<QPointer<MetricChartView>> m_charts;
    QSet<QString> m_arrived; // series keys replaced since the current fetch started
    bool m_anyFetchFinished = false;
    QList<Error> m_lastErrors;
};

} // namespace mlwatch
