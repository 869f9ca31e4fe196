#include "report/report_data_fetcher.h"

#include "core/export/chart_csv_writer.h"
#include "core/fetch/period_choice.h"
#include "core/providers/metric_provider.h"
#include "core/store/derived_series.h"
#include "report/report_statistics.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>

namespace mlwatch {

namespace {

// "training/cpu-gpu/churn-train-2026-11/algo-1" → "training-cpu-gpu-churn-train-2026-11-algo-1":
// safe on every file system, readable, stable across runs.
QString fileStemFor(const QString &chartId) {
    static const QRegularExpression kUnsafe(QStringLiteral("[^A-Za-z0-9._]+"));
    QString stem = chartId;
    stem.replace(kUnsafe, QStringLiteral("-"));
    while (stem.startsWith(QLatin1Char('-')) || stem.startsWith(QLatin1Char('.')))
        stem.remove(0, 1);
    while (stem.endsWith(QLatin1Char('-')))
        stem.chop(1);
    return stem.isEmpty() ? QStringLiteral("chart") : stem.left(120);
}

int stageIndex(Stage stage) {
    return int(allStages().indexOf(stage));
}

} // namespace

bool ReportChart::hasData() const {
    return std::any_of(thisWeek.cbegin(), thisWeek.cend(), [](const SeriesData &s) { return s.size() > 0; });
}

bool ReportChart::hasLastWeekData() const {
    return std::any_of(lastWeek.cbegin(), lastWeek.cend(), [](const SeriesData &s) { return s.size() > 0; });
}

QString ReportData::ruleName(const QString &ruleId) const {
    for (const AlertRule &rule : rules)
        if (rule.id == ruleId)
            return rule.name.isEmpty() ? rule.id : rule.name;
    return ruleId;
}

qsizetype ReportData::chartsWithData() const {
    return std::count_if(charts.cbegin(), charts.cend(), [](const ReportChart &c) { return c.hasData(); });
}

ReportDataFetcher::ReportDataFetcher(ReportRequest request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request)) {
    plan();
}

ReportDataFetcher::~ReportDataFetcher() = default;

void ReportDataFetcher::plan() {
    const TimeRange thisWeek = m_request.week.range();
    const TimeRange lastWeek = m_request.week.previousRange();
    const qint64 nowMs = m_request.nowMs;
    m_chartPeriodSeconds = std::max(choosePeriodSeconds(thisWeek, nowMs, kMaxChartPointsPerSeries),
                                    choosePeriodSeconds(lastWeek, nowMs, kMaxChartPointsPerSeries));
    for (int a = 0; a < int(m_request.accounts.size()); ++a) {
        QList<MetricQuery> queries;
        QSet<QString> keys;
        for (const ChartSpec &chart : m_request.accounts.at(a).charts) {
            for (const ChartSeriesSpec &series : chart.series) {
                // A derived series (RED) is computed from its inputs when they arrive (onFetched).
                for (MetricQuery q : DerivedSeries::fetchQueries(series)) {
                    if (keys.contains(q.seriesKey()))
                        continue;
                    keys.insert(q.seriesKey());
                    q.periodSeconds = std::max(m_chartPeriodSeconds, q.periodSeconds);
                    queries.append(q);
                }
            }
        }
        m_plan.append(Call{a, CallKind::ThisWeek, thisWeek, queries, {}, {}, false});
        m_plan.append(Call{a, CallKind::LastWeek, lastWeek, queries, {}, {}, false});
    }
    if (m_request.accounts.isEmpty() || m_request.rules.isEmpty() || m_request.history)
        return;
    // Replay: each rule's own series at its own period (where the data's age allows it), from a
    // day before the range so a rule can be pending or firing when the range starts. Rules name
    // no account: their series are asked of the first one.
    const TimeRange replay{thisWeek.startMs - kReplayWarmupMs, thisWeek.endMs};
    const int finest = choosePeriodSeconds(replay, nowMs, std::numeric_limits<int>::max());
    QList<MetricQuery> queries;
    QSet<QString> keys;
    const QHash<QString, ChartSeriesSpec> derived = derivedSeries();
    for (const AlertRule &rule : std::as_const(m_request.rules)) {
        if (!rule.enabled || keys.contains(rule.seriesKey()))
            continue;
        keys.insert(rule.seriesKey());
        // A rule on a derived series (the error budget) replays on its inputs.
        const auto it = derived.constFind(rule.seriesKey());
        for (MetricQuery q : it == derived.constEnd() ? QList<MetricQuery>{rule.series} : it->inputs) {
            q.periodSeconds = std::max(finest, rule.periodSeconds);
            queries.append(q);
        }
    }
    if (!queries.isEmpty())
        m_plan.append(Call{0, CallKind::Replay, replay, queries, {}, {}, false});
}

