#include "core/store/derived_series.h"

#include "core/store/series_store.h"

#include <algorithm>

namespace mlwatch {

DerivedSeries::DerivedSeries(SeriesStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_periodOf([](const MetricQuery &q) { return q.periodSeconds; }) {
    connect(&m_store, &SeriesStore::seriesChanged, this, &DerivedSeries::onSeriesChanged);
}

void DerivedSeries::setSeries(const QList<ChartSeriesSpec> &series) {
    m_series.clear();
    m_dependents.clear();
    for (const ChartSeriesSpec &s : series) {
        if (s.derivation == SeriesDerivation::None || s.inputs.isEmpty())
            continue;
        const QString key = s.query.seriesKey();
        if (m_series.contains(key))
            continue;
        m_series.insert(key, s);
        for (const MetricQuery &input : s.inputs) {
            QStringList &dependents = m_dependents[input.seriesKey()];
            if (!dependents.contains(key))
                dependents.append(key);
        }
    }
    for (const ChartSeriesSpec &s : std::as_const(m_series))
        recompute(s);
}

void DerivedSeries::setPeriodSource(std::function<int(const MetricQuery &)> source) {
    m_periodOf = std::move(source);
}

MetricQuery DerivedSeries::queryFor(SeriesDerivation derivation, const QList<MetricQuery> &inputs) {
    if (inputs.isEmpty() || derivation == SeriesDerivation::None)
        return inputs.value(0);
    if (derivation == SeriesDerivation::RatePerSecond) {
        MetricQuery q = inputs.first();
        q.metricName = QStringLiteral("rate(") + q.metricName + QLatin1Char(')');
        return q;
    }
    // ErrorPercent: named after the errors (Azure's 4xx and 5xx shares differ only in the
    // statusCodeClass filter of their error input).
    MetricQuery q = inputs.value(1, inputs.first());
    QStringList errors;
    for (qsizetype i = 1; i < inputs.size(); ++i)
        errors.append(inputs.at(i).metricName);
    q.metricName = QStringLiteral("errorPercent(") + errors.join(QLatin1Char('+')) + QLatin1Char('/') +
                   inputs.first().metricName + QLatin1Char(')');
    return q;
}

ChartSeriesSpec DerivedSeries::rate(const MetricQuery &perPeriodSum, const QString &legend) {
    ChartSeriesSpec s;
    s.derivation = SeriesDerivation::RatePerSecond;
    s.inputs = {perPeriodSum};
    s.query = queryFor(s.derivation, s.inputs);
    s.legend = legend;
    return s;
}

ChartSeriesSpec DerivedSeries::errorPercent(const MetricQuery &requests, const QList<MetricQuery> &errors,
                                            const QString &legend) {
    ChartSeriesSpec s;
    s.derivation = SeriesDerivation::ErrorPercent;
    s.inputs = QList<MetricQuery>{requests} + errors;
    s.query = queryFor(s.derivation, s.inputs);
    s.legend = legend;
    return s;
}

QList<MetricQuery> DerivedSeries::fetchQueries(const ChartSeriesSpec &series) {
    if (series.derivation == SeriesDerivation::None)
        return {series.query};
    return series.inputs;
}

SeriesData DerivedSeries::ratePerSecond(const SeriesData &perPeriodSums, int periodSeconds) {
    SeriesData out;
    if (periodSeconds <= 0)
        return out;
    out.timestampsMs = perPeriodSums.timestampsMs; // implicitly shared: no copy
    out.values.resize(perPeriodSums.values.size());
    const double seconds = double(periodSeconds);
    std::transform(perPeriodSums.values.cbegin(), perPeriodSums.values.cend(), out.values.begin(),
                   [seconds](double sum) { return sum / seconds; });
    return out;
}

SeriesData DerivedSeries::errorPercent(const SeriesData &requests, const QList<const SeriesData *> &errors) {
    SeriesData out;
    if (errors.isEmpty() || std::any_of(errors.begin(), errors.end(), [](const SeriesData *e) { return !e; }))
        return out;
    // Both sides are sorted by time: walk each error series once alongside the requests.
    QList<qsizetype> at(errors.size(), 0);
    out.timestampsMs.reserve(requests.size());
    out.values.reserve(requests.size());
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const qint64 t = requests.timestampsMs.at(i);
        const double n = requests.values.at(i);
        double failed = 0;
        for (qsizetype e = 0; e < errors.size(); ++e) {
            const SeriesData &err = *errors.at(e);
            qsizetype &j = at[e];
            while (j < err.size() && err.timestampsMs.at(j) < t)
                ++j;
            if (j < err.size() && err.timestampsMs.at(j) == t)
                failed += err.values.at(j); // else: no point = no errors that period
        }
        if (!(n > 0)) // 0 requests (or NaN): no rate to speak of — a gap, never a division by zero
            continue;
        out.timestampsMs.append(t);
        out.values.append(100.0 * failed / n);
    }
    return out;
}

void DerivedSeries::onSeriesChanged(const QString &seriesKey) {
    if (m_writing)
        return;
    const QStringList dependents = m_dependents.value(seriesKey);
    for (const QString &key : dependents)
        if (const auto it = m_series.constFind(key); it != m_series.constEnd())
            recompute(*it);
}

std::optional<SeriesData> DerivedSeries::compute(const ChartSeriesSpec &spec,
                                                 const QHash<QString, SeriesData> &loaded,
                                                 int periodSeconds) {
    if (spec.derivation == SeriesDerivation::None || spec.inputs.isEmpty())
        return std::nullopt;
    const auto first = loaded.constFind(spec.inputs.first().seriesKey());
    if (first == loaded.constEnd())
        return std::nullopt;
    SeriesData out;
    if (spec.derivation == SeriesDerivation::RatePerSecond) {
        out = ratePerSecond(*first, periodSeconds);
    } else {
        QList<const SeriesData *> errors;
        for (qsizetype i = 1; i < spec.inputs.size(); ++i) {
            const auto it = loaded.constFind(spec.inputs.at(i).seriesKey());
            errors.append(it == loaded.constEnd() ? nullptr : &*it);
        }
        out = errorPercent(*first, errors);
    }
    out.seriesKey = spec.query.seriesKey();
    return out;
}

void DerivedSeries::recompute(const ChartSeriesSpec &spec) {
    QHash<QString, SeriesData> loaded; // implicitly shared snapshots: no copies of the points
    for (const MetricQuery &input : spec.inputs)
        if (m_store.contains(input.seriesKey()))
            loaded.insert(input.seriesKey(), m_store.series(input.seriesKey()));
    std::optional<SeriesData> out = compute(spec, loaded, m_periodOf(spec.inputs.first()));
    // Nothing to say before the first input arrived (a chart waiting for its data stays waiting),
    // unless an earlier value must be withdrawn.
    if (!out && !m_store.contains(spec.query.seriesKey()))
        return;
    if (!out)
        out = SeriesData{spec.query.seriesKey(), {}, {}};
    m_writing = true;
    m_store.replace(std::move(*out));
    m_writing = false;
}

} // namespace mlwatch
