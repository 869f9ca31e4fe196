#pragma once

#include "core/catalog/chart_spec.h"
#include "core/model/series_data.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace mlwatch {

class SeriesStore;

// Series computed from others — RED's request rate and error percentage — materialised into the
// SeriesStore under their own keys, so charts, alerts and exports read them like fetched ones.
// Recomputed whenever one of their inputs changes in the store (SeriesStore::seriesChanged).
//
// Contracts (cloud-apis.md §1.5, §4: periods without data are absent, never zero):
//  - rate: each input point (a per-period sum) ÷ the period in seconds; a missing period stays
//    missing (no traffic publishes no Invocations point on SageMaker).
//  - error %: at each timestamp of the requests input with requests > 0: Σ errors ÷ requests
//    × 100. A gap where requests is missing or 0 (no division by zero). A missing error point
//    next to requests counts as 0 errors — Azure Monitor and Cloud Monitoring publish no point
//    for a minute without errors, and SageMaker publishes 0 — but an error input that is not in
//    the store at all (never fetched, fetch failed) makes the whole series a gap.
// Lives on the store's thread; the computation is O(points) per input change.
class DerivedSeries : public QObject {
    Q_OBJECT
public:
    explicit DerivedSeries(SeriesStore &store, QObject *parent = nullptr);

    // The series to keep computed: those with a derivation (others are ignored). Each is
    // computed at once from what the store holds; series no longer listed are left in the store.
    void setSeries(const QList<ChartSeriesSpec> &series);

    // The period (seconds) the data of `input` was fetched with. Default: input.periodSeconds
    // (a floor); the session passes the scheduler's current period.
    void setPeriodSource(std::function<int(const MetricQuery &input)> source);

    // --- building derived series (the catalogs) ---------------------------------------------------
    // The identity of a derived series: the key it is stored under. Account, resource, namespace,
    // dimensions, statistic and period are those of the first error input (ErrorPercent) or the
    // input (RatePerSecond); the metric name spells the formula: "rate(Invocations)",
    // "errorPercent(Invocation5XXErrors/Invocations)".
    static MetricQuery queryFor(SeriesDerivation derivation, const QList<MetricQuery> &inputs);
    static ChartSeriesSpec rate(const MetricQuery &perPeriodSum, const QString &legend);
    static ChartSeriesSpec errorPercent(const MetricQuery &requests, const QList<MetricQuery> &errors,
                                        const QString &legend);
    // The queries to fetch for these series: inputs of derived ones, the query of the others.
    static QList<MetricQuery> fetchQueries(const ChartSeriesSpec &series);

    // --- the computations (pure) ----------------------------------------------------------------
    static SeriesData ratePerSecond(const SeriesData &perPeriodSums, int periodSeconds);
    // `errors` null entries: not loaded (→ an empty result, all gap).
    static SeriesData errorPercent(const SeriesData &requests, const QList<const SeriesData *> &errors);
    // `spec` from inputs already loaded (by seriesKey), for one-shot readers such as the weekly
    // report; `periodSeconds` is the period the inputs were fetched with. nullopt while the first
    // input (the count or the requests) is not loaded. The result carries spec.query.seriesKey().
    static std::optional<SeriesData> compute(const ChartSeriesSpec &spec,
                                             const QHash<QString, SeriesData> &loaded, int periodSeconds);

private:
    void onSeriesChanged(const QString &seriesKey);
    void recompute(const ChartSeriesSpec &spec);

    SeriesStore &m_store;
    QHash<QString, ChartSeriesSpec> m_series; // derived key → spec
    QHash<QString, QStringList> m_dependents; // input key → derived keys
    std::function<int(const MetricQuery &)> m_periodOf;
    bool m_writing = false; // our own store writes announce derived keys: not inputs
};

} // namespace mlwatch