const ReportDataFetcher::Call *ReportDataFetcher::call(int account, CallKind kind) const {
    for (const Call &c : m_plan)
        if (c.account == account && c.kind == kind)
            return &c;
    return nullptr;
}

void ReportDataFetcher::fetch(std::function<void(Result<ReportData>)> done) {
    m_done = std::move(done);
    m_step = 0;
    m_cancelled = false;
    Q_EMIT progress(0, totalSteps());
    fetchNext();
}

void ReportDataFetcher::cancel() {
    if (!m_done)
        return;
    // The provider is shared with the session's scheduler, so its cancelAll() is not ours to
    // call: the answer in flight is simply dropped when it arrives.
    m_cancelled = true;
    ++m_generation;
    finish(Error{ErrorCode::Cancelled, tr("The report was cancelled."), QString()});
}

void ReportDataFetcher::fetchNext() {
    if (m_step >= totalSteps()) {
        const bool allChartCallsFailed =
            !m_plan.isEmpty() && std::all_of(m_plan.cbegin(), m_plan.cend(), [](const Call &c) {
                return c.kind == CallKind::Replay || c.failed;
            });
        if (allChartCallsFailed) {
            finish(m_plan.constFirst().errors.value(
                0, Error{ErrorCode::ServiceError, tr("No data could be fetched."), QString()}));
            return;
        }
        finish(assemble());
        return;
    }
    Call &next = m_plan[m_step];
    const ReportAccount &account = m_request.accounts.at(next.account);
    if (!account.provider || next.queries.isEmpty()) {
        if (!account.provider) {
            next.errors.append(
                Error{ErrorCode::Cancelled, tr("The account %1 was closed.").arg(account.label), QString()});
            next.failed = true;
        }
        ++m_step;
        Q_EMIT progress(m_step, totalSteps());
        fetchNext();
        return;
    }
    const quint64 generation = m_generation;
    QPointer<ReportDataFetcher> self(this);
    account.provider->fetch(next.queries, next.range, [self, generation](FetchReport report) {
        if (!self || self->m_generation != generation || self->m_cancelled)
            return;
        self->onFetched(std::move(report));
    });
}

void ReportDataFetcher::onFetched(FetchReport report) {
    Call &current = m_plan[m_step];
    // The provider widens a call to whole periods of its largest query (a daily S3 metric makes
    // it whole UTC days): keep what the report asked for, so the week is the week in its zone.
    for (const SeriesData &s : std::as_const(report.series))
        current.series.insert(s.seriesKey, ChartCsvWriter::slice(s, current.range, 1.0));
    // Derived series (RED) from the inputs just fetched, at the period they were asked with.
    for (const ChartSeriesSpec &spec : derivedSeries()) {
        const auto asked =
            std::find_if(current.queries.cbegin(), current.queries.cend(), [&spec](const MetricQuery &q) {
                return q.seriesKey() == spec.inputs.first().seriesKey();
            });
        if (asked == current.queries.cend())
            continue;
        if (std::optional<SeriesData> d = DerivedSeries::compute(spec, current.series, asked->periodSeconds))
            current.series.insert(d->seriesKey, std::move(*d));
    }
    current.errors = report.errors;
    current.failed = !report.errors.isEmpty() && report.series.isEmpty();
    ++m_step;
    Q_EMIT progress(m_step, totalSteps());
    fetchNext();
}

