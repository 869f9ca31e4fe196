#include "gui/chart_feed.h"

#include "charts/metric_chart_view.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/store/series_store.h"

namespace mlwatch {

ChartFeed::ChartFeed(FetchScheduler &scheduler, SeriesStore &store, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler) {
    connect(&scheduler, &FetchScheduler::fetchStarted, this, &ChartFeed::onFetchStarted);
    connect(&scheduler, &FetchScheduler::fetchFinished, this, &ChartFeed::onFetchFinished);
    connect(&store, &SeriesStore::seriesChanged, this, [this](const QString &key) { m_arrived.insert(key); });
}

void ChartFeed::addChart(MetricChartView *chart) {
    m_charts.append(chart);
    // A chart created after a fetch (charts are built when discovery answers) catches up at once.
    if (m_anyFetchFinished)
        deliver(chart, m_lastErrors);
}

void ChartFeed::clearCharts() {
    m_charts.clear();
}

void ChartFeed::onFetchStarted() {
    m_arrived.clear();
}

void ChartFeed::onFetchFinished(const QDateTime &, const QList<Error> &errors) {
    m_anyFetchFinished = true;
    m_lastErrors = errors;
    for (const QPointer<MetricChartView> &chart : std::as_const(m_charts))
        if (chart)
            deliver(chart, errors);
}

void ChartFeed::deliver(MetricChartView *chart, const QList<Error> &errors) const {
    chart->setWindow(m_scheduler.currentRange(), m_scheduler.currentPeriodSeconds());
    bool complete = true;
    for (const ChartSeriesSpec &series : chart->spec().series)
        complete = complete && m_arrived.contains(series.query.seriesKey());
    // A failed fetch explains an empty chart better than "no datapoints": the provider reports
    // failed batches' series as empty, so emptiness after an error counts as not arrived.
    const bool failedHere = !errors.isEmpty() && (!complete || !chart->hasDataInWindow());
    chart->setFetchResult(failedHere ? summary(errors) : QString());
}

QString ChartFeed::summary(const QList<Error> &errors) {
    if (errors.isEmpty())
        return {};
    const QString first = errors.first().message;
    if (errors.size() == 1)
        return first;
    return tr("%1 (+%n more)", nullptr, int(errors.size() - 1)).arg(first);
}

QString ChartFeed::details(const QList<Error> &errors) {
    QStringList lines;
    for (const Error &error : errors)
        lines.append(error.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace mlwatch