QHash<QString, ChartSeriesSpec> ReportDataFetcher::derivedSeries() const {
    QHash<QString, ChartSeriesSpec> out;
    for (const ReportAccount &account : m_request.accounts)
        for (const ChartSpec &chart : account.charts)
            for (const ChartSeriesSpec &series : chart.series)
                if (series.derivation != SeriesDerivation::None && !series.inputs.isEmpty())
                    out.insert(series.query.seriesKey(), series);
    return out;
}

ReportData ReportDataFetcher::assemble() const {
    ReportData data;
    data.week = m_request.week;
    data.workspaceName = m_request.workspaceName;
    data.generatedAtMs = m_request.nowMs;
    data.rules = m_request.rules;
    for (const Call &c : m_plan)
        data.fetchErrors += c.errors;

    QSet<QString> stems;
    for (int a = 0; a < int(m_request.accounts.size()); ++a) {
        const ReportAccount &account = m_request.accounts.at(a);
        data.accountLabels.append(account.label);
        const Call *now = call(a, CallKind::ThisWeek);
        const Call *before = call(a, CallKind::LastWeek);
        for (const ChartSpec &spec : account.charts) {
            ReportChart chart;
            chart.accountLabel = account.label;
            chart.spec = spec;
            chart.periodSeconds = m_chartPeriodSeconds;
            QString stem = fileStemFor(spec.id);
            if (m_request.accounts.size() > 1)
                stem = QStringLiteral("account%1-").arg(a + 1) + stem;
            const QString base = stem;
            for (int n = 2; stems.contains(stem); ++n)
                stem = base + QStringLiteral("-%1").arg(n);
            stems.insert(stem);
            chart.fileStem = stem;
            bool missing = false;
            for (const ChartSeriesSpec &series : spec.series) {
                const QString key = series.query.seriesKey();
                missing = missing || !now->series.contains(key);
                chart.thisWeek.append(now->series.value(key, SeriesData{key, {}, {}}));
                chart.lastWeek.append(before->series.value(key, SeriesData{key, {}, {}}));
                chart.periodSeconds = std::max(chart.periodSeconds, series.query.periodSeconds);
            }
            if (missing)
                for (const Error &e : now->errors)
                    if (!chart.errors.contains(e.message))
                        chart.errors.append(e.message);
            data.charts.append(chart);
        }
    }
    // Stage order, then the order the catalog gave (stable).
    std::stable_sort(data.charts.begin(), data.charts.end(), [](const ReportChart &x, const ReportChart &y) {
        return stageIndex(x.spec.stage) < stageIndex(y.spec.stage);
    });
    data.metrics = ReportStatistics::metricRows(data.charts, data.week);

    if (!data.rules.isEmpty()) {
        QList<AlertTransition> transitions;
        if (m_request.history) {
            data.alertSource = ReportAlertSource::History;
            transitions = *m_request.history;
        } else {
            data.alertSource = ReportAlertSource::Replay;
            if (const Call *replay = call(0, CallKind::Replay))
                transitions = ReportStatistics::replay(data.rules, replay->series);
        }
        data.alertLog = ReportStatistics::transitionsIn(transitions, data.week.range());
        data.alerts =
            ReportStatistics::alertStats(data.rules, transitions, data.week.range(), m_request.nowMs);
    }
    return data;
}

void ReportDataFetcher::finish(Result<ReportData> result) {
    if (!m_done)
        return;
    auto done = std::move(m_done); // moved out first: `done` may destroy this object
    m_done = nullptr;
    done(std::move(result));
}

} // namespace mlwatch
